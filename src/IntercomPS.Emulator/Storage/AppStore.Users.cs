using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Users, which 2.14 shows as contacts: one users row each (id = intercom_id, external_id = user_id, custom_attributes
/// = custom_data, last_seen_at = last_impression_at, signed_up_at = created_at), plus a contact_details row for what
/// only 2.14 has (role, phone, archived).
/// </summary>
internal sealed partial class AppStore
{
    /// <summary>Every new user, from either face or the seed: its public id minted, created_at now unless given.</summary>
    private const string InsertUserSql = $"""
        INSERT OR IGNORE INTO users (app, intercom_id, user_id, email, name, created_at, last_impression_at, custom_data, last_seen_ip, last_seen_user_agent, unsubscribed)
        VALUES ($app, {Schema.NewIntercomId}, $user_id, $email, $name, COALESCE($created_at, $now), $last_impression_at, $custom_data, $ip, $ua, COALESCE($unsubscribed, 0))
        RETURNING seq
        """;

    /// <summary>The indexed columns, assigned only when one changes (see <see cref="UpdateUser"/>).</summary>
    private const string UpdateKeysSql = """
        UPDATE users SET user_id = COALESCE($user_id, user_id), email = COALESCE($email, email), created_at = COALESCE($created_at, created_at)
        WHERE seq = $seq
        """;

    /// <summary>The other columns; RETURNING hands back the stored row, so the answer needs no second SELECT.</summary>
    private const string UpdateRestSql = $"""
        UPDATE users SET name = COALESCE($name, name), last_impression_at = COALESCE($last_impression_at, last_impression_at),
            custom_data = $custom_data, last_seen_ip = COALESCE($ip, last_seen_ip), last_seen_user_agent = COALESCE($ua, last_seen_user_agent),
            unsubscribed = COALESCE($unsubscribed, unsubscribed)
        WHERE seq = $seq
        RETURNING {UserColumns}
        """;

    public Task<UserRecord> GetUserAsync(UserKey key) => Task.FromResult(db.Read(s => FindUser(s, key) ?? throw ApiError.UserNotFound()));

    /// <summary>v1's POST (create when <paramref name="create"/>, else update) and PUT: the user is named by user_id, else email.</summary>
    public Task<(UserRecord User, bool Created)> SaveUserAsync(UserInput input, bool create) => db.WriteAsync(s =>
    {
        var key = input.Key;
        var user = FindUser(s, key);

        // A user first known by email only gets the user_id it is later sent with, instead of a duplicate user.
        if (user is null && key.UserId is not null && key.Email is not null)
        {
            user = s.First($"SELECT {UserColumns} FROM users u WHERE u.app = $app AND u.email = $email AND u.user_id IS NULL ORDER BY {UsersFirst} LIMIT 1",
                ReadUser, ("$app", app), ("$email", key.Email));
        }

        if (user is null && !create)
        {
            throw ApiError.UserNotFound();
        }

        CheckTypes(s, input.CustomData, "custom_data", input.Increments);

        var fields = new UserFields(key.UserId, key.Email, input.Name, input.CreatedAt, input.LastImpressionAt,
            CustomData.Merge(user?.CustomData ?? CustomData.Empty, input.CustomData, input.Increments),
            input.LastSeenIp, input.LastSeenUserAgent, input.UnsubscribedFromEmails);
        return user is null ? (UserBySeq(s, InsertUser(s, fields)), true) : (UpdateUser(s, user, fields), false);
    });

    public Task<UserRecord> DeleteUserAsync(UserKey key) => db.WriteAsync(s =>
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        DeleteUser(s, user.Seq);
        return user;
    });

    /// <summary>A visit: moves last_seen_at and the session count; answers how many admin messages are unread.</summary>
    public Task<int> RecordImpressionAsync(UserKey key, string? userIp, string? userAgent) => db.WriteAsync(s =>
    {
        var user = FindUser(s, key) ?? throw ApiError.UserNotFound();
        s.Execute("""
            UPDATE users SET last_impression_at = $now, session_count = session_count + 1,
                last_seen_ip = COALESCE($ip, last_seen_ip), last_seen_user_agent = COALESCE($ua, last_seen_user_agent)
            WHERE seq = $seq
            """, ("$now", Now), ("$ip", userIp), ("$ua", userAgent), ("$seq", user.Seq));
        return UnreadAdminMessages(s, user.Seq);
    });

    public Task<ContactRecord> GetContactAsync(string id) => Task.FromResult(db.Read(s => Find(s, id) ?? throw ContactNotFound()));

    public Task<ContactRecord> FindContactByExternalIdAsync(string externalId) => Task.FromResult(db.Read(s =>
        Contact(s, ContactByUserId, ("$app", app), ("$user_id", externalId)) ?? throw ContactNotFound()));

    public Task<ContactRecord> CreateContactAsync(ContactInput input) => db.WriteAsync(s =>
    {
        var role = input.Role ?? "user";
        CheckConflict(s, input, role, exceptSeq: null);
        CheckCustomAttributes(s, input.CustomAttributes);
        var seq = InsertUser(s, Fields(input, CustomData.Empty));
        UpsertDetails(s, seq, role, input.Phone, archived: null);
        return BySeq(s, seq)!;
    });

    public Task<ContactRecord> UpdateContactAsync(string id, ContactInput input) => db.WriteAsync(s =>
    {
        var contact = Find(s, id) ?? throw ContactNotFound();
        CheckConflict(s, input, input.Role ?? contact.Role, contact.User.Seq);
        CheckCustomAttributes(s, input.CustomAttributes);
        var user = UpdateUser(s, contact.User, Fields(input, contact.User.CustomData));
        return Updated(contact with { User = user }, UpsertDetails(s, user.Seq, input.Role, input.Phone, archived: null));
    });

    /// <summary>Deletes the contact and everything that hangs off it, as deleting the v1 user does.</summary>
    public Task<ContactRecord> DeleteContactAsync(string id) => db.WriteAsync(s =>
    {
        var contact = Find(s, id) ?? throw ContactNotFound();
        DeleteUser(s, contact.User.Seq);
        return contact;
    });

    public Task<ContactRecord> ArchiveContactAsync(string id, bool archived) => db.WriteAsync(s =>
    {
        var contact = Find(s, id) ?? throw ContactNotFound();
        return Updated(contact, UpsertDetails(s, contact.User.Seq, role: null, phone: null, archived));
    });

    /// <summary>
    /// Creates users {prefix}1..{prefix}{count} (email {prefix}{n}@example.com) in one transaction, skipping ids
    /// that exist, optionally tagged; returns how many were created.
    /// </summary>
    public Task<int> SeedAsync(int count, string? tag, string prefix) => db.WriteAsync(s =>
    {
        var created = 0;
        var ids = new List<string>(count);
        for (var n = 1; n <= count; n++)
        {
            var id = prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids.Add(id);
            created += s.Scalar<long?>(InsertUserSql, Arguments(new UserFields(id, id + "@example.com", "User " + id, null, null, CustomData.Empty, null, null, null))) is null ? 0 : 1;
        }

        if (tag is not null)
        {
            Link(s, CreateTag(s, tag, color: null).NumericId, (TagByUserId, ids));
        }

        return created;
    });

    /// <summary>The 2.14 fields as the users row stores them, custom_attributes merged into <paramref name="customData"/>.</summary>
    private static UserFields Fields(ContactInput input, string customData) => new(
        input.ExternalId, input.Email, input.Name, input.SignedUpAt, input.LastSeenAt, CustomData.Merge(customData, input.CustomAttributes),
        LastSeenIp: null, LastSeenUserAgent: null, input.UnsubscribedFromEmails);

    /// <summary>The user a v1 request names: by user_id when it has one (user_id identifies), else by email.</summary>
    private UserRecord? FindUser(DbSession s, UserKey key) => key.UserId is not null
        ? s.First($"SELECT {UserColumns} FROM users u {WhereUserId}", ReadUser, ("$app", app), ("$user_id", key.UserId))
        : s.First($"SELECT {UserColumns} FROM users u {WhereEmail}", ReadUser, ("$app", app), ("$email", key.Email));

    private static UserRecord UserBySeq(DbSession s, long seq) => s.First($"SELECT {UserColumns} FROM users u {WhereSeq}", ReadUser, ("$seq", seq))!;

    /// <summary>A contact by its 2.14 id, which is the v1 user's intercom_id.</summary>
    private ContactRecord? Find(DbSession s, string id) => Contact(s, ContactById, ("$app", app), ("$id", id));

    private ContactRecord? BySeq(DbSession s, long seq) => Contact(s, ContactBySeq, ("$seq", seq));

    private static ContactRecord? Contact(DbSession s, string sql, params (string, object?)[] args) => s.First(sql, ReadContact, args);

    /// <summary>The contacts with these seqs, by seq: one statement however many.</summary>
    private static Dictionary<long, ContactRecord> ContactsBySeq(DbSession s, IEnumerable<long> seqs) =>
        s.Query($"SELECT {ContactColumns} {ContactFrom} WHERE u.seq IN (SELECT value FROM json_each($seqs))", ReadContact,
            ("$seqs", "[" + string.Join(',', seqs.Distinct()) + "]")).ToDictionary(c => c.User.Seq);

    /// <summary>The contact on the reader's row: the user, then the columns <see cref="ContactColumns"/> adds.</summary>
    private static ContactRecord ReadContact(SqliteDataReader r) =>
        new(ReadUser(r), r.GetString(12), Text(r, 13), r.GetInt64(14) != 0, r.GetInt64(15), AppliedTagsFromJson(r.GetString(18)), r.GetInt64(16), r.GetInt64(17),
            IdsFromJson(r.GetString(19)), IdsFromJson(r.GetString(20)));

    /// <summary>A JSON array of ids (numbers or strings) as strings; the usual empty one without parsing.</summary>
    private static IReadOnlyList<string> IdsFromJson(string json)
    {
        if (json == "[]")
        {
            return [];
        }

        using var array = System.Text.Json.JsonDocument.Parse(json);
        return [.. array.RootElement.EnumerateArray().Select(id => id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString()! : id.GetRawText())];
    }

    /// <summary>A new user's seq.</summary>
    private long InsertUser(DbSession s, UserFields fields) =>
        s.Scalar<long?>(InsertUserSql, Arguments(fields)) ?? throw new System.InvalidOperationException("A user_id checked as free was taken.");

    /// <summary>
    /// Writes what <paramref name="changes"/> sets (null keeps the stored value) and returns the row. A user_id, email
    /// or created_at is assigned only when it changes: SQLite rewrites the index entries of every column an UPDATE
    /// assigns, even to the same value, which tripled the pages each update wrote.
    /// </summary>
    private static UserRecord UpdateUser(DbSession s, UserRecord user, UserFields changes)
    {
        // Each statement gets only the parameters it names: Microsoft.Data.Sqlite looks every parameter it is given up
        // in the statement by name (a UTF-8 copy and a native call each), used or not.
        if ((changes.UserId is not null && changes.UserId != user.UserId) || (changes.Email is not null && changes.Email != user.Email)
            || (changes.CreatedAt is not null && changes.CreatedAt != user.CreatedAt))
        {
            s.Execute(UpdateKeysSql, ("$user_id", changes.UserId), ("$email", changes.Email), ("$created_at", changes.CreatedAt), ("$seq", user.Seq));
        }

        return s.First(UpdateRestSql, ReadUser,
            ("$name", changes.Name), ("$last_impression_at", changes.LastImpressionAt), ("$custom_data", changes.CustomData), ("$ip", changes.LastSeenIp),
            ("$ua", changes.LastSeenUserAgent), ("$unsubscribed", changes.Unsubscribed), ("$seq", user.Seq))!;
    }

    private (string, object?)[] Arguments(UserFields f) =>
    [
        ("$app", app), ("$user_id", f.UserId), ("$email", f.Email), ("$name", f.Name), ("$created_at", f.CreatedAt),
        ("$last_impression_at", f.LastImpressionAt), ("$custom_data", f.CustomData), ("$ip", f.LastSeenIp), ("$ua", f.LastSeenUserAgent),
        ("$unsubscribed", f.Unsubscribed), ("$now", Now),
    ];

    /// <summary>
    /// What only 2.14 stores about a user; null keeps a stored value (role user and not archived by default). Returns
    /// the details row as stored and the contact's updated_at as every read computes it (<see cref="UpdatedAtSql"/>;
    /// RETURNING's subquery sees the rows as this statement and the write's earlier ones left them), so a write that changes only the users row and its details
    /// can answer without reading the contact again (see <see cref="Updated"/>).
    /// </summary>
    private static StoredDetails UpsertDetails(DbSession s, long seq, string? role, string? phone, bool? archived) => s.First($"""
        INSERT INTO contact_details (user_seq, role, phone, archived, updated_at) VALUES ($seq, COALESCE($role, 'user'), $phone, COALESCE($archived, 0), $now)
        ON CONFLICT (user_seq) DO UPDATE SET role = COALESCE($role, role), phone = COALESCE($phone, phone),
            archived = COALESCE($archived, archived), updated_at = $now
        RETURNING role, phone, archived, (SELECT {UpdatedAtSql} {ContactFrom} WHERE u.seq = $seq)
        """, r => new StoredDetails(r.GetString(0), Text(r, 1), r.GetInt64(2) != 0, r.GetInt64(3)),
        ("$seq", seq), ("$role", role), ("$phone", phone), ("$archived", archived), ("$now", Now))!;

    /// <summary>
    /// The contact read before a write that changed only its users row (already in <paramref name="contact"/>) and its
    /// details: its tags and counts are as read, the rest as stored now.
    /// </summary>
    private static ContactRecord Updated(ContactRecord contact, StoredDetails details) => contact with
    {
        Role = details.Role,
        Phone = details.Phone,
        Archived = details.Archived,
        UpdatedAt = details.ContactUpdatedAt,
    };

    /// <summary>
    /// What deleting a user removes, on either face: the user and everything that hangs off it, the replies it wrote
    /// in conversations it was added to included (no part is left naming a contact that is gone). Its conversations
    /// are listed as deleted (GET /conversations/deleted), their metrics retained, as DELETE /conversations/{id}'s default.
    /// </summary>
    private static void DeleteUser(DbSession s, long seq) => s.Execute("""
        INSERT OR IGNORE INTO deleted_conversations (id, app, deleted_at, metrics_retained) SELECT id, app, $now, 1 FROM threads WHERE user_seq = $seq ORDER BY id;
        DELETE FROM messages WHERE thread_id IN (SELECT id FROM threads WHERE user_seq = $seq);
        DELETE FROM messages WHERE user_seq = $seq;
        DELETE FROM conversation_states WHERE thread_id IN (SELECT id FROM threads WHERE user_seq = $seq);
        DELETE FROM conversation_tags WHERE thread_id IN (SELECT id FROM threads WHERE user_seq = $seq);
        DELETE FROM conversation_contacts WHERE thread_id IN (SELECT id FROM threads WHERE user_seq = $seq) OR user_seq = $seq;
        DELETE FROM threads WHERE user_seq = $seq;
        DELETE FROM notes WHERE user_seq = $seq;
        DELETE FROM user_tags WHERE user_seq = $seq;
        DELETE FROM contact_details WHERE user_seq = $seq;
        DELETE FROM events WHERE user_seq = $seq;
        DELETE FROM contact_merges WHERE into_seq = $seq;
        DELETE FROM users WHERE seq = $seq;
        """, ("$seq", seq), ("$now", Now));

    /// <summary>
    /// The real API's 409: an external_id belongs to one contact, and so does a user's email (leads may share one).
    /// The message names the contact that has it, as Intercom's does.
    /// </summary>
    private void CheckConflict(DbSession s, ContactInput input, string role, long? exceptSeq)
    {
        string? holder = null;
        if (input.ExternalId is not null)
        {
            holder = s.Scalar<string?>("SELECT intercom_id FROM users WHERE app = $app AND user_id = $external_id AND seq IS NOT $except",
                ("$app", app), ("$external_id", input.ExternalId), ("$except", exceptSeq));
        }

        if (holder is null && input.Email is not null && role == "user")
        {
            holder = s.Scalar<string?>($"""
                SELECT u.intercom_id {ContactFrom} WHERE u.app = $app AND u.email = $email AND {RoleSql} = 'user' AND u.seq IS NOT $except
                ORDER BY u.seq LIMIT 1
                """, ("$app", app), ("$email", input.Email), ("$except", exceptSeq));
        }

        if (holder is not null)
        {
            throw new ApiError(409, "conflict", $"A contact matching those details already exists with id={holder}") { Code = "conflict" };
        }
    }

    /// <summary>2.14's 404, in its words and code (v1 words its own: ApiError.UserNotFound, TagNotFound).</summary>
    public static ApiError ContactNotFound() => new(404, "not_found", "User Not Found") { Code = "not_found" };

    /// <summary>A contact_details row as stored, and the contact's updated_at it makes.</summary>
    private sealed record StoredDetails(string Role, string? Phone, bool Archived, long ContactUpdatedAt);

    /// <summary>A user's stored fields as one write sets them; null leaves a stored value as it is.</summary>
    private sealed record UserFields(
        string? UserId, string? Email, string? Name, long? CreatedAt, long? LastImpressionAt, string CustomData,
        string? LastSeenIp, string? LastSeenUserAgent, bool? Unsubscribed);
}
