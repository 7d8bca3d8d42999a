using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client.V1.Wire;

namespace IntercomPS.Client.V1
{
    /// <summary>The /users/notes and /users/impressions resources: things recorded against one user.</summary>
    public sealed partial class IntercomClient
    {
        /// <summary>v1 writes every note as the app: <paramref name="adminId"/> is 2.x's, which the capability table keeps from v1.</summary>
        public Task<Note> AddNoteAsync(UserIdentity user, string body, string? adminId = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(body)) throw new ArgumentException("A note needs a body.");
            return SendAsync(HttpMethod.Post, "users/notes", writer =>
            {
                writer.WriteStartObject();
                V1Requests.WriteIdentity(writer, user);
                writer.WriteString("body", body);
                writer.WriteEndObject();
            }, V1JsonContext.Default.Note, note => note.ToModel(), idempotent: false, cancellationToken);
        }

        /// <summary>Records a visit (updating last seen, session count, IP and agent); answers the unread message count.</summary>
        public Task<ImpressionResult> CreateImpressionAsync(UserIdentity user, string? userIp = null, string? userAgent = null, string? currentUrl = null, CancellationToken cancellationToken = default) =>
            SendAsync(HttpMethod.Post, "users/impressions", writer =>
            {
                writer.WriteStartObject();
                V1Requests.WriteIdentity(writer, user);
                if (userIp is not null) writer.WriteString("user_ip", userIp);
                if (userAgent is not null) writer.WriteString("user_agent", userAgent);
                if (currentUrl is not null) writer.WriteString("current_url", currentUrl);
                writer.WriteEndObject();
            }, V1JsonContext.Default.ImpressionResult, result => new ImpressionResult { Email = user.Email, UserId = user.UserId, UnreadMessages = result.UnreadMessages },
                idempotent: false, cancellationToken);
    }
}
