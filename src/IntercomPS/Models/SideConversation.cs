using System;

namespace IntercomPS
{
    /// <summary>
    /// An internal side conversation teammates started from a thread (conversation), as REST API 2.16's GET
    /// /conversations/{id}/side_conversations lists it: its id and its parts (messages), each a <see cref="ThreadPart"/>
    /// whose ThreadId is the side conversation's own.
    /// </summary>
    public sealed class SideConversation
    {
        /// <summary>The thread it was started from.</summary>
        public long ThreadId { get; set; }

        /// <summary>Intercom's side_conversation_id.</summary>
        public string? Id { get; set; }

        /// <summary>How many parts it has (Intercom's total_count).</summary>
        public int PartCount { get; set; }

        public ThreadPart[] Parts { get; set; } = Array.Empty<ThreadPart>();

        public override string ToString() => $"Side conversation {Id} of thread {ThreadId}";
    }
}
