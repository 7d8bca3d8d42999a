using System;
using System.Net;
using System.Text.RegularExpressions;
using IntercomPS.Client.V2;
using IntercomPS.Client.V1;

namespace IntercomPS.Client
{
    /// <summary>Where and how a client talks to Intercom: an app id and API key mean v1, an access token REST API 2.x.</summary>
    public sealed class IntercomClientOptions
    {
        /// <summary>The real Intercom v1 API.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("https://api.intercom.io/v1/");

        /// <summary>The REST API version a token session asks for unless told otherwise (what Intercom's SDKs send).</summary>
        public const string DefaultApiVersion = "2.14";

        /// <summary>How long one request may take before it fails with a timeout.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

        /// <summary>v1: HTTP Basic with the app id and API key.</summary>
        public IntercomClientOptions(BasicCredential credential)
        {
            Credential = credential ?? throw new ArgumentNullException(nameof(credential));
            _baseUri = DefaultBaseUri;
        }

        /// <summary>REST API 2.x: a Bearer access token, at the US host unless <see cref="BaseUri"/> says otherwise.</summary>
        public IntercomClientOptions(AccessToken token)
        {
            AccessToken = token ?? throw new ArgumentNullException(nameof(token));
            _baseUri = IntercomRegion.BaseUriFor(IntercomRegion.US);
        }

        /// <summary>The v1 app id and API key, or null for a token session.</summary>
        public BasicCredential? Credential { get; }

        /// <summary>The 2.x access token, or null for a v1 session.</summary>
        public AccessToken? AccessToken { get; }

        private string _apiVersion = DefaultApiVersion;

        /// <summary>Sent as Intercom-Version by a token session: a version like 2.14.</summary>
        public string ApiVersion
        {
            get => _apiVersion;
            set => _apiVersion = IsVersion(value) ? value : throw new ArgumentException($"'{value}' is not an Intercom API version: give one like {DefaultApiVersion}.");
        }

        /// <summary>The admin 2.x notes are written by; null means the admin the token belongs to.</summary>
        public string? AdminId { get; set; }

        private Uri _baseUri;

        /// <summary>The API root, e.g. https://api.intercom.io/v1/ (a trailing slash is added when missing).</summary>
        public Uri BaseUri
        {
            get => _baseUri;
            set => _baseUri = WithTrailingSlash(value ?? throw new ArgumentNullException(nameof(value)));
        }

        private Uri? _proxy;

        /// <summary>
        /// The proxy every request goes through; null means the environment's (HTTPS_PROXY, HTTP_PROXY, NO_PROXY as
        /// .NET reads them on PowerShell 7; the system's settings on Windows PowerShell 5.1). No user info in it: a
        /// credential goes in <see cref="ProxyCredential"/>, which is kept as a secret.
        /// </summary>
        public Uri? Proxy
        {
            get => _proxy;
            set
            {
                if (value is not null && (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttp && value.Scheme != Uri.UriSchemeHttps)))
                    throw new ArgumentException($"The proxy '{value}' must be an absolute http or https URL, like http://proxy.example.com:3128/.");
                if (value is not null && value.UserInfo.Length > 0)
                    throw new ArgumentException($"The proxy URL carries a user name or password; give the proxy as {value.Scheme}://{value.Host}:{value.Port}/ and its credential with -ProxyCredential, which is kept as a secret.");
                _proxy = value;
            }
        }

        /// <summary>The proxy's credential (sent when the proxy asks, as Basic); its password stays a SecureString.</summary>
        public NetworkCredential? ProxyCredential { get; set; }

        /// <summary>How long one attempt may take before it fails with a timeout.</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>How failed requests are retried.</summary>
        public RetryPolicy Retry { get; } = new RetryPolicy();

        /// <summary>
        /// Both credentials travel in the clear unless the transport is encrypted. Plain http is refused unless
        /// the server is on this machine or the caller opts in.
        /// </summary>
        public bool AllowUnencryptedAuthentication { get; set; }

        internal void Validate()
        {
            if (!BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp))
                throw new ArgumentException($"The base URI '{BaseUri}' must be an absolute http or https URL.");
            // A password in the URL would be shown wherever the URL is (the session, Verbose lines, errors); the API takes
            // none there anyway, so it is refused without echoing the URL.
            if (BaseUri.UserInfo.Length > 0)
                throw new ArgumentException($"The base URI carries a user name or password, which would be shown wherever the URL is and is sent nowhere: give it as {BaseUri.Scheme}://{BaseUri.Authority}{BaseUri.AbsolutePath}.");
            var secret = AccessToken is null ? "the API key" : "the access token";
            if (BaseUri.Scheme == Uri.UriSchemeHttp && !BaseUri.IsLoopback && !AllowUnencryptedAuthentication)
                throw new ArgumentException($"The base URI '{BaseUri}' is plain http to another machine, which would send {secret} unencrypted. Use https, or allow unencrypted authentication explicitly.");
            if (Timeout <= TimeSpan.Zero) throw new ArgumentException("The timeout must be positive.");
            if (ProxyCredential is not null && Proxy is null) throw new ArgumentException("A proxy credential needs the proxy it is for: give -Proxy too.");
        }

        /// <summary>A numbered version (2.14) or Intercom's "Unstable".</summary>
        private static bool IsVersion(string? value) => value is not null && Regex.IsMatch(value, @"^([0-9]{1,2}\.[0-9]{1,2}|Unstable)$");

        private static Uri WithTrailingSlash(Uri uri) =>
            uri.IsAbsoluteUri && !uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? new Uri(uri.AbsoluteUri + "/") : uri;
    }
}
