using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the versions of help center articles (Intercom-Version 2.16 on), the newest first: each write that changed
    /// an article's content left one, and the live one's State is published. The article is named by -Id, or piped;
    /// the list has no bodies, -VersionId gets one version with its Body and BodyMarkdown.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomArticleVersion")]
    [OutputType(typeof(ArticleVersion))]
    public sealed class GetIntercomArticleVersionCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public GetIntercomArticleVersionCommand()
        {
            _piped = new PipedObject(Composed, PipedKind.Article);
        }

        /// <summary>The id Intercom gave the article; binds from piped articles' Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("article_id")]
        [AllowEmptyString]
        public string? Id { get; set; }

        /// <summary>One version of the article, with its body.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? VersionId { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            var target = (object?)_piped.InputObject ?? Id;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(target, new PSArgumentException("Name the article by -Id, or pipe it from Get-IntercomArticle (a blank cell names none)."));
                return;
            }
            var id = Id!.Trim();
            var articles = Client.As<IArticles>();
            if (VersionId is { } version)
            {
                Requests.Submit(target, token => articles.GetArticleVersionAsync(id, version.Trim(), token), WriteObject);
                return;
            }
            Requests.Submit(target, token => AllAsync(articles, id, token), versions =>
            {
                foreach (var v in versions) WriteObject(v);
            });
        }

        /// <summary>Every page of the article's versions: an article has few, and a failed page fails the input rather than leaving a gap.</summary>
        private static async Task<List<ArticleVersion>> AllAsync(IArticles articles, string id, CancellationToken token)
        {
            var all = new List<ArticleVersion>();
            using var reader = articles.ListArticleVersions(id, token);
            while (await reader.NextAsync().ConfigureAwait(false) is { } page) all.AddRange(page);
            return all;
        }
    }
}
