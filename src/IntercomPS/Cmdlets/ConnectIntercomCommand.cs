using System;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>Connects to an Intercom app and makes it the session every cmdlet uses.</summary>
    [Cmdlet(VerbsCommunications.Connect, "Intercom", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(IntercomSession))]
    public sealed class ConnectIntercomCommand : PSCmdlet
    {
        private const string EnvironmentSet = "Environment";
        private const string CredentialSet = "Credential";
        private const string ApiKeySet = "ApiKey";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ApiKeySet)]
        [ValidateNotNullOrEmpty]
        public string AppId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ApiKeySet)]
        [ValidateNotNull]
        public SecureString? ApiKey { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = (int)IntercomClientOptions.DefaultTimeout.TotalSeconds;

        /// <summary>How often a failed request is retried (429, 5xx, dropped connections) before it is reported.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetry { get; set; } = RetryPolicy.DefaultMaxRetries;

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        protected override void StopProcessing() => _stopping.Cancel();

        protected override void EndProcessing()
        {
            var options = new IntercomClientOptions(ReadCredential())
            {
                BaseUri = BaseUri ?? BaseUriFromEnvironment() ?? IntercomClientOptions.DefaultBaseUri,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                AllowUnencryptedAuthentication = AllowUnencryptedAuthentication,
            };
            options.Retry.MaxRetries = MaxRetry;
            IntercomClient client;
            try
            {
                client = new IntercomClient(options);
            }
            catch (ArgumentException invalid)
            {
                var refusal = options.BaseUri.Scheme == Uri.UriSchemeHttp && !AllowUnencryptedAuthentication
                    ? new ArgumentException(invalid.Message + " To send it anyway, pass -AllowUnencryptedAuthentication.", invalid)
                    : invalid;
                ThrowTerminatingError(new ErrorRecord(refusal, "Intercom.invalid_base_uri", ErrorCategory.InvalidArgument, options.BaseUri));
                return;
            }

            var session = new IntercomSession(client);
            var trace = new CmdletTrace(this);
            try
            {
                // One cheap call proves the URL and the credentials before any script relies on them.
                WriteVerbose($"Checking the credentials for app '{client.AppId}' at {client.BaseUri}");
                CheckCredentials(client, trace);
            }
            catch (IntercomApiException failure)
            {
                session.Dispose();
                ThrowTerminatingError(ErrorRecords.For(failure, client.BaseUri));
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                session.Dispose();
                throw new PipelineStoppedException();
            }

            CurrentSession.Set(session);
            WriteVerbose($"Connected to Intercom app '{session.AppId}' at {session.BaseUri}");
            if (PassThru) WriteObject(session);
        }

        /// <summary>One request, its Verbose/Debug lines (request, retries, bodies) relayed as every other cmdlet does.</summary>
        private void CheckCredentials(IntercomClient client, CmdletTrace trace)
        {
            var queue = trace.NewQueue();
            Task check;
            using (queue is null ? null : RequestTrace.Begin(queue))
            {
                check = client.ListUsersAsync(new UserListQuery { PageSize = 1 }, _stopping.Token);
            }
            if (queue is not null)
            {
                check.ContinueWith(_ => queue.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                trace.Relay(queue.Drain());
            }
            check.GetAwaiter().GetResult();
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
                            new PSArgumentException("No credentials: pass -Credential, or -AppId and -ApiKey, or set the INTERCOM_APP_ID and INTERCOM_API_KEY environment variables."),
                            "Intercom.no_credentials", ErrorCategory.AuthenticationError, null));
                    }
                    return new BasicCredential(appId!, ToSecureString(apiKey!));
            }
        }

        private static Uri? BaseUriFromEnvironment() =>
            Environment.GetEnvironmentVariable("INTERCOM_BASE_URI") is { Length: > 0 } text ? new Uri(text, UriKind.Absolute) : null;

        private static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (var letter in text) secure.AppendChar(letter);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
