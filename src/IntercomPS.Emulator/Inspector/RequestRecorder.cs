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
/// <see cref="RequestLog"/> once it is answered, error answers included. With no inspector open that is a timestamp
/// pair and one small record; with one open, the request's body is buffered and the answer's copied as it is written.
/// </summary>
internal sealed class RequestRecorder(RequestLog log)
{
    public Task InvokeAsync(HttpContext context, RequestDelegate next) =>
        log.Enabled && (V1Face.Serves(context) || Endpoints.V2.Face.Serves(context)) ? RecordAsync(context, next) : next(context);

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var capture = log.Capturing ? new Capture(context) : null;
        try
        {
            await next(context);
        }
        finally
        {
            var exchange = capture is null ? null : await capture.FinishAsync();
            log.Add(Entry(context, log.NextId(), Stopwatch.GetElapsedTime(started).TotalMilliseconds, exchange));
        }
    }

    private static LoggedRequest Entry(HttpContext context, long id, double milliseconds, Exchange? exchange)
    {
        var request = context.Request;
        var response = context.Response;
        var v1 = V1Face.Serves(context);
        var version = v1 ? null
            : response.Headers[Endpoints.V2.Face.VersionHeader].ToString() is { Length: > 0 } answered ? answered
            : request.Headers[Endpoints.V2.Face.VersionHeader].ToString() is { Length: > 0 } asked ? asked : null;
        var cut = context.RequestAborted.IsCancellationRequested && !response.HasStarted;
        return new LoggedRequest(
            id, DateTimeOffset.UtcNow, request.Method, request.QueryString.HasValue ? request.Path.Value + request.QueryString.Value : request.Path.Value!, v1 ? "v1" : "2.x", version,
            Caller.Find(context)?.AppId, cut ? 0 : response.StatusCode, FaultInjector.Injected(context), milliseconds,
            request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            response.Headers["X-Request-Id"].ToString() is { Length: > 0 } requestId ? requestId : null,
            exchange);
    }

    /// <summary>An exchange being captured: the request body buffered so it can be read again, the answer teed.</summary>
    private sealed class Capture
    {
        private readonly HttpContext context;
        private readonly Stream answer;
        private readonly Tee tee;

        public Capture(HttpContext context)
        {
            this.context = context;
            context.Request.EnableBuffering();
            answer = context.Response.Body;
            tee = new Tee(answer);
            context.Response.Body = tee;
        }

        public async Task<Exchange> FinishAsync()
        {
            context.Response.Body = answer;
            return new Exchange(
                Headers(context.Request.Headers), await RequestBodyAsync(),
                Headers(context.Response.Headers), new CapturedBody(Text(tee.Kept.GetBuffer().AsSpan(0, (int)tee.Kept.Length)), tee.Written));
        }

        /// <summary>The body from its start: what the handler read, then the rest, which a refused request never read.</summary>
        private async Task<CapturedBody> RequestBodyAsync()
        {
            var body = context.Request.Body;
            try
            {
                body.Position = 0;
                var kept = new MemoryStream();
                var buffer = new byte[8192];
                var length = 0L;
                int read;
                while ((read = await body.ReadAsync(buffer, CancellationToken.None)) > 0)
                {
                    kept.Write(buffer, 0, Math.Min(read, RequestLog.BodyLimit - (int)kept.Length));
                    length += read;
                }

                return new CapturedBody(Text(kept.GetBuffer().AsSpan(0, (int)kept.Length)), length);
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

    /// <summary>Passes the answer on and keeps its first <see cref="RequestLog.BodyLimit"/> bytes.</summary>
    private sealed class Tee(Stream inner) : Stream
    {
        public MemoryStream Kept { get; } = new();

        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Keep(buffer);
            inner.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            Written += bytes.Length;
            var room = RequestLog.BodyLimit - (int)Kept.Length;
            if (room > 0)
            {
                Kept.Write(bytes[..Math.Min(room, bytes.Length)]);
            }
        }
    }
}
