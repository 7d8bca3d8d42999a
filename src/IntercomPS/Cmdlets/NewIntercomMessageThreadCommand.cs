using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Starts a message thread from the user to the app (the API creates messages as the user).</summary>
    [Alias("New-IntercomConversation")]
    [Cmdlet(VerbsCommon.New, "IntercomMessageThread", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(MessageThread))]
    public sealed class NewIntercomMessageThreadCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public NewIntercomMessageThreadCommand() => _users = new UserTargets(Composed);

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Body { get; set; } = string.Empty;

        /// <summary>The page the user was on when they wrote.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Url { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldProcess(user.Describe(), "Start a message thread")) continue;
                Requests.Submit(user.Target, token => Client.CreateMessageThreadAsync(user.Identity(), Body, Url, token), WriteObject);
            }
        }
    }
}
