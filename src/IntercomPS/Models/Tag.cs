using System.Text.Json.Serialization;

namespace IntercomPS
{
    /// <summary>An Intercom tag: a named label on users. Segments are computed by Intercom and cannot be tagged.</summary>
    public sealed class Tag
    {
        /// <summary>The colours Intercom accepts for a tag.</summary>
        public static readonly string[] Colors = { "green", "red", "teal", "gold", "blue", "purple" };

        [JsonPropertyName("id")] public long? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("color")] public string? Color { get; set; }
        [JsonPropertyName("segment")] public bool Segment { get; set; }
        [JsonPropertyName("tagged_user_count")] public int? TaggedUserCount { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }
}
