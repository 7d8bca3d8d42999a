using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets a REST API 2.x workspace's data attributes (contact and company models, or 2.16's conversation model): all, the custom ones, or by name
    /// (wildcards allowed). One listing per command, however many names. -Skip, -First and -IncludeTotalCount count the
    /// attributes written, those the names of one input found as one listing (<see cref="PagedOutput"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomDataAttribute", SupportsPaging = true)]
    [OutputType(typeof(DataAttribute))]
    public sealed class GetIntercomDataAttributeCommand : IntercomCmdlet
    {
        private DataAttribute[]? _listing;
        private readonly PagedOutput _paged;

        private readonly PipedObject _piped;

        public GetIntercomDataAttributeCommand()
        {
            _paged = new PagedOutput(this, "data attributes");
            _piped = new PipedObject(Composed, PipedKind.DataAttribute);
        }

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>contact (users and leads) or company, both when left out; or conversation (2.16), which is apart.</summary>
        [Parameter]
        [ValidateSet("contact", "company", "conversation")]
        public string? Model { get; set; }

        /// <summary>Only the attributes the workspace defined, not the standard ones.</summary>
        [Parameter]
        public SwitchParameter Custom { get; set; }

        /// <summary>Archived custom attributes too (left out by default, as the API does).</summary>
        [Parameter]
        public SwitchParameter IncludeArchived { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            // -Model takes any case, as its set does; the API takes only its own, lower-case spelling.
            var conversation = string.Equals(Model, "conversation", System.StringComparison.OrdinalIgnoreCase);
            _listing ??= conversation
                ? Requests.Invoke<DataAttribute[]>(Name, token => Client.As<IConversationAttributes>().ListConversationAttributesAsync(IncludeArchived, token))
                : Requests.Invoke<DataAttribute[]>(Name, token => Client.As<IDataAttributes>().ListDataAttributesAsync(Model?.ToLowerInvariant(), IncludeArchived, token));
            if (_listing is null) return;
            var wanted = _listing.Where(attribute => !Custom || attribute.Custom).ToList();
            if (Name is null)
            {
                _paged.Write(wanted, WriteObject);
                return;
            }
            var named = new List<DataAttribute>();
            foreach (var name in Name)
            {
                var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
                var found = wanted.Where(attribute => pattern.IsMatch(attribute.Name ?? string.Empty)).ToList();
                if (found.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    Requests.WriteFailure(new IntercomLookupException("GET", new System.Uri(Client.BaseUri, conversation ? "conversations/attributes" : "data_attributes"), IntercomApiException.NotFoundType,
                        $"No {(Custom ? "custom " : string.Empty)}{Model?.ToLowerInvariant() ?? "contact or company"} data attribute is named '{name}'."), name);
                }
                named.AddRange(found);
            }
            _paged.Write(named, WriteObject);
        }
    }
}
