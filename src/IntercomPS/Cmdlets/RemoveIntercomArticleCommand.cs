using System.Management.Automation;
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
        private static readonly DeleteById<Article> Deletion = new DeleteById<Article>(
            "article", "Get-IntercomArticle", "Remove Intercom help center article (permanently, every locale)", a => a.Title, id => new Article { Id = id });

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

        protected override void ProcessRecord() =>
            Deletion.Each(_piped, Requests, Id, _piped.RefusesAnotherArticle, (target, action) => ShouldProcessUnlessForced(Force, target, action), PassThru,
                (id, token) => Client.As<IArticles>().GetArticleAsync(id, token), (id, token) => Client.As<IArticles>().DeleteArticleAsync(id, token), WriteObject);
    }
}
