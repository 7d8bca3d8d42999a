using System.Collections;

namespace IntercomPS.Client
{
    /// <summary>
    /// What PUT /conversations/{id} changes (REST API 2.x): read or unread, the title (an empty one removes it) and
    /// custom attributes, merged key by key. Only what is set is sent, so an update never blanks what it does not mention.
    /// </summary>
    public sealed class ConversationChanges
    {
        public bool? Read { get; set; }
        public string? Title { get; set; }
        public IDictionary? CustomData { get; set; }

        public bool IsEmpty => Read is null && Title is null && CustomData is null;
    }
}
