using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Creates a help center article (REST API 2.x's POST /articles): a draft unless -State published, written by
    /// -AuthorId or else the session's admin, standing alone or in the collection or section -ParentId names. Every
    /// field binds by property name, so CSV rows (title, body, ...) make one article each; an article piped in is
    /// refused, since it would be copied (change it with Set-IntercomArticle). A create whose answer was lost is not
    /// repeated: that input's error says it may have been applied.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IntercomArticle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Article))]
    public sealed class NewIntercomArticleCommand : IntercomCmdlet
    {
        private readonly RuntimeDefinedParameter _input;

        public NewIntercomArticleCommand()
        {
            _input = ComposedParameters.Add(Composed, "InputObject", typeof(PSObject), new ParameterAttribute { ValueFromPipeline = true, DontShow = true });
        }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = string.Empty;

        /// <summary>The article's content, in HTML (text becomes paragraphs).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        public string? Body { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>The admin who writes it (an admin's id); the session's admin by default (so does a blank cell, which binds as 0).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("author_id")]
        public long? AuthorId { get; set; }

        /// <summary>published, or draft (the default).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("published", "draft")]
        public string? State { get; set; }

        /// <summary>The collection or section it goes in; none (or a blank cell, which binds as 0): it stands alone.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("parent_id")]
        public long? ParentId { get; set; }

        protected override void ProcessRecord()
        {
            var piped = (PSObject?)_input.Value;
            if (piped?.BaseObject is { } module && module.GetType().Assembly == typeof(Article).Assembly)
            {
                Requests.Refuse(piped, new PSArgumentException(module is Article
                    ? $"Article '{module}' already exists: New-IntercomArticle would copy it. To change it, pipe it to Set-IntercomArticle."
                    : $"{PipedObject.Describe(module)} is not an article's content: New-IntercomArticle takes -Title and -Body, or CSV rows with title and body columns."));
                return;
            }
            if (AuthorId < 0 || ParentId < 0)
            {
                Requests.Refuse((object?)piped ?? Title, new PSArgumentException($"{(AuthorId < 0 ? "-AuthorId" : "-ParentId")} is an id Intercom gave: a positive number."));
                return;
            }
            if (!ShouldProcess($"article '{Title}'", "Create Intercom help center article")) return;
            var article = new ArticleChanges
            {
                Title = Title, Body = Body, Description = Description, State = State,
                AuthorId = AuthorId is > 0 ? AuthorId : null, ParentId = ParentId is > 0 ? ParentId : null,
            };
            Requests.Submit((object?)piped ?? Title, token => Client.As<IArticles>().CreateArticleAsync(article, token), WriteObject);
        }
    }
}
