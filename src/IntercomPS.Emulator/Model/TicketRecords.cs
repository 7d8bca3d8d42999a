using System;
using System.Collections.Generic;
using System.Linq;

namespace IntercomPS.Emulator.Model;

/// <summary>
/// A ticket type: the fields (attributes) a ticket of it captures. Category is Customer, Back-office or Tracker;
/// Every type has the two default attributes, _default_title_ and _default_description_,
/// made with it, and the workspace's four ticket states (<see cref="TicketStates"/>).
/// </summary>
internal sealed record TicketTypeRecord(
    long Id, string Name, string Description, string Icon, string Category, bool IsInternal, bool Archived,
    long CreatedAt, long UpdatedAt, IReadOnlyList<TicketTypeAttributeRecord> Attributes)
{
    public static readonly IReadOnlyList<string> Categories = ["Customer", "Back-office", "Tracker"];

    /// <summary>The icon a type is given when none is: the description's default, the admission tickets emoji.</summary>
    public const string DefaultIcon = "\U0001F39F\uFE0F";

    /// <summary>The type as <paramref name="change"/> leaves it (what it does not give stays).</summary>
    public TicketTypeRecord Changed(TicketTypeInput change) => this with
    {
        Name = change.Name ?? Name,
        Description = change.Description ?? Description,
        Icon = change.Icon ?? Icon,
        Category = change.Category ?? Category,
        IsInternal = change.IsInternal ?? IsInternal,
        Archived = change.Archived ?? Archived,
    };

    /// <summary>
    /// The rules of a new attribute on this type, the same for every store: its name is not one the type has already
    /// (a ticket's ticket_attributes name attributes, so two of one name would be ambiguous).
    /// </summary>
    public void CheckNewAttributeName(string name)
    {
        if (Attributes.Any(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ApiError(400, "bad_request", $"The ticket type '{Name}' ({Id}) already has an attribute named '{name}'") { Code = "parameter_invalid", Field = "name" };
        }
    }

    /// <summary>The type's attribute of that id (a positive whole number), else the 404 for an attribute.</summary>
    public TicketTypeAttributeRecord Attribute(string id) =>
        (long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var numeric)
            ? Attributes.FirstOrDefault(a => a.Id == numeric) : null) ?? throw TicketTypes.AttributeNotFound();

    /// <summary>
    /// The rules of an attribute's update: a default attribute keeps its name and cannot be archived (every ticket has
    /// a title and a description); a renamed attribute takes no name another attribute of the type has; options fit the data type.
    /// </summary>
    public void CheckUpdate(TicketTypeAttributeRecord attribute, TicketTypeAttributeInput change)
    {
        if (attribute.Default && ((change.Name is { } name && name != attribute.Name) || change.Archived == true))
        {
            throw new ApiError(400, "bad_request", $"{attribute.Name} is a default attribute of every ticket type: it cannot be renamed or archived") { Code = "parameter_invalid", Field = change.Name is null ? "archived" : "name" };
        }

        if (change.Name is { } newName && Attributes.Any(a => a.Id != attribute.Id && string.Equals(a.Name, newName, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ApiError(400, "bad_request", $"The ticket type '{Name}' ({Id}) already has an attribute named '{newName}'") { Code = "parameter_invalid", Field = "name" };
        }

        TicketTypes.CheckOptions(attribute.DataType, change);
    }
}

/// <summary>
/// A ticket type's attribute: DataType one of <see cref="TicketTypes.DataTypes"/>; its input options by type (a
/// string's Multiline, a list's ListItems, comma-delimited, a files attribute's AllowMultipleValues); Default for the
/// two built-in ones.
/// </summary>
internal sealed record TicketTypeAttributeRecord(
    long Id, long TicketTypeId, string Name, string Description, string DataType, bool? Multiline, string? ListItems, bool? AllowMultipleValues,
    int Order, bool RequiredToCreate, bool RequiredToCreateForContacts, bool VisibleOnCreate, bool VisibleToContacts, bool Default, bool Archived,
    long CreatedAt, long UpdatedAt)
{
    /// <summary>The attribute as <paramref name="change"/> leaves it (what it does not give stays).</summary>
    public TicketTypeAttributeRecord Changed(TicketTypeAttributeInput change) => this with
    {
        Name = change.Name ?? Name,
        Description = change.Description ?? Description,
        Multiline = change.Multiline ?? Multiline,
        ListItems = change.ListItems ?? ListItems,
        AllowMultipleValues = change.AllowMultipleValues ?? AllowMultipleValues,
        RequiredToCreate = change.RequiredToCreate ?? RequiredToCreate,
        RequiredToCreateForContacts = change.RequiredToCreateForContacts ?? RequiredToCreateForContacts,
        VisibleOnCreate = change.VisibleOnCreate ?? VisibleOnCreate,
        VisibleToContacts = change.VisibleToContacts ?? VisibleToContacts,
        Archived = change.Archived ?? Archived,
    };
}

/// <summary>A ticket type's fields as a create or update gives them (null: not given).</summary>
internal sealed record TicketTypeInput(string? Name, string? Description, string? Category, string? Icon, bool? IsInternal, bool? Archived);

/// <summary>An attribute's fields as a create or update gives them (null: not given).</summary>
internal sealed record TicketTypeAttributeInput(
    string? Name, string? Description, string? DataType, bool? RequiredToCreate, bool? RequiredToCreateForContacts, bool? VisibleOnCreate,
    bool? VisibleToContacts, bool? Multiline, string? ListItems, bool? AllowMultipleValues, bool? Archived);

/// <summary>A ticket state (2.14's ticket_state): a category and the labels teammates and customers see.</summary>
internal sealed record TicketStateRecord(long Id, string Category, string InternalLabel, string ExternalLabel);

/// <summary>The rules of ticket types and their attributes both stores apply, and the errors they give.</summary>
internal static class TicketTypes
{
    public static readonly IReadOnlyList<string> DataTypes = ["string", "list", "integer", "decimal", "boolean", "datetime", "files"];

    public const string TitleAttribute = "_default_title_";

    public const string DescriptionAttribute = "_default_description_";

    /// <summary>
    /// An input option given to a data type it does not apply to is refused rather than kept unread: multiline is a
    /// string's, list_items a list's (and a list needs at least one item), allow_multiple_values a files attribute's.
    /// </summary>
    public static void CheckOptions(string dataType, TicketTypeAttributeInput input)
    {
        if (input.Multiline is not null && dataType != "string")
        {
            throw Invalid("multiline", $"multiline applies to string attributes only, not {dataType}");
        }

        if (input.ListItems is not null && dataType != "list")
        {
            throw Invalid("list_items", $"list_items applies to list attributes only, not {dataType}");
        }

        if (input.AllowMultipleValues is not null && dataType != "files")
        {
            throw Invalid("allow_multiple_values", $"allow_multiple_values applies to files attributes only, not {dataType}");
        }

        if (input.ListItems is { } items && ListItems(items).Count == 0)
        {
            throw Invalid("list_items", "list_items must name at least one item (a comma delimited list: 'Low,Medium,High')");
        }
    }

    /// <summary>A list attribute's items: list_items split at commas, each trimmed, the empty ones dropped.</summary>
    public static IReadOnlyList<string> ListItems(string listItems) =>
        listItems.Split(',').Select(item => item.Trim()).Where(item => item.Length > 0).ToList();

    public static ApiError Invalid(string field, string message) => new(400, "bad_request", message) { Code = "parameter_invalid", Field = field };

    public static ApiError Missing(string field, string message) => new(400, "bad_request", message) { Code = "parameter_not_found", Field = field };

    /// <summary>The 404 for a ticket type: the description documents none, so the generic not_found of the API's other resources.</summary>
    public static ApiError TypeNotFound() => new(404, "not_found", "Ticket type not found") { Code = "not_found" };

    public static ApiError AttributeNotFound() => new(404, "not_found", "Ticket type attribute not found") { Code = "not_found" };
}

/// <summary>
/// The ticket states every app has: one per category, with the labels the description's examples give. The API only
/// lists them (a workspace adds custom states in Intercom's settings, which the API cannot do), so they are a fixed
/// set in code, the same for every app, as the away status reasons are; every ticket type has all four.
/// </summary>
internal static class TicketStates
{
    public static IReadOnlyList<TicketStateRecord> All { get; } =
    [
        new(1, "submitted", "Submitted", "Submitted"),
        new(2, "in_progress", "In progress", "In progress"),
        new(3, "waiting_on_customer", "Waiting on customer", "Waiting on you"),
        new(4, "resolved", "Resolved", "Resolved"),
    ];
}

/// <summary>
/// A ticket: Number is the ticket_id the Inbox shows (1, 2, ... per app), Id the API's id; Attributes the values set
/// (a JSON object keyed by attribute name); its one contact (the description allows only one) as (contact id,
/// external id); the assignees as 2.14 writes them ("0" for none); its parts oldest first.
/// </summary>
internal sealed record TicketRecord(
    long Id, long Number, TicketTypeRecord Type, TicketStateRecord State, string Attributes, IReadOnlyList<(string Id, string? ExternalId)> Contacts,
    string? CompanyId, string AdminAssigneeId, string TeamAssigneeId, bool Open, long? SnoozedUntil, bool IsShared, long CreatedAt, long UpdatedAt,
    IReadOnlyList<TicketPartRecord> Parts, IReadOnlyList<TicketLink>? Links = null);

/// <summary>
/// A linked object: a conversation linked to a tracker or back-office ticket (Category null), or, on a customer ticket
/// made from a conversation, a ticket that conversation is linked to (with its category).
/// </summary>
internal sealed record TicketLink(string Type, long Id, string? Category);

/// <summary>2.16's POST /tickets/{id}/change_type: the new type, the state on it, and attribute values overriding those carried over.</summary>
internal sealed record TicketTypeChange(string TicketTypeId, string StateId, IReadOnlyDictionary<string, System.Text.Json.JsonElement> Attributes);

/// <summary>
/// A part of a ticket: a state change (State, PreviousState), an assignment (AssignedTo: admin or team and its id), an
/// attribute's change (Attribute: its id and name, Value as set), a close, open or snooze, or a reply (note, comment)
/// with its Body; by an admin or a contact (AuthorType admin or user).
/// </summary>
internal sealed record TicketPartRecord(
    long Id, string PartType, string? Body, string? State, string? PreviousState, (string Type, string Id)? AssignedTo, (long Id, string Name, string Value)? Attribute,
    string AuthorType, string AuthorId, string? AuthorName, string? AuthorEmail, long CreatedAt);

/// <summary>A new ticket as POST /tickets gives it, checked by the endpoint but for what needs the store (the type, the contact, the assignees).</summary>
internal sealed record TicketInput(
    string TicketTypeId, TicketContactKey Contact, IReadOnlyDictionary<string, System.Text.Json.JsonElement> Attributes, string? CompanyId, long? CreatedAt,
    string? AdminAssigneeId, string? TeamAssigneeId, long? ConversationToLinkId = null);

/// <summary>POST /conversations/{id}/convert: the ticket type, the attributes to set, and (2.16) the state to start in (null: submitted).</summary>
internal sealed record TicketConversion(string TicketTypeId, IReadOnlyDictionary<string, System.Text.Json.JsonElement> Attributes, string? StateId);

/// <summary>A contact, by exactly one of its Intercom id, external id or email: a new ticket's one, or one added to a conversation.</summary>
internal sealed record TicketContactKey(string? Id, string? ExternalId, string? Email);

/// <summary>PUT /tickets/{id}: what to change (null: not given); CompanyId "" removes the company.</summary>
internal sealed record TicketChange(
    IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Attributes, string? StateId, string? CompanyId, bool? Open, bool? IsShared, long? SnoozedUntil,
    string? AdminId, string? AssigneeId);

/// <summary>A page of a ticket search.</summary>
internal sealed record TicketPage(IReadOnlyList<TicketRecord> Tickets, long TotalCount, int Page, int PerPage, string? Next);

/// <summary>POST /tickets/{id}/reply: an admin's comment or note (AdminId), or the ticket's contact's comment (Contact).</summary>
internal sealed record TicketReply(string MessageType, string? Body, string? AdminId, TicketContactKey? Contact, long? CreatedAt);

/// <summary>The rules of a ticket's attributes against its type's, which both stores apply.</summary>
internal static class Tickets
{
    /// <summary>
    /// Checks values against the type's attributes (not archived): every name must be one of them (2.16's words for
    /// one that is not), and each value must fit its data type (null clears a value); on create, every attribute the
    /// type requires teammates to fill must be given (the words of 2.14's enqueue example). The values as stored: the
    /// old ones merged with these, nulls removed. <paramref name="field"/> is the request's name for the values (POST
    /// /conversations/{id}/convert calls them attributes).
    /// </summary>
    public static string Merge(TicketTypeRecord type, string stored, IReadOnlyDictionary<string, System.Text.Json.JsonElement> values, bool creating,
        string field = "ticket_attributes")
    {
        var live = type.Attributes.Where(a => !a.Archived).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var extra = values.Keys.Where(name => !live.ContainsKey(name)).ToList();
        if (extra.Count > 0)
        {
            throw TicketTypes.Invalid(field, $"Extra attributes provided that are not found on ticket type: {string.Join(", ", extra)}");
        }

        var merged = System.Text.Json.Nodes.JsonNode.Parse(stored)!.AsObject();
        foreach (var (name, value) in values)
        {
            if (value.ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                merged.Remove(name);
                continue;
            }

            Check(live[name], value, field);
            merged[name] = System.Text.Json.Nodes.JsonNode.Parse(value.GetRawText());
        }

        if (creating && live.Values.Any(a => a.RequiredToCreate && !merged.ContainsKey(a.Name)))
        {
            throw TicketTypes.Invalid(field, "Missing required ticket attributes");
        }

        return merged.ToJsonString();
    }

    private static void Check(TicketTypeAttributeRecord attribute, System.Text.Json.JsonElement value, string field)
    {
        var ok = attribute.DataType switch
        {
            "string" => value.ValueKind == System.Text.Json.JsonValueKind.String,
            "list" => value.ValueKind == System.Text.Json.JsonValueKind.String && TicketTypes.ListItems(attribute.ListItems ?? "").Contains(value.GetString()),
            "integer" => value.ValueKind == System.Text.Json.JsonValueKind.Number && value.TryGetInt64(out _),
            "decimal" => value.ValueKind == System.Text.Json.JsonValueKind.Number,
            "boolean" => value.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
            "datetime" => value.ValueKind == System.Text.Json.JsonValueKind.Number && value.TryGetInt64(out _),
            _ => throw TicketTypes.Invalid(field, $"{field}.{attribute.Name} is a files attribute: files are not emulated"),
        };
        if (!ok)
        {
            var wanted = attribute.DataType switch
            {
                "string" => "a string",
                "list" => $"one of its list items ({string.Join(", ", TicketTypes.ListItems(attribute.ListItems ?? ""))})",
                "integer" => "a whole number",
                "decimal" => "a number",
                "boolean" => "a boolean",
                _ => "a UNIX timestamp (whole seconds)",
            };
            throw TicketTypes.Invalid(field, $"{field}.{attribute.Name} must be {wanted}, not {Describe(value)}");
        }
    }

    private static string Describe(System.Text.Json.JsonElement value) => value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => $"'{value.GetString()}'",
        System.Text.Json.JsonValueKind.Number => value.GetRawText(),
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "a boolean",
        System.Text.Json.JsonValueKind.Array => "an array",
        _ => "an object",
    };

    /// <summary>The state of that id (a ticket's type has all four), else 2.14's 400 for one the type does not have.</summary>
    public static TicketStateRecord State(string id) =>
        TicketStates.All.FirstOrDefault(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == id)
            ?? throw new ApiError(400, "bad_request", "Ticket state id is not valid or is not associated with the ticket type") { Code = "ticket_state_id_invalid", Field = "ticket_state_id" };

    /// <summary>Only a Customer ticket type takes a conversation: the description's 400, in its words.</summary>
    /// <summary>
    /// An archived type takes no new tickets (made, converted to or changed to). No description documents the error,
    /// so it is Intercom's 400 envelope on ticket_type_id in words of our own.
    /// </summary>
    public static void CheckNotArchived(TicketTypeRecord type)
    {
        if (type.Archived)
        {
            throw TicketTypes.Invalid("ticket_type_id", $"Ticket type {type.Id} is archived: an archived ticket type takes no new tickets");
        }
    }

    public static void CheckConvertible(TicketTypeRecord type)
    {
        if (type.Category != "Customer")
        {
            throw TicketTypes.Invalid("ticket_type_id", "Ticket type is not a customer ticket type");
        }
    }

    /// <summary>A conversation converted already: it is one ticket, never two (the description documents no such error, so its 400).</summary>
    public static ApiError AlreadyConverted(long conversationId, long ticketId) =>
        TicketTypes.Invalid("conversation_id", $"Conversation {conversationId} has already been converted to a ticket (id {ticketId})");

    public static ApiError NotFound() => new(404, "not_found", "Ticket not found") { Code = "ticket_not_found" };

    /// <summary>2.16's 400 when the ticket linking or unlinking a conversation is not a tracker, in the description's words.</summary>
    public static ApiError NotTracker(string doing) => new(400, "bad_request", $"Only tracker tickets support {doing} conversations") { Code = "invalid_ticket_type" };

    public static ApiError AlreadyLinkedToTracker() =>
        new(400, "bad_request", "A conversation can only have one tracker ticket") { Code = "already_linked_to_tracker" };

    public static ApiError LinkLimit() =>
        new(400, "bad_request", "Ticket has reached the maximum number of conversations that can be linked") { Code = "linked_conversation_limit_exceeded" };

    /// <summary>The conversation to link names none: 2.16's 404 for it.</summary>
    public static ApiError LinkedConversationNotFound() => new(404, "not_found", "Conversation not found") { Code = "conversation_not_found" };

    public static ApiError NotLinked() => new(404, "not_found", "Conversation is not linked to this ticket") { Code = "conversation_not_found" };

    /// <summary>
    /// The stored values of <paramref name="from"/>'s attributes that <paramref name="to"/> has too, by name and data
    /// type (a list value only if the new list offers it): what 2.16's change_type carries over. The rest are dropped.
    /// </summary>
    public static string Carry(TicketTypeRecord from, TicketTypeRecord to, string stored)
    {
        var kept = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, value) in System.Text.Json.Nodes.JsonNode.Parse(stored)!.AsObject())
        {
            var old = from.Attributes.FirstOrDefault(a => a.Name == name);
            var now = to.Attributes.FirstOrDefault(a => a.Name == name && !a.Archived);
            if (old is null || now is null || old.DataType != now.DataType || value is null)
            {
                continue;
            }

            if (now.DataType == "list" && !(value is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var item) && TicketTypes.ListItems(now.ListItems ?? "").Contains(item)))
            {
                continue;
            }

            kept[name] = value.DeepClone();
        }

        return kept.ToJsonString();
    }

    public static ApiError JobNotFound() => new(404, "not_found", "Job Not Found") { Code = "job_not_found" };

    /// <summary>POST /tickets/{id}/reply's 404, in the description's words for it (not the ticket_not_found of the ticket's other operations).</summary>
    public static ApiError ReplyNotFound() => new(404, "not_found", "Resource Not Found") { Code = "not_found" };

    /// <summary>2.14's 404 for an admin_id or assignee that names no admin (or team): "Assignee not found", for both.</summary>
    public static ApiError AssigneeNotFound(string field) => new(404, "not_found", "Assignee not found") { Code = "assignee_not_found", Field = field };
}
