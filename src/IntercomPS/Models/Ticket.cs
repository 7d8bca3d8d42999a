using System;
using System.Collections;
using System.Collections.Generic;

namespace IntercomPS
{
    /// <summary>
    /// A ticket (REST API 2.x). Id is the API's id (what the ticket cmdlets take, and what a piped ticket binds);
    /// TicketId the number the Inbox shows. Title and Description are its default attributes, Attributes all its
    /// values by attribute name. State is its state's category (submitted, in_progress, waiting_on_customer,
    /// resolved), StateLabel what teammates see. ContactId and UserId name its contact (a ticket has one).
    /// AdminAssigneeId and TeamAssigneeId are null when nobody is assigned.
    /// </summary>
    public sealed class Ticket
    {
        public string? Id { get; set; }
        public string? TicketId { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }

        /// <summary>Customer, Back-office or Tracker: the ticket type's category.</summary>
        public string? Category { get; set; }

        public string? TicketTypeId { get; set; }
        public string? TicketType { get; set; }
        public string? State { get; set; }
        public string? StateId { get; set; }
        public string? StateLabel { get; set; }
        public bool Open { get; set; }
        public string? ContactId { get; set; }
        public string? UserId { get; set; }
        public IReadOnlyList<string> ContactIds { get; set; } = Array.Empty<string>();
        public string? AdminAssigneeId { get; set; }
        public string? TeamAssigneeId { get; set; }
        public bool IsShared { get; set; }

        /// <summary>The threads (conversations) linked to it, a tracker's or a back-office ticket's, by ThreadId.</summary>
        public IReadOnlyList<string> LinkedThreadIds { get; set; } = Array.Empty<string>();

        /// <summary>The tickets linked to it: on a customer ticket made from a thread, the tracker that thread is linked to.</summary>
        public IReadOnlyList<string> LinkedTicketIds { get; set; } = Array.Empty<string>();

        /// <summary>Every attribute value, by the attribute's name (the default ones, _default_title_ and _default_description_, included).</summary>
        public Hashtable Attributes { get; set; } = new Hashtable(StringComparer.OrdinalIgnoreCase);

        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }
        public DateTime? SnoozedUntil { get; set; }

        /// <summary>Its parts (state changes, assignments, replies, notes), oldest first, as the ticket's answer lists them.</summary>
        public IReadOnlyList<TicketPart> Parts { get; set; } = Array.Empty<TicketPart>();

        public override string ToString() => Title ?? TicketId ?? Id ?? string.Empty;
    }

    /// <summary>A part of a ticket: a reply (comment), a note, a state change, an assignment; by an admin or the contact.</summary>
    public sealed class TicketPart
    {
        public string? Id { get; set; }
        public string? TicketId { get; set; }
        public string? PartType { get; set; }
        public string? Body { get; set; }

        /// <summary>For a state change, the state's category after it and before it.</summary>
        public string? State { get; set; }
        public string? PreviousState { get; set; }

        public string? AuthorType { get; set; }
        public string? AuthorId { get; set; }
        public string? AuthorName { get; set; }
        public DateTime? CreatedAt { get; set; }

        public override string ToString() => Body ?? PartType ?? Id ?? string.Empty;
    }

    /// <summary>A ticket type: the attributes its tickets have, and its category (Customer, Back-office, Tracker).</summary>
    public sealed class TicketType
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Category { get; set; }
        public string? Icon { get; set; }
        public bool Archived { get; set; }
        public bool IsInternal { get; set; }
        public IReadOnlyList<TicketTypeAttribute> Attributes { get; set; } = Array.Empty<TicketTypeAttribute>();
        public DateTime? CreatedAt { get; set; }
        public DateTime? UpdatedAt { get; set; }

        public override string ToString() => Name ?? Id ?? string.Empty;
    }

    /// <summary>One attribute of a ticket type: its name (the key of a ticket's Attributes), its data type, whether a new ticket needs it.</summary>
    public sealed class TicketTypeAttribute
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }

        /// <summary>string, list, integer, decimal, boolean, datetime or files.</summary>
        public string? DataType { get; set; }

        /// <summary>A list attribute's items.</summary>
        public IReadOnlyList<string> ListItems { get; set; } = Array.Empty<string>();

        public bool RequiredToCreate { get; set; }
        public bool Default { get; set; }
        public bool Archived { get; set; }

        public override string ToString() => Name ?? Id ?? string.Empty;
    }

    /// <summary>A ticket state of the workspace: its category (what Intercom searches by) and labels.</summary>
    public sealed class TicketState
    {
        public string? Id { get; set; }
        public string? Category { get; set; }
        public string? InternalLabel { get; set; }
        public string? ExternalLabel { get; set; }

        public override string ToString() => InternalLabel ?? Category ?? Id ?? string.Empty;
    }
}
