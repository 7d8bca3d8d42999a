using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using IntercomPS.Client.V1.Wire;

namespace IntercomPS.Client.V1
{
    /// <summary>The v1 API: HTTP Basic app_id:api_key, errors as {"error": {"type", "message"}}.</summary>
    internal sealed class V1Dialect : IApiDialect
    {
        private readonly BasicCredential _credential;

        public V1Dialect(BasicCredential credential) => _credential = credential;

        public string Version => "1";

        public string Credential => "the app id and API key";

        public string RateLimitedAs => "app " + _credential.AppId;

        public void Prepare(HttpRequestMessage request) => request.Headers.Authorization = _credential.CreateHeader();

        public ApiError ReadError(byte[] answer)
        {
            try
            {
                var error = JsonSerializer.Deserialize(answer, V1JsonContext.Default.ErrorEnvelope)?.Error;
                return new ApiError(error?.Type, error?.Message, null);
            }
            catch (JsonException)
            {
                return ApiError.Unreadable(answer, "an error object");
            }
        }

        public string ErrorTypeFor(HttpStatusCode status) => (int)status switch
        {
            400 => "bad_request",
            401 => "unauthorized",
            402 => "request_failed",
            404 => "not_found",
            429 => "rate_limited",
            >= 500 => "server_error",
            var other => "http_" + other.ToString(CultureInfo.InvariantCulture),
        };
    }
}
