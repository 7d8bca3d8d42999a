using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Redacts a thread's part, or with -Source its first message (REST API 2.x's POST /conversations/redact): the part
    /// stays, its words are deleted for good. Parts are piped from a thread's Parts (each carries its ThreadId and Id),
    /// or named by -ThreadId and -PartId; asks first unless -Force or -Confirm:$false.
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "IntercomMessagePart", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [Alias("Clear-IntercomConversationPart")]
    [OutputType(typeof(MessageThread))]
    public sealed class ClearIntercomMessagePartCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public ClearIntercomMessagePartCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.ThreadPart);
        }

        /// <summary>The thread (conversation) the part is of.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id", "ConversationId", "conversation_id")]
        public long? ThreadId { get; set; }

        /// <summary>The part's id: a piped part's Id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "part_id", "conversation_part_id")]
        public string? PartId { get; set; }

        /// <summary>Redact the thread's first message (the source) instead of a part; only a message the user wrote can be.</summary>
        [Parameter]
        public SwitchParameter Source { get; set; }

        /// <summary>Redact without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return the thread as it is after each redaction.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            var input = _piped.InputObject;
            var partId = string.IsNullOrWhiteSpace(PartId) ? null : PartId;
            var problem = ThreadId is not > 0 ? "Name the thread by -ThreadId (a blank cell, or 0, names none), or pipe its parts."
                : Source && input?.BaseObject is ThreadPart ? "-Source redacts a thread's first message: pipe the thread itself, or leave out -Source to redact the piped part."
                : Source && partId is not null ? "Give -PartId or -Source, not both: -Source redacts the thread's first message."
                : !Source && partId is null ? input?.BaseObject is MessageThread
                    ? "A thread is not one of its parts: pipe its Parts (Where-Object to choose), or add -Source to redact its first message."
                    : "Name the part by -PartId (a piped part's Id), or give -Source to redact the thread's first message."
                : null;
            if (problem is not null)
            {
                Requests.Refuse((object?)input ?? ThreadId, new PSArgumentException(problem));
                return;
            }
            var threadId = ThreadId!.Value;
            var target = Source ? $"first message of conversation {threadId}" : $"part {partId} of conversation {threadId}";
            if (!ShouldProcessUnlessForced(Force, target, "Redact (its words are deleted for good)")) return;
            Requests.Submit((object?)input ?? threadId, token => RedactAsync(threadId, Source ? null : partId, token), thread => { if (PassThru) WriteObject(thread); });
        }

        private Task<MessageThread> RedactAsync(long threadId, string? partId, CancellationToken token)
        {
            var inbox = Client.As<IConversationInbox>();
            return partId is null ? inbox.RedactSourceAsync(threadId, token) : inbox.RedactPartAsync(threadId, partId, token);
        }
    }
}
