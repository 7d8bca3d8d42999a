using System;
using System.Buffers;
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

        /// <summary>A copy that outlives this body (for the rare error answer).</summary>
        public byte[] ToArray() => Span.ToArray();

        private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(AnswerBody));

        /// <summary>The whole body, bounded by <paramref name="cancellationToken"/> like the rest of the exchange.</summary>
        public static async Task<AnswerBody> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            // One byte more than announced, so the read that finds the end needs no bigger buffer.
            var announced = response.Content.Headers.ContentLength;
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
                        if (count == buffer.Length) buffer = Grow(buffer, count);
                        var read = await stream.ReadAsync(buffer, count, buffer.Length - count, cancellationToken).ConfigureAwait(false);
                        if (read == 0) break;
                        count += read;
                    }
                }
                return new AnswerBody(buffer, count);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }

        private static byte[] Grow(byte[] buffer, int count)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
            System.Buffer.BlockCopy(buffer, 0, bigger, 0, count);
            ArrayPool<byte>.Shared.Return(buffer);
            return bigger;
        }

        public void Dispose()
        {
            var buffer = Interlocked.Exchange(ref _buffer, null);
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
