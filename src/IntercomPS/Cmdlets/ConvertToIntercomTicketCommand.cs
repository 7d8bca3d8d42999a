using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Converts threads (conversations) to tickets (REST API 2.14 on's POST /conversations/{id}/convert): the ticket of a
    /// Customer -TicketType (its name or Id, found as New-IntercomTicket finds it) carries the conversation's users and
    /// messages, with -Title, -Description and other -Attributes. Named by -Id, or piped threads (Get-IntercomMessageThread)
    /// or sent messages. An archived or non-Customer type is refused before anything is sent; a conversion whose answer
    /// was lost is not repeated (the conversation is a ticket once): that input's error says it may have been applied.
    /// </summary>
    [Cmdlet(VerbsData.ConvertTo, "IntercomTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Ticket))]
    public sealed class ConvertToIntercomTicketCommand : IntercomCmdlet
    {
        private readonly PipedObject _piped;

        public ConvertToIntercomTicketCommand()
        {
            ThrottleLimit.Declare(Composed);
            _piped = new PipedObject(Composed, PipedKind.ThreadToConvert);
        }

        /// <summary>The thread's id (the conversation id); binds from piped threads' ThreadId and sent messages' ConversationId.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ThreadId", "thread_id", "ConversationId", "conversation_id")]
        public string? Id { get; set; }

        /// <summary>The ticket type: its name or Id (Get-IntercomTicketType lists them); a Customer type that is not archived.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string TicketType { get; set; } = string.Empty;

        /// <summary>The ticket's title (its _default_title_ attribute). Not taken from a piped thread's Title: give it.</summary>
        [Parameter]
        public string? Title { get; set; }

        /// <summary>The ticket's description (its _default_description_ attribute).</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>Its type's other attributes, by name: strings, numbers, booleans, dates (a list attribute takes one of its items).</summary>
        [Parameter]
        public Hashtable? Attributes { get; set; }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests) || _piped.RefusesAnotherThread(Requests, Id)) return;
            var target = (object?)_piped.InputObject ?? Id;
            if (!long.TryParse(Id?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var threadId) || threadId <= 0)
            {
                Requests.Refuse(target, new PSArgumentException(string.IsNullOrWhiteSpace(Id)
                    ? "Name the thread to convert by -Id, or pipe it from Get-IntercomMessageThread (a blank cell names none)."
                    : $"-Id '{Id!.Trim()}' is no thread's id: a thread's id is a positive number (Get-IntercomMessageThread shows ThreadId)."));
                return;
            }
            IDictionary<string, object?>? attributes;
            try
            {
                attributes = TicketValues.Of(Attributes);
            }
            catch (ArgumentException bad)
            {
                Requests.Refuse(target, bad);
                return;
            }
            if (!ShouldProcess($"conversation {threadId}", $"Convert Intercom conversation to a ticket of type '{TicketType}'")) return;
            var conversion = new TicketConversion { TicketType = TicketType, Title = Title, Description = Description, Attributes = attributes };
            Requests.Submit(target, token => Client.As<ITickets>().ConvertConversationToTicketAsync(threadId, conversion, token), WriteObject);
        }
    }
}
