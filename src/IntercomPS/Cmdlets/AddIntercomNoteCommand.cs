using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>Leaves a note on each user given or piped in.</summary>
    [Cmdlet(VerbsCommon.Add, "IntercomNote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Note))]
    public sealed class AddIntercomNoteCommand : ConcurrentUserCmdlet
    {
        /// <summary>The note's text; Intercom renders it as HTML paragraphs.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Body { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            if (!ShouldProcess(Describe(), "Add a note")) return;
            Submit(Target, token => Client.AddNoteAsync(Identity(), Body, token), WriteObject);
        }
    }
}
