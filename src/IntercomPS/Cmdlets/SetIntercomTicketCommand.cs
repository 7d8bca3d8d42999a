using System.Collections.Generic;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Changes tickets (REST API 2.14 on's PUT /tickets/{id}): the -State (a category such as in_progress, a state's
    /// label, or its Id), -Title, -Description and other -Attributes, the admin assigned (-AssigneeId, or an -Assignee
    /// from Get-IntercomAdmin; 0 unassigns), and -Open:$false to close one (or -Open to reopen it); what is not given
    /// stays. The ticket is named by -Id, or piped: only a piped ticket's Id binds, so
    /// `Get-IntercomTicket -State submitted | Set-IntercomTicket -State in_progress` changes the state alone.
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

        /// <summary>The admin who makes the change, as the assignment part names them; the session's admin by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AdminId { get; set; }

        /// <summary>-Open reopens it; -Open:$false closes it.</summary>
        [Parameter]
        public SwitchParameter Open { get; set; }

        /// <summary>Return each ticket as it is now.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

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
                AssigneeId = AssigneeId ?? Assignee?.Id, AdminId = AdminId,
            };
            if (changes.IsEmpty)
            {
                Requests.Refuse(target, new PSArgumentException("Nothing to change: give -State, -Title, -Description, -Attributes, -AssigneeId, -Assignee or -Open."));
                return;
            }
            var id = Id!.Trim();
            var described = _piped.InputObject?.BaseObject is Ticket { Title: { } title } ? $"ticket '{title}' ({id})" : $"ticket {id}";
            if (!ShouldProcess(described, "Update Intercom ticket")) return;
            Requests.Submit(target, token => Client.As<ITickets>().UpdateTicketAsync(id, changes, token), updated => { if (PassThru) WriteObject(updated); });
        }
    }
}
