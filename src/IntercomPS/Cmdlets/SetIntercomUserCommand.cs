using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Updates existing users; an unknown user is that item's not-found error, and nothing is created.</summary>
    [Cmdlet(VerbsCommon.Set, "IntercomUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(User))]
    public sealed class SetIntercomUserCommand : UserWriteCmdlet
    {
        /// <summary>Return the updated user.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var user in Users.Of(Requests))
            {
                if (!ShouldProcess(user.Describe(), "Update Intercom user")) continue;
                Requests.Submit(user.Target, Write(user, (_, changes, token) => Client.UpdateUserAsync(changes, token)), updated => { if (PassThru) WriteUser(updated); });
            }
        }
    }
}
