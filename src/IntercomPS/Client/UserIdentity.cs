using System;

namespace IntercomPS.Client
{
    /// <summary>
    /// Who a request is about: a user_id, an email, or both (then user_id identifies the user); on REST API 2.x also
    /// the contact's own id, which finds the contact without a search.
    /// </summary>
    public sealed class UserIdentity
    {
        public UserIdentity(string? userId, string? email, string? id = null)
        {
            UserId = string.IsNullOrWhiteSpace(userId) ? null : userId;
            Email = string.IsNullOrWhiteSpace(email) ? null : email;
            Id = string.IsNullOrWhiteSpace(id) ? null : id;
            if (UserId is null && Email is null && Id is null)
                throw new ArgumentException("A user needs an Email or a UserId; neither was given.");
        }

        public string? UserId { get; }
        public string? Email { get; }

        /// <summary>The 2.x contact id (v1 shows the same id as a user's intercom_id).</summary>
        public string? Id { get; }

        public override string ToString() => UserId is { } userId ? (Email is { } email ? $"{email} ({userId})" : userId) : Email ?? Id!;
    }
}
