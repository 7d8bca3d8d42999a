using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;

namespace IntercomPS.Emulator;

/// <summary>
/// The spec's dummy app (dummy-app-id / dummy_app_id, any key): canned data from the spec's examples, writes
/// answered plausibly and never stored. Conventions the old official client's live tests relied on:
/// somebody@example.com is "Somebody" with threads and unread messages, not-found@example.com is a 404 and
/// server-error@example.com a 500. The 2.14 face answers from the same canned users as contacts (DummyApp.Contacts.cs).
/// </summary>
internal sealed partial class DummyApp(AdminRecord admin) : IAppStore
{
    private const string CannedCustomData = """{"app_name":"Genesis","monthly_spend":155.5,"team_mates":7}""";
    private const string Chrome =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_3) AppleWebKit/535.11 (KHTML, like Gecko) Chrome/17.0.963.56 Safari/535.11";

    private static readonly UserRecord[] ListedUsers =
    [
        Canned("first.user@example.com", "123", "First User"),
        Canned("second.user@example.com", "456", "Second User"),
        Canned("third.user@example.com", "789", "Third User"),
    ];

    public static bool IsDummy(string appId) => appId is "dummy-app-id" or "dummy_app_id";

    public AdminRecord Admin => admin;

    /// <summary>The spec's social_profiles and location_data, written for every canned user.</summary>
    public static void WriteProfiles(Utf8JsonWriter w)
    {
        w.WriteStartArray("social_profiles");
        w.WriteStartObject();
        w.WriteString("type", "twitter");
        w.WriteString("url", "http://twitter.com/abc");
        w.WriteString("username", "abc");
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("type", "facebook");
        w.WriteString("url", "http://facebook.com/vanity");
        w.WriteString("username", "vanity");
        w.WriteString("id", "13241141441141413");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("location_data");
        w.WriteString("city_name", "Santiago");
        w.WriteString("continent_code", "SA");
        w.WriteString("country_name", "Chile");
        w.WriteNumber("latitude", -33.44999999999999);
        w.WriteNumber("longitude", -70.6667);
        w.WriteString("postal_code", "");
        w.WriteString("region_name", "12");
        w.WriteString("timezone", "Chile/Continental");
        w.WriteString("country_code", "CHL");
        w.WriteEndObject();
    }

    private const long FirstThreadId = 5591;
    private const long UnreadThreadId = 5592;
    private const long CannedMessageId = 71000;

    /// <summary>The id of every tag the dummy app answers with.</summary>
    public const string TagId = "52322b4150233908a800013c";

    public Task<UserPage> ListUsersAsync(int page, int perPage, string? tagId, string? tagName) =>
        Task.FromResult(new UserPage(ListedUsers.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * perPage)).Take(perPage).ToList(), ListedUsers.Length, page, perPage));

    public Task<UserRecord> GetUserAsync(UserKey key) => Task.FromResult(Resolve(key));

    public Task<(UserRecord User, bool Created)> SaveUserAsync(UserInput input, bool create)
    {
        var user = Resolve(input.Key);
        user = user with
        {
            Name = input.Name ?? user.Name,
            CreatedAt = input.CreatedAt ?? user.CreatedAt,
            LastImpressionAt = input.LastImpressionAt ?? user.LastImpressionAt,
            CustomData = input.CustomData is null && input.Increments is null ? user.CustomData
                : CustomData.Merge(input.CustomData is null ? user.CustomData : CustomData.Empty, input.CustomData, input.Increments),
            LastSeenIp = input.LastSeenIp ?? user.LastSeenIp,
            LastSeenUserAgent = input.LastSeenUserAgent ?? user.LastSeenUserAgent,
            UnsubscribedFromEmails = input.UnsubscribedFromEmails ?? user.UnsubscribedFromEmails,
        };
        return Task.FromResult((user, create));
    }

    public Task<UserRecord> DeleteUserAsync(UserKey key) => Task.FromResult(Resolve(key));

    public Task<NoteRecord> AddNoteAsync(UserKey key, string body) =>
        Task.FromResult(new NoteRecord(0, null, Html.Paragraphs(body), Resolve(key)));

    /// <summary>One unread message, the spec's example answer (for Somebody, the admin answer in its second thread).</summary>
    public Task<int> RecordImpressionAsync(UserKey key, string? userIp, string? userAgent)
    {
        Resolve(key);
        return Task.FromResult(1);
    }

    /// <summary>
    /// Everyone has the spec's thread, read. Somebody also has a second, with an admin answer not yet read: as the real
    /// dummy answered, the first thread is read while impressions still report unread messages.
    /// </summary>
    public Task<IReadOnlyList<ConversationRecord>> ListThreadsAsync(UserKey key)
    {
        var user = Resolve(key);
        return Task.FromResult<IReadOnlyList<ConversationRecord>>(IsSomebody(user)
            ? [CannedThread(user, FirstThreadId), CannedThread(user, UnreadThreadId)]
            : [CannedThread(user, FirstThreadId)]);
    }

    public Task<ConversationRecord> GetThreadAsync(UserKey key, long threadId) => Task.FromResult(CannedThread(Resolve(key), threadId));

    public Task<ConversationRecord> CreateThreadAsync(UserKey key, string body, string? url)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Task.FromResult(Thread(FirstThreadId, now, true, [new MessageRecord(CannedMessageId, now, url, Html.Paragraphs(body), false)], Resolve(key)));
    }

    public Task<ConversationRecord> UpdateThreadAsync(UserKey key, long threadId, string? body, string? url, bool? read, bool fromAdmin)
    {
        var thread = CannedThread(Resolve(key), threadId);
        return Task.FromResult((body is null ? thread : WithReply(thread, Html.Paragraphs(body), url, fromAdmin)) with { Read = read ?? thread.Read });
    }

    public Task<TagRecord> GetTagAsync(string name) => Task.FromResult(new TagRecord(TagId, 1, name, "green", ListedUsers.Length));

    public Task<(TagRecord Tag, bool Created)> SaveTagAsync(TagInput input, bool create)
    {
        var count = input.TagOrUntag == "tag" ? input.UserIds.Count + input.Emails.Count : 0;
        return Task.FromResult((new TagRecord(TagId, 1, input.Name, input.Color ?? "green", count), create));
    }

    // A canned user's intercom_id: its created_at in hex, then digits derived from its user id (stable across runs).
    private static UserRecord Canned(string email, string userId, string name) =>
        new(-1, userId, email, name, 1270000000, 1300000000, CannedCustomData, "127.0.0.1", Chrome, 0, false, CannedIntercomId(userId));

    private static string CannedIntercomId(string userId) =>
        "4bb2a980" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..16];

    private static UserRecord Resolve(UserKey key)
    {
        switch (key.Email?.ToLowerInvariant())
        {
            case "not-found@example.com": throw ApiError.UserNotFound();
            case "server-error@example.com": throw new ApiError(500, "server_error", "Something went wrong on our end (dummy app: server-error@example.com)");
            case "somebody@example.com": return Canned("somebody@example.com", key.UserId ?? "123", "Somebody");
        }

        return Canned(key.Email ?? "ben@intercom.io", key.UserId ?? "123", "Ben");
    }

    private static bool IsSomebody(UserRecord user) => user.Email == "somebody@example.com";

    /// <summary>
    /// The spec's example thread: a user message, an admin answer, a user reply; read. Somebody's unread thread is a
    /// user question with an admin answer after it.
    /// </summary>
    private static ConversationRecord CannedThread(UserRecord user, long threadId) => threadId == UnreadThreadId && IsSomebody(user)
        ? Thread(threadId, 1366784298, false,
        [
            new MessageRecord(CannedMessageId + 10, 1366784298, null, "<p>Is there an API for tags?</p>", false),
            new MessageRecord(CannedMessageId + 11, 1366870698, null, "<p>Yes: PUT /v1/tags.</p>", true),
        ],
        user)
        : Thread(threadId, 1366697898, true,
        [
            new MessageRecord(CannedMessageId, 1366697898, null, "<p>Hey Intercom, What is up?</p>\n\n<p></p>", false),
            new MessageRecord(CannedMessageId + 1, 1366525098, null, "<p>Not much, you?\n</p>", true),
            new MessageRecord(CannedMessageId + 2, 1366611498, null, "<p>Not much either :(</p>\n\n<p></p>", false),
        ],
        user);

    /// <summary>The thread with one more message, written now, its body the HTML stored.</summary>
    private static ConversationRecord WithReply(ConversationRecord thread, string html, string? url, bool fromAdmin)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return thread with { UpdatedAt = now, Messages = [.. thread.Messages, new MessageRecord(CannedMessageId + thread.Messages.Count, now, url, html, fromAdmin)] };
    }

    /// <summary>A canned thread of the user, open, updated when its newest message was written.</summary>
    private static ConversationRecord Thread(long id, long createdAt, bool read, IReadOnlyList<MessageRecord> messages, UserRecord user) =>
        new(id, createdAt, Math.Max(createdAt, messages[^1].CreatedAt), read, "open", null, true, messages, AsContact(user));

    /// <summary>A canned user as a contact: role user, tagged with the canned tag when it signed up (by no admin it knows), one note.</summary>
    private static ContactRecord AsContact(UserRecord user) => new(user, "user", null, false, user.CreatedAt ?? 0, [new(CannedTag, user.CreatedAt, null)], 1);
}
