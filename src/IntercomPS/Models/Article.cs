using System;
using System.Collections.Generic;

namespace IntercomPS
{
    /// <summary>
    /// A help center article (REST API 2.x). Title, Description, Body (HTML), AuthorId (an admin's id), State
    /// (published or draft) and Url (none for a draft) are its default locale's (DefaultLocale, when the help center has
    /// several); Translations holds every locale's content when it has others. ParentId names the collection or section
    /// it is in (ParentType says which); none when it stands alone. Tags are those on it, as its answer shows them
    /// (Set-IntercomArticle -AddTag puts them there, on Intercom-Version 2.16). HasUnpublishedChanges says whether a
    /// draft is staged on top of the live content, DraftUpdatedAt when it was last staged (both Intercom-Version 2.16
    /// on; null before).
    /// </summary>
    public sealed class Article
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Body { get; set; }
        public long? AuthorId { get; set; }
        public string? State { get; set; }
        public long? ParentId { get; set; }
        public string? ParentType { get; set; }
        public string? Url { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }
        public string? DefaultLocale { get; set; }
        public IReadOnlyList<ArticleTranslation> Translations { get; set; } = Array.Empty<ArticleTranslation>();
        public Tag[] Tags { get; set; } = Array.Empty<Tag>();
        public bool? HasUnpublishedChanges { get; set; }
        public DateTime? DraftUpdatedAt { get; set; }

        public override string ToString() => Title ?? Id ?? string.Empty;
    }

    /// <summary>An article's content in one locale.</summary>
    public sealed class ArticleTranslation
    {
        public string? Locale { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Body { get; set; }
        public long? AuthorId { get; set; }
        public string? State { get; set; }
        public string? Url { get; set; }

        public override string ToString() => $"{Locale}: {Title}";
    }
}
