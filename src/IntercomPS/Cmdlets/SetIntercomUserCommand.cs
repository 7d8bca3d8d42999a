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
            if (!ShouldProcess(Describe(), "Update Intercom user")) return;
            Submit(Target, token => Client.UpdateUserAsync(Changes(), token), user => { if (PassThru) WriteUser(user); });
        }
    }
}
