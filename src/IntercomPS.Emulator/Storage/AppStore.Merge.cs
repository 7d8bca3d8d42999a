using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// POST /contacts/merge: a lead merged into a user. What the lead had moves to the user (tags, notes, conversations,
/// events, companies, tickets, its subscription choices about types the user made none about); what the user lacks (email, name, phone, a custom attribute) it takes from the lead, never
/// the other way round; then the lead is gone, as the real service removes it (its id is a 404 from then on).
/// </summary>
internal sealed partial class AppStore
{
    public Task<ContactRecord> MergeContactsAsync(string fromId, string intoId, bool duplicatesOnly) => db.WriteAsync(s =>
    {
        var lead = Find(s, fromId) ?? throw ContactNotFound();
        var user = Find(s, intoId) ?? throw ContactNotFound();
        if (lead.Role != "lead")
        {
            throw new ApiError(400, "bad_request", $"from must be a lead: contact {fromId} is a {lead.Role}") { Code = "parameter_invalid", Field = "from" };
        }

        if (user.Role != "user")
        {
            throw new ApiError(400, "bad_request", $"into must be a user: contact {intoId} is a {user.Role}") { Code = "parameter_invalid", Field = "into" };
        }

        // 2.16: only duplicates merge, a lead and a user that share an email (as emails compare, without case) or a phone.
        if (duplicatesOnly && !(lead.User.Email is { } email && string.Equals(email, user.User.Email, StringComparison.OrdinalIgnoreCase))
            && !(lead.Phone is { } phone && phone == user.Phone))
        {
            throw new ApiError(400, "bad_request",
                "Contacts can only be merged when they are duplicates (matching email or phone). Pass skip_duplicate_validation=true to override this check.")
            { Code = "invalid_merge" };
        }

        s.Execute("""
            INSERT OR IGNORE INTO user_tags (tag_id, user_seq, applied_at, admin_id) SELECT tag_id, $into, applied_at, admin_id FROM user_tags WHERE user_seq = $from;
            UPDATE notes SET user_seq = $into WHERE user_seq = $from;
            UPDATE threads SET user_seq = $into WHERE user_seq = $from;
            UPDATE OR IGNORE conversation_contacts SET user_seq = $into WHERE user_seq = $from;
            UPDATE messages SET user_seq = NULLIF($into, (SELECT t.user_seq FROM threads t WHERE t.id = messages.thread_id)) WHERE user_seq = $from;
            INSERT OR IGNORE INTO events (app, user_seq, event_name, created_at, metadata) SELECT app, $into, event_name, created_at, metadata FROM events WHERE user_seq = $from;
            INSERT OR IGNORE INTO company_contacts (company_seq, user_seq) SELECT company_seq, $into FROM company_contacts WHERE user_seq = $from;
            INSERT OR IGNORE INTO contact_subscriptions (user_seq, type_id) SELECT $into, type_id FROM contact_subscriptions WHERE user_seq = $from;
            INSERT OR IGNORE INTO ticket_contacts (ticket_id, user_seq) SELECT ticket_id, $into FROM ticket_contacts WHERE user_seq = $from;
            """, ("$from", lead.User.Seq), ("$into", user.User.Seq));
        // The user's own custom attributes win: they are laid over the lead's.
        using var own = JsonDocument.Parse(user.User.CustomData);
        var kept = own.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var gaps = new UserFields(null, user.User.Email is null ? lead.User.Email : null, user.User.Name is null ? lead.User.Name : null, null, null,
            CustomData.Merge(lead.User.CustomData, kept), null, null, null);
        s.Execute("INSERT INTO contact_merges (into_seq, source_id, source_role, merged_at) VALUES ($into, $source, $role, $now)",
            ("$into", user.User.Seq), ("$source", lead.User.IntercomId), ("$role", lead.Role), ("$now", Now));
        DeleteUser(s, lead.User.Seq);
        UpdateUser(s, user.User, gaps);
        UpsertDetails(s, user.User.Seq, role: null, phone: user.Phone is null ? lead.Phone : null, archived: null);
        return BySeq(s, user.User.Seq)!;
    });

    /// <summary>
    /// 2.16's GET /contacts/{id}/merge_history: a page of the contacts merged into the user, newest first (or oldest with
    /// <paramref name="ascending"/>), after the entry <paramref name="after"/> (the cursor's). A lead, or no contact, is
    /// the description's 404 "Contact not found".
    /// </summary>
    public Task<MergeHistoryPage> ListMergeHistoryAsync(string contactId, int perPage, bool ascending, long? after) => Task.FromResult(db.Read(s =>
    {
        var contact = Find(s, contactId);
        if (contact is null || contact.Role != "user")
        {
            throw new ApiError(404, "not_found", "Contact not found") { Code = "not_found" };
        }

        var rows = s.Query($"""
            SELECT id, source_id, source_role, merged_at FROM contact_merges WHERE into_seq = $seq {(after is null ? "" : ascending ? "AND id > $after" : "AND id < $after")}
            ORDER BY id {(ascending ? "ASC" : "DESC")} LIMIT $limit
            """, r => (Id: r.GetInt64(0), Entry: new MergeHistoryEntry(r.GetString(1), r.GetString(2), r.GetInt64(3))),
            ("$seq", contact.User.Seq), ("$after", after), ("$limit", perPage + 1));
        var page = rows.Take(perPage).ToList();
        return new MergeHistoryPage([.. page.Select(r => r.Entry)], rows.Count > perPage ? page[^1].Id : null);
    }));
}
