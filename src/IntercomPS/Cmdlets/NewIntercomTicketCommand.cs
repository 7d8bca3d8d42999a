using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Creates a ticket (REST API 2.14 on's POST /tickets) of a -TicketType (its name or Id) for each user given or
    /// piped in (-Email, -UserId, -Id, or Get-IntercomUser's users), with its -Title, -Description and other
    /// -Attributes (a hashtable by attribute name, as Get-IntercomTicketType lists them), assigned to -AssigneeId when
    /// given. CSV rows with email, title, description and ticket_type columns make one ticket each. A create whose
    /// answer was lost is not repeated (it would make a second ticket): that input's error says it may have been applied.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IntercomTicket", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Ticket))]
    public sealed class NewIntercomTicketCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public NewIntercomTicketCommand() => _users = new UserTargets(Composed);

        /// <summary>The ticket type: its name or Id (Get-IntercomTicketType lists them); not an archived one.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ticket_type", "ticket_type_id")]
        [ValidateNotNullOrEmpty]
        public string TicketType { get; set; } = string.Empty;

        /// <summary>The ticket's title (its _default_title_ attribute).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Title { get; set; }

        /// <summary>The ticket's description (its _default_description_ attribute).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>Its type's other attributes, by name: strings, numbers, booleans, dates (a list attribute takes one of its items).</summary>
        [Parameter]
        public Hashtable? Attributes { get; set; }

        /// <summary>The admin to assign it to (an admin's Id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AssigneeId { get; set; }

        protected override void ProcessRecord()
        {
            if (_users.InputObject?.BaseObject is Ticket ticket)
            {
                Requests.Refuse(_users.InputObject, new PSArgumentException(
                    $"Ticket '{ticket}' already exists: New-IntercomTicket would copy it. To change it, pipe it to Set-IntercomTicket."));
                return;
            }
            // A thread names its user, but its Title (and a CSV-like Description) would bind as the ticket's by name:
            // opening a ticket from a conversation that way is a surprise, so the user is named instead.
            if (_users.InputObject?.BaseObject is MessageThread thread)
            {
                var how = thread.ContactId is { Length: > 0 } contact
                    ? $"pass -Id '{contact}' (or pipe Get-IntercomUser -Id '{contact}')"
                    : "pipe the user (Get-IntercomUser), or pass -Email, -UserId or -Id";
                Requests.Refuse(_users.InputObject, new PSArgumentException($"Thread {thread.ThreadId} is a conversation, not a user: to open a ticket for its user, {how}."));
                return;
            }
            IDictionary<string, object?>? attributes;
            try
            {
                attributes = TicketValues.Of(Attributes);
            }
            catch (ArgumentException bad)
            {
                Requests.Refuse(_users.InputObject, bad);
                return;
            }
            foreach (var user in _users.Of(Requests))
            {
                var title = Title is null ? string.Empty : $" '{Title}'";
                if (!ShouldProcess(user.Describe(), $"Create Intercom ticket{title} of type '{TicketType}'")) continue;
                var creation = new TicketCreation
                {
                    TicketType = TicketType, User = user.Identity(), Title = Title, Description = Description, Attributes = attributes, AdminAssigneeId = AssigneeId,
                };
                Requests.Submit(user.Target, token => Client.As<ITickets>().CreateTicketAsync(creation, token), WriteObject);
            }
        }
    }

    /// <summary>A hashtable of ticket attribute values as the client takes them: PowerShell's wrappers taken off.</summary>
    internal static class TicketValues
    {
        public static IDictionary<string, object?>? Of(Hashtable? values)
        {
            if (values is null) return null;
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in values)
            {
                var name = entry.Key?.ToString();
                if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("-Attributes has a blank name: name each attribute as its ticket type does (Get-IntercomTicketType shows them).");
                var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                if (value is not (null or string or bool or int or long or short or byte or double or float or decimal or DateTime or DateTimeOffset))
                    throw new ArgumentException($"-Attributes '{name}' is a {value.GetType().Name}: give a string, a number, a boolean, a date or $null.");
                result[name!] = value;
            }
            return result;
        }
    }
}
