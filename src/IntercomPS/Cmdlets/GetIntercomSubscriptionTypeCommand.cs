using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the workspace's subscription types (REST API 2.x): all of them, or by -Name (wildcards, case ignored) from
    /// the one listing. -Skip, -First and -IncludeTotalCount count the types written (<see cref="PagedOutput"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomSubscriptionType", SupportsPaging = true)]
    [OutputType(typeof(SubscriptionType))]
    public sealed class GetIntercomSubscriptionTypeCommand : IntercomCmdlet
    {
        private readonly TeammateLookup<SubscriptionType> _lookup = new TeammateLookup<SubscriptionType>("subscription type", "subscription_types", type => type.Name, email: null);
        private readonly PagedOutput _paged;

        public GetIntercomSubscriptionTypeCommand() => _paged = new PagedOutput(this, "subscription types");

        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            _lookup.List(Requests, Client, token => Client.As<ISubscriptions>().ListSubscriptionTypesAsync(token), Name, emails: null, _paged, WriteObject);
        }
    }
}
