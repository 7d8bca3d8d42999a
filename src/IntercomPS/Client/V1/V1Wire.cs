using System;
using System.Collections;
using System.Text.Json.Serialization;
using IntercomPS.Json;

namespace IntercomPS.Client.V1.Wire
{
    // The v1 API's JSON, named as the API names its objects, and what each becomes in the shared models
    // (IntercomPS.User, ...), which know nothing of any wire format.

    /// <summary>Source-generated metadata for the v1 answers: no reflection at run time, so the first call is fast.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
    [JsonSerializable(typeof(User))]
    [JsonSerializable(typeof(UserPage))]
    [JsonSerializable(typeof(Tag))]
    [JsonSerializable(typeof(Note))]
    [JsonSerializable(typeof(ImpressionResult))]
    [JsonSerializable(typeof(MessageThread))]
    [JsonSerializable(typeof(MessageThread[]))]
    [JsonSerializable(typeof(ErrorEnvelope))]
    internal sealed partial class V1JsonContext : JsonSerializerContext
    {
    }

    /// <summary>A v1 user.</summary>
    internal sealed class User : ICheckedAnswer, IJsonOnDeserialized
    {
        [JsonPropertyName("intercom_id")] public string? IntercomId { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("last_impression_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? LastImpressionAt { get; set; }
        [JsonPropertyName("custom_data"), JsonConverter(typeof(CustomDataConverter))] public Hashtable? CustomData { get; set; }
        [JsonPropertyName("social_profiles")] public SocialProfile[] SocialProfiles { get; set; } = Array.Empty<SocialProfile>();
        [JsonPropertyName("location_data")] public LocationData? LocationData { get; set; }
        [JsonPropertyName("session_count")] public int SessionCount { get; set; }
        [JsonPropertyName("last_seen_ip")] public string? LastSeenIp { get; set; }
        [JsonPropertyName("last_seen_user_agent")] public string? LastSeenUserAgent { get; set; }
        [JsonPropertyName("relationship_score")] public int? RelationshipScore { get; set; }
        [JsonPropertyName("unsubscribed_from_emails")] public bool UnsubscribedFromEmails { get; set; }

        string? ICheckedAnswer.Problem => Email is null && UserId is null ? "a user with neither user_id nor email" : null;

        private string[] _unreadable = Array.Empty<string>();

        void IJsonOnDeserialized.OnDeserialized() => _unreadable = ReadProblems.Take();

        /// <summary>For <see cref="IntercomClient"/>'s requests that answer a user.</summary>
        public static readonly Func<User, IntercomPS.User> Read = user => user.ToModel();

        /// <summary>v1 users have no role, phone, archived flag or update time: those stay null.</summary>
        public IntercomPS.User ToModel()
        {
            var user = new IntercomPS.User
            {
                Id = IntercomId,
                Email = Email,
                UserId = UserId,
                Name = Name,
                CreatedAt = CreatedAt,
                LastImpressionAt = LastImpressionAt,
                SocialProfiles = SocialProfiles.Length == 0 ? IntercomPS.SocialProfiles.None : new IntercomPS.SocialProfiles(Array.ConvertAll(SocialProfiles, profile => profile.ToModel())),
                LocationData = LocationData?.ToModel(),
                SessionCount = SessionCount,
                LastSeenIp = LastSeenIp,
                LastSeenUserAgent = LastSeenUserAgent,
                RelationshipScore = RelationshipScore,
                UnsubscribedFromEmails = UnsubscribedFromEmails,
                Unreadable = _unreadable,
            };
            // Without custom data the user makes its empty table when (if ever) it is read.
            if (CustomData is not null) user.CustomData = CustomData;
            return user;
        }
    }

    internal sealed class SocialProfile
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("url")] public string? Url { get; set; }
        [JsonPropertyName("username")] public string? Username { get; set; }
        [JsonPropertyName("id")] public string? Id { get; set; }

        public IntercomPS.SocialProfile ToModel() => new IntercomPS.SocialProfile { Type = Type, Url = Url, Username = Username, Id = Id };
    }

    internal sealed class LocationData
    {
        [JsonPropertyName("city_name")] public string? CityName { get; set; }
        [JsonPropertyName("continent_code")] public string? ContinentCode { get; set; }
        [JsonPropertyName("country_name")] public string? CountryName { get; set; }
        [JsonPropertyName("country_code")] public string? CountryCode { get; set; }
        [JsonPropertyName("region_name")] public string? RegionName { get; set; }
        [JsonPropertyName("postal_code")] public string? PostalCode { get; set; }
        [JsonPropertyName("timezone")] public string? Timezone { get; set; }
        [JsonPropertyName("latitude")] public double? Latitude { get; set; }
        [JsonPropertyName("longitude")] public double? Longitude { get; set; }

