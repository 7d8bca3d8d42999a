using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client
{
    /// <summary>
    /// The HTTP exchange both protocols share: one HttpClient for the life of a session, timeouts that cover the
    /// whole exchange, retries of what can safely be retried, pacing on the rate-limit headers (the app's
    /// <see cref="RateBudget"/>), redirects refused,
    /// and every failure turned into an <see cref="IntercomApiException"/>. What differs between v1 and 2.14 (the
    /// credential and headers a request carries, the shape of an error answer) is the <see cref="IApiDialect"/>'s.
    /// Knows nothing of PowerShell. Safe to use from many threads at once.
    /// </summary>
    internal sealed class ApiTransport : IDisposable
    {
        private static readonly MediaTypeHeaderValue JsonMediaType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        private static readonly ProductInfoHeaderValue UserAgent = new ProductInfoHeaderValue("IntercomPS", typeof(ApiTransport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

        private readonly HttpClient _http;
        private readonly IApiDialect _dialect;

        /// <summary>What is left of the app's rate-limit window, shared with its other sessions in this process.</summary>
        private readonly RateBudget _budget;

        internal ApiTransport(IntercomClientOptions options, IApiDialect dialect)
        {
            _dialect = dialect;
            BaseUri = options.BaseUri;
            _budget = RateBudget.For(options.BaseUri, dialect.RateLimitedAs);
            Timeout = options.Timeout;
            Retry = options.Retry;
            // Timeouts are ours (per request, the whole exchange, told apart from the caller's cancellation), not
            // HttpClient's. The Intercom API never redirects: a 3xx is reported, never followed to another place.
            // Without a proxy of its own the handler takes the environment's (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).
            var handler = new HttpClientHandler { AllowAutoRedirect = false };
            if (options.Proxy is { } proxy)
            {
                handler.UseProxy = true;
                handler.Proxy = new WebProxy(proxy) { Credentials = options.ProxyCredential };
            }
            _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            // The same on every request: parsed and validated once, not per request.
            _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            _http.DefaultRequestHeaders.UserAgent.Add(UserAgent);
        }

        public Uri BaseUri { get; }

        public TimeSpan Timeout { get; }

        /// <summary>The rate-limit window as the last answer described it, or null before any answer carried one.</summary>
        public RateLimitStatus? RateLimit => _budget.Window;

        public RetryPolicy Retry { get; }

        /// <summary>
        /// Sends a request and reads the JSON answer as <typeparamref name="T"/>, retrying what can safely be
        /// retried. <paramref name="idempotent"/> says whether sending it twice does no harm; a request that is
        /// not is retried only when the server cannot have applied it (429, 503 with Retry-After, connection refused).
        /// </summary>
        public Task<T> SendAsync<T>(HttpMethod method, string relativeUri, Action<Utf8JsonWriter>? writeBody, JsonTypeInfo<T> answerType, bool idempotent, CancellationToken cancellationToken) =>
            SendAsync(method, relativeUri, writeBody, answerType, AsIs<T>.Answer, idempotent, cancellationToken);

        /// <summary>
        /// As above, with the answer mapped by <paramref name="read"/> (a protocol's wire type to its model) inside this
        /// one call: a second async method around it for the mapping would cost every request another allocation.
        /// </summary>
        public Task<TResult> SendAsync<TAnswer, TResult>(HttpMethod method, string relativeUri, Action<Utf8JsonWriter>? writeBody, JsonTypeInfo<TAnswer> answerType,
            Func<TAnswer, TResult> read, bool idempotent, CancellationToken cancellationToken) =>
            SendAsync<Typed<TAnswer, TResult>, TResult>(method, relativeUri, writeBody, null, new Typed<TAnswer, TResult>(answerType, read), idempotent, cancellationToken);

        /// <summary>
        /// As above, but the answer is read only when the caller asks (<see cref="UnreadAnswer{T}.Read"/>): until then it
        /// waits as bytes in its borrowed buffer. For pages requested ahead of their reader, so that what is held ahead
        /// is a reused buffer rather than thousands of objects that each collection finds alive and moves on to an older
        /// generation, where they die and stay until a full collection.
        /// </summary>
        public Task<UnreadAnswer<TResult>> SendUnreadAsync<TAnswer, TResult>(HttpMethod method, string relativeUri, JsonTypeInfo<TAnswer> answerType,
            Func<TAnswer, TResult> read, bool idempotent, CancellationToken cancellationToken) =>
            SendAsync<Unread<TAnswer, TResult>, UnreadAnswer<TResult>>(method, relativeUri, null, null,
                new Unread<TAnswer, TResult>(new Typed<TAnswer, TResult>(answerType, read)), idempotent, cancellationToken);

        /// <summary>
        /// Any request of the API, for Invoke-IntercomRequest: the body is JSON as given, and the answer its JSON as a
        /// document of its own (null when the answer has no body, as a 202 or a DELETE may), with the same retries,
        /// pacing and errors as every other call.
        /// </summary>
        public Task<JsonElement?> SendRawAsync(HttpMethod method, string relativeUri, byte[]? body, bool idempotent, CancellationToken cancellationToken) =>
            SendAsync<AnyJson, JsonElement?>(method, relativeUri, null, body, default(AnyJson), idempotent, cancellationToken);

        /// <summary>
        /// The one retry loop. <typeparamref name="TReader"/> is a struct, so how an answer is read costs no
        /// allocation per request (a delegate around the typed read measured as one on every lookup). The body is
        /// written here, inside the task, so a value JSON cannot carry fails the task rather than the call.
        /// </summary>
        private async Task<TResult> SendAsync<TReader, TResult>(HttpMethod method, string relativeUri, Action<Utf8JsonWriter>? writeBody, byte[]? bytes, TReader reader, bool idempotent,
            CancellationToken cancellationToken)
            where TReader : struct, IAnswerReader<TResult>
        {
            var uri = new Uri(BaseUri, relativeUri);
            var body = bytes ?? (writeBody is null ? null : Serialize(writeBody));
            var trace = RequestTrace.Current;
            if (body is not null && trace is { IsDebugEnabled: true }) trace.Debug($"{method} {uri.PathAndQuery} body: {Encoding.UTF8.GetString(body)}");

            // Whether an attempt already sent may have been applied: then a write's later refusal (an untag's 404, say)
            // may be that attempt's own doing, and the error must say so rather than pass for the whole story.
            var earlierMayHaveApplied = false;
            for (var retry = 1; ; retry++)
            {
                if (!_budget.TryEnter(out var ticket)) ticket = await WaitForBudgetAsync(method, uri, trace, cancellationToken).ConfigureAwait(false);
                try
                {
                    using var answer = await SendOnceAsync(method, uri, body, ticket, trace, cancellationToken).ConfigureAwait(false);
                    return reader.Read(answer, method, uri);
                }
                catch (IntercomApiException failure) when (earlierMayHaveApplied && method != HttpMethod.Get && !(failure.CertainlyNotApplied || IsTransient(failure)))
                {
                    throw new IntercomApiException(failure.Method, failure.RequestUri, failure.StatusCode, failure.ErrorType,
                        $"{failure.ApiMessage} (an earlier attempt of this request got no answer it could trust and may have been applied: this may be its doing)",
                        failure.RetryAfter, failure, failure.RequestId)
                    {
                        ApiVersion = failure.ApiVersion, Credential = failure.Credential, MayHaveBeenApplied = true,
                    };
                }
                catch (IntercomApiException failure) when (failure.CertainlyNotApplied || (idempotent && IsTransient(failure)))
                {
                    earlierMayHaveApplied |= failure.MayHaveBeenApplied;
                    var wait = Retry.WaitBefore(retry, failure.RetryAfter);
                    if (wait is null)
                    {
                        trace?.Verbose(retry > Retry.MaxRetries
                            ? $"{method} {uri.PathAndQuery}: giving up after {Retry.MaxRetries} retries"
                            : $"{method} {uri.PathAndQuery}: the server asked to wait {failure.RetryAfter?.TotalSeconds:0.#} s, more than the {Retry.MaxWait.TotalSeconds:0.#} s limit; giving up");
                        throw;
                    }
                    trace?.Verbose($"{method} {uri.PathAndQuery}: {Describe(failure)}; retry {retry} of {Retry.MaxRetries} in {wait.Value.TotalSeconds:0.0#} s (set by {failure.RetryAfterSetBy ?? "backoff"})");
                    await Task.Delay(wait.Value, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// Holds a request back while the app's rate-limit window has nothing left for it, or a 429's Retry-After runs,
        /// instead of hammering into 429s; says why in a Verbose line. Its own method: the closure is paid only here.
        /// </summary>
        private Task<long> WaitForBudgetAsync(HttpMethod method, Uri uri, IRequestTraceSink? trace, CancellationToken cancellationToken) =>
            _budget.EnterAsync(Retry.MaxWait, (wait, setBy) => trace?.Verbose(setBy == ServerWait.ResetHeader && _budget.Window is { } limit
                ? $"{method} {uri.PathAndQuery}: rate limit of {limit.Limit} reached; waiting {wait.TotalSeconds:0.0#} s for the window to reset (set by {setBy})"
                : $"{method} {uri.PathAndQuery}: waiting {wait.TotalSeconds:0.0#} s, as the last answer asked (set by {setBy})"), cancellationToken);

        /// <summary>Failures that may well succeed on a second try; safe to retry only for idempotent requests.</summary>
        private static bool IsTransient(IntercomApiException failure) =>
            failure.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or (HttpStatusCode)429 ||
            failure.ErrorType == IntercomApiException.TimeoutType ||
            failure.ErrorType == IntercomApiException.ConnectionFailedType ||
            failure.ErrorType == IntercomApiException.ResponseLostType;

        private static string Describe(IntercomApiException failure) =>
            failure.StatusCode is { } status ? $"{(int)status} {failure.ErrorType}" : failure.ErrorType.Replace('_', ' ');

        /// <summary>One attempt; the caller disposes the answer once read (its buffer is borrowed).</summary>
        private async Task<AnswerBody> SendOnceAsync(HttpMethod method, Uri uri, byte[]? body, long ticket, IRequestTraceSink? trace, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var clock = Stopwatch.StartNew();
            var answered = false;
            try
            {
                using var request = new HttpRequestMessage(method, uri);
                _dialect.Prepare(request);
                if (body is not null) request.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonMediaType } };

                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                answered = true;
                var limit = RateLimitStatus.From(response);
                var serverWait = ServerWait.Of(response, limit, DateTime.UtcNow);
                // A 429's wait is the app's; another answer's Retry-After is only its own retry's.
                _budget.Answered(ticket, limit, (int)response.StatusCode == 429 ? serverWait : null);
                var answer = await AnswerBody.ReadAsync(response, method, uri, timeout.Token).ConfigureAwait(false);
                trace?.Verbose($"{method} {uri.PathAndQuery} -> {(int)response.StatusCode} {response.StatusCode} in {clock.ElapsedMilliseconds} ms");
                if (trace is { IsDebugEnabled: true }) trace.Debug($"{method} {uri.PathAndQuery} answer: {answer.Text}");

                if (response.IsSuccessStatusCode) return answer;
                using (answer) throw ToException(method, uri, response, answer.ToArray(), _dialect, serverWait);
            }
            catch (Exception failure) when (failure is not IntercomApiException && cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: whatever the cancelled read threw, the caller sees its own cancellation.
                throw new OperationCanceledException(cancellationToken);
            }
            catch (Exception failure) when (failure is not IntercomApiException && timeout.IsCancellationRequested)
            {
                trace?.Verbose($"{method} {uri.PathAndQuery} timed out after {clock.ElapsedMilliseconds} ms{(answered ? " reading the answer" : string.Empty)}");
                throw new IntercomApiException(method.Method, uri, null, IntercomApiException.TimeoutType,
                    $"Intercom did not answer within {Timeout.TotalSeconds:0.###} seconds.") { MayHaveBeenApplied = true };
            }
            catch (Exception failure) when (failure is HttpRequestException || failure is IOException)
            {
                if (!answered && NeverConnected(failure))
                {
                    var refused = Innermost(failure) is SocketException { SocketErrorCode: SocketError.ConnectionRefused };
                    trace?.Verbose($"{method} {uri.PathAndQuery} failed to connect after {clock.ElapsedMilliseconds} ms: {Innermost(failure).Message}");
                    throw new IntercomApiException(method.Method, uri, null, IntercomApiException.ConnectionFailedType,
                        $"The connection to {uri.Host} failed: {Innermost(failure).Message}", innerException: failure) { CertainlyNotApplied = refused };
                }
                // The request may have reached the server and been acted on: say so, so nobody repeats it blindly.
                trace?.Verbose($"{method} {uri.PathAndQuery} lost its answer after {clock.ElapsedMilliseconds} ms: {Innermost(failure).Message}");
                throw new IntercomApiException(method.Method, uri, null, IntercomApiException.ResponseLostType,
                    $"The request to {uri.Host} was sent, but the answer was lost: it may have been applied ({Innermost(failure).Message})", innerException: failure)
                {
                    MayHaveBeenApplied = true,
                };
            }
            finally
            {
                // Counted in flight by the budget since it was let go: out now, answered or not.
                if (!answered) _budget.Abandoned();
            }
        }

        /// <summary>Failures that happen before a connection exists, so the request cannot have been sent.</summary>
        private static bool NeverConnected(Exception failure) =>
            Innermost(failure) is SocketException socket && socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown or SocketError.TryAgain
                or SocketError.NoData or SocketError.AddressNotAvailable or SocketError.AddressFamilyNotSupported
            || Innermost(failure) is System.Security.Authentication.AuthenticationException
            || BeforeTheRequest(failure);

        /// <summary>
        /// .NET 8's HttpRequestException.HttpRequestError (read by name: the module builds against netstandard2.0) tells a
        /// request that never left from one that did: a proxy that would not open a tunnel to Intercom (CONNECT refused)
        /// has no socket error beneath it, yet nothing reached the API.
        /// </summary>
        private static bool BeforeTheRequest(Exception failure) =>
            failure is HttpRequestException && RequestErrorProperty?.GetValue(failure)?.ToString() is "ProxyTunnelError" or "NameResolutionError" or "ConnectionError" or "SecureConnectionError";

        private static readonly System.Reflection.PropertyInfo? RequestErrorProperty = typeof(HttpRequestException).GetProperty("HttpRequestError");

        private static byte[] Serialize(Action<Utf8JsonWriter> writeBody)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer)) writeBody(writer);
            return buffer.ToArray();
        }

        private static T Deserialize<T>(AnswerBody answer, JsonTypeInfo<T> answerType, HttpMethod method, Uri uri)
        {
            // An answer that has no body by design (POST /events' 202): nothing to read, and nothing wrong.
            if (answer.Span.IsEmpty && typeof(T) == typeof(NoContent)) return (T)(object)NoContent.Value;
            T result;
            ReadProblems.Clear();
            try
            {
                result = JsonSerializer.Deserialize(answer.Span, answerType) ?? throw new JsonException("The answer was empty.");
            }
            catch (Exception failure) when (failure is JsonException || failure is ArgumentException || failure is FormatException || failure is OverflowException || failure is InvalidOperationException)
            {
                throw InvalidResponse(method, uri, $"Intercom sent an answer that is not the expected {typeof(T).Name} JSON: {failure.Message}{WebPageHint(answer.Span)}", failure);
            }
            // Valid JSON is not enough: `{}` from a proxy or a redirect target must not pass for a user.
            if (result is ICheckedAnswer { Problem: { } problem }) throw InvalidResponse(method, uri, $"Intercom sent an answer that is not the expected {typeof(T).Name}: {problem}.", null);
            return result;
        }

        /// <summary>
        /// What to check when the answer is markup: a web page answering 200 (a sign-in page, a portal, a wrong base URI
        /// or path) is no API, and the JSON reader's "'&lt;' is an invalid start of a value" alone does not say so.
        /// </summary>
        private static string WebPageHint(ReadOnlySpan<byte> body)
        {
            foreach (var b in body)
            {
                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
                return b == (byte)'<' ? " It is markup (a web page?), not the API's: check the path and the session's base URI, which must be the API's root (like https://api.intercom.io/)." : string.Empty;
            }
            return string.Empty;
        }

        private static IntercomApiException InvalidResponse(HttpMethod method, Uri uri, string message, Exception? failure) =>
            new IntercomApiException(method.Method, uri, HttpStatusCode.OK, IntercomApiException.InvalidResponseType, message, innerException: failure) { MayHaveBeenApplied = true };

        private static IntercomApiException ToException(HttpMethod method, Uri uri, HttpResponseMessage response, byte[] answer, IApiDialect dialect, ServerWait? serverWait)
        {
            var status = response.StatusCode;
            if ((int)status is >= 300 and < 400)
            {
                var location = response.Headers.Location is { } target ? new Uri(uri, target).ToString() : "nowhere (no Location header)";
                return new IntercomApiException(method.Method, uri, status, IntercomApiException.RedirectType,
                    $"Intercom answered {(int)status} {response.ReasonPhrase}, pointing to {location}. The Intercom API never redirects, so the request was not sent there: check -BaseUri.");
            }
            if ((int)status == 407)
            {
                // The proxy's answer, not Intercom's: nothing reached the API.
                return new IntercomApiException(method.Method, uri, status, IntercomApiException.ProxyAuthenticationRequiredType,
                    "The proxy refused the request: it needs a credential it was not given or did not accept. Check -Proxy and -ProxyCredential (or the environment's HTTPS_PROXY).");
            }
            // An answer that is not the API's JSON error (a proxy's HTML page, say) reads as empty: the status says it.
            // JSON in the error shape that cannot be read is invalid_response, with the status's retry and applied verdicts.
            var error = dialect.ReadError(answer);
            var retryAfter = serverWait?.Wait;
            var refusedForNow = status == HttpStatusCode.ServiceUnavailable && serverWait?.SetBy == ServerWait.RetryAfterHeader;
            var type = error.Problem is not null ? IntercomApiException.InvalidResponseType : string.IsNullOrEmpty(error.Type) ? dialect.ErrorTypeFor(status) : error.Type!;
            var message = error.Problem is not null ? $"Intercom answered {(int)status} {response.ReasonPhrase} with an error body IntercomPS cannot read: {error.Problem}."
                : string.IsNullOrEmpty(error.Message) ? $"Intercom answered {(int)status} {response.ReasonPhrase}." : error.Message!;
            return new IntercomApiException(method.Method, uri, status, type, message, retryAfter, requestId: error.RequestId)
            {
                ApiVersion = dialect.Version,
                RetryAfterSetBy = serverWait?.SetBy,
                Credential = dialect.Credential,
                // A 429 is refused before any work; a 503 that says when to come back was not handled either.
                CertainlyNotApplied = (int)status == 429 || refusedForNow,
                // Any other server failure may have happened after the work was done.
                MayHaveBeenApplied = (int)status >= 500 && !refusedForNow,
            };
        }

        private static Exception Innermost(Exception failure)
        {
            while (failure.InnerException is not null) failure = failure.InnerException;
            return failure;
        }

        public void Dispose() => _http.Dispose();

        private static class AsIs<T>
        {
            public static readonly Func<T, T> Answer = answer => answer;
        }

        private interface IAnswerReader<out TResult>
        {
            TResult Read(AnswerBody answer, HttpMethod method, Uri uri);
        }

        /// <summary>A protocol's wire type, read with its source-generated metadata and mapped to the model.</summary>
        private readonly struct Typed<TAnswer, TResult> : IAnswerReader<TResult>
        {
            private readonly JsonTypeInfo<TAnswer> _answerType;
            private readonly Func<TAnswer, TResult> _read;

            public Typed(JsonTypeInfo<TAnswer> answerType, Func<TAnswer, TResult> read)
            {
                _answerType = answerType;
                _read = read;
            }

            public TResult Read(AnswerBody answer, HttpMethod method, Uri uri) => _read(Deserialize(answer, _answerType, method, uri));
        }

        /// <summary>An answer kept unread: its body handed over to an <see cref="UnreadAnswer{T}"/>, read there with the typed reader.</summary>
        private readonly struct Unread<TAnswer, TResult> : IAnswerReader<UnreadAnswer<TResult>>
        {
            private readonly Typed<TAnswer, TResult> _typed;

            public Unread(Typed<TAnswer, TResult> typed) => _typed = typed;

            public UnreadAnswer<TResult> Read(AnswerBody answer, HttpMethod method, Uri uri)
            {
                var typed = _typed;
                return new UnreadAnswer<TResult>(answer.Detach(), body => typed.Read(body, method, uri));
            }
        }

        /// <summary>Any JSON, kept as a document of its own (the borrowed buffer goes back); an empty body is null.</summary>
        private readonly struct AnyJson : IAnswerReader<JsonElement?>
        {
            public JsonElement? Read(AnswerBody answer, HttpMethod method, Uri uri)
            {
                if (IsBlank(answer.Span)) return null;
                try
                {
                    using var document = JsonDocument.Parse(answer.ToArray());
                    return document.RootElement.Clone();
                }
                catch (JsonException failure)
                {
                    throw InvalidResponse(method, uri, $"Intercom sent an answer that is not JSON: {failure.Message}{WebPageHint(answer.Span)}", failure);
                }
            }

            private static bool IsBlank(ReadOnlySpan<byte> body)
            {
                foreach (var b in body)
                {
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
                }
                return true;
            }
        }
    }
}
