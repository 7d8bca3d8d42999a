using System;

namespace IntercomPS
{
    /// <summary>
    /// A help center collection (REST API 2.x), or a section: a collection whose ParentId names the collection it is
    /// in. Articles name theirs by ParentId. Name and Description are its default locale's; Order is its place among its
    /// siblings.
    /// </summary>
    public sealed class HelpCenterCollection
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? ParentId { get; set; }
        public long? HelpCenterId { get; set; }
        public long? Order { get; set; }
        public string? Icon { get; set; }
        public string? Url { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }
        public string? DefaultLocale { get; set; }

        public override string ToString() => Name ?? Id ?? string.Empty;
    }
}
