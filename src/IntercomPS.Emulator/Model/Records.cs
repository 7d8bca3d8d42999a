using System.Collections.Generic;
using System.Text.Json;

namespace IntercomPS.Emulator.Model;

/// <summary>How a request names a user. When both are given, user_id identifies the user.</summary>
internal readonly record struct UserKey(string? UserId, string? Email)
{
    public override string ToString() => UserId is not null ? $"user_id {UserId}" : $"email {Email}";
}

/// <summary>A stored user. Timestamps are UNIX seconds; CustomData is the JSON object text; IntercomId is 24 hex digits.</summary>
internal sealed record UserRecord(
    long Seq, string? UserId, string? Email, string? Name, long? CreatedAt, long? LastImpressionAt, string CustomData,
    string? LastSeenIp, string? LastSeenUserAgent, long SessionCount, bool UnsubscribedFromEmails, string IntercomId);

/// <summary>A create/update request for a user. Null fields leave the stored value unchanged; Increments add to custom_data.</summary>
internal sealed record UserInput(
    UserKey Key, string? Name, long? CreatedAt, long? LastImpressionAt, IReadOnlyDictionary<string, JsonElement>? CustomData,
    string? LastSeenIp, string? LastSeenUserAgent, bool? UnsubscribedFromEmails, IReadOnlyDictionary<string, JsonElement>? Increments = null);

internal sealed record UserPage(IReadOnlyList<UserRecord> Users, long TotalCount, int Page, int PerPage);

/// <summary>
/// A note on a user, or (2.16's company notes) on a company, never both: Id is 2.14's note id (v1 shows none);
/// CreatedAt is null only in the dummy app's v1 answers, as in the spec's example. AdminId is the admin who wrote it on
/// 2.x (null: the app's first admin, as every v1 note).
/// </summary>
internal sealed record NoteRecord(long Id, long? CreatedAt, string Html, UserRecord? User, string? AdminId = null, CompanyRecord? Company = null);

/// <summary>A tag: IntercomId (24 hex digits) is its v1 id, NumericId the id REST 2.x shows (as a numeric string).</summary>
internal sealed record TagRecord(string IntercomId, long NumericId, string Name, string Color, long TaggedUserCount);

/// <summary>A create/update request for a tag. TagOrUntag is "tag", "untag" or null (no users given).</summary>
internal sealed record TagInput(string Name, string? Color, IReadOnlyList<string> UserIds, IReadOnlyList<string> Emails, string? TagOrUntag);

/// <summary>
/// One message of a thread: v1's message_id, 2.14's part id (the first message is the conversation's source).
/// PartType is 2.14's part_type: comment (what v1 knows), note (admins only), close, open, snoozed, assignment; a state
/// change carries an empty Html unless the admin wrote a message with it. AdminId is the admin who wrote an admin part
/// (null: the app's first admin); AssignedTo, on an assignment, "admin:ID", "team:ID" or "nobody". RedactedAt is when
/// the message was redacted (POST /conversations/redact: its Html is then <see cref="Model.Html.Redacted"/>), else null.
/// Author is the contact who wrote a contact's message when it is not the thread's own (one added to the conversation
/// replied); null for the thread's own contact and for admins' parts.
/// </summary>
internal sealed record MessageRecord(long Id, long CreatedAt, string? Url, string Html, bool FromAdmin,
    string PartType = "comment", string? AdminId = null, string? AssignedTo = null, long? RedactedAt = null, ContactRecord? Author = null)
{
    public bool Redacted => RedactedAt is not null;

    /// <summary>When the message last changed: its redaction, else its writing.</summary>
    public long UpdatedAt => RedactedAt ?? CreatedAt;

    /// <summary>
    /// What the user sees in the thread (and all v1 shows): comments, and a message an admin wrote with a close or an
    /// assignment; never a note, nor a state change without words.
    /// </summary>
    public bool ToUser => IsToUser(PartType, Html);

    /// <summary>The rule of <see cref="ToUser"/>, which the conversation search's SQL calls too (<c>waiting_since</c>).</summary>
    public static bool IsToUser(string partType, string html) => partType == "comment" || (partType != "note" && html.Length > 0);
}

/// <summary>
/// An admin (teammate) of an app. Each app has its first admin, named by --admin-name and --admin-email, whose token
/// the app's key is (GET /me), with a stable id derived from the app id (Intercom's admin ids are numeric strings);
/// /admin/admins seeds more. Away and Reassign are 2.14's away_mode_enabled and away_mode_reassign, AwayReasonId its
/// away_status_reason_id (one of <see cref="AwayReasons"/>, only while away).
/// </summary>
internal sealed record AdminRecord(
    string Id, string Name, string Email, bool Away = false, bool Reassign = false, IReadOnlyList<long>? TeamIds = null, long? AwayReasonId = null)
{
    public static AdminRecord Of(string app, string name, string email) => new(NumericId(app), name, email);

    /// <summary>A number from 100,000,000 to 999,999,999 derived from <paramref name="seed"/>, as a string.</summary>
    public static string NumericId(string seed) =>
        (100_000_000 + (System.BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)), 0) % 900_000_000))
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A team of admins: its numeric id (shown as a string) and its members' admin ids.</summary>
internal sealed record TeamRecord(long Id, string Name, IReadOnlyList<string> AdminIds);

/// <summary>One admin's line of a team's metrics (2.16): the open, idle (open and quiet) and snoozed conversations assigned to them.</summary>
internal sealed record TeamMetricRecord(string AdminId, long Open, long Idle, long Snoozed);

/// <summary>
/// An entry of the app's admin activity log: who it was about (the admin, by id and email as they were), its
/// activity_type, its metadata (a JSON object's text, whose shape the type decides), the sentence describing it, and
/// when it happened (UNIX seconds). Id is a UUID, as Intercom's are.
/// </summary>
internal sealed record ActivityLogRecord(string Id, string AdminId, string AdminEmail, string Type, string Metadata, string Description, long CreatedAt);
