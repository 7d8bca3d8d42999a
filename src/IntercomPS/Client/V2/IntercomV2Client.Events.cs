using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// Data events: POST /events (always with created_at, which with the user and the name makes the event one: a
    /// retried POST is the same event, and Intercom ignores it), GET /events?type=user (and its summary), and
    /// POST /events/summaries.
    /// </summary>
    public sealed partial class IntercomV2Client : IDataEvents
    {
        /// <summary>
        /// Names the user by contact id, else user id, else email, as the API takes them (no lookup first). Retried like
        /// an idempotent request: Intercom deduplicates on the user, the name and created_at, so a repeat is ignored.
        /// </summary>
        public async Task<DataEvent> TrackEventAsync(UserIdentity user, string name, DateTime createdAt, IDictionary? metadata, CancellationToken cancellationToken = default)
        {
            if (user is null) throw new ArgumentNullException(nameof(user));
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("An event needs a name, like 'placed-order'.");
            var seconds = UnixTime.FromDateTime(createdAt);
            await SendAsync(HttpMethod.Post, "events", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("event_name", name);
                writer.WriteNumber("created_at", seconds);
                if (user.Id is { } id) writer.WriteString("id", id);
                else if (user.UserId is { } userId) writer.WriteString("user_id", userId);
                else writer.WriteString("email", user.Email);
                if (metadata is not null)
                {
                    writer.WritePropertyName("metadata");
                    FlatJson.WriteObject(writer, metadata, "Metadata");
                }
                writer.WriteEndObject();
            }, V2JsonContext.Default.NoContent, idempotent: true, cancellationToken).ConfigureAwait(false);
            var table = CustomDataConverter.NewTable();
            if (metadata is not null) foreach (DictionaryEntry entry in metadata) table[entry.Key] = entry.Value;
            return new DataEvent { EventName = name, CreatedAt = UnixTime.ToDateTime(seconds), Metadata = table, ContactId = user.Id, UserId = user.UserId, Email = user.Email };
        }

        /// <summary>
        /// The user's events: GET /events?type=user&amp;intercom_user_id= (the user's contact id found first, with the
        /// first page), then pages.next while it points back at this API. The list says no total_count.
        /// </summary>
        public IPageReader<DataEvent> ListEvents(UserIdentity user, CancellationToken cancellationToken = default)
        {
            if (user is null) throw new ArgumentNullException(nameof(user));
            string? contactId = null;
            string? path = null;
            PagedReadCheck? check = null;
            var done = false;
            return new PageReader<DataEvent>(async token =>
            {
                if (done) return (null, null);
                if (contactId is null)
                {
                    contactId = await ContactIdAsync(user, token).ConfigureAwait(false);
                    path = "events?type=user&intercom_user_id=" + Uri.EscapeDataString(contactId);
                    check = new PagedReadCheck(HttpMethod.Get, new Uri(BaseUri, path), "event", 1, new SeenIds());
                }
                var page = await SendAsync(HttpMethod.Get, path!, null, V2JsonContext.Default.EventList, idempotent: true, token).ConfigureAwait(false);
                // An event has no id: it is one per name and second, which is what is checked for repeats.
                check!.Items(page.Events, e => e.EventName + "\n" + e.CreatedAt?.ToString(CultureInfo.InvariantCulture));
                path = NextPath(page.Pages?.Next, check);
                done = path is null;
                return (page.Events.Length == 0 && done ? null : page.Events.Select(e => e.ToEvent(contactId)).ToArray(), null);
            }, cancellationToken);
        }

        public async Task<EventSummary[]> GetEventSummariesAsync(UserIdentity user, CancellationToken cancellationToken = default)
        {
            var contactId = await ContactIdAsync(user, cancellationToken).ConfigureAwait(false);
            var summary = await SendAsync(HttpMethod.Get, "events?type=user&summary=true&intercom_user_id=" + Uri.EscapeDataString(contactId), null,
                V2JsonContext.Default.EventList, idempotent: true, cancellationToken).ConfigureAwait(false);
            return summary.Events.Select(e => new EventSummary
            {
                Name = e.Name,
                Count = e.Count ?? 0,
                First = Iso(e.First),
                Last = Iso(e.Last),
                Description = string.IsNullOrEmpty(e.Description) ? null : e.Description,
                ContactId = contactId,
                UserId = string.IsNullOrEmpty(summary.UserId) ? null : summary.UserId,
                Email = string.IsNullOrEmpty(summary.Email) ? null : summary.Email,
            }).ToArray();
        }

        /// <summary>
        /// POST /events/summaries, which names the user by user id only: a user named otherwise is read first for it.
        /// Idempotent: a summary of the same name replaces the one before.
        /// </summary>
        public async Task<EventSummary> SubmitEventSummaryAsync(UserIdentity user, string name, long count, DateTime first, DateTime last, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A summary needs the event's name.");
            if (count < 1) throw new ArgumentException($"A summary counts at least one event, not {count}.");
            if (last < first) throw new ArgumentException("A summary's last event cannot be before its first.");
            var userId = user.UserId ?? (await FindContactAsync(user, cancellationToken).ConfigureAwait(false)).ExternalId
                ?? throw new ArgumentException($"{user} has no user id (external id), and POST /events/summaries names users by it: give the user one first (Set-IntercomUser -UserId).");
            await SendAsync(HttpMethod.Post, "events/summaries", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("user_id", userId);
                writer.WriteStartObject("event_summaries");
                writer.WriteString("event_name", name);
                writer.WriteNumber("count", count);
                writer.WriteNumber("first", UnixTime.FromDateTime(first));
                writer.WriteNumber("last", UnixTime.FromDateTime(last));
                writer.WriteEndObject();
                writer.WriteEndObject();
            }, V2JsonContext.Default.NoContent, idempotent: true, cancellationToken).ConfigureAwait(false);
            return new EventSummary { Name = name, Count = count, First = UnixTime.ToDateTime(UnixTime.FromDateTime(first)), Last = UnixTime.ToDateTime(UnixTime.FromDateTime(last)), ContactId = user.Id, UserId = userId, Email = user.Email };
        }

        /// <summary>A next link that points back at this API (same scheme, host and port) as a path to request; anything else ends the walk, never followed elsewhere.</summary>
        private string? NextPath(string? next, PagedReadCheck check)
        {
            if (string.IsNullOrEmpty(next)) return null;
            check.Cursor(next);
            if (!Uri.TryCreate(BaseUri, next, out var link) || Uri.Compare(link, BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
                throw new IntercomApiException("GET", BaseUri, HttpStatusCode.OK, IntercomApiException.InvalidResponseType,
                    $"Intercom's next page of events is at '{next}', which is not this API ({BaseUri}): it was not followed.");
            return BaseUri.MakeRelativeUri(link).ToString();
        }

        private static DateTime? Iso(string? text) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when.UtcDateTime : (DateTime?)null;
    }

    /// <summary>GET /events: an event.list (events, pages.next) or an event.summary (events of name, count, first, last; and the user).</summary>
    internal sealed class EventList
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("events")] public EventObject[] Events { get; set; } = Array.Empty<EventObject>();
        [JsonPropertyName("pages")] public EventPages? Pages { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
    }

    internal sealed class EventPages
    {
        [JsonPropertyName("next")] public string? Next { get; set; }
    }

    internal sealed class EventObject
    {
        [JsonPropertyName("event_name")] public string? EventName { get; set; }
        [JsonPropertyName("created_at")] public long? CreatedAt { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("metadata"), JsonConverter(typeof(CustomDataConverter))] public Hashtable? Metadata { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("count")] public long? Count { get; set; }
        [JsonPropertyName("first")] public string? First { get; set; }
        [JsonPropertyName("last")] public string? Last { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }

        public DataEvent ToEvent(string contactId) => new DataEvent
        {
            EventName = EventName,
            CreatedAt = CreatedAt is { } seconds ? UnixTime.TryToDateTime(seconds) : null,
            Metadata = Metadata ?? CustomDataConverter.NewTable(),
            ContactId = contactId,
            UserId = UserId,
            Email = Email,
        };
    }
}
