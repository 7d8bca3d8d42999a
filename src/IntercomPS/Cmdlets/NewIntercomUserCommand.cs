using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Creates a user, or updates the one with the same UserId (else Email): the API's POST /users upsert.</summary>
    [Cmdlet(VerbsCommon.New, "IntercomUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(User))]
    public sealed class NewIntercomUserCommand : UserWriteCmdlet
    {
        protected override void ProcessRecord()
        {
            foreach (var user in Users.Of(Requests))
            {
                if (!ShouldProcess(user.Describe(), "Create or update Intercom user")) continue;
                Requests.Submit(user.Target, Write(user, (_, changes, token) => Client.CreateOrUpdateUserAsync(changes, token)), WriteUser);
            }
        }
    }
}
