using System;
using System.Text.Json.Serialization;
using IntercomPS.Json;

namespace IntercomPS
{
    /// <summary>A note left on a user, as Intercom rendered it.</summary>
    public sealed class Note
    {
        [JsonPropertyName("html")] public string? Html { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("user")] public User? User { get; set; }

        public override string ToString() => Html ?? string.Empty;
    }
}
