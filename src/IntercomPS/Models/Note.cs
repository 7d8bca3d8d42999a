using System;

namespace IntercomPS
{
    /// <summary>
    /// A note left on a user, as Intercom rendered it. On REST API 2.x the answer names the contact by id only, so
    /// <see cref="User"/> carries that id and the email or user id the note was asked for with, nothing more.
    /// </summary>
    public sealed class Note
    {
        /// <summary>The note's id on REST API 2.x (a numeric string); v1 gave notes no id, so there it is null.</summary>
        public string? Id { get; set; }
        public string? Html { get; set; }
        public DateTime? CreatedAt { get; set; }
        public User? User { get; set; }

        /// <summary>The admin who wrote it (REST API 2.x, when Intercom names one); null on v1.</summary>
        public MessageAuthor? Author { get; set; }

        public override string ToString() => Html ?? string.Empty;
    }
}
