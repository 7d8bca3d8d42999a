using System;
using System.IO;
using System.Net.Http;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>Unknown fields are ignored as the real service ignored them, but named in X-Emulator-Warning and the log.</summary>
public sealed class UnknownFieldTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task A_typo_is_ignored_but_named_in_the_answer_and_the_log()
    {
        var log = new StringWriter();
        var options = new EmulatorOptions { Log = log };
        await using var emulator = await IntercomEmulator.StartAsync(options);
        var api = new Api(Http, emulator.BaseUri, "local-app", "local-key");
        (await api.PostAsync("v1/users", new { user_id = "u1" })).AssertStatus(201);

        // "users" instead of "user_ids": the real service tagged nobody and said nothing.
        var tag = (await api.PostAsync("v1/tags", new { name = "vip", users = new[] { "u1" } })).AssertStatus(201);
        Assert.Equal(0, tag["tagged_user_count"].GetInt32());
        Assert.Equal("ignored unknown field 'users'; POST /v1/tags takes color, emails, id, name, segment, tag_or_untag, tagged_user_count, user_ids",
            tag.Header("X-Emulator-Warning"));
        Assert.Contains("intercom-emulator: POST /v1/tags: ignored unknown field 'users'", log.ToString());

        var user = (await api.PutAsync("v1/users", new { user_id = "u1", nmae = "Typo", custom_dat = new { a = 1 } })).AssertStatus(200);
        Assert.StartsWith("ignored unknown fields 'nmae', 'custom_dat'; PUT /v1/users takes ", user.Header("X-Emulator-Warning"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, user["name"].ValueKind);
    }

    [Fact]
    public async Task A_query_parameter_typo_is_named_too()
    {
        // "emial" instead of "email": GET /v1/users then lists every user where the script expected one.
        var log = new StringWriter();
        await using var emulator = await IntercomEmulator.StartAsync(new EmulatorOptions { Log = log });
        var api = new Api(Http, emulator.BaseUri, "local-app", "local-key");
        (await api.PostAsync("v1/users", new { user_id = "u1", email = "u1@example.com" })).AssertStatus(201);

        var list = (await api.GetAsync("v1/users?emial=u1@example.com&per_page=5")).AssertStatus(200);
        Assert.Equal(1, list["total_count"].GetInt32());
        Assert.Equal("ignored unknown query parameter 'emial'; GET /v1/users takes email, page, per_page, tag_id, tag_name, user_id", list.Header("X-Emulator-Warning"));
        Assert.Contains("intercom-emulator: GET /v1/users: ignored unknown query parameter 'emial'", log.ToString());
        Assert.StartsWith("ignored unknown query parameter 'name'; GET /v1/users/message_threads takes ",
            (await api.GetAsync("v1/users/message_threads?user_id=u1&name=x")).AssertStatus(200).Header("X-Emulator-Warning"));
        var tag = await api.GetAsync("v1/tags?name=vip&tag=vip&x=1");
        tag.AssertError(404, "not_found"); // named also when the request then fails: the ignored parameter may be why
        Assert.Equal("ignored unknown query parameters 'tag', 'x'; GET /v1/tags takes name", tag.Header("X-Emulator-Warning"));

        Assert.Null((await api.GetAsync("v1/users?email=u1@example.com")).AssertStatus(200).Header("X-Emulator-Warning"));
        Assert.Null((await api.GetAsync("v1/users/message_threads?user_id=u1&current_url=https%3A%2F%2Fexample.com%2F")).AssertStatus(200).Header("X-Emulator-Warning")); // the spec's own
    }

    [Fact]
    public async Task The_log_line_is_written_before_the_answer_is_sent()
    {
        // A log slower than the loopback: were the line written after the answer went out (as it once was, from the
        // pipeline's finally), a script reading the log on its answer would find nothing. Threads enough that the
        // slow write cannot hold the answer back by starving this process's thread pool.
        ThreadPool.GetMinThreads(out var workers, out var ports);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), ports);
        try
        {
            var log = new SlowWriter(TimeSpan.FromMilliseconds(500));
            await using var emulator = await IntercomEmulator.StartAsync(new EmulatorOptions { Log = log });
            var api = new Api(Http, emulator.BaseUri, "local-app", "local-key");
            (await api.PostAsync("v1/tags", new { name = "vip", users = new[] { "u1" } })).AssertStatus(201);
            Assert.Contains("intercom-emulator: POST /v1/tags: ignored unknown field 'users'", log.ToString());

            // Also when the request then fails: the ignored field may be why.
            (await api.PostAsync("v1/users/notes", new { email = "nobody@example.com", body = "hi", bdy = "typo" })).AssertError(404, "not_found");
            Assert.Contains("intercom-emulator: POST /v1/users/notes: ignored unknown field 'bdy'", log.ToString());
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, ports);
        }
    }

    private sealed class SlowWriter(TimeSpan delay) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            Thread.Sleep(delay);
            base.WriteLine(value);
        }
    }

    [Fact]
    public async Task Known_fields_and_echoed_objects_draw_no_warning()
    {
        var log = new StringWriter();
        await using var emulator = await IntercomEmulator.StartAsync(new EmulatorOptions { Log = log });
        var api = new Api(Http, emulator.BaseUri, "local-app", "local-key");
        var created = (await api.PostAsync("v1/users", new { email = "a@example.com", name = "A", custom_data = new { x = 1 } })).AssertStatus(201);
        Assert.Null(created.Header("X-Emulator-Warning"));

        // A fetched user sent back whole, as old clients saved objects: every field is one the API writes.
        var echoed = (await api.PutAsync("v1/users", created.Text)).AssertStatus(200);
        Assert.Null(echoed.Header("X-Emulator-Warning"));
        var tag = (await api.PostAsync("v1/tags", new { name = "t" })).AssertStatus(201);
        Assert.Null((await api.PutAsync("v1/tags", tag.Text)).AssertStatus(200).Header("X-Emulator-Warning"));
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task Odd_names_are_shown_safely_and_the_list_is_bounded()
    {
        await using var emulator = await IntercomEmulator.StartAsync(new EmulatorOptions());
        var api = new Api(Http, emulator.BaseUri, "local-app", "local-key");
        var fields = string.Join(",", Enumerable.Range(1, 12).Select(i => $"\"f{i}\":1"));
        var reply = (await api.PostAsync("v1/users", "{\"email\":\"b@example.com\",\"é\\n'x\":1," + fields + "}")).AssertStatus(201);
        Assert.StartsWith("ignored unknown fields '???x', 'f1', ", reply.Header("X-Emulator-Warning"));
        Assert.Contains("'f9' and 3 more; POST /v1/users takes ", reply.Header("X-Emulator-Warning"));
    }

    [Fact]
    public async Task The_cli_logs_ignored_fields_on_stdout()
    {
        using var child = EmulatorProcess.Start(["--port", "0"]);
        var api = new Api(Http, await child.BaseUriAsync(), "local-app", "local-key");
        (await api.PostAsync("v1/users/notes", new { email = "nobody@example.com", body = "hi", bdy = "typo" })).AssertError(404, "not_found");
        for (var i = 0; i < 50 && !child.Stdout.Contains("bdy", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("intercom-emulator: POST /v1/users/notes: ignored unknown field 'bdy'", child.Stdout);
    }
}
