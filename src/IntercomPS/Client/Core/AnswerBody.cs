using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>
    /// An answer's body in a buffer borrowed from the shared array pool, given back once the answer has been read.
    /// A page of 500 users is about 250 KB: read into a fresh array (and a MemoryStream growing to it) each page would
    /// land on the large-object heap, which only a full collection frees, so a long listing's heap would grow by tens
    /// of megabytes of dead pages and pay for full collections.
    /// </summary>
    internal sealed class AnswerBody : IDisposable
    {
        /// <summary>
        /// The most of one answer that is read: 32 MiB. The largest answers the API sends are a page of 150 contacts
        /// (well under 2 MiB with every custom attribute filled), a page of 500 v1 users (about 1 MiB) and a
        /// conversation read with all its parts (a few MiB at hundreds of parts). Far past that, an answer is not one
        /// the API meant (a body that never ends, a proxy's download), and reading it would grow PowerShell by its size.
        /// </summary>
        public const int MaxLength = 32 * 1024 * 1024;

        /// <summary>The most a Content-Length header can make us borrow before any byte has arrived.</summary>
        private const int MaxUpFront = 1024 * 1024;
        private const int DefaultUpFront = 16 * 1024;

        private byte[]? _buffer;

        private AnswerBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            Length = length;
        }

        public int Length { get; }

        public ReadOnlySpan<byte> Span => new ReadOnlySpan<byte>(Buffer, 0, Length);

        public string Text => Encoding.UTF8.GetString(Buffer, 0, Length);

        /// <summary>This body's buffer handed to a new owner, which gives it back; this one is left empty (disposing it does nothing).</summary>
        public AnswerBody Detach() => new AnswerBody(Interlocked.Exchange(ref _buffer, null) ?? throw new ObjectDisposedException(nameof(AnswerBody)), Length);

        /// <summary>A copy that outlives this body (for the rare error answer).</summary>
        public byte[] ToArray() => Span.ToArray();

        private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(AnswerBody));

        /// <summary>
        /// The whole body, bounded by <paramref name="cancellationToken"/> like the rest of the exchange and by
        /// <see cref="MaxLength"/>: a longer one is an invalid_response error naming the request, and is not read on.
        /// </summary>
        public static async Task<AnswerBody> ReadAsync(HttpResponseMessage response, HttpMethod method, Uri uri, CancellationToken cancellationToken)
        {
            var announced = response.Content.Headers.ContentLength;
            if (announced > MaxLength)
                throw TooLarge(response, method, uri, string.Format(CultureInfo.InvariantCulture, "Intercom announced an answer of {0:N0} bytes", announced));
            // One byte more than announced, so the read that finds the end needs no bigger buffer.
            var buffer = ArrayPool<byte>.Shared.Rent(announced is long length && length < MaxUpFront ? (int)length + 1 : announced is null ? DefaultUpFront : MaxUpFront);
            var count = 0;
            try
            {
                // A stalled body must not outlive the timeout or Ctrl+C; disposing the response also ends reads that
                // ignore the token (older runtimes' network streams do).
                using (cancellationToken.Register(response.Dispose))
                using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    while (true)
                    {
                        // The pool may hand out more than was asked for: never read past one byte beyond the cap.
                        var room = (int)Math.Min(buffer.Length, MaxLength + 1L) - count;
                        if (room == 0)
                        {
                            if (count > MaxLength) throw TooLarge(response, method, uri, "Intercom's answer goes on past " + Describe(MaxLength));
                            buffer = Grow(buffer, count);
                            continue;
                        }
                        var read = await stream.ReadAsync(buffer, count, room, cancellationToken).ConfigureAwait(false);
                        if (read == 0) break;
                        count += read;
                    }
                }
                if (count > MaxLength) throw TooLarge(response, method, uri, "Intercom's answer goes on past " + Describe(MaxLength));
                return new AnswerBody(buffer, count);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }

        /// <summary>Twice the size, but never more than one byte past the cap: reaching that byte is the proof the answer is too long.</summary>
        private static byte[] Grow(byte[] buffer, int count)
        {
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)MaxLength + 1, buffer.Length * 2L));
            System.Buffer.BlockCopy(buffer, 0, bigger, 0, count);
            ArrayPool<byte>.Shared.Return(buffer);
            return bigger;
        }

        private static string Describe(int bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MiB";

        /// <summary>The request reached the server (it answered), so a write may have been applied: only its answer is refused.</summary>
        private static IntercomApiException TooLarge(HttpResponseMessage response, HttpMethod method, Uri uri, string what)
        {
            response.Dispose(); // the rest of the body is not wanted: the connection is closed rather than drained
            return new IntercomApiException(method.Method, uri, response.StatusCode, IntercomApiException.InvalidResponseType,
                $"{what}, more than the {Describe(MaxLength)} IntercomPS reads of one answer (the API's largest, a page of 150 contacts, is well under 2 MiB), so it was not read.")
            {
                MayHaveBeenApplied = true,
            };
        }

        public void Dispose()
        {
            var buffer = Interlocked.Exchange(ref _buffer, null);
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
