using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Removes users (given or piped in) from the conversation -ThreadId names (REST API 2.x), by the session's admin or
    /// -AdminId; the users and the conversation stay. The last user of a conversation cannot be removed (Intercom's
    /// 422). A piped thread names the thread; the user to remove is then given by -Email, -UserId or -Id. A removal
    /// whose answer was lost is not repeated.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomMessageThreadUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [Alias("Remove-IntercomConversationUser")]
    [OutputType(typeof(MessageThread))]
    public sealed class RemoveIntercomMessageThreadUserCommand : IntercomCmdlet
    {
        private readonly ThreadUserLink _link;

        public RemoveIntercomMessageThreadUserCommand() => _link = new ThreadUserLink(Composed, add: false);

        /// <summary>The conversation's id; binds from piped threads.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id", "ConversationId", "conversation_id")]
        [AllowNull] // a piped sent message that opened no conversation yet: refused, saying why, rather than by PowerShell's null binding
        public long? ThreadId { get; set; }

        /// <summary>The admin who acts; the session's admin when left out.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AdminId { get; set; }

        /// <summary>Return the thread after each user is removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _link.Begin(this);
        }

        protected override void ProcessRecord() =>
            _link.LinkEach(Requests, () => Client, ThreadId ?? 0, AdminId, ShouldProcess, thread => { if (PassThru) WriteObject(thread); });
    }
}
