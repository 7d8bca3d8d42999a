using System.Linq;
using System.Text.Json;
using IntercomPS.Emulator.Endpoints.V2;
using IntercomPS.Emulator.Storage;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>
/// An IN list is one bound value, however long: a parameter per value cost the square of the list (SQLite finds a
/// named parameter by a linear search; 10,000 values over 2,000 contacts took 341 ms, against 10 ms for 1,000), one
/// JSON array costs in proportion (28 ms against 2 ms).
/// </summary>
public sealed class SearchCostTests
{
    private static ContactQuery In(int values, string op = "IN") => ContactSearch.Contacts(JsonDocument.Parse(JsonSerializer.Serialize(new
    {
        query = new { field = "email", @operator = op, value = Enumerable.Range(0, values).Select(i => $"k{i + 1}@example.com").ToArray() },
    })).RootElement);

    [Theory]
    [InlineData("IN")]
    [InlineData("NIN")]
    public void An_in_list_is_one_parameter_however_long(string op)
    {
        Assert.Single(In(1, op).Arguments);
        Assert.Single(In(ContactSearch.MaxListValues, op).Arguments);
    }

    /// <summary>
    /// contact_ids = and IN find a contact's conversations by seeks: those whose contacts changed by its
    /// conversation_contacts rows, the others by their own contact; never a subquery run for every conversation.
    /// </summary>
    [Theory]
    [InlineData("=", "\"x\"")]
    [InlineData("IN", "[\"x\", \"y\"]")]
    public void Contact_ids_finds_conversations_by_index_seeks(string op, string value)
    {
        using var db = new Database(null);
        var query = ContactSearch.Conversations(JsonDocument.Parse($$$"""{"query":{"field":"contact_ids","operator":"{{{op}}}","value":{{{value}}}}}""").RootElement);
        var sql = $"SELECT t.id {AppStore.ConversationFrom} WHERE t.app = $app AND ({query.Where})";
        var plan = string.Join(" | ", db.Read(s => s.Query("EXPLAIN QUERY PLAN " + sql, r => r.GetString(3), [.. query.Arguments, ("$app", "a")])));
        Assert.Matches(@"SEARCH t USING INTEGER PRIMARY KEY \(rowid=\?\)", plan);
        Assert.Matches(@"SEARCH cc USING (COVERING )?INDEX ix_conversation_contacts_user \(user_seq=\?\)", plan);
        Assert.Matches(@"SEARCH ot USING (COVERING )?INDEX ix_threads_user \(user_seq=\?\)", plan);
        Assert.DoesNotMatch(@"SCAN (t|cc|ot|pu|ou)\b", plan);
    }
}
