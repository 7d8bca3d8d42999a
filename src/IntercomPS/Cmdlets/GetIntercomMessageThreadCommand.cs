using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets message threads: a user's (their whole inbox), or one with -ThreadId; on REST API 2.x also the workspace's
    /// conversations, named by no user and filtered on the server by one conversation search (state, assignee, tag,
    /// read, dates, the first message's words), streamed page by page with -First and -Skip, and any conversation by
    /// -ThreadId alone; on 2.16 with -Deleted the ids of the workspace's deleted conversations. Get-IntercomConversation
    /// is its 2.x name.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomMessageThread", SupportsPaging = true)]
    [Alias("Get-IntercomConversation")]
    [OutputType(typeof(MessageThread), typeof(DeletedThread))]
    public sealed class GetIntercomMessageThreadCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;
        private readonly PagedOutput _paged;

        public GetIntercomMessageThreadCommand()
        {
            _users = new UserTargets(Composed, throttled: false);
            _paged = new PagedOutput(this, "conversations");
        }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id", "ConversationId", "conversation_id")]
        public long? ThreadId { get; set; }

        /// <summary>The page the user is on: Intercom adds auto messages that target it (v1).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CurrentUrl { get; set; }

        [Parameter]
        [ValidateSet("Open", "Closed", "Snoozed", IgnoreCase = true)]
        public string[]? State { get; set; }

        /// <summary>Assigned to this admin (Get-IntercomAdmin gives the ids).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AssigneeId { get; set; }

        /// <summary>Assigned to this team (Get-IntercomTeam gives the ids).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TeamId { get; set; }

        /// <summary>Assigned to no admin and no team.</summary>
        [Parameter]
        public SwitchParameter Unassigned { get; set; }

        /// <summary>Tagged with any of these tags (names).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        /// <summary>Read ($true) or unread ($false) by the user. Not bound from piped threads, whose Read is their own.</summary>
        [Parameter]
        public bool? Read { get; set; }

        [Parameter]
        [DateTimeTransformation]
        public DateTime? CreatedSince { get; set; }

        [Parameter]
        [DateTimeTransformation]
        public DateTime? UpdatedSince { get; set; }

        /// <summary>Words the first message contains (each a word of it, or part of one; case ignored).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Text { get; set; }

        /// <summary>Bodies as plain text (Message.Text, ThreadPart.Text) instead of HTML.</summary>
        [Parameter]
        public SwitchParameter PlainText { get; set; }

        /// <summary>The workspace's deleted threads instead (2.16 on): their ids, when each was deleted, whether its metrics were kept.</summary>
        [Parameter]
        public SwitchParameter Deleted { get; set; }

        /// <summary>Whether a filter of the workspace's listing was given: then a user's threads are that search too.</summary>
        private bool Filtered => State is not null || AssigneeId is not null || TeamId is not null || Unassigned || Tag is not null || Read is not null
            || CreatedSince is not null || UpdatedSince is not null || Text is not null || PlainText;

        protected override void ProcessRecord()
        {
            if (Deleted)
            {
                ListDeleted();
                return;
            }
            if (_users.RefusesUnopenedMessage(Requests)) return;
            if (!_users.NamesUser)
            {
                if (_users.RefusesWithoutUser(Requests)) return;
                var target = (object?)_users.InputObject ?? ThreadId;
                if (ThreadId is { } id) WriteThread(Requests.Invoke(target, token => Client.As<IConversationInbox>().GetConversationAsync(id, null, PlainText, token)));
                else List(null, target);
                return;
            }
            foreach (var user in _users.Of(Requests))
            {
                if (ThreadId is { } threadId)
                {
                    WriteThread(Requests.Invoke(user.Target, token => PlainText
                        ? Client.As<IConversationInbox>().GetConversationAsync(threadId, user.Identity(), plainText: true, token)
                        : Client.GetMessageThreadAsync(user.Identity(), threadId, token)));
                }
                else if (Filtered)
                {
                    List(user.Identity(), user.Target);
                }
                else
                {
                    var threads = Requests.Invoke(user.Target, token => Client.GetMessageThreadsAsync(user.Identity(), CurrentUrl, token));
                    foreach (var thread in threads ?? Array.Empty<MessageThread>()) WriteThread(thread);
                }
            }
        }

        /// <summary>
        /// The conversations the filters ask for (with <paramref name="user"/>'s only, when given): one search, streamed a
        /// page at a time, asking for no more than -Skip and -First need. A failed page ends the listing with its error.
        /// </summary>
        private void List(UserIdentity? user, object? target)
        {
            if (Requests.Refuses(target) || _paged.Done) return;
            var tagIds = Tag is null ? null : Requests.Invoke(target, token => TagIdsAsync(Tag, token));
            if (Tag is not null && tagIds is null) return;
            var query = new ConversationQuery
            {
                States = State,
                AdminAssigneeId = AssigneeId,
                TeamAssigneeId = TeamId,
                Unassigned = Unassigned,
                TagIds = tagIds,
                Read = Read,
                CreatedSince = CreatedSince,
                UpdatedSince = UpdatedSince,
                User = user,
                Text = Text,
                PlainText = PlainText,
                PageSize = _paged.PageSize(ConversationQuery.MaxPageSize),
            };
            try
            {
                var reader = Client.As<IConversationInbox>().ListConversations(query, Requests.StopToken);
                _paged.Write(Requests.Stream(_ => reader.NextAsync()), () => reader.TotalCount, WriteObject);
            }
            catch (Exception failure) when (failure is IntercomApiException || failure is ArgumentException)
            {
                // A failed page ends the listing: writing the pages after it would leave a silent gap.
                Requests.WriteFailure(failure, target);
            }
        }

        /// <summary>
        /// The deleted threads, newest first, streamed a page at a time as -Skip and -First need. Nothing else narrows
        /// them (a deleted thread has no user, state or words left), so any other filter, a user or a piped object is refused.
        /// </summary>
        private void ListDeleted()
        {
            var target = (object?)_users.InputObject ?? ThreadId;
            if (_users.NamesUser || target is not null || Filtered || CurrentUrl is not null)
            {
                Requests.Refuse(target, new PSArgumentException(
                    "-Deleted lists the workspace's deleted threads, which have no user, state or words left to filter on: give it alone (-First and -Skip page it)."));
                return;
            }
            if (Requests.Refuses(null) || _paged.Done) return;
            try
            {
                var reader = Client.As<IConversationInbox>().ListDeletedConversations(_paged.PageSize(int.MaxValue), Requests.StopToken);
                _paged.Write(Requests.Stream(_ => reader.NextAsync()), () => reader.TotalCount, WriteObject);
            }
            catch (Exception failure) when (failure is IntercomApiException || failure is ArgumentException)
            {
                Requests.WriteFailure(failure, null);
            }
        }

        /// <summary>The 2.x ids of the tags named, found in one listing.</summary>
        private async Task<IReadOnlyList<string>> TagIdsAsync(IEnumerable<string> names, CancellationToken token)
        {
            var find = Client.NewTagFinder();
            var tags = await Task.WhenAll(names.Select(name => find(name, token))).ConfigureAwait(false);
            return tags.Select(tag => tag.Id!).ToArray();
        }

        /// <summary>-Skip and -First count the threads written, in order, across the whole pipeline (listed ones too).</summary>
        private void WriteThread(MessageThread? thread)
        {
            if (thread is not null && _paged.Admit()) WriteObject(thread);
        }
    }
}
