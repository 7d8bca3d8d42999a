using System;
using System.Collections.Generic;

namespace IntercomPS
{
    /// <summary>
    /// A subscription type of the workspace (REST API 2.x): a kind of email or SMS message people can stop or start
    /// receiving, such as "Newsletters". ConsentType says who receives it by default: opt_out, everyone until they opt
    /// out; opt_in, nobody until they opt in. ContentTypes is email and/or sms_message; State live, draft or archived.
    /// Name and Description are its default translation (in Locale); Translations holds every locale's.
    /// </summary>
    public sealed class SubscriptionType
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Locale { get; set; }
        public string? ConsentType { get; set; }
        public string[] ContentTypes { get; set; } = Array.Empty<string>();
        public string? State { get; set; }
        public IReadOnlyList<SubscriptionTypeTranslation> Translations { get; set; } = Array.Empty<SubscriptionTypeTranslation>();

        public override string ToString() => Name ?? Id ?? string.Empty;
    }

    /// <summary>A subscription type's name and description in one locale.</summary>
    public sealed class SubscriptionTypeTranslation
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Locale { get; set; }

        public override string ToString() => $"{Locale}: {Name}";
    }

    /// <summary>
    /// Whether one user receives one subscription type (REST API 2.x). Explicit is true when the user made that choice
    /// (Intercom lists the user as attached to the type: opted out of an opt_out type, or into an opt_in one), false
    /// when it is the type's default. The user is named by its contact id and the email and user id it was asked for
    /// with, so it pipes on to the per-user cmdlets; SubscriptionTypeId binds Set-IntercomUserSubscription -SubscriptionType.
    /// Changed, after Set-IntercomUserSubscription, says whether a request changed the choice (false: it already was so).
    /// </summary>
    public sealed class UserSubscription
    {
        public string? ContactId { get; set; }
        public string? Email { get; set; }
        public string? UserId { get; set; }
        public string? SubscriptionTypeId { get; set; }
        public string? SubscriptionTypeName { get; set; }
        public string? ConsentType { get; set; }
        public bool Receives { get; set; }
        public bool Explicit { get; set; }
        public bool? Changed { get; set; }

        public override string ToString() => $"{Email ?? UserId ?? ContactId}: {(Receives ? "receives" : "does not receive")} {SubscriptionTypeName ?? SubscriptionTypeId}";
    }
}
