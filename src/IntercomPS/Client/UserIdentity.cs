using System;
using System.Text.Json;

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

        /// <summary>The query string that finds this user on v1: user_id when there is one, as the API prefers it.</summary>
        internal string ToQuery() => UserId is { } id ? "user_id=" + Uri.EscapeDataString(id) : "email=" + Uri.EscapeDataString(V1Email());

        internal void WriteTo(Utf8JsonWriter writer)
        {
            if (UserId is { } id) writer.WriteString("user_id", id);
            else writer.WriteString("email", V1Email());
            if (UserId is not null && Email is { } email) writer.WriteString("email", email);
        }

        private string V1Email() => Email ?? throw new ArgumentException($"The v1 API finds users by user id or email; contact id '{Id}' alone identifies a user only on REST API 2.x.");

        public override string ToString() => UserId is { } userId ? (Email is { } email ? $"{email} ({userId})" : userId) : Email ?? Id!;
    }
}
