using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// Subscription types (GET /subscription_types: the workspace's, defined through /admin here) and a contact's explicit
/// choices about them: listed, attached (opted out of an opt_out type, into an opt_in one) and detached (back to the default).
/// </summary>
internal static class SubscriptionsEndpoints
{
    /// <summary>POST /contacts/{contact_id}/subscriptions' request schema.</summary>
    private static readonly FieldSet AttachFields = UnknownFields.Set("id", "consent_type");

    public static async Task<IResult> ListTypesAsync(HttpContext context)
    {
        var types = await Caller.From(context).Store.ListSubscriptionTypesAsync();
        return Json.Ok(w => List(w, types));
    }

    public static async Task<IResult> OfContactAsync(HttpContext context)
    {
        var types = await Caller.From(context).Store.ListContactSubscriptionsAsync(RouteValues.Text(context, "contact_id"));
        return Json.Ok(w => List(w, types));
    }

    /// <summary>
    /// {id, consent_type}, both required: the id as a string or (as the description's own example sends it) a number;
    /// one that names no type of the app is the 404 "Resource Not Found"; consent_type is opt_out or opt_in and must be the type's own.
    /// </summary>
    public static async Task<IResult> AttachAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, AttachFields))!.Value;
        // The id as every 2.x body id is read (ConversationsEndpoints.IdText): a fraction or a negative number is a 400, not a 404.
        var id = ConversationsEndpoints.IdText(body, "id")
            ?? throw new ApiError(400, "bad_request", "id is required (the subscription type's id)") { Code = "parameter_not_found", Field = "id" };
        var consentType = Input.Field(body, "consent_type") switch
        {
            null => throw new ApiError(400, "bad_request", "consent_type is required (opt_out or opt_in, the subscription type's own)") { Code = "parameter_not_found", Field = "consent_type" },
            { ValueKind: JsonValueKind.String } v when SubscriptionTypeRecord.ConsentTypes.Contains(v.GetString()!) => v.GetString()!,
            { } v => throw new ApiError(400, "bad_request",
                $"consent_type must be opt_out or opt_in, not {(v.ValueKind == JsonValueKind.String ? $"'{v.GetString()}'" : Input.Kind(v))}") { Code = "parameter_invalid", Field = "consent_type" },
        };
        var type = await Caller.From(context).Store.AttachSubscriptionAsync(RouteValues.Text(context, "contact_id"), id, consentType);
        return Json.Ok(w => SubscriptionType(w, type));
    }

    public static async Task<IResult> DetachAsync(HttpContext context)
    {
        var type = await Caller.From(context).Store.DetachSubscriptionAsync(RouteValues.Text(context, "contact_id"), RouteValues.Text(context, "subscription_id"));
        return Json.Ok(w => SubscriptionType(w, type));
    }

    private static void List(Utf8JsonWriter w, IReadOnlyList<SubscriptionTypeRecord> types)
    {
        w.WriteStartObject();
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        foreach (var type in types)
        {
            SubscriptionType(w, type);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A subscription_type: its default translation and, with no other locales stored, that one as its translations.</summary>
    public static void SubscriptionType(Utf8JsonWriter w, SubscriptionTypeRecord t)
    {
        w.WriteStartObject();
        w.WriteString("type", "subscription");
        w.WriteString("id", t.Id);
        w.WriteString("state", t.State);
        w.WriteString("consent_type", t.ConsentType);
        w.WritePropertyName("default_translation");
        Translation(w, t);
        w.WriteStartArray("translations");
        Translation(w, t);
        w.WriteEndArray();
        w.WriteStartArray("content_types");
        foreach (var content in t.ContentTypes)
        {
            w.WriteStringValue(content);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Translation(Utf8JsonWriter w, SubscriptionTypeRecord t)
    {
        w.WriteStartObject();
        w.WriteString("name", t.Name);
        w.WriteString("description", t.Description);
        w.WriteString("locale", t.Locale);
        w.WriteEndObject();
    }
}
