#nullable enable
// A loopback Intercom stand-in that proves concurrency without timing anything, used by tests/Concurrency.Tests.ps1
// and tests/TagsNotesOnBothApis.Tests.ps1 (tests/TestSetup.ps1 loads this assembly). It holds the requests it gates
// (user lookups, POST /v1/tags) until `Expected` of them are waiting at the same time, then answers that group: a cmdlet that sent them one by one would show
// MaxWaiting 1 (each held request gives up after Patience and is answered anyway, so such a test fails, never hangs).
// With HoldOnly, only the gated request whose path contains that text is held (for Patience) and the rest are
// answered at once; what arrived meanwhile shows how far a cmdlet runs ahead of an answer it is still waiting for.
// At RootUri it also speaks enough REST API 2.14 for tagging: GET /me and GET /tags are answered at once, contact
// searches (POST /contacts/search) and untags (DELETE /contacts/{id}/tags/{tag_id}, one per contact) are gated.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Testing
{
    public sealed class GateServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly object _gate = new object();
        private readonly List<string> _gatedPaths = new List<string>();
        private int _arrived;
        private int _waiting;

        public GateServer(int expected, string? holdOnly = null)
        {
            Expected = expected;
            HoldOnly = holdOnly;
            _listener.Start();
            ApiUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");
            RootUri = new Uri(ApiUri, "/");
            _ = Task.Run(AcceptAsync);
        }

        public Uri ApiUri { get; }

        /// <summary>The REST API 2.14 root, for Connect-Intercom -AccessToken -BaseUri.</summary>
        public Uri RootUri { get; }
        public int Expected { get; }
        public string? HoldOnly { get; }
        public TimeSpan Patience { get; set; } = TimeSpan.FromSeconds(3);
        /// <summary>Batch bodies containing this text are refused with a 422, as Intercom refuses a bad batch.</summary>
        public string RefuseBodiesWith { get; set; } = "\u0000";

        /// <summary>The most gated requests that were waiting at the same time.</summary>
        public int MaxWaiting { get; private set; }

        /// <summary>Gated requests that had arrived when the one held by HoldOnly was answered, that one included.</summary>
        public int ArrivedWhileHeld { get; private set; }

        public int Gated { get { lock (_gate) return _arrived; } }

        public string[] GatedPaths { get { lock (_gate) return _gatedPaths.ToArray(); } }

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(); }
                catch (Exception) { return; } // stopped
                // A thread of its own: held requests block in Monitor.Wait, and on a pool of two threads they would queue
                // behind each other, so fewer could ever wait at once than the client sends.
                _ = Task.Factory.StartNew(() => Serve(client), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        }

        private void Serve(TcpClient client)
        {
            using (client)
            using (var stream = client.GetStream())
            {
                try
                {
                    while (true)
                    {
                        var head = ReadHead(stream);
                        if (head is null) return;
                        var lines = head.Split(new[] { "\r\n" }, StringSplitOptions.None);
                        var parts = lines[0].Split(' ');
                        var method = parts[0];
                        var path = parts[1];
                        var length = 0;
                        foreach (var line in lines)
                            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring(15).Trim());
                        var body = Encoding.UTF8.GetString(ReadExactly(stream, length));
                        var (status, json) = Answer(method, path, body);
                        var bytes = Encoding.UTF8.GetBytes(json);
                        var header = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Unprocessable Entity")}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\n\r\n");
                        stream.Write(header, 0, header.Length);
                        stream.Write(bytes, 0, bytes.Length);
                    }
                }
                catch (IOException) { } // the client went away
            }
        }

        private (int Status, string Json) Answer(string method, string path, string body)
        {
            if (AnswerV2(method, path, body) is { } v2) return v2;
            var lookup = method == "GET" && path.StartsWith("/v1/users?", StringComparison.Ordinal) && (path.Contains("email=") || path.Contains("user_id="));
            var tagging = method == "POST" && path == "/v1/tags";
            if (!lookup && !tagging) return (200, "{\"type\":\"user.list\",\"users\":[],\"total_count\":0,\"page\":1,\"next_page\":null,\"total_pages\":0}");
            Hold(path);
            if (tagging)
            {
                if (body.Contains(RefuseBodiesWith)) return (422, "{\"error\":{\"type\":\"bad_request\",\"message\":\"This batch was refused on purpose.\"}}");
                return (200, "{\"type\":\"tag\",\"id\":\"5f3a1c2b9d8e7f6a5b4c3d2e\",\"name\":\"gated\",\"tagged_user_count\":1}");
            }
            var query = path.Substring(path.IndexOf('?') + 1).Split('=');
            var value = Uri.UnescapeDataString(query[1]);
            var email = query[0] == "email" ? value : value + "@example.com";
            return (200, $"{{\"type\":\"user\",\"id\":\"1\",\"email\":\"{email}\",\"user_id\":\"id-{email}\"}}");
        }

        /// <summary>The 2.14 requests tagging sends; a contact search finds one contact per email, named after it.</summary>
        private (int Status, string Json)? AnswerV2(string method, string path, string body)
        {
            if (method == "GET" && path == "/me")
                return (200, "{\"type\":\"admin\",\"id\":\"7\",\"name\":\"Gate\",\"email\":\"gate@example.com\",\"app\":{\"type\":\"app\",\"id_code\":\"gate\",\"name\":\"Gate\"}}");
            if (method == "GET" && path == "/tags")
                return (200, "{\"type\":\"list\",\"data\":[{\"type\":\"tag\",\"id\":\"17\",\"name\":\"gated\"}]}");
            if (method == "POST" && path == "/contacts/search")
            {
                Hold(path);
                var email = System.Text.RegularExpressions.Regex.Match(body, "\"field\":\"email\",\"operator\":\"=\",\"value\":\"([^\"]+)\"").Groups[1].Value;
                return (200, $"{{\"type\":\"list\",\"total_count\":1,\"data\":[{{\"type\":\"contact\",\"id\":\"c-{email.Replace("@", "-at-")}\"}}]}}");
            }
            if (method == "DELETE" && path.StartsWith("/contacts/", StringComparison.Ordinal) && path.Contains("/tags/"))
            {
                Hold(path);
                return (200, "{\"type\":\"tag\",\"id\":\"17\",\"name\":\"gated\"}");
            }
            return null;
        }

        private void Hold(string path)
        {
            lock (_gate)
            {
                _gatedPaths.Add(path);
                var index = _arrived++;
                _waiting++;
                MaxWaiting = Math.Max(MaxWaiting, _waiting);
                Monitor.PulseAll(_gate);
                var deadline = DateTime.UtcNow + Patience;
                if (HoldOnly is not null)
                {
                    if (path.Contains(HoldOnly))
                    {
                        while (DateTime.UtcNow < deadline) Monitor.Wait(_gate, deadline - DateTime.UtcNow);
                        ArrivedWhileHeld = _arrived;
                    }
                }
                else
                {
                    // Group g is released once (g + 1) x Expected requests have arrived.
                    var release = (index / Expected + 1) * Expected;
                    while (_arrived < release && DateTime.UtcNow < deadline) Monitor.Wait(_gate, deadline - DateTime.UtcNow);
                }
                _waiting--;
            }
        }

        private static string? ReadHead(Stream stream)
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (head.Length < 4 || head[head.Length - 1] != '\n' || head[head.Length - 3] != '\n')
            {
                if (stream.Read(one, 0, 1) == 0) return null;
                head.Append((char)one[0]);
            }
            return head.ToString();
        }

        private static byte[] ReadExactly(Stream stream, int count)
        {
            var buffer = new byte[count];
            for (var read = 0; read < count;)
            {
                var n = stream.Read(buffer, read, count - read);
                if (n == 0) throw new IOException("The request body was cut short.");
                read += n;
            }
            return buffer;
        }

        public void Dispose() => _listener.Stop();
    }
}
