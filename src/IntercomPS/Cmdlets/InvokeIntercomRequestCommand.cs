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
    [Cmdlet(VerbsLifecycle.Invoke, "IntercomRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeIntercomRequestCommand : IntercomCmdlet
    {
        [Parameter(Position = 0)]
        [ValidateSet("GET", "POST", "PUT", "DELETE", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary>Under the API root (/contacts; /users on v1), or an absolute URL at the session's own host.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
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

        /// <summary>An answer, which may have no body: a class, so the runner can tell it from a failure.</summary>
        private sealed class Answer
        {
            public Answer(System.Text.Json.JsonElement? json) => Json = json;

            public System.Text.Json.JsonElement? Json { get; }
        }
    }
}
