using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Adds a reply to a thread: the user's, or on REST API 2.x an admin's (-AdminId, or -AsAdmin for the session's
    /// admin) or an internal note only teammates see (-Note); on 2.x a thread is named by -ThreadId alone too, and the
    /// user's reply is then its own contact's. Threads piped from Get-IntercomMessageThread bind by property name.
    /// Add-IntercomConversationReply is its 2.x name.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "IntercomMessageReply", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [Alias("Add-IntercomConversationReply")]
    [OutputType(typeof(MessageThread))]
    public sealed class AddIntercomMessageReplyCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public AddIntercomMessageReplyCommand() => _users = new UserTargets(Composed);

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id", "ConversationId", "conversation_id")]
        [AllowNull] // a piped sent message that opened no conversation yet: refused, saying why, rather than by PowerShell's null binding
        public long? ThreadId { get; set; }

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Body { get; set; } = string.Empty;

        /// <summary>The page the user was on when they wrote (v1).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Url { get; set; }

        /// <summary>Reply as this admin (REST API 2.x).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AdminId { get; set; }

        /// <summary>Reply as the session's admin (Connect-Intercom -AdminId, else the token's own).</summary>
        [Parameter]
        public SwitchParameter AsAdmin { get; set; }

        /// <summary>An internal note on the conversation, which only teammates see (by -AdminId, else the session's admin).</summary>
        [Parameter]
        public SwitchParameter Note { get; set; }

        private bool ByAdmin => AdminId is not null || AsAdmin || Note;

        private string Action => Note ? "Add a note" : ByAdmin ? $"Reply as admin {AdminId ?? "(the session's)"}" : "Reply";

        protected override void ProcessRecord()
        {
            if (_users.RefusesUnopenedMessage(Requests)) return;
            var threadId = ThreadId ?? 0;
            if (!_users.NamesUser)
            {
                if (_users.RefusesWithoutUser(Requests)) return;
                if (!ShouldProcess($"conversation {threadId}", Action)) return;
                Requests.Submit((object?)_users.InputObject ?? threadId, token => ByAdmin
                    ? Client.As<IConversationInbox>().ReplyAsAdminAsync(threadId, null, Body, AdminId, Note, token)
                    : Client.As<IConversationInbox>().ReplyAsContactAsync(threadId, Body, token), WriteObject);
                return;
            }
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldProcess($"thread {threadId} of {user.Describe()}", Action)) continue;
                Requests.Submit(user.Target, token => ByAdmin
                    ? Client.As<IConversationInbox>().ReplyAsAdminAsync(threadId, user.Identity(), Body, AdminId, Note, token)
                    : Client.ReplyToMessageThreadAsync(user.Identity(), threadId, Body, Url, token), WriteObject);
            }
        }
    }
}
