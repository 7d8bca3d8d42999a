using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the workspace's teams (REST API 2.x): all of them, by -Id (GET /teams/{id}, bound from a thread's
    /// TeamAssigneeId), or by -Name (wildcards) from one listing; each carries its admins' ids. -Skip and -First count
    /// the teams listed, or the ids given (<see cref="PagedOutput"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomTeam", DefaultParameterSetName = NamedSet, SupportsPaging = true)]
    [OutputType(typeof(Team))]
    public sealed class GetIntercomTeamCommand : IntercomCmdlet
    {
        private const string NamedSet = "Named";
        private const string IdSet = "Id";

        private readonly TeammateLookup<Team> _lookup = new TeammateLookup<Team>("team", "teams", team => team.Name, email: null);
        private readonly PagedOutput _paged;

        private readonly PipedObject _piped;

        public GetIntercomTeamCommand()
        {
            _paged = new PagedOutput(this, "teams");
            _piped = new PipedObject(Composed, PipedKind.Team, IdSet);
        }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("team_id", "TeamAssigneeId")]
        [AllowNull, AllowEmptyString, AllowEmptyCollection] // a piped thread assigned to nobody binds a null id, which gets nothing
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = NamedSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            if (_piped.Refuses(Requests)) return;
            _paged.RefuseTotalCount("the teams of the listing", "-Id or piped teams", Id);
            _lookup.GetEach(Id, Requests, (id, token) => Client.As<IConversationInbox>().GetTeamAsync(id, token), _paged, WriteObject);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == NamedSet) _lookup.List(Requests, Client, token => Client.As<IConversationInbox>().ListTeamsAsync(token), Name, emails: null, _paged, WriteObject);
        }
    }
}
