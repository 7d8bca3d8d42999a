using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// A cmdlet that acts on one user per input: given by -Email / -UserId, by property name from piped objects
    /// (our User objects, Import-Csv rows with email / user_id columns), or as a piped email string.
    /// </summary>
    public abstract class UserTargetCmdlet : IntercomCmdlet
    {
        /// <summary>The piped object itself, kept so errors can name exactly the input that failed.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>The user's email. Blank values (empty CSV cells) count as not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        public string? UserId { get; set; }

        /// <summary>The user this input names; a piped plain string is an email.</summary>
        protected UserIdentity Identity() =>
            Email is null && UserId is null && InputObject?.BaseObject is string email
                ? new UserIdentity(null, email)
                : new UserIdentity(UserId, Email);

        /// <summary>What errors and -WhatIf name: the piped object, else the user given on the command line.</summary>
        protected object? Target => InputObject ?? (object?)UserId ?? Email;

        /// <summary>The user's name for -WhatIf and -Confirm messages.</summary>
        protected string Describe()
        {
            try
            {
                return Identity().ToString();
            }
            catch (System.ArgumentException)
            {
                return InputObject?.ToString() ?? "(no user given)";
            }
        }
    }
}
