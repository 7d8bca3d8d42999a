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

        /// <summary>Adds the credential (built for this request only) and the protocol's headers.</summary>
        void Prepare(HttpRequestMessage request);

        /// <summary>The error an answer body describes; all nulls when the body is not the API's error JSON (a proxy's page, say).</summary>
        ApiError ReadError(byte[] answer);

        /// <summary>The API's own error code for a status, for answers that did not say.</summary>
        string ErrorTypeFor(HttpStatusCode status);
    }

    /// <summary>An error answer's code, message and (2.x) request id, each null when the answer did not say.</summary>
    internal readonly struct ApiError
    {
        public ApiError(string? type, string? message, string? requestId)
        {
            Type = type;
            Message = message;
            RequestId = requestId;
        }

        public string? Type { get; }
        public string? Message { get; }
        public string? RequestId { get; }
    }
}
