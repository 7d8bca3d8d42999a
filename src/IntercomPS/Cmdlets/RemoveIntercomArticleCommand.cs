using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Deletes help center articles for good (REST API 2.x's DELETE /articles/{id}), every locale's content with them.
    /// Named by -Id, or piped articles; asks first unless -Force or -Confirm:$false. A delete whose answer was lost is
    /// not repeated: that input's error says it may have been applied.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomArticle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Article))]
    public sealed class RemoveIntercomArticleCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public RemoveIntercomArticleCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.Article);
        }

        /// <summary>The id Intercom gave the article.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("article_id")]
        public string? Id { get; set; }

        /// <summary>Delete without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each deleted article as it was, read just before it was deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherArticle(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(target, new PSArgumentException("Name the article to delete by -Id, or pipe it from Get-IntercomArticle (a blank cell names none)."));
                return;
            }
            var id = Id!.Trim();
            var described = _piped.InputObject?.BaseObject is Article { Title: { } title } ? $"article '{title}' ({id})" : $"article {id}";
            if (!ShouldProcessUnlessForced(Force, described, "Remove Intercom help center article (permanently, every locale)")) return;
            Requests.Submit(target, token => DeleteAsync(id, token), deleted => { if (PassThru) WriteObject(deleted); });
        }

        /// <summary>With -PassThru the article is read first, so one that is not there fails before anything is deleted.</summary>
        private async Task<Article> DeleteAsync(string id, CancellationToken token)
        {
            var articles = Client.As<IArticles>();
            var before = PassThru ? await articles.GetArticleAsync(id, token).ConfigureAwait(false) : null;
            await articles.DeleteArticleAsync(id, token).ConfigureAwait(false);
            return before ?? new Article { Id = id };
        }
    }
}
