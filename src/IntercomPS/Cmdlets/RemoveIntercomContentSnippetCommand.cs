using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
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

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherContentSnippet(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(target, new PSArgumentException("Name the content snippet to delete by -Id, or pipe it from Get-IntercomContentSnippet (a blank cell names none)."));
                return;
            }
            var id = Id!.Trim();
            var described = _piped.InputObject?.BaseObject is ContentSnippet { Title: { } title } ? $"content snippet '{title}' ({id})" : $"content snippet {id}";
            if (!ShouldProcessUnlessForced(Force, described, "Remove Intercom content snippet (permanently)")) return;
            Requests.Submit(target, token => DeleteAsync(id, token), deleted => { if (PassThru) WriteObject(deleted); });
        }

        /// <summary>With -PassThru the snippet is read first, so one that is not there fails before anything is deleted.</summary>
        private async Task<ContentSnippet> DeleteAsync(string id, CancellationToken token)
        {
            var snippets = Client.As<IContentSnippets>();
            var before = PassThru ? await snippets.GetContentSnippetAsync(id, token).ConfigureAwait(false) : null;
            await snippets.DeleteContentSnippetAsync(id, token).ConfigureAwait(false);
            return before ?? new ContentSnippet { Id = id };
        }
    }
}
