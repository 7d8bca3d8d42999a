namespace IntercomPS.Client
{
    /// <summary>
    /// Every number that says how many requests run at once, in one place: the default and the range of -ThrottleLimit
    /// (which configures a command's <see cref="RequestScheduler"/>), and the fixed fan-outs of the readers that need no
    /// setting. Each was measured; the reason is beside it.
    /// </summary>
    public static class Concurrency
    {
        /// <summary>
        /// Requests a command keeps in flight unless -ThrottleLimit says otherwise: enough to hide most of a round trip's
        /// latency, few enough to stay well inside Intercom's rate limits. Also what a command without -ThrottleLimit
        /// allows the requests one of its calls fans out into (a 2.x tag batch's user lookups).
        /// </summary>
        public const int DefaultThrottleLimit = 4;

        /// <summary>The most -ThrottleLimit allows.</summary>
        public const int MaxThrottleLimit = 64;

        /// <summary>
        /// Answers held back behind a slow one, per request allowed in flight, before the pipeline waits: one request
        /// sitting out a Retry-After does not stall the rest, and memory stays bounded whatever the input.
        /// </summary>
        public const int AnswersHeldPerRequest = 8;

        /// <summary>
        /// The most v1 list pages requested ahead of the one being read, reached only while the reader waits for pages
        /// (<see cref="V1.UserPager"/>): enough to hide most of the latency, few enough that memory stays at a few pages.
        /// </summary>
        public const int PagesAhead = 8;

        /// <summary>
        /// The last hex digit of a 2.x contact id: a long user listing is these 16 disjoint searches walked side by side
        /// (<see cref="V2.ContactSearchReader"/>), each with at most two pages in flight.
        /// </summary>
        public const string ContactIdPartitions = "0123456789abcdef";

        /// <summary>A user's 2.x conversations read in full side by side (a search lists them without their parts).</summary>
        public const int ConversationReads = 4;
    }
}
