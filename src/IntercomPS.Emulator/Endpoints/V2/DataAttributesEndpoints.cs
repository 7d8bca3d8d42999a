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
/// /data_attributes of the contact and company models: the standard ones, and custom ones defined here (or, for
/// contacts, written through /v1); custom ones are updated by id (description, options, archived; never the type).
/// </summary>
internal static class DataAttributesEndpoints
{
    private static readonly string[] DataTypes = ["string", "integer", "float", "boolean", "datetime", "date"];

    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var model = Input.Query(context.Request.Query, "model");
        if (model is not null and not "contact" and not "company" and not "conversation")
        {
            throw new ApiError(400, "bad_request", $"model must be contact, company or conversation, not '{model}'") { Code = "parameter_invalid", Field = "model" };
        }

        var includeArchived = Input.Query(context.Request.Query, "include_archived") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw new ApiError(400, "bad_request", $"include_archived must be true or false, not '{other}'") { Code = "parameter_invalid", Field = "include_archived" },
        };

        // 2.16 serves conversation attributes at /conversations/attributes alone, and says model=conversation is a 422 here
        // (no example gives its words). Before 2.16 the query takes it, but the data_attribute schema has no conversation
        // model to write one in, so the list is empty.
        if (model == "conversation" && Face.VersionOf(context).Model.ConversationAttributesApart)
        {
            throw new ApiError(422, "unprocessable_entity", "Conversation attributes are no longer listed here: use GET /conversations/attributes") { Code = "parameter_invalid", Field = "model" };
        }

        var attributes = model == "conversation" ? System.Array.Empty<DataAttributeRecord>() : await Caller.From(context).Store.ListAttributesAsync(model, includeArchived);
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            foreach (var attribute in attributes)
            {
                Writer.DataAttribute(w, attribute);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static readonly FieldSet CreateFields = UnknownFields.Set("model", "name", "data_type", "description", "options.value", "messenger_writable");

    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, CreateFields))!.Value;
        var model = Input.String(body, "model");
        if (model is not "contact" and not "company")
        {
            // The real API's words (the description's example of a wrong model).
            throw new ApiError(400, "bad_request", "The Data Attribute model field must be either contact or company") { Code = "parameter_invalid", Field = "model" };
        }

        var name = Input.String(body, "name");
        if (name is null || name.Trim().Length == 0)
        {
            throw new ApiError(400, "bad_request", "name is required: the name of the attribute") { Code = "parameter_invalid", Field = "name" };
        }

        if (!IsValidName(name))
        {
            // The real API's words (the description's "Invalid name" example).
            throw new ApiError(400, "bad_request", "Your name for this attribute must only contain alphanumeric characters, currency symbols, and hyphens") { Code = "parameter_invalid", Field = "name" };
        }

        // A list attribute is data_type "options" with its options (the description's first form); it holds strings.
        var dataType = Input.String(body, "data_type");
        var options = Options(body);
        if (dataType == "options" && options is null)
        {
            throw new ApiError(400, "bad_request", "A list attribute (data_type options) needs its options: at least two") { Code = "parameter_invalid", Field = "options" };
        }

        if (dataType != "options" && (dataType is null || !DataTypes.Contains(dataType)))
        {
            // The real API's words (the description's "Invalid Data Type" example), with what it takes.
            throw new ApiError(400, "bad_request", $"Data Type isn't an option: give one of {string.Join(", ", DataTypes)}, or options") { Code = "parameter_invalid", Field = "data_type" };
        }

        if (options is not null && dataType is not ("options" or "string"))
        {
            throw new ApiError(400, "bad_request", $"Options are for a list attribute (data_type options), not {dataType}") { Code = "parameter_invalid", Field = "options" };
        }

        var attribute = await Caller.From(context).Store.CreateAttributeAsync(
            new DataAttributeInput(model, name, dataType == "options" ? "string" : dataType!, Input.String(body, "description"), options));
        return Json.Ok(w => Writer.DataAttribute(w, attribute));
    }

    private static readonly FieldSet UpdateFields = UnknownFields.Set("description", "options.value", "archived", "messenger_writable", "data_type");

    /// <summary>PUT /data_attributes/{id}: description, options and archived (messenger_writable is taken and not kept); the type cannot change.</summary>
    public static async Task<IResult> UpdateAsync(HttpContext context)
    {
        var id = RouteValues.NumericId(context, "data_attribute_id",
            () => new ApiError(404, "not_found", "We couldn't find that data attribute to update") { Code = "field_not_found" });
        var body = (await RequestBody.ReadAsync(context, UpdateFields))!.Value;
        if (Input.Field(body, "data_type") is not null)
        {
            throw new ApiError(400, "bad_request", "Updating the data type is not possible: change it in Intercom's settings instead") { Code = "parameter_invalid", Field = "data_type" };
        }

        _ = Input.Bool(body, "messenger_writable");
        var change = new DataAttributeChange(Input.String(body, "description"), Options(body), Input.Bool(body, "archived"));
        var attribute = await Caller.From(context).Store.UpdateAttributeAsync(id, change);
        return Json.Ok(w => Writer.DataAttribute(w, attribute));
    }

    /// <summary>options: [{"value": "1-10"}, ...], at least two (the real API's "Options isn't an array" otherwise).</summary>
    private static IReadOnlyList<string>? Options(JsonElement body)
    {
        if (Input.Field(body, "options") is not { } options)
        {
            return null;
        }

        if (options.ValueKind != JsonValueKind.Array)
        {
            throw new ApiError(400, "bad_request", "Options isn't an array") { Code = "parameter_invalid", Field = "options" };
        }

        var values = options.EnumerateArray().Select((option, i) =>
            option.ValueKind == JsonValueKind.Object && Input.String(option, "value") is { Length: > 0 } value
                ? value
                : throw new ApiError(400, "bad_request", $"options[{i}] must be an object with a value: {{\"value\": \"1-10\"}}") { Code = "parameter_invalid", Field = "options" })
            .ToList();
        return values.Count >= 2 ? values
            : throw new ApiError(400, "bad_request", "A list attribute needs at least two options") { Code = "parameter_invalid", Field = "options" };
    }

    /// <summary>
    /// Letters and digits (with the underscore, as "alphanumeric" means in the word characters the service allows),
    /// spaces (its own examples are "The One Ring" and "Mithril Shirt"), currency symbols and hyphens.
    /// </summary>
    private static bool IsValidName(string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c is '_' or ' ' or '-' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.CurrencySymbol);
}
