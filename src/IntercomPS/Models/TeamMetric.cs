namespace IntercomPS
{
    /// <summary>
    /// One admin's line of a team's real-time metrics (REST API 2.16): the conversations assigned to them that are
    /// open, that are idle (open, with nothing happening for the idle threshold: 30 minutes unless asked), and that
    /// are snoozed. TeamName is known when the team was named by name or piped in.
    /// </summary>
    public sealed class TeamMetric
    {
        public string? TeamId { get; set; }
        public string? TeamName { get; set; }
        public string? AdminId { get; set; }
        public long Open { get; set; }
        public long Idle { get; set; }
        public long Snoozed { get; set; }

        public override string ToString() => $"{AdminId}: {Open} open, {Idle} idle, {Snoozed} snoozed";
    }
}
