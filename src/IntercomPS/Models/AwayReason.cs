namespace IntercomPS
{
    /// <summary>An away status reason of the workspace (REST API 2.14 on): what an admin going away can say, such as "On holiday".</summary>
    public sealed class AwayReason
    {
        public long Id { get; set; }
        public string? Label { get; set; }
        public string? Emoji { get; set; }

        /// <summary>Where the reason stands in the workspace's list.</summary>
        public int Order { get; set; }

        /// <summary>Whether the workspace deleted it: it is still listed, but an admin cannot go away with it.</summary>
        public bool Deleted { get; set; }

        public override string ToString() => Label ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
