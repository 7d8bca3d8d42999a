using System;

namespace IntercomPS.Client
{
    /// <summary>Where and how a client talks to Intercom.</summary>
    public sealed class IntercomClientOptions
    {
        /// <summary>The real Intercom v1 API.</summary>
        public static readonly Uri DefaultBaseUri = new Uri("https://api.intercom.io/v1/");

        /// <summary>How long one request may take before it fails with a timeout.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

        public IntercomClientOptions(BasicCredential credential) => Credential = credential ?? throw new ArgumentNullException(nameof(credential));

        public BasicCredential Credential { get; }

        private Uri _baseUri = DefaultBaseUri;

        /// <summary>The API root, e.g. https://api.intercom.io/v1/ (a trailing slash is added when missing).</summary>
        public Uri BaseUri
        {
            get => _baseUri;
            set => _baseUri = WithTrailingSlash(value ?? throw new ArgumentNullException(nameof(value)));
        }

        /// <summary>How long one attempt may take before it fails with a timeout.</summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>How failed requests are retried.</summary>
        public RetryPolicy Retry { get; } = new RetryPolicy();

        /// <summary>
        /// Basic auth sends the key in the clear unless the transport is encrypted. Plain http is refused unless
        /// the server is on this machine or the caller opts in.
        /// </summary>
        public bool AllowUnencryptedAuthentication { get; set; }

        internal void Validate()
        {
            if (!BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp))
                throw new ArgumentException($"The base URI '{BaseUri}' must be an absolute http or https URL.");
            if (BaseUri.Scheme == Uri.UriSchemeHttp && !BaseUri.IsLoopback && !AllowUnencryptedAuthentication)
                throw new ArgumentException($"The base URI '{BaseUri}' is plain http to another machine, which would send the API key unencrypted. Use https, or allow unencrypted authentication explicitly.");
            if (Timeout <= TimeSpan.Zero) throw new ArgumentException("The timeout must be positive.");
        }

        private static Uri WithTrailingSlash(Uri uri) =>
            uri.IsAbsoluteUri && !uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? new Uri(uri.AbsoluteUri + "/") : uri;
    }
}
