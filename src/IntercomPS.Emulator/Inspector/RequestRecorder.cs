using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Endpoints;
using IntercomPS.Emulator.Faults;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Inspector;

/// <summary>
/// The outermost middleware: records every API request (both faces; not /admin, not the inspector) in the
/// <see cref="RequestLog"/>, error answers included, before its answer is whole at the client: just before the write
/// that completes a body of known length (every answer the emulator writes has one), just before a fault cuts the
/// connection (<see cref="RecordBeforeAbortAsync"/>), else when the pipeline ends (Kestrel ends an answer without a
/// body after that). A script that reads the log the moment it has an answer (or a cut) therefore finds the request
/// in it, exchange and all. With no inspector open that is a timestamp pair, a thin stream over the answer and one
/// small record; with one open, the request's body is buffered and the answer's kept as it is written.
/// </summary>
internal sealed class RequestRecorder(RequestLog log)
{
    public Task InvokeAsync(HttpContext context, RequestDelegate next) =>
        log.Enabled && (V1Face.Serves(context) || Endpoints.V2.Face.Serves(context)) ? RecordAsync(context, next) : next(context);

    /// <summary>
    /// For a step about to cut the connection (a drop fault): records the request now, since the client sees the cut
    /// at once, as it sees the last byte of an answer. Nothing when the request is not being recorded.
    /// </summary>
    public static Task RecordBeforeAbortAsync(HttpContext context) =>
        context.Items[typeof(Answer)] is Answer answer ? answer.RecordCutAsync() : Task.CompletedTask;

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var answer = new Answer(log, context);
        var answered = false;
        try
        {
            await next(context);
            answered = true;
        }
        finally
        {
            await answer.EndAsync(answered);
        }
    }

    private static LoggedRequest Entry(HttpContext context, long id, double milliseconds, bool cut, Exchange? exchange)
    {
        var request = context.Request;
        var response = context.Response;
        var v1 = V1Face.Serves(context);
        var version = v1 ? null
            : response.Headers[Endpoints.V2.Face.VersionHeader].ToString() is { Length: > 0 } answered ? answered
            : request.Headers[Endpoints.V2.Face.VersionHeader].ToString() is { Length: > 0 } asked ? asked : null;
        return new LoggedRequest(
            id, DateTimeOffset.UtcNow, request.Method, request.QueryString.HasValue ? request.Path.Value + request.QueryString.Value : request.Path.Value!, v1 ? "v1" : "2.x", version,
            Caller.Find(context)?.AppId, cut ? 0 : response.StatusCode, FaultInjector.Injected(context), milliseconds,
            request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            response.Headers["X-Request-Id"].ToString() is { Length: > 0 } requestId ? requestId : null,
            exchange);
    }

    /// <summary>
    /// The answer's body as the pipeline writes it: counted, kept while an inspector is open, and the request
    /// recorded before the write that makes the body whole.
    /// </summary>
    private sealed class Answer : Stream
    {
        private readonly RequestLog log;
        private readonly HttpContext context;
        private readonly Stream inner;
        private readonly long started = Stopwatch.GetTimestamp();
        private readonly MemoryStream? kept;
        private long written;
        private bool recorded;

        public Answer(RequestLog log, HttpContext context)
        {
            this.log = log;
            this.context = context;
            inner = context.Response.Body;
            if (log.Capturing)
            {
                context.Request.EnableBuffering();
                kept = new MemoryStream();
            }

            context.Response.Body = this;
            context.Items[typeof(Answer)] = this;
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        /// <summary>
        /// Records the request if no write did (an answer without a body, or one cut short) and hands the answer's
        /// stream back. <paramref name="answered"/>: the pipeline returned (rather than threw, which Kestrel makes a 500).
        /// </summary>
        public async Task EndAsync(bool answered)
        {
            var response = context.Response;
            response.Body = inner;
            if (recorded)
            {
                return;
            }

            var cut = context.RequestAborted.IsCancellationRequested && !response.HasStarted;
            if (kept is not null && answered && !cut && !response.HasStarted)
            {
                // An answer without a body, started here as Kestrel would end it (Content-Length 0 where a body may be;
                // left unset it would go chunked), so the exchange shows its headers as sent, Kestrel's Date included.
                if (response.ContentLength is null && response.StatusCode is >= 200 and not 204 and not 304 && !HttpMethods.IsHead(context.Request.Method))
                {
                    response.ContentLength = 0;
                }

                await response.StartAsync();
            }

            await RecordAsync(cut, CancellationToken.None);
        }

        /// <summary>Records the request before the connection is cut: with the status sent, or 0 when no answer had started.</summary>
        public Task RecordCutAsync() => recorded ? Task.CompletedTask : RecordAsync(cut: !context.Response.HasStarted, CancellationToken.None);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Keep(buffer.Span))
            {
                // The headers go first (unflushed) so the exchange shows them as sent, Kestrel's Date included.
                if (kept is not null)
                {
                    await context.Response.StartAsync(cancellationToken);
                }

                await RecordAsync(cut: false, cancellationToken);
            }

            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        /// <summary>Kestrel refuses synchronous writes, and so does the log: it could not record before the last one without blocking.</summary>
        public override void Write(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("Synchronous writes are not allowed: write the answer with WriteAsync");

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        /// <summary>Counts the bytes and keeps the first <see cref="RequestLog.BodyLimit"/>; true when they make the body whole.</summary>
        private bool Keep(ReadOnlySpan<byte> bytes)
        {
            written += bytes.Length;
            if (kept is not null && kept.Length < RequestLog.BodyLimit)
            {
                kept.Write(bytes[..Math.Min(RequestLog.BodyLimit - (int)kept.Length, bytes.Length)]);
            }

            return !recorded && written == context.Response.ContentLength;
        }

        private async Task RecordAsync(bool cut, CancellationToken cancellationToken)
        {
            recorded = true;
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var exchange = kept is null ? null : new Exchange(
                Headers(context.Request.Headers), await RequestBodyAsync(cancellationToken),
                Headers(context.Response.Headers), new CapturedBody(Text(kept.GetBuffer().AsSpan(0, (int)kept.Length)), written));
            log.Add(Entry(context, log.NextId(), milliseconds, cut, exchange));
        }

        /// <summary>
        /// The body from its start: what the handler read, then the rest, which a refused request never read (so such
        /// an answer waits for the body a client sends with its request anyway).
        /// </summary>
        private async Task<CapturedBody> RequestBodyAsync(CancellationToken cancellationToken)
        {
            var body = context.Request.Body;
            try
            {
                body.Position = 0;
                var first = new MemoryStream();
                var buffer = new byte[8192];
                var length = 0L;
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    first.Write(buffer, 0, Math.Min(read, RequestLog.BodyLimit - (int)first.Length));
                    length += read;
                }

                return new CapturedBody(Text(first.GetBuffer().AsSpan(0, (int)first.Length)), length);
            }
            catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                return new CapturedBody("", 0, $"the body could not be read: {e.Message}");
            }
        }

        private static KeyValuePair<string, string>[] Headers(IHeaderDictionary headers) =>
            [.. headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()))];

        private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
    }
}
