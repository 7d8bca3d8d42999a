using System;

namespace IntercomPS
{
    /// <summary>
    /// A note left on a user, or (Intercom-Version 2.16 on) on a company, as Intercom rendered it. On REST API 2.x the
    /// answer names the contact by id only, so <see cref="User"/> carries that id and the email or user id the note was
    /// asked for with, nothing more; a company's note has no User, and its <see cref="Company"/> carries the company's Id.
    /// </summary>
    public sealed class Note
    {
        /// <summary>The note's id on REST API 2.x (a numeric string); v1 gave notes no id, so there it is null.</summary>
        public string? Id { get; set; }
        public string? Html { get; set; }
        public DateTime? CreatedAt { get; set; }
        public User? User { get; set; }

        /// <summary>The company a company's note is on (REST API 2.16 on), by the Id Intercom gave it; null on a user's note.</summary>
        public Company? Company { get; set; }

        /// <summary>The admin who wrote it (REST API 2.x, when Intercom names one); null on v1.</summary>
        public MessageAuthor? Author { get; set; }

        public override string ToString() => Html ?? string.Empty;
    }
}
