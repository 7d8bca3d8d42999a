using System;

namespace IntercomPS
{
    /// <summary>
    /// A content snippet (REST API 2.16): a short answer Fin and the inbox use. Body is its markdown; AiChatbot,
    /// AiCopilot and AiSalesAgent say whether Fin, Copilot and the sales agent may use it.
    /// </summary>
    public sealed class ContentSnippet
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Body { get; set; }
        public string? Locale { get; set; }
        public bool? AiChatbot { get; set; }
        public bool? AiCopilot { get; set; }
        public bool? AiSalesAgent { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }

        public override string ToString() => Title ?? Id ?? string.Empty;
    }
}
