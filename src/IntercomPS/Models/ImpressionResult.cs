using System.Text.Json.Serialization;

namespace IntercomPS
{
    /// <summary>What recording an impression answers: how many admin messages the user has not read yet.</summary>
    public sealed class ImpressionResult
    {
        /// <summary>The user the impression was for (from the request; the API answers with the count only).</summary>
        [JsonIgnore] public string? Email { get; set; }

        [JsonIgnore] public string? UserId { get; set; }

        [JsonPropertyName("unread_messages")] public int UnreadMessages { get; set; }

        public override string ToString() => $"{Email ?? UserId}: {UnreadMessages} unread";
    }
}
