using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// Searches and the contact list walked page by page by their cursors give exactly the one-page answer, in its order,
/// whatever the sort: ties, NULLs (first ascending, last descending), archived contacts left out.
/// </summary>
public class SearchPagingTests(SearchPagingTests.Data data) : IClassFixture<SearchPagingTests.Data>
{
    private const int Contacts = 140;

    /// <summary>The shared emulator fixture, with this class's contacts in its test app.</summary>
    public sealed class Data : IAsyncLifetime
    {
        private readonly EmulatorFixture emulator = new();

        public V2Client Api => emulator.V2;

        public V2Client Other => emulator.V2Other;

        public Task DisposeAsync() => emulator.DisposeAsync();

        public async Task InitializeAsync()
        {
            await emulator.InitializeAsync();
            for (var i = 1; i <= Contacts; i++)
            {
                var contact = new Dictionary<string, object>
                {
                    ["external_id"] = $"p{i}",
                    ["email"] = $"p{i}@{(i % 3 == 0 ? "three.org" : "example.com")}",
                    ["signed_up_at"] = 1_000_000 + (i % 4 * 10), // four values, many ties
                };
                if (i % 7 != 0)
                {
                    contact["name"] = $"Name {i % 5}";
                }

                if (i % 3 != 0)
                {
                    contact["last_seen_at"] = 2_000_000 + (i % 6);
                }

                var id = (await Api.PostAsync("/contacts", contact)).Ok()["id"].GetString();
                if (i % 11 == 0)
                {
                    (await Api.PostAsync($"/contacts/{id}/archive")).Ok();
                }
            }
        }
    }

    private static readonly object Everyone = new { field = "role", @operator = "=", value = "user" };
    private static readonly object EndsWithThreeOrg = new { field = "email", @operator = "$", value = "three.org" };

    public static TheoryData<string, string?, string?, int> Walks()
    {
        var walks = new TheoryData<string, string?, string?, int>();
        foreach (var (field, order) in new (string?, string?)[]
        {
            (null, null), ("created_at", "ascending"), ("signed_up_at", "descending"), ("name", "ascending"), ("name", "descending"),
            ("last_seen_at", "ascending"), ("last_seen_at", "descending"), ("email", "descending"),
        })
        {
            walks.Add("everyone", field, order, 7);
            walks.Add("three.org", field, order, 4);
        }

        walks.Add("everyone", "last_seen_at", "descending", 1);
        walks.Add("everyone", null, null, 50);
        return walks;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task A_search_walked_by_cursor_is_its_one_page_answer(string filter, string? sortField, string? order, int perPage)
    {
        var query = filter == "everyone" ? Everyone : EndsWithThreeOrg;
        var sort = sortField is null ? null : new { field = sortField, order };
        object Body(int size, string? cursor) => sort is null
            ? new { query, pagination = new { per_page = size, starting_after = cursor } }
            : new { query, sort, pagination = new { per_page = size, starting_after = cursor } };

        var whole = (await data.Api.PostAsync("/contacts/search", Body(150, null))).Ok();
        var expected = Ids(whole);
        var total = whole["total_count"].GetInt32();
        Assert.Equal(expected.Count, total);
        Assert.InRange(total, 20, 150);

        var walked = new List<string>();
        string? next = null;
        var page = 0;
        do
        {
            var answer = (await data.Api.PostAsync("/contacts/search", Body(perPage, next))).Ok();
            page++;
            Assert.Equal(total, answer["total_count"].GetInt32());
            Assert.Equal(page, answer["pages"].GetProperty("page").GetInt32());
            Assert.Equal((total + perPage - 1) / perPage, answer["pages"].GetProperty("total_pages").GetInt32());
            walked.AddRange(Ids(answer));
            next = NextCursor(answer);
        }
        while (next is not null);

        Assert.Equal(expected, walked);
        Assert.Equal((total + perPage - 1) / perPage, page);
    }

    [Fact]
    public async Task The_list_walked_by_cursor_is_the_unarchived_contacts_in_creation_order()
    {
        var walked = new List<string>();
        string? next = null;
        do
        {
            var answer = (await data.Api.GetAsync("/contacts?per_page=9" + (next is null ? "" : "&starting_after=" + next))).Ok();
            Assert.Equal(Contacts - (Contacts / 11), answer["total_count"].GetInt32());
            walked.AddRange(answer["data"].EnumerateArray().Select(c => c.GetProperty("external_id").GetString()!));
            next = NextCursor(answer);
        }
        while (next is not null);

        Assert.Equal(Enumerable.Range(1, Contacts).Where(i => i % 11 != 0).Select(i => $"p{i}"), walked);
    }

    [Fact]
    public async Task A_cursor_from_another_search_or_from_the_list_is_refused_rather_than_giving_a_wrong_page()
    {
        var byName = new { field = "name", order = "ascending" };
        var search = (await data.Api.PostAsync("/contacts/search", new { query = Everyone, sort = byName, pagination = new { per_page = 5 } })).Ok();
        var searchCursor = NextCursor(search)!;
        var listCursor = NextCursor((await data.Api.GetAsync("/contacts?per_page=5")).Ok())!;

        // The same search goes on; another filter, another value, another sort, or the list do not.
        (await data.Api.PostAsync("/contacts/search", new { query = Everyone, sort = byName, pagination = new { per_page = 5, starting_after = searchCursor } })).Ok();
        (await data.Api.PostAsync("/contacts/search", new { query = EndsWithThreeOrg, sort = byName, pagination = new { per_page = 5, starting_after = searchCursor } })).Error(400, "parameter_invalid");
        (await data.Api.PostAsync("/contacts/search", new { query = new { field = "role", @operator = "=", value = "lead" }, sort = byName, pagination = new { per_page = 5, starting_after = searchCursor } })).Error(400, "parameter_invalid");
        (await data.Api.PostAsync("/contacts/search", new { query = Everyone, sort = new { field = "name", order = "descending" }, pagination = new { per_page = 5, starting_after = searchCursor } })).Error(400, "parameter_invalid");
        (await data.Api.PostAsync("/contacts/search", new { query = Everyone, pagination = new { per_page = 5, starting_after = listCursor } })).Error(400, "parameter_invalid");
        (await data.Api.GetAsync("/contacts?per_page=5&starting_after=" + searchCursor)).Error(400, "parameter_invalid");
        (await data.Other.GetAsync("/contacts?per_page=5&starting_after=" + listCursor)).Error(400, "parameter_invalid");
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("c2VlazoxMjM0NTY3ODlBQkNERUY6NTox")] // seek:123456789ABCDEF:5:1 (too few parts)
    [InlineData("c2VlazpYOjU6MTpudWxs")] // seek:X:5:1:null (a made-up fingerprint)
    [InlineData("YWZ0ZXI6MTA")] // after:10, the shape list cursors had
    public async Task A_made_up_cursor_is_a_400_that_names_starting_after(string cursor)
    {
        var message = (await data.Api.PostAsync("/contacts/search", new { query = Everyone, pagination = new { per_page = 5, starting_after = cursor } })).Error(400, "parameter_invalid");
        Assert.Contains("starting_after", message);
        (await data.Api.GetAsync("/contacts?starting_after=" + cursor)).Error(400, "parameter_invalid");
    }

    private static List<string> Ids(Reply answer) =>
        answer["data"].EnumerateArray().Select(c => c.GetProperty("external_id").GetString()!).ToList();

    private static string? NextCursor(Reply answer) =>
        answer["pages"].TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.Object
            ? next.GetProperty("starting_after").GetString()
            : null;
}