        public IntercomPS.LocationData ToModel() => new IntercomPS.LocationData
        {
            CityName = CityName,
            ContinentCode = ContinentCode,
            CountryName = CountryName,
            CountryCode = CountryCode,
            RegionName = RegionName,
            PostalCode = PostalCode,
            Timezone = Timezone,
            Latitude = Latitude,
            Longitude = Longitude,
        };
    }

    /// <summary>A page of GET /users, with the envelope the API wraps it in.</summary>
    internal sealed class UserPage
    {
        [JsonPropertyName("users")] public User[] Users { get; set; } = Array.Empty<User>();
        [JsonPropertyName("total_count")] public int TotalCount { get; set; }
        [JsonPropertyName("page")] public int Page { get; set; }
        [JsonPropertyName("next_page")] public int? NextPage { get; set; }
        [JsonPropertyName("previous_page")] public int? PreviousPage { get; set; }
        [JsonPropertyName("total_pages")] public int TotalPages { get; set; }

        public static readonly Func<UserPage, IntercomPS.UserPage> Read = page => page.ToModel();

        public IntercomPS.UserPage ToModel() => new IntercomPS.UserPage
        {
            // A null item stays null, so the pager's check names it (PagedReadCheck) instead of this throwing.
            Users = Array.ConvertAll(Users, user => user is null ? null! : user.ToModel()),
            TotalCount = TotalCount,
            Page = Page,
            NextPage = NextPage,
            PreviousPage = PreviousPage,
            TotalPages = TotalPages,
        };
    }

    internal sealed class Tag
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("color")] public string? Color { get; set; }
        [JsonPropertyName("segment")] public bool Segment { get; set; }
        [JsonPropertyName("tagged_user_count")] public int? TaggedUserCount { get; set; }

        public static readonly Func<Tag, IntercomPS.Tag> Read = tag => tag.ToModel();

        public IntercomPS.Tag ToModel() => new IntercomPS.Tag { Id = Id, Name = Name, Color = Color, Segment = Segment, TaggedUserCount = TaggedUserCount };
    }

    /// <summary>A note as v1 renders it (notes have no id there).</summary>
    internal sealed class Note
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("html")] public string? Html { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("user")] public User? User { get; set; }

        public IntercomPS.Note ToModel() => new IntercomPS.Note { Id = Id, Html = Html, CreatedAt = CreatedAt, User = User?.ToModel() };
    }

    /// <summary>What POST /users/impressions answers: the unread message count only.</summary>
    internal sealed class ImpressionResult
    {
        [JsonPropertyName("unread_messages")] public int UnreadMessages { get; set; }
    }

    internal sealed class MessageThread
    {
        [JsonPropertyName("thread_id")] public long ThreadId { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }
        [JsonPropertyName("read")] public bool Read { get; set; }
        [JsonPropertyName("created_by_user")] public bool CreatedByUser { get; set; }
        [JsonPropertyName("message_type")] public string? MessageType { get; set; }
        [JsonPropertyName("messages")] public Message[] Messages { get; set; } = Array.Empty<Message>();

        /// <summary>v1 threads have no state and no contact id: those stay null.</summary>
        public IntercomPS.MessageThread ToModel() => new IntercomPS.MessageThread
        {
            ThreadId = ThreadId,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            Read = Read,
            CreatedByUser = CreatedByUser,
            MessageType = MessageType,
            Messages = Array.ConvertAll(Messages, message => message.ToModel()),
        };
    }

    internal sealed class Message
    {
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("url")] public string? Url { get; set; }
        [JsonPropertyName("html")] public string? Html { get; set; }
        [JsonPropertyName("from")] public MessageAuthor? From { get; set; }

        public IntercomPS.Message ToModel() => new IntercomPS.Message { CreatedAt = CreatedAt, Url = Url, Html = Html, From = From?.ToModel() };
    }

    internal sealed class MessageAuthor
    {
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("user_id")] public string? UserId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("is_admin")] public bool IsAdmin { get; set; }

        public IntercomPS.MessageAuthor ToModel() => new IntercomPS.MessageAuthor { Email = Email, UserId = UserId, Name = Name, IsAdmin = IsAdmin };
    }

    /// <summary>{"error": {"type": ..., "message": ...}}, which the API sends with every failure.</summary>
    internal sealed class ErrorEnvelope
    {
        [JsonPropertyName("error")] public ErrorBody? Error { get; set; }
    }

    internal sealed class ErrorBody
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
    }
}
