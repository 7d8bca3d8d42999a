using System;
using System.Management.Automation;
using System.Security;
using IntercomPS.Client;
using IntercomPS.Client.V2;
using IntercomPS.Client.V1;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Connects to an Intercom workspace (REST API 2.x, with an access token) or app (v1, with an app id and API key)
    /// and makes it the session every cmdlet uses.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Intercom", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(IntercomSession))]
    public sealed class ConnectIntercomCommand : PSCmdlet
    {
        private const string EnvironmentSet = "Environment";
        private const string CredentialSet = "Credential";
        private const string ApiKeySet = "ApiKey";
        private const string AccessTokenSet = "AccessToken";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
        [ValidateNotNullOrEmpty]
        public string AppId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        [SecretTransformation("ApiKey", "INTERCOM_API_KEY")]
        public SecureString? ApiKey { get; set; }

        /// <summary>A REST API 2.x access token; a PSCredential (e.g. from Get-Secret) whose password is the token works too.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AccessTokenSet)]
        [ValidateNotNull]
        [SecretTransformation("AccessToken", "INTERCOM_ACCESS_TOKEN")]
        public SecureString? AccessToken { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        /// <summary>Where the 2.x workspace is hosted: US (api.intercom.io), EU or AU.</summary>
        [Parameter]
        [ValidateSet(IntercomRegion.US, IntercomRegion.EU, IntercomRegion.AU, IgnoreCase = true)]
        public string? Region { get; set; }

        /// <summary>The REST API version sent as Intercom-Version (2.x sessions only).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ApiVersion { get; set; }

        /// <summary>The admin that 2.x notes and conversation actions are written by, instead of the token's own.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AdminId { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = (int)IntercomClientOptions.DefaultTimeout.TotalSeconds;

        /// <summary>How often a failed request is retried (429, 5xx, dropped connections) before it is reported.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetry { get; set; } = RetryPolicy.DefaultMaxRetries;

        /// <summary>The proxy every request goes through, instead of the environment's (HTTPS_PROXY, HTTP_PROXY, NO_PROXY).</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>The proxy's credential, kept as a secret like the token.</summary>
        [Parameter]
        [Credential]
        public PSCredential ProxyCredential { get; set; } = PSCredential.Empty;

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private readonly RequestRunner _requests;

        public ConnectIntercomCommand() => _requests = new RequestRunner(this);

        protected override void BeginProcessing() => _requests.Begin();

        protected override void StopProcessing() => _requests.Stop();

        protected override void EndProcessing()
        {
            var options = ReadOptions();
            IIntercomApi client;
            try
            {
                client = IntercomApi.Create(options);
            }
            catch (ArgumentException invalid)
            {
                var unencrypted = options.BaseUri.IsAbsoluteUri && options.BaseUri.UserInfo.Length == 0 && options.BaseUri.Scheme == Uri.UriSchemeHttp;
                var refusal = unencrypted && !AllowUnencryptedAuthentication
                    ? new ArgumentException(invalid.Message + " To send it anyway, pass -AllowUnencryptedAuthentication.", invalid)
                    : invalid;
                // Never the URL itself when it carries user info: that may be a password.
                var target = options.BaseUri.IsAbsoluteUri && options.BaseUri.UserInfo.Length > 0 ? null : options.BaseUri;
                ThrowTerminatingError(new ErrorRecord(refusal, "Intercom.invalid_base_uri", ErrorCategory.InvalidArgument, target));
                return;
            }

            ConnectionInfo connection;
            try
            {
                // One cheap call proves the URL and the credentials before any script relies on them; its Verbose and
                // Debug lines (request, retries, bodies) are relayed as every other cmdlet's are.
                WriteVerbose("Checking " + client.DescribeCredential() + (options.Proxy is { } proxy ? $" through the proxy {proxy}" : string.Empty));
                connection = _requests.Await(token => client.CheckConnectionAsync(token));
            }
            catch (IntercomApiException failure)
            {
                client.Dispose();
                ThrowTerminatingError(ErrorRecords.For(failure, client.BaseUri));
                return;
            }
            catch (PipelineStoppedException)
            {
                client.Dispose();
                throw;
            }

            var session = new IntercomSession(client, connection);
            CurrentSession.Set(session);
            WriteVerbose("Connected to " + client.Describe(connection, brief: false));
            if (PassThru) WriteObject(session);
        }

        /// <summary>The credential decides the protocol; the 2.x-only parameters are refused with v1 credentials rather than ignored.</summary>
        private IntercomClientOptions ReadOptions()
        {
            AccessToken? token = null;
            IntercomClientOptions options = null!;
            try
            {
                token = ReadAccessToken();
                options = token is not null ? new IntercomClientOptions(token) : new IntercomClientOptions(ReadCredential());
            }
            catch (ArgumentException unsendable)
            {
                // Nothing was sent: a credential no header can carry is refused here, saying what is wrong, never what it is,
                // and, when a scheduled script read it from the environment, which variable to look at rather than the Hub.
                var message = ParameterSetName != EnvironmentSet ? unsendable.Message
                    : unsendable.Message + (Environment.GetEnvironmentVariable("INTERCOM_ACCESS_TOKEN") is { Length: > 0 }
                        ? " It was read from INTERCOM_ACCESS_TOKEN: check what sets it (a secret file read with its line break, say)."
                        : " It was read from INTERCOM_APP_ID and INTERCOM_API_KEY: check what sets them (a secret file read with its line break, say).");
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), "Intercom.invalid_credentials", ErrorCategory.AuthenticationError, null));
            }
            if (token is null)
            {
                foreach (var capability in Capabilities.Of(MyInvocation.MyCommand.Name))
                {
                    if (!capability.OnV1 && ParameterValues.IsGiven(this, capability.Parameter!)) Refuse(capability.Refusal!, "Intercom.invalid_argument");
                }
            }
            if (Region is not null && BaseUri is not null) Refuse("Give -Region or -BaseUri, not both: a region is a base URI.", "Intercom.invalid_argument");
            try
            {
                if (ApiVersion is not null) options.ApiVersion = ApiVersion;
            }
            catch (ArgumentException invalid)
            {
                Refuse(invalid.Message, "Intercom.invalid_argument");
            }
            options.AdminId = AdminId;
            options.BaseUri = BaseUri ?? (Region is not null ? IntercomRegion.BaseUriFor(Region) : null) ?? BaseUriFromEnvironment() ?? options.BaseUri;
            options.Timeout = TimeSpan.FromSeconds(TimeoutSec);
            options.AllowUnencryptedAuthentication = AllowUnencryptedAuthentication;
            options.Retry.MaxRetries = MaxRetry;
            try
            {
                options.Proxy = Proxy;
            }
            catch (ArgumentException invalid)
            {
                Refuse(invalid.Message, "Intercom.invalid_proxy");
            }
            if (ProxyCredential != PSCredential.Empty)
            {
                if (Proxy is null) Refuse("-ProxyCredential is the credential of the proxy -Proxy names: give -Proxy too.", "Intercom.invalid_proxy");
                options.ProxyCredential = ProxyCredential.GetNetworkCredential();
            }
            return options;
        }

        private void Refuse(string message, string errorId) =>
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), errorId, ErrorCategory.InvalidArgument, null));

        /// <summary>-AccessToken, else INTERCOM_ACCESS_TOKEN when no v1 credential was given; null means v1.</summary>
        private AccessToken? ReadAccessToken()
        {
            if (ParameterSetName == AccessTokenSet) return new AccessToken(AccessToken!);
            if (ParameterSetName != EnvironmentSet || Environment.GetEnvironmentVariable("INTERCOM_ACCESS_TOKEN") is not { Length: > 0 } token) return null;
            if (Environment.GetEnvironmentVariable("INTERCOM_API_KEY") is { Length: > 0 })
                Refuse("Both INTERCOM_ACCESS_TOKEN (REST API 2.x) and INTERCOM_API_KEY (v1) are set, so which API to use is unclear: unset one, or pass -AccessToken or -Credential.", "Intercom.ambiguous_credentials");
            return new AccessToken(ToSecureString(token));
        }

        private BasicCredential ReadCredential()
        {
            switch (ParameterSetName)
            {
                case CredentialSet:
                    return new BasicCredential(Credential.UserName, Credential.Password);
                case ApiKeySet:
                    return new BasicCredential(AppId, ApiKey!);
                default:
                    var appId = Environment.GetEnvironmentVariable("INTERCOM_APP_ID");
                    var apiKey = Environment.GetEnvironmentVariable("INTERCOM_API_KEY");
                    if (string.IsNullOrEmpty(appId) || string.IsNullOrEmpty(apiKey))
                    {
                        ThrowTerminatingError(new ErrorRecord(
                            new PSArgumentException("No credentials: pass -AccessToken (REST API 2.x), or -Credential, or -AppId and -ApiKey (v1), or set INTERCOM_ACCESS_TOKEN, or INTERCOM_APP_ID and INTERCOM_API_KEY."),
                            "Intercom.no_credentials", ErrorCategory.AuthenticationError, null));
                    }
                    return new BasicCredential(appId!, ToSecureString(apiKey!));
            }
        }

        /// <summary>INTERCOM_BASE_URI, refused by name when it is no URL (its text is not shown: it may hold a password).</summary>
        private Uri? BaseUriFromEnvironment()
        {
            if (Environment.GetEnvironmentVariable("INTERCOM_BASE_URI") is not { Length: > 0 } text) return null;
            if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)) return uri;
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("INTERCOM_BASE_URI is not an absolute http or https URL: set it to one like https://api.eu.intercom.io/, or unset it to use the default host."),
                "Intercom.invalid_base_uri", ErrorCategory.InvalidArgument, null));
            return null;
        }

        private static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (var letter in text) secure.AppendChar(letter);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
