using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// Subscription types: GET /subscription_types, and a contact's choices (GET, POST /contacts/{id}/subscriptions,
    /// DELETE /contacts/{id}/subscriptions/{type id}), which <see cref="SubscriptionChange"/> reads and decides.
    /// </summary>
    public sealed partial class IntercomV2Client : ISubscriptions
    {
        public async Task<SubscriptionType[]> ListSubscriptionTypesAsync(CancellationToken cancellationToken = default)
        {
            var list = await SendAsync(HttpMethod.Get, "subscription_types", null, V2JsonContext.Default.SubscriptionTypeList, idempotent: true, cancellationToken).ConfigureAwait(false);
            new PagedReadCheck(HttpMethod.Get, new Uri(BaseUri, "subscription_types"), "subscription type", 1, new SeenIds()).Items(list.Data, type => type.Id);
            return list.Data.Select(type => type.ToSubscriptionType()).ToArray();
        }

        public async Task<UserSubscription[]> GetUserSubscriptionsAsync(UserIdentity user, IReadOnlyList<SubscriptionType>? defaults, CancellationToken cancellationToken = default)
        {
            var contactId = await ContactIdAsync(user, cancellationToken).ConfigureAwait(false);
            var chosen = await ChoicesAsync(contactId, cancellationToken).ConfigureAwait(false);
            var answer = chosen.Select(type => Subscription(user, contactId, type, attached: true)).ToList();
            if (defaults is not null)
            {
                answer.AddRange(defaults.Where(type => type.State == "live" && chosen.All(made => made.Id != type.Id))
                    .Select(type => Subscription(user, contactId, type, attached: false)));
            }
            return answer.ToArray();
        }

        /// <summary>
        /// Reads the contact's choices, then sends what <see cref="SubscriptionChange.Decide"/> says: an attach (POST,
        /// repeated after a lost answer, since attaching twice leaves one choice), a detach (DELETE, not repeated: a
        /// service may answer a second one not_found), or nothing.
        /// </summary>
        public async Task<UserSubscription> SetUserSubscriptionAsync(UserIdentity user, SubscriptionType type, bool receive, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(type.Id)) throw new ArgumentException("The subscription type has no id: get it with Get-IntercomSubscriptionType.");
            var contactId = await ContactIdAsync(user, cancellationToken).ConfigureAwait(false);
            var chosen = await ChoicesAsync(contactId, cancellationToken).ConfigureAwait(false);
            var attached = chosen.Any(made => made.Id == type.Id);
            var request = SubscriptionChange.Decide(type.ConsentType, receive, attached);
            var path = "contacts/" + Uri.EscapeDataString(contactId) + "/subscriptions";
            switch (request)
            {
                case SubscriptionRequest.Attach:
                    await SendAsync(HttpMethod.Post, path, writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", type.Id);
                        writer.WriteString("consent_type", type.ConsentType);
                        writer.WriteEndObject();
                    }, V2JsonContext.Default.SubscriptionTypeObject, idempotent: true, cancellationToken).ConfigureAwait(false);
                    break;
                case SubscriptionRequest.Detach:
                    await SendAsync(HttpMethod.Delete, path + "/" + Uri.EscapeDataString(type.Id), null, V2JsonContext.Default.SubscriptionTypeObject,
                        idempotent: false, cancellationToken).ConfigureAwait(false);
                    break;
            }
            var now = request == SubscriptionRequest.None ? attached : request == SubscriptionRequest.Attach;
            var answer = Subscription(user, contactId, type, now);
            answer.Changed = request != SubscriptionRequest.None;
            return answer;
        }

        public SubscriptionTypeFinder NewSubscriptionTypeFinder()
        {
            var gate = new object();
            Task<SubscriptionType[]>? listing = null;
            return async (idOrName, token) =>
            {
                Task<SubscriptionType[]> types;
                lock (gate)
                {
                    // A listing that failed is asked again by the next input rather than failing every one after it.
                    if (listing is null || listing.IsFaulted || listing.IsCanceled) listing = ListSubscriptionTypesAsync(token);
                    types = listing;
                }
                return SubscriptionTypeMatch.Pick(await types.ConfigureAwait(false), idOrName, new Uri(BaseUri, "subscription_types"));
            };
        }

        private async Task<SubscriptionType[]> ChoicesAsync(string contactId, CancellationToken cancellationToken)
        {
            var path = "contacts/" + Uri.EscapeDataString(contactId) + "/subscriptions";
            var list = await SendAsync(HttpMethod.Get, path, null, V2JsonContext.Default.SubscriptionTypeList, idempotent: true, cancellationToken).ConfigureAwait(false);
            new PagedReadCheck(HttpMethod.Get, new Uri(BaseUri, path), "subscription type", 1, new SeenIds()).Items(list.Data, type => type.Id);
            return list.Data.Select(type => type.ToSubscriptionType()).ToArray();
        }

        private static UserSubscription Subscription(UserIdentity user, string contactId, SubscriptionType type, bool attached) => new UserSubscription
        {
            ContactId = contactId,
            Email = user.Email,
            UserId = user.UserId,
            SubscriptionTypeId = type.Id,
            SubscriptionTypeName = type.Name,
            ConsentType = type.ConsentType,
            Receives = SubscriptionChange.Receives(type.ConsentType, attached),
            Explicit = attached,
        };
    }

    internal sealed class SubscriptionTypeObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "a subscription type without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("state")] public string? State { get; set; }
        [JsonPropertyName("consent_type")] public string? ConsentType { get; set; }
        [JsonPropertyName("content_types")] public string[]? ContentTypes { get; set; }
        [JsonPropertyName("default_translation")] public SubscriptionTranslationObject? DefaultTranslation { get; set; }
        [JsonPropertyName("translations")] public SubscriptionTranslationObject[]? Translations { get; set; }

        public SubscriptionType ToSubscriptionType() => new SubscriptionType
        {
            Id = Id,
            Name = DefaultTranslation?.Name,
            Description = DefaultTranslation?.Description,
            Locale = DefaultTranslation?.Locale,
            ConsentType = ConsentType,
            ContentTypes = ContentTypes ?? Array.Empty<string>(),
            State = State,
            Translations = (Translations ?? Array.Empty<SubscriptionTranslationObject>())
                .Select(t => new SubscriptionTypeTranslation { Name = t.Name, Description = t.Description, Locale = t.Locale }).ToArray(),
        };
    }

    internal sealed class SubscriptionTranslationObject
    {
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("locale")] public string? Locale { get; set; }
    }

    internal sealed class SubscriptionTypeList
    {
        [JsonPropertyName("data")] public SubscriptionTypeObject[] Data { get; set; } = Array.Empty<SubscriptionTypeObject>();
    }
}
