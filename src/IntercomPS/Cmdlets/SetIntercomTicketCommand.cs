using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Changes tickets (REST API 2.14 on's PUT /tickets/{id}): the -State (a category such as in_progress, a state's
    /// label, or its Id), -Title, -Description and other -Attributes, the admin assigned (-AssigneeId, or an -Assignee
    /// from Get-IntercomAdmin; 0 unassigns), the team (-TeamId), and -Open:$false to close one (or -Open to reopen it);
    /// and tags (-AddTag, -RemoveTag: names, each found once for the whole command, before anything is written, through
    /// POST /tickets/{id}/tags and DELETE /tickets/{id}/tags/{tag_id}). What is not given stays. The ticket is named by
    /// -Id, or piped: only a piped ticket's Id binds, so
    /// `Get-IntercomTicket -State submitted | Set-IntercomTicket -State in_progress` changes the state alone. REST API
    /// 2.16 on: -TicketType moves it to another type of its category (POST /tickets/{id}/change_type, sent once, with
    /// the state, title, description and attributes given), and -LinkThreadId / -UnlinkThreadId link threads to a
    /// tracker ticket and unlink them (POST and DELETE /tickets/{id}/linked_conversations, each sent once).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IntercomTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Ticket))]
    public sealed class SetIntercomTicketCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public SetIntercomTicketCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.Ticket);
        }

        /// <summary>The id Intercom's API gave the ticket; binds from piped tickets' Id.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public string? Id { get; set; }

        /// <summary>The state it moves to: a category (submitted, in_progress, waiting_on_customer, resolved), a state's label, or its Id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? State { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>Its type's attributes to set, by name ($null clears one).</summary>
        [Parameter]
        public System.Collections.Hashtable? Attributes { get; set; }

        /// <summary>The admin to assign it to (an admin's Id); 0 unassigns it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AssigneeId { get; set; }

        /// <summary>The admin to assign it to, as Get-IntercomAdmin writes them.</summary>
        [Parameter]
        [ValidateNotNull]
        public Admin? Assignee { get; set; }

        /// <summary>The team to assign it to (a team's Id, as Get-IntercomTeam lists them); the admin assigned stays.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TeamId { get; set; }

        /// <summary>The ticket type to move it to (2.16): its name or Id, of the same category; not an archived one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TicketType { get; set; }

        /// <summary>Threads (ThreadId, the conversation's id) to link to the tracker ticket (2.16).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public long[]? LinkThreadId { get; set; }

        /// <summary>Threads (ThreadId) to unlink from the tracker ticket (2.16).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public long[]? UnlinkThreadId { get; set; }

        /// <summary>Tags (names) to put on the ticket.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AddTag { get; set; }

        /// <summary>Tags (names) to take off the ticket.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveTag { get; set; }

        /// <summary>The admin who makes the change, whom its parts name; for an assignment or tags the session's admin by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AdminId { get; set; }

        /// <summary>-Open reopens it; -Open:$false closes it.</summary>
        [Parameter]
        public SwitchParameter Open { get; set; }

        /// <summary>Return each ticket as it is now.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private readonly TagsByName _tags = new TagsByName();

        private bool Tagging => AddTag is not null || RemoveTag is not null;

        private bool Linking => LinkThreadId is not null || UnlinkThreadId is not null;

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherTicket(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(target, new PSArgumentException("Name the ticket by -Id, or pipe it from Get-IntercomTicket (a blank cell names none)."));
                return;
            }
            if (AssigneeId is not null && Assignee is not null)
            {
                Requests.Refuse(target, new PSArgumentException("-AssigneeId and -Assignee both name the admin to assign: give one."));
                return;
            }
            if (Assignee is not null && string.IsNullOrWhiteSpace(Assignee.Id))
            {
                // Without this the blank Id drops out of the changes and the refusal would say "Nothing to change".
                Requests.Refuse(target, new PSArgumentException($"-Assignee '{Assignee}' has no Id to assign the ticket to: pass admins from Get-IntercomAdmin, or give -AssigneeId."));
                return;
            }
            if (TagsByName.Overlap(AddTag, RemoveTag) is { } overlap)
            {
                Requests.Refuse(target, overlap);
                return;
            }
            if (LinkThreadId is not null && UnlinkThreadId is not null && LinkThreadId.Intersect(UnlinkThreadId).ToArray() is { Length: > 0 } twice)
            {
                Requests.Refuse(target, new PSArgumentException($"-LinkThreadId and -UnlinkThreadId both name {string.Join(", ", twice)}: give each thread to one."));
                return;
            }
            if ((LinkThreadId ?? Array.Empty<long>()).Concat(UnlinkThreadId ?? Array.Empty<long>()).Where(thread => thread <= 0).Select(thread => (long?)thread).FirstOrDefault() is { } notThread)
            {
                Requests.Refuse(target, new PSArgumentException($"{notThread} is no thread's id: a thread's id is a positive number (Get-IntercomMessageThread shows ThreadId)."));
                return;
            }
            IDictionary<string, object?>? attributes;
            try
            {
                attributes = TicketValues.Of(Attributes);
            }
            catch (System.ArgumentException bad)
            {
                Requests.Refuse(target, bad);
                return;
            }
            var changes = new TicketChanges
            {
                State = State, Title = Title, Description = Description, Attributes = attributes,
                Open = MyInvocation.BoundParameters.ContainsKey(nameof(Open)) ? Open.IsPresent : null,
                AssigneeId = AssigneeId ?? Assignee?.Id, TeamAssigneeId = TeamId, AdminId = AdminId,
            };
            if (changes.IsEmpty && !Tagging && !Linking && TicketType is null)
            {
                Requests.Refuse(target, new PSArgumentException(
                    "Nothing to change: give -State, -Title, -Description, -Attributes, -AssigneeId, -Assignee, -TeamId, -Open, -TicketType, -AddTag, -RemoveTag, -LinkThreadId or -UnlinkThreadId."));
                return;
            }
            var id = Id!.Trim();
            var described = _piped.InputObject?.BaseObject is Ticket { Title: { } title } ? $"ticket '{title}' ({id})" : $"ticket {id}";
            if (!ShouldProcess(described, Describe(changes))) return;
            Requests.Submit(target, token => ApplyAsync(id, changes, _tags.Of(Client, AddTag, token), _tags.Of(Client, RemoveTag, token), token), updated => { if (PassThru) WriteObject(updated); });
        }

        /// <summary>The tags named, every name found first (an unknown one fails the ticket before anything is written), and a ticket to link threads to checked a tracker; then the update, the tags, the links.</summary>
        private async Task<Ticket> ApplyAsync(string id, TicketChanges changes, Task<Tag[]> adding, Task<Tag[]> removing, CancellationToken token)
        {
            var tickets = Client.As<ITickets>();
            var add = await adding.ConfigureAwait(false);
            var remove = await removing.ConfigureAwait(false);
            // Only a tracker links threads: a ticket that is none is refused before any of the changes is written.
            if (Linking) await tickets.GetTrackerTicketAsync(id, token).ConfigureAwait(false);
            Ticket? ticket = null;
            if (TicketType is not null)
            {
                // change_type takes the state and the new type's attributes; what is left (assignment, open) follows in a PUT.
                ticket = await tickets.ChangeTicketTypeAsync(id, TicketType, changes.State, changes, token).ConfigureAwait(false);
                changes = new TicketChanges { Open = changes.Open, AssigneeId = changes.AssigneeId, TeamAssigneeId = changes.TeamAssigneeId, AdminId = changes.AdminId };
            }
            if (!changes.IsEmpty) ticket = await tickets.UpdateTicketAsync(id, changes, token).ConfigureAwait(false);
            if (Tagging)
            {
                await tickets.TagTicketAsync(id, add.Select(tag => tag.Id!).ToArray(), remove.Select(tag => tag.Id!).ToArray(), AdminId, token).ConfigureAwait(false);
                // A ticket does not list its tags, so tagging alone changes nothing it shows: read it only to pass it on.
                if (ticket is null && PassThru) ticket = await tickets.GetTicketAsync(id, token).ConfigureAwait(false);
            }
            if (Linking)
            {
                await tickets.LinkTicketThreadsAsync(id, LinkThreadId ?? Array.Empty<long>(), UnlinkThreadId ?? Array.Empty<long>(), token).ConfigureAwait(false);
                // The links change what the ticket lists: read it again to pass it on as it is now.
                if (PassThru) ticket = await tickets.GetTicketAsync(id, token).ConfigureAwait(false);
            }
            return ticket ?? new Ticket { Id = id };
        }

        /// <summary>What -WhatIf and -Confirm say: "Update Intercom ticket", with the type, the team, the tags by name and the threads when given.</summary>
        private string Describe(TicketChanges changes)
        {
            var extras = new List<string>();
            if (TicketType is not null) extras.Add($"change type to '{TicketType}'");
            if (TeamId is not null) extras.Add($"assign to team {TeamId}");
            extras.AddRange(TagsByName.Describe(AddTag, RemoveTag));
            if (LinkThreadId is not null) extras.Add($"link thread {string.Join(", ", LinkThreadId)}");
            if (UnlinkThreadId is not null) extras.Add($"unlink thread {string.Join(", ", UnlinkThreadId)}");
            return "Update Intercom ticket" + (extras.Count == 0 ? string.Empty : ": " + string.Join("; ", extras));
        }
    }
}
