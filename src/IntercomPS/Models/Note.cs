using System;
using System.Text.Json.Serialization;
using IntercomPS.Json;

namespace IntercomPS
{
    /// <summary>
    /// A note left on a user, as Intercom rendered it. On REST API 2.x the answer names the contact by id only, so
    /// <see cref="User"/> carries that id and the email or user id the note was asked for with, nothing more.
    /// </summary>
    public sealed class Note
    {
        /// <summary>The note's id on REST API 2.x (a numeric string); v1 gave notes no id, so there it is null.</summary>
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("html")] public string? Html { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("user")] public User? User { get; set; }

        public override string ToString() => Html ?? string.Empty;
    }
}
