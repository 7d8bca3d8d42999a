using System;

namespace IntercomPS
{
    /// <summary>
    /// A thread (conversation) that was deleted, as REST API 2.16's GET /conversations/deleted lists it: only its id,
    /// when it was deleted, and whether Intercom kept its reporting metrics; the thread itself is gone.
    /// </summary>
    public sealed class DeletedThread
    {
        public long ThreadId { get; set; }
        public DateTime? DeletedAt { get; set; }
        public bool MetricsRetained { get; set; }

        public override string ToString() => $"Thread {ThreadId} (deleted)";
    }
}
