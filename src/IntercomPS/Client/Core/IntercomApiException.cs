using System;
using System.Net;

namespace IntercomPS.Client
{
    /// <summary>
    /// A request to the Intercom API that did not succeed: an error answer, a timeout or a connection failure, or (an
    /// <see cref="IntercomLookupException"/>) an answer that did not hold the one thing asked for. Carries what a script
    /// needs to decide what to do (status, the API's error type) and what a person needs to find the request (method
    /// and URL). Never the credentials: the URL holds none and headers are not kept.
    /// </summary>
    public class IntercomApiException : Exception
    {
        /// <summary>Error type for what does not exist: the API's 404, or a lookup that found nothing.</summary>
        public const string NotFoundType = "not_found";

        /// <summary>Error type for a lookup that found several users where it needs one.</summary>
        public const string AmbiguousUserType = "ambiguous_user";

        /// <summary>Error type for a request that got no answer in time.</summary>
        public const string TimeoutType = "timeout";

        /// <summary>Error type for a request whose connection failed before an answer arrived.</summary>
        public const string ConnectionFailedType = "connection_failed";

        /// <summary>Error type for a request that was sent but whose answer was cut off: it may have been applied.</summary>
        public const string ResponseLostType = "response_lost";

        /// <summary>Error type for a 3xx answer, which the Intercom API never sends and the client never follows.</summary>
        public const string RedirectType = "redirect";

        /// <summary>Error type for a 407 from a proxy between us and Intercom: the request never reached the API.</summary>
        public const string ProxyAuthenticationRequiredType = "proxy_authentication_required";

        /// <summary>Error type for an answer that is not the JSON object asked for.</summary>
        public const string InvalidResponseType = "invalid_response";

        /// <summary>Error type for a listing by numbered pages that kept moving while it was read, so some items may not have been listed.</summary>
        public const string ListMovingType = "list_moving";

        public IntercomApiException(string method, Uri requestUri, HttpStatusCode? statusCode, string errorType, string apiMessage, TimeSpan? retryAfter = null, Exception? innerException = null, string? requestId = null)
            : base(Describe(method, requestUri, statusCode, errorType, apiMessage, requestId), innerException)
        {
            Method = method;
            RequestUri = requestUri;
            StatusCode = statusCode;
            ErrorType = errorType;
            ApiMessage = apiMessage;
            RetryAfter = retryAfter;
            RequestId = requestId;
        }

        /// <summary>The HTTP method of the failed request.</summary>
        public string Method { get; }

        /// <summary>The URL of the failed request.</summary>
        public Uri RequestUri { get; }

        /// <summary>The HTTP status, or null when no answer arrived (timeout, connection failure).</summary>
        public HttpStatusCode? StatusCode { get; }

        /// <summary>The API's error type (not_found, bad_request, unauthorized, rate_limited, server_error...), or timeout / connection_failed.</summary>
        public string ErrorType { get; }

        /// <summary>The API's own human-readable message.</summary>
        public string ApiMessage { get; }

        /// <summary>How long the server asked us to wait before trying again, when it said so.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>The header that set <see cref="RetryAfter"/> (Retry-After, or X-RateLimit-Reset for a spent window); null when none did.</summary>
        internal string? RetryAfterSetBy { get; set; }

        /// <summary>The id Intercom gave the request (2.x error answers carry one), for its support team; null when none was sent.</summary>
        public string? RequestId { get; }

        /// <summary>The API that answered: "1" for v1, else the REST API version (2.14); null when no answer came.</summary>
        public string? ApiVersion { get; internal set; }

        /// <summary>What the request proved who sent it with, as a person names it ("the access token ..."); null when no answer came.</summary>
        public string? Credential { get; internal set; }

        /// <summary>True when the server cannot have acted on the request, so even a non-idempotent one may be sent again.</summary>
        public bool CertainlyNotApplied { get; internal set; }

        /// <summary>
        /// True when the request reached the server and may have been acted on although it failed (a lost answer,
        /// a timeout, a 5xx): repeating a write that is not idempotent, such as a note, may do it twice.
        /// </summary>
        public bool MayHaveBeenApplied { get; internal set; }

        private static string Describe(string method, Uri requestUri, HttpStatusCode? statusCode, string errorType, string apiMessage, string? requestId)
        {
            var status = statusCode is { } code ? $"{(int)code} {errorType}" : errorType;
            var request = requestId is null ? string.Empty : $", request {requestId}";
            return $"{apiMessage} ({status} from {method} {requestUri.AbsolutePath}{requestUri.Query}{request})";
        }
    }
}
