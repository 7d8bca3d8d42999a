using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>
    /// Tickets, their types and the workspace's ticket states, which only REST API 2.x has. Types and states are named
    /// as people name them (a type's name, a state's category or label) or by id: the client finds them, and a name
    /// that names none is an <see cref="IntercomLookupException"/> that lists the ones there are.
    /// </summary>
    public interface ITickets
    {
        /// <summary>GET /ticket_types: every ticket type, archived ones included, with its attributes.</summary>
        Task<TicketType[]> ListTicketTypesAsync(CancellationToken cancellationToken = default);

        Task<TicketType> GetTicketTypeAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>
        /// The ticket type <paramref name="nameOrId"/> names: its id, else its name (ignoring case) among the types not
        /// archived, else among the archived ones (a retired type's tickets are still searched by its name; a new
        /// ticket's caller refuses it, saying it is archived). None, or several of that name not archived, is a lookup
        /// error naming the types there are.
        /// </summary>
        Task<TicketType> FindTicketTypeAsync(string nameOrId, CancellationToken cancellationToken = default);

        /// <summary>GET /ticket_states: the workspace's ticket states.</summary>
        Task<TicketState[]> ListTicketStatesAsync(CancellationToken cancellationToken = default);

        /// <summary>
        /// The states <paramref name="nameOrId"/> names: the one of that id, else those whose category, internal label
        /// or external label it is (ignoring case: a category names every state of it). None is a lookup error.
        /// </summary>
        Task<TicketState[]> FindTicketStatesAsync(string nameOrId, CancellationToken cancellationToken = default);

        Task<Ticket> GetTicketAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>
        /// POST /tickets/search for what <paramref name="query"/> asks, oldest first, paged by its cursor to the end. A
        /// cursor handed out twice, an id listed twice, or a walk far past its first total_count ends it with an error
        /// (<see cref="PagedReadCheck"/>), never a loop.
        /// </summary>
        IPageReader<Ticket> SearchTickets(TicketQuery query, CancellationToken cancellationToken = default);

        /// <summary>POST /tickets, sent once: a lost answer is not repeated (it would make a second ticket).</summary>
        Task<Ticket> CreateTicketAsync(TicketCreation ticket, CancellationToken cancellationToken = default);

        /// <summary>
        /// POST /conversations/{id}/convert (REST API 2.x; this module from 2.14), sent once: a repeat would be refused
        /// (a conversation converts once) or, had the first been lost, hide it. The type is found as
        /// <see cref="FindTicketTypeAsync"/> finds it, and one that is archived or not a Customer type (the only kind that
        /// takes a conversation) is refused before anything is sent.
        /// </summary>
        Task<Ticket> ConvertConversationToTicketAsync(long conversationId, TicketConversion conversion, CancellationToken cancellationToken = default);

        /// <summary>PUT /tickets/{id} with the fields given (each sets a value, so a lost answer may be repeated).</summary>
        Task<Ticket> UpdateTicketAsync(string id, TicketChanges changes, CancellationToken cancellationToken = default);

        /// <summary>
        /// POST /tickets/{id}/change_type (2.16), sent once (a repeat is refused as the same type, hiding that the first
        /// was made): the type found as a new ticket's is (not archived; Intercom takes one of the same category only),
        /// in the state <paramref name="state"/> names (by id, category or label; null keeps the ticket's, read first), the
        /// title, description and attributes of <paramref name="values"/> sent with it (the new type's; Intercom carries
        /// over the values both types have).
        /// </summary>
        Task<Ticket> ChangeTicketTypeAsync(string id, string ticketType, string? state, TicketChanges? values, CancellationToken cancellationToken = default);

        /// <summary>
        /// The ticket, read, refused (an argument error) unless it is a Tracker ticket: only a tracker links threads (2.16's
        /// linked_conversations), so a caller linking asks this before writing anything.
        /// </summary>
        Task<Ticket> GetTrackerTicketAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>
        /// POST /tickets/{id}/linked_conversations for each thread to link, then DELETE
        /// /tickets/{id}/linked_conversations/{id} for each to unlink (2.16; a tracker ticket's, see <see cref="GetTrackerTicketAsync"/>), each sent once: a repeat
        /// after a lost answer could be refused (an unlink already made) or hide what was done.
        /// </summary>
        Task LinkTicketThreadsAsync(string id, IReadOnlyList<long> linkThreadIds, IReadOnlyList<long> unlinkThreadIds, CancellationToken cancellationToken = default);

        /// <summary>DELETE /tickets/{id} (2.14 on), sent once: a delete whose answer was lost may have been applied. The id deleted.</summary>
        Task<string> DeleteTicketAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>
        /// POST /tickets/{id}/tags {id, admin_id} for each tag to add, then DELETE /tickets/{id}/tags/{tag_id} for each
        /// to take off, by <paramref name="adminId"/> (the session's admin when null). A tag put on again stays as it
        /// was, so these may repeat; one the ticket does not have is Intercom's tag_not_found.
        /// </summary>
        Task TagTicketAsync(string id, IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, string? adminId, CancellationToken cancellationToken = default);

        /// <summary>POST /tickets/{id}/reply, sent once: a repeat would write the reply twice.</summary>
        Task<TicketPart> ReplyToTicketAsync(string id, TicketReplyRequest reply, CancellationToken cancellationToken = default);
    }

    /// <summary>What a ticket search asks for; every filter given must hold (none: every ticket).</summary>
    public sealed class TicketQuery
    {
        public const int MaxPageSize = 150;

        /// <summary>States by id, category or label (any of them).</summary>
        public IReadOnlyList<string>? States { get; set; }

        /// <summary>A ticket type by id or name.</summary>
        public string? TicketType { get; set; }

        /// <summary>The contact the tickets are of.</summary>
        public UserIdentity? User { get; set; }

        public bool? Open { get; set; }

        /// <summary>The admin assigned (a number; "0": none).</summary>
        public string? AdminAssigneeId { get; set; }

        /// <summary>Tagged with any of these tags (names, found with one tag listing).</summary>
        public IReadOnlyList<string>? Tags { get; set; }

        /// <summary>Tickets per search request: at most <see cref="MaxPageSize"/>; fewer when only a few are wanted.</summary>
        public int PageSize { get; set; } = MaxPageSize;
    }

    /// <summary>A new ticket: its type (id or name), its one contact, and its attributes (title and description among them).</summary>
    public sealed class TicketCreation
    {
        public string TicketType { get; set; } = string.Empty;

        public UserIdentity? User { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        /// <summary>Attribute values by the attribute's name: a string, whole or decimal number, boolean, DateTime, or null.</summary>
        public IDictionary<string, object?>? Attributes { get; set; }

        public string? AdminAssigneeId { get; set; }
    }

    /// <summary>A conversation made a ticket: the ticket type (id or name; a Customer type) and the ticket's attributes.</summary>
    public sealed class TicketConversion
    {
        public string TicketType { get; set; } = string.Empty;

        public string? Title { get; set; }

        public string? Description { get; set; }

        /// <summary>Attribute values by the attribute's name: a string, whole or decimal number, boolean, DateTime, or null.</summary>
        public IDictionary<string, object?>? Attributes { get; set; }
    }

    /// <summary>What a ticket update sends: null is not sent (left as it is).</summary>
    public sealed class TicketChanges
    {
        /// <summary>A state by id, category or label; it must name exactly one state.</summary>
        public string? State { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        /// <summary>Attribute values by name (null clears one).</summary>
        public IDictionary<string, object?>? Attributes { get; set; }

        public bool? Open { get; set; }

        /// <summary>The admin to assign it to ("0" unassigns).</summary>
        public string? AssigneeId { get; set; }

        /// <summary>
        /// The team to assign it to (2.14's assignee_id names an admin or a team). Intercom's 0 unassigns the admin and
        /// the team alike, so it is no team here: <see cref="AssigneeId"/> "0" unassigns.
        /// </summary>
        public string? TeamAssigneeId { get; set; }

        /// <summary>The admin who makes the change, sent as admin_id whenever given; for an assignment or tags the session's admin when null.</summary>
        public string? AdminId { get; set; }

        public bool IsEmpty => State is null && Title is null && Description is null && (Attributes is null || Attributes.Count == 0) && Open is null && AssigneeId is null
            && TeamAssigneeId is null;
    }

    /// <summary>A reply to a ticket: an admin's comment or note (AdminId, the session's when null), or its contact's comment (User).</summary>
    public sealed class TicketReplyRequest
    {
        public string Body { get; set; } = string.Empty;

        public bool Note { get; set; }

        public string? AdminId { get; set; }

        public UserIdentity? User { get; set; }
    }
}
