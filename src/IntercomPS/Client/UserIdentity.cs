using System;
using System.Text.Json;

namespace IntercomPS.Client
{
    /// <summary>Who a request is about: a user_id, an email, or both (then user_id identifies the user).</summary>
    public sealed class UserIdentity
    {
        public UserIdentity(string? userId, string? email)
        {
            UserId = string.IsNullOrWhiteSpace(userId) ? null : userId;
            Email = string.IsNullOrWhiteSpace(email) ? null : email;
            if (UserId is null && Email is null)
                throw new ArgumentException("A user needs an Email or a UserId; neither was given.");
        }

        public string? UserId { get; }
        public string? Email { get; }

        /// <summary>The query string that finds this user: user_id when there is one, as the API prefers it.</summary>
        internal string ToQuery() => UserId is { } id ? "user_id=" + Uri.EscapeDataString(id) : "email=" + Uri.EscapeDataString(Email!);

        internal void WriteTo(Utf8JsonWriter writer)
        {
            if (UserId is { } id) writer.WriteString("user_id", id);
            if (Email is { } email) writer.WriteString("email", email);
        }

        public override string ToString() => UserId is { } id ? (Email is { } email ? $"{email} ({id})" : id) : Email!;
    }
}
