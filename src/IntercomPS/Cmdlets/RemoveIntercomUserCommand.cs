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
            foreach (var user in Targets())
            {
                if (!ShouldRemove(user)) continue;
                Submit(user.Target, token => Client.DeleteUserAsync(user.Identity(), token), removed => { if (PassThru) WriteUser(removed); });
            }
        }

        private bool ShouldRemove(UserTarget user)
        {
            const string action = "Remove Intercom user and all their conversations";
            var confirmAsked = MyInvocation.BoundParameters.ContainsKey("Confirm");
            if (Force && !confirmAsked && !IsWhatIf) return true;
            return ShouldProcess(user.Describe(), action);
        }
    }
}
