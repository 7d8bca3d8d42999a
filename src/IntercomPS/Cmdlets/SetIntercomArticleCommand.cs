using System.Collections.Generic;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Changes help center articles (REST API 2.x's PUT /articles/{id}): the title, description, body (HTML), state
    /// (publish a draft, or take an article back to draft), author or parent collection; what is not given stays; and
    /// tags (-AddTag, -RemoveTag: names, each found once for the whole command before anything is written, as
    /// Set-IntercomTicket's are, through 2.16's POST /articles/{id}/tags and DELETE /articles/{id}/tags/{id}). The
    /// article is named by -Id, or piped: only a piped article's Id binds, never its own title, body or state, so
    /// `Get-IntercomArticle -Search 'old plan' | Set-IntercomArticle -State draft` changes the state alone. -Draft
    /// (Intercom-Version 2.16 on, through PUT /articles/{id}/draft) stages the title, description, body and author on a
    /// published article's draft instead, leaving the live article as it is until Publish-IntercomArticle; -PassThru
    /// then returns the draft.
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

        /// <summary>Tags (names) to put on the article (Intercom-Version 2.16 on).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AddTag { get; set; }

        /// <summary>Tags (names) to take off the article (Intercom-Version 2.16 on).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveTag { get; set; }

        /// <summary>Stage the changes as the article's draft (Intercom-Version 2.16 on); the live article stays as it is.</summary>
        [Parameter]
        public SwitchParameter Draft { get; set; }

        /// <summary>Return each article as it is now (with -Draft, its draft).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private readonly TagsByName _tags = new TagsByName();

        private bool Tagging => AddTag is not null || RemoveTag is not null;

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherArticle(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            var changes = new ArticleChanges { Title = Title, Description = Description, Body = Body, State = State, AuthorId = AuthorId, ParentId = ParentId };
            if (TagsByName.RefusalOfUpdate(Id, "article", "Get-IntercomArticle", AddTag, RemoveTag, changes.IsEmpty, "Nothing to change: give -Title, -Description, -Body, -State, -AuthorId, -ParentId, -AddTag or -RemoveTag.") is { } refusal)
            {
                Requests.Refuse(target, refusal);
                return;
            }
            if (Draft && (State is not null || ParentId is not null || Tagging))
            {
                Requests.Refuse(target, new PSArgumentException("A draft holds the title, description, body and author only: give -State, -ParentId, -AddTag and -RemoveTag without -Draft, to the live article."));
                return;
            }
            var id = Id!.Trim();
            if (Draft)
            {
                var staged = _piped.InputObject?.BaseObject is Article { Title: { } draftOf } ? $"article '{draftOf}' ({id})" : $"article {id}";
                if (!ShouldProcess(staged, "Stage a draft of Intercom help center article (the live article is unchanged)")) return;
                Requests.Submit(target, token => Client.As<IArticles>().StageArticleDraftAsync(id, changes, token), draft => { if (PassThru) WriteObject(draft); });
                return;
            }
            var described = _piped.InputObject?.BaseObject is Article { Title: { } title } ? $"article '{title}' ({id})" : $"article {id}";
            if (!ShouldProcess(described, TagsByName.Action("Update Intercom help center article", AddTag, RemoveTag))) return;
            Requests.Submit(target, token =>
                {
                    var articles = Client.As<IArticles>();
                    return TagsByName.UpdateThenTagAsync<Article>(_tags.Of(Client, AddTag, token), _tags.Of(Client, RemoveTag, token),
                        changes.IsEmpty ? null : () => articles.UpdateArticleAsync(id, changes, token),
                        Tagging ? (add, remove) => articles.TagArticleAsync(id, add, remove, token) : null,
                        PassThru ? () => articles.GetArticleAsync(id, token) : null);
                },
                updated => { if (PassThru) WriteObject(updated ?? new Article { Id = id }); });
        }
    }
}
