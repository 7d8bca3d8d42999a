using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>
/// Hundreds of deterministic (seeded) malformed, oversized, wrong-typed and odd-unicode requests to every endpoint:
/// the answer is always a 4xx JSON error or, when the input happens to be valid, a 2xx; never a 5xx.
/// </summary>
public sealed class FuzzTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly (string Method, string Path)[] Endpoints =
    [
        ("GET", "v1/users"), ("POST", "v1/users"), ("PUT", "v1/users"), ("DELETE", "v1/users"),
        ("POST", "v1/users/notes"), ("POST", "v1/users/impressions"),
        ("GET", "v1/users/message_threads"), ("POST", "v1/users/message_threads"), ("PUT", "v1/users/message_threads"),
        ("GET", "v1/tags"), ("POST", "v1/tags"), ("PUT", "v1/tags"),
        ("POST", "admin/message_threads/reply"), ("PUT", "admin/faults"), ("POST", "admin/seed"), ("GET", "admin/requests"),
    ];

    private static readonly string[] Fields =
    [
        "email", "user_id", "name", "created_at", "last_impression_at", "last_request_at", "custom_data", "last_seen_ip",
        "last_seen_user_agent", "companies", "unsubscribed_from_emails", "session_count", "body", "url", "thread_id", "read",
        "user_ip", "user_agent", "current_url", "tag_or_untag", "user_ids", "emails", "color", "app_id", "count", "prefix", "tag",
        "page", "per_page", "tag_id", "tag_name", "failure_rate", "latency_ms", "rate_limit",
    ];

    private static readonly string[] OddStrings =
    [
        "", " ", "\u0000", "\u200b", "\u202e\u0041", "😀", "e\u0301", "\uFEFF", "ﷺ", "𝔘𝔫𝔦", "a@b.c", "fuzz@example.com",
        "somebody@example.com", "tag", "untag", "green", "<script>", "%00", "'; DROP TABLE users; --", "\\", "\"", "\n\n", "0", "-1",
        "1e309", "NaN", "null", "true",
    ];

    [Fact]
    public async Task Fuzzed_requests_never_get_a_5xx_and_the_server_keeps_serving()
    {
        var random = new Random(20240611);
        var api = fixture.Api;
        var failures = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var (method, path) = Endpoints[random.Next(Endpoints.Length)];
            var query = random.Next(3) == 0 ? "?" + string.Join("&", Enumerable.Range(0, random.Next(1, 4)).Select(_ => QueryPair(random))) : "";
            var body = Body(random);
            var reply = await SendAsync(api, method, path + query, body, random.Next(10) == 0);
            if (path == "admin/faults")
            {
                await fixture.Anonymous.DeleteAsync("admin/faults"); // a fuzzed 100 s latency must not slow the rest
            }

            var ok = reply.Status is >= 200 and < 300
                ? reply.ContentType == "application/json"
                : reply.Status is >= 400 and < 500 && reply.ContentType == "application/json"
                    && reply.Json.TryGetProperty("error", out var error) && error.GetProperty("type").ValueKind == JsonValueKind.String;
            if (!ok)
            {
                failures.Add($"#{i} {method} {path}{query} [{Preview(body)}] -> {reply.Status} {reply.Text[..Math.Min(200, reply.Text.Length)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        (await fixture.Anonymous.GetAsync("admin/health")).AssertStatus(200);
        (await api.PostAsync("v1/users", new { email = EmulatorFixture.NewEmail() })).AssertStatus(201);
    }

    private static async Task<Reply> SendAsync(Api api, string method, string path, byte[]? body, bool oddContentType) =>
        await api.SendAsync(new HttpMethod(method), path, null, request =>
        {
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", oddContentType ? "text/plain; charset=utf-7" : "application/json");
            }
        });

    private static string QueryPair(Random random)
    {
        var name = random.Next(4) == 0 ? RandomText(random, 5) : Fields[random.Next(Fields.Length)];
        var value = random.Next(3) switch
        {
            0 => OddStrings[random.Next(OddStrings.Length)],
            1 => random.Next(-5, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => RandomText(random, random.Next(0, 30)),
        };
        return random.Next(5) == 0 ? name + "=%" + random.Next(256).ToString("X", System.Globalization.CultureInfo.InvariantCulture) : Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
    }

    private static byte[]? Body(Random random)
    {
        switch (random.Next(12))
        {
            case 0: return null;
            case 1: return Encoding.UTF8.GetBytes(RandomText(random, random.Next(1, 200))); // not JSON at all
            case 2: return [0xC3, 0x28, 0xA0, 0xA1, (byte)'{', 0xFF, 0xFE]; // invalid UTF-8
            case 3: return Encoding.UTF8.GetBytes("{\"email\":\"" + new string('a', random.Next(100_000, 1_200_000)) + "@x.y\"}"); // big, sometimes too big
            case 4: return Encoding.UTF8.GetBytes(new string('[', random.Next(10, 2000)));
            case 5: return Encoding.UTF8.GetBytes("{\"email\":\"fuzz@example.com\",\"name\":\"\\ud83d\"}"); // unpaired surrogate escape
            default:
                var buffer = new System.IO.MemoryStream();
                using (var w = new Utf8JsonWriter(buffer))
                {
                    w.WriteStartObject();
                    for (var n = random.Next(0, 6); n > 0; n--)
                    {
                        w.WritePropertyName(Fields[random.Next(Fields.Length)]);
                        Value(w, random, depth: 0);
                    }

                    w.WriteEndObject();
                }

                return buffer.ToArray();
        }
    }

    private static void Value(Utf8JsonWriter w, Random random, int depth)
    {
        switch (random.Next(depth > 2 ? 6 : 8))
        {
            case 0: w.WriteNullValue(); break;
            case 1: w.WriteBooleanValue(random.Next(2) == 0); break;
            case 2: w.WriteNumberValue(random.Next(4) == 0 ? random.NextDouble() * 1e300 : random.Next(-10, 100_000)); break;
            case 3: w.WriteNumberValue(long.MaxValue); break;
            case 4: w.WriteStringValue(OddStrings[random.Next(OddStrings.Length)]); break;
            case 5: w.WriteStringValue(RandomText(random, random.Next(0, 40))); break;
            case 6:
                w.WriteStartArray();
                for (var n = random.Next(0, 4); n > 0; n--)
                {
                    Value(w, random, depth + 1);
                }

                w.WriteEndArray();
                break;
            default:
                w.WriteStartObject();
                for (var n = random.Next(0, 4); n > 0; n--)
                {
                    w.WritePropertyName(random.Next(2) == 0 ? Fields[random.Next(Fields.Length)] : RandomText(random, 6));
                    Value(w, random, depth + 1);
                }

                w.WriteEndObject();
                break;
        }
    }

    // Any BMP character except lone surrogates (which UTF-8 cannot carry), plus astral ones, to stress encoders.
    private static string RandomText(Random random, int length)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            if (random.Next(10) == 0)
            {
                sb.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x10FFFF)));
                continue;
            }

            var c = (char)random.Next(0, 0xFFFF);
            sb.Append(char.IsSurrogate(c) ? '?' : c);
        }

        return sb.ToString();
    }

    private static string Preview(byte[]? body) => body is null ? "no body" : Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 120));
}
