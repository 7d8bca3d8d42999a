using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Gets a user's message threads (their whole inbox), or one thread with -ThreadId.</summary>
    [Cmdlet(VerbsCommon.Get, "IntercomMessageThread")]
    [OutputType(typeof(MessageThread))]
    public sealed class GetIntercomMessageThreadCommand : UserTargetCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id")]
        public long? ThreadId { get; set; }

        /// <summary>The page the user is on: Intercom adds auto messages that target it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CurrentUrl { get; set; }

        protected override void ProcessRecord()
        {
            if (ThreadId is { } threadId)
            {
                var thread = Invoke(Target, token => Client.GetMessageThreadAsync(Identity(), threadId, token));
                if (thread is not null) WriteObject(thread);
                return;
            }
            var threads = Invoke(Target, token => Client.GetMessageThreadsAsync(Identity(), CurrentUrl, token));
            if (threads is not null) WriteObject(threads, enumerateCollection: true);
        }
    }
}
