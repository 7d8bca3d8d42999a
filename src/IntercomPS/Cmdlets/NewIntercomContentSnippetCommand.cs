using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Creates a content snippet (REST API 2.16's POST /content_snippets): a title and a markdown body, in -Locale (en
    /// by default), available to Fin, Copilot or the sales agent as -AiChatbot, -AiCopilot and -AiSalesAgent say (none
    /// by default). Every field binds by property name, so CSV rows (title, body, ...) make one snippet each; a content
    /// snippet piped in is refused, since it would be copied (change it with Set-IntercomContentSnippet), and so is any
    /// other of the module's objects. A create whose answer was lost is not repeated: that input's error says it may
    /// have been applied.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IntercomContentSnippet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContentSnippet))]
    public sealed class NewIntercomContentSnippetCommand : IntercomCmdlet
    {
        private readonly RuntimeDefinedParameter _input;

        public NewIntercomContentSnippetCommand()
        {
            _input = ComposedParameters.Add(Composed, "InputObject", typeof(PSObject), new ParameterAttribute { ValueFromPipeline = true, DontShow = true });
        }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 255)]
        public string Title { get; set; } = string.Empty;

        /// <summary>The snippet's content, in markdown.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Body { get; set; } = string.Empty;

        /// <summary>The snippet's language (en, fr, pt-BR...); Intercom's default is en.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Locale { get; set; }

        /// <summary>Whether Fin (the AI agent) may use it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool? AiChatbot { get; set; }

        /// <summary>Whether Copilot may use it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool? AiCopilot { get; set; }

        /// <summary>Whether the AI sales agent may use it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public bool? AiSalesAgent { get; set; }

        protected override void ProcessRecord()
        {
            var piped = (PSObject?)_input.Value;
            if (piped?.BaseObject is { } module && module.GetType().Assembly == typeof(ContentSnippet).Assembly)
            {
                Requests.Refuse(piped, new PSArgumentException(module is ContentSnippet
                    ? $"Content snippet '{module}' already exists: New-IntercomContentSnippet would copy it. To change it, pipe it to Set-IntercomContentSnippet."
                    : $"{PipedObject.Describe(module)} is not a content snippet's content: New-IntercomContentSnippet takes -Title and -Body, or CSV rows with title and body columns."));
                return;
            }
            if (!ShouldProcess($"content snippet '{Title}'", "Create Intercom content snippet")) return;
            var snippet = new ContentSnippetChanges
            {
                Title = Title, Body = Body, Locale = Locale, AiChatbot = AiChatbot, AiCopilot = AiCopilot, AiSalesAgent = AiSalesAgent,
            };
            Requests.Submit((object?)piped ?? Title, token => Client.As<IContentSnippets>().CreateContentSnippetAsync(snippet, token), WriteObject);
        }
    }
}
