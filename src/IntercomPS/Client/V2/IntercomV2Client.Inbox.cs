using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// The team inbox (<see cref="IConversationInbox"/>): the workspace's conversations by one search, any of them by
    /// id, and what admins do to them, each a request the description documents: replies and notes
    /// (POST .../reply, message_type comment or note), state and assignment (POST .../parts), tags
    /// (POST .../tags, DELETE .../tags/{id}); GET /admins and /teams. A user given means the conversation must be
    /// theirs, checked (with the conversation read) before anything is written.
    /// </summary>
    public sealed partial class IntercomV2Client
    {
        public IThreadReader ListConversations(ConversationQuery query, CancellationToken cancellationToken = default) =>
            new ConversationReader(this, query ?? throw new ArgumentNullException(nameof(query)), cancellationToken);

        public async Task<MessageThread> GetConversationAsync(long threadId, UserIdentity? user, bool plainText, CancellationToken cancellationToken = default) =>
            ToThread(user is null
                ? await ReadConversationAsync(threadId.ToString(CultureInfo.InvariantCulture), plainText, cancellationToken).ConfigureAwait(false)
                : await OwnConversationAsync(user, threadId, plainText, cancellationToken).ConfigureAwait(false), user, plainText);

        /// <summary>POST .../reply {message_type comment|note, type admin, admin_id, body}. Not idempotent: never repeated blindly.</summary>
        public async Task<MessageThread> ReplyAsAdminAsync(long threadId, UserIdentity? user, string body, string? adminId, bool note, CancellationToken cancellationToken = default)
        {
            RequireBody(body);
            var admin = await ActingAdminAsync(threadId, user, adminId, cancellationToken).ConfigureAwait(false);
            var conversation = await SendAsync(HttpMethod.Post, ConversationPath(threadId) + "/reply", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("message_type", note ? "note" : "comment");
                writer.WriteString("type", "admin");
                writer.WriteString("admin_id", admin);
                writer.WriteString("body", body);
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationObject, idempotent: false, cancellationToken).ConfigureAwait(false);
            return ToThread(conversation, user, plainText: false);
        }

        /// <summary>
        /// POST /messages {message_type inapp|email, subject, body, from admin, to the contact, and with
        /// OpenConversation create_conversation_without_contact_reply}, its answer returned as it is: nothing is read
        /// back, as the conversation exists only if Intercom opened one. The contact and the admin are found first, at
        /// once; the message is never sent twice (a lost answer, a timeout or a 5xx is an error with MayHaveBeenApplied,
        /// not a retry).
        /// </summary>
        public async Task<SentMessage> SendMessageAsync(UserIdentity user, OutboundMessage message, CancellationToken cancellationToken = default)
        {
            if (message is null) throw new ArgumentNullException(nameof(message));
            var contact = ContactIdAsync(user, cancellationToken);
            var admin = message.AdminId is { } given ? Task.FromResult(given) : AdminIdAsync(cancellationToken);
            await Task.WhenAll(contact, admin).ConfigureAwait(false);
            var (contactId, adminId) = (await contact.ConfigureAwait(false), await admin.ConfigureAwait(false));
            var sent = await SendAsync(HttpMethod.Post, "messages", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("message_type", message.IsEmail ? "email" : "inapp");
                if (message.Subject is { } subject) writer.WriteString("subject", subject);
                writer.WriteString("body", message.Body);
                writer.WriteStartObject("from");
                writer.WriteString("type", "admin");
                writer.WriteString("id", adminId);
                writer.WriteEndObject();
                writer.WriteStartObject("to");
                writer.WriteString("type", "user");
                writer.WriteString("id", contactId);
                writer.WriteEndObject();
                if (message.OpenConversation) writer.WriteBoolean("create_conversation_without_contact_reply", true);
                writer.WriteEndObject();
            }, V2JsonContext.Default.MessageSent, idempotent: false, cancellationToken).ConfigureAwait(false);
            return new SentMessage
            {
                MessageId = sent.Id,
                MessageType = sent.MessageType,
                Subject = string.IsNullOrEmpty(sent.Subject) ? null : sent.Subject,
                Body = sent.Body,
                SentAt = sent.CreatedAt,
                ConversationId = string.IsNullOrEmpty(sent.ConversationId) ? null : sent.ConversationId,
                FromAdminId = sent.Owner?.Id ?? adminId, // the description's message schema lists no owner: it was sent as this admin
                Email = user.Email,
                UserId = user.UserId,
                ContactId = contactId,
            };
        }

        /// <summary>The contact's reply to its own conversation: the conversation is read to learn whose it is.</summary>
        public async Task<MessageThread> ReplyAsContactAsync(long threadId, string body, CancellationToken cancellationToken = default)
        {
            RequireBody(body);
            var conversation = await ReadConversationAsync(threadId.ToString(CultureInfo.InvariantCulture), plainText: false, cancellationToken).ConfigureAwait(false);
            var contactId = conversation.Contacts?.Contacts.FirstOrDefault()?.Id
                ?? throw new IntercomApiException("GET", new Uri(BaseUri, ConversationPath(threadId)), null, IntercomApiException.InvalidResponseType,
                    $"Conversation {threadId} names no contact to reply as: reply as an admin (-AdminId or -AsAdmin).");
            return ToThread(await ReplyAsUserAsync(threadId, contactId, body, cancellationToken).ConfigureAwait(false), null, plainText: false);
        }

        public async Task<MessageThread> UpdateConversationAsync(long threadId, UserIdentity? user, ConversationChanges changes, CancellationToken cancellationToken = default)
        {
            if (changes is null || changes.IsEmpty) throw new ArgumentException("Give the conversation's read state, title or custom attributes to change.");
            if (user is not null) await OwnConversationAsync(user, threadId, plainText: false, cancellationToken).ConfigureAwait(false);
            return ToThread(await UpdateAsync(threadId, changes, cancellationToken).ConfigureAwait(false), user, plainText: false);
        }

        /// <summary>
        /// POST .../parts: message_type open, close (with the admin's words, when given) or snoozed with snoozed_until.
        /// Setting a state twice leaves the same state, so this is retried like any idempotent call.
        /// </summary>
        public async Task<MessageThread> SetConversationStateAsync(long threadId, UserIdentity? user, string state, DateTime? snoozedUntil, string? body, string? adminId,
            CancellationToken cancellationToken = default)
        {
            var messageType = MessageTypeFor(state, snoozedUntil, body);
            var admin = await ActingAdminAsync(threadId, user, adminId, cancellationToken).ConfigureAwait(false);
            var conversation = await SendAsync(HttpMethod.Post, ConversationPath(threadId) + "/parts", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("message_type", messageType);
                writer.WriteString("type", "admin");
                writer.WriteString("admin_id", admin);
                if (snoozedUntil is { } until) writer.WriteNumber("snoozed_until", UnixTime.FromDateTime(until));
                if (body is not null) writer.WriteString("body", body);
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            return ToThread(conversation, user, plainText: false);
        }

        /// <summary>
        /// POST .../parts {message_type assignment, type admin|team, assignee_id}: "0" unassigns that kind. Assigning
        /// twice leaves the same assignee, but a body would be written twice, so only a wordless one is retried.
        /// </summary>
        public async Task<MessageThread> AssignConversationAsync(long threadId, UserIdentity? user, bool team, string assigneeId, string? body, string? adminId,
            CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(assigneeId)) throw new ArgumentException($"Assigning a conversation needs the {(team ? "team" : "admin")}'s id.");
            var admin = await ActingAdminAsync(threadId, user, adminId, cancellationToken).ConfigureAwait(false);
            var conversation = await SendAsync(HttpMethod.Post, ConversationPath(threadId) + "/parts", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("message_type", "assignment");
                writer.WriteString("type", team ? "team" : "admin");
                writer.WriteString("admin_id", admin);
                writer.WriteString("assignee_id", assigneeId);
                if (body is not null) writer.WriteString("body", body);
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationObject, idempotent: body is null, cancellationToken).ConfigureAwait(false);
            return ToThread(conversation, user, plainText: false);
        }

        /// <summary>
        /// POST .../tags {id, admin_id} for each tag added and DELETE .../tags/{id} {admin_id} for each removed, in that
        /// order (each idempotent: tagging twice leaves one tag), then the conversation as it is now.
        /// </summary>
        public async Task<MessageThread> TagConversationAsync(long threadId, UserIdentity? user, IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, string? adminId,
            CancellationToken cancellationToken = default)
        {
            var admin = await ActingAdminAsync(threadId, user, adminId, cancellationToken).ConfigureAwait(false);
            foreach (var tagId in addTagIds)
            {
                await SendAsync(HttpMethod.Post, ConversationPath(threadId) + "/tags", writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", tagId);
                    writer.WriteString("admin_id", admin);
                    writer.WriteEndObject();
                }, V2JsonContext.Default.TagObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            }
            foreach (var tagId in removeTagIds)
            {
                await SendAsync(HttpMethod.Delete, ConversationPath(threadId) + "/tags/" + Uri.EscapeDataString(tagId), writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("admin_id", admin);
                    writer.WriteEndObject();
                }, V2JsonContext.Default.TagObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            }
            return ToThread(await ReadConversationAsync(threadId.ToString(CultureInfo.InvariantCulture), plainText: false, cancellationToken).ConfigureAwait(false), user, plainText: false);
        }

        /// <summary>
        /// POST .../customers {admin_id, customer {intercom_user_id}}, the user found first (by id, else external id or
        /// email): never by email, which Intercom answers by making a lead when no contact has it. Adding a contact
        /// taking part leaves it once, as tagging does, so this is retried like any idempotent call.
        /// </summary>
        public async Task<MessageThread> AddConversationUserAsync(long threadId, UserIdentity user, string? adminId, CancellationToken cancellationToken = default)
        {
            var (contactId, admin) = await ContactAndAdminAsync(user, adminId, cancellationToken).ConfigureAwait(false);
            var conversation = await SendAsync(HttpMethod.Post, ConversationPath(threadId) + "/customers", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("admin_id", admin);
                writer.WriteStartObject("customer");
                writer.WriteString("intercom_user_id", contactId);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            return ToThread(conversation, null, plainText: false);
        }

        /// <summary>
        /// DELETE .../customers/{contact_id} {admin_id}. Not idempotent: a repeat after a lost answer would be not_found
        /// for a contact already gone, so a lost answer is MayHaveBeenApplied.
        /// </summary>
        public async Task<MessageThread> RemoveConversationUserAsync(long threadId, UserIdentity user, string? adminId, CancellationToken cancellationToken = default)
        {
            var (contactId, admin) = await ContactAndAdminAsync(user, adminId, cancellationToken).ConfigureAwait(false);
            var conversation = await SendAsync(HttpMethod.Delete, ConversationPath(threadId) + "/customers/" + Uri.EscapeDataString(contactId), writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("admin_id", admin);
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationObject, idempotent: false, cancellationToken).ConfigureAwait(false);
            return ToThread(conversation, null, plainText: false);
        }

        /// <summary>The user's contact id and the acting admin (<paramref name="adminId"/>, else the session's), asked at once.</summary>
        private async Task<(string ContactId, string Admin)> ContactAndAdminAsync(UserIdentity user, string? adminId, CancellationToken cancellationToken)
        {
            var contact = ContactIdAsync(user, cancellationToken);
            var admin = adminId is null ? AdminIdAsync(cancellationToken) : Task.FromResult(adminId);
            await Task.WhenAll(contact, admin).ConfigureAwait(false);
            return (await contact.ConfigureAwait(false), await admin.ConfigureAwait(false));
        }

        /// <summary>DELETE /conversations/{id} (answered {id, object, deleted}). Not idempotent: a lost answer is MayHaveBeenApplied, never a repeat.</summary>
        public async Task DeleteConversationAsync(long threadId, CancellationToken cancellationToken = default) =>
            await SendAsync(HttpMethod.Delete, ConversationPath(threadId), null, V2JsonContext.Default.DeletedObject, idempotent: false, cancellationToken).ConfigureAwait(false);

        /// <summary>The most GET /conversations/deleted lists on a page (2.16's description).</summary>
        private const int DeletedPageSize = 60;

        public IPageReader<DeletedThread> ListDeletedConversations(int pageSize = int.MaxValue, CancellationToken cancellationToken = default)
        {
            var perPage = Math.Max(1, Math.Min(pageSize, DeletedPageSize));
            var check = new PagedReadCheck(HttpMethod.Get, new Uri(BaseUri, "conversations/deleted"), "deleted conversation", perPage, new SeenIds());
            var page = 0;
            var done = false;
            return new PageReader<DeletedThread>(async token =>
            {
                if (done) return (null, null);
                page++;
                var list = await SendAsync(HttpMethod.Get, $"conversations/deleted?page={page}&per_page={perPage}&order=desc", null,
                    V2JsonContext.Default.DeletedConversationList, idempotent: true, token).ConfigureAwait(false);
                check.Page(list.TotalCount, list.Conversations, deleted => deleted.Id, null);
                done = list.Conversations.Length == 0 || page >= (list.Pages?.TotalPages ?? page);
                return (list.Conversations.Length == 0 ? null : list.Conversations.Select(deleted => new DeletedThread
                {
                    ThreadId = long.TryParse(deleted.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0,
                    DeletedAt = deleted.DeletedAt,
                    MetricsRetained = deleted.MetricsRetained,
                }).ToArray(), list.TotalCount);
            }, cancellationToken);
        }

        /// <summary>POST /conversations/{id}/merge {merge_into_conversation_id}: the primary as answered. Not repeated once it may have been applied.</summary>
        public async Task<MessageThread> MergeConversationAsync(long threadId, long intoThreadId, CancellationToken cancellationToken = default) =>
            ToThread(await SendAsync(HttpMethod.Post, ConversationPath(threadId) + "/merge", writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("merge_into_conversation_id", intoThreadId); // the description's integer
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationObject, idempotent: false, cancellationToken).ConfigureAwait(false), null, plainText: false);

        /// <summary>POST /conversations/redact {type conversation_part, conversation_id, conversation_part_id}. Not repeated once it may have been applied.</summary>
        public Task<MessageThread> RedactPartAsync(long threadId, string partId, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(partId)) throw new ArgumentException("Name the part to redact by its id.", nameof(partId));
            return RedactAsync(threadId, "conversation_part", "conversation_part_id", partId, cancellationToken);
        }

        /// <summary>GET /conversations/{id} for its source's id, then POST /conversations/redact {type source, conversation_id, source_id}.</summary>
        public async Task<MessageThread> RedactSourceAsync(long threadId, CancellationToken cancellationToken = default)
        {
            var conversation = await ReadConversationAsync(threadId.ToString(CultureInfo.InvariantCulture), plainText: false, cancellationToken).ConfigureAwait(false);
            var sourceId = conversation.Source?.Id is { Length: > 0 } id ? id
                : throw new IntercomApiException("GET", new Uri(BaseUri, ConversationPath(threadId)), null, IntercomApiException.InvalidResponseType,
                    $"Conversation {threadId} names no source message to redact.");
            return await RedactAsync(threadId, "source", "source_id", sourceId, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Redacting is not repeated after a lost answer: what Intercom answers a second redaction of one part is not
        /// documented, so a retry could turn a success into an error (the failure says it may have been applied).
        /// </summary>
        private async Task<MessageThread> RedactAsync(long threadId, string type, string idField, string id, CancellationToken cancellationToken) =>
            ToThread(await SendAsync(HttpMethod.Post, "conversations/redact", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("type", type);
                writer.WriteString("conversation_id", threadId.ToString(CultureInfo.InvariantCulture));
                writer.WriteString(idField, id);
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationObject, idempotent: false, cancellationToken).ConfigureAwait(false), null, plainText: false);

        public async Task<Admin[]> ListAdminsAsync(CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Get, "admins", null, V2JsonContext.Default.AdminList, idempotent: true, cancellationToken).ConfigureAwait(false))
                .Admins.Select(ToAdmin).ToArray();

        public async Task<Admin> GetAdminAsync(string id, CancellationToken cancellationToken = default) =>
            ToAdmin(await SendAsync(HttpMethod.Get, "admins/" + Uri.EscapeDataString(id), null, V2JsonContext.Default.AdminObject, idempotent: true, cancellationToken).ConfigureAwait(false));

        public async Task<Team[]> ListTeamsAsync(CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Get, "teams", null, V2JsonContext.Default.TeamList, idempotent: true, cancellationToken).ConfigureAwait(false))
                .Teams.Select(ToTeam).ToArray();

        public async Task<Team> GetTeamAsync(string id, CancellationToken cancellationToken = default) =>
            ToTeam(await SendAsync(HttpMethod.Get, "teams/" + Uri.EscapeDataString(id), null, V2JsonContext.Default.TeamObject, idempotent: true, cancellationToken).ConfigureAwait(false));

        public async Task<TeamMetric[]> GetTeamMetricsAsync(string teamId, int? idleSeconds, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(teamId) || !teamId.All(c => c >= '0' && c <= '9'))
                throw new ArgumentException($"A team's Id is the number Intercom gave it, not '{teamId}'.");
            if (idleSeconds is < 1 or > 86400)
                throw new ArgumentException($"An idle threshold is from 1 second to 1 day (86400 seconds), not {idleSeconds} seconds.");
            var query = idleSeconds is { } seconds ? "?idle_threshold=" + seconds.ToString(CultureInfo.InvariantCulture) : string.Empty;
            var list = await SendAsync(HttpMethod.Get, $"teams/{teamId}/metrics{query}", null, V2JsonContext.Default.TeamMetricList, idempotent: true, cancellationToken).ConfigureAwait(false);
            return list.Data.Select(line => new TeamMetric { TeamId = teamId, AdminId = line.AdminId, Open = line.Open, Idle = line.Idle, Snoozed = line.Snoozed }).ToArray();
        }

        /// <summary>
        /// The admin an action is written by (<paramref name="adminId"/>, else the session's), once the conversation is
        /// known to be <paramref name="user"/>'s when one is given: both are asked at once, nothing is written before.
        /// </summary>
        private async Task<string> ActingAdminAsync(long threadId, UserIdentity? user, string? adminId, CancellationToken cancellationToken)
        {
            var admin = adminId is null ? AdminIdAsync(cancellationToken) : Task.FromResult(adminId);
            if (user is not null) await Task.WhenAll(OwnConversationAsync(user, threadId, plainText: false, cancellationToken), admin).ConfigureAwait(false);
            return await admin.ConfigureAwait(false);
        }

        /// <summary>The states a conversation can be put in, as the message_type that does it; snoozing needs an end, nothing else takes one, and only a close carries words.</summary>
        private static string MessageTypeFor(string state, DateTime? snoozedUntil, string? body)
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
            if (body is not null && messageType != "close") throw new ArgumentException($"Words go with a close or an assignment, which the description lets carry them, not with -State {state}: reply first (Add-IntercomMessageReply).");
            return messageType;
        }

        private static Admin ToAdmin(AdminObject admin) => new Admin
        {
            Id = admin.Id,
            Name = admin.Name,
            Email = admin.Email,
            JobTitle = string.IsNullOrEmpty(admin.JobTitle) ? null : admin.JobTitle,
            Away = admin.AwayModeEnabled ?? false,
            AwayReassign = admin.AwayModeReassign ?? false,
            AwayReasonId = admin.AwayStatusReasonId,
            HasInboxSeat = admin.HasInboxSeat ?? false,
            TeamIds = admin.TeamIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToArray(),
        };

        private static Team ToTeam(TeamObject team) => new Team
        {
            Id = team.Id,
            Name = team.Name,
            AdminIds = team.AdminIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToArray(),
        };
    }

    /// <summary>An admin as GET /admins and /admins/{id} write it.</summary>
    internal sealed class AdminObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "an admin without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("job_title")] public string? JobTitle { get; set; }
        [JsonPropertyName("away_mode_enabled")] public bool? AwayModeEnabled { get; set; }
        [JsonPropertyName("away_mode_reassign")] public bool? AwayModeReassign { get; set; }
        // An integer in the admin schema, but the string '12345' in the description's own example of PUT /admins/{id}/away.
        [JsonPropertyName("away_status_reason_id")]
        [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
        public long? AwayStatusReasonId { get; set; }
        [JsonPropertyName("has_inbox_seat")] public bool? HasInboxSeat { get; set; }
        [JsonPropertyName("team_ids")] public long[] TeamIds { get; set; } = Array.Empty<long>();
    }

    internal sealed class AdminList
    {
        [JsonPropertyName("admins")] public AdminObject[] Admins { get; set; } = Array.Empty<AdminObject>();
    }

    internal sealed class TeamObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "a team without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("admin_ids")] public long[] AdminIds { get; set; } = Array.Empty<long>();
    }

    internal sealed class TeamList
    {
        [JsonPropertyName("teams")] public TeamObject[] Teams { get; set; } = Array.Empty<TeamObject>();
    }

    /// <summary>GET /teams/{id}/metrics' team_metric.list (2.16).</summary>
    internal sealed class TeamMetricList
    {
        [JsonPropertyName("data")] public TeamMetricObject[] Data { get; set; } = Array.Empty<TeamMetricObject>();
    }

    internal sealed class TeamMetricObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => AdminId is null ? "a team metric without its admin_id" : null;

        [JsonPropertyName("admin_id")] public string? AdminId { get; set; }
        [JsonPropertyName("open")] public long Open { get; set; }
        [JsonPropertyName("idle")] public long Idle { get; set; }
        [JsonPropertyName("snoozed")] public long Snoozed { get; set; }
    }
}

namespace IntercomPS.Client.V2
{
    /// <summary>GET /conversations/deleted's answer (2.16): its pages' next is a URL, not a cursor, so only total_pages is read.</summary>
    internal sealed class DeletedConversationList
    {
        [System.Text.Json.Serialization.JsonPropertyName("conversations")] public DeletedConversationItem[] Conversations { get; set; } = System.Array.Empty<DeletedConversationItem>();
        [System.Text.Json.Serialization.JsonPropertyName("total_count")] public int TotalCount { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("pages")] public DeletedConversationPages? Pages { get; set; }
    }

    internal sealed class DeletedConversationPages
    {
        [System.Text.Json.Serialization.JsonPropertyName("total_pages")] public int? TotalPages { get; set; }
    }

    internal sealed class DeletedConversationItem
    {
        [System.Text.Json.Serialization.JsonPropertyName("id")] public string? Id { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("metrics_retained")] public bool MetricsRetained { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("deleted_at"), System.Text.Json.Serialization.JsonConverter(typeof(UnixTimeConverter))] public System.DateTime? DeletedAt { get; set; }
    }
}
