using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// 2.16's /conversations/attributes: conversation data attributes of every data_type, and a list attribute's options
/// (added, renamed, archived by their UUID). Deleting archives, as the description says; nothing is ever removed.
/// Invalid input is the description's 422 parameter_invalid, in its words where it gives them.
/// </summary>
internal static class ConversationAttributesEndpoints
{
    /// <summary>A list attribute keeps at least this many active options (the description's "Minimum options").</summary>
    private const int MinimumOptions = 2;

    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var includeArchived = Input.Query(context.Request.Query, "include_archived") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw new ApiError(400, "bad_request", $"include_archived must be true or false, not '{other}'") { Code = "parameter_invalid", Field = "include_archived" },
        };
        var attributes = await Caller.From(context).Store.ListConversationAttributesAsync(includeArchived);
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            foreach (var attribute in attributes)
            {
                Attribute(w, attribute);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> GetAsync(HttpContext context) =>
        Answer(await Caller.From(context).Store.GetConversationAttributeAsync(Id(context)));

    private static readonly FieldSet CreateFields = UnknownFields.Set(
        "name", "description", "data_type", "required", "visible_to_team_ids", "multiline", "options.label", "reference.type", "reference.object_type_id");

    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, CreateFields))!.Value;
        var name = Name(body) ?? throw Invalid("name is required", "name");
        var dataType = Text(body, "data_type") ?? throw Invalid($"data_type is required. Allowed types: {string.Join(", ", ConversationAttributeRecord.DataTypes)}", "data_type");
        if (!ConversationAttributeRecord.DataTypes.Contains(dataType))
        {
            // The description's words (its "Invalid data_type" example).
            throw Invalid($"data_type '{dataType}' is not valid. Allowed types: {string.Join(", ", ConversationAttributeRecord.DataTypes)}", "data_type");
        }

        var multiline = Flag(body, "multiline");
        OnlyFor(multiline is not null, "multiline", "string", dataType);
        var options = Input.Field(body, "options") is { } given ? NewOptions(given) : null;
        OnlyFor(options is not null, "options", "list", dataType);
        if (dataType == "list" && (options?.Count ?? 0) < MinimumOptions)
        {
            throw Invalid($"A list attribute must have at least {MinimumOptions} active options", "options");
        }

        var reference = Reference(body);
        OnlyFor(reference is not null, "reference", "relationship", dataType);
        if (dataType == "relationship" && reference is null)
        {
            throw Invalid("reference is required for a relationship attribute: {\"type\": \"one\" or \"many\", \"object_type_id\": ...}", "reference");
        }

        var attribute = await Caller.From(context).Store.CreateConversationAttributeAsync(new(
            0, name, Text(body, "description") ?? "", dataType, Flag(body, "required") ?? false, TeamIds(body) ?? [], false, 0, 0, "",
            multiline ?? false, options ?? [], reference));
        return Answer(attribute);
    }

    private static readonly FieldSet UpdateFields = UnknownFields.Set(
        "name", "description", "required", "visible_to_team_ids", "multiline", "reference.type", "reference.object_type_id");

    /// <summary>PUT: what the body gives of name, description, required, visible_to_team_ids, multiline (strings) and reference (relationships); never the type.</summary>
    public static async Task<IResult> UpdateAsync(HttpContext context)
    {
        var id = Id(context);
        var body = (await RequestBody.ReadAsync(context, UpdateFields))!.Value;
        var name = Input.Field(body, "name") is null ? null : Name(body) ?? throw Invalid("name must not be empty", "name");
        var description = Text(body, "description");
        var required = Flag(body, "required");
        var teams = TeamIds(body);
        var multiline = Flag(body, "multiline");
        var reference = Reference(body);
        return Answer(await Caller.From(context).Store.ChangeConversationAttributeAsync(id, a =>
        {
            OnlyFor(multiline is not null, "multiline", "string", a.DataType);
            OnlyFor(reference is not null, "reference", "relationship", a.DataType);
            return a with
            {
                Name = name ?? a.Name,
                Description = description ?? a.Description,
                Required = required ?? a.Required,
                VisibleToTeamIds = teams ?? a.VisibleToTeamIds,
                Multiline = multiline ?? a.Multiline,
                Reference = reference ?? a.Reference,
            };
        }));
    }

    /// <summary>DELETE archives the attribute (a soft delete) and answers it, archived.</summary>
    public static async Task<IResult> DeleteAsync(HttpContext context) =>
        Answer(await Caller.From(context).Store.ChangeConversationAttributeAsync(Id(context), a => a with { Archived = true }));

    public static async Task<IResult> CreateOptionAsync(HttpContext context)
    {
        var id = Id(context);
        var label = Label((await RequestBody.ReadAsync(context))!.Value); // the body's faults first: they need no attribute
        return Answer(await Caller.From(context).Store.ChangeConversationAttributeAsync(id, a =>
        {
            ListOnly(a);
            CheckLabelIsNew(a, label, except: null);
            return a with { Options = [.. a.Options, new(Guid.NewGuid().ToString(), label, false)] };
        }));
    }

    public static async Task<IResult> UpdateOptionAsync(HttpContext context)
    {
        var id = Id(context);
        var optionId = RouteValues.Text(context, "option_id");
        var label = Label((await RequestBody.ReadAsync(context))!.Value);
        return Answer(await Caller.From(context).Store.ChangeConversationAttributeAsync(id, a =>
        {
            ListOnly(a);
            var option = Option(a, optionId);
            CheckLabelIsNew(a, label, except: option.Id);
            return a with { Options = [.. a.Options.Select(o => o.Id == option.Id ? o with { Label = label } : o)] };
        }));
    }

    /// <summary>DELETE archives the option, which stays in the answer; an attribute keeps two active options, so the last two cannot go.</summary>
    public static async Task<IResult> DeleteOptionAsync(HttpContext context)
    {
        var id = Id(context);
        var optionId = RouteValues.Text(context, "option_id");
        return Answer(await Caller.From(context).Store.ChangeConversationAttributeAsync(id, a =>
        {
            ListOnly(a);
            var option = Option(a, optionId);
            if (!option.Archived && a.Options.Count(o => !o.Archived) <= MinimumOptions)
            {
                throw Invalid($"A list attribute must have at least {MinimumOptions} active options", "option_id");
            }

            return a with { Options = [.. a.Options.Select(o => o.Id == option.Id ? o with { Archived = true } : o)] };
        }));
    }

    /// <summary>A conversation attribute as 2.16 answers it: the fields of its own data_type only.</summary>
    public static void Attribute(Utf8JsonWriter w, ConversationAttributeRecord a)
    {
        w.WriteStartObject();
        w.WriteString("type", "conversation_attribute");
        w.WriteNumber("id", a.Id);
        w.WriteString("name", a.Name);
        w.WriteString("description", a.Description);
        w.WriteString("data_type", a.DataType);
        w.WriteBoolean("required", a.Required);
        w.WriteStartArray("visible_to_team_ids");
        foreach (var team in a.VisibleToTeamIds)
        {
            w.WriteStringValue(team);
        }

        w.WriteEndArray();
        w.WriteBoolean("archived", a.Archived);
        w.WriteNumber("created_at", a.CreatedAt);
        w.WriteNumber("updated_at", a.UpdatedAt);
        w.WriteString("admin_id", a.AdminId);
        switch (a.DataType)
        {
            case "string":
                w.WriteBoolean("multiline", a.Multiline);
                break;
            case "list":
                w.WriteStartArray("options");
                foreach (var option in a.Options)
                {
                    w.WriteStartObject();
                    w.WriteString("id", option.Id);
                    w.WriteString("label", option.Label);
                    w.WriteBoolean("archived", option.Archived);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case "relationship" when a.Reference is { } reference:
                w.WriteStartObject("reference");
                w.WriteString("type", reference.Type);
                if (reference.ObjectTypeId is not null)
                {
                    w.WriteString("object_type_id", reference.ObjectTypeId);
                }

                w.WriteEndObject();
                break;
        }

        w.WriteEndObject();
    }

    private static IResult Answer(ConversationAttributeRecord attribute) => Json.Ok(w => Attribute(w, attribute));

    /// <summary>The path's attribute id: a positive integer; anything else names none.</summary>
    private static long Id(HttpContext context) => RouteValues.NumericId(context, "id", AppStore.ConversationAttributeNotFound);

    private static ConversationAttributeOption Option(ConversationAttributeRecord a, string optionId) =>
        a.Options.FirstOrDefault(o => o.Id == optionId)
        ?? throw new ApiError(404, "not_found", "List option not found") { Code = "conversation_attribute_not_found" }; // the description's code for both 404s

    private static void ListOnly(ConversationAttributeRecord a)
    {
        if (a.DataType != "list")
        {
            throw Invalid("Options can only be managed on list attributes", "id");
        }
    }

    /// <summary>An option's body: {"label": "..."} and nothing else, in the description's words for each fault.</summary>
    private static string Label(JsonElement body)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name != "label")
            {
                throw Invalid("only 'label' is accepted", property.Name);
            }
        }

        return body.TryGetProperty("label", out var label) ? label.ValueKind switch
        {
            JsonValueKind.String when label.GetString()!.Trim().Length > 0 => label.GetString()!.Trim(),
            JsonValueKind.String or JsonValueKind.Null => throw Invalid("label is required", "label"),
            _ => throw Invalid("label must be a string", "label"),
        } : throw Invalid("label is required", "label");
    }

    /// <summary>Two active options with one label could not be told apart in the inbox: refused, ignoring case.</summary>
    private static void CheckLabelIsNew(ConversationAttributeRecord a, string label, string? except)
    {
        if (a.Options.Any(o => !o.Archived && o.Id != except && string.Equals(o.Label, label, StringComparison.OrdinalIgnoreCase)))
        {
            throw Invalid($"An option labelled '{label}' already exists on this attribute", "label");
        }
    }

    /// <summary>The create body's options: [{"label": "..."}, ...], each as an option's own body is checked; new UUIDs.</summary>
    private static List<ConversationAttributeOption> NewOptions(JsonElement given)
    {
        if (given.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"options must be an array of {{\"label\": \"...\"}} objects, not {Input.Kind(given)}", "options");
        }

        var options = new List<ConversationAttributeOption>();
        foreach (var item in given.EnumerateArray())
        {
            var label = item.ValueKind == JsonValueKind.Object ? Label(item)
                : throw Invalid($"options must be an array of {{\"label\": \"...\"}} objects, not of {Input.Kind(item)}", "options");
            var record = new ConversationAttributeRecord(0, "", "", "list", false, [], false, 0, 0, "", false, options, null);
            CheckLabelIsNew(record, label, except: null);
            options.Add(new(Guid.NewGuid().ToString(), label, false));
        }

        return options;
    }

    private static ConversationAttributeReference? Reference(JsonElement body)
    {
        if (Input.Field(body, "reference") is not { } reference)
        {
            return null;
        }

        if (reference.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"reference must be an object, not {Input.Kind(reference)}", "reference");
        }

        var type = Text(reference, "type");
        return type is "one" or "many" ? new(type, Text(reference, "object_type_id"))
            : throw Invalid($"reference.type must be one or many, not {(type is null ? "missing" : $"'{type}'")}", "reference.type");
    }

    private static string? Name(JsonElement body) => Text(body, "name") is { } name && name.Trim().Length > 0 ? name.Trim() : null;

    private static void OnlyFor(bool given, string field, string dataType, string actual)
    {
        if (given && actual != dataType)
        {
            throw Invalid($"{field} is only for {dataType} attributes, not {actual}", field);
        }
    }

    private static string? Text(JsonElement body, string name) => Input.Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { } v => throw Invalid($"{name} must be a string, not {Input.Kind(v)}", name),
    };

    private static bool? Flag(JsonElement body, string name) => Input.Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } v => throw Invalid($"{name} must be a boolean, not {Input.Kind(v)}", name),
    };

    private static IReadOnlyList<string>? TeamIds(JsonElement body)
    {
        if (Input.Field(body, "visible_to_team_ids") is not { } teams)
        {
            return null;
        }

        return teams.ValueKind == JsonValueKind.Array && teams.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String)
            ? [.. teams.EnumerateArray().Select(t => t.GetString()!)]
            : throw Invalid("visible_to_team_ids must be an array of team id strings", "visible_to_team_ids");
    }

    private static ApiError Invalid(string message, string field) =>
        new(422, "unprocessable_entity", message) { Code = "parameter_invalid", Field = field };
}
