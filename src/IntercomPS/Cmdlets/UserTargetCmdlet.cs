using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// A cmdlet that acts on the users each input names: given by -Email / -UserId (several at once, like
    /// Get-IntercomUser), by property name from piped objects (our User objects, Import-Csv rows with email /
    /// user_id columns), or as a piped email string.
    /// </summary>
    public abstract class UserTargetCmdlet : IntercomCmdlet
    {
        /// <summary>The piped object itself, kept so errors can name exactly the input that failed.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>The users' emails. Blank values (empty CSV cells) count as not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[]? Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        public string[]? UserId { get; set; }

        /// <summary>
        /// The contact id on REST API 2.x: it finds the user with no search, and binds from piped User objects and
        /// CSV id columns. v1 finds users by -UserId or -Email only. Piped threads carry it as ContactId (their Id-less
        /// shape keeps ThreadId apart from the user's id), so replying to or marking one needs no search.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ContactId", "contact_id")]
        public string[]? Id { get; set; }

        /// <summary>Whether this input names any user at all (piped, or -Email / -UserId / -Id given).</summary>
        protected bool UserGiven => InputObject is not null || Email is not null || UserId is not null || Id is not null;

        /// <summary>The users this input names, in order; a mismatched -Email / -UserId pairing is this input's error.</summary>
        protected IReadOnlyList<UserTarget> Targets()
        {
            try
            {
                return UserTarget.Of(Email, UserId, Id, InputObject);
            }
            catch (ArgumentException mismatch)
            {
                WriteFailure(mismatch, InputObject);
                return Array.Empty<UserTarget>();
            }
        }
    }
}
