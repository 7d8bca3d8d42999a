using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the contacts (leads, by Merge-IntercomLead or Intercom itself) merged into each user given or piped in,
    /// newest first (REST API 2.16's GET /contacts/{id}/merge_history): who a user absorbed, and when.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomUserMergeHistory")]
    [OutputType(typeof(UserMerge))]
    public sealed class GetIntercomUserMergeHistoryCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public GetIntercomUserMergeHistoryCommand() => _users = new UserTargets(Composed);

        protected override void ProcessRecord()
        {
            foreach (var user in _users.Of(Requests))
                Requests.Submit(user.Target, token => Client.As<ILeads>().GetUserMergeHistoryAsync(user.Identity(), token), merges => WriteObject(merges, enumerateCollection: true));
        }
    }
}
