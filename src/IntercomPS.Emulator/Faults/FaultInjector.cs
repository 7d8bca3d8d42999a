using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using IntercomPS.Emulator.Endpoints;
using IntercomPS.Emulator.Inspector;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Faults;

/// <summary>
/// Injects the configured faults into authenticated API requests (/v1 and 2.14). A fault that fails a request answers
/// before the handler runs, so nothing is written; only "drop" runs the handler (the write happens) and then loses the
/// response.
/// </summary>
internal sealed class FaultInjector(FaultOptions faults, RateLimiter limiter)
{
    private const string InjectedKey = "intercom.fault";

    /// <summary>The fault injected into a request ("503 (X-Emulator-Fault)", "drop (drop rate 0.2)"), for the request log; null when none was.</summary>
    public static string? Injected(HttpContext context) => context.Items[InjectedKey] as string;

    /// <summary>
    /// Added latency: a fixed part plus uniform jitter; applies to every API request, even rejected ones. Every API
    /// request takes its random draws here, in arrival order, so a seeded run replays exactly.
    /// </summary>
    public ValueTask<FaultDraw> DelayAsync(HttpContext context)
    {
        var f = faults.Snapshot();
        var draw = faults.Draw();
        var delay = f.LatencyMs + draw.JitterMs(f.JitterMs);
        return delay > 0 ? DelayedAsync(delay, draw, context.RequestAborted) : new(draw);
    }

    /// <summary>
    /// Counts an authenticated request of <paramref name="app"/> against its rate limit and sends the three headers;
    /// over the limit, the 429. It runs before any other check, so every call of the app counts and says so, a call
    /// refused for its Intercom-Version as much as one for an unknown path.
    /// </summary>
    public RateDecision Limit(HttpContext context, string app)
    {
        var f = faults.Snapshot();
        var rate = limiter.Hit(app, f.RateLimit, f.RateWindowSeconds);
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = rate.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = rate.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = rate.ResetUnixSeconds.ToString(CultureInfo.InvariantCulture);
        if (!rate.Allowed)
        {
            Note(context, "429 (rate limit)");
            throw new ApiError(429, "rate_limited", $"Rate limit exceeded: {rate.Limit} requests per {f.RateWindowSeconds} seconds")
            {
                RetryAfter = rate.RetryAfterSeconds,
            };
        }

        return rate;
    }

    /// <summary>
    /// The other faults of an authenticated request, counted under <paramref name="route"/> (which
    /// <see cref="FaultOptions.Route"/> may target), with the draws it took on arrival and its <paramref name="rate"/>.
    /// </summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next, string? route, FaultDraw draw, RateDecision rate)
    {
        var f = faults.Snapshot();
        if (context.Request.Headers[FaultHeader.Name].ToString() is { Length: > 0 } value)
        {
            var forced = FaultHeader.Parse(value);
            Note(context, (forced.Kind switch { FaultKind.Drop => "drop", FaultKind.DropBefore => "drop-before", _ => forced.Status.ToString(CultureInfo.InvariantCulture) }) + $" ({FaultHeader.Name})");
            switch (forced.Kind)
            {
                case FaultKind.DropBefore:
                    await RequestRecorder.RecordBeforeAbortAsync(context);
                    context.Abort();
                    return;
                case FaultKind.Drop:
                    await RunThenDropAsync(context, next);
                    return;
                default:
                    throw Failure(context, rate, forced.Status, $"Injected fault {forced.Status} ({FaultHeader.Name})", forced.RetryAfter);
            }
        }

        var targeted = f.Route is null || string.Equals(f.Route, route, StringComparison.Ordinal);
        if (targeted && draw.Failure < f.FailureRate)
        {
            Note(context, string.Create(CultureInfo.InvariantCulture, $"{f.FailureStatus} (failure rate {f.FailureRate})"));
            throw Failure(context, rate, f.FailureStatus, $"Injected failure {f.FailureStatus} (failure rate {f.FailureRate.ToString(CultureInfo.InvariantCulture)})",
                f.RetryAfterSeconds > 0 ? f.RetryAfterSeconds : null);
        }

        if (targeted && draw.Drop < f.DropRate)
        {
            Note(context, string.Create(CultureInfo.InvariantCulture, $"drop (drop rate {f.DropRate})"));
            await RunThenDropAsync(context, next);
            return;
        }

        await next(context);
    }

    private static void Note(HttpContext context, string fault) => context.Items[InjectedKey] = fault;

    /// <summary>
    /// An injected failure, by header or by rate. An injected 429 looks like the rate limit's own, since a client
    /// backs off by its headers: nothing remaining, and a Retry-After (the one asked for, else the window's end).
    /// </summary>
    private static ApiError Failure(HttpContext context, RateDecision rate, int status, string message, int? retryAfter)
    {
        if (status != 429)
        {
            return ApiError.ForStatus(status, message, retryAfter);
        }

        context.Response.Headers["X-RateLimit-Remaining"] = "0";
        return ApiError.ForStatus(status, message, retryAfter ?? rate.RetryAfterSeconds);
    }

    private static async ValueTask<FaultDraw> DelayedAsync(int delay, FaultDraw draw, System.Threading.CancellationToken aborted)
    {
        await Task.Delay(delay, aborted);
        return draw;
    }

    /// <summary>Applies the request, sends the headers and half the body, then aborts: a response lost in transit.</summary>
    private static async Task RunThenDropAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            try
            {
                await next(context);
            }
            catch (ApiError e)
            {
                await ErrorMiddleware.WriteAsync(context, e);
            }
        }
        finally
        {
            context.Response.Body = original;
        }

        // An answer without a body (POST /events' 202) would be whole once its headers were out: cut before them.
        if (buffer.Length > 0)
        {
            context.Response.ContentLength = buffer.Length;
            await original.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length / 2));
            await context.Response.Body.FlushAsync();
        }

        await RequestRecorder.RecordBeforeAbortAsync(context);
        context.Abort();
    }
}
