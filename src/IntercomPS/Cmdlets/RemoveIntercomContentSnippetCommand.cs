using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Deletes content snippets for good (REST API 2.16's DELETE /content_snippets/{id}). Named by -Id, or piped
    /// content snippets; asks first unless -Force or -Confirm:$false. A delete whose answer was lost is not repeated:
    /// that input's error says it may have been applied.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomContentSnippet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ContentSnippet))]
    public sealed class RemoveIntercomContentSnippetCommand : IntercomCmdlet
    {
        private static readonly DeleteById<ContentSnippet> Deletion = new DeleteById<ContentSnippet>(
            "content snippet", "Get-IntercomContentSnippet", "Remove Intercom content snippet (permanently)", s => s.Title, id => new ContentSnippet { Id = id });

        private readonly PipedObject _piped;

        public RemoveIntercomContentSnippetCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.ContentSnippet);
        }

        /// <summary>The id Intercom gave the content snippet.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("content_snippet_id")]
        public string? Id { get; set; }

        /// <summary>Delete without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each deleted snippet as it was, read just before it was deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            Deletion.Each(_piped, Requests, Id, _piped.RefusesAnotherContentSnippet, (target, action) => ShouldProcessUnlessForced(Force, target, action), PassThru,
                (id, token) => Client.As<IContentSnippets>().GetContentSnippetAsync(id, token), (id, token) => Client.As<IContentSnippets>().DeleteContentSnippetAsync(id, token), WriteObject);
    }
}
