using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Deletes users with all their conversations. Asks first unless -Force or -Confirm:$false.</summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(User))]
    public sealed class RemoveIntercomUserCommand : ConcurrentUserCmdlet
    {
        /// <summary>Delete without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return the deleted user as it was.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldRemove()) return;
            Submit(Target, token => Client.DeleteUserAsync(Identity(), token), user => { if (PassThru) WriteUser(user); });
        }

        private bool ShouldRemove()
        {
            const string action = "Remove Intercom user and all their conversations";
            var confirmAsked = MyInvocation.BoundParameters.ContainsKey("Confirm");
            if (Force && !confirmAsked && !IsWhatIf) return true;
            return ShouldProcess(Describe(), action);
        }
    }
}
