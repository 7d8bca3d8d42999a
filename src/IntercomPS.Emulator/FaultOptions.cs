using System;

namespace IntercomPS.Emulator;

/// <summary>
/// Faults the emulator injects into API requests (/v1 and 2.14). Mutable while the emulator runs (tests and /admin/faults
/// change it); every member is guarded by one lock so a request always sees a consistent <see cref="Snapshot"/>.
/// </summary>
public sealed class FaultOptions
{
    /// <summary>Longest latency or jitter, in milliseconds (10 minutes): their sum always fits in an int.</summary>
    public const int MaxDelayMs = 600_000;

    /// <summary>Longest Retry-After and rate window, in seconds (a day).</summary>
    public const int MaxSeconds = 86_400;

    /// <summary>
    /// The real service's limit (Intercom's rate-limiting guide): 10,000 calls a minute per app, counted in 10-second
    /// windows of a sixth each, which X-RateLimit-Limit shows. Its 25,000 a minute per workspace cannot bind here:
    /// each emulated app is a workspace of its own, with one token, and 1,666 a window is below 4,166.
    /// </summary>
    public const int IntercomLimitPerWindow = 10_000 / 6;

    public const int IntercomWindowSeconds = 10;

    private readonly object gate = new();
    private int latencyMs;
    private int jitterMs;
    private double failureRate;
    private double dropRate;
    private int failureStatus = 503;
    private int retryAfterSeconds;
    private int rateLimit;
    private int rateWindowSeconds = 10;
    private int searchDelaySeconds;
    private int? seed;
    private string? route;
    private Random random = new();

    /// <summary>Fixed delay added to every API request (/v1 and 2.14), in milliseconds.</summary>
    public int LatencyMs { get => Read(() => latencyMs); set => Write(() => latencyMs = InRange(value, nameof(LatencyMs), 0, MaxDelayMs)); }

    /// <summary>Extra uniform random delay of 0..JitterMs milliseconds.</summary>
    public int JitterMs { get => Read(() => jitterMs); set => Write(() => jitterMs = InRange(value, nameof(JitterMs), 0, MaxDelayMs)); }

    /// <summary>Share of API requests (0..1) answered with <see cref="FailureStatus"/> without being applied.</summary>
    public double FailureRate
    {
        get => Read(() => failureRate);
        set => Write(() => failureRate = value is >= 0 and <= 1 ? value
            : throw OutOfRange(value, "FailureRate must be between 0 and 1."));
    }

    /// <summary>
    /// Share of API requests (0..1) that are applied and then lose their answer: the connection drops halfway
    /// through the response, as when a network fails after the server did the work.
    /// </summary>
    public double DropRate
    {
        get => Read(() => dropRate);
        set => Write(() => dropRate = value is >= 0 and <= 1 ? value
            : throw OutOfRange(value, "DropRate must be between 0 and 1."));
    }

    /// <summary>
    /// The one route the failure and drop rates apply to, named as /admin/requests counts it ("POST /contacts",
    /// "PUT /v1/users"); null (the default) means every route. A test can then lose the answer of one kind of request
    /// while the lookups around it go through. Latency, rate limits and X-Emulator-Fault ignore it.
    /// </summary>
    public string? Route
    {
        get => Read(() => route);
        set => Write(() => route = value is null || IsRouteName(value) ? value
            : throw new ArgumentException($"Route must be a method and a path, as /admin/requests names routes ('POST /contacts'), not '{value}'."));
    }

    /// <summary>Status of injected failures (400..599, default 503).</summary>
    public int FailureStatus
    {
        get => Read(() => failureStatus);
        set => Write(() => failureStatus = value is >= 400 and <= 599 ? value
            : throw OutOfRange(value, "FailureStatus must be between 400 and 599."));
    }

    /// <summary>Retry-After seconds sent with injected failures; 0 sends none.</summary>
    public int RetryAfterSeconds { get => Read(() => retryAfterSeconds); set => Write(() => retryAfterSeconds = InRange(value, nameof(RetryAfterSeconds), 0, MaxSeconds)); }

    /// <summary>Requests allowed per app per window; 0 means not enforced.</summary>
    public int RateLimit { get => Read(() => rateLimit); set => Write(() => rateLimit = InRange(value, nameof(RateLimit), 0, int.MaxValue)); }

    /// <summary>Length of the fixed rate-limit window in seconds (default 10).</summary>
    public int RateWindowSeconds
    {
        get => Read(() => rateWindowSeconds);
        set => Write(() => rateWindowSeconds = InRange(value, nameof(RateWindowSeconds), 1, MaxSeconds));
    }

