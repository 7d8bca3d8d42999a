// The little HTTP/1.1 that LoopbackServer and LoopbackProxy share: serving connections, and reading one message (its
// head lines and its Content-Length body) off a stream.
#nullable enable
using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Testing
{
    internal sealed class HttpMessage
    {
        private HttpMessage(string[] lines, byte[] body)
        {
            Lines = lines;
            Body = body;
        }

        /// <summary>The start line, then the header lines.</summary>
        public string[] Lines { get; }

        public byte[] Body { get; }

        /// <summary>The head as it came, with its blank line.</summary>
        public string Head => string.Join("\r\n", Lines) + "\r\n";

        public string? Header(string name)
        {
            foreach (var line in Lines)
                if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) return line.Substring(name.Length + 1).Trim();
            return null;
        }

        /// <summary>One message; null when the peer closed the connection before a whole one came.</summary>
        public static async Task<HttpMessage?> ReadAsync(Stream stream)
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await stream.ReadAsync(one, 0, 1).ConfigureAwait(false) == 0) return null;
                head.Append((char)one[0]);
            }
            var lines = head.ToString(0, head.Length - 4).Split(new[] { "\r\n" }, StringSplitOptions.None);
            var message = new HttpMessage(lines, Array.Empty<byte>());
            var length = int.TryParse(message.Header("Content-Length"), out var announced) ? announced : 0;
            var body = new byte[length];
            for (var read = 0; read < length;)
            {
                var got = await stream.ReadAsync(body, read, length - read).ConfigureAwait(false);
                if (got == 0) return null;
                read += got;
            }
            return new HttpMessage(lines, body);
        }

        /// <summary>
        /// Serves every connection until the listener stops: each request read is handed to <paramref name="answer"/>,
        /// which writes its answer and says whether the connection stays open for the next one.
        /// </summary>
        public static async Task ServeAsync(TcpListener listener, CancellationToken stop, Func<HttpMessage, NetworkStream, Task<bool>> answer, Action<TcpClient>? accepted = null)
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await listener.AcceptTcpClientAsync().ConfigureAwait(false); }
                catch (Exception) { return; } // stopped
                accepted?.Invoke(client);
                _ = ServeAsync(client, stop, answer);
            }
        }

        private static async Task ServeAsync(TcpClient client, CancellationToken stop, Func<HttpMessage, NetworkStream, Task<bool>> answer)
        {
            using (client)
            using (var stream = client.GetStream())
            {
                try
                {
                    while (!stop.IsCancellationRequested && await ReadAsync(stream).ConfigureAwait(false) is { } request && await answer(request, stream).ConfigureAwait(false))
                    {
                    }
                }
                catch (Exception)
                {
                    // The client went away or the server stopped: nothing to answer any more.
                }
            }
        }
    }
}
