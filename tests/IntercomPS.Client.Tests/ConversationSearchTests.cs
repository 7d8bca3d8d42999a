using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using IntercomPS.Client.V2;
using IntercomPS.Client.V2.Search;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// The workspace's conversations as one search: what each filter of Get-IntercomMessageThread becomes on the wire,
    /// and what the description would refuse refused before sending. The listing itself, end to end, is
    /// tests/TeamInbox.Tests.ps1.
    /// </summary>
    public sealed class ConversationSearchTests
    {
        [Fact]
        public void EveryFilterIsOneConditionOfOneAndGroupOldestFirst()
        {
            var query = new ConversationQuery
            {
                States = new[] { "Open", "snoozed" },
                AdminAssigneeId = "991267715",
                TeamAssigneeId = "5017691",
                TagIds = new[] { "86" },
                Read = false,
                CreatedSince = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                Text = "refund, invoice!",
            };

            Assert.Equal(
                """{"query":{"operator":"AND","value":[{"field":"state","operator":"IN","value":["open","snoozed"]},""" +
                """{"field":"admin_assignee_id","operator":"=","value":991267715},{"field":"team_assignee_id","operator":"=","value":5017691},""" +
                """{"field":"tag_ids","operator":"=","value":"86"},{"field":"read","operator":"=","value":false},""" +
                """{"field":"created_at","operator":"\u003E","value":1767323044},{"field":"contact_ids","operator":"=","value":"c1"},""" +
                """{"field":"source.body","operator":"~","value":"refund"},{"field":"source.body","operator":"~","value":"invoice"}]},""" +
                "\"sort\":{\"field\":\"created_at\",\"order\":\"ascending\"},\"pagination\":{\"per_page\":150}}",
                Written(ConversationSearch.For(query, "c1")));
        }

        [Fact]
        public void UnassignedIsNoAdminAndNoTeamAndNothingAskedIsEveryConversation()
        {
            Assert.Contains("""{"field":"admin_assignee_id","operator":"=","value":0},{"field":"team_assignee_id","operator":"=","value":0}""",
                Written(ConversationSearch.For(new ConversationQuery { Unassigned = true }, null)));
            Assert.StartsWith("""{"query":{"field":"created_at","operator":"\u003E","value":0},""", Written(ConversationSearch.For(new ConversationQuery(), null)));
        }

        [Fact]
        public void TextIsSplitIntoWordsAsTheServiceSplitsABody()
        {
            Assert.Equal(new[] { "can", "t", "log", "in", "2fa" }, ConversationSearch.Words("can't log-in (2FA)".ToLowerInvariant()));
            Assert.Empty(ConversationSearch.Words("  "));
        }

        [Fact]
        public void WhatTheServiceWouldRefuseIsRefusedBeforeSendingSayingWhy()
        {
            var words = string.Join(" ", new string[16].Select((_, i) => "w" + i));
            Assert.Contains("at most 15 filters in one AND or OR group, and this AND group has 16",
                Assert.Throws<ArgumentException>(() => ConversationSearch.For(new ConversationQuery { Text = words }, null)).Message);
            Assert.Equal("'ann' is not an admin id: Intercom's are numbers (Get-IntercomAdmin lists them).",
                Assert.Throws<ArgumentException>(() => ConversationSearch.For(new ConversationQuery { AdminAssigneeId = "ann" }, null)).Message);
            Assert.Contains("is not a conversation state", Assert.Throws<ArgumentException>(() => ConversationSearch.For(new ConversationQuery { States = new[] { "pending" } }, null)).Message);
        }

        private static string Written(SearchQuery query)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer)) query.Write(writer, 150, null);
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }
}
