using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>
    /// Subscription types and each user's choices about them, which only REST API 2.x has. What a user's choice means
    /// depends on the type's consent: <see cref="SubscriptionChange"/> is the one place that says so.
    /// </summary>
    public interface ISubscriptions
    {
        /// <summary>GET /subscription_types: the workspace's types, every state.</summary>
        Task<SubscriptionType[]> ListSubscriptionTypesAsync(CancellationToken cancellationToken = default);

        /// <summary>
        /// The types the user made an explicit choice about (GET /contacts/{id}/subscriptions), and, when
        /// <paramref name="defaults"/> is given, each other live type of it with the default the user gets.
        /// </summary>
        Task<UserSubscription[]> GetUserSubscriptionsAsync(UserIdentity user, IReadOnlyList<SubscriptionType>? defaults, CancellationToken cancellationToken = default);

        /// <summary>
        /// Makes the user receive the type, or not: reads the user's choices, then attaches (POST), detaches (DELETE) or
        /// sends nothing, as <see cref="SubscriptionChange.Decide"/> says. The answer's Changed says which.
        /// </summary>
        Task<UserSubscription> SetUserSubscriptionAsync(UserIdentity user, SubscriptionType type, bool receive, CancellationToken cancellationToken = default);

        /// <summary>Finds subscription types by id or name out of one listing, made when first asked: one finder per command.</summary>
        SubscriptionTypeFinder NewSubscriptionTypeFinder();
    }

    /// <summary>What a change of a user's subscription sends.</summary>
    public enum SubscriptionRequest
    {
        /// <summary>Nothing: the user already is as asked.</summary>
        None,

        /// <summary>POST /contacts/{id}/subscriptions: the user makes the type's one explicit choice.</summary>
        Attach,

        /// <summary>DELETE /contacts/{id}/subscriptions/{type}: the user goes back to the type's default.</summary>
        Detach,
    }

    /// <summary>
    /// The one rule of subscription types. An opt_out type reaches everyone by default, and a user attached to it has
    /// opted out; an opt_in type reaches nobody by default, and a user attached to it has opted in. Detaching is the
    /// default again.
    /// </summary>
    public static class SubscriptionChange
    {
        public const string OptOut = "opt_out";
        public const string OptIn = "opt_in";

        /// <summary>Whether a user attached to a type of <paramref name="consentType"/> (or not) receives it.</summary>
        public static bool Receives(string? consentType, bool attached) => Known(consentType) == OptIn ? attached : !attached;

        /// <summary>
        /// What to send so that a user who is <paramref name="attached"/> (or not) to a type of
        /// <paramref name="consentType"/> receives it (<paramref name="receive"/>) or not: opt_out and not receiving,
        /// or opt_in and receiving, is attached; the other two are detached; already so is nothing.
        /// </summary>
        public static SubscriptionRequest Decide(string? consentType, bool receive, bool attached)
        {
            var attach = Known(consentType) == OptIn ? receive : !receive;
            if (attach == attached) return SubscriptionRequest.None;
            return attach ? SubscriptionRequest.Attach : SubscriptionRequest.Detach;
        }

        private static string Known(string? consentType) => consentType is OptOut or OptIn
            ? consentType
            : throw new ArgumentException($"The subscription type's consent type is '{consentType}', neither {OptOut} nor {OptIn}: what a choice about it means is unknown, so nothing was sent.");
    }

    /// <summary>
    /// The subscription type <paramref name="idOrName"/> names: its id, else its name (ignoring case, an exact match
    /// first). None is not_found and several are ambiguous_subscription_type, both naming what there is; safe to call from many threads.
    /// </summary>
    public delegate Task<SubscriptionType> SubscriptionTypeFinder(string idOrName, CancellationToken cancellationToken);

    /// <summary>How a finder picks a type out of the workspace's listing (shared by the clients, no requests of its own).</summary>
    public static class SubscriptionTypeMatch
    {
        public const string AmbiguousType = "ambiguous_subscription_type";

        public static SubscriptionType Pick(IReadOnlyList<SubscriptionType> types, string idOrName, Uri listing)
        {
            var byId = types.FirstOrDefault(type => type.Id == idOrName);
            if (byId is not null) return byId;
            var named = types.Where(type => string.Equals(type.Name, idOrName, StringComparison.Ordinal)).ToList();
            if (named.Count == 0) named = types.Where(type => string.Equals(type.Name, idOrName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count == 1) return named[0];
            if (named.Count == 0)
            {
                var known = types.Count == 0 ? "the workspace has none" : string.Join(", ", types.Select(type => $"'{type.Name}' ({type.Id})"));
                throw new IntercomLookupException("GET", listing, IntercomApiException.NotFoundType,
                    $"No subscription type is named '{idOrName}' or has that id: Get-IntercomSubscriptionType lists them ({known}).");
            }
            throw new IntercomLookupException("GET", listing, AmbiguousType,
                $"{named.Count} subscription types are named '{idOrName}': {string.Join(", ", named.Select(type => $"{type.Id} ({type.ConsentType}, {string.Join("/", type.ContentTypes)}, {type.State})"))}. Name one by its id.");
        }
    }
}
