using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>Every kind of bad input gets a 4xx JSON error with the right type and a message naming the problem.</summary>
public sealed class BadInputTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string U = "\"email\":\"bad-input@example.com\"";

    public static TheoryData<string, string, string?, int, string, string> Cases => new()
    {
        { "POST", "v1/users", "{not json", 400, "bad_request", "not valid JSON" },
        { "POST", "v1/users", "[1,2]", 400, "bad_request", "must be a JSON object, not an array" },
        { "POST", "v1/users", "\"text\"", 400, "bad_request", "must be a JSON object, not a string" },
        { "POST", "v1/users", "", 400, "bad_request", "JSON object body is required" },
        { "PUT", "v1/users", "   ", 400, "bad_request", "JSON object body is required" },
        { "POST", "v1/users", "{" + U + ",\"name\":5}", 400, "bad_request", "name must be a string, not a number" },
        { "POST", "v1/users", "{" + U + ",\"created_at\":\"abc\"}", 400, "bad_request", "created_at must be a UNIX timestamp" },
        { "POST", "v1/users", "{" + U + ",\"created_at\":1.5}", 400, "bad_request", "created_at must be a UNIX timestamp" },
        { "POST", "v1/users", "{" + U + ",\"created_at\":253402300800}", 400, "bad_request", "created_at must be a UNIX timestamp from -62135596800 to 253402300799 (the years 1 to 9999), not 253402300800" },
        { "POST", "v1/users", "{" + U + ",\"created_at\":-62135596801}", 400, "bad_request", "created_at must be a UNIX timestamp from -62135596800 to 253402300799 (the years 1 to 9999), not -62135596801" },
        { "PUT", "v1/users", "{" + U + ",\"last_request_at\":100000000000000000000}", 400, "bad_request", "last_request_at must be a UNIX timestamp from -62135596800" },
        { "POST", "v1/users", "{" + U + ",\"custom_data\":{\"big\":1e400}}", 400, "bad_request", "custom_data.big is a number beyond what a double can hold (1e400)" },
        { "PUT", "v1/users", "{" + U + ",\"custom_data\":{\"small\":-2E+999}}", 400, "bad_request", "custom_data.small is a number beyond what a double can hold (-2E+999)" },
        { "POST", "v1/users", "{" + U + ",\"last_request_at\":\"-5\"}", 400, "bad_request", "last_request_at must be a UNIX timestamp" },
        { "POST", "v1/users", "{\"name\":\"No Id\"}", 400, "bad_request", "user_id or email is required" },
        { "POST", "v1/users", "{\"email\":\"\",\"user_id\":\"  \"}", 400, "bad_request", "user_id or email is required" },
        { "POST", "v1/users", "{\"user_id\":true}", 400, "bad_request", "user_id must be a string" },
        { "POST", "v1/users", "{\"email\":[\"a@b.c\"]}", 400, "bad_request", "email must be a string, not an array" },
        { "POST", "v1/users", "{\"email\":\"not-an-email\"}", 400, "bad_request", "is not an email address" },
        { "POST", "v1/users", "{" + U + ",\"custom_data\":{\"plan\":{\"tier\":1}}}", 400, "bad_request", "custom_data.plan must be a string, number, boolean or null" },
        { "PUT", "v1/users", "{" + U + ",\"custom_data\":{\"tags\":[1]}}", 400, "bad_request", "custom_data.tags must be a string, number, boolean or null, not an array" },
        { "POST", "v1/users", "{" + U + ",\"custom_data\":\"plan=pro\"}", 400, "bad_request", "custom_data must be an object" },
        { "POST", "v1/users", "{" + U + ",\"unsubscribed_from_emails\":\"yes\"}", 400, "bad_request", "unsubscribed_from_emails must be a boolean" },
        { "POST", "v1/users", "{" + U + ",\"companies\":\"Intercom\"}", 400, "bad_request", "companies must be an array of objects" },
        { "POST", "v1/users", "{" + U + ",\"companies\":[1]}", 400, "bad_request", "companies must be an array of objects" },
        { "POST", "v1/users", "{\"email\":\"\\ud800@example.com\"}", 400, "bad_request", "not valid Unicode" },
        { "POST", "v1/users", new string('[', 100) + new string(']', 100), 400, "bad_request", "not valid JSON" },
        { "GET", "v1/users?page=0", null, 400, "bad_request", "page must be a positive integer, not '0'" },
        { "GET", "v1/users?page=-1", null, 400, "bad_request", "page must be a positive integer" },
        { "GET", "v1/users?page=abc", null, 400, "bad_request", "page must be a positive integer, not 'abc'" },
        { "GET", "v1/users?page=99999999999", null, 400, "bad_request", "page must be at most" },
        { "GET", "v1/users?per_page=0", null, 400, "bad_request", "per_page must be a positive integer" },
        { "GET", "v1/users?per_page=-1", null, 400, "bad_request", "per_page must be a positive integer" },
        { "GET", "v1/users?per_page=1.5", null, 400, "bad_request", "per_page must be a positive integer" },
        { "GET", "v1/users?tag_id=abc", null, 400, "bad_request", "tag_id must be an id of 24 hex digits as the API returns it (like 52322b4150233908a800013c), not 'abc'" },
        { "GET", "v1/users?tag_id=17", null, 400, "bad_request", "tag_id must be an id of 24 hex digits as the API returns it (like 52322b4150233908a800013c), not '17'" },
        { "GET", "v1/users?email=nobody-here@example.com", null, 404, "not_found", "The User was not found" },
        { "DELETE", "v1/users", null, 400, "bad_request", "user_id or email is required" },
        { "POST", "v1/users/notes", "{" + U + "}", 400, "bad_request", "body is required" },
        { "POST", "v1/users/notes", "{" + U + ",\"body\":5}", 400, "bad_request", "body must be a string" },
        { "POST", "v1/users/impressions", "{}", 400, "bad_request", "user_id or email is required" },
        { "POST", "v1/users/impressions", "{" + U + ",\"user_ip\":[]}", 400, "bad_request", "user_ip must be a string" },
        { "GET", "v1/users/message_threads", null, 400, "bad_request", "user_id or email is required" },
        { "GET", "v1/users/message_threads?email=a@b.c&thread_id=x", null, 400, "bad_request", "thread_id must be a positive integer" },
        { "POST", "v1/users/message_threads", "{" + U + "}", 400, "bad_request", "body is required" },
        { "POST", "v1/users/message_threads", "{" + U + ",\"body\":\"hi\",\"thread_id\":\"abc\"}", 400, "bad_request", "thread_id must be a positive integer" },
        { "PUT", "v1/users/message_threads", "{" + U + ",\"body\":\"hi\"}", 400, "bad_request", "thread_id is required" },
        { "PUT", "v1/users/message_threads", "{" + U + ",\"thread_id\":1}", 400, "bad_request", "body (a reply) or read (true or false) is required" },
        { "PUT", "v1/users/message_threads", "{" + U + ",\"thread_id\":1,\"read\":\"yes\"}", 400, "bad_request", "read must be a boolean" },
        { "GET", "v1/tags", null, 400, "bad_request", "name is required" },
        { "POST", "v1/tags", "{\"color\":\"red\"}", 400, "bad_request", "name is required" },
        { "POST", "v1/tags", "{\"name\":\"t\",\"color\":\"pink\"}", 400, "bad_request", "color must be one of green, red, teal, gold, blue, purple" },
        { "PUT", "v1/tags", "{\"name\":\"t\",\"color\":7}", 400, "bad_request", "color must be a string" },
        { "POST", "v1/tags", "{\"name\":\"t\",\"user_ids\":[\"a\"]}", 400, "bad_request", "tag_or_untag (\"tag\" or \"untag\") is required" },
        { "POST", "v1/tags", "{\"name\":\"t\",\"tag_or_untag\":\"maybe\"}", 400, "bad_request", "tag_or_untag must be \"tag\" or \"untag\"" },
        { "POST", "v1/tags", "{\"name\":\"t\",\"user_ids\":\"a\",\"tag_or_untag\":\"tag\"}", 400, "bad_request", "user_ids must be an array of strings" },
        { "PUT", "v1/tags", "{\"name\":\"t\",\"emails\":[{}],\"tag_or_untag\":\"tag\"}", 400, "bad_request", "emails must contain only strings" },
        { "GET", "v1/nothing-here", null, 404, "not_found", "No such endpoint: GET /v1/nothing-here" },
        { "GET", "v1", null, 404, "not_found", "No such endpoint" },
        { "GET", "admin/nothing", null, 404, "not_found", "No such endpoint" },
        { "PATCH", "v1/users", "{}", 405, "method_not_allowed", "PATCH is not allowed on /v1/users; allowed: DELETE, GET, HEAD, POST, PUT" },
        { "DELETE", "v1/tags", null, 405, "method_not_allowed", "DELETE is not allowed on /v1/tags" },
        { "GET", "v1/users/notes", null, 405, "method_not_allowed", "GET is not allowed" },
    };

    [Theory]
    [InlineData("v1/users?per_page=1")]
    [InlineData("contacts?per_page=1")]
    public async Task HEAD_answers_as_GET_would_without_the_body_on_both_faces(string path)
    {
        // Every HTTP server must take HEAD where it takes GET (RFC 9110, 9.1); the real v1, a Rails app, did.
        var v1 = path.StartsWith("v1/", System.StringComparison.Ordinal);
        var get = v1 ? await fixture.Api.GetAsync(path) : await fixture.V2.GetAsync("/" + path);
        var head = await fixture.Api.SendAsync(HttpMethod.Head, path, null, r =>
        {
            if (!v1)
            {
                r.Headers.Authorization = new("Bearer", EmulatorFixture.ApiKey);
            }
        });
        Assert.Equal((get.Status, ""), (head.Status, head.Text));
        Assert.Equal(200, head.Status);
        Assert.NotNull(head.Header("X-RateLimit-Remaining"));
        Assert.Equal(405, (await fixture.Api.SendAsync(HttpMethod.Head, "v1/users/notes")).Status); // HEAD only where GET is
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_json_error_naming_the_problem(string method, string path, string? body, int status, string type, string message)
    {
        var reply = await fixture.Api.SendAsync(new HttpMethod(method), path, body);
        Assert.Contains(message, reply.AssertError(status, type));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 }, "byte offset 36")] // a lead byte without its continuation
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "byte offset 36")] // a surrogate encoded as UTF-8, which UTF-8 forbids
    [InlineData(new byte[] { 0xFF }, "byte offset 36")]
    public async Task A_body_that_is_not_valid_utf8_is_named_so_and_not_called_a_surrogate_escape(byte[] bad, string where)
    {
        var bytes = Encoding.UTF8.GetBytes("{\"email\":\"utf8@example.com\",\"name\":\"").Concat(bad).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        var reply = await fixture.Api.SendAsync(HttpMethod.Post, "v1/users", null, r =>
        {
            r.Content = new ByteArrayContent(bytes);
            r.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        });
        var message = reply.AssertError(400, "bad_request");
        Assert.Contains("not valid UTF-8", message);
        Assert.Contains(where, message);
        Assert.DoesNotContain("surrogate", message);
    }

    [Fact]
    public async Task A_non_json_content_type_is_415()
    {
        var reply = await fixture.Api.SendAsync(HttpMethod.Post, "v1/users", null, r =>
            r.Content = new StringContent("email=a@b.c", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Contains("Content-Type must be application/json", reply.AssertError(415, "bad_request"));
    }

    [Fact]
    public async Task A_body_without_content_type_is_read_as_json()
    {
        var email = EmulatorFixture.NewEmail();
        var reply = await fixture.Api.SendAsync(HttpMethod.Post, "v1/users", null, r =>
        {
            r.Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"email\":\"{email}\"}}"));
            r.Content.Headers.ContentType = null;
        });
        reply.AssertStatus(201);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_1_MiB_is_413_with_or_without_content_length(bool chunked)
    {
        var big = "{\"email\":\"big@example.com\",\"name\":\"" + new string('x', 1024 * 1024 + 10) + "\"}";
        var reply = await fixture.Api.SendAsync(HttpMethod.Post, "v1/users", null, r =>
        {
            r.Content = chunked ? new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes(big))) : new StringContent(big, Encoding.UTF8);
            r.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            r.Headers.TransferEncodingChunked = chunked;
        });
        Assert.Contains("1 MiB", reply.AssertError(413, "bad_request"));
        (await fixture.Anonymous.GetAsync("admin/health")).AssertStatus(200);
    }
}
