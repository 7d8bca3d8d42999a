using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// 2.16's handling events and side conversations against a loopback server answering the description's own
    /// examples (the emulator has none to give): each field read where the module shows it, side conversations walked
    /// by page number until total_pages.
    /// </summary>
    public sealed class ConversationHandlingTests : IDisposable
    {
        private readonly LoopbackServer _server = new LoopbackServer();

        public void Dispose() => _server.Dispose();

        [Fact]
        public async Task HandlingEventsAreReadAsTheDescriptionsExampleWritesThem()
        {
            _server.Answer("GET /conversations/123/handling_events", 200, "{\"handling_events\":[" +
                "{\"teammate\":{\"type\":\"admin\",\"id\":123,\"name\":\"Jane Example\",\"email\":\"jane@example.com\"},\"type\":\"paused\",\"timestamp\":\"2026-01-09T09:00:00Z\",\"reason\":\"Paused\"}," +
                "{\"teammate\":{\"type\":\"admin\",\"id\":123,\"name\":\"Jane Example\",\"email\":\"jane@example.com\"},\"type\":\"resumed\",\"timestamp\":\"2026-01-09T09:10:00Z\"}]}");
            using var client = HostileAnswerTests.NewClient(_server);

            var events = await client.ListHandlingEventsAsync(123);

            Assert.Equal(["GET /conversations/123/handling_events"], _server.Requests);
            Assert.Equal(2, events.Length);
            var paused = events[0];
            Assert.Equal((123L, "paused", "Paused", "admin", "123", "Jane Example", "jane@example.com"),
                (paused.ThreadId, paused.Type, paused.Reason, paused.TeammateType, paused.TeammateId, paused.TeammateName, paused.TeammateEmail));
            Assert.Equal(new DateTime(2026, 1, 9, 9, 0, 0, DateTimeKind.Utc), paused.Timestamp);
            Assert.Equal(DateTimeKind.Utc, paused.Timestamp!.Value.Kind);
            Assert.Equal(("resumed", null), (events[1].Type, events[1].Reason));
            Assert.Equal(new DateTime(2026, 1, 9, 9, 10, 0, DateTimeKind.Utc), events[1].Timestamp);
        }

        [Fact]
        public async Task SideConversationsAreReadPageByPageWithTheirPartsNamingTheSideConversation()
        {
            static string Page(int page, string id) => "{\"type\":\"side_conversation.list\",\"side_conversations\":[{\"side_conversation_id\":\"" + id + "\",\"conversation_parts\":[" +
                "{\"type\":\"conversation_part\",\"id\":\"789\",\"part_type\":\"comment\",\"body\":\"<p>Internal note about this issue</p>\"," +
                "\"author\":{\"type\":\"admin\",\"id\":\"123\",\"name\":\"Jane Example\",\"email\":\"jane@example.com\"},\"created_at\":1663597223,\"updated_at\":1663597223}],\"total_count\":1}]," +
                "\"total_count\":2,\"pages\":{\"type\":\"pages\",\"page\":" + page + ",\"per_page\":1,\"total_pages\":2}}";
            _server.Answer("GET /conversations/5/side_conversations?page=1", 200, Page(1, "456"));
            _server.Answer("GET /conversations/5/side_conversations?page=2", 200, Page(2, "457"));
            using var client = HostileAnswerTests.NewClient(_server);

            using var reader = client.ListSideConversations(5, pageSize: 1);
            var found = new List<SideConversation>();
            while (await reader.NextAsync() is { } page) found.AddRange(page);

            Assert.Equal(["GET /conversations/5/side_conversations?page=1&per_page=1", "GET /conversations/5/side_conversations?page=2&per_page=1"], _server.Requests);
            Assert.Equal(["456", "457"], found.Select(side => side.Id));
            var first = found[0];
            Assert.Equal((5L, 1), (first.ThreadId, first.PartCount));
            var part = Assert.Single(first.Parts);
            Assert.Equal((456L, "789", "comment", "<p>Internal note about this issue</p>", "Jane Example", true),
                (part.ThreadId, part.Id, part.Type, part.Html, part.From!.Name, part.From.IsAdmin));
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1663597223).UtcDateTime, part.CreatedAt);
        }
    }
}
