using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// Message threads as conversations: a user's are found by POST /conversations/search on contact_ids, one is
    /// GET /conversations/{id}; the contact starts one (POST /conversations) and replies (POST .../reply); read
    /// state is PUT /conversations/{id}, open/closed/snoozed a part by the session's admin (POST .../parts). The
    /// conversation's source is a thread's first message, its comment parts the rest.
    /// </summary>
    public sealed partial class IntercomV2Client
    {
        /// <summary>The most a conversation search page holds.</summary>
        private const int ConversationPageSize = 150;

        /// <summary>2.x has no auto messages for the page a user is on: <paramref name="currentUrl"/> is v1's.</summary>
        public async Task<MessageThread[]> GetMessageThreadsAsync(UserIdentity user, string? currentUrl = null, CancellationToken cancellationToken = default)
        {
            var contactId = await ContactIdAsync(user, cancellationToken).ConfigureAwait(false);
            var ids = new List<string>();
            var check = new PagedReadCheck(HttpMethod.Post, new Uri(BaseUri, "conversations/search"), "conversation", ConversationPageSize, new SeenIds());
            string? startingAfter = null;
            do
            {
                var after = startingAfter;
                var page = await SendAsync(HttpMethod.Post, "conversations/search", writer => WriteContactSearch(writer, contactId, after),
                    V2JsonContext.Default.ConversationList, idempotent: true, cancellationToken).ConfigureAwait(false);
                startingAfter = page.Pages?.Next?.StartingAfter;
                check.Page(page.TotalCount, page.Conversations, conversation => conversation.Id, startingAfter);
                ids.AddRange(page.Conversations.Select(conversation => conversation.Id!));
            }
            while (startingAfter is not null);

            var reads = new RequestScheduler(Concurrency.ConversationReads);
            var conversations = await Task.WhenAll(ids.Select(id => reads.RunAsync(() => GetConversationAsync(id, cancellationToken), cancellationToken))).ConfigureAwait(false);
            return conversations.Select(conversation => ToThread(conversation, user)).ToArray();
        }

        public async Task<MessageThread> GetMessageThreadAsync(UserIdentity user, long threadId, CancellationToken cancellationToken = default) =>
            ToThread(await OwnConversationAsync(user, threadId, cancellationToken).ConfigureAwait(false), user);

        /// <summary>
        /// POST /conversations from the contact, then the conversation it made. Not idempotent: never repeated blindly.
        /// 2.x records no page URL with a message: <paramref name="url"/> is v1's.
        /// </summary>
        public async Task<MessageThread> CreateMessageThreadAsync(UserIdentity user, string body, string? url = null, CancellationToken cancellationToken = default)
        {
            RequireBody(body);
            var contactId = await ContactIdAsync(user, cancellationToken).ConfigureAwait(false);
            var created = await SendAsync(HttpMethod.Post, "conversations", writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("from");
                writer.WriteString("type", "user");
                writer.WriteString("id", contactId);
                writer.WriteEndObject();
                writer.WriteString("body", body);
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationCreated, idempotent: false, cancellationToken).ConfigureAwait(false);
            try
            {
                return ToThread(await GetConversationAsync(created.ConversationId!, cancellationToken).ConfigureAwait(false), user);
            }
            catch (IntercomApiException failure)
            {
                // The conversation exists: whoever reads this error must not start it a second time.
                throw new IntercomApiException(failure.Method, failure.RequestUri, failure.StatusCode, failure.ErrorType,
                    $"Conversation {created.ConversationId} was started, but reading it back failed: {failure.ApiMessage}", failure.RetryAfter, failure, failure.RequestId)
                {
                    MayHaveBeenApplied = true,
                };
            }
        }

        /// <summary>POST /conversations/{id}/reply as the contact (a comment). Not idempotent: never repeated blindly. <paramref name="url"/> is v1's.</summary>
        public async Task<MessageThread> ReplyToMessageThreadAsync(UserIdentity user, long threadId, string body, string? url = null, CancellationToken cancellationToken = default)
        {
            RequireBody(body);
            var contactId = await ContactIdAsync(user, cancellationToken).ConfigureAwait(false);
            var conversation = await SendAsync(HttpMethod.Post, ConversationPath(threadId) + "/reply", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("message_type", "comment");
                writer.WriteString("type", "user");
                writer.WriteString("intercom_user_id", contactId);
                writer.WriteString("body", body);
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationObject, idempotent: false, cancellationToken).ConfigureAwait(false);
            return ToThread(conversation, user);
        }

        /// <summary>PUT /conversations/{id} {read}, once the conversation is known to be the user's.</summary>
        public async Task<MessageThread> MarkMessageThreadAsync(UserIdentity user, long threadId, bool read, CancellationToken cancellationToken = default)
        {
            await OwnConversationAsync(user, threadId, cancellationToken).ConfigureAwait(false);
            var conversation = await SendAsync(HttpMethod.Put, ConversationPath(threadId), writer =>
            {
                writer.WriteStartObject();
                writer.WriteBoolean("read", read);
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            return ToThread(conversation, user);
        }

        /// <summary>
        /// POST /conversations/{id}/parts by the session's admin: message_type open, close, or snoozed with
        /// snoozed_until. Setting a state twice leaves the same state, so this is retried like any idempotent call.
        /// </summary>
        public async Task<MessageThread> SetMessageThreadStateAsync(UserIdentity user, long threadId, string state, DateTime? snoozedUntil, CancellationToken cancellationToken = default)
        {
            var messageType = MessageTypeFor(state, snoozedUntil);
            var owned = OwnConversationAsync(user, threadId, cancellationToken);
            var admin = AdminIdAsync(cancellationToken);
            await Task.WhenAll(owned, admin).ConfigureAwait(false);
            var adminId = await admin.ConfigureAwait(false);
            var conversation = await SendAsync(HttpMethod.Post, ConversationPath(threadId) + "/parts", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("message_type", messageType);
                writer.WriteString("type", "admin");
                writer.WriteString("admin_id", adminId);
                if (snoozedUntil is { } until) writer.WriteNumber("snoozed_until", UnixTime.FromDateTime(until));
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            return ToThread(conversation, user);
        }

        /// <summary>The states a conversation can be put in, as the message_type that does it; snoozing needs an end, nothing else takes one.</summary>
        private static string MessageTypeFor(string state, DateTime? snoozedUntil)
        {
            var messageType = state?.ToLowerInvariant() switch
            {
                "open" => "open",
                "closed" => "close",
                "snoozed" => "snoozed",
                _ => throw new ArgumentException($"'{state}' is not a conversation state: use Open, Closed or Snoozed."),
            };
            if (messageType == "snoozed" && snoozedUntil is null) throw new ArgumentException("Snoozing a conversation needs the time it wakes up: give -SnoozedUntil.");
            if (messageType != "snoozed" && snoozedUntil is not null) throw new ArgumentException($"-SnoozedUntil goes with -State Snoozed only, not {state}.");
            return messageType;
        }

        private static void RequireBody(string body)
        {
            if (string.IsNullOrWhiteSpace(body)) throw new ArgumentException("A message needs a body.");
        }

        private Task<ConversationObject> GetConversationAsync(string id, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, "conversations/" + Uri.EscapeDataString(id), null, V2JsonContext.Default.ConversationObject, idempotent: true, cancellationToken);

        /// <summary>The conversation, if it is the user's: a thread id names a thread of the user given, as it did on v1.</summary>
        private async Task<ConversationObject> OwnConversationAsync(UserIdentity user, long threadId, CancellationToken cancellationToken)
        {
            var contact = ContactIdAsync(user, cancellationToken);
            var read = GetConversationAsync(threadId.ToString(CultureInfo.InvariantCulture), cancellationToken);
            await Task.WhenAll(contact, read).ConfigureAwait(false);
            var contactId = await contact.ConfigureAwait(false);
            var conversation = await read.ConfigureAwait(false);
            if (conversation.Contacts?.Contacts.Any(c => c.Id == contactId) == true) return conversation;
            throw new IntercomLookupException("GET", new Uri(BaseUri, ConversationPath(threadId)), IntercomApiException.NotFoundType,
                $"Conversation {threadId} is not one of {user}'s conversations.");
        }

        private static string ConversationPath(long threadId) => "conversations/" + threadId.ToString(CultureInfo.InvariantCulture);

        private static void WriteContactSearch(Utf8JsonWriter writer, string contactId, string? startingAfter)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("query");
            ContactLookup.WriteFilter(writer, "contact_ids", "=", contactId);
            writer.WriteStartObject("sort");
            writer.WriteString("field", "created_at");
            writer.WriteString("order", "ascending");
            writer.WriteEndObject();
            writer.WriteStartObject("pagination");
            writer.WriteNumber("per_page", ConversationPageSize);
            if (startingAfter is not null) writer.WriteString("starting_after", startingAfter);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        /// <summary>
        /// A conversation as the thread v1 showed: its source is the first message, its comment parts the rest
        /// (state changes, assignments and notes are not messages to the user); stamped with whose it is, from the
        /// identity asked with and the conversation's contact, so it pipes on without another lookup.
        /// </summary>
        private static MessageThread ToThread(ConversationObject conversation, UserIdentity user)
        {
            var contact = conversation.Contacts?.Contacts.FirstOrDefault(c => user.Id is null || c.Id == user.Id);
            var messages = new List<Message>();
            if (conversation.Source is { } source) messages.Add(ToMessage(conversation.CreatedAt, source.Url, source.Body, source.Author, contact));
            foreach (var part in conversation.Parts?.Parts ?? Array.Empty<ConversationPart>())
            {
                if (part.PartType == "comment") messages.Add(ToMessage(part.CreatedAt, null, part.Body, part.Author, contact));
            }
            return new MessageThread
            {
                ThreadId = long.Parse(conversation.Id!, NumberStyles.None, CultureInfo.InvariantCulture),
                ContactId = contact?.Id,
                Email = user.Email ?? messages.Select(message => message.From).FirstOrDefault(from => from is { IsAdmin: false })?.Email,
                UserId = user.UserId ?? contact?.ExternalId,
                CreatedAt = conversation.CreatedAt,
                UpdatedAt = conversation.UpdatedAt,
                Read = conversation.Read ?? false,
                CreatedByUser = conversation.Source?.DeliveredAs == "customer_initiated",
                MessageType = MessageTypeOf(conversation.Source?.Type),
                State = conversation.State,
                SnoozedUntil = conversation.SnoozedUntil,
                Messages = messages.ToArray(),
            };
        }

        /// <summary>
        /// v1's name for the channel, so a script that filters on v1's "inbox" finds the same threads on 2.x: a
        /// Messenger conversation (source type conversation) is what v1 called an inbox thread. The channels v1 had
        /// no threads for (email, sms, whatsapp...) keep 2.x's name; none of them is "inbox", so nothing is lost.
        /// </summary>
        private static string? MessageTypeOf(string? sourceType) => sourceType == "conversation" ? "inbox" : sourceType;

        private static Message ToMessage(DateTime? createdAt, string? url, string? body, PartAuthor? author, ConversationContact? contact) => new Message
        {
            CreatedAt = createdAt,
            Url = string.IsNullOrEmpty(url) ? null : url,
            Html = body,
            From = author is null ? null : new MessageAuthor
            {
                Email = author.Email,
                Name = author.Name,
                IsAdmin = author.Type == "admin",
                UserId = author.Type != "admin" && contact is not null && author.Id == contact.Id ? contact.ExternalId : null,
            },
        };
    }

    /// <summary>A conversation, with the parts GET /conversations/{id} includes (searches leave them out).</summary>
    internal sealed class ConversationObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null || !long.TryParse(Id, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? "a conversation without a numeric id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }
        [JsonPropertyName("snoozed_until"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? SnoozedUntil { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("read")] public bool? Read { get; set; }
        [JsonPropertyName("source")] public ConversationSource? Source { get; set; }
        [JsonPropertyName("contacts")] public ConversationContacts? Contacts { get; set; }
        [JsonPropertyName("conversation_parts")] public ConversationParts? Parts { get; set; }
    }

    internal sealed class ConversationSource
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("delivered_as")] public string? DeliveredAs { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("url")] public string? Url { get; set; }
        [JsonPropertyName("author")] public PartAuthor? Author { get; set; }
    }

    internal sealed class PartAuthor
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
    }

    internal sealed class ConversationContacts
    {
        [JsonPropertyName("contacts")] public ConversationContact[] Contacts { get; set; } = Array.Empty<ConversationContact>();
    }

    internal sealed class ConversationContact
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("external_id")] public string? ExternalId { get; set; }
    }

    internal sealed class ConversationParts
    {
        [JsonPropertyName("conversation_parts")] public ConversationPart[] Parts { get; set; } = Array.Empty<ConversationPart>();
    }

    internal sealed class ConversationPart
    {
        [JsonPropertyName("part_type")] public string? PartType { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("author")] public PartAuthor? Author { get; set; }
    }

    /// <summary>A page of POST /conversations/search: conversations without their parts, the whole count, and the next page's cursor.</summary>
    internal sealed class ConversationList
    {
        [JsonPropertyName("total_count")] public int TotalCount { get; set; }
        [JsonPropertyName("conversations")] public ConversationObject[] Conversations { get; set; } = Array.Empty<ConversationObject>();
        [JsonPropertyName("pages")] public ConversationPages? Pages { get; set; }
    }

    internal sealed class ConversationPages
    {
        [JsonPropertyName("next")] public ConversationCursor? Next { get; set; }
    }

    internal sealed class ConversationCursor
    {
        [JsonPropertyName("starting_after")] public string? StartingAfter { get; set; }
    }

    /// <summary>What POST /conversations answers: the contact's first message, naming the conversation it started.</summary>
    internal sealed class ConversationCreated : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => ConversationId is null ? "a message without its conversation_id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("conversation_id")] public string? ConversationId { get; set; }
    }
}
