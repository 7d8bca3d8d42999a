using System;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// One stored app's data: the one model both faces read and write, as moto's models are (the faces, /v1 and 2.14,
/// only translate requests into these calls and the records back into their answers). A v1 user is a 2.14 contact,
/// a v1 thread a 2.14 conversation, a tag is one row with both faces' ids. Every statement on a table is written
/// here once, every rule about a row kept in one place; every query is scoped by the app, every write is one
/// transaction. The partial files hold one resource each.
/// </summary>
internal sealed partial class AppStore(Database db, string app, AdminRecord admin) : IAppStore
{
    /// <summary>The columns of a users row, in the order <see cref="ReadUser"/> reads them. Unqualified: no table the
    /// users are read with (contact_details, user_tags) has a column of these names.</summary>
    internal const string UserColumns =
        "seq, user_id, email, name, created_at, last_impression_at, custom_data, last_seen_ip, last_seen_user_agent, session_count, unsubscribed, intercom_id";

    /// <summary>A user's 2.14 role: contact_details.role, or user for a v1 user that has no details row.</summary>
    internal const string RoleSql = "COALESCE(d.role, 'user')";

    /// <summary>When a contact last changed: a 2.14 write, its creation, or its last visit (v1's other writes do not count).</summary>
    internal const string UpdatedAtSql = "max(COALESCE(d.updated_at, 0), COALESCE(u.created_at, 0), COALESCE(u.last_impression_at, 0))";

    /// <summary>
    /// A contact: the users row, then its details, how many notes and companies it has and its tags (a JSON array of
    /// tag rows, in id order), in the order <see cref="ReadContact"/> reads them. The tags come with the row, so a page
    /// of contacts is one statement however many there are, and a single contact is one statement too.
    /// </summary>
    private const string ContactColumns =
        $"{UserColumns}, {RoleSql}, d.phone, COALESCE(d.archived, 0), {UpdatedAtSql}, (SELECT COUNT(*) FROM notes n WHERE n.user_seq = u.seq), " +
        $"(SELECT COUNT(*) FROM company_contacts cc WHERE cc.user_seq = u.seq), {TagsOfUser}, {FirstNotesOfUser}, {FirstCompaniesOfUser}";

    // The first notes and companies of the user u a contact answer shows: LIMIT 10 is ContactRecord.InlinedReferences
    // (a constant string cannot interpolate a number).

    /// <summary>The ids of the user u's newest notes, as many as a contact answer shows: a JSON array.</summary>
    private const string FirstNotesOfUser =
        "(SELECT json_group_array(id) FROM (SELECT n.id FROM notes n WHERE n.user_seq = u.seq ORDER BY n.id DESC LIMIT 10))";

    /// <summary>The 2.x ids of the user u's first companies, as many as a contact answer shows: a JSON array.</summary>
    private const string FirstCompaniesOfUser =
        "(SELECT json_group_array(intercom_id) FROM (SELECT c.intercom_id FROM company_contacts cc JOIN companies c ON c.seq = cc.company_seq " +
        "WHERE cc.user_seq = u.seq ORDER BY c.seq LIMIT 10))";

    /// <summary>The tags of the user u: one JSON array of <see cref="TagColumns"/> rows with when and by whom each was applied, ordered by tag id.</summary>
    private const string TagsOfUser =
        $"(SELECT json_group_array(json_array({TagColumns}, t.applied_at, t.admin_id)) FROM (SELECT {TagColumns}, ut.applied_at, ut.admin_id FROM user_tags ut JOIN tags t ON t.id = ut.tag_id WHERE ut.user_seq = u.seq ORDER BY t.id) AS t)";

    private const string ContactFrom = "FROM users u LEFT JOIN contact_details d ON d.user_seq = u.seq";

    // How a user is found: by user_id (2.14's external_id, unique), by email, by its public id, or by seq. An email
    // names a user before the leads that share it (v1 knew only users; 2.14's events by email are a user's), then
    // the first created.
    private const string WhereUserId = "WHERE u.app = $app AND u.user_id = $user_id";
    private const string UsersFirst = "EXISTS (SELECT 1 FROM contact_details l WHERE l.user_seq = u.seq AND l.role = 'lead'), u.seq";
    private const string WhereEmail = $"WHERE u.app = $app AND u.email = $email ORDER BY {UsersFirst} LIMIT 1";
    private const string WhereId = "WHERE u.intercom_id = $id AND u.app = $app";
    private const string WhereSeq = "WHERE u.seq = $seq";

    // A contact found each of those ways (whole statements, so each is one constant string the statement cache knows).
    private const string ContactByUserId = $"SELECT {ContactColumns} {ContactFrom} {WhereUserId}";
    private const string ContactByEmail = $"SELECT {ContactColumns} {ContactFrom} {WhereEmail}";
    private const string ContactById = $"SELECT {ContactColumns} {ContactFrom} {WhereId}";
    private const string ContactBySeq = $"SELECT {ContactColumns} {ContactFrom} {WhereSeq}";

    /// <summary>The app's one admin: the author of admin messages on both faces and of 2.14 notes.</summary>
    public AdminRecord Admin => admin;

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static UserRecord ReadUser(SqliteDataReader r) => new(
        r.GetInt64(0), Text(r, 1), Text(r, 2), Text(r, 3), Number(r, 4), Number(r, 5),
        r.GetString(6), Text(r, 7), Text(r, 8), r.GetInt64(9), r.GetInt64(10) != 0, r.GetString(11));

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Number(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
}