    /// <summary>
    /// Seconds a new contact takes to join contact searches (0: at once, the default), as the real service's "Contact
    /// Creation Delay" (its description: "This delay can take a few minutes"); GET /contacts/{id} and
    /// find_by_external_id see it at once all the same.
    /// </summary>
    public int SearchDelaySeconds { get => Read(() => searchDelaySeconds); set => Write(() => searchDelaySeconds = InRange(value, nameof(SearchDelaySeconds), 0, MaxSeconds)); }

    /// <summary>
    /// Seeds the random draws (jitter, failure rate, drop rate), so a failing statistical test can be replayed: after
    /// seeding, the same sequence of API requests gets the same faults. Setting it (even to the same value) restarts
    /// the sequence; null draws unpredictably.
    /// </summary>
    public int? Seed { get => Read(() => seed); set => Write(() => Reseed(value)); }

    /// <summary>The real service's rate limits (<see cref="IntercomLimitPerWindow"/> per <see cref="IntercomWindowSeconds"/>), as one preset.</summary>
    public void UseIntercomRateLimits() => Write(() =>
    {
        rateLimit = IntercomLimitPerWindow;
        rateWindowSeconds = IntercomWindowSeconds;
    });

    /// <summary>Turns every fault off and restores the defaults. The seed and its sequence are kept: they are not a fault.</summary>
    public void Clear() => Write(() =>
    {
        latencyMs = jitterMs = retryAfterSeconds = rateLimit = searchDelaySeconds = 0;
        failureRate = dropRate = 0;
        failureStatus = 503;
        rateWindowSeconds = 10;
        route = null;
    });

    /// <summary>A consistent copy of every setting, taken under the lock.</summary>
    public FaultSnapshot Snapshot() => Read(() => new FaultSnapshot(
        latencyMs, jitterMs, failureRate, failureStatus, retryAfterSeconds, rateLimit, rateWindowSeconds, dropRate, seed, route, searchDelaySeconds));

    /// <summary>
    /// One request's random draws, all taken at once: the n-th request after seeding gets the n-th triple whichever
    /// faults are on, so turning one fault on does not shift where the others land.
    /// </summary>
    internal FaultDraw Draw() => Read(() => new FaultDraw(random.NextDouble(), random.NextDouble(), random.NextDouble()));

    /// <summary>Sets every value at once, atomically; <paramref name="reseed"/> also applies (and restarts) the seed.</summary>
    internal void Set(FaultSnapshot s, bool reseed)
    {
        // Validate through a scratch instance first, so a bad value leaves the live settings untouched.
        var check = new FaultOptions
        {
            LatencyMs = s.LatencyMs, JitterMs = s.JitterMs, FailureRate = s.FailureRate, FailureStatus = s.FailureStatus,
            RetryAfterSeconds = s.RetryAfterSeconds, RateLimit = s.RateLimit, RateWindowSeconds = s.RateWindowSeconds, DropRate = s.DropRate,
            Route = s.Route, SearchDelaySeconds = s.SearchDelaySeconds,
        };
        Write(() =>
        {
            latencyMs = check.latencyMs; jitterMs = check.jitterMs; failureRate = check.failureRate;
            failureStatus = check.failureStatus; retryAfterSeconds = check.retryAfterSeconds;
            rateLimit = check.rateLimit; rateWindowSeconds = check.rateWindowSeconds; dropRate = check.dropRate;
            route = check.route;
            searchDelaySeconds = check.searchDelaySeconds;
            if (reseed)
            {
                Reseed(s.Seed);
            }
        });
    }

    private void Reseed(int? value)
    {
        seed = value;
        random = value is { } n ? new Random(n) : new Random();
    }

    private static bool IsRouteName(string value) =>
        value.IndexOf(' ') is > 0 and var space && space + 1 < value.Length && value[space + 1] == '/' && !value.AsSpan(space + 1).Contains(' ');

    private static int InRange(int value, string name, int min, int max) =>
        value >= min && value <= max ? value : throw OutOfRange(value, $"{name} must be from {min} to {max}.");

    // No paramName: it would be appended to the first line of Message, which /admin/faults answers with.
    private static ArgumentOutOfRangeException OutOfRange(object value, string message) => new(null, value, message);

    private T Read<T>(Func<T> read) { lock (gate) return read(); }

    private void Write(Action write) { lock (gate) write(); }
}

/// <summary>An immutable copy of <see cref="FaultOptions"/>.</summary>
public readonly record struct FaultSnapshot(
    int LatencyMs, int JitterMs, double FailureRate, int FailureStatus, int RetryAfterSeconds, int RateLimit, int RateWindowSeconds, double DropRate = 0, int? Seed = null,
    string? Route = null, int SearchDelaySeconds = 0);

/// <summary>One request's uniform draws in [0, 1): its share of the jitter, and the dice for failing and dropping it.</summary>
internal readonly record struct FaultDraw(double Jitter, double Failure, double Drop)
{
    public int JitterMs(int maxJitterMs) => (int)(Jitter * (maxJitterMs + 1L));
}
