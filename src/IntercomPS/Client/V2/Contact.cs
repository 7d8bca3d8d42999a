using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>A 2.x contact as the API sends it: the fields a <see cref="User"/> shows, the rest left unread.</summary>
    internal sealed class Contact : ICheckedAnswer, IJsonOnDeserialized
    {
        string? ICheckedAnswer.Problem => Id is null ? "a contact without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("external_id")] public string? ExternalId { get; set; }
        [JsonPropertyName("role")] public string? Role { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("phone")] public string? Phone { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("signed_up_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? SignedUpAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }
        [JsonPropertyName("last_seen_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? LastSeenAt { get; set; }
        [JsonPropertyName("unsubscribed_from_emails")] public bool UnsubscribedFromEmails { get; set; }
        [JsonPropertyName("custom_attributes"), JsonConverter(typeof(CustomDataConverter))] public Hashtable? CustomAttributes { get; set; }
        [JsonPropertyName("tags")] public ContactTags? Tags { get; set; }

        private string[] _unreadable = Array.Empty<string>();

        void IJsonOnDeserialized.OnDeserialized() => _unreadable = ReadProblems.Take();

        /// <summary>
        /// The user this contact is, in the objects both APIs share. signed_up_at is what v1 called created_at (the
        /// time the user signed up in your app); created_at, when Intercom first saw the contact, stands in without it.
        /// </summary>
        public User ToUser(bool? archived = null)
        {
            var user = new User
            {
                Id = Id,
                UserId = ExternalId,
                Email = string.IsNullOrEmpty(Email) ? null : Email, // 2.x writes "" for a contact without an email
                Name = Name,
                CreatedAt = SignedUpAt ?? CreatedAt,
                LastImpressionAt = LastSeenAt,
                UnsubscribedFromEmails = UnsubscribedFromEmails,
                Role = Role,
                Phone = Phone,
                UpdatedAt = UpdatedAt,
                Archived = archived,
                Unreadable = _unreadable,
                // Up to 10 references without names: the cmdlet that writes the user names them (and reads the rest).
                Tags = Tags?.Data is { Length: > 0 } tags ? new UserTags(tags.Where(tag => tag?.Id is not null).Select(tag => new Tag { Id = tag!.Id }).ToList()) : UserTags.None,
                TagsUnnamed = Tags is { HasMore: true } || Tags?.Data is { Length: > 0 },
                TagsHaveMore = Tags is { HasMore: true },
            };
            // Without custom attributes the user makes its empty table when (if ever) it is read.
            if (CustomAttributes is not null) user.CustomData = CustomAttributes;
            return user;
        }
    }

    /// <summary>A contact's tags as 2.x inlines them: at most 10 references (id only), the whole count, and whether there are more.</summary>
    internal sealed class ContactTags
    {
        [JsonPropertyName("data")] public TagReference?[]? Data { get; set; }
        [JsonPropertyName("total_count")] public int TotalCount { get; set; }
        [JsonPropertyName("has_more")] public bool HasMore { get; set; }
    }

    internal sealed class TagReference
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
    }

    /// <summary>A page of a contact list or search: its contacts, the whole count, and the cursor of the next page.</summary>
    internal sealed class ContactList
    {
        [JsonPropertyName("data")] public Contact[] Data { get; set; } = Array.Empty<Contact>();
        [JsonPropertyName("total_count")] public int TotalCount { get; set; }
        [JsonPropertyName("pages")] public CursorPages? Pages { get; set; }

        /// <summary>The cursor of the next page, or null on the last one.</summary>
        [JsonIgnore] public string? Next => Pages?.Next?.StartingAfter;
    }

    internal sealed class CursorPages
    {
        [JsonPropertyName("next")] public CursorNext? Next { get; set; }

        /// <summary>How many pages a list numbered by page has (a company's contacts).</summary>
        [JsonPropertyName("total_pages")] public int? TotalPages { get; set; }
    }

    internal sealed class CursorNext
    {
        [JsonPropertyName("starting_after")] public string? StartingAfter { get; set; }
    }

    /// <summary>The short answer of delete, archive and unarchive: the contact's ids and one flag.</summary>
    internal sealed class ContactReference
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("external_id")] public string? ExternalId { get; set; }
    }
}
