using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator;

/// <summary>
/// Writes responses with Utf8JsonWriter: field order and null handling exactly as in the spec's examples, and no
/// reflection on the hot path.
/// </summary>
internal static class Json
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Emails, HTML and non-ASCII text come back as sent ("<p>", "é"), like the spec's examples.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static IResult Result(int status, Action<Utf8JsonWriter> write) => new JsonResult(status, write);

    public static IResult Ok(Action<Utf8JsonWriter> write) => new JsonResult(200, write);

    public static IResult Object(int status, params (string Name, object? Value)[] fields) => new JsonResult(status, w =>
    {
        w.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            w.WritePropertyName(name);
            Value(w, value);
        }

        w.WriteEndObject();
    });

    public static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string type, string message) =>
        WriteAsync(context, status, w => Error(w, type, message));

    public static void Error(Utf8JsonWriter w, string type, string message)
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("type", type);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void User(Utf8JsonWriter w, UserRecord u)
    {
        w.WriteStartObject();
        w.WriteString(Names.IntercomId, u.IntercomId);
        w.WriteString(Names.Email, u.Email);
        w.WriteString(Names.UserId, u.UserId);
        w.WriteString(Names.Name, u.Name);
        Number(w, Names.CreatedAt, u.CreatedAt);
        Number(w, Names.LastImpressionAt, u.LastImpressionAt);
        w.WritePropertyName(Names.CustomData);
        w.WriteRawValue(u.CustomData, skipInputValidation: true);
        if (u.Seq < 0) // canned dummy-app users carry the spec's example profiles
        {
            DummyApp.WriteProfiles(w);
        }
        else
        {
            // Social and geo data come from enrichment Intercom did asynchronously; the emulator has none.
            w.WriteStartArray(Names.SocialProfiles);
            w.WriteEndArray();
            w.WriteStartObject(Names.LocationData);
            w.WriteEndObject();
        }

        w.WriteNumber(Names.SessionCount, u.SessionCount);
        w.WriteString(Names.LastSeenIp, u.LastSeenIp);
        w.WriteString(Names.LastSeenUserAgent, u.LastSeenUserAgent);
        w.WriteNumber(Names.RelationshipScore, u.Seq < 0 ? 90 : 0);
        w.WriteBoolean(Names.UnsubscribedFromEmails, u.UnsubscribedFromEmails);

        // The real service sent these too: no avatar until a social profile gave one, and the user's companies
        // (the emulator accepts companies but keeps none).
        w.WriteNull(Names.AvatarUrl);
        w.WriteStartArray(Names.CompanyIds);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void UserPage(Utf8JsonWriter w, UserPage page)
    {
        var totalPages = Math.Max(1, (int)((page.TotalCount + page.PerPage - 1) / page.PerPage));
        w.WriteStartObject();
        w.WriteStartArray("users");
        foreach (var user in page.Users)
        {
            User(w, user);
        }

        w.WriteEndArray();
        w.WriteNumber("total_count", page.TotalCount);
        w.WriteNumber("page", page.Page);
        Number(w, Names.NextPage, page.Page < totalPages ? page.Page + 1 : null);
        Number(w, Names.PreviousPage, page.Page > 1 ? Math.Min(page.Page - 1, totalPages) : null);
        w.WriteNumber("total_pages", totalPages);
        w.WriteEndObject();
    }

    public static void Note(Utf8JsonWriter w, NoteRecord note)
    {
        w.WriteStartObject();
        w.WriteString("html", note.Html);
        Number(w, Names.CreatedAt, note.CreatedAt);
        w.WritePropertyName("user");
        User(w, note.User!); // v1 writes only the notes it made, each about a user
        w.WriteEndObject();
    }

    public static void Tag(Utf8JsonWriter w, TagRecord tag)
    {
        w.WriteStartObject();
        w.WriteString("id", tag.IntercomId);
        w.WriteString("name", tag.Name);
        w.WriteString("color", tag.Color);
        w.WriteBoolean("segment", false);
        w.WriteNumber("tagged_user_count", tag.TaggedUserCount);
        w.WriteEndObject();
    }

    /// <summary>
    /// A thread as v1 shows it (updated when a message followed the first, its user the "from" of user messages), with
    /// what answers captured from the real service also had (the v1-era official Ruby and Python clients kept them as
    /// fixtures): on the thread, message_id (its first message's id) and interrupt (true there); on the first message,
    /// subject ("" but for an admin's email message).
    /// </summary>
    public static void Thread(Utf8JsonWriter w, ConversationRecord t, IReadOnlyList<AdminRecord> admins)
    {
        w.WriteStartObject();
        w.WriteNumber("created_at", t.CreatedAt);
        // v1 shows what the user sees: comments, and words an admin wrote with a close or an assignment (ToUser).
        var messages = t.Messages.Where(m => m.ToUser).ToList();
        Number(w, Names.UpdatedAt, messages.Count > 1 ? messages[^1].CreatedAt : null);
        w.WriteBoolean("read", t.Read);
        w.WriteBoolean("created_by_user", t.CreatedByUser);
        w.WriteNumber("thread_id", t.Id);
        if (t.Messages.Count > 0)
        {
            w.WriteNumber("message_id", t.Messages[0].Id);
        }

        w.WriteString("message_type", "inbox");
        w.WriteBoolean("interrupt", true);
        w.WriteStartArray("messages");
        foreach (var m in messages)
        {
            w.WriteStartObject();
            w.WriteNumber("created_at", m.CreatedAt);
            w.WriteString("url", m.Url);
            w.WriteString("html", m.Html);
            if (ReferenceEquals(m, t.Messages[0]))
            {
                w.WriteString("subject", t.Subject ?? "");
            }

            w.WriteStartObject("from");
            if (m.FromAdmin)
            {
                // The admin who wrote it (a 2.14 admin of the app), else the app's first admin, who writes v1's replies.
                var admin = admins.FirstOrDefault(a => a.Id == m.AdminId) ?? admins[0];
                w.WriteString("email", admin.Email);
                w.WriteNull("user_id");
                w.WriteString("name", admin.Name);
                w.WriteBoolean("is_admin", true);
            }
            else
            {
                // The contact who wrote it: a contact added to the conversation (2.x) replies as itself, not as the thread's user.
                var writer = t.ContactOf(m).User;
                w.WriteString("email", writer.Email);
                w.WriteString("user_id", writer.UserId);
                w.WriteString("name", writer.Name);
                w.WriteBoolean("is_admin", false);
            }

            w.WriteStartObject("avatar");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Threads(Utf8JsonWriter w, IEnumerable<ConversationRecord> threads, IReadOnlyList<AdminRecord> admins)
    {
        w.WriteStartArray();
        foreach (var t in threads)
        {
            Thread(w, t, admins);
        }

        w.WriteEndArray();
    }

    /// <summary>Writes a plain value (admin responses): null, string, bool, numbers, dictionaries.</summary>
    public static void Value(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case double d: w.WriteNumberValue(d); break;
            case IEnumerable<KeyValuePair<string, long>> map:
                w.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    w.WriteNumber(k, v);
                }

                w.WriteEndObject();
                break;
            default: throw new ArgumentException($"Cannot write {value.GetType()}", nameof(value));
        }
    }

    private static void Number(Utf8JsonWriter w, JsonEncodedText name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>
    /// A v1 user's property names (and the few others written through <see cref="Number"/>), encoded once: a page
    /// writes 500 users, and a name given as a string is transcoded to UTF-8 and checked for characters to escape
    /// every time it is written.
    /// </summary>
    private static class Names
    {
        public static readonly JsonEncodedText IntercomId = E("intercom_id"), Email = E("email"), UserId = E("user_id"), Name = E("name");
        public static readonly JsonEncodedText CreatedAt = E("created_at"), LastImpressionAt = E("last_impression_at"), CustomData = E("custom_data");
        public static readonly JsonEncodedText SocialProfiles = E("social_profiles"), LocationData = E("location_data"), SessionCount = E("session_count");
        public static readonly JsonEncodedText LastSeenIp = E("last_seen_ip"), LastSeenUserAgent = E("last_seen_user_agent"), RelationshipScore = E("relationship_score");
        public static readonly JsonEncodedText UnsubscribedFromEmails = E("unsubscribed_from_emails"), AvatarUrl = E("avatar_url"), CompanyIds = E("company_ids");
        public static readonly JsonEncodedText NextPage = E("next_page"), PreviousPage = E("previous_page"), UpdatedAt = E("updated_at");

        private static JsonEncodedText E(string name) => JsonEncodedText.Encode(name);
    }

    private sealed class JsonResult(int status, Action<Utf8JsonWriter> write) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, status, write);
    }
}
