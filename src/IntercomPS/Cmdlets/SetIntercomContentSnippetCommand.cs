using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Changes content snippets (REST API 2.16's PUT /content_snippets/{id}): the title, body (markdown), locale or AI
    /// availability; what is not given stays; and tags (-AddTag, -RemoveTag: names, each found once for the whole
    /// command before anything is written, through POST /content_snippets/{id}/tags and DELETE .../tags/{id}). The
    /// snippet is named by -Id, or piped: only a piped snippet's Id binds, never its own title or body, so
    /// `Get-IntercomContentSnippet -Title '*refund*' | Set-IntercomContentSnippet -AiChatbot $true` changes that alone.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IntercomContentSnippet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ContentSnippet))]
    public sealed class SetIntercomContentSnippetCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public SetIntercomContentSnippetCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.ContentSnippet);
        }

        /// <summary>The id Intercom gave the content snippet; binds from piped snippets' Id.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("content_snippet_id")]
        public string? Id { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 255)]
        public string? Title { get; set; }

        /// <summary>The snippet's new content, in markdown.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Body { get; set; }

        /// <summary>The snippet's language (en, fr, pt-BR...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Locale { get; set; }

        /// <summary>Whether Fin (the AI agent) may use it.</summary>
        [Parameter]
        public bool? AiChatbot { get; set; }

        /// <summary>Whether Copilot may use it.</summary>
        [Parameter]
        public bool? AiCopilot { get; set; }

        /// <summary>Whether the AI sales agent may use it.</summary>
        [Parameter]
        public bool? AiSalesAgent { get; set; }

        /// <summary>Tags (names) to put on the snippet.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AddTag { get; set; }

        /// <summary>Tags (names) to take off the snippet.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveTag { get; set; }

        /// <summary>Return each snippet as it is now.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private readonly TagsByName _tags = new TagsByName();

        private bool Tagging => AddTag is not null || RemoveTag is not null;

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherContentSnippet(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            var changes = new ContentSnippetChanges { Title = Title, Body = Body, Locale = Locale, AiChatbot = AiChatbot, AiCopilot = AiCopilot, AiSalesAgent = AiSalesAgent };
            if (TagsByName.RefusalOfUpdate(Id, "content snippet", "Get-IntercomContentSnippet", AddTag, RemoveTag, changes.IsEmpty, "Nothing to change: give -Title, -Body, -Locale, -AiChatbot, -AiCopilot, -AiSalesAgent, -AddTag or -RemoveTag.") is { } refusal)
            {
                Requests.Refuse(target, refusal);
                return;
            }
            var id = Id!.Trim();
            var described = _piped.InputObject?.BaseObject is ContentSnippet { Title: { } title } ? $"content snippet '{title}' ({id})" : $"content snippet {id}";
            if (!ShouldProcess(described, TagsByName.Action("Update Intercom content snippet", AddTag, RemoveTag))) return;
            Requests.Submit(target, token =>
                {
                    var snippets = Client.As<IContentSnippets>();
                    return TagsByName.UpdateThenTagAsync<ContentSnippet>(_tags.Of(Client, AddTag, token), _tags.Of(Client, RemoveTag, token),
                        changes.IsEmpty ? null : () => snippets.UpdateContentSnippetAsync(id, changes, token),
                        Tagging ? (add, remove) => snippets.TagContentSnippetAsync(id, add, remove, token) : null,
                        PassThru ? () => snippets.GetContentSnippetAsync(id, token) : null);
                },
                updated => { if (PassThru) WriteObject(updated ?? new ContentSnippet { Id = id }); });
        }
    }
}
