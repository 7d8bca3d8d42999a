using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client.V1.Wire;

namespace IntercomPS.Client.V1
{
    /// <summary>The /users/message_threads resource. Threads come back stamped with the user they belong to.</summary>
    public sealed partial class IntercomClient
    {
        /// <summary>All of a user's threads (their inbox), optionally with auto messages that target <paramref name="currentUrl"/>.</summary>
        public Task<MessageThread[]> GetMessageThreadsAsync(UserIdentity user, string? currentUrl = null, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Get, "users/message_threads?" + V1Requests.Query(user) + (currentUrl is null ? string.Empty : "&current_url=" + Uri.EscapeDataString(currentUrl)),
                null, V1JsonContext.Default.MessageThreadArray, threads => threads.Select(thread => Stamp(thread, user)).ToArray(), idempotent: true, cancellationToken);

        public Task<MessageThread> GetMessageThreadAsync(UserIdentity user, long threadId, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Get, "users/message_threads?" + V1Requests.Query(user) + "&thread_id=" + threadId.ToString(CultureInfo.InvariantCulture),
                null, V1JsonContext.Default.MessageThread, thread => Stamp(thread, user), idempotent: true, cancellationToken);

        /// <summary>Starts a thread from the user to the app.</summary>
        public Task<MessageThread> CreateMessageThreadAsync(UserIdentity user, string body, string? url = null, CancellationToken cancellationToken = default)
        {
            RequireBody(body);
            return SendAsync(HttpMethod.Post, "users/message_threads", writer => WriteThreadRequest(writer, user, null, body, url, null),
                V1JsonContext.Default.MessageThread, thread => Stamp(thread, user), idempotent: false, cancellationToken);
        }

        /// <summary>Adds the user's reply to a thread.</summary>
        public Task<MessageThread> ReplyToMessageThreadAsync(UserIdentity user, long threadId, string body, string? url = null, CancellationToken cancellationToken = default)
        {
            RequireBody(body);
            return SendAsync(HttpMethod.Put, "users/message_threads", writer => WriteThreadRequest(writer, user, threadId, body, url, null),
                V1JsonContext.Default.MessageThread, thread => Stamp(thread, user), idempotent: false, cancellationToken);
        }

        /// <summary>Marks a thread read (or unread again) for the user.</summary>
        public Task<MessageThread> MarkMessageThreadAsync(UserIdentity user, long threadId, bool read, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Put, "users/message_threads", writer => WriteThreadRequest(writer, user, threadId, null, null, read),
                V1JsonContext.Default.MessageThread, thread => Stamp(thread, user), idempotent: true, cancellationToken);

        private static void WriteThreadRequest(Utf8JsonWriter writer, UserIdentity user, long? threadId, string? body, string? url, bool? read)
        {
            writer.WriteStartObject();
            V1Requests.WriteIdentity(writer, user);
            if (threadId is { } id) writer.WriteNumber("thread_id", id);
            if (body is not null) writer.WriteString("body", body);
            if (url is not null) writer.WriteString("url", url);
            if (read is { } flag) writer.WriteBoolean("read", flag);
            writer.WriteEndObject();
        }

        private static void RequireBody(string body)
        {
            if (string.IsNullOrWhiteSpace(body)) throw new ArgumentException("A message needs a body.");
        }

        /// <summary>
        /// Marks whose thread it is: the identity asked with, completed from the user's own messages, so a thread
        /// fetched by email still pipes on with its user_id (and the other way round).
        /// </summary>
        private static MessageThread Stamp(Wire.MessageThread answer, UserIdentity user)
        {
            var thread = answer.ToModel();
            var author = thread.Messages.Select(message => message.From).FirstOrDefault(from => from is { IsAdmin: false });
            thread.Email = user.Email ?? author?.Email;
            thread.UserId = user.UserId ?? author?.UserId;
            return thread;
        }
    }
}
