using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Deletes internal articles for good (REST API 2.x's DELETE /internal_articles/{id}). Named by -Id, or piped
    /// internal articles; asks first unless -Force or -Confirm:$false. A delete whose answer was lost is not repeated:
    /// that input's error says it may have been applied.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomInternalArticle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(InternalArticle))]
    public sealed class RemoveIntercomInternalArticleCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public RemoveIntercomInternalArticleCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.InternalArticle);
        }

        /// <summary>The id Intercom gave the internal article.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("internal_article_id")]
        public string? Id { get; set; }

        /// <summary>Delete without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each deleted article as it was, read just before it was deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherInternalArticle(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(target, new PSArgumentException("Name the internal article to delete by -Id, or pipe it from Get-IntercomInternalArticle (a blank cell names none)."));
                return;
            }
            var id = Id!.Trim();
            var described = _piped.InputObject?.BaseObject is InternalArticle { Title: { } title } ? $"internal article '{title}' ({id})" : $"internal article {id}";
            if (!ShouldProcessUnlessForced(Force, described, "Remove Intercom internal article (permanently)")) return;
            Requests.Submit(target, token => DeleteAsync(id, token), deleted => { if (PassThru) WriteObject(deleted); });
        }

        /// <summary>With -PassThru the article is read first, so one that is not there fails before anything is deleted.</summary>
        private async Task<InternalArticle> DeleteAsync(string id, CancellationToken token)
        {
            var articles = Client.As<IArticles>();
            var before = PassThru ? await articles.GetInternalArticleAsync(id, token).ConfigureAwait(false) : null;
            await articles.DeleteInternalArticleAsync(id, token).ConfigureAwait(false);
            return before ?? new InternalArticle { Id = id };
        }
    }
}
