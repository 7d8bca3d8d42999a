using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the workspace's ticket types (REST API 2.14 on) with their attributes: by -Id (from the pipeline too), or
    /// all of them, those whose name matches -Name (wildcards, ignoring case); archived types only with
    /// -IncludeArchived, since no new ticket can be of one. A -Name without wildcards that matches none is a not_found.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomTicketType", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(TicketType))]
    public sealed class GetIntercomTicketTypeCommand : IntercomCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        private readonly PipedObject _piped;

        public GetIntercomTicketTypeCommand() => _piped = new PipedObject(Composed, PipedKind.TicketType, IdSet);

        /// <summary>The id Intercom gave the ticket type.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ticket_type_id")]
        [AllowEmptyString]
        public string? Id { get; set; }

        /// <summary>The type's name; wildcards match several.</summary>
        [Parameter(ParameterSetName = ListSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>Archived types too.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeArchived { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet || _piped.Refuses(Requests) || _piped.RefusesAnotherTicketType(Requests, Id)) return;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(_piped.InputObject, new PSArgumentException("Name the ticket type by -Id (a blank cell names none)."));
                return;
            }
            var id = Id!.Trim();
            Requests.Submit((object?)_piped.InputObject ?? id, token => Client.As<ITickets>().GetTicketTypeAsync(id, token), WriteObject);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == IdSet) return;
            var types = Requests.Invoke("ticket_types", token => Client.As<ITickets>().ListTicketTypesAsync(token));
            if (types is null) return;
            var pattern = Name is null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
            var found = types.Where(type => (IncludeArchived || !type.Archived) && (pattern is null || pattern.IsMatch(type.Name ?? string.Empty))).ToList();
            if (found.Count == 0 && Name is not null && !WildcardPattern.ContainsWildcardCharacters(Name))
            {
                Requests.WriteFailure(new IntercomLookupException("GET", new System.Uri(Client.BaseUri, "ticket_types"), IntercomApiException.NotFoundType,
                    $"No ticket type is named '{Name}'."), Name);
                return;
            }
            foreach (var type in found) WriteObject(type);
        }
    }
}
