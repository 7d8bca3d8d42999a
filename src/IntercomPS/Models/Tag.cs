using System.Text.Json.Serialization;

namespace IntercomPS
{
    /// <summary>An Intercom tag: a named label on users. Segments are computed by Intercom and cannot be tagged.</summary>
    public sealed class Tag
    {
        /// <summary>The colours Intercom accepts for a tag.</summary>
        public static readonly string[] Colors = { "green", "red", "teal", "gold", "blue", "purple" };

        /// <summary>The tag's id: 24 hex digits on v1 (like 52322b4150233908a800013c), a string as the service sends it.</summary>
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("color")] public string? Color { get; set; }
        [JsonPropertyName("segment")] public bool Segment { get; set; }
        [JsonPropertyName("tagged_user_count")] public int? TaggedUserCount { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }
}
