using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;

namespace IntercomPS.Emulator.Inspector;

/// <summary>
/// The inspector's request log: a ring of the last <see cref="Capacity"/> API requests. Recording one is a slot
/// write and no lock, so it costs the API nothing measurable; the headers and bodies of an exchange are captured only
/// while an inspector watches (<see cref="Capturing"/>), each body cut at <see cref="BodyLimit"/> bytes. Readers
/// mask secrets when they show an entry (<see cref="Secrets"/>), never here: recording stays a copy of references.
/// </summary>
internal sealed class RequestLog(int capacity)
{
    /// <summary>How many requests the log keeps unless --request-log says otherwise.</summary>
    public const int DefaultCapacity = 1000;

    /// <summary>The most --request-log takes: with every body at its limit, about 3 GiB.</summary>
    public const int MaxCapacity = 100_000;

    /// <summary>The most of each body (request and answer) kept: 16 KiB, so a full log holds at most about 32 MiB of bodies.</summary>
    public const int BodyLimit = 16 * 1024;

    private readonly LoggedRequest?[] ring = new LoggedRequest?[Math.Max(capacity, 1)];
    private readonly Lock watchersLock = new();
    private Channel<LoggedRequest>[] watchers = [];
    private long lastId;

    public int Capacity { get; } = capacity;

    /// <summary>Whether requests are logged at all (--request-log 0 turns the log off).</summary>
    public bool Enabled => Capacity > 0;

    /// <summary>How many inspectors are open (live streams connected).</summary>
    public int Watching => Volatile.Read(ref watchers).Length;

    /// <summary>Whether an inspector is open: then headers and bodies are captured too.</summary>
    public bool Capturing => Watching > 0;

    /// <summary>The next entry's id: ids rise by one per request, so a reader resumes after the last it saw.</summary>
    public long NextId() => Interlocked.Increment(ref lastId);

    public void Add(LoggedRequest entry)
    {
        Volatile.Write(ref ring[entry.Id % ring.Length], entry);
        foreach (var watcher in Volatile.Read(ref watchers))
        {
            watcher.Writer.TryWrite(entry); // bounded, dropping the oldest: a stalled page never holds the API up
        }
    }

    /// <summary>The entries after <paramref name="afterId"/> still in the ring, oldest first.</summary>
    public IReadOnlyList<LoggedRequest> Since(long afterId)
    {
        var last = Interlocked.Read(ref lastId);
        var entries = new List<LoggedRequest>();
        for (var id = Math.Max(afterId + 1, last - ring.Length + 1); id <= last; id++)
        {
            if (Volatile.Read(ref ring[id % ring.Length]) is { } entry && entry.Id == id)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>One entry, while the ring still holds it.</summary>
    public LoggedRequest? Find(long id) =>
        id > 0 && Volatile.Read(ref ring[id % ring.Length]) is { } entry && entry.Id == id ? entry : null;

    /// <summary>Streams every entry added from now on, until the watch is disposed; while any watch is open, exchanges are captured.</summary>
    public Watch Open()
    {
        var channel = Channel.CreateBounded<LoggedRequest>(new BoundedChannelOptions(ring.Length) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (watchersLock)
        {
            watchers = [.. watchers, channel];
        }

        return new Watch(this, channel);
    }

    private void Close(Channel<LoggedRequest> channel)
    {
        lock (watchersLock)
        {
            watchers = Array.FindAll(watchers, c => c != channel);
        }
    }

    public sealed class Watch(RequestLog log, Channel<LoggedRequest> channel) : IDisposable
    {
        public ChannelReader<LoggedRequest> Entries => channel.Reader;

        public void Dispose() => log.Close(channel);
    }
}

/// <summary>One API request as the log keeps it, raw: secrets are masked when it is shown.</summary>
/// <param name="Face">v1 or 2.x.</param>
/// <param name="Version">The Intercom-Version a 2.x request was answered in (or asked for, when refused before that).</param>
/// <param name="App">The app it was authenticated as; null when it was not.</param>
/// <param name="Status">The answer's status; 0 when the connection was cut before any answer.</param>
/// <param name="Fault">The fault the emulator injected, if any (<see cref="Faults.FaultInjector.Injected"/>).</param>
/// <param name="Exchange">Headers and bodies, captured while an inspector was open; null otherwise.</param>
internal sealed record LoggedRequest(
    long Id, DateTimeOffset At, string Method, string Path, string Face, string? Version, string? App, int Status, string? Fault,
    double Milliseconds, string? UserAgent, string? RequestId, Exchange? Exchange);

/// <summary>What was sent and answered: headers whole, bodies cut at <see cref="RequestLog.BodyLimit"/>.</summary>
internal sealed record Exchange(
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders, CapturedBody RequestBody,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders, CapturedBody ResponseBody);

/// <param name="Text">The body's first <see cref="RequestLog.BodyLimit"/> bytes as UTF-8 text.</param>
/// <param name="Length">How many bytes the whole body had.</param>
/// <param name="Unreadable">Why the body could not be read (the connection was cut), if so.</param>
internal sealed record CapturedBody(string Text, long Length, string? Unreadable = null)
{
    public bool Cut => Length > RequestLog.BodyLimit;
}
