using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Deletes users with all their conversations, or with -Archive (REST API 2.x) archives them, which
    /// Restore-IntercomUser undoes. Asks first unless -Force or -Confirm:$false.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(User))]
    public sealed class RemoveIntercomUserCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public RemoveIntercomUserCommand() => _users = new UserTargets(Composed);

        /// <summary>Delete without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Archive instead of deleting (REST API 2.x): the user leaves lists and searches and can be brought back.</summary>
        [Parameter]
        public SwitchParameter Archive { get; set; }

        /// <summary>Return the deleted user as it was (or the archived user).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldRemove(user)) continue;
                Requests.Submit(user.Target, token => Archive ? Client.As<IUserArchive>().ArchiveUserAsync(user.Identity(), archive: true, token) : Client.DeleteUserAsync(user.Identity(), token),
                    removed => { if (PassThru) WriteUser(removed); });
            }
        }

        private bool ShouldRemove(UserTarget user)
        {
            var action = Archive ? "Archive Intercom user" : "Remove Intercom user and all their conversations";
            return ShouldProcessUnlessForced(Force, user.Describe(), action);
        }
    }
}
