using System.Management.Automation;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>Closes a session (by default the current one) and forgets it.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Intercom")]
    public sealed class DisconnectIntercomCommand : PSCmdlet
    {
        [Parameter(ValueFromPipeline = true)]
        public IntercomSession? Session { get; set; }

        protected override void BeginProcessing() => CmdletTrace.NeverInquire(this);

        protected override void ProcessRecord()
        {
            var current = CurrentSession.Get();
            var session = Session ?? current;
            if (session is null)
            {
                WriteVerbose("There is no Intercom session to disconnect.");
                return;
            }
            if (ReferenceEquals(session, current)) CurrentSession.Set(null);
            session.Dispose();
            WriteVerbose($"Disconnected from Intercom app '{session.AppId}' at {session.BaseUri}");
        }
    }
}
