using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Adds the user's reply to a thread; threads piped from Get-IntercomMessageThread bind by property name.</summary>
    [Cmdlet(VerbsCommon.Add, "IntercomMessageReply", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(MessageThread))]
    public sealed class AddIntercomMessageReplyCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public AddIntercomMessageReplyCommand() => _users = new UserTargets(Composed);

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id")]
        public long ThreadId { get; set; }

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
                if (!ShouldProcess($"thread {ThreadId} of {user.Describe()}", "Reply")) continue;
                Requests.Submit(user.Target, token => Client.ReplyToMessageThreadAsync(user.Identity(), ThreadId, Body, Url, token), WriteObject);
            }
        }
    }
}
