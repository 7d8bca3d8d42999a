using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>POST /contacts/search over a known set of contacts in an app of their own.</summary>
public class SearchTests(SearchTests.Data data) : IClassFixture<SearchTests.Data>
{
    /// <summary>2020-01-01 09:00 UTC, when Ann signed up.</summary>
    private const long Day1 = 1577869200;

    /// <summary>The shared emulator fixture, with this class's contacts in its test app.</summary>
    public sealed class Data : IAsyncLifetime
    {
        private readonly EmulatorFixture emulator = new();

        public V2Client Api => emulator.V2;

        public Task DisposeAsync() => emulator.DisposeAsync();

        public async Task InitializeAsync()
        {
            await emulator.InitializeAsync();
            (await Api.PostAsync("/data_attributes", new { name = "plan", model = "contact", data_type = "string" })).Ok();
            (await Api.PostAsync("/data_attributes", new { name = "seats", model = "contact", data_type = "integer" })).Ok();
            var people = new[]
            {
                ("ann", "ann@acme.com", "Ann Archer", Day1, "pro", 5), // one day apart: dates are searched by calendar day
                ("bob", "bob@acme.com", "Bob Baker", Day1 + 86_400L, "free", 1),
                ("cat", "cat@other.org", "Cat Cooper", Day1 + (2 * 86_400L), "pro", 50),
                ("dan", "dan@other.org", "Dan Dyer", Day1 + (3 * 86_400L), "team", 10),
            };
            foreach (var (id, email, name, signedUp, plan, seats) in people)
            {
                (await Api.PostAsync("/contacts", new { external_id = id, email, name, signed_up_at = signedUp, custom_attributes = new { plan, seats } })).Ok();
            }

            (await Api.PostAsync("/contacts", new { role = "lead", name = "Lee Lead" })).Ok();
        }
    }

    private async Task<string[]> Search(object query, object? sort = null)
    {
        var answer = (await data.Api.PostAsync("/contacts/search", sort is null ? new { query } : new { query, sort })).Ok();
        return answer["data"].EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();
    }

    private static object F(string field, string op, object? value) => new { field, @operator = op, value };

    [Theory]
    [InlineData("email", "=", "bob@acme.com", "Bob Baker")]
    [InlineData("email", "$", "@other.org", "Cat Cooper,Dan Dyer")]
    [InlineData("email", "^", "an", "Ann Archer")]
    [InlineData("name", "~", "er", "Ann Archer,Bob Baker,Cat Cooper,Dan Dyer")]
    [InlineData("name", "!~", "er", "Lee Lead")]
    [InlineData("external_id", "!=", "ann", "Bob Baker,Cat Cooper,Dan Dyer,Lee Lead")]
    [InlineData("role", "=", "lead", "Lee Lead")]
    [InlineData("custom_attributes.plan", "=", "pro", "Ann Archer,Cat Cooper")]
    public async Task String_operators(string field, string op, string value, string expected)
    {
        Assert.Equal(expected.Split(','), await Search(F(field, op, value)));
    }

    [Fact]
    public async Task In_nin_and_number_and_date_comparisons()
    {
        Assert.Equal(["Ann Archer", "Dan Dyer"], await Search(F("external_id", "IN", new[] { "ann", "dan" })));
        Assert.Equal(["Bob Baker", "Cat Cooper", "Lee Lead"], await Search(F("external_id", "NIN", new[] { "ann", "dan" })));
        Assert.Equal(["Cat Cooper", "Dan Dyer"], await Search(F("custom_attributes.seats", ">=", 10)));
        Assert.Equal(["Ann Archer"], await Search(F("signed_up_at", "<", Day1 + 86_400)));
        Assert.Equal(["Bob Baker"], await Search(F("signed_up_at", "=", Day1 + 86_400)));
    }

