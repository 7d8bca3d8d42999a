using System.Management.Automation;
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
        private static readonly DeleteById<InternalArticle> Deletion = new DeleteById<InternalArticle>(
            "internal article", "Get-IntercomInternalArticle", "Remove Intercom internal article (permanently)", i => i.Title, id => new InternalArticle { Id = id });

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

        protected override void ProcessRecord() =>
            Deletion.Each(_piped, Requests, Id, _piped.RefusesAnotherInternalArticle, (target, action) => ShouldProcessUnlessForced(Force, target, action), PassThru,
                (id, token) => Client.As<IArticles>().GetInternalArticleAsync(id, token), (id, token) => Client.As<IArticles>().DeleteInternalArticleAsync(id, token), WriteObject);
    }
}
