using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// Ticket types and their attributes (listed, made, read and changed; the API deletes neither, it archives them) and
/// the workspace's ticket states (GET /ticket_states, a fixed set: <see cref="TicketStates"/>).
/// </summary>
internal static class TicketTypesEndpoints
{
    /// <summary>POST /ticket_types' request schema (create_ticket_type_request).</summary>
    private static readonly FieldSet CreateFields = UnknownFields.Set("name", "description", "category", "icon", "is_internal");

    /// <summary>PUT /ticket_types/{id}'s request schema (update_ticket_type_request).</summary>
    private static readonly FieldSet UpdateFields = UnknownFields.Set("name", "description", "category", "icon", "archived", "is_internal");

    /// <summary>POST /ticket_types/{id}/attributes' request schema (create_ticket_type_attribute_request).</summary>
    private static readonly FieldSet CreateAttributeFields = UnknownFields.Set(
        "name", "description", "data_type", "required_to_create", "required_to_create_for_contacts", "visible_on_create", "visible_to_contacts",
        "multiline", "list_items", "allow_multiple_values");

    /// <summary>PUT /ticket_types/{id}/attributes/{attribute_id}'s request schema (update_ticket_type_attribute_request).</summary>
    private static readonly FieldSet UpdateAttributeFields = UnknownFields.Set(
        "name", "description", "required_to_create", "required_to_create_for_contacts", "visible_on_create", "visible_to_contacts",
        "multiline", "list_items", "allow_multiple_values", "archived");

    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var caller = Caller.From(context);
        var (appId, types, model) = (caller.AppId, await caller.Store.ListTicketTypesAsync(), Face.VersionOf(context).Model);
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            foreach (var type in types)
            {
                TicketType(w, type, appId, model);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var type = await Caller.From(context).Store.GetTicketTypeAsync(RouteValues.Text(context, "ticket_type_id"));
        return Json.Ok(w => TicketType(w, type, Caller.From(context).AppId, Face.VersionOf(context).Model));
    }

