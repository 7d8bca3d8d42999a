using System;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets tickets (REST API 2.14 on): by -Id (from the pipeline too: a piped ticket binds its Id), or with a search
    /// (POST /tickets/search) of the workspace's tickets, oldest first, each filter given narrowing it: -State (a
    /// category such as submitted, a state's label or Id), -TicketType (a name or Id), -Open or -Open:$false,
    /// -AssigneeId, and the user's (-UserId, -Email, -ContactId, or users piped in: one search each). The search is
    /// read page by page to its end; -First, -Skip and -IncludeTotalCount count the tickets written, across every
    /// search of the invocation (<see cref="PagedOutput"/>). A type or state that names none is a not_found.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomTicket", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Ticket))]
    public sealed class GetIntercomTicketCommand : IntercomCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        private readonly PagedOutput _paged;
        private readonly PipedObject _piped;
        private bool _sawUser;

        public GetIntercomTicketCommand()
        {
            _paged = new PagedOutput(this, "tickets");
            // A piped user binds -User (its exact type, before any by-name binding); any other object of the module's
            // would bind its own Id as a ticket's, so it is refused.
            _piped = new PipedObject(Composed, PipedKind.Ticket, IdSet);
        }

        /// <summary>The id Intercom's API gave the ticket (not the number the Inbox shows, TicketId).</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? Id { get; set; }

        /// <summary>Tickets in these states: a category (submitted, in_progress, waiting_on_customer, resolved), a state's label, or its Id.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? State { get; set; }

        /// <summary>Tickets of this type: its name or Id.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? TicketType { get; set; }

        /// <summary>Only open tickets; -Open:$false only closed ones.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Open { get; set; }

        /// <summary>Tickets assigned to this admin (an admin's Id).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? AssigneeId { get; set; }

        /// <summary>Tickets tagged with any of these tags (names): tickets show no tags, so this is how to find them by tag.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>A user whose tickets to get: piped users (Get-IntercomUser) get each their own search.</summary>
        [Parameter(ParameterSetName = ListSet, ValueFromPipeline = true)]
        public User? User { get; set; }

        /// <summary>The tickets of the user with this user_id (your id for them).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? UserId { get; set; }

        /// <summary>The tickets of the user with this email.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        /// <summary>The tickets of the contact with this Intercom id.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? ContactId { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                _paged.RefuseTotalCount("the tickets of a search", "-Id or piped tickets", _piped.InputObject);
                if (_piped.Refuses(Requests) || _piped.RefusesAnotherTicket(Requests, Id)) return;
                if (string.IsNullOrWhiteSpace(Id))
                {
                    Requests.Refuse(_piped.InputObject, new PSArgumentException("Name the ticket by -Id (a blank cell names none)."));
                    return;
                }
                var id = Id!.Trim();
                Requests.Submit((object?)_piped.InputObject ?? id, token => Client.As<ITickets>().GetTicketAsync(id, token), ticket =>
                {
                    if (_paged.Admit()) WriteObject(ticket);
                });
                return;
            }
            if (User is not { } user) return;
            _sawUser = true;
            if (UserId is not null || Email is not null || ContactId is not null)
            {
                Requests.Refuse(user, new PSArgumentException($"User '{user}' is piped, and -UserId, -Email or -ContactId names a user too: pipe the user alone, or name one."));
                return;
            }
            if (user.Id is null && user.UserId is null && user.Email is null)
            {
                Requests.Refuse(user, new PSArgumentException($"User '{user}' has no Id, UserId or Email to find their tickets by."));
                return;
            }
            Requests.Drain(); // the users piped before come out first, in input order
            Search(new UserIdentity(user.UserId, user.Email, user.Id), user);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == IdSet || _sawUser) return;
            var named = UserId is not null || Email is not null || ContactId is not null;
            Search(named ? new UserIdentity(UserId, Email, ContactId) : null, null);
        }

        /// <summary>One search, streamed: a failed page (or a type, state or user that names none) ends it with its error.</summary>
        private void Search(UserIdentity? user, object? target)
        {
            if (_paged.Done || Requests.Refuses(target)) return;
            var query = new TicketQuery
            {
                States = State,
                TicketType = TicketType,
                User = user,
                Open = MyInvocation.BoundParameters.ContainsKey(nameof(Open)) ? Open.IsPresent : null,
                AdminAssigneeId = AssigneeId,
                Tags = Tag,
                PageSize = _paged.PageSize(TicketQuery.MaxPageSize),
            };
            using var reader = Client.As<ITickets>().SearchTickets(query, Requests.StopToken);
            try
            {
                _paged.Write(reader, Requests, WriteObject);
            }
            catch (Exception failure) when (failure is IntercomApiException || failure is ArgumentException)
            {
                Requests.WriteFailure(failure, target ?? (object?)TicketType ?? State);
            }
        }
    }
}
