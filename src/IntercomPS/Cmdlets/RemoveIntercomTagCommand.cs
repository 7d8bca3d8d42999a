using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Deletes tags by name (REST API 2.x: v1 cannot delete a tag), untagging everyone who had them. Asks first unless
    /// -Force or -Confirm:$false. The names given together are found in one GET /tags; a name given twice is removed once.
    /// A piped tag beside a -Name naming another is refused (<see cref="PipedObject.RefusesAnotherTag"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Tag))]
    public sealed class RemoveIntercomTagCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public RemoveIntercomTagCommand() => _piped = new PipedObject(Composed, PipedKind.Tag);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = System.Array.Empty<string>();

        /// <summary>Delete without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each deleted tag as it was.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        // The names removed so far, piped ones included: a name given again names the tag already deleted, whose
        // second DELETE could only be a 404. Exact names only: two names differing in case may be two tags.
        private readonly System.Collections.Generic.HashSet<string> _named = new(System.StringComparer.Ordinal);

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherTag(Requests, Name)) return;
            var find = Client.NewTagFinder();
            foreach (var name in Name)
            {
                if (!_named.Add(name)) continue;
                if (!ShouldProcessUnlessForced(Force, $"tag {name}", "Remove Intercom tag from every user and delete it")) continue;
                var removed = Requests.Invoke(name, token => Client.As<ITagRemoval>().DeleteTagAsync(name, find, token));
                if (removed is not null && PassThru) WriteObject(removed);
            }
        }
    }
}
