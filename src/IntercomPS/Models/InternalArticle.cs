using System;

namespace IntercomPS
{
    /// <summary>
    /// An internal article (REST API 2.x): knowledge only teammates see, in the inbox and to Fin's copilot. Body is HTML;
    /// OwnerId is the admin who answers for it and AuthorId the admin who wrote it; Locale is its one language.
    /// </summary>
    public sealed class InternalArticle
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Body { get; set; }
        public long? OwnerId { get; set; }
        public long? AuthorId { get; set; }
        public string? Locale { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }

        public override string ToString() => Title ?? Id ?? string.Empty;
    }
}
