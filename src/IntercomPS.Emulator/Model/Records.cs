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

/// <summary>A note on a user: Id is 2.14's note id (v1 shows none); CreatedAt is null only in the dummy app's v1 answers, as in the spec's example.</summary>
internal sealed record NoteRecord(long Id, long? CreatedAt, string Html, UserRecord User);

/// <summary>A tag: IntercomId (24 hex digits) is its v1 id, NumericId the id REST 2.x shows (as a numeric string).</summary>
internal sealed record TagRecord(string IntercomId, long NumericId, string Name, string Color, long TaggedUserCount);

/// <summary>A create/update request for a tag. TagOrUntag is "tag", "untag" or null (no users given).</summary>
internal sealed record TagInput(string Name, string? Color, IReadOnlyList<string> UserIds, IReadOnlyList<string> Emails, string? TagOrUntag);

/// <summary>One message of a thread: v1's message_id, 2.14's part id (the first message is the conversation's source).</summary>
internal sealed record MessageRecord(long Id, long CreatedAt, string? Url, string Html, bool FromAdmin);

/// <summary>
/// An app's admin: each app has one, named by --admin-name and --admin-email, who writes the admin messages on both
/// faces and the notes on 2.14. Its id is a stable number derived from the app id (Intercom's admin ids are numeric strings).
/// </summary>
internal sealed record AdminRecord(string Id, string Name, string Email)
{
    public static AdminRecord Of(string app, string name, string email) => new(
        (100_000_000 + (System.BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(app)), 0) % 900_000_000))
            .ToString(System.Globalization.CultureInfo.InvariantCulture),
        name, email);
}
