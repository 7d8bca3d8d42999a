using System;

namespace IntercomPS
{
    /// <summary>
    /// One version of a help center article (REST API 2.16): its default locale's Title, Description and AuthorId as a
    /// write left them, and, for a single version (Get-IntercomArticleVersion -Id), its Body (HTML) and the BodyMarkdown
    /// it was written in; a listing has no body. State is published for the version that is live, draft for every
    /// earlier one; FromVersionId names the version it followed (none for the first).
    /// </summary>
    public sealed class ArticleVersion
    {
        public string? Id { get; set; }
        public string? ArticleId { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Body { get; set; }
        public string? BodyMarkdown { get; set; }
        public long? AuthorId { get; set; }
        public string? CreatedById { get; set; }
        public string? CreatedVia { get; set; }
        public string? FromVersionId { get; set; }
        public string? State { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }

        public override string ToString() => Title ?? Id ?? string.Empty;
    }
}
