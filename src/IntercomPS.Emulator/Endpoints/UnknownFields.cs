using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>
/// Fields a request sends that the endpoint does not know are ignored, as the real service ignored them, but named
/// in an X-Emulator-Warning answer header (and the emulator's log), so a script author sees the typo the real
/// service would have swallowed; so are the query parameters of v1's reads.
/// </summary>
internal static class UnknownFields
{
    public const string Header = "X-Emulator-Warning";

    /// <summary>What a user object carries on the way out: clients send fetched users back whole, so these are not typos.</summary>
    private static readonly string[] UserEcho =
        ["relationship_score", "session_count", "intercom_id", "avatar_url", "company_ids", "social_profiles", "location_data"];

    public static readonly IReadOnlySet<string> UserWrite = Set(
        ["user_id", "email", "name", "created_at", "last_impression_at", "last_request_at", "custom_data", "last_seen_ip",
         "last_seen_user_agent", "unsubscribed_from_emails", "companies", "increments", .. UserEcho]);

    public static readonly IReadOnlySet<string> UserDelete = Set(["user_id", "email"]);

    public static readonly IReadOnlySet<string> Note = Set(["user_id", "email", "body"]);

    public static readonly IReadOnlySet<string> Impression = Set(["user_id", "email", "user_ip", "user_agent", "current_url", "location"]);

    public static readonly IReadOnlySet<string> ThreadPost = Set(["user_id", "email", "body", "url", "thread_id"]);

    public static readonly IReadOnlySet<string> ThreadPut = Set(["user_id", "email", "thread_id", "body", "url", "read"]);

    public static readonly IReadOnlySet<string> Tag = Set(["name", "color", "user_ids", "emails", "tag_or_untag", "id", "segment", "tagged_user_count"]);

    /// <summary>The query parameters of v1's reads (and of DELETE /v1/users, for clients that cannot send a body).</summary>
    public static readonly IReadOnlySet<string> UserQuery = Set(["user_id", "email", "page", "per_page", "tag_id", "tag_name"]);

    public static readonly IReadOnlySet<string> ThreadQuery = Set(["user_id", "email", "thread_id", "current_url"]);

    public static readonly IReadOnlySet<string> TagQuery = Set(["name"]);

    private const int MaxNamed = 10;

    /// <summary>Names the body's unknown fields in the answer's warning header, if there are any.</summary>
    public static void Warn(HttpContext context, JsonElement body, IReadOnlySet<string> known)
    {
        // A plain loop: this runs on every write, and a body without unknown fields should allocate nothing here.
        List<string>? unknown = null;
        foreach (var property in body.EnumerateObject())
        {
            if (!known.Contains(property.Name) && !(unknown?.Contains(property.Name) ?? false))
            {
                (unknown ??= []).Add(property.Name);
            }
        }

        if (unknown is not null)
        {
            Report(context, "field", unknown, known);
        }
    }

    /// <summary>Names the query string's unknown parameters in the answer's warning header, if there are any.</summary>
    public static void WarnQuery(HttpContext context, IReadOnlySet<string> known)
    {
        // A plain loop again: GET /v1/users is the hottest read, and a clean query string should allocate nothing here.
        List<string>? unknown = null;
        foreach (var name in context.Request.Query.Keys)
        {
            if (!known.Contains(name))
            {
                (unknown ??= []).Add(name);
            }
        }

        if (unknown is not null)
        {
            Report(context, "query parameter", unknown, known);
        }
    }

    private static void Report(HttpContext context, string what, List<string> unknown, IReadOnlySet<string> known)
    {
        var named = string.Join(", ", unknown.Take(MaxNamed).Select(n => "'" + Printable(n) + "'"))
            + (unknown.Count > MaxNamed ? $" and {unknown.Count - MaxNamed} more" : "");
        var request = context.Request;
        var warning = $"ignored unknown {what}{(unknown.Count == 1 ? "" : "s")} {named}; {request.Method} {request.Path} takes {string.Join(", ", known.Order(StringComparer.Ordinal))}";
        context.Response.Headers[Header] = warning;

        // Logged here, before any answer is sent, so a script that reads the log after its answer finds the line;
        // and also when the request then fails, as the ignored field may be why.
        Caller.Find(context)?.Services.Log?.WriteLine($"intercom-emulator: {request.Method} {request.Path}: {warning}");
    }

    // Header values are ASCII: anything else (and quotes, and overlong names) is shown safely rather than dropped.
    private static string Printable(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Length > 40 ? name[..40] + "..." : name)
        {
            text.Append(c is >= ' ' and <= '~' and not '\'' ? c : '?');
        }

        return text.ToString();
    }

    /// <summary>A set of field names, compared as JSON compares them (case matters).</summary>
    public static IReadOnlySet<string> Set(params string[] names) => new HashSet<string>(names, StringComparer.Ordinal);
}
