using System.Management.Automation;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>Returns the current session, or nothing when not connected.</summary>
    [Cmdlet(VerbsCommon.Get, "IntercomSession")]
    [OutputType(typeof(IntercomSession))]
    public sealed class GetIntercomSessionCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            if (CurrentSession.Get() is { } session) WriteObject(session);
        }
    }
}
