using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Blocks users who spam the inbox (REST API 2.x, Intercom-Version 2.13 on): Intercom archives their conversations,
    /// which leaves them closed. Asks first unless -Force or -Confirm:$false, since it acts on every conversation of the user.
    /// </summary>
    [Cmdlet(VerbsSecurity.Block, "IntercomUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(User))]
    public sealed class BlockIntercomUserCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public BlockIntercomUserCommand() => _users = new UserTargets(Composed);

        /// <summary>Block without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each blocked user (as found before the block, which changes no field of it).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldBlock(user)) continue;
                Requests.Submit(user.Target, token => Client.As<IUserBlocking>().BlockUserAsync(user.Identity(), token), blocked => { if (PassThru) WriteUser(blocked); });
            }
        }

        private bool ShouldBlock(UserTarget user) =>
            ShouldProcessUnlessForced(Force, user.Describe(), "Block Intercom user and archive all their conversations");
    }
}
