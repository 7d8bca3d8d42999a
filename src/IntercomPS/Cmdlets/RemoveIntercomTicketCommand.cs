using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Deletes tickets for good (REST API 2.14 on's DELETE /tickets/{id}), their replies and attributes with them.
    /// Named by -Id, or piped tickets (only a piped ticket's Id binds); asks first unless -Force or -Confirm:$false. A
    /// delete whose answer was lost is not repeated: that input's error says it may have been applied.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IntercomTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Ticket))]
    public sealed class RemoveIntercomTicketCommand : IntercomCmdlet
    {
        private static readonly DeleteById<Ticket> Deletion = new DeleteById<Ticket>(
            "ticket", "Get-IntercomTicket", "Remove Intercom ticket (permanently, with its replies)", t => t.Title, id => new Ticket { Id = id });

        private readonly PipedObject _piped;

        public RemoveIntercomTicketCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.Ticket);
        }

        /// <summary>The id Intercom's API gave the ticket (not the number the Inbox shows); binds from piped tickets' Id.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        public string? Id { get; set; }

        /// <summary>Delete without asking (-WhatIf still only describes).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return each deleted ticket as it was, read just before it was deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() =>
            Deletion.Each(_piped, Requests, Id, _piped.RefusesAnotherTicket, (target, action) => ShouldProcessUnlessForced(Force, target, action), PassThru,
                (id, token) => Client.As<ITickets>().GetTicketAsync(id, token), (id, token) => Client.As<ITickets>().DeleteTicketAsync(id, token), WriteObject);
    }
}