    /// <summary>{name (required), description, category (Customer when not given), icon, is_internal}.</summary>
    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, CreateFields))!.Value;
        var input = TypeInput(body, archived: null);
        if (input.Name is null)
        {
            throw TicketTypes.Missing("name", "name is required: the name of the ticket type");
        }

        var type = await Caller.From(context).Store.CreateTicketTypeAsync(input);
        return Json.Ok(w => TicketType(w, type, Caller.From(context).AppId, Face.VersionOf(context).Model));
    }

    /// <summary>Any of {name, description, category, icon, archived, is_internal}; what is not given stays.</summary>
    public static async Task<IResult> UpdateAsync(HttpContext context)
    {
        var id = RouteValues.Text(context, "ticket_type_id");
        var body = (await RequestBody.ReadAsync(context, UpdateFields))!.Value;
        var type = await Caller.From(context).Store.UpdateTicketTypeAsync(id, TypeInput(body, Input.Bool(body, "archived")));
        return Json.Ok(w => TicketType(w, type, Caller.From(context).AppId, Face.VersionOf(context).Model));
    }

    /// <summary>
    /// {name, description, data_type (all three required), the four required/visible flags, and the data type's own
    /// option: multiline (string), list_items (list, which needs it), allow_multiple_values (files)}.
    /// </summary>
    public static async Task<IResult> CreateAttributeAsync(HttpContext context)
    {
        var typeId = RouteValues.Text(context, "ticket_type_id");
        var body = (await RequestBody.ReadAsync(context, CreateAttributeFields))!.Value;
        var input = AttributeInput(body, Input.String(body, "data_type"), archived: null);
        if (input.Name is null)
        {
            throw TicketTypes.Missing("name", "name is required: the name of the ticket type attribute");
        }

        if (input.Description is null)
        {
            throw TicketTypes.Missing("description", "description is required: the description of the attribute presented to the teammate or contact");
        }

        if (input.DataType is null)
        {
            throw TicketTypes.Missing("data_type", $"data_type is required: one of {string.Join(", ", TicketTypes.DataTypes)}");
        }

        if (!TicketTypes.DataTypes.Contains(input.DataType))
        {
            throw TicketTypes.Invalid("data_type", $"data_type must be one of {string.Join(", ", TicketTypes.DataTypes)}, not '{input.DataType}'");
        }

        TicketTypes.CheckOptions(input.DataType, input);
        if (input.DataType == "list" && input.ListItems is null)
        {
            throw TicketTypes.Missing("list_items", "A list attribute needs its list_items (a comma delimited list: 'Low,Medium,High')");
        }

        var attribute = await Caller.From(context).Store.CreateTicketTypeAttributeAsync(typeId, input);
        return Json.Ok(w => Attribute(w, attribute, Caller.From(context).AppId));
    }

    /// <summary>Any of the update schema's fields; the data type cannot change (the schema has none), a default attribute's name and archived state neither.</summary>
    public static async Task<IResult> UpdateAttributeAsync(HttpContext context)
    {
        var typeId = RouteValues.Text(context, "ticket_type_id");
        var attributeId = RouteValues.Text(context, "attribute_id");
        var body = (await RequestBody.ReadAsync(context, UpdateAttributeFields))!.Value;
        var attribute = await Caller.From(context).Store.UpdateTicketTypeAttributeAsync(typeId, attributeId, AttributeInput(body, null, Input.Bool(body, "archived")));
        return Json.Ok(w => Attribute(w, attribute, Caller.From(context).AppId));
    }

    /// <summary>GET /ticket_states: each state with the app's ticket types that have it (every type has every state).</summary>
    public static async Task<IResult> ListStatesAsync(HttpContext context)
    {
        var types = await Caller.From(context).Store.ListTicketTypesAsync();
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            foreach (var state in TicketStates.All)
            {
                w.WriteStartObject();
                StateFields(w, state);
                w.WriteBoolean("archived", false);
                w.WriteStartObject("ticket_types");
                w.WriteString("type", "list");
                w.WriteStartArray("data");
                foreach (var type in types)
                {
                    w.WriteStartObject();
                    TypeFields(w, type);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static TicketTypeInput TypeInput(JsonElement body, bool? archived)
    {
        var name = Input.String(body, "name");
        if (name is not null && name.Trim().Length == 0)
        {
            throw TicketTypes.Invalid("name", "name must not be empty: the name of the ticket type");
        }

        var category = Input.String(body, "category");
        if (category is not null && !TicketTypeRecord.Categories.Contains(category))
        {
            throw TicketTypes.Invalid("category", $"category must be Customer, Back-office or Tracker, not '{category}'");
        }

        var icon = Input.String(body, "icon");
        if (icon is not null && icon.Trim().Length == 0)
        {
            throw TicketTypes.Invalid("icon", "icon must not be empty: an emoji");
        }

        return new(name, Input.String(body, "description"), category, icon, Input.Bool(body, "is_internal"), archived);
    }

    private static TicketTypeAttributeInput AttributeInput(JsonElement body, string? dataType, bool? archived)
    {
        var name = Input.String(body, "name");
        if (name is not null && name.Trim().Length == 0)
        {
            throw TicketTypes.Invalid("name", "name must not be empty: the name of the ticket type attribute");
        }

        return new(name, Input.String(body, "description"), dataType, Input.Bool(body, "required_to_create"), Input.Bool(body, "required_to_create_for_contacts"),
            Input.Bool(body, "visible_on_create"), Input.Bool(body, "visible_to_contacts"), Input.Bool(body, "multiline"), Input.String(body, "list_items"),
            Input.Bool(body, "allow_multiple_values"), archived);
    }

    /// <summary>
    /// A ticket_type (of the workspace, the caller's app) with its attributes and, from 2.14 (ApiModel.TicketStateObjects),
    /// its states: 2.11's ticket_type has no ticket_states. The attributes are listed as the description's examples list them ({type: list, data}).
    /// </summary>
    public static void TicketType(Utf8JsonWriter w, TicketTypeRecord t, string workspaceId, ApiModel model)
    {
        w.WriteStartObject();
        TypeFields(w, t);
        w.WriteString("workspace_id", workspaceId);
        w.WriteNumber("created_at", t.CreatedAt);
        w.WriteNumber("updated_at", t.UpdatedAt);
        w.WriteStartObject("ticket_type_attributes");
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        foreach (var attribute in t.Attributes)
        {
            Attribute(w, attribute, workspaceId);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        if (model.TicketStateObjects)
        {
            w.WriteStartObject("ticket_states");
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            foreach (var state in TicketStates.All)
            {
                w.WriteStartObject();
                StateFields(w, state);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>What a ticket type is in every answer, GET /ticket_states' short form of it included.</summary>
    private static void TypeFields(Utf8JsonWriter w, TicketTypeRecord t)
    {
        w.WriteString("type", "ticket_type");
        w.WriteString("id", t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("name", t.Name);
        w.WriteString("description", t.Description);
        w.WriteString("icon", t.Icon);
        w.WriteBoolean("archived", t.Archived);
        w.WriteBoolean("is_internal", t.IsInternal);
        w.WriteString("category", t.Category);
    }

    public static void StateFields(Utf8JsonWriter w, TicketStateRecord s)
    {
        w.WriteString("type", "ticket_state");
        w.WriteString("id", s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("category", s.Category);
        w.WriteString("internal_label", s.InternalLabel);
        w.WriteString("external_label", s.ExternalLabel);
    }

    /// <summary>A ticket_type_attribute; its input_options are its data type's own option (null for the types that have none).</summary>
    public static void Attribute(Utf8JsonWriter w, TicketTypeAttributeRecord a, string workspaceId)
    {
        w.WriteStartObject();
        w.WriteString("type", "ticket_type_attribute");
        w.WriteString("id", a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("workspace_id", workspaceId);
        w.WriteString("name", a.Name);
        w.WriteString("description", a.Description);
        w.WriteString("data_type", a.DataType);
        w.WritePropertyName("input_options");
        switch (a.DataType)
        {
            case "string":
                w.WriteStartObject();
                w.WriteBoolean("multiline", a.Multiline ?? false);
                w.WriteEndObject();
                break;
            case "list":
                w.WriteStartObject();
                w.WriteString("list_items", a.ListItems ?? "");
                w.WriteEndObject();
                break;
            case "files":
                w.WriteStartObject();
                w.WriteBoolean("allow_multiple_values", a.AllowMultipleValues ?? false);
                w.WriteEndObject();
                break;
            default:
                w.WriteNullValue();
                break;
        }

        w.WriteNumber("order", a.Order);
        w.WriteBoolean("required_to_create", a.RequiredToCreate);
        w.WriteBoolean("required_to_create_for_contacts", a.RequiredToCreateForContacts);
        w.WriteBoolean("visible_on_create", a.VisibleOnCreate);
        w.WriteBoolean("visible_to_contacts", a.VisibleToContacts);
        w.WriteBoolean("default", a.Default);
        w.WriteNumber("ticket_type_id", a.TicketTypeId);
        w.WriteBoolean("archived", a.Archived);
        w.WriteNumber("created_at", a.CreatedAt);
        w.WriteNumber("updated_at", a.UpdatedAt);
        w.WriteEndObject();
    }
}
