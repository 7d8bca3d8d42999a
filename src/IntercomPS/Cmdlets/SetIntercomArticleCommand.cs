using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Changes help center articles (REST API 2.x's PUT /articles/{id}): the title, description, body (HTML), state
    /// (publish a draft, or take an article back to draft), author or parent collection; what is not given stays. The
    /// article is named by -Id, or piped: only a piped article's Id binds, never its own title, body or state, so
    /// `Get-IntercomArticle -Search 'old plan' | Set-IntercomArticle -State draft` changes the state alone.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IntercomArticle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Article))]
    public sealed class SetIntercomArticleCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public SetIntercomArticleCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.Article);
        }

        /// <summary>The id Intercom gave the article; binds from piped articles' Id.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("article_id")]
        public string? Id { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>The article's new content, in HTML (text becomes paragraphs).</summary>
        [Parameter]
        public string? Body { get; set; }

        /// <summary>published (it goes live) or draft.</summary>
        [Parameter]
        [ValidateSet("published", "draft")]
        public string? State { get; set; }

        /// <summary>The admin now named as its author.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? AuthorId { get; set; }

        /// <summary>The collection or section it moves to.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? ParentId { get; set; }

        /// <summary>Return each article as it is now.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherArticle(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(target, new PSArgumentException("Name the article by -Id, or pipe it from Get-IntercomArticle (a blank cell names none)."));
                return;
            }
            var changes = new ArticleChanges { Title = Title, Description = Description, Body = Body, State = State, AuthorId = AuthorId, ParentId = ParentId };
            if (changes.IsEmpty)
            {
                Requests.Refuse(target, new PSArgumentException("Nothing to change: give -Title, -Description, -Body, -State, -AuthorId or -ParentId."));
                return;
            }
            var id = Id!.Trim();
            var described = _piped.InputObject?.BaseObject is Article { Title: { } title } ? $"article '{title}' ({id})" : $"article {id}";
            if (!ShouldProcess(described, "Update Intercom help center article")) return;
            Requests.Submit(target, token => Client.As<IArticles>().UpdateArticleAsync(id, changes, token), updated => { if (PassThru) WriteObject(updated); });
        }
    }
}
