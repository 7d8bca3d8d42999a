using System;
using System.Collections;
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
    /// Marks threads read (-Read $true) or unread again (-Read $false) for their user, and on REST API 2.x works them as
    /// a support team does: titles them and sets their custom attributes, assigns them to an admin or a team, tags and
    /// untags them, and opens, closes (with words to the user, -Body) or snoozes them, by the session's admin or
    /// -AdminId; on 2.x a thread is named by -ThreadId alone too. In one call: the mark with the title and attributes,
    /// the assignments, the tags, then the state (an assignment reopens a closed thread, so the state asked for is the
    /// one it ends in). Set-IntercomConversation is its 2.x name.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IntercomMessageThread", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [Alias("Set-IntercomConversation")]
    [OutputType(typeof(MessageThread))]
    public sealed class SetIntercomMessageThreadCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public SetIntercomMessageThreadCommand() => _users = new UserTargets(Composed);

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id", "ConversationId", "conversation_id")]
        [AllowNull] // a piped sent message that opened no conversation yet: refused, saying why, rather than by PowerShell's null binding
        public long? ThreadId { get; set; }

        /// <summary>Not bound from piped threads on purpose: their own Read is the state being changed.</summary>
        [Parameter]
        public bool? Read { get; set; }

        /// <summary>The conversation's title (REST API 2.x); an empty one removes it. Not bound from piped threads, whose Title is the one being changed.</summary>
        [Parameter]
        [AllowEmptyString]
        [ValidateNotNull]
        public string? Title { get; set; }

        /// <summary>
        /// Custom attributes to set on the conversation (REST API 2.x), merged key by key with the ones it has; JSON text
        /// works too. Not bound from piped threads, whose CustomData is what is being changed.
        /// </summary>
        [Parameter]
        [Alias("CustomAttributes")]
        [CustomDataTransformation]
        [ValidateNotNull]
        public Hashtable? CustomData { get; set; }

        /// <summary>The conversation state to put the thread in (REST API 2.x); not bound from piped threads, whose State is the one being changed.</summary>
        [Parameter]
        [ValidateSet("Open", "Closed", "Snoozed", IgnoreCase = true)]
        public string? State { get; set; }

        /// <summary>When a snoozed conversation wakes up: with -State Snoozed only.</summary>
        [Parameter]
        [DateTimeTransformation]
        public DateTime? SnoozedUntil { get; set; }

        /// <summary>The admin to assign the conversation to; 0 unassigns it. Not bound from piped threads (their AdminAssigneeId is the one being changed).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AssigneeId { get; set; }

        /// <summary>The team to assign the conversation to; 0 unassigns it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TeamId { get; set; }

        /// <summary>Tags (names) to put on the conversation.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AddTag { get; set; }

        /// <summary>Tags (names) to take off the conversation.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveTag { get; set; }

        /// <summary>The admin who acts (assigns, tags, closes); the session's admin when left out.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AdminId { get; set; }

        /// <summary>Words to the user sent with the close (-State Closed), else with the assignment.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Body { get; set; }

        /// <summary>Return the thread as it is now.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool Closing => string.Equals(State, "Closed", StringComparison.OrdinalIgnoreCase);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var problem = Read is null && Title is null && CustomData is null && State is null && AssigneeId is null && TeamId is null && AddTag is null && RemoveTag is null
                    ? "Give -Read, -Title, -CustomData, -State, -AssigneeId, -TeamId, -AddTag or -RemoveTag: there is nothing to change."
                : string.Equals(State, "Snoozed", StringComparison.OrdinalIgnoreCase) && SnoozedUntil is null ? "-State Snoozed needs -SnoozedUntil, the time the conversation wakes up."
                : SnoozedUntil is not null && !string.Equals(State, "Snoozed", StringComparison.OrdinalIgnoreCase) ? "-SnoozedUntil goes with -State Snoozed only."
                : Body is not null && !Closing && AssigneeId is null && TeamId is null
                    ? "-Body is sent with a close (-State Closed) or an assignment (-AssigneeId, -TeamId), which carry words to the user: to write without either, use Add-IntercomMessageReply."
                : null;
            if (problem is not null) ThrowTerminatingError(ErrorRecords.For(new ArgumentException(problem), null));
        }

        protected override void ProcessRecord()
        {
            if (_users.RefusesUnopenedMessage(Requests)) return;
            var threadId = ThreadId ?? 0;
            if (!_users.NamesUser)
            {
                if (_users.RefusesWithoutUser(Requests)) return;
                if (!ShouldProcess($"conversation {threadId}", Describe())) return;
                Requests.Submit((object?)_users.InputObject ?? threadId, token => ApplyAsync(null, threadId, token), Answer);
                return;
            }
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldProcess($"thread {threadId} of {user.Describe()}", Describe())) continue;
                Requests.Submit(user.Target, token => ApplyAsync(user.Identity(), threadId, token), Answer);
            }
        }

        private void Answer(MessageThread thread)
        {
            if (PassThru) WriteObject(thread);
        }

        /// <summary>Each change asked for, in order: the mark with the title and attributes, the assignments, the tags, the state; the thread as the last left it.</summary>
        private async Task<MessageThread> ApplyAsync(UserIdentity? user, long threadId, CancellationToken token)
        {
            MessageThread? thread = null;
            if (Title is not null || CustomData is not null || (Read is not null && user is null))
            {
                var changes = new ConversationChanges { Read = Read, Title = Title, CustomData = CustomData is null ? null : ParameterValues.Plain(CustomData) };
                thread = await Inbox.UpdateConversationAsync(threadId, user, changes, token).ConfigureAwait(false);
            }
            else if (Read is { } read)
            {
                // A user's thread marked read is all v1 can do: the one change both APIs make.
                thread = await Client.MarkMessageThreadAsync(user!, threadId, read, token).ConfigureAwait(false);
            }
            var words = Closing ? null : Body;
            if (AssigneeId is { } admin)
            {
                thread = await Inbox.AssignConversationAsync(threadId, user, team: false, admin, words, AdminId, token).ConfigureAwait(false);
                words = null;
            }
            if (TeamId is { } team) thread = await Inbox.AssignConversationAsync(threadId, user, team: true, team, words, AdminId, token).ConfigureAwait(false);
            if (AddTag is not null || RemoveTag is not null)
            {
                var find = Client.NewTagFinder();
                var add = await Task.WhenAll((AddTag ?? Array.Empty<string>()).Select(name => find(name, token))).ConfigureAwait(false);
                var remove = await Task.WhenAll((RemoveTag ?? Array.Empty<string>()).Select(name => find(name, token))).ConfigureAwait(false);
                thread = await Inbox.TagConversationAsync(threadId, user, add.Select(tag => tag.Id!).ToArray(), remove.Select(tag => tag.Id!).ToArray(), AdminId, token).ConfigureAwait(false);
            }
            if (State is { } state)
                thread = await Inbox.SetConversationStateAsync(threadId, user, state, SnoozedUntil, Closing ? Body : null, AdminId, token).ConfigureAwait(false);
            return thread!;
        }

        private IConversationInbox Inbox => Client.As<IConversationInbox>();

        /// <summary>What -WhatIf and -Confirm say will happen: "Mark read, assign to admin 7 and close", "Snooze until ...".</summary>
        private string Describe()
        {
            var actions = new List<string>();
            if (Read is { } read) actions.Add(read ? "mark read" : "mark unread");
            if (Title is not null) actions.Add(Title.Length == 0 ? "remove the title" : $"title it '{Title}'");
            if (CustomData is not null) actions.Add($"set custom attributes {string.Join(", ", CustomData.Keys.Cast<object>().Select(key => key.ToString()).OrderBy(key => key, StringComparer.OrdinalIgnoreCase))}");
            if (AssigneeId is { } admin) actions.Add(admin == "0" ? "unassign the admin" : $"assign to admin {admin}");
            if (TeamId is { } team) actions.Add(team == "0" ? "unassign the team" : $"assign to team {team}");
            if (AddTag is not null) actions.Add($"tag {string.Join(", ", AddTag)}");
            if (RemoveTag is not null) actions.Add($"untag {string.Join(", ", RemoveTag)}");
            if (State?.ToLowerInvariant() is { } state)
                actions.Add(state == "snoozed" ? $"snooze until {SnoozedUntil!.Value.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z" : state == "closed" ? "close" : "open");
            var text = actions.Count == 1 ? actions[0] : string.Join(", ", actions.Take(actions.Count - 1)) + " and " + actions[actions.Count - 1];
            return char.ToUpperInvariant(text[0]) + text.Substring(1) + (AdminId is null ? string.Empty : $" as admin {AdminId}");
        }
    }
}
