using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client.V2.Search;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// Tickets: GET /ticket_types (and /{id}), GET /ticket_states, GET, POST, PUT and DELETE /tickets(/{id}), POST
    /// /tickets/search (walked by <see cref="TicketSearchReader"/>), POST /tickets/{id}/reply and the ticket's tags.
    /// </summary>
    public sealed partial class IntercomV2Client : ITickets
    {
        /// <summary>The attribute every ticket type has for a ticket's title (the description's default attributes).</summary>
        internal const string TitleAttribute = "_default_title_";

        internal const string DescriptionAttribute = "_default_description_";

        /// <summary>The ticket search's fields this module searches on, typed as the 2.14 description's table types them.</summary>
        internal static readonly SearchFields TicketFields = new SearchFields("ticket", new[]
        {
            SearchFields.Field("created_at", SearchValueType.Date),
            SearchFields.Field("ticket_type_id", SearchValueType.String),
            SearchFields.Field("contact_ids", SearchValueType.String),
            SearchFields.Field("admin_assignee_id", SearchValueType.String),
            SearchFields.Field("open", SearchValueType.Boolean),
            SearchFields.Field("state", SearchValueType.String),
            SearchFields.Field("tag_ids", SearchValueType.String),
        });

        public async Task<TicketType[]> ListTicketTypesAsync(CancellationToken cancellationToken = default) =>
            ((await SendAsync(HttpMethod.Get, "ticket_types", null, V2JsonContext.Default.TicketTypeList, idempotent: true, cancellationToken).ConfigureAwait(false)).Data
                ?? Array.Empty<TicketTypeObject>()).Where(type => type is not null).Select(type => type.ToTicketType()).ToArray();

        public async Task<TicketType> GetTicketTypeAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Get, "ticket_types/" + Number(id, "A ticket type's Id"), null, V2JsonContext.Default.TicketTypeObject, idempotent: true, cancellationToken)
                .ConfigureAwait(false)).ToTicketType();

        public async Task<TicketType> FindTicketTypeAsync(string nameOrId, CancellationToken cancellationToken = default)
        {
            var wanted = (nameOrId ?? string.Empty).Trim();
            if (wanted.Length == 0) throw new ArgumentException("Name the ticket type by its name or Id (Get-IntercomTicketType lists them).");
            var types = await ListTicketTypesAsync(cancellationToken).ConfigureAwait(false);
            if (types.FirstOrDefault(type => type.Id == wanted) is { } byId) return byId;
            var named = types.Where(type => !type.Archived && string.Equals(type.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (named.Length == 1) return named[0];
            if (named.Length > 1)
                throw new ArgumentException($"{named.Length} ticket types are named '{wanted}' (Ids {string.Join(", ", named.Select(type => type.Id))}): name it by its Id.");
            if (types.FirstOrDefault(type => type.Archived && string.Equals(type.Name, wanted, StringComparison.OrdinalIgnoreCase)) is { } archived)
                return archived;
            var live = types.Where(type => !type.Archived).Select(type => $"'{type.Name}'").ToArray();
            throw new IntercomLookupException("GET", new Uri(BaseUri, "ticket_types"), IntercomApiException.NotFoundType,
                $"No ticket type is named '{wanted}'. " + (live.Length == 0 ? "The workspace has none." : $"The workspace's are {string.Join(", ", live)} (Get-IntercomTicketType lists them)."));
        }

        public async Task<TicketState[]> ListTicketStatesAsync(CancellationToken cancellationToken = default) =>
            ((await SendAsync(HttpMethod.Get, "ticket_states", null, V2JsonContext.Default.TicketStateList, idempotent: true, cancellationToken).ConfigureAwait(false)).Data
                ?? Array.Empty<TicketStateObject>()).Where(state => state is not null).Select(state => state.ToTicketState()).ToArray();

        public async Task<TicketState[]> FindTicketStatesAsync(string nameOrId, CancellationToken cancellationToken = default)
        {
            var wanted = (nameOrId ?? string.Empty).Trim();
            if (wanted.Length == 0) throw new ArgumentException("Name the ticket state by its category, label or Id.");
            var states = await ListTicketStatesAsync(cancellationToken).ConfigureAwait(false);
            if (states.Where(state => state.Id == wanted).ToArray() is { Length: > 0 } byId) return byId;
            var named = states.Where(state => Is(state.Category) || Is(state.InternalLabel) || Is(state.ExternalLabel)).ToArray();
            if (named.Length > 0) return named;
            throw new IntercomLookupException("GET", new Uri(BaseUri, "ticket_states"), IntercomApiException.NotFoundType,
                $"No ticket state is named '{wanted}'. The workspace's are {string.Join(", ", states.Select(state => $"{state.Category} ('{state.InternalLabel}', Id {state.Id})"))}.");

            bool Is(string? name) => string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase);
        }

        public async Task<Ticket> GetTicketAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Get, TicketPath(id), null, V2JsonContext.Default.TicketObject, idempotent: true, cancellationToken).ConfigureAwait(false)).ToTicket();

        public IPageReader<Ticket> SearchTickets(TicketQuery query, CancellationToken cancellationToken = default) =>
            new TicketSearchReader(this, query ?? throw new ArgumentNullException(nameof(query)), cancellationToken);

        public async Task<Ticket> CreateTicketAsync(TicketCreation ticket, CancellationToken cancellationToken = default)
        {
            if (ticket.User is null) throw new ArgumentException("A new ticket is a user's: name the user.");
            var attributes = Attributes(ticket.Attributes, ticket.Title, ticket.Description);
            if (ticket.AdminAssigneeId is { } assignee) Number(assignee, "-AssigneeId");
            // The type and the contact are found first (reads, repeated safely); the create itself is sent once.
            var type = FindNewTicketTypeAsync(ticket.TicketType, cancellationToken);
            var contact = ticket.User.Id is { } known ? Task.FromResult(known) : ContactIdAsync(ticket.User, cancellationToken);
            var typeId = (await type.ConfigureAwait(false)).Id!;
            var contactId = await contact.ConfigureAwait(false);
            return (await SendAsync(HttpMethod.Post, "tickets", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("ticket_type_id", typeId);
                writer.WriteStartArray("contacts");
                writer.WriteStartObject();
                writer.WriteString("id", contactId);
                writer.WriteEndObject();
                writer.WriteEndArray();
                WriteAttributes(writer, attributes);
                if (ticket.AdminAssigneeId is { } admin)
                {
                    writer.WriteStartObject("assignment");
                    writer.WriteString("admin_assignee_id", admin);
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }, V2JsonContext.Default.TicketObject, idempotent: false, cancellationToken).ConfigureAwait(false)).ToTicket();
        }

        public async Task<Ticket> ConvertConversationToTicketAsync(long conversationId, TicketConversion conversion, CancellationToken cancellationToken = default)
        {
            if (conversationId <= 0) throw new ArgumentException("Name the conversation to convert by its Id (a positive number).");
            var path = "conversations/" + conversationId.ToString(CultureInfo.InvariantCulture) + "/convert";
            var attributes = Attributes(conversion.Attributes, conversion.Title, conversion.Description);
            var type = await FindNewTicketTypeAsync(conversion.TicketType, cancellationToken).ConfigureAwait(false);
            // Intercom converts a conversation to a Customer ticket only (its 400 "Ticket type is not a customer ticket type"): said before sending.
            if (!string.Equals(type.Category, "Customer", StringComparison.Ordinal))
                throw new ArgumentException($"Ticket type '{type.Name}' ({type.Id}) is a {type.Category ?? "non-customer"} type, and only a Customer type takes a conversation: give a Customer type (Get-IntercomTicketType lists them).");
            var typeId = type.Id!;
            return (await SendAsync(HttpMethod.Post, path, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("ticket_type_id", typeId);
                WriteAttributes(writer, attributes, "attributes");
                writer.WriteEndObject();
            }, V2JsonContext.Default.TicketObject, idempotent: false, cancellationToken).ConfigureAwait(false)).ToTicket();
        }

        /// <summary>
        /// The type a new ticket (made, converted or changed to) is of, as <see cref="FindTicketTypeAsync"/> finds it; one
        /// archived (by Id, or by name when no other has it) is refused as such, for Intercom takes no new tickets of one
        /// (Get-IntercomTicketType hides them), and "no type is named" would mislead.
        /// </summary>
        private async Task<TicketType> FindNewTicketTypeAsync(string nameOrId, CancellationToken cancellationToken)
        {
            var found = await FindTicketTypeAsync(nameOrId, cancellationToken).ConfigureAwait(false);
            if (found.Archived)
                throw new ArgumentException($"Ticket type '{found.Name}' ({found.Id}) is archived, and an archived type takes no new tickets: give a type that is not (Get-IntercomTicketType lists them).");
            return found;
        }

        public async Task<Ticket> UpdateTicketAsync(string id, TicketChanges changes, CancellationToken cancellationToken = default)
        {
            if (changes.IsEmpty) throw new ArgumentException("Nothing to change: give the state, title, description, attributes, assignee, team or whether it is open.");
            var path = TicketPath(id);
            var attributes = Attributes(changes.Attributes, changes.Title, changes.Description);
            if (changes.AssigneeId is { } assignee) Number(assignee, "-AssigneeId");
            if (changes.TeamAssigneeId is { } team && Number(team, "-TeamId") == "0")
                throw new ArgumentException("-TeamId 0 would unassign the admin too (Intercom's assignee_id 0 unassigns a ticket whole): to unassign it, give -AssigneeId 0.");
            string? stateId = null;
            if (changes.State is { } state)
            {
                var found = await FindTicketStatesAsync(state, cancellationToken).ConfigureAwait(false);
                if (found.Length > 1)
                    throw new ArgumentException($"'{state.Trim()}' names {found.Length} ticket states ({string.Join(", ", found.Select(s => $"'{s.InternalLabel}', Id {s.Id}"))}): name one by its label or Id.");
                stateId = found[0].Id;
            }
            // admin_id names who makes any change (its parts are theirs): the one given; an assignment needs one, else the session's.
            var assigning = changes.AssigneeId is not null || changes.TeamAssigneeId is not null;
            var adminId = changes.AdminId ?? (assigning ? await AdminIdAsync(cancellationToken).ConfigureAwait(false) : null);
            // assignee_id holds one admin or one team: with both, the team goes in a second PUT (an admin and a team
            // assigned each keep the other, so the order does not matter, and each PUT may repeat).
            var firstAssignee = changes.AssigneeId ?? changes.TeamAssigneeId;
            var ticket = (await SendAsync(HttpMethod.Put, path, writer =>
            {
                writer.WriteStartObject();
                WriteAttributes(writer, attributes);
                if (stateId is not null) writer.WriteString("ticket_state_id", stateId);
                if (changes.Open is { } open) writer.WriteBoolean("open", open);
                if (adminId is not null) writer.WriteString("admin_id", adminId);
                if (firstAssignee is { } to) writer.WriteString("assignee_id", to);
                writer.WriteEndObject();
            }, V2JsonContext.Default.TicketObject, idempotent: true, cancellationToken).ConfigureAwait(false)).ToTicket();
            if (changes.AssigneeId is null || changes.TeamAssigneeId is not { } teamId) return ticket;
            return (await SendAsync(HttpMethod.Put, path, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("admin_id", adminId);
                writer.WriteString("assignee_id", teamId);
                writer.WriteEndObject();
            }, V2JsonContext.Default.TicketObject, idempotent: true, cancellationToken).ConfigureAwait(false)).ToTicket();
        }

        public async Task<Ticket> ChangeTicketTypeAsync(string id, string ticketType, string? state, TicketChanges? values, CancellationToken cancellationToken = default)
        {
            var path = TicketPath(id) + "/change_type";
            if (string.IsNullOrWhiteSpace(ticketType)) throw new ArgumentException("Name the ticket type to change to: its name or Id (Get-IntercomTicketType lists them).");
            var attributes = Attributes(values?.Attributes, values?.Title, values?.Description);
            // Reads first (each may repeat): the type, and the state (change_type requires one: the ticket's own when none is named).
            var type = FindNewTicketTypeAsync(ticketType, cancellationToken);
            string stateId;
            if (state is not null)
            {
                var found = await FindTicketStatesAsync(state, cancellationToken).ConfigureAwait(false);
                if (found.Length > 1)
                    throw new ArgumentException($"'{state.Trim()}' names {found.Length} ticket states ({string.Join(", ", found.Select(s => $"'{s.InternalLabel}', Id {s.Id}"))}): name one by its label or Id.");
                stateId = found[0].Id!;
            }
            else
            {
                stateId = (await GetTicketAsync(id, cancellationToken).ConfigureAwait(false)).StateId
                    ?? throw new InvalidOperationException($"Ticket {id.Trim()} was read without its state's id, which changing its type needs: name the state with -State.");
            }
            var typeId = (await type.ConfigureAwait(false)).Id!;
            return (await SendAsync(HttpMethod.Post, path, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("ticket_type_id", typeId);
                writer.WriteString("ticket_state_id", stateId);
                WriteAttributes(writer, attributes);
                writer.WriteEndObject();
            }, V2JsonContext.Default.TicketObject, idempotent: false, cancellationToken).ConfigureAwait(false)).ToTicket();
        }

        public async Task<Ticket> GetTrackerTicketAsync(string id, CancellationToken cancellationToken = default)
        {
            var ticket = await GetTicketAsync(id, cancellationToken).ConfigureAwait(false);
            // The description's "The ticket in the path must be a tracker ticket": said before a write, not after some.
            if (!string.Equals(ticket.Category, "Tracker", StringComparison.Ordinal))
                throw new ArgumentException($"Ticket {ticket.Id ?? id.Trim()} is a {ticket.Category ?? "non-tracker"} ticket ('{ticket.TicketType}'), and only a Tracker ticket links threads: link them to a Tracker ticket (Get-IntercomTicketType shows each type's category).");
            return ticket;
        }

        public async Task LinkTicketThreadsAsync(string id, IReadOnlyList<long> linkThreadIds, IReadOnlyList<long> unlinkThreadIds, CancellationToken cancellationToken = default)
        {
            var path = TicketPath(id) + "/linked_conversations";
            if (linkThreadIds.Count == 0 && unlinkThreadIds.Count == 0) throw new ArgumentException("Name a thread to link or to unlink.");
            if (linkThreadIds.Concat(unlinkThreadIds).Where(thread => thread <= 0).Select(thread => (long?)thread).FirstOrDefault() is { } bad)
                throw new ArgumentException($"{bad.ToString(CultureInfo.InvariantCulture)} is no thread's id: a thread's id is a positive number (Get-IntercomMessageThread shows ThreadId).");
            foreach (var thread in linkThreadIds)
            {
                var text = thread.ToString(CultureInfo.InvariantCulture);
                await SendAsync(HttpMethod.Post, path, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("conversation_id", text);
                    writer.WriteEndObject();
                }, V2JsonContext.Default.ConversationObject, idempotent: false, cancellationToken).ConfigureAwait(false);
            }
            foreach (var thread in unlinkThreadIds)
            {
                await SendAsync(HttpMethod.Delete, path + "/" + thread.ToString(CultureInfo.InvariantCulture), null, V2JsonContext.Default.ConversationObject,
                    idempotent: false, cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task<string> DeleteTicketAsync(string id, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Delete, TicketPath(id), null, V2JsonContext.Default.DeletedObject, idempotent: false, cancellationToken).ConfigureAwait(false)).Id ?? id.Trim();

        public async Task TagTicketAsync(string id, IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, string? adminId, CancellationToken cancellationToken = default)
        {
            var admin = adminId ?? await AdminIdAsync(cancellationToken).ConfigureAwait(false);
            await TagAtAsync(TicketPath(id) + "/tags", addTagIds, removeTagIds, admin, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Posts each tag to <paramref name="path"/> (an object's /tags) and deletes each from path/{tag_id}, by
        /// <paramref name="admin"/> when given (a ticket's tags name one; 2.16's article tags need none). Repeated as
        /// conversation tagging is: applying or removing a tag twice changes nothing more.
        /// </summary>
        private async Task TagAtAsync(string path, IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, string? admin, CancellationToken cancellationToken)
        {
            if (addTagIds.Count == 0 && removeTagIds.Count == 0) throw new ArgumentException("Name a tag to add or to remove.");
            foreach (var tagId in addTagIds)
            {
                await SendAsync(HttpMethod.Post, path, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", tagId);
                    if (admin is not null) writer.WriteString("admin_id", admin);
                    writer.WriteEndObject();
                }, V2JsonContext.Default.TagObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            }
            foreach (var tagId in removeTagIds)
            {
                Action<System.Text.Json.Utf8JsonWriter>? byAdmin = admin is null ? null : writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("admin_id", admin);
                    writer.WriteEndObject();
                };
                await SendAsync(HttpMethod.Delete, path + "/" + Uri.EscapeDataString(tagId), byAdmin, V2JsonContext.Default.TagObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task<TicketPart> ReplyToTicketAsync(string id, TicketReplyRequest reply, CancellationToken cancellationToken = default)
        {
            var path = TicketPath(id) + "/reply";
            if (string.IsNullOrWhiteSpace(reply.Body)) throw new ArgumentException("A reply needs a body.");
            if (reply.User is not null && (reply.Note || reply.AdminId is not null))
                throw new ArgumentException("A user's reply is a comment: a note, or an -AdminId, is an admin's.");
            string? contactId = null;
            string? adminId = null;
            if (reply.User is { } user) contactId = user.Id ?? await ContactIdAsync(user, cancellationToken).ConfigureAwait(false);
            else adminId = reply.AdminId ?? await AdminIdAsync(cancellationToken).ConfigureAwait(false);
            var part = await SendAsync(HttpMethod.Post, path, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("message_type", reply.Note ? "note" : "comment");
                writer.WriteString("type", contactId is null ? "admin" : "user");
                if (contactId is null) writer.WriteString("admin_id", adminId);
                else writer.WriteString("intercom_user_id", contactId);
                writer.WriteString("body", reply.Body);
                writer.WriteEndObject();
            }, V2JsonContext.Default.TicketPartObject, idempotent: false, cancellationToken).ConfigureAwait(false);
            var read = part.ToPart();
            read.TicketId = id.Trim();
            return read;
        }

        /// <summary>The attributes to send, title and description among them; values checked here, before anything is sent.</summary>
        private static List<KeyValuePair<string, object?>> Attributes(IDictionary<string, object?>? given, string? title, string? description)
        {
            var attributes = new List<KeyValuePair<string, object?>>();
            foreach (var pair in given ?? new Dictionary<string, object?>())
            {
                if (string.IsNullOrWhiteSpace(pair.Key)) throw new ArgumentException("An attribute's name is blank: name each attribute as its ticket type does (Get-IntercomTicketType shows them).");
                if (pair.Value is not (null or string or bool or int or long or short or byte or double or float or decimal or DateTime or DateTimeOffset))
                    throw new ArgumentException($"Attribute '{pair.Key}' is a {pair.Value.GetType().Name}: give a string, a number, a boolean, a date or $null.");
                attributes.Add(pair);
            }
            if (title is not null) Add(TitleAttribute, title, "-Title");
            if (description is not null) Add(DescriptionAttribute, description, "-Description");
            return attributes;

            void Add(string name, string value, string parameter)
            {
                if (attributes.Any(pair => string.Equals(pair.Key, name, StringComparison.Ordinal)))
                    throw new ArgumentException($"{parameter} and the attribute {name} both give it: give one.");
                attributes.Add(new KeyValuePair<string, object?>(name, value));
            }
        }

        /// <summary>The attributes as <paramref name="field"/>: POST and PUT /tickets call them ticket_attributes, the conversion attributes.</summary>
        private static void WriteAttributes(Utf8JsonWriter writer, List<KeyValuePair<string, object?>> attributes, string field = "ticket_attributes")
        {
            if (attributes.Count == 0) return;
            writer.WriteStartObject(field);
            foreach (var pair in attributes)
            {
                writer.WritePropertyName(pair.Key);
                switch (pair.Value)
                {
                    case null: writer.WriteNullValue(); break;
                    case string text: writer.WriteStringValue(text); break;
                    case bool flag: writer.WriteBooleanValue(flag); break;
                    case DateTime time: writer.WriteNumberValue(UnixTime.FromDateTime(time)); break;
                    case DateTimeOffset time: writer.WriteNumberValue(time.ToUnixTimeSeconds()); break;
                    case double real: writer.WriteNumberValue(real); break;
                    case float real: writer.WriteNumberValue(real); break;
                    case decimal real: writer.WriteNumberValue(real); break;
                    default: writer.WriteNumberValue(Convert.ToInt64(pair.Value, CultureInfo.InvariantCulture)); break;
                }
            }
            writer.WriteEndObject();
        }

        /// <summary>A ticket's path: its id is Intercom's, a whole number (the API's id, not the number the Inbox shows).</summary>
        private static string TicketPath(string id) => "tickets/" + Number(id, "A ticket's Id");

        private static string Number(string? id, string what)
        {
            var trimmed = (id ?? string.Empty).Trim();
            if (trimmed.Length == 0 || !trimmed.All(c => c >= '0' && c <= '9'))
                throw new ArgumentException($"{what} is a number Intercom gave, not '{id}'.");
            return trimmed;
        }
    }

    /// <summary>
    /// Reads one ticket search page by page, oldest first (a state change does not move a ticket in creation order, so
    /// Get-IntercomTicket -State submitted | Set-IntercomTicket -State in_progress meets each ticket once). The type,
    /// the states and the user are found on the first page; the search asks for the states' categories (what Intercom
    /// searches by), and a page keeps only the tickets in the states named, for a label that names one state of several
    /// in a category. The cursor's pages are checked as they come.
    /// </summary>
    internal sealed class TicketSearchReader : IPageReader<Ticket>
    {
        private readonly IntercomV2Client _client;
        private readonly TicketQuery _query;
        private readonly CancellationToken _cancellation;
        private PagedReadCheck? _check;
        private SearchQuery? _search;
        private HashSet<string>? _stateIds;
        private string? _cursor;
        private bool _done;

        public TicketSearchReader(IntercomV2Client client, TicketQuery query, CancellationToken cancellation)
        {
            _client = client;
            _query = query;
            _cancellation = cancellation;
        }

        /// <summary>What the search matched, as its first page says; null with a state that is one of several in its category (the page is filtered here).</summary>
        public long? TotalCount { get; private set; }

        public async Task<Ticket[]?> NextAsync()
        {
            var search = _search ??= await SearchAsync().ConfigureAwait(false);
            while (!_done)
            {
                var size = Math.Max(1, Math.Min(TicketQuery.MaxPageSize, _query.PageSize));
                var page = await _client.SendAsync(HttpMethod.Post, "tickets/search", writer => search.Write(writer, size, _cursor),
                    V2JsonContext.Default.TicketList, idempotent: true, _cancellation).ConfigureAwait(false);
                _cursor = page.Pages?.Next?.StartingAfter;
                _check ??= new PagedReadCheck(HttpMethod.Post, new Uri(_client.BaseUri, "tickets/search"), "ticket", size, new SeenIds());
                var tickets = page.Tickets ?? Array.Empty<TicketObject?>();
                _check.Page(page.TotalCount, tickets, ticket => ticket.Id, _cursor);
                if (_stateIds is null) TotalCount ??= page.TotalCount;
                _done = _cursor is null;
                var kept = tickets.Select(ticket => ticket!.ToTicket()).Where(ticket => _stateIds is null || (ticket.StateId is { } id && _stateIds.Contains(id))).ToArray();
                if (kept.Length > 0 || _done) return kept.Length > 0 ? kept : null;
            }
            return null;
        }

        private async Task<SearchQuery> SearchAsync()
        {
            var filters = new List<SearchNode>();
            if (_query.States is { Count: > 0 } names)
            {
                var all = await _client.ListTicketStatesAsync(_cancellation).ConfigureAwait(false);
                var states = new List<TicketState>();
                foreach (var name in names) states.AddRange(await _client.FindTicketStatesAsync(name, _cancellation).ConfigureAwait(false));
                var categories = states.Select(state => state.Category!).Where(category => category is not null).Distinct().ToArray();
                filters.Add(categories.Length == 1 ? new SearchFilter("state", "=", categories[0]) : new SearchFilter("state", "IN", categories));
                // Only when a category holds states not named does the page need filtering here.
                if (all.Any(state => categories.Contains(state.Category) && !states.Any(named => named.Id == state.Id)))
                    _stateIds = new HashSet<string>(states.Select(state => state.Id!), StringComparer.Ordinal);
            }
            if (_query.TicketType is { } type)
                filters.Add(new SearchFilter("ticket_type_id", "=", (await _client.FindTicketTypeAsync(type, _cancellation).ConfigureAwait(false)).Id));
            if (_query.User is { } user)
                filters.Add(new SearchFilter("contact_ids", "=", user.Id ?? await _client.ContactIdAsync(user, _cancellation).ConfigureAwait(false)));
            if (_query.Open is { } open) filters.Add(new SearchFilter("open", "=", open));
            if (_query.AdminAssigneeId is { } admin) filters.Add(new SearchFilter("admin_assignee_id", "=", admin));
            if (_query.Tags is { Count: > 0 } tagNames)
            {
                // A ticket shows no tags in any described version: the search's tag_ids is the one way to find them by tag.
                var find = _client.NewTagFinder();
                var tagIds = (await Task.WhenAll(tagNames.Select(name => find(name, _cancellation))).ConfigureAwait(false)).Select(tag => tag.Id!).Distinct().ToArray();
                filters.Add(tagIds.Length == 1 ? new SearchFilter("tag_ids", "=", tagIds[0]) : new SearchFilter("tag_ids", "IN", tagIds));
            }
            // Nothing asked for: every ticket, since every one was created after 1970 (a search needs a query).
            if (filters.Count == 0) filters.Add(new SearchFilter("created_at", ">", 0L));
            var search = SearchQuery.AllOf(filters, "created_at");
            search.Check(IntercomV2Client.TicketFields);
            return search;
        }

        public void Dispose()
        {
        }
    }

    internal sealed class TicketObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "a ticket without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("ticket_id")] public string? TicketId { get; set; }
        [JsonPropertyName("category")] public string? Category { get; set; }
        [JsonPropertyName("ticket_attributes")] public Dictionary<string, JsonElement>? TicketAttributes { get; set; }

        /// <summary>2.14 on: the state object; before it, the state's category as a string.</summary>
        [JsonPropertyName("ticket_state")] public JsonElement TicketState { get; set; }
        [JsonPropertyName("ticket_state_internal_label")] public string? TicketStateInternalLabel { get; set; }
        [JsonPropertyName("ticket_type")] public TicketTypeObject? TicketType { get; set; }
        [JsonPropertyName("contacts")] public TicketContacts? Contacts { get; set; }

        /// <summary>A string through 2.15, an integer in 2.16; "0" or 0 when nobody is assigned.</summary>
        [JsonPropertyName("admin_assignee_id")] public JsonElement AdminAssigneeId { get; set; }
        [JsonPropertyName("team_assignee_id")] public JsonElement TeamAssigneeId { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }
        [JsonPropertyName("snoozed_until"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? SnoozedUntil { get; set; }
        [JsonPropertyName("open")] public bool? Open { get; set; }
        [JsonPropertyName("is_shared")] public bool? IsShared { get; set; }
        [JsonPropertyName("ticket_parts")] public TicketPartList? TicketParts { get; set; }

        /// <summary>{type: list, data: [{type: conversation | ticket, id, category}]}: what is linked to the ticket.</summary>
        [JsonPropertyName("linked_objects")] public JsonElement LinkedObjects { get; set; }

        /// <summary>The ids of the linked objects of that type, as listed.</summary>
        private string[] Linked(string type) =>
            LinkedObjects.ValueKind == JsonValueKind.Object && LinkedObjects.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
                ? data.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object && Text(o, "type") == type).Select(o => Text(o, "id")).OfType<string>().ToArray()
                : Array.Empty<string>();

        public Ticket ToTicket()
        {
            var attributes = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in TicketAttributes ?? new Dictionary<string, JsonElement>()) attributes[pair.Key] = Value(pair.Value);
            var state = TicketState.ValueKind == JsonValueKind.Object ? TicketState : default;
            var contacts = (Contacts?.Contacts ?? Array.Empty<TicketContact>()).Where(contact => contact?.Id is not null).ToArray();
            return new Ticket
            {
                Id = Id,
                TicketId = TicketId,
                Title = attributes[IntercomV2Client.TitleAttribute] as string,
                Description = attributes[IntercomV2Client.DescriptionAttribute] as string,
                Category = Category ?? TicketType?.Category,
                TicketTypeId = TicketType?.Id,
                TicketType = TicketType?.Name,
                State = state.ValueKind == JsonValueKind.Object ? Text(state, "category") : TicketState.ValueKind == JsonValueKind.String ? TicketState.GetString() : null,
                StateId = state.ValueKind == JsonValueKind.Object ? Text(state, "id") : null,
                StateLabel = state.ValueKind == JsonValueKind.Object ? Text(state, "internal_label") : TicketStateInternalLabel,
                Open = Open ?? false,
                ContactIds = contacts.Select(contact => contact.Id!).ToArray(),
                ContactId = contacts.FirstOrDefault()?.Id,
                UserId = contacts.FirstOrDefault()?.ExternalId,
                AdminAssigneeId = Assignee(AdminAssigneeId),
                TeamAssigneeId = Assignee(TeamAssigneeId),
                IsShared = IsShared ?? false,
                LinkedThreadIds = Linked("conversation"),
                LinkedTicketIds = Linked("ticket"),
                Attributes = attributes,
                CreatedAt = CreatedAt,
                UpdatedAt = UpdatedAt,
                SnoozedUntil = SnoozedUntil,
                Parts = (TicketParts?.TicketParts ?? Array.Empty<TicketPartObject>()).Where(part => part is not null).Select(part =>
                {
                    var read = part.ToPart();
                    read.TicketId = Id;
                    return read;
                }).ToArray(),
            };
        }

        /// <summary>An assignee id as text; none (0, null, absent) is null.</summary>
        private static string? Assignee(JsonElement id) => id.ValueKind switch
        {
            JsonValueKind.String when id.GetString() is { Length: > 0 } text && text != "0" => text,
            JsonValueKind.Number when id.GetRawText() != "0" => id.GetRawText(),
            _ => null,
        };

        internal static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            } : null;

        /// <summary>An attribute's value as PowerShell shows it: text, a whole or decimal number, a boolean, null, or (a list, files) its JSON.</summary>
        private static object? Value(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    internal sealed class TicketContacts
    {
        [JsonPropertyName("contacts")] public TicketContact[]? Contacts { get; set; }
    }

    internal sealed class TicketContact
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("external_id")] public string? ExternalId { get; set; }
    }

    internal sealed class TicketPartList
    {
        [JsonPropertyName("ticket_parts")] public TicketPartObject[]? TicketParts { get; set; }
    }

    internal sealed class TicketPartObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "a ticket part without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("part_type")] public string? PartType { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("ticket_state")] public string? TicketState { get; set; }
        [JsonPropertyName("previous_ticket_state")] public string? PreviousTicketState { get; set; }
        [JsonPropertyName("author")] public JsonElement Author { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }

        public TicketPart ToPart() => new TicketPart
        {
            Id = Id,
            PartType = PartType,
            Body = Body,
            State = TicketState,
            PreviousState = PreviousTicketState,
            AuthorType = Author.ValueKind == JsonValueKind.Object ? TicketObject.Text(Author, "type") : null,
            AuthorId = Author.ValueKind == JsonValueKind.Object ? TicketObject.Text(Author, "id") : null,
            AuthorName = Author.ValueKind == JsonValueKind.Object ? TicketObject.Text(Author, "name") : null,
            CreatedAt = CreatedAt,
        };
    }

    internal sealed class TicketList
    {
        [JsonPropertyName("tickets")] public TicketObject?[]? Tickets { get; set; }
        [JsonPropertyName("total_count")] public long TotalCount { get; set; }
        [JsonPropertyName("pages")] public CursorPages? Pages { get; set; }
    }

    internal sealed class TicketTypeObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "a ticket type without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("category")] public string? Category { get; set; }
        [JsonPropertyName("icon")] public string? Icon { get; set; }
        [JsonPropertyName("archived")] public bool? Archived { get; set; }
        [JsonPropertyName("is_internal")] public bool? IsInternal { get; set; }

        /// <summary>{type: list, data: [...]} as 2.14's examples write it.</summary>
        [JsonPropertyName("ticket_type_attributes")] public JsonElement TicketTypeAttributes { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }

        public TicketType ToTicketType() => new TicketType
        {
            Id = Id,
            Name = Name,
            Description = Description,
            Category = Category,
            Icon = Icon,
            Archived = Archived ?? false,
            IsInternal = IsInternal ?? false,
            Attributes = AttributeElements().Select(Attribute).ToArray(),
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
        };

        private IEnumerable<JsonElement> AttributeElements()
        {
            var list = TicketTypeAttributes;
            if (list.ValueKind == JsonValueKind.Object && list.TryGetProperty("data", out var data)) list = data;
            return list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).ToArray() : Array.Empty<JsonElement>();
        }

        private static TicketTypeAttribute Attribute(JsonElement item)
        {
            bool Flag(string name) => item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
            var items = item.TryGetProperty("input_options", out var options) && options.ValueKind == JsonValueKind.Object ? TicketObject.Text(options, "list_items") : null;
            return new TicketTypeAttribute
            {
                Id = TicketObject.Text(item, "id"),
                Name = TicketObject.Text(item, "name"),
                Description = TicketObject.Text(item, "description"),
                DataType = TicketObject.Text(item, "data_type"),
                ListItems = string.IsNullOrEmpty(items) ? Array.Empty<string>() : items!.Split(',').Select(entry => entry.Trim()).Where(entry => entry.Length > 0).ToArray(),
                RequiredToCreate = Flag("required_to_create"),
                Default = Flag("default"),
                Archived = Flag("archived"),
            };
        }
    }

    internal sealed class TicketTypeList
    {
        [JsonPropertyName("data")] public TicketTypeObject[]? Data { get; set; }
    }

    internal sealed class TicketStateObject
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("category")] public string? Category { get; set; }
        [JsonPropertyName("internal_label")] public string? InternalLabel { get; set; }
        [JsonPropertyName("external_label")] public string? ExternalLabel { get; set; }

        public TicketState ToTicketState() => new TicketState { Id = Id, Category = Category, InternalLabel = InternalLabel, ExternalLabel = ExternalLabel };
    }

    internal sealed class TicketStateList
    {
        [JsonPropertyName("data")] public TicketStateObject[]? Data { get; set; }
    }
}
