
namespace IntercomPS
{
    /// <summary>An Intercom tag: a named label on users. Segments are computed by Intercom and cannot be tagged.</summary>
    public sealed class Tag
    {
        /// <summary>The colours Intercom accepts for a tag.</summary>
        public static readonly string[] Colors = { "green", "red", "teal", "gold", "blue", "purple" };

        /// <summary>The tag's id as the service sends it: 24 hex digits on v1 (like 52322b4150233908a800013c), a numeric string on REST API 2.x.</summary>
        public string? Id { get; set; }
        public string? Name { get; set; }
        /// <summary>Null on REST API 2.x, whose tags have no colour.</summary>
        public string? Color { get; set; }
        public bool Segment { get; set; }
        /// <summary>Null on REST API 2.x, whose tags do not say how many users carry them.</summary>
        public int? TaggedUserCount { get; set; }

        public override string ToString() => Name ?? string.Empty;
    }
}
