
namespace IntercomPS
{
    /// <summary>What recording an impression answers: how many admin messages the user has not read yet.</summary>
    public sealed class ImpressionResult
    {
        /// <summary>The user the impression was for (from the request; the API answers with the count only).</summary>
        public string? Email { get; set; }

        public string? UserId { get; set; }

        public int UnreadMessages { get; set; }

        public override string ToString() => $"{Email ?? UserId}: {UnreadMessages} unread";
    }
}
