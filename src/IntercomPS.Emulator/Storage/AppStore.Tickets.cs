using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Tickets: made on a ticket type for one contact (found by id, external id or email, a new user made for an email
/// no contact has), read, changed (attributes, state, assignee, open, snooze, sharing; each change a part), deleted,
/// and tagged. Every part is by an admin: the one the request names, else the app's first.
/// </summary>
internal sealed partial class AppStore
{
    private const string TicketColumns = """
        k.id, k.number, k.ticket_type_id, k.state_id, k.attributes, k.company_id, k.admin_assignee_id, k.team_assignee_id, k.open, k.snoozed_until,
        k.is_shared, k.created_at, k.updated_at
        """;

    private const string TicketPartColumns = """
        p.id, p.part_type, p.body, p.state, p.previous_state, p.assigned_type, p.assigned_id, p.attribute_id, p.attribute_name, p.attribute_value,
        p.author_type, p.author_id, p.author_name, p.author_email, p.created_at
        """;

    /// <summary>
    /// A page of a ticket search by the keyset cursor every 2.x search pages by (the sort key, then the id), the count
    /// kept until the next write as the others' are.
    /// </summary>
    public Task<TicketPage> SearchTicketsAsync(ContactQuery query, int perPage, string? startingAfter) => Task.FromResult(db.Read(s =>
    {
        var (fingerprint, args) = Search(query, "tickets search");
        var where = $"FROM tickets k WHERE k.app = $app AND ({query.Where})";
        var total = db.Counts.Get(fingerprint, () => s.Scalar<long>($"SELECT COUNT(*) {where}", [.. args]));
        var select = $"SELECT k.id AS tiebreak, {query.SortKey} AS sort_key {where}";
        var (ids, page, next) = KeysetPage(fingerprint, startingAfter, perPage, (cursor, limit) =>
        {
            var sql = cursor is null ? $"{select} ORDER BY {query.OrderBy}, k.id LIMIT {limit}" : cursor.Rows(select, query.SortKey, "k.id", query.Descending, limit, args);
            return s.Query(sql, r => (r.GetInt64(0), r.GetInt64(0), r.IsDBNull(1) ? null : r.GetValue(1)), [.. args]);
        });
        return new TicketPage([.. ids.Select(id => Ticket(s, id.ToString(CultureInfo.InvariantCulture))!)], total, page, perPage, next);
    }));

    public Task<TicketRecord> GetTicketAsync(string id) => Task.FromResult(db.Read(s => Ticket(s, id) ?? throw Tickets.NotFound()));

    public Task<TicketRecord> CreateTicketAsync(TicketInput input) => db.WriteAsync(s => CreateTicket(s, input));

    /// <summary>
    /// POST /tickets/enqueue: the ticket is checked and made at once, in the same write, and its job (returned) remembers
    /// it; a ticket that would be refused is refused here, as the real service refuses it before enqueueing.
    /// </summary>
    public Task<long> EnqueueTicketAsync(TicketInput input) => db.WriteAsync(s =>
    {
        var ticket = CreateTicket(s, input);
        return s.Scalar<long>("INSERT INTO ticket_jobs (app, ticket_id) VALUES ($app, $ticket) RETURNING id", ("$app", app), ("$ticket", ticket.Id));
    });

    /// <summary>The ticket an enqueued job made, by the job's id; an unknown job is 2.14's 404 job_not_found.</summary>
    public Task<long> TicketOfJobAsync(string jobId) => Task.FromResult(db.Read(s =>
        long.TryParse(jobId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && s.Scalar<long?>("SELECT ticket_id FROM ticket_jobs WHERE app = $app AND id = $id", ("$app", app), ("$id", id)) is { } ticket
            ? ticket : throw Tickets.JobNotFound()));

    private TicketRecord CreateTicket(DbSession s, TicketInput input)
    {
        var type = TicketType(s, input.TicketTypeId) ?? throw Model.TicketTypes.TypeNotFound();
        Tickets.CheckNotArchived(type);
        var attributes = Tickets.Merge(type, "{}", input.Attributes, creating: true);
        var admin = input.AdminAssigneeId is { } adminId ? Admins(s).FirstOrDefault(a => a.Id == adminId) ?? throw Tickets.AssigneeNotFound("assignment.admin_assignee_id") : null;
        var team = input.TeamAssigneeId is { } teamId ? Teams(s).FirstOrDefault(t => t.Id.ToString(CultureInfo.InvariantCulture) == teamId) ?? throw Tickets.AssigneeNotFound("assignment.team_assignee_id") : null;
        if (input.CompanyId is { } companyId)
        {
            _ = CompanyById(s, companyId) ?? throw CompanyNotFound();
        }

        if (input.ConversationToLinkId is { } linked)
        {
            // 2.14's ways to link on create: a conversation to a back-office or a tracker ticket (a tracker once).
            if (type.Category == "Customer")
            {
                throw Model.TicketTypes.Invalid("conversation_to_link_id", "A conversation links to a back-office or tracker ticket, not a Customer one");
            }

            _ = Conversation(s, linked) ?? throw Tickets.LinkedConversationNotFound();
            if (type.Category == "Tracker")
            {
                CheckNoTracker(s, linked, null);
            }
        }

        var contact = TicketContact(s, input.Contact);
        var now = Now;
        var created = input.CreatedAt ?? now;
        // The app's next number, never one a deleted ticket had (a data file kept before the counter starts past its highest).
        var number = s.Scalar<long>("""
            INSERT INTO ticket_numbers (app, last) VALUES ($app, (SELECT COALESCE(MAX(number), 0) FROM tickets WHERE app = $app) + 1)
            ON CONFLICT (app) DO UPDATE SET last = last + 1 RETURNING last
            """, ("$app", app));
        var id = s.Scalar<long>("""
            INSERT INTO tickets (app, number, ticket_type_id, state_id, attributes, company_id, admin_assignee_id, team_assignee_id, open, snoozed_until, is_shared, created_at, updated_at)
            VALUES ($app, $number, $type, $state, $attributes, $company, $admin, $team, 1, NULL, 0, $created, $now)
            RETURNING id
            """, ("$app", app), ("$number", number), ("$type", type.Id), ("$state", TicketStates.All[0].Id), ("$attributes", attributes), ("$company", input.CompanyId),
            ("$admin", admin?.Id ?? "0"), ("$team", team?.Id.ToString(CultureInfo.InvariantCulture) ?? "0"), ("$created", created), ("$now", now));
        s.Execute("INSERT INTO ticket_contacts (ticket_id, user_seq) VALUES ($id, $user)", ("$id", id), ("$user", contact));
        var state = TicketStates.All[0].Category;
        AddTicketPart(s, id, "ticket_state_updated_by_admin", Admin, created, state: (state, state));
        if (admin is not null || team is not null)
        {
            AddTicketPart(s, id, "assignment", Admin, created, assigned: admin is not null ? ("admin", admin.Id) : ("team", team!.Id.ToString(CultureInfo.InvariantCulture)));
        }

        if (input.ConversationToLinkId is { } thread)
        {
            s.Execute("INSERT INTO ticket_links (thread_id, ticket_id) VALUES ($thread, $ticket)", ("$thread", thread), ("$ticket", id));
        }

        return Ticket(s, id.ToString(CultureInfo.InvariantCulture))!;
    }

    /// <summary>
    /// POST /conversations/{id}/convert: a new ticket of a Customer type (the description's 400 for any other; an
    /// archived one is refused, as POST /tickets refuses it), in the state asked (2.16) else submitted, its attributes
    /// checked as POST /tickets checks them. It carries the conversation's contacts, assignees and its comments and
    /// notes (each by its author, at its time), then the state change the conversion is, and was created when the
    /// conversation was. The conversation stays as it was (Intercom's customer ticket is still that conversation) and
    /// remembers its ticket, so converting it again is a 400 naming the ticket, until that ticket is deleted.
    /// </summary>
    public Task<TicketRecord> ConvertConversationAsync(long conversationId, TicketConversion input) => db.WriteAsync(s =>
    {
        var conversation = Conversation(s, conversationId) ?? throw ConversationNotFound();
        if (s.Scalar<long?>("SELECT ticket_id FROM conversation_tickets WHERE thread_id = $id", ("$id", conversationId)) is { } made)
        {
            throw Tickets.AlreadyConverted(conversationId, made);
        }

        var type = TicketType(s, input.TicketTypeId) ?? throw Model.TicketTypes.TypeNotFound();
        Tickets.CheckConvertible(type);
        Tickets.CheckNotArchived(type);
        var state = input.StateId is { } stateId ? Tickets.State(stateId) : TicketStates.All[0];
        var attributes = Tickets.Merge(type, "{}", input.Attributes, creating: true, field: "attributes");
        var now = Now;
        var number = s.Scalar<long>("""
            INSERT INTO ticket_numbers (app, last) VALUES ($app, (SELECT COALESCE(MAX(number), 0) FROM tickets WHERE app = $app) + 1)
            ON CONFLICT (app) DO UPDATE SET last = last + 1 RETURNING last
            """, ("$app", app));
        var id = s.Scalar<long>("""
            INSERT INTO tickets (app, number, ticket_type_id, state_id, attributes, company_id, admin_assignee_id, team_assignee_id, open, snoozed_until, is_shared, created_at, updated_at)
            VALUES ($app, $number, $type, $state, $attributes, NULL, $admin, $team, 1, NULL, 1, $created, $now)
            RETURNING id
            """, ("$app", app), ("$number", number), ("$type", type.Id), ("$state", state.Id), ("$attributes", attributes),
            ("$admin", conversation.AdminAssigneeId ?? "0"), ("$team", conversation.TeamAssigneeId?.ToString(CultureInfo.InvariantCulture) ?? "0"),
            ("$created", conversation.CreatedAt), ("$now", now));
        foreach (var contact in conversation.Contacts.Select(c => c.User.Seq).Distinct())
        {
            s.Execute("INSERT INTO ticket_contacts (ticket_id, user_seq) VALUES ($id, $user)", ("$id", id), ("$user", contact));
        }

        var admins = Admins(s);
        foreach (var message in conversation.Messages.Where(m => m.PartType is "comment" or "note"))
        {
            var by = message.FromAdmin ? admins.FirstOrDefault(a => a.Id == message.AdminId) ?? Admin : null;
            var user = conversation.ContactOf(message).User; // whichever contact taking part wrote it
            InsertTicketPart(s, id, message.PartType, message.Html, null, null, null,
                by is null ? ("user", user.IntercomId, user.Name, user.Email) : ("admin", by.Id, by.Name, by.Email), message.CreatedAt);
        }

        AddTicketPart(s, id, "ticket_state_updated_by_admin", Admin, now, state: (state.Category, state.Category));
        s.Execute("INSERT INTO conversation_tickets (thread_id, ticket_id) VALUES ($thread, $ticket)", ("$thread", conversationId), ("$ticket", id));
        return Ticket(s, id.ToString(CultureInfo.InvariantCulture))!;
    });

    /// <summary>Applies what the change gives, each change a part by its admin_id's admin (else the app's first); nothing given changes nothing.</summary>
    public Task<TicketRecord> UpdateTicketAsync(string id, TicketChange change) => db.WriteAsync(s =>
    {
        var ticket = Ticket(s, id) ?? throw Tickets.NotFound();
        var by = change.AdminId is { } adminId ? Admins(s).FirstOrDefault(a => a.Id == adminId) ?? throw Tickets.AssigneeNotFound("admin_id") : Admin;
        var now = Now;
        var changed = false;
        if (change.Attributes is { } values)
        {
            var attributes = Tickets.Merge(ticket.Type, ticket.Attributes, values, creating: false);
            using var before = System.Text.Json.JsonDocument.Parse(ticket.Attributes);
            foreach (var (name, value) in values)
            {
                var was = before.RootElement.TryGetProperty(name, out var old) ? old.GetRawText() : null;
                var set = value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : value.GetRawText();
                if (was != set)
                {
                    var attribute = ticket.Type.Attributes.First(a => a.Name == name);
                    var text = value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString()! : set ?? "";
                    AddTicketPart(s, ticket.Id, "ticket_attribute_updated_by_admin", by, now, attribute: (attribute.Id, attribute.Name, text));
                }
            }

            changed |= attributes != ticket.Attributes;
            s.Execute("UPDATE tickets SET attributes = $attributes WHERE id = $id", ("$id", ticket.Id), ("$attributes", attributes));
        }

        if (change.StateId is { } stateId)
        {
            var state = Tickets.State(stateId);
            if (state.Id != ticket.State.Id)
            {
                s.Execute("UPDATE tickets SET state_id = $state WHERE id = $id", ("$id", ticket.Id), ("$state", state.Id));
                AddTicketPart(s, ticket.Id, "ticket_state_updated_by_admin", by, now, state: (state.Category, ticket.State.Category));
                changed = true;
            }
        }

        if (change.AssigneeId is { } assigneeId)
        {
            (string Type, string Id)? assignee = assigneeId == "0" ? null
                : Admins(s).Any(a => a.Id == assigneeId) ? ("admin", assigneeId)
                : Teams(s).Any(t => t.Id.ToString(CultureInfo.InvariantCulture) == assigneeId) ? ("team", assigneeId)
                : throw Tickets.AssigneeNotFound("assignee_id");
            // An admin replaces the admin assignee and a team the team one (the other stays); 0 unassigns both.
            var (adminAssignee, teamAssignee) = assignee is null ? ("0", "0")
                : assignee.Value.Type == "admin" ? (assignee.Value.Id, ticket.TeamAssigneeId) : (ticket.AdminAssigneeId, assignee.Value.Id);
            if ((adminAssignee, teamAssignee) != (ticket.AdminAssigneeId, ticket.TeamAssigneeId))
            {
                s.Execute("UPDATE tickets SET admin_assignee_id = $admin, team_assignee_id = $team WHERE id = $id", ("$id", ticket.Id), ("$admin", adminAssignee), ("$team", teamAssignee));
                AddTicketPart(s, ticket.Id, "assignment", by, now, assigned: assignee);
                changed = true;
            }
        }

        if (change.CompanyId is { } companyId)
        {
            if (companyId.Length > 0)
            {
                _ = CompanyById(s, companyId) ?? throw CompanyNotFound();
            }

            var company = companyId.Length == 0 ? null : companyId;
            changed |= company != ticket.CompanyId;
            s.Execute("UPDATE tickets SET company_id = $company WHERE id = $id", ("$id", ticket.Id), ("$company", company));
        }

        if (change.IsShared is { } shared && shared != ticket.IsShared)
        {
            s.Execute("UPDATE tickets SET is_shared = $shared WHERE id = $id", ("$id", ticket.Id), ("$shared", shared));
            changed = true;
        }

        // Closing unsnoozes; snoozing an open ticket keeps it open until the time given, as the description says.
        if (change.Open is { } open && open != ticket.Open)
        {
            s.Execute("UPDATE tickets SET open = $open, snoozed_until = CASE WHEN $open THEN snoozed_until ELSE NULL END WHERE id = $id", ("$id", ticket.Id), ("$open", open));
            AddTicketPart(s, ticket.Id, open ? "open" : "close", by, now);
            changed = true;
        }

        if (change.SnoozedUntil is { } until && change.Open != false)
        {
            s.Execute("UPDATE tickets SET snoozed_until = $until, open = 1 WHERE id = $id", ("$id", ticket.Id), ("$until", until));
            AddTicketPart(s, ticket.Id, "snoozed", by, now);
            changed = true;
        }

        if (changed)
        {
            s.Execute("UPDATE tickets SET updated_at = $now WHERE id = $id", ("$id", ticket.Id), ("$now", now));
        }

        return Ticket(s, id)!;
    });

    /// <summary>
    /// 2.16's POST /tickets/{id}/change_type: to another type of the same category, in the state given. The values of
    /// the attributes both types have (same name and data type, a list value the new list still offers) are carried
    /// over, the rest dropped; the values given override them, and the result is checked as a new ticket's are (every
    /// attribute the new type requires must then have a value). A state change is a part, as PUT's is.
    /// </summary>
    public Task<TicketRecord> ChangeTicketTypeAsync(string id, TicketTypeChange change) => db.WriteAsync(s =>
    {
        var ticket = Ticket(s, id) ?? throw Tickets.ReplyNotFound(); // the description's 404 here: not_found, Resource Not Found
        var type = TicketType(s, change.TicketTypeId) ?? throw Model.TicketTypes.TypeNotFound();
        if (type.Id == ticket.Type.Id)
        {
            throw Model.TicketTypes.Invalid("ticket_type_id", "Cannot change to the same ticket type");
        }

        Tickets.CheckNotArchived(type);

        if (type.Category != ticket.Type.Category)
        {
            throw Model.TicketTypes.Invalid("ticket_type_id", $"The new ticket type must be in the same category as the current type: {type.Name} is {type.Category}, the ticket is {ticket.Type.Category}");
        }

        var state = TicketStates.All.FirstOrDefault(st => st.Id.ToString(CultureInfo.InvariantCulture) == change.StateId)
            ?? throw Model.TicketTypes.Invalid("ticket_state_id", "Ticket custom state doesn't belong to the new ticket type");
        var attributes = Tickets.Merge(type, Tickets.Carry(ticket.Type, type, ticket.Attributes), change.Attributes, creating: true);
        var now = Now;
        s.Execute("UPDATE tickets SET ticket_type_id = $type, state_id = $state, attributes = $attributes, updated_at = $now WHERE id = $id",
            ("$id", ticket.Id), ("$type", type.Id), ("$state", state.Id), ("$attributes", attributes), ("$now", now));
        if (state.Id != ticket.State.Id)
        {
            AddTicketPart(s, ticket.Id, "ticket_state_updated_by_admin", Admin, now, state: (state.Category, ticket.State.Category));
        }

        return Ticket(s, id)!;
    });

    /// <summary>The most conversations a tracker ticket links, as the description says.</summary>
    private const int MaxLinkedConversations = 2500;

    /// <summary>
    /// 2.16's POST /tickets/{id}/linked_conversations: links the conversation to the tracker ticket (the description's
    /// 400s for another category, a conversation another tracker has, a full tracker); linking it again is no change.
    /// The conversation, as it now is.
    /// </summary>
    public Task<ConversationRecord> LinkConversationAsync(string ticketId, long conversationId) => db.WriteAsync(s =>
    {
        var ticket = Ticket(s, ticketId) ?? throw Tickets.NotFound();
        if (ticket.Type.Category != "Tracker")
        {
            throw Tickets.NotTracker("linking");
        }

        _ = Conversation(s, conversationId) ?? throw Tickets.LinkedConversationNotFound();
        var linked = ticket.Links!.Where(l => l.Type == "conversation").ToList();
        if (!linked.Any(l => l.Id == conversationId))
        {
            CheckNoTracker(s, conversationId, ticket.Id);
            if (linked.Count >= MaxLinkedConversations)
            {
                throw Tickets.LinkLimit();
            }

            s.Execute("INSERT INTO ticket_links (thread_id, ticket_id) VALUES ($thread, $ticket)", ("$thread", conversationId), ("$ticket", ticket.Id));
            s.Execute("UPDATE tickets SET updated_at = $now WHERE id = $id", ("$id", ticket.Id), ("$now", Now));
        }

        return Conversation(s, conversationId)!;
    });

    /// <summary>2.16's DELETE /tickets/{id}/linked_conversations/{id}: unlinks the conversation from the tracker ticket; one it does not link is the description's 404.</summary>
    public Task<ConversationRecord> UnlinkConversationAsync(string ticketId, long conversationId) => db.WriteAsync(s =>
    {
        var ticket = Ticket(s, ticketId) ?? throw Tickets.NotFound();
        if (ticket.Type.Category != "Tracker")
        {
            throw Tickets.NotTracker("unlinking");
        }

        if (s.Execute("DELETE FROM ticket_links WHERE ticket_id = $ticket AND thread_id = $thread", ("$ticket", ticket.Id), ("$thread", conversationId)) == 0)
        {
            throw Tickets.NotLinked();
        }

        s.Execute("UPDATE tickets SET updated_at = $now WHERE id = $id", ("$id", ticket.Id), ("$now", Now));
        return Conversation(s, conversationId) ?? throw Tickets.NotLinked();
    });

    /// <summary>A conversation has one tracker ticket: the description's 400 when a tracker other than <paramref name="except"/> links it.</summary>
    private void CheckNoTracker(DbSession s, long conversationId, long? except)
    {
        var others = s.Query("SELECT ticket_id FROM ticket_links WHERE thread_id = $thread", r => r.GetInt64(0), ("$thread", conversationId)).Where(t => t != except);
        if (others.Any(t => Ticket(s, t.ToString(CultureInfo.InvariantCulture))?.Type.Category == "Tracker"))
        {
            throw Tickets.AlreadyLinkedToTracker();
        }
    }

    public Task<TicketRecord> DeleteTicketAsync(string id) => db.WriteAsync(s =>
    {
        var ticket = Ticket(s, id) ?? throw Tickets.NotFound();
        s.Execute("""
            DELETE FROM ticket_contacts WHERE ticket_id = $id; DELETE FROM ticket_parts WHERE ticket_id = $id; DELETE FROM ticket_tags WHERE ticket_id = $id;
            DELETE FROM conversation_tickets WHERE ticket_id = $id; DELETE FROM ticket_links WHERE ticket_id = $id; DELETE FROM tickets WHERE id = $id;
            """, ("$id", ticket.Id));
        return ticket;
    });

    /// <summary>Tags the ticket (a tag applied again keeps when and by whom it was first); the tag as applied.</summary>
    public Task<AppliedTag> TagTicketAsync(string id, long tagId, string adminId) => db.WriteAsync(s =>
    {
        var ticket = Ticket(s, id) ?? throw Tickets.NotFound();
        _ = AdminById(s, adminId);
        var tag = TagToApply(s, tagId);
        s.Execute("INSERT OR IGNORE INTO ticket_tags (ticket_id, tag_id, applied_at, admin_id) VALUES ($id, $tag, $now, $admin)",
            ("$id", ticket.Id), ("$tag", tag.NumericId), ("$now", Now), ("$admin", adminId));
        return TicketTag(s, ticket.Id, tag.NumericId)!;
    });

    /// <summary>Takes the tag off the ticket; a tag it does not have is the 404 tag_not_found.</summary>
    public Task<AppliedTag> UntagTicketAsync(string id, long tagId, string adminId) => db.WriteAsync(s =>
    {
        var ticket = Ticket(s, id) ?? throw Tickets.NotFound();
        _ = AdminById(s, adminId);
        var applied = TicketTag(s, ticket.Id, tagId) ?? throw ConversationTagNotFound();
        s.Execute("DELETE FROM ticket_tags WHERE ticket_id = $id AND tag_id = $tag", ("$id", ticket.Id), ("$tag", tagId));
        return applied;
    });

    /// <summary>A reply: an admin's comment or note (Html.Reply's HTML), or the contact's comment; the part it made.</summary>
    public Task<TicketPartRecord> ReplyTicketAsync(string id, TicketReply reply) => db.WriteAsync(s =>
    {
        var ticket = Ticket(s, id) ?? throw Tickets.ReplyNotFound();
        long partId;
        if (reply.AdminId is { } adminId)
        {
            var admin = AdminById(s, adminId);
            partId = AddTicketPart(s, ticket.Id, reply.MessageType, admin, reply.CreatedAt ?? Now, body: reply.Body);
        }
        else
        {
            if (ticket.Type.Category == "Back-office")
            {
                throw new ApiError(400, "bad_request", "User replies are not allowed on Backoffice tickets") { Code = "parameter_mismatch" };
            }

            var user = UserBySeq(s, TicketContact(s, reply.Contact!, create: false));
            if (!ticket.Contacts.Any(c => c.Id == user.IntercomId))
            {
                throw new ApiError(400, "bad_request", "The contact replying is not the ticket's contact") { Code = "parameter_mismatch" };
            }

            partId = InsertTicketPart(s, ticket.Id, "comment", reply.Body, null, null, null, ("user", user.IntercomId, user.Name, user.Email), reply.CreatedAt ?? Now);
        }

        s.Execute("UPDATE tickets SET updated_at = $now WHERE id = $id", ("$id", ticket.Id), ("$now", Now));
        return Ticket(s, id)!.Parts.First(p => p.Id == partId);
    });

    /// <summary>The seq of the ticket's contact: by id or external id (else 2.14's "User Not Found"), or by email, a new user made when none has it (when <paramref name="create"/>).</summary>
    private long TicketContact(DbSession s, TicketContactKey key, bool create = true)
    {
        if (key.Id is { } contactId)
        {
            return (Find(s, contactId) ?? throw ContactNotFound()).User.Seq;
        }

        if (key.ExternalId is { } externalId)
        {
            return (Contact(s, ContactByUserId, ("$app", app), ("$user_id", externalId)) ?? throw ContactNotFound()).User.Seq;
        }

        if (Contact(s, ContactByEmail, ("$app", app), ("$email", key.Email)) is { } found)
        {
            return found.User.Seq;
        }

        if (!create)
        {
            throw ContactNotFound();
        }

        var seq = InsertUser(s, new UserFields(null, key.Email, null, null, null, CustomData.Empty, null, null, null));
        UpsertDetails(s, seq, "user", null, null);
        return seq;
    }

    private long AddTicketPart(
        DbSession s, long ticketId, string type, AdminRecord by, long at, (string New, string Previous)? state = null, (string Type, string Id)? assigned = null,
        (long Id, string Name, string Value)? attribute = null, string? body = null) =>
        InsertTicketPart(s, ticketId, type, body, state, assigned, attribute, ("admin", by.Id, by.Name, by.Email), at);

    private static long InsertTicketPart(
        DbSession s, long ticketId, string type, string? body, (string New, string Previous)? state, (string Type, string Id)? assigned,
        (long Id, string Name, string Value)? attribute, (string Type, string Id, string? Name, string? Email) author, long at) => s.Scalar<long>("""
        INSERT INTO ticket_parts (ticket_id, part_type, body, state, previous_state, assigned_type, assigned_id, attribute_id, attribute_name, attribute_value,
            author_type, author_id, author_name, author_email, created_at)
        VALUES ($ticket, $type, $body, $state, $previous, $assigned_type, $assigned_id, $attribute_id, $attribute_name, $attribute_value,
            $author_type, $author_id, $author_name, $author_email, $at) RETURNING id
        """, ("$ticket", ticketId), ("$type", type), ("$body", body), ("$state", state?.New), ("$previous", state?.Previous), ("$assigned_type", assigned?.Type),
        ("$assigned_id", assigned?.Id), ("$attribute_id", attribute?.Id), ("$attribute_name", attribute?.Name), ("$attribute_value", attribute?.Value),
        ("$author_type", author.Type), ("$author_id", author.Id), ("$author_name", author.Name), ("$author_email", author.Email), ("$at", at));

    private AppliedTag? TicketTag(DbSession s, long ticketId, long tagId) =>
        s.Query("SELECT applied_at, admin_id FROM ticket_tags WHERE ticket_id = $id AND tag_id = $tag", r => (At: r.GetInt64(0), Admin: r.GetString(1)), ("$id", ticketId), ("$tag", tagId))
            is [var applied] && TagById(s, tagId) is { } tag ? new AppliedTag(tag, applied.At, applied.Admin) : null;

    /// <summary>The app's ticket of that id (a positive whole number; anything else names none), with its type, contact and parts.</summary>
    private TicketRecord? Ticket(DbSession s, string id)
    {
        if (PositiveId(id) is not { } numeric)
        {
            return null;
        }

        var rows = s.Query($"SELECT {TicketColumns} FROM tickets k WHERE k.app = $app AND k.id = $id", r => (
            Id: r.GetInt64(0), Number: r.GetInt64(1), Type: r.GetInt64(2), State: r.GetInt64(3), Attributes: r.GetString(4), Company: Text(r, 5), Admin: r.GetString(6),
            Team: r.GetString(7), Open: r.GetInt64(8) != 0, Snoozed: Number(r, 9), Shared: r.GetInt64(10) != 0, Created: r.GetInt64(11), Updated: r.GetInt64(12)),
            ("$app", app), ("$id", numeric));
        if (rows is not [var row])
        {
            return null;
        }

        var contacts = s.Query("SELECT u.intercom_id, u.user_id FROM ticket_contacts c JOIN users u ON u.seq = c.user_seq WHERE c.ticket_id = $id ORDER BY c.user_seq",
            r => (r.GetString(0), Text(r, 1)), ("$id", row.Id));
        var parts = s.Query($"SELECT {TicketPartColumns} FROM ticket_parts p WHERE p.ticket_id = $id ORDER BY p.id", ReadTicketPart, ("$id", row.Id));
        var type = TicketType(s, row.Type.ToString(CultureInfo.InvariantCulture))!;
        // Its linked conversations; and a customer ticket made from a conversation links the tickets that conversation is linked to.
        var links = s.Query("SELECT thread_id FROM ticket_links WHERE ticket_id = $id ORDER BY thread_id", r => new TicketLink("conversation", r.GetInt64(0), null), ("$id", row.Id))
            .Concat(s.Query("""
                SELECT l.ticket_id, k.ticket_type_id FROM conversation_tickets c JOIN ticket_links l ON l.thread_id = c.thread_id JOIN tickets k ON k.id = l.ticket_id
                WHERE c.ticket_id = $id ORDER BY l.ticket_id
                """, r => (Id: r.GetInt64(0), Type: r.GetInt64(1)), ("$id", row.Id))
                .Select(l => new TicketLink("ticket", l.Id, TicketType(s, l.Type.ToString(CultureInfo.InvariantCulture))?.Category)))
            .ToList();
        return new(row.Id, row.Number, type, TicketStates.All.First(st => st.Id == row.State), row.Attributes, contacts, row.Company, row.Admin, row.Team,
            row.Open, row.Snoozed, row.Shared, row.Created, row.Updated, parts, links);
    }

    private static TicketPartRecord ReadTicketPart(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4),
        r.IsDBNull(5) ? null : (r.GetString(5), r.GetString(6)),
        r.IsDBNull(7) ? null : (r.GetInt64(7), r.GetString(8), r.GetString(9)),
        r.GetString(10), r.GetString(11), Text(r, 12), Text(r, 13), r.GetInt64(14));
}
