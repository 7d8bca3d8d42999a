using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using IntercomPS.Client.V2.Search;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// The generic 2.x search query: written to the wire as the description shapes it, and held to the description's
    /// rules for every search (two levels of groups, 15 filters a group, the operators each field takes, values of the
    /// field's type) before anything is sent, each refusal saying what and why.
    /// </summary>
    public sealed class SearchQueryTests
    {
        private static readonly SearchFields Fields = new SearchFields("conversation", new[]
        {
            SearchFields.Field("state", SearchValueType.String),
            SearchFields.Field("admin_assignee_id", SearchValueType.Integer),
            SearchFields.Field("created_at", SearchValueType.Date),
            SearchFields.Field("read", SearchValueType.Boolean),
            new SearchField("signed_up_at", SearchValueType.Date, new[] { "=", ">", "<" }),
            SearchFields.Field("custom_attributes.", SearchValueType.String),
        });

        [Fact]
        public void WritesFiltersGroupsSortAndPaginationAsTheDescriptionShapesThem()
        {
            var query = new SearchQuery(SearchGroup.And(
                new SearchFilter("state", "=", "open"),
                SearchGroup.Or(new SearchFilter("admin_assignee_id", "=", 7L), new SearchFilter("admin_assignee_id", "IN", new long[] { 8, 9 })),
                new SearchFilter("created_at", ">", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)),
                new SearchFilter("read", "=", false)), sortField: "created_at");
            query.Check(Fields);

            Assert.Equal(
                """{"query":{"operator":"AND","value":[{"field":"state","operator":"=","value":"open"},""" +
                """{"operator":"OR","value":[{"field":"admin_assignee_id","operator":"=","value":7},{"field":"admin_assignee_id","operator":"IN","value":[8,9]}]},""" +
                """{"field":"created_at","operator":"\u003E","value":1767323045},{"field":"read","operator":"=","value":false}]},""" +
                "\"sort\":{\"field\":\"created_at\",\"order\":\"ascending\"},\"pagination\":{\"per_page\":150,\"starting_after\":\"abc\"}}",
                Written(query, 150, "abc"));
        }

        [Fact]
        public void OneFilterIsSentAsItselfAndSeveralAsOneAndGroup()
        {
            Assert.Equal("""{"query":{"field":"state","operator":"=","value":"open"},"pagination":{"per_page":5}}""",
                Written(SearchQuery.AllOf(new[] { new SearchFilter("state", "=", "open") }), 5, null));
            Assert.StartsWith("""{"query":{"operator":"AND","value":[""",
                Written(SearchQuery.AllOf(new[] { new SearchFilter("state", "=", "open"), new SearchFilter("read", "=", true) }), 5, null));
        }

        [Fact]
        public void TwoLevelsOfGroupsPassAndAThirdIsRefusedSayingHowToFlattenIt()
        {
            new SearchQuery(SearchGroup.And(SearchGroup.Or(new SearchFilter("read", "=", true)))).Check(Fields);

            var three = new SearchQuery(SearchGroup.And(SearchGroup.Or(SearchGroup.And(new SearchFilter("read", "=", true)))));
            var refused = Assert.Throws<ArgumentException>(() => three.Check(Fields));
            Assert.Equal("A conversation search nests AND/OR groups at most 2 deep, and this one nests them 3 deep: flatten it, e.g. (a OR b) AND (c OR d), or use IN for several values of one field.", refused.Message);
        }

        [Fact]
        public void FifteenFiltersAGroupPassAndSixteenAreRefused()
        {
            new SearchQuery(new SearchGroup("OR", Filters(15))).Check(Fields);

            var refused = Assert.Throws<ArgumentException>(() => new SearchQuery(new SearchGroup("OR", Filters(16))).Check(Fields));
            Assert.Contains("at most 15 filters in one AND or OR group, and this OR group has 16", refused.Message);
        }

        [Theory]
        [InlineData("state", ">", "open", "cannot use '>' on state (string): it takes = != IN NIN ~ !~ ^ $")]
        [InlineData("read", "~", "x", "cannot use '~' on read (boolean): it takes = != IN NIN")]
        [InlineData("signed_up_at", "!=", 5L, "cannot use '!=' on signed_up_at (date): it takes = > <")]
        [InlineData("nope", "=", "x", "has no field 'nope': use one of state, admin_assignee_id, created_at, read, signed_up_at, custom_attributes.NAME")]
        [InlineData("admin_assignee_id", "=", "7", "compares admin_assignee_id with integer values, not the text '7'")]
        [InlineData("read", "=", "true", "compares read with boolean values, not the text 'true'")]
        [InlineData("state", ">", null, "cannot use '>' on state")]
        [InlineData("created_at", ">", null, "'>' on created_at needs a value; only = and != compare with null")]
        [InlineData("state", "IN", "open", "IN on state takes a list of values, not one")]
        public void EachBrokenRuleIsRefusedBeforeSendingWithWhy(string field, string op, object? value, string message)
        {
            var refused = Assert.Throws<ArgumentException>(() => new SearchQuery(new SearchFilter(field, op, value)).Check(Fields));
            Assert.Contains(message, refused.Message);
        }

        [Fact]
        public void ListsAreCheckedValueByValueAndMustNotBeEmpty()
        {
            new SearchQuery(new SearchFilter("state", "NIN", new[] { "closed", "snoozed" })).Check(Fields);
            Assert.Contains("needs at least one value", Assert.Throws<ArgumentException>(() => new SearchQuery(new SearchFilter("state", "IN", Array.Empty<string>())).Check(Fields)).Message);
            Assert.Contains("not a Int64 (3)", Assert.Throws<ArgumentException>(() => new SearchQuery(new SearchFilter("state", "IN", new object[] { "open", 3L })).Check(Fields)).Message);
        }

        [Fact]
        public void PrefixFieldsTakeTheirPrefixTypeAndSortFieldsMustExist()
        {
            new SearchQuery(new SearchFilter("custom_attributes.plan", "^", "pro")).Check(Fields);
            Assert.Contains("cannot sort on 'priority'", Assert.Throws<ArgumentException>(() => new SearchQuery(new SearchFilter("read", "=", true), "priority").Check(Fields)).Message);
        }

        [Fact]
        public void GroupsTakeOnlyAndOrAndAnEmptyGroupIsRefused()
        {
            Assert.Contains("AND or OR, not 'XOR'", Assert.Throws<ArgumentException>(() => new SearchGroup("XOR", Filters(1))).Message);
            Assert.Contains("needs at least one filter", Assert.Throws<ArgumentException>(() => new SearchQuery(SearchGroup.And()).Check(Fields)).Message);
        }

        private static SearchNode[] Filters(int count)
        {
            var filters = new SearchNode[count];
            for (var i = 0; i < count; i++) filters[i] = new SearchFilter("admin_assignee_id", "=", (long)i);
            return filters;
        }

        private static string Written(SearchQuery query, int perPage, string? startingAfter)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer)) query.Write(writer, perPage, startingAfter);
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }
}
