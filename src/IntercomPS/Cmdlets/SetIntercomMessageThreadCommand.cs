using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Marks threads read (-Read $true) or unread again (-Read $false) for their user.</summary>
    [Cmdlet(VerbsCommon.Set, "IntercomMessageThread", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(MessageThread))]
    public sealed class SetIntercomMessageThreadCommand : ConcurrentUserCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id")]
        public long ThreadId { get; set; }

        /// <summary>Not bound from piped threads on purpose: their own Read is the state being changed.</summary>
        [Parameter(Mandatory = true)]
        public bool Read { get; set; }

        /// <summary>Return the thread as it is now.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var user in Targets())
            {
                if (!ShouldProcess($"thread {ThreadId} of {user.Describe()}", Read ? "Mark read" : "Mark unread")) continue;
                Submit(user.Target, token => Client.MarkMessageThreadAsync(user.Identity(), ThreadId, Read, token), thread => { if (PassThru) WriteObject(thread); });
            }
        }
    }
}
