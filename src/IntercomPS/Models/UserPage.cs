using System;

namespace IntercomPS
{
    /// <summary>One page of the user list, with the envelope Intercom wraps it in.</summary>
    public sealed class UserPage
    {
        public User[] Users { get; set; } = Array.Empty<User>();
        public int TotalCount { get; set; }
        public int Page { get; set; }
        public int? NextPage { get; set; }
        public int? PreviousPage { get; set; }
        public int TotalPages { get; set; }
    }
}
