using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Storage;
using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>/data_attributes for contacts: the standard ones we store, and custom ones defined or written through /v1.</summary>
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

        // Companies and conversations have no attributes here: the emulator stores no companies or conversation attributes.
        var attributes = model is null or "contact" ? await Caller.From(context).Store.ListAttributesAsync() : [];
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

    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context))!.Value;
        // The model first: the description's company examples must be told that companies are not emulated.
        var model = Input.String(body, "model");
        if (model != "contact")
        {
            throw new ApiError(400, "bad_request", $"model must be contact (company attributes are not emulated), not '{model}'") { Code = "parameter_invalid", Field = "model" };
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

        var dataType = Input.String(body, "data_type");
        if (dataType is null || !DataTypes.Contains(dataType))
        {
            throw new ApiError(400, "bad_request", $"data_type must be one of {string.Join(", ", DataTypes)}, not '{dataType}'") { Code = "parameter_invalid", Field = "data_type" };
        }

        var attribute = await Caller.From(context).Store.CreateAttributeAsync(name, dataType, Input.String(body, "description"));
        return Json.Ok(w => Writer.DataAttribute(w, attribute));
    }

    /// <summary>
    /// Letters and digits (with the underscore, as "alphanumeric" means in the word characters the service allows),
    /// spaces (its own examples are "The One Ring" and "Mithril Shirt"), currency symbols and hyphens.
    /// </summary>
    private static bool IsValidName(string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c is '_' or ' ' or '-' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.CurrencySymbol);
}
