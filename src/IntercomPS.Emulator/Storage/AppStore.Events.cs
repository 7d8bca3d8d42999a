using System.Collections.Generic;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Data events: submitted on 2.14 for a contact and listed per contact. A v1 impression records none (it moves the
/// user's last_seen_at and session count, which 2.14 shows), since real impressions were not events either.
/// </summary>
internal sealed partial class AppStore
{
    public Task SubmitEventAsync(ContactRecord contact, string name, long createdAt, string metadata) => db.WriteAsync(s =>
        s.Execute("INSERT INTO events (app, user_seq, event_name, created_at, metadata) VALUES ($app, $seq, $name, $at, $metadata)",
            ("$app", app), ("$seq", contact.User.Seq), ("$name", name), ("$at", createdAt), ("$metadata", metadata)));

    /// <summary>A contact's events, newest first.</summary>
    public Task<IReadOnlyList<EventRecord>> ListEventsAsync(ContactRecord contact) => Task.FromResult<IReadOnlyList<EventRecord>>(db.Read(s => s.Query(
        "SELECT event_name, created_at, metadata FROM events WHERE user_seq = $seq ORDER BY created_at DESC, id DESC",
        r => new EventRecord(r.GetString(0), r.GetInt64(1), r.GetString(2)), ("$seq", contact.User.Seq))));

    /// <summary>The contact an event names: id (the contact id), else user_id (external id), else email.</summary>
    public Task<ContactRecord> EventContactAsync(string? id, string? userId, string? email) => Task.FromResult(db.Read(s =>
        (id is not null ? Find(s, id)
            : userId is not null ? Contact(s, ContactByUserId, ("$app", app), ("$user_id", userId))
            : Contact(s, ContactByEmail, ("$app", app), ("$email", email)))
        ?? throw ContactNotFound()));
}
