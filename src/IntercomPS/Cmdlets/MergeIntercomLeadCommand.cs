using System;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Converts leads into a user (REST API 2.x's POST /contacts/merge): each lead given or piped in is merged into the
    /// user -IntoUserId, -IntoEmail or -IntoId names, and is gone; the user as it is after comes out. Intercom-Version
    /// 2.16 merges only duplicates (the same email or phone): -SkipDuplicateCheck merges others too.
    /// </summary>
    [Cmdlet(VerbsData.Merge, "IntercomLead", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(User))]
    public sealed class MergeIntercomLeadCommand : IntercomCmdlet
    {
        private readonly UserTargets _leads;

        public MergeIntercomLeadCommand() => _leads = new UserTargets(Composed);

        /// <summary>The user id of the user to merge into.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("into_user_id")]
        public string? IntoUserId { get; set; }

        /// <summary>The email of the user to merge into.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("into_email")]
        public string? IntoEmail { get; set; }

        /// <summary>The contact id of the user to merge into.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("into_id")]
        public string? IntoId { get; set; }

        /// <summary>
        /// Merge even when the lead and the user are not duplicates (share no email or phone): Intercom-Version 2.16
        /// refuses that otherwise. Sends skip_duplicate_validation.
        /// </summary>
        [Parameter]
        public SwitchParameter SkipDuplicateCheck { get; set; }

        protected override void ProcessRecord()
        {
            UserIdentity into;
            try
            {
                into = new UserIdentity(IntoUserId, IntoEmail, IntoId);
            }
            catch (ArgumentException)
            {
                Requests.Refuse(_leads.InputObject, new PSArgumentException("Name the user to merge into with -IntoUserId, -IntoEmail or -IntoId."));
                return;
            }
            foreach (var lead in _leads.Of(Requests))
            {
                if (!ShouldProcess(lead.Describe(), $"Merge Intercom lead into user {into}")) continue;
                Requests.Submit(lead.Target, token => Client.As<ILeads>().MergeLeadAsync(lead.Identity(), into, SkipDuplicateCheck.IsPresent, token), WriteUser);
            }
        }
    }
}