    [Fact]
    public async Task A_boolean_field_takes_true_or_false_as_a_boolean_or_as_a_string()
    {
        // The description's search value is a string, an integer, a boolean or an array; Intercom's Node SDK types it
        // string | number | array, so its users can only send "true" (as they send a date as "1577869200").
        var everyone = new[] { "Ann Archer", "Bob Baker", "Cat Cooper", "Dan Dyer", "Lee Lead" };
        Assert.Equal(everyone, await Search(F("unsubscribed_from_emails", "=", false)));
        Assert.Equal(everyone, await Search(F("unsubscribed_from_emails", "=", "false")));
        Assert.Equal(everyone, await Search(F("unsubscribed_from_emails", "!=", "true")));
        Assert.Empty(await Search(F("unsubscribed_from_emails", "IN", new[] { "true" })));
        Assert.Equal("query.value for unsubscribed_from_emails must be a boolean, not a string",
            (await data.Api.PostAsync("/contacts/search", new { query = F("unsubscribed_from_emails", "=", "yes") })).Error(400, "parameter_invalid"));
    }

    [Fact]
    public async Task Nested_and_or_with_sort()
    {
        var query = new
        {
            @operator = "AND",
            value = new object[]
            {
                F("role", "=", "user"),
                new { @operator = "OR", value = new[] { F("custom_attributes.plan", "=", "pro"), F("email", "$", "@other.org") } },
            },
        };
        Assert.Equal(["Dan Dyer", "Cat Cooper", "Ann Archer"], await Search(query, new { field = "signed_up_at", order = "descending" }));
    }

