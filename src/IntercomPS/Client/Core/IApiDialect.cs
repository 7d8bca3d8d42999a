using System.Net;
using System.Net.Http;

namespace IntercomPS.Client
{
    /// <summary>What a protocol adds to the shared <see cref="ApiTransport"/>: how a request proves who sends it, and how its error answers read.</summary>
    internal interface IApiDialect
    {
        /// <summary>"1" for v1, else the REST API version (2.14): what an error says it came from.</summary>
        string Version { get; }

        /// <summary>What a request proves who sends it with, as advice after a 401 names it ("the app id and API key").</summary>
        string Credential { get; }

        /// <summary>
        /// Whose rate limit a request spends, to share one <see cref="RateBudget"/> between the sessions of one app:
        /// v1's app id; on 2.x a hash of the token (the app behind it is not known before an answer). Never a secret.
        /// </summary>
        string RateLimitedAs { get; }

        /// <summary>Adds the credential (built for this request only) and the protocol's headers.</summary>
        void Prepare(HttpRequestMessage request);

        /// <summary>
        /// The error an answer body describes; all nulls when the body is not JSON (a proxy's page, say), and a
        /// <see cref="ApiError.Problem"/> when it is JSON in the API's error shape that cannot be read (a null error).
        /// </summary>
        ApiError ReadError(byte[] answer);

        /// <summary>The API's own error code for a status, for answers that did not say.</summary>
        string ErrorTypeFor(HttpStatusCode status);
    }

    /// <summary>An error answer's code, message and (2.x) request id, each null when the answer did not say.</summary>
    internal readonly struct ApiError
    {
        public ApiError(string? type, string? message, string? requestId, string? problem = null)
        {
            Type = type;
            Message = message;
            RequestId = requestId;
            Problem = problem;
        }

        public string? Type { get; }
        public string? Message { get; }
        public string? RequestId { get; }

        /// <summary>What makes the body an error answer that cannot be read, or null.</summary>
        public string? Problem { get; }

        /// <summary>For a body that did not deserialise: JSON that is not the error shape is a problem; anything else (HTML) is no error answer at all.</summary>
        public static ApiError Unreadable(byte[] answer, string shape)
        {
            try
            {
                using (System.Text.Json.JsonDocument.Parse(answer)) return new ApiError(null, null, null, "not " + shape);
            }
            catch (System.Text.Json.JsonException)
            {
                return default;
            }
        }
    }
}
