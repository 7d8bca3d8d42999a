using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Any request of the Intercom API with the session's host, credential, Intercom-Version, retries and rate-limit
    /// pacing: the escape hatch for the endpoints the module has no cmdlet for (as Invoke-MgGraphRequest and
    /// Invoke-JiraMethod are). Answers come back as objects; -All follows a list's pages and outputs its items.
    /// </summary>
    /// <remarks>
    /// Two shapes, as Get-Command shows them: a method then a path (Invoke-IntercomRequest GET /contacts), or a path
    /// alone, which is a GET (Invoke-IntercomRequest /me), as Invoke-RestMethod's and Invoke-JiraMethod's are. The
    /// binder offers a lone first argument to -Method and -Path both; -Method's setter refuses what is no method, which
    /// the binder takes as "not this parameter" and binds it to -Path. A [ValidateSet] would fail the whole command
    /// instead, so the set is checked in the setter and offered to tab completion by <see cref="MethodCompleter"/>.
    /// </remarks>
    [Cmdlet(VerbsLifecycle.Invoke, "IntercomRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeIntercomRequestCommand : IntercomCmdlet
    {
        private const string MethodSet = "MethodAndPath";
        private const string PathSet = "Path";

        private string _method = "GET";
        private string? _notAMethod;

        /// <summary>GET, POST, PUT or DELETE (any case); GET when only a path is given.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = MethodSet)]
        [ArgumentCompleter(typeof(MethodCompleter))]
        public string Method
        {
            get => _method;
            set
            {
                var method = value?.Trim().ToUpperInvariant();
                if (Array.IndexOf(MethodCompleter.Methods, method) < 0)
                {
                    // Kept: a first word that is no method and did not become the path either (PATCH /contacts) is refused in BeginProcessing.
                    _notAMethod = value ?? string.Empty;
                    throw new ArgumentException($"'{value}' is not a method Invoke-IntercomRequest sends: give GET, POST, PUT or DELETE.");
                }
                _method = method!;
            }
        }

        /// <summary>Under the API root (/contacts; /users on v1), or an absolute URL at the session's own host.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = MethodSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uri", "Url")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Query parameters; an array value repeats the name, a date is UNIX seconds.</summary>
        [Parameter]
        public IDictionary? Query { get; set; }

        /// <summary>A hashtable or object written as JSON, or a string that is JSON already.</summary>
        [Parameter]
        public object? Body { get; set; }

        /// <summary>Follow the list's pages (2.x cursors, v1 page numbers) and output the items of each.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>A POST that does no harm when sent twice (a search): retried like GET, PUT and DELETE after a failure that may have been applied.</summary>
        [Parameter]
        public SwitchParameter Idempotent { get; set; }

        protected override void BeginProcessing()
        {
            // The binder offered the first word to -Method, which refused it, then to -Path, which the second word then
            // took too: without this, Invoke-IntercomRequest PATCH /contacts would send GET /contacts.
            if (_notAMethod is { } word && !(MyInvocation.BoundParameters.TryGetValue(nameof(Path), out var path) && Equals(path, word)))
                ThrowTerminatingError(ErrorRecords.For(new ArgumentException($"'{word}' is not a method Invoke-IntercomRequest sends: give GET, POST, PUT or DELETE before the path, or the path alone for a GET."), word));
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            RawRequest request;
            Uri target;
            try
            {
                request = Build();
                target = Client.Raw.Resolve(request);
            }
            catch (ArgumentException refused)
            {
                Requests.WriteFailure(refused, Path);
                return;
            }
            if (request.Method != HttpMethod.Get && !ShouldProcess($"{request.Method} {target.PathAndQuery}", "Send Intercom API request")) return;

            if (!All)
            {
                var answer = Requests.Invoke(Path, async token => new Answer(await Client.Raw.SendAsync(request, token).ConfigureAwait(false)));
                if (answer?.Json is { } json) WriteObject(JsonObjects.ToPowerShell(json), enumerateCollection: true);
                return;
            }
            using var pages = Client.Raw.ReadAll(request, Requests.StopToken);
            try
            {
                foreach (var page in Requests.Stream(_ => pages.NextAsync()))
                {
                    foreach (var item in page) WriteObject(JsonObjects.ToPowerShell(item));
                }
            }
            catch (IntercomApiException failure)
            {
                // A failed page ends the listing: going on past it would leave a silent gap.
                Requests.WriteFailure(failure, Path);
            }
        }

        private RawRequest Build()
        {
            var request = new RawRequest(Method, Path) { Idempotent = Idempotent };
            if (All && request.Method != HttpMethod.Get && request.Method != HttpMethod.Post)
                throw new ArgumentException($"-All follows the pages of a list (GET) or a search (POST); a {request.Method} has none.");
            if (Idempotent && request.Method != HttpMethod.Post)
                throw new ArgumentException($"-Idempotent is for a POST: a {request.Method} is retried or not by its method already.");
            if (Body is not null)
            {
                if (request.Method == HttpMethod.Get) throw new ArgumentException("A GET has no body: give its parameters with -Query.");
                request.Body = JsonObjects.ToJson(Body);
            }
            if (Query is not null)
            {
                foreach (DictionaryEntry entry in Query)
                {
                    var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                    var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                    // A hashtable is enumerable too: it must reach QueryText's refusal, not be sent as its entries' text.
                    if (value is IEnumerable many && value is not string && value is not IDictionary)
                    {
                        foreach (var one in many) request.Query.Add(new System.Collections.Generic.KeyValuePair<string, string>(name, QueryText(name, one)));
                    }
                    else
                    {
                        request.Query.Add(new System.Collections.Generic.KeyValuePair<string, string>(name, QueryText(name, value)));
                    }
                }
            }
            return request;
        }

        private static string QueryText(string name, object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value) switch
        {
            null => string.Empty,
            bool flag => flag ? "true" : "false",
            DateTime time => Json.UnixTime.FromDateTime(time).ToString(CultureInfo.InvariantCulture),
            DateTimeOffset time => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            string text => text,
            var other when other is IDictionary || other is PSObject || other is PSCustomObject => throw new ArgumentException($"-Query {name} is an object; a query parameter is text, a number, a boolean or a date."),
            var other => other.ToString() ?? string.Empty,
        };

        /// <summary>Tab completion for -Method, which has no [ValidateSet] (see the class's remarks).</summary>
        public sealed class MethodCompleter : IArgumentCompleter
        {
            internal static readonly string[] Methods = { "GET", "POST", "PUT", "DELETE" };

            public System.Collections.Generic.IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
                System.Management.Automation.Language.CommandAst commandAst, IDictionary fakeBoundParameters)
            {
                foreach (var method in Methods)
                {
                    if (method.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                        yield return new CompletionResult(method, method, CompletionResultType.ParameterValue, method);
                }
            }
        }

        /// <summary>An answer, which may have no body: a class, so the runner can tell it from a failure.</summary>
        private sealed class Answer
        {
            public Answer(System.Text.Json.JsonElement? json) => Json = json;

            public System.Text.Json.JsonElement? Json { get; }
        }
    }
}
