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
