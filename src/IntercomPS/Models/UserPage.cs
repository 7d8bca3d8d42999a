using System;
using System.Text.Json.Serialization;

namespace IntercomPS
{
    /// <summary>One page of the user list, with the envelope Intercom wraps it in.</summary>
    public sealed class UserPage
    {
        [JsonPropertyName("users")] public User[] Users { get; set; } = Array.Empty<User>();
        [JsonPropertyName("total_count")] public int TotalCount { get; set; }
        [JsonPropertyName("page")] public int Page { get; set; }
        [JsonPropertyName("next_page")] public int? NextPage { get; set; }
        [JsonPropertyName("previous_page")] public int? PreviousPage { get; set; }
        [JsonPropertyName("total_pages")] public int TotalPages { get; set; }
    }
}
