using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
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

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherTicket(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            if (string.IsNullOrWhiteSpace(Id))
            {
                Requests.Refuse(target, new PSArgumentException("Name the ticket to delete by -Id, or pipe it from Get-IntercomTicket (a blank cell names none)."));
                return;
            }
            var id = Id!.Trim();
            var described = _piped.InputObject?.BaseObject is Ticket { Title: { } title } ? $"ticket '{title}' ({id})" : $"ticket {id}";
            if (!ShouldProcessUnlessForced(Force, described, "Remove Intercom ticket (permanently, with its replies)")) return;
            Requests.Submit(target, token => DeleteAsync(id, token), deleted => { if (PassThru) WriteObject(deleted); });
        }

        /// <summary>With -PassThru the ticket is read first, so one that is not there fails before anything is deleted.</summary>
        private async Task<Ticket> DeleteAsync(string id, CancellationToken token)
        {
            var tickets = Client.As<ITickets>();
            var before = PassThru ? await tickets.GetTicketAsync(id, token).ConfigureAwait(false) : null;
            await tickets.DeleteTicketAsync(id, token).ConfigureAwait(false);
            return before ?? new Ticket { Id = id };
        }
    }
}
