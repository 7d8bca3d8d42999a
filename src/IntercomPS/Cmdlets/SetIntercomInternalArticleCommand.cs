using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Changes internal articles (REST API 2.x's PUT /internal_articles/{id}): the title, body (HTML), owner or author;
    /// what is not given stays; and tags (-AddTag, -RemoveTag: names, each found once for the whole command before
    /// anything is written, through 2.16's POST /internal_articles/{id}/tags and DELETE .../tags/{id}). The article is
    /// named by -Id, or piped: only a piped article's Id binds, never its own title or body, so
    /// `Get-IntercomInternalArticle -Title '*refund*' | Set-IntercomInternalArticle -OwnerId 42` changes the owner alone.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IntercomInternalArticle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(InternalArticle))]
    public sealed class SetIntercomInternalArticleCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public SetIntercomInternalArticleCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.InternalArticle);
        }

        /// <summary>The id Intercom gave the internal article; binds from piped internal articles' Id.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("internal_article_id")]
        public string? Id { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>The article's new content, in HTML.</summary>
        [Parameter]
        public string? Body { get; set; }

        /// <summary>The admin now answering for it.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? OwnerId { get; set; }

        /// <summary>The admin now named as its author.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long? AuthorId { get; set; }

        /// <summary>Tags (names) to put on the article (Intercom-Version 2.16 on).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AddTag { get; set; }

        /// <summary>Tags (names) to take off the article (Intercom-Version 2.16 on).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveTag { get; set; }

        /// <summary>Return each article as it is now.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private readonly TagsByName _tags = new TagsByName();

        private bool Tagging => AddTag is not null || RemoveTag is not null;

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherInternalArticle(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            var changes = new InternalArticleChanges { Title = Title, Body = Body, OwnerId = OwnerId, AuthorId = AuthorId };
            if (TagsByName.RefusalOfUpdate(Id, "internal article", "Get-IntercomInternalArticle", AddTag, RemoveTag, changes.IsEmpty, "Nothing to change: give -Title, -Body, -OwnerId, -AuthorId, -AddTag or -RemoveTag.") is { } refusal)
            {
                Requests.Refuse(target, refusal);
                return;
            }
            var id = Id!.Trim();
            var described = _piped.InputObject?.BaseObject is InternalArticle { Title: { } title } ? $"internal article '{title}' ({id})" : $"internal article {id}";
            if (!ShouldProcess(described, TagsByName.Action("Update Intercom internal article", AddTag, RemoveTag))) return;
            Requests.Submit(target, token =>
                {
                    var articles = Client.As<IArticles>();
                    return TagsByName.UpdateThenTagAsync<InternalArticle>(_tags.Of(Client, AddTag, token), _tags.Of(Client, RemoveTag, token),
                        changes.IsEmpty ? null : () => articles.UpdateInternalArticleAsync(id, changes, token),
                        Tagging ? (add, remove) => articles.TagInternalArticleAsync(id, add, remove, token) : null,
                        PassThru ? () => articles.GetInternalArticleAsync(id, token) : null);
                },
                updated => { if (PassThru) WriteObject(updated ?? new InternalArticle { Id = id }); });
        }
    }
}
