using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the workspace's admins (teammates, REST API 2.x): all of them, by -Id (GET /admins/{id}, bound from a
    /// thread's AdminAssigneeId), or by -Email or -Name (wildcards) from one listing; each carries whether it is away.
    /// A piped object that is no admin (a team, a user...) is refused rather than its Id taken for an admin's (<see cref="PipedObject"/>).
    /// -Skip and -First count the admins listed, or the ids given (<see cref="PagedOutput"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomAdmin", DefaultParameterSetName = NamedSet, SupportsPaging = true)]
    [OutputType(typeof(Admin))]
    public sealed class GetIntercomAdminCommand : IntercomCmdlet
    {
        private const string NamedSet = "Named";
        private const string IdSet = "Id";

        private readonly TeammateLookup<Admin> _lookup = new TeammateLookup<Admin>("admin", "admins", admin => admin.Name, admin => admin.Email);
        private readonly PipedObject _piped;
        private readonly PagedOutput _paged;

        public GetIntercomAdminCommand()
        {
            _piped = new PipedObject(Composed, PipedKind.Admin, IdSet);
            _paged = new PagedOutput(this, "admins");
        }

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("admin_id", "AdminAssigneeId")]
        [AllowNull, AllowEmptyString, AllowEmptyCollection] // a piped thread assigned to nobody binds a null id, which gets nothing
        public string[]? Id { get; set; }

        [Parameter(ParameterSetName = NamedSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Email { get; set; }

        [Parameter(ParameterSetName = NamedSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            _paged.RefuseTotalCount("the admins of the listing", "-Id or piped admins", _piped.InputObject);
            if (_piped.Refusal() is { } refusal) Requests.Refuse(_piped.InputObject, refusal);
            else _lookup.GetEach(Id, Requests, (id, token) => Client.As<IConversationInbox>().GetAdminAsync(id, token), _paged, WriteObject);
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == NamedSet) _lookup.List(Requests, Client, token => Client.As<IConversationInbox>().ListAdminsAsync(token), Name, Email, _paged, WriteObject);
        }
    }
}
