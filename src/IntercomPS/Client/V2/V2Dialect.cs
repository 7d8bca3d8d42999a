using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>REST API 2.x: a Bearer token, Intercom-Version on every request, errors as an error.list.</summary>
    internal sealed class V2Dialect : IApiDialect
    {
        /// <summary>The error code of a 400 that names a parameter the API does not have, such as an undefined custom attribute.</summary>
        public const string ParameterNotFound = "parameter_not_found";

        private readonly AccessToken _token;
        private readonly string _version;

        public V2Dialect(AccessToken token, string version)
        {
            _token = token;
            _version = version;
        }

        public string Version => _version;

        public string Credential => "the access token (a token works only at its own region's host: see -Region)";

        public string RateLimitedAs => "token " + _token.Fingerprint;

        public void Prepare(HttpRequestMessage request)
        {
            request.Headers.Authorization = _token.CreateHeader();
            request.Headers.Add("Intercom-Version", _version);
        }

        /// <summary>
        /// {"type": "error.list", "request_id": ..., "errors": [{"code", "message"}]}: the first error's code is the
        /// ErrorId scripts match on; every message is kept, since one answer may list several problems.
        /// </summary>
        public ApiError ReadError(byte[] answer)
        {
            ErrorList? list;
            try
            {
                list = JsonSerializer.Deserialize(answer, V2JsonContext.Default.ErrorList);
            }
            catch (JsonException)
            {
                return ApiError.Unreadable(answer, "an error list");
            }
            if (list?.Errors is not { Length: > 0 } errors) return new ApiError(null, null, list?.RequestId);
            if (errors.Any(error => error is null)) return new ApiError(null, null, list.RequestId, "an error in its list is null");
            if (errors.Any(error => string.IsNullOrEmpty(error.Code))) return new ApiError(null, null, list.RequestId, "an error in its list has no code");
            var message = string.Join(" ", errors.Select(error => error.Message).Where(text => !string.IsNullOrEmpty(text)));
            return new ApiError(errors[0].Code, message.Length == 0 ? null : message, list.RequestId);
        }

        /// <summary>The codes Intercom's error.list uses for each status.</summary>
        public string ErrorTypeFor(HttpStatusCode status) => (int)status switch
        {
            400 => "parameter_invalid",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not_found",
            409 => "conflict",
            422 => "parameter_invalid",
            429 => "rate_limit_exceeded",
            503 => "service_unavailable",
            >= 500 => "server_error",
            var other => "http_" + other.ToString(CultureInfo.InvariantCulture),
        };
    }
}
