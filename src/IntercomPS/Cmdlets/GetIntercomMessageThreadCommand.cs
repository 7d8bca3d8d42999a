using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Gets a user's message threads (their whole inbox), or one thread with -ThreadId.</summary>
    [Cmdlet(VerbsCommon.Get, "IntercomMessageThread")]
    [OutputType(typeof(MessageThread))]
    public sealed class GetIntercomMessageThreadCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public GetIntercomMessageThreadCommand() => _users = new UserTargets(Composed, throttled: false);

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id")]
        public long? ThreadId { get; set; }

        /// <summary>The page the user is on: Intercom adds auto messages that target it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CurrentUrl { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var user in _users.Of(Requests))
            {
                if (ThreadId is { } threadId)
                {
                    var thread = Requests.Invoke(user.Target, token => Client.GetMessageThreadAsync(user.Identity(), threadId, token));
                    if (thread is not null) WriteObject(thread);
                    continue;
                }
                var threads = Requests.Invoke(user.Target, token => Client.GetMessageThreadsAsync(user.Identity(), CurrentUrl, token));
                if (threads is not null) WriteObject(threads, enumerateCollection: true);
            }
        }
    }
}
