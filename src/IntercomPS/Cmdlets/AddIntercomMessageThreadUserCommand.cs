using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Adds users (given or piped in) to the conversation -ThreadId names (REST API 2.x), beside the user it is with, by
    /// the session's admin or -AdminId. A piped thread names the thread; the user to add is then given by -Email,
    /// -UserId or -Id. A user already taking part stays as it is. Only users that exist are added: Intercom would make a
    /// lead of an email nobody has, so the user is looked up first and an unknown one is not_found.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "IntercomMessageThreadUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [Alias("Add-IntercomConversationUser")]
    [OutputType(typeof(MessageThread))]
    public sealed class AddIntercomMessageThreadUserCommand : IntercomCmdlet
    {
        private readonly ThreadUserLink _link;

        public AddIntercomMessageThreadUserCommand() => _link = new ThreadUserLink(Composed, add: true);

        /// <summary>The conversation's id; binds from piped threads.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id", "ConversationId", "conversation_id")]
        [AllowNull] // a piped sent message that opened no conversation yet: refused, saying why, rather than by PowerShell's null binding
        public long? ThreadId { get; set; }

        /// <summary>The admin who acts; the session's admin when left out.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AdminId { get; set; }

        /// <summary>Return the thread after each user is added (its ContactIds lists everyone taking part).</summary>
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
