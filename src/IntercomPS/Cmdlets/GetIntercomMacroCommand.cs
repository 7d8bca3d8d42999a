using System;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the workspace's macros (saved replies; REST API 2.16, which only reads them) that the token's admin may see:
    /// all of them (every page), those updated since a time, by -Name (wildcards) from that listing, or by -Id (GET
    /// /macros/{id}). -Skip and -First count the macros listed, or the ids given (<see cref="PagedOutput"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomMacro", DefaultParameterSetName = NamedSet, SupportsPaging = true)]
    [OutputType(typeof(Macro))]
    public sealed class GetIntercomMacroCommand : IntercomCmdlet
    {
        private const string NamedSet = "Named";
        private const string IdSet = "Id";

        private readonly TeammateLookup<Macro> _lookup = new TeammateLookup<Macro>("macro", "macros", macro => macro.Name, email: null);
        private readonly PagedOutput _paged;
        private readonly PipedObject _piped;

        public GetIntercomMacroCommand()
        {
            _paged = new PagedOutput(this, "macros");
            _piped = new PipedObject(Composed, PipedKind.Macro, IdSet);
        }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("macro_id")]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = NamedSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        /// <summary>Only macros updated after this time (the API's updated_since, to the second).</summary>
        [Parameter(ParameterSetName = NamedSet)]
        public DateTime? UpdatedSince { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet || _piped.Refuses(Requests)) return;
            _paged.RefuseTotalCount("the macros of the listing", "-Id", Id);
            _lookup.GetEach(Id, Requests, (id, token) => Client.As<IConversationAttributes>().GetMacroAsync(id, token), _paged, WriteObject);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == NamedSet)
            {
                var since = UpdatedSince;
                _lookup.List(Requests, Client, token => Client.As<IConversationAttributes>().ListMacrosAsync(since, token), Name, emails: null, _paged, WriteObject);
            }
        }
    }
}
