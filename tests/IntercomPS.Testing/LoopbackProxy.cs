// A forward HTTP proxy on 127.0.0.1 for the proxy tests (tests/Transport.Tests.ps1 and the client tests). Every request
// it gets in absolute form (GET http://intercom.test/me) goes to one upstream (a LoopbackServer, the emulator), whatever
// host it names and with the upstream's name as Host, so nothing leaves the machine; a CONNECT (how HTTPS goes through a proxy) is recorded and refused with 502, since no
// tunnel may leave it either. With a credential it asks for one first (407 with Proxy-Authenticate: Basic), as an
// ops network's proxy does, and records the Proxy-Authorization it got.
#nullable enable
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Testing
{
    public sealed class LoopbackProxy : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Uri _upstream;
        private readonly string? _expectedAuthorization;

        /// <param name="upstream">Where requests go: the server's root (its host and port are all that is used).</param>
        /// <param name="userName">With <paramref name="password"/>, the credential the proxy asks for; none when null.</param>
        public LoopbackProxy(Uri upstream, string? userName = null, string? password = null)
        {
            _upstream = upstream;
            if (userName is not null) _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
            _listener.Start();
            _ = HttpMessage.ServeAsync(_listener, _stop.Token, AnswerAsync);
        }

        /// <summary>The proxy's address, for -Proxy or HTTP_PROXY.</summary>
        public Uri Uri => new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        /// <summary>Every request line the proxy got ("GET http://intercom.test/me HTTP/1.1", "CONNECT api.intercom.io:443 HTTP/1.1").</summary>
        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        /// <summary>The Proxy-Authorization header values it got, in arrival order.</summary>
        public ConcurrentQueue<string> Authorizations { get; } = new ConcurrentQueue<string>();

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        /// <summary>Asks for the credential, refuses a tunnel, or forwards; false when the connection ends with the answer.</summary>
        private async Task<bool> AnswerAsync(HttpMessage request, NetworkStream stream)
        {
            Requests.Enqueue(request.Lines[0]);
            var authorization = request.Header("Proxy-Authorization");
            if (authorization is not null) Authorizations.Enqueue(authorization);
            if (_expectedAuthorization is not null && authorization != _expectedAuthorization)
            {
                await WriteAsync(stream, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"loopback\"\r\nContent-Length: 0\r\n\r\n").ConfigureAwait(false);
                return true;
            }
            if (request.Lines[0].StartsWith("CONNECT ", StringComparison.Ordinal))
            {
                await WriteAsync(stream, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").ConfigureAwait(false);
                return false;
            }
            await WriteAsync(stream, await ForwardAsync(request.Lines, request.Body).ConfigureAwait(false)).ConfigureAwait(false);
            return true;
        }

        /// <summary>The request in origin form to the upstream, without the proxy's own headers; its whole answer back.</summary>
        private async Task<byte[]> ForwardAsync(string[] lines, byte[] body)
        {
            var parts = lines[0].Split(' ');
            var target = new Uri(parts[1]);
            var request = new StringBuilder($"{parts[0]} {target.PathAndQuery} {parts[2]}\r\n");
            for (var i = 1; i < lines.Length && lines[i].Length > 0; i++)
            {
                if (lines[i].StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase)) continue;
                // The upstream's own name, as a gateway would: the emulator answers only to loopback names.
                request.Append(lines[i].StartsWith("Host:", StringComparison.OrdinalIgnoreCase) ? $"Host: {_upstream.Authority}" : lines[i]).Append("\r\n");
            }
            request.Append("\r\n");

            using var upstream = new TcpClient();
            await upstream.ConnectAsync(_upstream.Host, _upstream.Port).ConfigureAwait(false);
            using var stream = upstream.GetStream();
            var requestHead = Encoding.ASCII.GetBytes(request.ToString());
            await stream.WriteAsync(requestHead, 0, requestHead.Length).ConfigureAwait(false);
            await stream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
            var answer = await HttpMessage.ReadAsync(stream).ConfigureAwait(false) ?? throw new IOException("The upstream closed without a whole answer.");
            var head = Encoding.ASCII.GetBytes(answer.Head + "\r\n");
            var bytes = new byte[head.Length + answer.Body.Length];
            Buffer.BlockCopy(head, 0, bytes, 0, head.Length);
            Buffer.BlockCopy(answer.Body, 0, bytes, head.Length, answer.Body.Length);
            return bytes;
        }

        private static Task WriteAsync(Stream stream, string text) => WriteAsync(stream, Encoding.ASCII.GetBytes(text));

        private static async Task WriteAsync(Stream stream, byte[] bytes)
        {
            await stream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }
    }
}