    [Fact]
    public async Task Search_pages_by_cursor()
    {
        var query = F("role", "=", "user");
        var first = (await data.Api.PostAsync("/contacts/search", new { query, pagination = new { per_page = 3 } })).Ok();
        Assert.Equal(4, first["total_count"].GetInt32());
        var cursor = first["pages"].GetProperty("next").GetProperty("starting_after").GetString();
        var second = (await data.Api.PostAsync("/contacts/search", new { query, pagination = new { per_page = 3, starting_after = cursor } })).Ok();
        Assert.Equal(["Dan Dyer"], second["data"].EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.False(second["pages"].TryGetProperty("next", out _));
    }

    private async Task<string[]> SearchIds(object query)
    {
        var answer = (await data.Api.PostAsync("/contacts/search", new { query })).Ok();
        return answer["data"].EnumerateArray().Select(c => c.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray();
    }

    private async Task<string[]> AllIds() => await SearchIds(F("role", "IN", new[] { "user", "lead" }));

    [Fact]
    public async Task Ending_with_each_hex_digit_splits_the_contacts_into_16_disjoint_partitions()
    {
        var all = await AllIds();
        Assert.Equal(5, all.Length);
        var partitions = new List<string>();
        foreach (var digit in "0123456789abcdef")
        {
            var part = await SearchIds(F("id", "$", digit.ToString()));
            Assert.Equal(all.Where(id => id[^1] == digit), part);
            partitions.AddRange(part);
        }

        Assert.Equal(all, partitions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_contact_id_takes_every_string_operator()
    {
        var all = await AllIds();
        var one = all[2];
        var others = all.Where(id => id != one).ToArray();
        Assert.Equal([one], await SearchIds(F("id", "=", one)));
        Assert.Equal(others, await SearchIds(F("id", "!=", one)));
        Assert.Equal([all[0], all[4]], await SearchIds(F("id", "IN", new[] { all[4], all[0] })));
        Assert.Equal([all[1], all[2], all[3]], await SearchIds(F("id", "NIN", new[] { all[4], all[0] })));
        var middle = one[8..20];
        Assert.Equal(all.Where(id => id.Contains(middle, StringComparison.Ordinal)), await SearchIds(F("id", "~", middle)));
        Assert.Equal(all.Where(id => !id.Contains(middle, StringComparison.Ordinal)), await SearchIds(F("id", "!~", middle)));
        var prefix = one[..12];
        Assert.Equal(all.Where(id => id.StartsWith(prefix, StringComparison.Ordinal)), await SearchIds(F("id", "^", prefix)));
        Assert.Equal([one], await SearchIds(F("id", "$", one[1..])));
    }

    [Fact]
    public async Task Contains_starts_and_ends_with_ignore_case_on_the_id_as_on_every_string_field_but_equals_does_not()
    {
        var all = await AllIds();
        var one = all.First(id => id.Any(char.IsLetter));
        var upper = one.ToUpperInvariant();
        Assert.Equal([one], await SearchIds(F("id", "~", upper)));
        Assert.Equal([one], await SearchIds(F("id", "^", upper)));
        Assert.Equal([one], await SearchIds(F("id", "$", upper)));
        Assert.Empty(await SearchIds(F("id", "=", upper)));
        foreach (var digit in "abcdef")
        {
            Assert.Equal(await SearchIds(F("id", "$", digit.ToString())), await SearchIds(F("id", "$", char.ToUpperInvariant(digit).ToString())));
        }
    }

    [Fact]
    public async Task An_in_list_is_bounded_with_a_400_that_says_so_and_one_within_the_bound_is_served()
    {
        var emails = Enumerable.Range(0, 9_999).Select(i => $"nobody-{i}@example.com").Append("cat@other.org").ToArray();
        Assert.Equal(["Cat Cooper"], await Search(F("email", "IN", emails)));
        Assert.Equal(4, (await Search(F("email", "NIN", emails))).Length); // Ann, Bob, Dan and the lead, who has no email
        var message = (await data.Api.PostAsync("/contacts/search", new { query = F("email", "IN", emails.Append("one-too-many@example.com").ToArray()) }))
            .Error(400, "parameter_invalid");
        Assert.Contains("query.value has 10001 values; IN and NIN take at most 10000", message);
    }

    [Theory]
    [InlineData("""{"query":{"field":"id","operator":">","value":"a"}}""", "operator '>' is not supported for id (string)")]
    [InlineData("""{"query":{"field":"id","operator":"$","value":7}}""", "query.value for id must be a string, not a number")]
    [InlineData("""{"query":{"field":"id","operator":"IN","value":["a",1]}}""", "query.value for id must be a string, not a number")]
    public async Task A_contact_id_search_the_api_would_refuse_is_a_400_saying_why(string body, string expected)
    {
        Assert.Contains(expected, (await data.Api.PostAsync("/contacts/search", body)).Error(400, "parameter_invalid"));
    }

    [Theory]
    [InlineData("""{"query":{"field":"signed_up_at","operator":"!=","value":1}}""", "not supported for signed_up_at")]
    [InlineData("""{"query":{"field":"tag_id","operator":"~","value":"1"}}""", "not supported for tag_id")]
    [InlineData("""{"query":{"field":"email","operator":">","value":"a"}}""", "not supported for email")]
    [InlineData("""{"query":{"field":"shoe_size","operator":"=","value":"9"}}""", "shoe_size")]
    [InlineData("""{"query":{"field":"email","operator":"IN","value":"a@b.c"}}""", "non-empty array")]
    [InlineData("""{"query":{"operator":"AND","value":[{"operator":"OR","value":[{"operator":"AND","value":[{"field":"email","operator":"=","value":"a"}]}]}]}}""", "at most 2 deep")]
    [InlineData("""{"query":{"operator":"XOR","value":[]}}""", "XOR")]
    [InlineData("""{}""", "query is required")]
    [InlineData("""{"query":{"field":"email","operator":"=","value":"a"},"pagination":{"per_page":500}}""", "per_page")]
    [InlineData("""{"query":{"field":"email","operator":"=","value":"a"},"sort":{"field":"email","order":"sideways"}}""", "sideways")]
    [InlineData("""{"query":{"field":"custom_attributes.seats","operator":">","value":1e400}}""", "query.value for custom_attributes.seats is a number beyond what a double can hold (1e400)")]
    [InlineData("""{"query":{"field":"custom_attributes.a\\","operator":"=","value":"x"}}""", "query.field: custom attribute names cannot contain")]
    [InlineData("""{"query":{"field":"custom_attributes.a\u0000b","operator":"=","value":"x"}}""", "query.field: custom attribute names cannot contain")]
    [InlineData("""{"query":{"field":"custom_attributes.a\"b","operator":"=","value":"x"}}""", "query.field: custom attribute names cannot contain")]
    public async Task A_query_the_api_would_refuse_is_a_400_saying_why(string body, string expected)
    {
        Assert.Contains(expected, (await data.Api.PostAsync("/contacts/search", body)).Error(400, "parameter_invalid"));
    }
}
