using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Endpoints.V2;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>2.14 searches page by keyset: a page deep in a search seeks past its cursor instead of stepping over every match before it.</summary>
public sealed class SearchPagingTests
{
    private const int Contacts = 20_000;
    private const int PerPage = 150;

    public static TheoryData<string> Sorts => new()
    {
        "",
        ""","sort":{"field":"created_at","order":"ascending"}""",
    };

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Page_133_of_a_search_takes_as_many_steps_as_page_1_and_the_rows_an_offset_would(string sort)
    {
        await WithSeededFileAsync((session, steps) =>
        {
            var query = ContactSearch.Contacts(JsonDocument.Parse($$"""{"query":{"field":"role","operator":"=","value":"user"}{{sort}}}""").RootElement);
            (long Steps, List<(long Seq, object Sort)> Rows) Run(string sql, List<(string, object?)> args) => steps(sql, args);

            List<(string, object?)> Args() => [.. query.Arguments, ("$app", "a")];
            var first = Run(AppStore.PageSql(query, null, PerPage, Args()), Args());
            var before = Run(AppStore.PageSql(query, null, PerPage, Args()) + $" OFFSET {131 * PerPage}", Args());
            var cursor = new SearchCursor(133, before.Rows[^1].Seq, before.Rows[^1].Sort);
            var seekArgs = Args();
            var deepSql = AppStore.PageSql(query, cursor, PerPage, seekArgs);
            var deep = Run(deepSql, seekArgs);
            var offset = Run(AppStore.PageSql(query, null, PerPage, Args()) + $" OFFSET {132 * PerPage}", Args());

            var plan = string.Join(" | ", session.Query("EXPLAIN QUERY PLAN " + deepSql, r => r.GetString(3), [.. seekArgs]));
            Assert.Equal(offset.Rows, deep.Rows);
            Assert.True(deep.Steps >= first.Steps / 2 && deep.Steps <= first.Steps * 2, $"page 133 took {deep.Steps} steps, page 1 {first.Steps} ({plan})");
            // OFFSET walks the 19,800 rows before the page (132 pages of 150) where the keyset seeks past them; each kept
            // row also pays for its columns (its tags, note and company counts), which skipped rows do not, so the steps
            // differ by an order of magnitude rather than by the 133x of the rows (18.9x with the company count).
            Assert.True(offset.Steps > 10 * deep.Steps, $"LIMIT/OFFSET took {offset.Steps} steps, keyset {deep.Steps}: the comparison should show the difference");
            Assert.DoesNotContain("SCAN u", plan); // every read of the users is a seek on an index
            Assert.DoesNotContain("OFFSET", deepSql, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_page_of_one_id_partition_seeks_its_digit_instead_of_scanning_every_contact_of_the_app()
    {
        await WithSeededFileAsync((session, steps) =>
        {
            // The module's listing: 16 of these side by side, the id's last hex digit each, oldest first.
            var query = ContactSearch.Contacts(JsonDocument.Parse("""
                {"query":{"operator":"AND","value":[{"field":"role","operator":"=","value":"user"},{"field":"id","operator":"$","value":"A"}]},
                 "sort":{"field":"created_at","order":"ascending"}}
                """).RootElement);
            var whole = ContactSearch.Contacts(JsonDocument.Parse("""{"query":{"field":"role","operator":"=","value":"user"},"sort":{"field":"created_at","order":"ascending"}}""").RootElement);
            List<(string, object?)> Args(ContactQuery q) => [.. q.Arguments, ("$app", "a")];

            var first = steps(AppStore.PageSql(query, null, PerPage, Args(query)), Args(query));
            var cursor = new SearchCursor(2, first.Rows[^1].Seq, first.Rows[^1].Sort);
            var nextArgs = Args(query);
            var nextSql = AppStore.PageSql(query, cursor, PerPage, nextArgs);
            var next = steps(nextSql, nextArgs);
            var unpartitioned = steps(AppStore.PageSql(whole, null, PerPage, Args(whole)), Args(whole));

            var plan = string.Join(" | ", session.Query("EXPLAIN QUERY PLAN " + nextSql, r => r.GetString(3), [.. nextArgs]));
            Assert.Contains("ix_users_id_digit", plan);
            Assert.DoesNotContain("SCAN u", plan);
            // A scan of the app's 20,000 contacts for 150 of one digit took about 16 times a page of the whole listing.
            Assert.True(first.Steps <= 2 * unpartitioned.Steps && next.Steps <= 2 * unpartitioned.Steps,
                $"partition pages took {first.Steps} and {next.Steps} steps, a page of the whole listing {unpartitioned.Steps} ({plan})");
            Assert.All(first.Rows.Concat(next.Rows), row => Assert.EndsWith("a", session.Scalar<string>("SELECT intercom_id FROM users WHERE seq = $seq", ("$seq", row.Seq))));
        });
    }

    /// <summary>
    /// Runs <paramref name="test"/> over a data file of <see cref="Contacts"/> contacts of app "a", with a function that
    /// runs a page's SQL, checks it gives a full page, and counts the SQLite VM steps it took.
    /// </summary>
    private static async Task WithSeededFileAsync(Action<DbSession, Func<string, List<(string, object?)>, (long Steps, List<(long Seq, object Sort)> Rows)>> test)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"search-paging-{Guid.NewGuid():N}.db");
        try
        {
            using (var db = new Database(path))
            {
                await new AppStore(db, "a", AdminRecord.Of("a", "Ada", "ada@example.com")).SeedAsync(Contacts, null, "k");
            }

            using var connection = new SqliteConnection($"Data Source={path}");
            connection.Open();
            var session = new DbSession(connection, cacheCommands: false);
            (long Steps, List<(long Seq, object Sort)> Rows) Run(string sql, List<(string, object?)> args)
            {
                long steps = 0;
                SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 100, _ => { steps += 100; return 0; }, null);
                var rows = session.Query(sql, r => (r.GetInt64(0), r.GetValue(r.FieldCount - 1)), [.. args]);
                SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
                Assert.Equal(PerPage, rows.Count);
                return (steps, rows);
            }

            test(session, Run);
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

    [Fact]
    public async Task A_page_of_150_contacts_with_their_tags_takes_as_many_statements_as_a_page_of_1()
    {
        using var db = new Database(null);
        var store = new AppStore(db, "a", AdminRecord.Of("a", "Ada", "ada@example.com"));
        await store.SeedAsync(PerPage, "vip", "k");
        long Statements(int perPage) => db.Read(s =>
        {
            var before = s.Statements;
            var page = store.Page(s, ContactQuery.All, "list", perPage, null);
            Assert.Equal(perPage, page.Contacts.Count);
            Assert.All(page.Contacts, c => Assert.Equal("vip", Assert.Single(c.Tags).Tag.Name));
            return s.Statements - before;
        });

        Statements(1); // counts the list; the count is then remembered until the next write
        var one = Statements(1);
        var full = Statements(PerPage);
        Assert.Equal(one, full);
        Assert.Equal(1, full); // the rows, each with its tags
    }
}
