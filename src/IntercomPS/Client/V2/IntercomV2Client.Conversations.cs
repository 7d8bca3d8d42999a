using System;
using System.Collections;
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
    /// Message threads as conversations: a user's are one conversation search on contact_ids (the same reader as the
    /// workspace's listing, <see cref="ConversationReader"/>), one is GET /conversations/{id}; the contact starts one
    /// (POST /conversations) and replies (POST .../reply); read state is PUT /conversations/{id}. The conversation's
    /// source is a thread's first message, its comment parts the rest; every part is in <see cref="MessageThread.Parts"/>.
    /// </summary>
    public sealed partial class IntercomV2Client
    {
        /// <summary>
        /// Every conversation of the user: the whole search walked (and checked) first, then each read in full. 2.x has no
        /// auto messages for the page a user is on: <paramref name="currentUrl"/> is v1's.
        /// </summary>
        public async Task<MessageThread[]> GetMessageThreadsAsync(UserIdentity user, string? currentUrl = null, CancellationToken cancellationToken = default)
        {
            var reader = new ConversationReader(this, new ConversationQuery { User = user }, cancellationToken);
            var ids = new List<string>();
            for (var page = await reader.NextIdsAsync().ConfigureAwait(false); page is not null; page = await reader.NextIdsAsync().ConfigureAwait(false))
                ids.AddRange(page);
            return await ReadInFullAsync(ids, user, plainText: false, cancellationToken).ConfigureAwait(false);
        }

        public Task<MessageThread> GetMessageThreadAsync(UserIdentity user, long threadId, CancellationToken cancellationToken = default) =>
            GetConversationAsync(threadId, user, plainText: false, cancellationToken);

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
                return ToThread(await ReadConversationAsync(created.ConversationId!, plainText: false, cancellationToken).ConfigureAwait(false), user, plainText: false);
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
            return ToThread(await ReplyAsUserAsync(threadId, contactId, body, cancellationToken).ConfigureAwait(false), user, plainText: false);
        }

        /// <summary>PUT /conversations/{id} {read}, once the conversation is known to be the user's.</summary>
        public async Task<MessageThread> MarkMessageThreadAsync(UserIdentity user, long threadId, bool read, CancellationToken cancellationToken = default)
        {
            await OwnConversationAsync(user, threadId, plainText: false, cancellationToken).ConfigureAwait(false);
            return ToThread(await UpdateAsync(threadId, new ConversationChanges { Read = read }, cancellationToken).ConfigureAwait(false), user, plainText: false);
        }

        private Task<ConversationObject> ReplyAsUserAsync(long threadId, string contactId, string body, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, ConversationPath(threadId) + "/reply", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("message_type", "comment");
                writer.WriteString("type", "user");
                writer.WriteString("intercom_user_id", contactId);
                writer.WriteString("body", body);
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationObject, idempotent: false, cancellationToken);

        /// <summary>PUT /conversations/{id} with what the changes set: the same body twice leaves the same conversation, so it is retried.</summary>
        private Task<ConversationObject> UpdateAsync(long threadId, ConversationChanges changes, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Put, ConversationPath(threadId), writer =>
            {
                writer.WriteStartObject();
                if (changes.Read is { } read) writer.WriteBoolean("read", read);
                if (changes.Title is not null) writer.WriteString("title", changes.Title);
                if (changes.CustomData is not null)
                {
                    writer.WritePropertyName("custom_attributes");
                    FlatJson.WriteObject(writer, changes.CustomData, "CustomData");
                }
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationObject, idempotent: true, cancellationToken);

        private static void RequireBody(string body)
        {
            if (string.IsNullOrWhiteSpace(body)) throw new ArgumentException("A message needs a body.");
        }

        /// <summary>GET /conversations/{id}, with its parts; bodies as plain text with display_as=plaintext.</summary>
        private Task<ConversationObject> ReadConversationAsync(string id, bool plainText, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, "conversations/" + Uri.EscapeDataString(id) + (plainText ? "?display_as=plaintext" : string.Empty), null,
                V2JsonContext.Default.ConversationObject, idempotent: true, cancellationToken);

        /// <summary>Conversations by id, read in full (<see cref="Concurrency.ConversationReads"/> at a time), in the order given, as threads.</summary>
        internal async Task<MessageThread[]> ReadInFullAsync(IEnumerable<string> ids, UserIdentity? user, bool plainText, CancellationToken cancellationToken)
        {
            var reads = new RequestScheduler(Concurrency.ConversationReads);
            var conversations = await Task.WhenAll(ids.Select(id => reads.RunAsync(() => ReadConversationAsync(id, plainText, cancellationToken), cancellationToken))).ConfigureAwait(false);
            return conversations.Select(conversation => ToThread(conversation, user, plainText)).ToArray();
        }

        /// <summary>The conversation, if it is the user's: a thread id names a thread of the user given, as it did on v1.</summary>
        private async Task<ConversationObject> OwnConversationAsync(UserIdentity user, long threadId, bool plainText, CancellationToken cancellationToken)
        {
            var contact = ContactIdAsync(user, cancellationToken);
            var read = ReadConversationAsync(threadId.ToString(CultureInfo.InvariantCulture), plainText, cancellationToken);
            await Task.WhenAll(contact, read).ConfigureAwait(false);
            var contactId = await contact.ConfigureAwait(false);
            var conversation = await read.ConfigureAwait(false);
            if (conversation.Contacts?.Contacts.Any(c => c.Id == contactId) == true) return conversation;
            throw new IntercomLookupException("GET", new Uri(BaseUri, ConversationPath(threadId)), IntercomApiException.NotFoundType,
                $"Conversation {threadId} is not one of {user}'s conversations.");
        }

        private static string ConversationPath(long threadId) => "conversations/" + threadId.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// A conversation as the thread v1 showed: its source is the first message, its comment parts the rest (notes,
        /// state changes and assignments are not messages to the user); every part is in <see cref="MessageThread.Parts"/>
        /// with its type and author. Stamped with whose it is, from the identity asked with (when there is one) and the
        /// conversation's contact, so it pipes on without another lookup.
        /// </summary>
        private static MessageThread ToThread(ConversationObject conversation, UserIdentity? user, bool plainText)
        {
            var contact = conversation.Contacts?.Contacts.FirstOrDefault(c => user?.Id is null || c.Id == user.Id);
            var messages = new List<Message>();
            var parts = new List<ThreadPart>();
            var threadId = long.Parse(conversation.Id!, NumberStyles.None, CultureInfo.InvariantCulture);
            if (conversation.Source is { } source) messages.Add(ToMessage(conversation.CreatedAt, source.Url, source.Body, source.Author, contact, plainText, source.Redacted));
            foreach (var part in conversation.Parts?.Parts ?? Array.Empty<ConversationPart>())
            {
                if (part.PartType == "comment") messages.Add(ToMessage(part.CreatedAt, null, part.Body, part.Author, contact, plainText, part.Redacted));
                parts.Add(new ThreadPart
                {
                    ThreadId = threadId,
                    Id = part.Id,
                    Type = part.PartType,
                    CreatedAt = part.CreatedAt,
                    Html = plainText ? null : part.Body,
                    Text = plainText ? part.Body : null,
                    From = ToAuthor(part.Author, contact),
                    AssignedTo = part.AssignedTo is { Type: { } type, Id: { } id } ? $"{type} {id}" : null,
                    Redacted = part.Redacted ?? false,
                });
            }
            return new MessageThread
            {
                ThreadId = threadId,
                ContactId = contact?.Id,
                ContactIds = conversation.Contacts?.Contacts.Select(c => c.Id).OfType<string>().ToArray() ?? Array.Empty<string>(),
                // The thread's user is a contact still in it (the 2.14 schema's contacts), not source.author, who may have
                // left: its email is the one its own messages carry (contact references have none), else none at all.
                Email = user?.Email ?? messages.Select(message => message.From)
                    .FirstOrDefault(from => from is { IsAdmin: false } && (contact is null || from.Id == contact.Id))?.Email,
                UserId = user?.UserId ?? contact?.ExternalId,
                CreatedAt = conversation.CreatedAt,
                UpdatedAt = conversation.UpdatedAt,
                Read = conversation.Read ?? false,
                CreatedByUser = conversation.Source?.DeliveredAs == "customer_initiated",
                MessageType = MessageTypeOf(conversation.Source?.Type),
                Subject = string.IsNullOrEmpty(conversation.Source?.Subject) ? null : conversation.Source!.Subject,
                Title = string.IsNullOrEmpty(conversation.Title) ? null : conversation.Title,
                CustomData = conversation.CustomAttributes ?? CustomDataConverter.NewTable(),
                State = conversation.State,
                SnoozedUntil = conversation.SnoozedUntil,
                // 2.16 writes an unassigned conversation's assignees as 0, 2.14 as null: none either way.
                AdminAssigneeId = conversation.AdminAssigneeId is { } admin && admin != 0 ? admin.ToString(CultureInfo.InvariantCulture) : null,
                TeamAssigneeId = conversation.TeamAssigneeId is { } team && team != 0 ? team.ToString(CultureInfo.InvariantCulture) : null,
                Tags = (conversation.Tags?.Tags ?? Array.Empty<TagObject>()).Select(tag => new Tag { Id = tag.Id, Name = tag.Name }).ToArray(),
                Messages = messages.ToArray(),
                Parts = parts.ToArray(),
            };
        }

        /// <summary>
        /// v1's name for the channel, so a script that filters on v1's "inbox" finds the same threads on 2.x: a
        /// Messenger conversation (source type conversation) is what v1 called an inbox thread. The channels v1 had
        /// no threads for (email, sms, whatsapp...) keep 2.x's name; none of them is "inbox", so nothing is lost.
        /// </summary>
        private static string? MessageTypeOf(string? sourceType) => sourceType == "conversation" ? "inbox" : sourceType;

        private static Message ToMessage(DateTime? createdAt, string? url, string? body, PartAuthor? author, ConversationContact? contact, bool plainText, bool? redacted) => new Message
        {
            Redacted = redacted ?? false,
            CreatedAt = createdAt,
            Url = string.IsNullOrEmpty(url) ? null : url,
            Html = plainText ? null : body,
            Text = plainText ? body : null,
            From = ToAuthor(author, contact),
        };

        private static MessageAuthor? ToAuthor(PartAuthor? author, ConversationContact? contact) => author is null ? null : new MessageAuthor
        {
            Email = author.Email,
            Name = author.Name,
            IsAdmin = author.Type == "admin",
            Type = author.Type,
            Id = author.Id,
            UserId = author.Type != "admin" && contact is not null && author.Id == contact.Id ? contact.ExternalId : null,
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
        [JsonPropertyName("admin_assignee_id")] public long? AdminAssigneeId { get; set; }
        [JsonPropertyName("team_assignee_id")] public long? TeamAssigneeId { get; set; }
        [JsonPropertyName("tags")] public TagListObject? Tags { get; set; }
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("custom_attributes"), JsonConverter(typeof(CustomDataConverter))] public Hashtable? CustomAttributes { get; set; }
    }

    /// <summary>A tag.list as conversations and articles carry it: {type, tags: [tag]}.</summary>
    internal sealed class TagListObject
    {
        [JsonPropertyName("tags")] public TagObject[] Tags { get; set; } = Array.Empty<TagObject>();
    }

    internal sealed class ConversationSource
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("redacted")] public bool? Redacted { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("delivered_as")] public string? DeliveredAs { get; set; }
        [JsonPropertyName("subject")] public string? Subject { get; set; }
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

    /// <summary>A {type, id} reference: whom an assignment part assigned the conversation to.</summary>
    internal sealed class PartReference
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("id")] public string? Id { get; set; }
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
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("part_type")] public string? PartType { get; set; }
        [JsonPropertyName("redacted")] public bool? Redacted { get; set; }
        [JsonPropertyName("assigned_to")] public PartReference? AssignedTo { get; set; }
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

    /// <summary>
    /// What POST /messages answers: the admin's message, and the conversation it opened if Intercom opened one (the
    /// description: none until the contact replies, unless create_conversation_without_contact_reply asked for it).
    /// </summary>
    internal sealed class MessageSent : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => string.IsNullOrEmpty(Id) ? "a message without its id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("message_type")] public string? MessageType { get; set; }
        [JsonPropertyName("subject")] public string? Subject { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("conversation_id")] public string? ConversationId { get; set; }
        [JsonPropertyName("owner")] public PartReference? Owner { get; set; }
    }
}
