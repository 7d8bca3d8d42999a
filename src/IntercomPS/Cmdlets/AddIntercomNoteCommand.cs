using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Leaves a note on each user given or piped in.</summary>
    [Cmdlet(VerbsCommon.Add, "IntercomNote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Note))]
    public sealed class AddIntercomNoteCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public AddIntercomNoteCommand() => _users = new UserTargets(Composed);

        /// <summary>The note's text; Intercom renders it as HTML paragraphs.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Body { get; set; } = string.Empty;

        /// <summary>The admin who writes the notes (REST API 2.x), instead of the session's (Connect-Intercom -AdminId, else the token's).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AdminId { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldProcess(user.Describe(), "Add a note")) continue;
                Requests.Submit(user.Target, token => Client.AddNoteAsync(user.Identity(), Body, AdminId, token), WriteObject);
            }
        }
    }
}
