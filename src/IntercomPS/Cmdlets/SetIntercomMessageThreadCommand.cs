using System;
using System.Collections.Generic;
using System.Management.Automation;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Marks threads read (-Read $true) or unread again (-Read $false) for their user, and on REST API 2.x opens,
    /// closes or snoozes them (-State, -SnoozedUntil); both at once mark first, then change the state.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IntercomMessageThread", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(MessageThread))]
    public sealed class SetIntercomMessageThreadCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public SetIntercomMessageThreadCommand() => _users = new UserTargets(Composed);

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("thread_id")]
        public long ThreadId { get; set; }

        /// <summary>Not bound from piped threads on purpose: their own Read is the state being changed.</summary>
        [Parameter]
        public bool? Read { get; set; }

        /// <summary>The conversation state to put the thread in (REST API 2.x); not bound from piped threads, whose State is the one being changed.</summary>
        [Parameter]
        [ValidateSet("Open", "Closed", "Snoozed", IgnoreCase = true)]
        public string? State { get; set; }

        /// <summary>When a snoozed conversation wakes up: with -State Snoozed only.</summary>
        [Parameter]
        [DateTimeTransformation]
        public DateTime? SnoozedUntil { get; set; }

        /// <summary>Return the thread as it is now.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var problem = Read is null && State is null ? "Give -Read, -State or both: there is nothing to change."
                : string.Equals(State, "Snoozed", StringComparison.OrdinalIgnoreCase) && SnoozedUntil is null ? "-State Snoozed needs -SnoozedUntil, the time the conversation wakes up."
                : SnoozedUntil is not null && !string.Equals(State, "Snoozed", StringComparison.OrdinalIgnoreCase) ? "-SnoozedUntil goes with -State Snoozed only."
                : null;
            if (problem is not null) ThrowTerminatingError(ErrorRecords.For(new ArgumentException(problem), null));
        }

        protected override void ProcessRecord()
        {
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldProcess($"thread {ThreadId} of {user.Describe()}", Describe())) continue;
                var threadId = ThreadId;
                Requests.Submit(user.Target, async token =>
                {
                    MessageThread? thread = null;
                    if (Read is { } read) thread = await Client.MarkMessageThreadAsync(user.Identity(), threadId, read, token).ConfigureAwait(false);
                    if (State is { } state) thread = await Client.As<IConversationState>().SetMessageThreadStateAsync(user.Identity(), threadId, state, SnoozedUntil, token).ConfigureAwait(false);
                    return thread!;
                }, thread => { if (PassThru) WriteObject(thread); });
            }
        }

        /// <summary>What -WhatIf and -Confirm say will happen: "Mark read and close", "Snooze until ...".</summary>
        private string Describe()
        {
            var actions = new List<string>();
            if (Read is { } read) actions.Add(read ? "Mark read" : "Mark unread");
            if (State?.ToLowerInvariant() is { } state)
                actions.Add(state == "snoozed" ? $"snooze until {SnoozedUntil!.Value.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z" : state == "closed" ? "close" : "open");
            var text = string.Join(" and ", actions);
            return char.ToUpperInvariant(text[0]) + text.Substring(1);
        }
    }
}
