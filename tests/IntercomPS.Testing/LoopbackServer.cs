// A tiny HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose, for tests/*.Tests.ps1 (tests/TestSetup.ps1 loads
// this assembly) and the client tests. It answers each request with canned bytes: whole, stalled halfway through the
// body, cut off there, or a body that never ends. Rules match the start of "METHOD /path?query"; the newest matching
// rule answers, so a test's rule wins over the default, a user list that lets Connect-Intercom check its credentials.
// "{{n}}" in a rule's body is the number of times that rule has answered (1, 2, ...), so one rule can hand out a new
// cursor and new ids forever, as a server that never ends its list does. A rule whose headers carry their own
// Content-Length (a lie, say) is sent as written.
#nullable enable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Testing
{
    public enum AnswerBehaviour
    {
        /// <summary>The whole answer; the connection stays open for more requests.</summary>
        Whole,
        /// <summary>The headers and half the body, then nothing more until the server is disposed.</summary>
        Stall,
        /// <summary>The headers and half the body, then the connection is closed.</summary>
        Cut,
        /// <summary>The headers without a length, then the body repeated for ever (until the client goes away).</summary>
        Endless,
    }

    public sealed class LoopbackServer : IDisposable
    {
        private const string EmptyUserList = "{\"type\":\"user.list\",\"total_count\":0,\"page\":1,\"next_page\":null,\"previous_page\":null,\"total_pages\":0,\"users\":[]}";

        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly List<Rule> _rules = new List<Rule>();
        private readonly ConcurrentBag<TcpClient> _clients = new ConcurrentBag<TcpClient>();

        public LoopbackServer()
        {
            _listener.Start();
            Answer("GET /v1/users", 200, EmptyUserList);
            _ = HttpMessage.ServeAsync(_listener, _stop.Token, AnswerAsync, _clients.Add);
        }

        /// <summary>The API root to pass to Connect-Intercom -BaseUri.</summary>
        public Uri ApiUri => new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");

        /// <summary>Every request seen, as "METHOD /path?query", in arrival order.</summary>
        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        /// <summary>The body of every request seen (empty when it had none), in arrival order.</summary>
        public ConcurrentQueue<string> Bodies { get; } = new ConcurrentQueue<string>();

        /// <summary>
        /// Answers requests starting with <paramref name="request"/> ("POST /v1/users") with this status, body and extra
        /// header lines; with <paramref name="bodyContains"/>, only those whose body contains that text (one search of many);
        /// with <paramref name="times"/>, only that many requests, after which the rules below it answer again.
        /// </summary>
        public LoopbackServer Answer(string request, int status, string body, string headers = "", AnswerBehaviour behaviour = AnswerBehaviour.Whole, string? bodyContains = null, int times = int.MaxValue)
        {
            lock (_rules) _rules.Insert(0, new Rule(request, status, body, headers, behaviour, bodyContains, times));
            return this;
        }

        /// <summary>Waits until a request starting with <paramref name="request"/> has arrived; false after the timeout.</summary>
        public bool WaitFor(string request, int timeoutMs)
        {
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < timeoutMs)
            {
                foreach (var seen in Requests) if (seen.StartsWith(request, StringComparison.Ordinal)) return true;
                Thread.Sleep(20);
            }
            return false;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            // Like a server that went away: kept-alive connections close too, so the next request is refused.
            foreach (var client in _clients) client.Dispose();
        }

        /// <summary>Answers one request as the newest matching rule says; false when the connection ends with it.</summary>
        private async Task<bool> AnswerAsync(HttpMessage message, NetworkStream stream)
        {
            var parts = message.Lines[0].Split(' ');
            var line = parts[0] + " " + parts[1];
            var text = Encoding.UTF8.GetString(message.Body);
            Bodies.Enqueue(text);
            Requests.Enqueue(line);
            var rule = Find(line, text);
            var body = Encoding.UTF8.GetBytes(rule.Body.Replace("{{n}}", rule.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var length = rule.Behaviour == AnswerBehaviour.Endless ? "Connection: close\r\n"
                : rule.Headers.IndexOf("Content-Length:", StringComparison.OrdinalIgnoreCase) >= 0 ? "" : $"Content-Length: {body.Length}\r\n";
            var head = $"HTTP/1.1 {rule.Status} {((HttpStatusCode)rule.Status)}\r\nContent-Type: application/json\r\n{length}{rule.Headers}{(rule.Headers.Length > 0 && !rule.Headers.EndsWith("\r\n") ? "\r\n" : "")}\r\n";
            var headBytes = Encoding.ASCII.GetBytes(head);
            await stream.WriteAsync(headBytes, 0, headBytes.Length).ConfigureAwait(false);
            if (rule.Behaviour == AnswerBehaviour.Endless)
            {
                // The body over and over, written 64 KiB at a time.
                var unit = body.Length > 0 ? body : new byte[] { (byte)' ' };
                var chunk = new byte[(65536 / unit.Length + 1) * unit.Length];
                for (var at = 0; at < chunk.Length; at += unit.Length) Buffer.BlockCopy(unit, 0, chunk, at, unit.Length);
                while (!_stop.IsCancellationRequested) await stream.WriteAsync(chunk, 0, chunk.Length, _stop.Token).ConfigureAwait(false);
                return false;
            }
            var sent = rule.Behaviour == AnswerBehaviour.Whole ? body.Length : body.Length / 2;
            await stream.WriteAsync(body, 0, sent).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
            if (rule.Behaviour == AnswerBehaviour.Stall) await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
            return rule.Behaviour == AnswerBehaviour.Whole;
        }

        private Rule Find(string request, string body)
        {
            lock (_rules)
            {
                foreach (var rule in _rules)
                {
                    if (!request.StartsWith(rule.Request, StringComparison.Ordinal) || (rule.BodyContains is not null && !body.Contains(rule.BodyContains)) || rule.Left <= 0) continue;
                    rule.Left--;
                    return rule;
                }
            }
            return new Rule(request, 404, "{\"error\":{\"type\":\"not_found\",\"message\":\"The test server has no answer for this.\"}}", "", AnswerBehaviour.Whole, null, 1);
        }

        private sealed class Rule
        {
            public Rule(string request, int status, string body, string headers, AnswerBehaviour behaviour, string? bodyContains, int times)
            {
                Left = times;
                BodyContains = bodyContains;
                Request = request;
                Status = status;
                Body = body;
                Headers = headers;
                Behaviour = behaviour;
            }

            public string Request { get; }
            public int Status { get; }
            public string Body { get; }
            public string Headers { get; }
            public AnswerBehaviour Behaviour { get; }
            public string? BodyContains { get; }

            /// <summary>Requests this rule may still answer (under the rules' lock).</summary>
            public int Left { get; set; }

            private int _count;

            /// <summary>Counts an answer: the value of {{n}} in this one.</summary>
            public int Count() => Interlocked.Increment(ref _count);
        }
    }
}
