using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Creates an internal article (REST API 2.x's POST /internal_articles), owned by -OwnerId and written by -AuthorId,
    /// each the session's admin when not given. Every field binds by property name, so CSV rows (title, body, ...) make
    /// one article each; an internal article piped in is refused, since it would be copied (change it with
    /// Set-IntercomInternalArticle). A create whose answer was lost is not repeated: that input's error says it may have
    /// been applied.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IntercomInternalArticle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(InternalArticle))]
    public sealed class NewIntercomInternalArticleCommand : IntercomCmdlet
    {
        private readonly RuntimeDefinedParameter _input;

        public NewIntercomInternalArticleCommand()
        {
            _input = ComposedParameters.Add(Composed, "InputObject", typeof(PSObject), new ParameterAttribute { ValueFromPipeline = true, DontShow = true });
        }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = string.Empty;

        /// <summary>The article's content, in HTML.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        public string? Body { get; set; }

        /// <summary>The admin who answers for it (an admin's id); the session's admin by default (so does a blank cell, which binds as 0).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("owner_id")]
        public long? OwnerId { get; set; }

        /// <summary>The admin who writes it (an admin's id); the session's admin by default (so does a blank cell).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("author_id")]
        public long? AuthorId { get; set; }

        protected override void ProcessRecord()
        {
            var piped = (PSObject?)_input.Value;
            if (piped?.BaseObject is { } module && module.GetType().Assembly == typeof(InternalArticle).Assembly)
            {
                Requests.Refuse(piped, new PSArgumentException(module is InternalArticle
                    ? $"Internal article '{module}' already exists: New-IntercomInternalArticle would copy it. To change it, pipe it to Set-IntercomInternalArticle."
                    : $"{PipedObject.Describe(module)} is not an internal article's content: New-IntercomInternalArticle takes -Title and -Body, or CSV rows with title and body columns."));
                return;
            }
            if (OwnerId < 0 || AuthorId < 0)
            {
                Requests.Refuse((object?)piped ?? Title, new PSArgumentException($"{(OwnerId < 0 ? "-OwnerId" : "-AuthorId")} is an admin's id: a positive number."));
                return;
            }
            if (!ShouldProcess($"internal article '{Title}'", "Create Intercom internal article")) return;
            var article = new InternalArticleChanges
            {
                Title = Title, Body = Body, OwnerId = OwnerId is > 0 ? OwnerId : null, AuthorId = AuthorId is > 0 ? AuthorId : null,
            };
            Requests.Submit((object?)piped ?? Title, token => Client.As<IArticles>().CreateInternalArticleAsync(article, token), WriteObject);
        }
    }
}
