using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the times teammates paused and resumed handling threads (REST API 2.16's GET
    /// /conversations/{id}/handling_events): threads by -ThreadId, or piped from Get-IntercomMessageThread, each
    /// thread's events in the order Intercom lists them.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomHandlingEvent")]
    [OutputType(typeof(HandlingEvent))]
    public sealed class GetIntercomHandlingEventCommand : IntercomCmdlet
    {
        private readonly ThreadReads _threads;

        public GetIntercomHandlingEventCommand() => _threads = new ThreadReads(Composed, "handling events");

        /// <summary>
        /// The threads' ids; binds from piped threads' ThreadId and sent messages' ConversationId. Not mandatory, so
        /// that an object without one piped in gets the refusal that says what to pipe, not PowerShell's binding error.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id", "ConversationId", "conversation_id")]
        [AllowNull] // a piped sent message that opened no conversation yet: refused by PipedObject, saying why
        public long[]? ThreadId { get; set; }

        protected override void ProcessRecord() =>
            _threads.Each(Requests, ThreadId, (id, token) => Client.As<IConversationInbox>().ListHandlingEventsAsync(id, token), found => WriteObject(found, enumerateCollection: true));
    }
}
