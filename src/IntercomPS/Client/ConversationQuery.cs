using System;
using System.Collections.Generic;

namespace IntercomPS.Client
{
    /// <summary>
    /// Which conversations of the workspace to list (REST API 2.x), every condition given AND-ed into one conversation
    /// search; nothing given lists them all. Never written to by the client.
    /// </summary>
    public sealed class ConversationQuery
    {
        /// <summary>open, closed or snoozed: any of those given.</summary>
        public IReadOnlyList<string>? States { get; set; }

        /// <summary>Assigned to this admin.</summary>
        public string? AdminAssigneeId { get; set; }

        /// <summary>Assigned to this team.</summary>
        public string? TeamAssigneeId { get; set; }

        /// <summary>Assigned to no admin and no team.</summary>
        public bool Unassigned { get; set; }

        /// <summary>Tagged with any of these tags (their 2.x ids).</summary>
        public IReadOnlyList<string>? TagIds { get; set; }

        /// <summary>Read (true) or unread (false) by the contact.</summary>
        public bool? Read { get; set; }

        public DateTime? CreatedSince { get; set; }

        public DateTime? UpdatedSince { get; set; }

        /// <summary>With this user (their contact id, or the identity it is looked up by).</summary>
        public UserIdentity? User { get; set; }

        /// <summary>Words the first message must contain (each a part of one of its words, ignoring case).</summary>
        public string? Text { get; set; }

        /// <summary>Bodies as plain text (display_as=plaintext) instead of HTML.</summary>
        public bool PlainText { get; set; }

        /// <summary>The most conversations a search page holds.</summary>
        public const int MaxPageSize = 150;

        /// <summary>Conversations per search request: at most <see cref="MaxPageSize"/>; fewer when only a few are wanted.</summary>
        public int PageSize { get; set; } = MaxPageSize;
    }
}
