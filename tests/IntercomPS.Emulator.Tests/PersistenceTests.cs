using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Emulator.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>With a data file, answered writes survive a restart and kill -9.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("intercom-emulator-tests-").FullName;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private static EmulatorOptions Options(string path)
    {
        var options = new EmulatorOptions { DataPath = path };
        options.Apps["keep"] = "keep-key";
        return options;
    }

    [Fact]
    public async Task Data_survives_dispose_and_restart_on_the_same_file()
    {
        var path = Path.Combine(directory, "nested", "intercom.db");
        long threadId;
        await using (var first = await IntercomEmulator.StartAsync(Options(path)))
        {
            var api = new Api(http, first.BaseUri, "keep", "keep-key");
            (await api.PostAsync("v1/users", new { email = "kept@example.com", user_id = "k1", custom_data = new { plan = "pro" } })).AssertStatus(201);
            (await api.PostAsync("v1/tags", new { name = "vip", user_ids = new[] { "k1" }, tag_or_untag = "tag" })).AssertStatus(201);
            threadId = (await api.PostAsync("v1/users/message_threads", new { user_id = "k1", body = "hello" }))["thread_id"].GetInt64();
            Assert.True((await new Api(http, first.BaseUri, null, null).GetAsync("admin/health"))["persistent"].GetBoolean());
        }

        await using var second = await IntercomEmulator.StartAsync(Options(path));
        var again = new Api(http, second.BaseUri, "keep", "keep-key");
        var user = (await again.GetAsync("v1/users?user_id=k1")).AssertStatus(200);
        Assert.Equal("pro", user["custom_data"].GetProperty("plan").GetString());
        Assert.Equal(1, (await again.GetAsync("v1/tags?name=vip"))["tagged_user_count"].GetInt32());
        Assert.Equal("<p>hello</p>", (await again.GetAsync($"v1/users/message_threads?user_id=k1&thread_id={threadId}"))["messages"][0].GetProperty("html").GetString());
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_kill_9()
    {
        var path = Path.Combine(directory, "killed.db");
        var acknowledged = new ConcurrentBag<string>();
        using (var child = EmulatorProcess.Start(["--port", "0", "--data", path, "--app", "keep:keep-key"]))
        {
            var api = new Api(http, await child.BaseUriAsync(), "keep", "keep-key");
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var id = $"w{w}-{n}";
                    try
                    {
                        var reply = await api.PostAsync("v1/users", new { user_id = id, custom_data = new { n } });
                        if (reply.Code == 201)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToArray();

            // Kill mid-load, once a good number of writes has been answered.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (acknowledged.Count < 150)
            {
                Assert.True(DateTime.UtcNow < deadline, $"only {acknowledged.Count} writes acknowledged in 30 s:\n{child.Stderr}");
                await Task.Delay(20);
            }

            child.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var restarted = await IntercomEmulator.StartAsync(Options(path));
        var check = new Api(http, restarted.BaseUri, "keep", "keep-key");
        var stored = new HashSet<string>();
        for (var page = 1; ; page++)
        {
            var reply = (await check.GetAsync($"v1/users?page={page}")).AssertStatus(200);
            stored.UnionWith(reply["users"].EnumerateArray().Select(u => u.GetProperty("user_id").GetString()!));
            if (reply["next_page"].ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                break;
            }
        }

        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged writes were lost: {string.Join(", ", lost.Take(10))}");
    }
}
