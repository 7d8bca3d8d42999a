using System;

namespace IntercomPS
{
    /// <summary>
    /// A contact merged into a user, as REST API 2.16's GET /contacts/{id}/merge_history lists it: the merged contact's
    /// id and role then (it is gone since), and when. ContactId is the user it went into.
    /// </summary>
    public sealed class UserMerge
    {
        public string? ContactId { get; set; }
        public string? SourceContactId { get; set; }
        public string? SourceRole { get; set; }
        public DateTime? MergedAt { get; set; }

        public override string ToString() => $"{SourceRole ?? "contact"} {SourceContactId} merged into {ContactId}";
    }
}
