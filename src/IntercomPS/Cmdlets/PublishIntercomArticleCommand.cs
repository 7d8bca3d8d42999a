using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Publishes the draft staged on help center articles (Intercom-Version 2.16's POST /articles/{id}/draft/publish):
    /// the changes Set-IntercomArticle -Draft staged go live. Named by -Id, or piped articles; asks first unless -Force or
    /// -Confirm:$false. Sent once: a publish whose answer was lost is not repeated, and that input's error says it may
    /// have been applied.
    /// </summary>
    [Cmdlet(VerbsData.Publish, "IntercomArticle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Article))]
    public sealed class PublishIntercomArticleCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public PublishIntercomArticleCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.Article);
        }

        /// <summary>The id Intercom gave the article; binds from piped articles' Id.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("article_id")]
        public string? Id { get; set; }

        /// <summary>Publish without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each article as published.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherArticle(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(target, new PSArgumentException("Name the article whose draft to publish by -Id, or pipe it from Get-IntercomArticle (a blank cell names none)."));
                return;
            }
            var id = Id!.Trim();
            var described = _piped.InputObject?.BaseObject is Article { Title: { } title } ? $"article '{title}' ({id})" : $"article {id}";
            if (!ShouldProcessUnlessForced(Force, described, "Publish the draft of Intercom help center article (it goes live)")) return;
            Requests.Submit(target, token => Client.As<IArticles>().PublishArticleDraftAsync(id, token), published => { if (PassThru) WriteObject(published); });
        }
    }
}
