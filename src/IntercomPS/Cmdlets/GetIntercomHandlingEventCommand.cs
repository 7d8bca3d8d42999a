using System;
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
        private readonly PipedObject _piped;

        public GetIntercomHandlingEventCommand() => _piped = new PipedObject(Composed, PipedKind.ThreadToRead);

        /// <summary>
        /// The threads' ids; binds from piped threads' ThreadId and sent messages' ConversationId. Not mandatory, so
        /// that an object without one piped in gets the refusal that says what to pipe, not PowerShell's binding error.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id", "ConversationId", "conversation_id")]
        [AllowNull] // a piped sent message that opened no conversation yet: refused by PipedObject, saying why
        public long[]? ThreadId { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            if (ThreadId is not { Length: > 0 })
            {
                Requests.Refuse(_piped.InputObject, new PSArgumentException("Name the threads whose handling events to get by -ThreadId, or pipe them from Get-IntercomMessageThread."));
                return;
            }
            foreach (var id in ThreadId ?? Array.Empty<long>())
            {
                if (id <= 0)
                {
                    Requests.Refuse((object?)_piped.InputObject ?? id, new PSArgumentException($"-ThreadId {id} names no thread: a thread's id is a positive number."));
                    continue;
                }
                var threadId = id;
                Requests.Submit((object?)_piped.InputObject ?? threadId,
                    token => Client.As<IConversationInbox>().ListHandlingEventsAsync(threadId, token), found => WriteObject(found, enumerateCollection: true));
            }
        }
    }
}
