using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// The search that finds the contact a <see cref="UserIdentity"/> names: role user, and the external id when
    /// there is one (as v1 preferred user_id), else the email.
    /// </summary>
    internal static class ContactLookup
    {
        /// <summary>Two are enough to tell "exactly one" from "several".</summary>
        public const int ProbeSize = 2;

        /// <param name="role">The role of the contacts searched: user, or lead (which are found by email).</param>
        public static void WriteSearch(Utf8JsonWriter writer, UserIdentity user, int perPage, string role = "user")
        {
            writer.WriteStartObject();
            writer.WriteStartObject("query");
            writer.WriteString("operator", "AND");
            writer.WriteStartArray("value");
            WriteFilter(writer, "role", "=", role);
            if (user.UserId is { } externalId) WriteFilter(writer, "external_id", "=", externalId);
            else WriteFilter(writer, "email", "=", user.Email!);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("pagination");
            writer.WriteNumber("per_page", perPage);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        /// <summary>A search's pagination (a page of <paramref name="perPage"/> after <paramref name="cursor"/>) and its sort: oldest first, as listings go.</summary>
        public static void WritePageOldestFirst(Utf8JsonWriter writer, int perPage, string? cursor)
        {
            writer.WriteStartObject("pagination");
            writer.WriteNumber("per_page", perPage);
            if (cursor is not null) writer.WriteString("starting_after", cursor);
            writer.WriteEndObject();
            writer.WriteStartObject("sort");
            writer.WriteString("field", "created_at");
            writer.WriteString("order", "ascending");
            writer.WriteEndObject();
        }

        public static void WriteFilter(Utf8JsonWriter writer, string field, string op, string value)
        {
            writer.WriteStartObject();
            writer.WriteString("field", field);
            writer.WriteString("operator", op);
            writer.WriteString("value", value);
            writer.WriteEndObject();
        }

        /// <summary>
        /// The one rule for a lookup's answer: exactly one user with an id, else not_found (none) or ambiguous_user
        /// (several), never a guess; either is an <see cref="IntercomLookupException"/>, with no HTTP status (the search answered).
        /// </summary>
        public static void RequireOne(UserIdentity user, int totalCount, int returned, string? firstId, Uri searchUri)
        {
            if (returned == 0 || firstId is null) throw NoneFound(user, "POST", searchUri);
            if (totalCount > 1 || returned > 1)
                throw new IntercomLookupException("POST", searchUri, IntercomApiException.AmbiguousUserType,
                    $"{totalCount} users (contacts with role user) have {Describe(user)}, so which one is meant is unclear; name it by -Id (the contact id), e.g. {firstId}.");
        }

        /// <summary>
        /// No user has what <paramref name="user"/> names: the lookup's own finding, with no HTTP status. A search (by
        /// email) adds that a contact made in the last minutes may not be searchable yet.
        /// </summary>
        public static IntercomLookupException NoneFound(UserIdentity user, string method, Uri request) =>
            new IntercomLookupException(method, request, IntercomApiException.NotFoundType,
                $"No user (contact with role user) has {Describe(user)}." + (user.UserId is null
                    ? " A contact created in the last few minutes may not be searchable yet (Intercom's search lags behind its writes); by -Id or -UserId it is found at once."
                    : string.Empty));

        /// <summary>How a user is named in errors: by what the search used.</summary>
        public static string Describe(UserIdentity user) => user.UserId is { } id ? $"external_id '{id}'" : $"email '{user.Email}'";
    }

    /// <summary>Just the ids of a contact search's matches.</summary>
    internal sealed class ContactRefList
    {
        [JsonPropertyName("total_count")] public int TotalCount { get; set; }
        [JsonPropertyName("data")] public ContactRef[] Data { get; set; } = System.Array.Empty<ContactRef>();
    }

    internal sealed class ContactRef
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
    }
}
