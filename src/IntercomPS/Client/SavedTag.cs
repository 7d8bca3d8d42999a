using System;
using System.Collections.Generic;

namespace IntercomPS.Client
{
    /// <summary>What a tag save did: the tag as saved, and the users of its request that it could not include.</summary>
    public sealed class SavedTag
    {
        public SavedTag(Tag tag, IReadOnlyList<RefusedUser>? refused = null)
        {
            Tag = tag ?? throw new ArgumentNullException(nameof(tag));
            Refused = refused ?? Array.Empty<RefusedUser>();
        }

        public Tag Tag { get; }

        /// <summary>
        /// The users the save could not include, each with its own failure, in the order the request named them. REST
        /// API 2.x finds users one by one (an unknown email is that user's not_found, not the whole batch's); v1 finds
        /// them itself in one request and skips unknown ones, so there this is empty.
        /// </summary>
        public IReadOnlyList<RefusedUser> Refused { get; }
    }

    /// <summary>A user a tag save could not include, and why.</summary>
    public sealed class RefusedUser
    {
        public RefusedUser(UserIdentity user, Exception failure)
        {
            User = user;
            Failure = failure;
        }

        public UserIdentity User { get; }

        public Exception Failure { get; }
    }
}
