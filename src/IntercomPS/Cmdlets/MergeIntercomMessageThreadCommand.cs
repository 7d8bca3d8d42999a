using System.Globalization;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Merges threads (conversations) into another (REST API 2.16's POST /conversations/{id}/merge): each thread named by
    /// -Id or piped (the secondary) is closed and linked to the thread -IntoId names (the primary), which survives and
    /// comes out as Get-IntercomMessageThread shows it. Asks first unless -Force or -Confirm:$false, as the secondary
    /// is done with; a thread is never merged into itself (refused before anything is sent), and a merge whose answer
    /// was lost is not repeated: that input's error says it may have been applied.
    /// </summary>
    [Cmdlet(VerbsData.Merge, "IntercomMessageThread", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [Alias("Merge-IntercomConversation")]
    [OutputType(typeof(MessageThread))]
    public sealed class MergeIntercomMessageThreadCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public MergeIntercomMessageThreadCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.ThreadToMerge);
        }

        /// <summary>The thread to merge away (the secondary); binds from piped threads' ThreadId and sent messages' ConversationId.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ThreadId", "thread_id", "ConversationId", "conversation_id")]
        public string? Id { get; set; }

        /// <summary>The thread to merge into (the primary), which survives: its ThreadId.</summary>
        [Parameter(Mandatory = true)]
        [Alias("IntoThreadId", "merge_into_conversation_id")]
        [ValidateRange(1, long.MaxValue)]
        public long IntoId { get; set; }

        /// <summary>Merge without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherThread(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            if (!long.TryParse(Id?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var threadId) || threadId <= 0)
            {
                Requests.Refuse(target, new PSArgumentException(string.IsNullOrWhiteSpace(Id)
                    ? "Name the thread to merge by -Id, or pipe it from Get-IntercomMessageThread (a blank cell names none)."
                    : $"-Id '{Id!.Trim()}' is no thread's id: a thread's id is a positive number (Get-IntercomMessageThread shows ThreadId)."));
                return;
            }
            // Intercom refuses it too (422), but only after a confirmation that named a merge that cannot happen.
            if (threadId == IntoId)
            {
                Requests.Refuse(target, new PSArgumentException($"Thread {threadId} cannot be merged into itself: -IntoId names the thread to keep, another than the one merged."));
                return;
            }
            if (!ShouldProcessUnlessForced(Force, $"conversation {threadId}", $"Merge Intercom conversation into conversation {IntoId} (it is closed, and {IntoId} kept)")) return;
            var into = IntoId;
            Requests.Submit(target, token => Client.As<IConversationInbox>().MergeConversationAsync(threadId, into, token), WriteObject);
        }
    }
}
