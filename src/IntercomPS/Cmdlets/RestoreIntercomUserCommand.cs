using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>Unarchives users that Remove-IntercomUser -Archive archived (REST API 2.x only).</summary>
    [Cmdlet(VerbsData.Restore, "IntercomUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(User))]
    public sealed class RestoreIntercomUserCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public RestoreIntercomUserCommand() => _users = new UserTargets(Composed);

        /// <summary>Return each user as it is once unarchived.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldProcess(user.Describe(), "Unarchive Intercom user")) continue;
                Requests.Submit(user.Target, token => Client.As<IUserArchive>().ArchiveUserAsync(user.Identity(), archive: false, token), restored => { if (PassThru) WriteUser(restored); });
            }
        }
    }
}
