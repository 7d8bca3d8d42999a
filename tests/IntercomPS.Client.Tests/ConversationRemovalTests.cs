using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// Deleting and redacting conversations (IConversationInbox) against a loopback 2.14 server: the requests as the
    /// description writes them, and neither repeated once it may have been applied, whatever the retry budget.
    /// </summary>
    public sealed class ConversationRemovalTests : IDisposable
    {
        private const string Conversation = "{\"type\":\"conversation\",\"id\":\"5\",\"created_at\":1704067200,\"updated_at\":1704067300,\"state\":\"open\",\"read\":true," +
            "\"source\":{\"type\":\"conversation\",\"id\":\"77\",\"delivered_as\":\"customer_initiated\",\"body\":\"<p><i>This message was deleted</i></p>\",\"redacted\":true," +
            "\"author\":{\"type\":\"user\",\"id\":\"c1\"}},\"contacts\":{\"type\":\"contact.list\",\"contacts\":[{\"type\":\"contact\",\"id\":\"c1\",\"external_id\":\"u1\"}]}," +
            "\"conversation_parts\":{\"type\":\"conversation_part.list\",\"conversation_parts\":[{\"type\":\"conversation_part\",\"id\":\"9\",\"part_type\":\"comment\"," +
            "\"body\":\"<p><i>This message was deleted</i></p>\",\"redacted\":true,\"created_at\":1704067250,\"author\":{\"type\":\"user\",\"id\":\"c1\"}}],\"total_count\":1}}";

        private readonly LoopbackServer _server = new LoopbackServer();

        public void Dispose() => _server.Dispose();

        [Fact]
        public async Task ADeleteAnswered503MayHaveBeenAppliedAndIsNotRepeated()
        {
            _server.Answer("DELETE /conversations/5", 503, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"service_unavailable\",\"message\":\"busy\"}]}");
            using var client = HostileAnswerTests.NewClient(_server, maxRetries: 3);

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.DeleteConversationAsync(5));

            Assert.True(failure.MayHaveBeenApplied);
            Assert.Single(_server.Requests, request => request.StartsWith("DELETE", StringComparison.Ordinal));
        }

        [Fact]
        public async Task ADeleteIsOneDeleteOfTheConversation()
        {
            _server.Answer("DELETE /conversations/5", 200, "{\"id\":\"5\",\"object\":\"conversation\",\"deleted\":true}");
            using var client = HostileAnswerTests.NewClient(_server);

            await client.DeleteConversationAsync(5);

            Assert.Equal(["DELETE /conversations/5"], _server.Requests.Select(r => string.Join(' ', r.Split(' ').Take(2))));
        }

        [Fact]
        public async Task RedactingAPartSendsItsIdsAndMapsTheRedactedThreadAndARedactionAnswered500IsNotRepeated()
        {
            _server.Answer("POST /conversations/redact", 200, Conversation);
            using var client = HostileAnswerTests.NewClient(_server, maxRetries: 3);

            var thread = await client.RedactPartAsync(5, "9");
            _server.Answer("POST /conversations/redact", 500, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"server_error\",\"message\":\"oops\"}]}");

            Assert.Equal("{\"type\":\"conversation_part\",\"conversation_id\":\"5\",\"conversation_part_id\":\"9\"}", _server.Bodies.Single());
            Assert.Equal((5L, "9", true, 5L), (thread.ThreadId, thread.Parts[0].Id, thread.Parts[0].Redacted, thread.Parts[0].ThreadId));
            Assert.True(thread.Messages.All(m => m.Redacted));
            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.RedactPartAsync(5, "9"));
            Assert.True(failure.MayHaveBeenApplied);
            Assert.Equal(2, _server.Requests.Count(request => request.StartsWith("POST", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task RedactingTheSourceReadsTheConversationForItsSourcesId()
        {
            _server.Answer("GET /conversations/5", 200, Conversation);
            _server.Answer("POST /conversations/redact", 200, Conversation);
            using var client = HostileAnswerTests.NewClient(_server);

            var thread = await client.RedactSourceAsync(5);

            Assert.Equal("{\"type\":\"source\",\"conversation_id\":\"5\",\"source_id\":\"77\"}", _server.Bodies.Single(body => body.Length > 0));
            Assert.True(thread.Messages[0].Redacted);
        }
    }
}
