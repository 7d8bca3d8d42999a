using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the internal side conversations teammates started from threads (REST API 2.16's GET
    /// /conversations/{id}/side_conversations, every page), each with its parts: threads by -ThreadId, or piped from
    /// Get-IntercomMessageThread.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomSideConversation")]
    [OutputType(typeof(SideConversation))]
    public sealed class GetIntercomSideConversationCommand : IntercomCmdlet
    {
        private readonly ThreadReads _threads;

        public GetIntercomSideConversationCommand() => _threads = new ThreadReads(Composed, "side conversations");

        /// <summary>
        /// The threads' ids; binds from piped threads' ThreadId and sent messages' ConversationId. Not mandatory, so
        /// that an object without one piped in gets the refusal that says what to pipe, not PowerShell's binding error.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id", "ConversationId", "conversation_id")]
        [AllowNull] // a piped sent message that opened no conversation yet: refused by PipedObject, saying why
        public long[]? ThreadId { get; set; }

        protected override void ProcessRecord() =>
            _threads.Each(Requests, ThreadId, ReadAllAsync, found => WriteObject(found, enumerateCollection: true));

        /// <summary>All of a thread's side conversations, so several threads are read at once and written in order.</summary>
        private async Task<List<SideConversation>> ReadAllAsync(long threadId, CancellationToken token)
        {
            using var reader = Client.As<IConversationInbox>().ListSideConversations(threadId, cancellationToken: token);
            var found = new List<SideConversation>();
            while (await reader.NextAsync().ConfigureAwait(false) is { } page) found.AddRange(page);
            return found;
        }
    }
}
