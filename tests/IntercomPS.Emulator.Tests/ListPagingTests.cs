using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;
using IntercomPS.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>User lists are paged by keyset: page N seeks past the end of page N-1 instead of stepping over N-1 pages.</summary>
public sealed class ListPagingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private Api Api => fixture.Api;

    [Fact]
    public async Task Page_200_of_100000_users_is_exact_and_a_write_before_it_moves_it()
    {
        await fixture.Anonymous.PostAsync("admin/reset?app_id=" + EmulatorFixture.AppId, "{}");
        (await fixture.Anonymous.PostAsync("admin/seed", new { app_id = EmulatorFixture.AppId, count = 100_000, prefix = "k" })).AssertStatus(200);

        var page = (await Api.GetAsync("v1/users?page=200&per_page=500")).AssertStatus(200);
        Assert.Equal(Enumerable.Range(99_501, 500).Select(n => $"k{n}"), UserIds(page));
        Assert.Equal(100_000, page["total_count"].GetInt64());
        Assert.Equal(200, page["total_pages"].GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page["next_page"].ValueKind);
        Assert.Equal(199, page["previous_page"].GetInt32());
        Assert.Empty(UserIds((await Api.GetAsync("v1/users?page=201&per_page=500")).AssertStatus(200)));

        // Deleting the first user shifts every later page by one.
        (await Api.DeleteAsync("v1/users", new { user_id = "k1" })).AssertStatus(200);
        var shifted = (await Api.GetAsync("v1/users?page=200&per_page=500")).AssertStatus(200);
        Assert.Equal(Enumerable.Range(99_502, 499).Select(n => $"k{n}"), UserIds(shifted));
        Assert.Equal("k501", UserIds((await Api.GetAsync("v1/users?page=1&per_page=500")).AssertStatus(200)).Last());
        await fixture.Anonymous.PostAsync("admin/reset?app_id=" + EmulatorFixture.AppId, "{}");
    }

    [Fact]
    public async Task Tagged_pages_follow_tagging_and_untagging_between_requests()
    {
        var api = fixture.Other;
        await fixture.Anonymous.PostAsync("admin/reset?app_id=" + EmulatorFixture.OtherAppId, "{}");
        (await fixture.Anonymous.PostAsync("admin/seed", new { app_id = EmulatorFixture.OtherAppId, count = 60, prefix = "t" })).AssertStatus(200);
        var tagged = Enumerable.Range(1, 60).Where(n => n % 3 == 0).Select(n => $"t{n}").ToList();
        (await api.PostAsync("v1/tags", new { name = "every-third", user_ids = tagged, tag_or_untag = "tag" })).AssertStatus(201);

        Assert.Equal(tagged, await ReadAllAsync(api, "tag_name=every-third", perPage: 7));
        (await api.PutAsync("v1/tags", new { name = "every-third", user_ids = new[] { "t3", "t30" }, tag_or_untag = "untag" })).AssertStatus(200);
        Assert.Equal(tagged.Except(["t3", "t30"]), await ReadAllAsync(api, "tag_name=every-third", perPage: 7));
        Assert.Equal(Enumerable.Range(1, 60).Select(n => $"t{n}"), await ReadAllAsync(api, "", perPage: 11));
    }

    [Fact]
    public void The_page_queries_seek_on_the_index_and_never_offset()
    {
        using var db = new Database(null);
        string Plan(string sql) => string.Join(" | ", db.Read(s => s.Query("EXPLAIN QUERY PLAN " + sql, r => r.GetString(3),
            ("$app", "a"), ("$tag", 1L), ("$after", 0L), ("$limit", 500))));

        Assert.Matches(@"SEARCH users USING (COVERING )?INDEX ix_users_app \(app=\? AND (seq|rowid)>\?\)", Plan(AppStore.PageOfAll));
        Assert.Matches(@"SEARCH t USING PRIMARY KEY \(tag_id=\? AND user_seq>\?\)", Plan(AppStore.PageOfTagged));
        Assert.DoesNotContain("OFFSET", AppStore.PageOfAll + AppStore.PageOfTagged, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("TEMP B-TREE", Plan(AppStore.PageOfAll) + Plan(AppStore.PageOfTagged)); // no sort: read in index order
    }

    [Fact]
    public async Task Reading_page_200_visits_as_few_rows_as_page_1()
    {
        // SQLite's progress handler counts virtual-machine steps: the work a statement does, whatever the machine's speed.
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"paging-{Guid.NewGuid():N}.db");
        try
        {
            using (var db = new Database(path))
            {
                await new AppStore(db, "a", AdminRecord.Of("a", "Ada", "ada@example.com")).SeedAsync(100_000, null, "k");
            }

            using var connection = new SqliteConnection($"Data Source={path}");
            connection.Open();
            var session = new DbSession(connection, cacheCommands: false);
            var boundaries = Boundaries.From(session.Query(AppStore.AllSeqs, r => r.GetInt64(0), ("$app", "a")), 500);
            long Steps(string sql, params (string, object?)[] args)
            {
                long steps = 0;
                SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 100, _ => { steps += 100; return 0; }, null);
                var rows = session.Query(sql, r => r.GetString(1), args);
                SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
                Assert.Equal(500, rows.Count);
                return steps;
            }

            var first = Steps(AppStore.PageOfAll, ("$app", "a"), ("$after", boundaries.After(1)), ("$limit", 500));
            var last = Steps(AppStore.PageOfAll, ("$app", "a"), ("$after", boundaries.After(200)), ("$limit", 500));
            var offset = Steps("SELECT seq, user_id FROM users WHERE app = $app ORDER BY seq LIMIT 500 OFFSET 99500", ("$app", "a"));
            Assert.InRange(last, first / 2, first * 2);
            Assert.True(offset > 20 * last, $"LIMIT/OFFSET took {offset} steps, keyset {last}: the comparison should show the difference");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                System.IO.File.Delete(path + suffix);
            }
        }
    }

    private static List<string> UserIds(Reply page) => page["users"].EnumerateArray().Select(u => u.GetProperty("user_id").GetString()!).ToList();

    private static async Task<List<string>> ReadAllAsync(Api api, string filter, int perPage)
    {
        var all = new List<string>();
        for (var page = 1; ; page++)
        {
            var reply = (await api.GetAsync($"v1/users?{filter}&per_page={perPage}&page={page}")).AssertStatus(200);
            all.AddRange(UserIds(reply));
            if (reply["next_page"].ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                return all;
            }
        }
    }
}
