using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// A walk by cursor survives what changes while it runs: whatever existed through the whole walk is returned exactly
/// once, however many rows before the cursor were deleted and wherever new ones land, for contacts and conversations,
/// lists and searches alike (the adversarial run: 1,000 users, 150 a page, 149 of page 1 deleted once read, lost 100
/// of the 851 never deleted). A cursor is its search's and its app's, and one that was altered is refused.
/// </summary>
public class WalkTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const int PerPage = 150;

    private V2Client Api => fixture.V2;

    public static TheoryData<string> Contacts => new()
    {
        "list",
        """{"field":"role","operator":"=","value":"user"}""",
        """{"field":"role","operator":"=","value":"user"}|{"field":"name","order":"descending"}""",
        """{"field":"email","operator":"$","value":"@example.com"}|{"field":"created_at","order":"ascending"}""",
    };

    /// <summary>One page of the contact list (walk "list") or of a search ("query|sort"): its ids and the next cursor.</summary>
    private async Task<(List<string> Ids, string? Next)> ContactPage(string walk, string? cursor)
    {
        Reply page;
        if (walk == "list")
        {
            page = (await Api.GetAsync($"/contacts?per_page={PerPage}" + (cursor is null ? "" : "&starting_after=" + cursor))).Ok();
        }
        else
        {
            var parts = walk.Split('|');
            var pagination = cursor is null ? $$"""{"per_page":{{PerPage}}}""" : $$"""{"per_page":{{PerPage}},"starting_after":"{{cursor}}"}""";
            var sort = parts.Length > 1 ? $",\"sort\":{parts[1]}" : "";
            page = (await Api.PostAsync("/contacts/search", $$"""{"query":{{parts[0]}},"pagination":{{pagination}}{{sort}}}""")).Ok();
        }

        return (page["data"].EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList(), Next(page));
    }

    private static string? Next(Reply page) =>
        page["pages"].TryGetProperty("next", out var next) ? next.GetProperty("starting_after").GetString() : null;

    private async Task<List<string>> Rest(Func<string?, Task<(List<string> Ids, string? Next)>> page, string? cursor)
    {
        var ids = new List<string>();
        for (var pages = 0; cursor is not null; pages++)
        {
            Assert.True(pages < 1000, "the walk does not end");
            (var more, cursor) = await page(cursor);
            ids.AddRange(more);
        }

        return ids;
    }

    private async Task<List<string>> SeedAsync(int users)
    {
        await fixture.Admin.ResetAsync(EmulatorFixture.AppId);
        await fixture.Admin.SeedAsync(EmulatorFixture.AppId, users, prefix: "walk");
        var (first, next) = await ContactPage("list", null);
        return [.. first, .. await Rest(c => ContactPage("list", c), next)];
    }

    [Theory]
    [MemberData(nameof(Contacts))]
    public async Task A_contact_walk_returns_everyone_not_deleted_when_what_it_read_is_deleted(string walk)
    {
        var everyone = await SeedAsync(1000);
        var (first, next) = await ContactPage(walk, null);
        Assert.Equal(PerPage, first.Count);
        foreach (var id in first.Skip(1))
        {
            (await Api.DeleteAsync($"/contacts/{id}")).Ok(); // 149 of page 1, once read
        }

        var seen = first.Concat(await Rest(c => ContactPage(walk, c), next)).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count()); // nothing twice
        Assert.Empty(everyone.Except(first.Skip(1)).Except(seen)); // nobody who was never deleted is missed (100 were)
    }

    [Theory]
    [MemberData(nameof(Contacts))]
    public async Task A_contact_walk_returns_everyone_once_when_contacts_are_added_as_it_runs(string walk)
    {
        var everyone = await SeedAsync(400);
        var (first, next) = await ContactPage(walk, null);
        var seen = new List<string>(first);
        while (next is not null)
        {
            // New contacts that sort first, last and in between, whichever order the walk has.
            foreach (var name in new[] { "aaa", "mmm", "zzz" })
            {
                (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(name), name = $"{name} {Guid.NewGuid():N}" })).Ok();
            }

            (var more, next) = await ContactPage(walk, next);
            seen.AddRange(more);
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(everyone.Except(seen));
    }

    /// <summary>One page of the conversation list, or of the search for open conversations.</summary>
    private async Task<(List<string> Ids, string? Next)> ConversationPage(bool search, string? cursor)
    {
        var page = search
            ? (await Api.PostAsync("/conversations/search", cursor is null
                ? new { query = new { field = "open", @operator = "=", value = true }, pagination = (object)new { per_page = 50 } }
                : new { query = new { field = "open", @operator = "=", value = true }, pagination = (object)new { per_page = 50, starting_after = cursor } })).Ok()
            : (await Api.GetAsync("/conversations?per_page=50" + (cursor is null ? "" : "&starting_after=" + cursor))).Ok();
        return (page["conversations"].EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList(), Next(page));
    }

    [Fact]
    public async Task Walking_the_open_conversations_while_closing_each_page_returns_every_one_once()
    {
        await fixture.Admin.ResetAsync(EmulatorFixture.AppId);
        var admin = (await Api.GetAsync("/me")).Ok()["id"].GetString();
        var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString();
        var started = new List<string>();
        for (var i = 0; i < 160; i++)
        {
            started.Add((await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = $"#{i}" })).Ok()["conversation_id"].GetString()!);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            (var page, cursor) = await ConversationPage(search: true, cursor);
            seen.AddRange(page);
            foreach (var id in page)
            {
                (await Api.PostAsync($"/conversations/{id}/parts", new { message_type = "close", type = "admin", admin_id = admin })).Ok();
            }
        }
        while (cursor is not null);

        Assert.Equal(started.Order(), seen.Order()); // each once; by offset, every other page was stepped over
    }

    [Fact]
    public async Task Walking_the_conversation_list_while_their_contacts_are_deleted_returns_the_rest_once()
    {
        await fixture.Admin.ResetAsync(EmulatorFixture.AppId);
        var owners = new Dictionary<string, string>();
        for (var i = 0; i < 120; i++)
        {
            var contact = (await Api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString()!;
            owners[(await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "hi" })).Ok()["conversation_id"].GetString()!] = contact;
        }

        var (first, next) = await ConversationPage(search: false, null);
        foreach (var id in first.Skip(1))
        {
            (await Api.DeleteAsync($"/contacts/{owners[id]}")).Ok(); // their conversations go with them
        }

        var seen = first.Concat(await Rest(c => ConversationPage(search: false, c), next)).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(owners.Keys.Except(first.Skip(1)).Except(seen));
    }

    [Fact]
    public async Task A_cursor_is_its_apps_and_an_altered_one_is_refused_not_read_as_some_page()
    {
        await SeedAsync(400);
        var query = new { field = "role", @operator = "=", value = "user" };
        var next = Next((await Api.PostAsync("/contacts/search", new { query, pagination = new { per_page = PerPage } })).Ok())!;

        // The same search in another app: the cursor names a place in this app's contacts, not that one's.
        (await fixture.V2Other.PostAsync("/contacts/search", new { query, pagination = new { per_page = PerPage, starting_after = next } })).Error(400, "parameter_invalid");

        // Every number in the cursor, made huge (an offset once became page 1,717,986,919): refused, whichever it is.
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(next)));
        var numbers = System.Text.RegularExpressions.Regex.Matches(text, "(?<=:)[0-9]+(?=:)");
        Assert.NotEmpty(numbers);
        foreach (System.Text.RegularExpressions.Match number in numbers)
        {
            var altered = text[..number.Index] + "257698037750" + text[(number.Index + number.Length)..];
            var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes(altered)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var answer = await Api.PostAsync("/contacts/search", new { query, pagination = new { per_page = PerPage, starting_after = cursor } });
            Assert.Contains("starting_after", answer.Error(400, "parameter_invalid"));
        }
    }

    private static string Pad(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        return base64 + new string('=', (4 - (base64.Length % 4)) % 4);
    }
}
