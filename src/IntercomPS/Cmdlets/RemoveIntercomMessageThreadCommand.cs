using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Deletes threads for good (REST API 2.x's DELETE /conversations/{id}): the conversation with all its parts, tags and
    /// attributes. Named by -ThreadId alone, or piped threads; asks first unless -Force or -Confirm:$false. A delete
    /// whose answer was lost is not repeated: that input's error says it may have been applied.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomMessageThread", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [Alias("Remove-IntercomConversation")]
    [OutputType(typeof(MessageThread))]
    public sealed class RemoveIntercomMessageThreadCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public RemoveIntercomMessageThreadCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.Thread);
        }

        /// <summary>The thread's id: on REST API 2.x the conversation id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id", "ConversationId", "conversation_id")]
        public long? ThreadId { get; set; }

        /// <summary>Delete without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each deleted thread as it was, read just before it was deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            // A blank cell binds as 0, which is no conversation's id: deleting "conversation 0" would only be a 404.
            if (ThreadId is not { } threadId || threadId <= 0)
            {
                Requests.Refuse(_piped.InputObject, new PSArgumentException("Name the thread to delete by -ThreadId (a blank cell, or 0, names none)."));
                return;
            }
            if (!ShouldProcessUnlessForced(Force, $"conversation {threadId}", "Remove Intercom conversation (permanently, with all its parts)")) return;
            Requests.Submit((object?)_piped.InputObject ?? threadId, token => DeleteAsync(threadId, token), deleted => { if (PassThru) WriteObject(deleted); });
        }

        /// <summary>With -PassThru the thread is read first, so a thread that is not there fails before anything is deleted.</summary>
        private async Task<MessageThread> DeleteAsync(long threadId, CancellationToken token)
        {
            var inbox = Client.As<IConversationInbox>();
            var before = PassThru ? await inbox.GetConversationAsync(threadId, null, plainText: false, token).ConfigureAwait(false) : null;
            await inbox.DeleteConversationAsync(threadId, token).ConfigureAwait(false);
            return before ?? new MessageThread { ThreadId = threadId };
        }
    }
}
