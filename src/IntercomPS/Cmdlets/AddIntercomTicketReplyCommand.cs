using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Replies to tickets (REST API 2.14 on's POST /tickets/{id}/reply): an admin's comment, which the user sees, or
    /// with -Note an internal note; by -AdminId, else the session's admin. With -UserId, -Email or -ContactId the
    /// reply is that user's comment instead (the ticket's contact's). The ticket is named by -Id, or piped. A reply
    /// whose answer was lost is not repeated (it would be written twice): that input's error says it may have been applied.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "IntercomTicketReply", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(TicketPart))]
    public sealed class AddIntercomTicketReplyCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public AddIntercomTicketReplyCommand() => _piped = new PipedObject(Composed, PipedKind.Ticket);

        /// <summary>The id Intercom's API gave the ticket; binds from piped tickets' Id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Id { get; set; }

        /// <summary>What the reply says (HTML, or text, which becomes a paragraph).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Body { get; set; } = string.Empty;

        /// <summary>An internal note, which only teammates see, instead of a comment.</summary>
        [Parameter]
        public SwitchParameter Note { get; set; }

        /// <summary>The admin who writes it; the session's admin by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AdminId { get; set; }

        /// <summary>The user (the ticket's contact) whose comment it is, by their user_id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        /// <summary>The user whose comment it is, by email.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        /// <summary>The user whose comment it is, by their Intercom contact id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ContactId { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherTicket(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(target, new PSArgumentException("Name the ticket by -Id, or pipe it from Get-IntercomTicket (a blank cell names none)."));
                return;
            }
            var byUser = UserId is not null || Email is not null || ContactId is not null;
            if (byUser && (Note || AdminId is not null))
            {
                Requests.Refuse(target, new PSArgumentException("A user's reply is a comment: -Note and -AdminId are an admin's; leave them out, or leave out -UserId, -Email and -ContactId."));
                return;
            }
            var id = Id!.Trim();
            var reply = new TicketReplyRequest { Body = Body, Note = Note, AdminId = AdminId, User = byUser ? new UserIdentity(UserId, Email, ContactId) : null };
            var described = _piped.InputObject?.BaseObject is Ticket { Title: { } title } ? $"ticket '{title}' ({id})" : $"ticket {id}";
            var action = byUser ? $"Add {reply.User}'s reply" : Note ? "Add an admin's note" : "Add an admin's reply";
            if (!ShouldProcess(described, action)) return;
            Requests.Submit(target, token => Client.As<ITickets>().ReplyToTicketAsync(id, reply, token), WriteObject);
        }
    }
}
