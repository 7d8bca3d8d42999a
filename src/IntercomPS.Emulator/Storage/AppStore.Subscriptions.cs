using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Subscription types and the contacts' explicit choices about them. The workspace defines the types (here /admin
/// does, since the API only reads them); a contact attached to an opt_out type has opted out of it, one attached to an
/// opt_in type has opted in, and detaching returns the contact to the type's default.
/// </summary>
internal sealed partial class AppStore
{
    private const string SubscriptionTypeColumns = "st.id, st.name, st.description, st.locale, st.consent_type, st.content_types, st.state";

    public Task<IReadOnlyList<SubscriptionTypeRecord>> ListSubscriptionTypesAsync() => Task.FromResult<IReadOnlyList<SubscriptionTypeRecord>>(db.Read(s =>
        s.Query($"SELECT {SubscriptionTypeColumns} FROM subscription_types st WHERE st.app = $app ORDER BY st.id", ReadSubscriptionType, ("$app", app))));

    /// <summary>The types the contact made an explicit choice about (an unknown contact is 2.14's "User Not Found").</summary>
    public Task<IReadOnlyList<SubscriptionTypeRecord>> ListContactSubscriptionsAsync(string contactId) => Task.FromResult<IReadOnlyList<SubscriptionTypeRecord>>(db.Read(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        return s.Query($"SELECT {SubscriptionTypeColumns} FROM contact_subscriptions cs JOIN subscription_types st ON st.id = cs.type_id WHERE cs.user_seq = $user ORDER BY st.id",
            ReadSubscriptionType, ("$user", contact.User.Seq));
    }));

    /// <summary>Attaches the contact to the type (again is no change); consent_type must be the type's own.</summary>
    public Task<SubscriptionTypeRecord> AttachSubscriptionAsync(string contactId, string typeId, string consentType) => db.WriteAsync(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var type = SubscriptionTypeById(s, typeId) ?? throw SubscriptionTypeNotFound();
        type.CheckConsent(consentType);
        s.Execute("INSERT OR IGNORE INTO contact_subscriptions (user_seq, type_id) VALUES ($user, $type)", ("$user", contact.User.Seq), ("$type", long.Parse(type.Id, CultureInfo.InvariantCulture)));
        return type;
    });

    /// <summary>Detaches the contact from the type, back to its default; a type the contact was not attached to is no change, answered the same.</summary>
    public Task<SubscriptionTypeRecord> DetachSubscriptionAsync(string contactId, string typeId) => db.WriteAsync(s =>
    {
        var contact = Find(s, contactId) ?? throw ContactNotFound();
        var type = SubscriptionTypeById(s, typeId) ?? throw SubscriptionTypeNotFound();
        s.Execute("DELETE FROM contact_subscriptions WHERE user_seq = $user AND type_id = $type", ("$user", contact.User.Seq), ("$type", long.Parse(type.Id, CultureInfo.InvariantCulture)));
        return type;
    });

    /// <summary>/admin's definition of a new subscription type (checked by the caller).</summary>
    public Task<SubscriptionTypeRecord> SeedSubscriptionTypeAsync(string name, string description, string locale, string consentType, IReadOnlyList<string> contentTypes, string state) => db.WriteAsync(s =>
    {
        var id = s.Scalar<long>("""
            INSERT INTO subscription_types (app, name, description, locale, consent_type, content_types, state)
            VALUES ($app, $name, $description, $locale, $consent, $contents, $state) RETURNING id
            """, ("$app", app), ("$name", name), ("$description", description), ("$locale", locale), ("$consent", consentType),
            ("$contents", JsonSerializer.Serialize(contentTypes)), ("$state", state));
        return SubscriptionTypeById(s, id.ToString(CultureInfo.InvariantCulture))!;
    });

    /// <summary>The app's type of that id: a positive whole number; anything else names none.</summary>
    private SubscriptionTypeRecord? SubscriptionTypeById(DbSession s, string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) && numeric > 0
            ? s.First($"SELECT {SubscriptionTypeColumns} FROM subscription_types st WHERE st.app = $app AND st.id = $id", ReadSubscriptionType, ("$app", app), ("$id", numeric))
            : null;

    private static SubscriptionTypeRecord ReadSubscriptionType(SqliteDataReader r) => new(
        r.GetInt64(0).ToString(CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        JsonSerializer.Deserialize<List<string>>(r.GetString(5)) ?? [], r.GetString(6));

    /// <summary>2.14's 404 for a subscription type: not_found "Resource Not Found", as the description documents it.</summary>
    public static ApiError SubscriptionTypeNotFound() => new(404, "not_found", "Resource Not Found") { Code = "not_found" };
}
