using System.Collections.Generic;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Data events: submitted on 2.14 for a contact and listed per contact. A v1 impression records none (it moves the
/// user's last_seen_at and session count, which 2.14 shows), since real impressions were not events either. An event
/// is one per (contact, name, created_at), as the real service deduplicates: the same event sent again (a retry) is
/// accepted and ignored, its first metadata kept. Summaries submitted for a contact count beside its events.
/// </summary>
internal sealed partial class AppStore
{
    public Task SubmitEventAsync(ContactRecord contact, string name, long createdAt, string metadata) => db.WriteAsync(s =>
        s.Execute("INSERT OR IGNORE INTO events (app, user_seq, event_name, created_at, metadata) VALUES ($app, $seq, $name, $at, $metadata)",
            ("$app", app), ("$seq", contact.User.Seq), ("$name", name), ("$at", createdAt), ("$metadata", metadata)));

    /// <summary>A summary of events that happened elsewhere; a second one for the same name replaces the first, so a retry changes nothing.</summary>
    public Task SubmitEventSummaryAsync(ContactRecord contact, string name, long count, long first, long last) => db.WriteAsync(s => s.Execute("""
        INSERT INTO event_summaries (user_seq, event_name, count, first, last) VALUES ($seq, $name, $count, $first, $last)
        ON CONFLICT (user_seq, event_name) DO UPDATE SET count = $count, first = $first, last = $last
        """, ("$seq", contact.User.Seq), ("$name", name), ("$count", count), ("$first", first), ("$last", last)));

    /// <summary>Per event name: how many, the first and the last, of the contact's events and submitted summaries together.</summary>
    public Task<IReadOnlyList<EventSummaryRecord>> SummarizeEventsAsync(ContactRecord contact) => Task.FromResult<IReadOnlyList<EventSummaryRecord>>(db.Read(s => s.Query("""
        SELECT event_name, SUM(n), MIN(first), MAX(last) FROM (
            SELECT event_name, COUNT(*) AS n, MIN(created_at) AS first, MAX(created_at) AS last FROM events WHERE user_seq = $seq GROUP BY event_name
            UNION ALL SELECT event_name, count, first, last FROM event_summaries WHERE user_seq = $seq)
        GROUP BY event_name ORDER BY event_name
        """, r => new EventSummaryRecord(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), ("$seq", contact.User.Seq))));

    /// <summary>A contact's events, newest first.</summary>
    public Task<IReadOnlyList<EventRecord>> ListEventsAsync(ContactRecord contact) => Task.FromResult<IReadOnlyList<EventRecord>>(db.Read(s => s.Query(
        "SELECT event_name, created_at, metadata FROM events WHERE user_seq = $seq ORDER BY created_at DESC, id DESC",
        r => new EventRecord(r.GetString(0), r.GetInt64(1), r.GetString(2)), ("$seq", contact.User.Seq))));

    /// <summary>
    /// The app's events, newest first, a page of <paramref name="limit"/> before event <paramref name="beforeId"/> (all
    /// when null), each with its contact, and how many the app has: what the inspector's event view lists.
    /// </summary>
    public Task<(IReadOnlyList<AppEventRecord> Events, long Total)> ListAppEventsAsync(int limit, long? beforeId) => Task.FromResult(db.Read(s =>
        ((IReadOnlyList<AppEventRecord>)s.Query(
            """
            SELECT e.id, e.event_name, e.created_at, e.metadata, u.intercom_id, COALESCE(u.name, u.email, u.user_id, u.intercom_id)
            FROM events e JOIN users u ON u.seq = e.user_seq
            WHERE e.app = $app AND ($before IS NULL OR e.id < $before) ORDER BY e.id DESC LIMIT $limit
            """,
            r => new AppEventRecord(r.GetInt64(0), new EventRecord(r.GetString(1), r.GetInt64(2), r.GetString(3)), r.GetString(4), r.GetString(5)),
            ("$app", app), ("$before", beforeId), ("$limit", limit)),
        s.Scalar<long>("SELECT COUNT(*) FROM events WHERE app = $app", ("$app", app)))));

    /// <summary>The contact an event names: id (the contact id), else user_id (external id), else email.</summary>
    public Task<ContactRecord> EventContactAsync(string? id, string? userId, string? email) => Task.FromResult(db.Read(s =>
        (id is not null ? Find(s, id)
            : userId is not null ? Contact(s, WhereUserId, ("$app", app), ("$user_id", userId))
            : Contact(s, WhereEmail, ("$app", app), ("$email", email)))
        ?? throw ContactNotFound()));
}
