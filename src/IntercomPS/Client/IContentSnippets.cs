using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>
    /// Content snippets, the short answers Fin and the inbox use, which only REST API 2.16 on has. The body is written
    /// as markdown; creates and deletes are sent once.
    /// </summary>
    public interface IContentSnippets
    {
        /// <summary>GET /content_snippets by numbered pages (50 a page, the most), walked as articles are.</summary>
        IPageReader<ContentSnippet> ListContentSnippets(CancellationToken cancellationToken = default);

        Task<ContentSnippet> GetContentSnippetAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>POST /content_snippets, sent once: a lost answer is not repeated (it would make a second snippet). Needs the title and body.</summary>
        Task<ContentSnippet> CreateContentSnippetAsync(ContentSnippetChanges snippet, CancellationToken cancellationToken = default);

        /// <summary>PUT /content_snippets/{id} with the fields given (each sets a value, so a lost answer may be repeated).</summary>
        Task<ContentSnippet> UpdateContentSnippetAsync(string id, ContentSnippetChanges changes, CancellationToken cancellationToken = default);

        /// <summary>DELETE /content_snippets/{id} (204), sent once.</summary>
        Task DeleteContentSnippetAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>Puts tags on the snippet and takes tags off (tag ids), through /content_snippets/{id}/tags.</summary>
        Task TagContentSnippetAsync(string id, IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, CancellationToken cancellationToken = default);
    }

    /// <summary>What a snippet write sends: null is not sent (left as it is; on a new one, Intercom's default: en, not available to AI).</summary>
    public sealed class ContentSnippetChanges
    {
        public string? Title { get; set; }

        /// <summary>The body, in markdown (sent as body_markdown).</summary>
        public string? Body { get; set; }

        public string? Locale { get; set; }
        public bool? AiChatbot { get; set; }
        public bool? AiCopilot { get; set; }
        public bool? AiSalesAgent { get; set; }

        public bool IsEmpty => Title is null && Body is null && Locale is null && AiChatbot is null && AiCopilot is null && AiSalesAgent is null;
    }
}
