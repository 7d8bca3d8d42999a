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
/// service would have swallowed, inside objects of a fixed shape too ("pagination.per_pag"); so are the query
/// parameters of v1's reads.
/// </summary>
internal static class UnknownFields
{
    public const string Header = "X-Emulator-Warning";

    /// <summary>What a user object carries on the way out: clients send fetched users back whole, so these are not typos.</summary>
    private static readonly string[] UserEcho =
        ["relationship_score", "session_count", "intercom_id", "avatar_url", "company_ids", "social_profiles", "location_data"];

    public static readonly FieldSet UserWrite = Set(
        ["user_id", "email", "name", "created_at", "last_impression_at", "last_request_at", "custom_data", "last_seen_ip",
         "last_seen_user_agent", "unsubscribed_from_emails", "companies", "increments", .. UserEcho]);

    public static readonly FieldSet UserDelete = Set(["user_id", "email"]);

    public static readonly FieldSet Note = Set(["user_id", "email", "body"]);

    public static readonly FieldSet Impression = Set(["user_id", "email", "user_ip", "user_agent", "current_url", "location"]);

    public static readonly FieldSet ThreadPost = Set(["user_id", "email", "body", "url", "thread_id"]);

    public static readonly FieldSet ThreadPut = Set(["user_id", "email", "thread_id", "body", "url", "read"]);

    public static readonly FieldSet Tag = Set(["name", "color", "user_ids", "emails", "tag_or_untag", "id", "segment", "tagged_user_count"]);

    /// <summary>The query parameters of v1's reads (and of DELETE /v1/users, for clients that cannot send a body).</summary>
    public static readonly FieldSet UserQuery = Set(["user_id", "email", "page", "per_page", "tag_id", "tag_name"]);

    public static readonly FieldSet ThreadQuery = Set(["user_id", "email", "thread_id", "current_url"]);

    public static readonly FieldSet TagQuery = Set(["name"]);

    private const int MaxNamed = 10;

    /// <summary>Names the body's unknown fields in the answer's warning header, if there are any.</summary>
    public static void Warn(HttpContext context, JsonElement body, FieldSet known)
    {
        Unknown? unknown = null;
        Check(body, known, null, ref unknown);
        if (unknown is not null)
        {
            Report(context, "field", unknown, known);
        }
    }

    // A plain walk: this runs on every write, and a body without unknown fields allocates nothing here but the path of
    // each checked object it holds.
    private static void Check(JsonElement value, FieldSet known, string? at, ref Unknown? unknown)
    {
        foreach (var property in value.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                (unknown ??= new()).Add(at is null ? property.Name : $"{at}.{property.Name}", at, known);
            }
            else if (known.Inside(property.Name) is { } inner)
            {
                var path = at is null ? property.Name : $"{at}.{property.Name}";
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    Check(property.Value, inner, path, ref unknown);
                }
                else if (property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.Object)
                        {
                            Check(item, inner, path + "[]", ref unknown);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Names the query string's unknown parameters in the answer's warning header, if there are any.</summary>
    public static void WarnQuery(HttpContext context, FieldSet known)
    {
        // A plain loop again: GET /v1/users is the hottest read, and a clean query string should allocate nothing here.
        Unknown? unknown = null;
        foreach (var name in context.Request.Query.Keys)
        {
            if (!known.Contains(name))
            {
                (unknown ??= new()).Add(name, null, known);
            }
        }

        if (unknown is not null)
        {
            Report(context, "query parameter", unknown, known);
        }
    }

    private static void Report(HttpContext context, string what, Unknown unknown, FieldSet known)
    {
        var names = unknown.Paths;
        var named = string.Join(", ", names.Take(MaxNamed).Select(n => "'" + Printable(n) + "'"))
            + (names.Count > MaxNamed ? $" and {names.Count - MaxNamed} more" : "");
        var request = context.Request;
        var warning = $"ignored unknown {what}{(names.Count == 1 ? "" : "s")} {named}; {request.Method} {request.Path} takes {string.Join(", ", known.Names)}"
            + string.Concat(unknown.Inside.Select(level => $"; {level.At} takes {string.Join(", ", level.Known.Names)}"));
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

    /// <summary>The fields a request takes, compared as JSON compares them (case matters); "parent.child" for a field inside an object.</summary>
    public static FieldSet Set(params string[] paths) => new(paths);

    /// <summary>The unknown fields found, by path, and each object level other than the top that had one, with what it takes.</summary>
    private sealed class Unknown
    {
        public List<string> Paths { get; } = [];

        public List<(string At, FieldSet Known)> Inside { get; } = [];

        public void Add(string path, string? at, FieldSet known)
        {
            if (Paths.Contains(path))
            {
                return;
            }

            Paths.Add(path);
            if (at is not null && !Inside.Exists(level => level.At == at))
            {
                Inside.Add((at, known));
            }
        }
    }
}
