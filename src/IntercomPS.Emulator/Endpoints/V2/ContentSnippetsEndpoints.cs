using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// Content snippets (2.16), the short answers Fin and the inbox use: listed by numbered pages (50 by default and at
/// most, as the description says), read, written (title and a body as json_blocks or body_markdown, never both;
/// locale; AI flags), deleted (204), and tagged as articles are.
/// </summary>
internal static class ContentSnippetsEndpoints
{
    private const int MaxPerPage = 50;
    private const int MaxTitle = 255;

    /// <summary>content_snippet_create_request's and content_snippet_update_request's fields: the same ones.</summary>
    private static readonly FieldSet WriteFields = UnknownFields.Set(
        "title", "json_blocks", "body_markdown", "locale", "audience_ids", "ai_chatbot_availability", "ai_copilot_availability", "ai_sales_agent_availability");

    /// <summary>GET /content_snippets: {type: list, data, total_count, page, per_page, total_pages}, as content_snippet_list has it.</summary>
    public static async Task<IResult> ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var perPage = Input.Query(query, "per_page") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPerPage
                ? n
                : throw new ApiError(400, "bad_request", $"per_page must be an integer from 1 to {MaxPerPage}, not '{text}'") { Code = "parameter_invalid", Field = "per_page" }
            : MaxPerPage;
        var page = NumberedPages.Page(query);
        var all = await Store(context).ListContentSnippetsAsync();
        var skip = (long)(page - 1) * perPage;
        var items = skip >= all.Count ? [] : all.Skip((int)skip).Take(perPage).ToList();
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            foreach (var snippet in items)
            {
                Snippet(w, snippet);
            }

            w.WriteEndArray();
            w.WriteNumber("total_count", all.Count);
            w.WriteNumber("page", page);
            w.WriteNumber("per_page", perPage);
            w.WriteNumber("total_pages", (all.Count + perPage - 1) / perPage);
            w.WriteEndObject();
        });
    }

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        var snippet = await Store(context).GetContentSnippetAsync(RouteValues.Text(context, "id"));
        return Json.Ok(w => Snippet(w, snippet));
    }

    /// <summary>POST /content_snippets: 201 and the snippet.</summary>
    public static async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, WriteFields))!.Value;
        var snippet = await Store(context).CreateContentSnippetAsync(WriteOf(body));
        return Json.Result(201, w => Snippet(w, snippet));
    }

    public static async Task<IResult> UpdateAsync(HttpContext context)
    {
        var body = (await RequestBody.ReadAsync(context, WriteFields))!.Value;
        var input = WriteOf(body);
        var snippet = await Store(context).UpdateContentSnippetAsync(RouteValues.Text(context, "id"), input);
        return Json.Ok(w => Snippet(w, snippet));
    }

    /// <summary>DELETE /content_snippets/{id}: 204, no body.</summary>
    public static async Task<IResult> DeleteAsync(HttpContext context)
    {
        await Store(context).DeleteContentSnippetAsync(RouteValues.Text(context, "id"));
        return Results.StatusCode(StatusCodes.Status204NoContent);
    }

    /// <summary>POST /content_snippets/{content_snippet_id}/tags {id, admin_id?}: the tag, as applied.</summary>
    public static async Task<IResult> TagAsync(HttpContext context)
    {
        var (tagId, admin) = await HelpCenterEndpoints.ArticleTagAsync(context);
        var applied = await Store(context).TagContentSnippetAsync(RouteValues.Text(context, "content_snippet_id"), tagId, admin);
        return Json.Ok(w => Writer.AppliedTag(w, applied));
    }

    /// <summary>DELETE /content_snippets/{content_snippet_id}/tags/{id}: the tag, no longer applied.</summary>
    public static async Task<IResult> UntagAsync(HttpContext context)
    {
        var tagId = RouteValues.NumericIdOrNone(context, "id");
        var removed = await Store(context).UntagContentSnippetAsync(RouteValues.Text(context, "content_snippet_id"), tagId);
        return Json.Ok(w => Writer.AppliedTag(w, removed));
    }

    /// <summary>
    /// The write's fields, each checked for its type: title a non-blank string of at most 255 characters; json_blocks
    /// a list of objects and body_markdown a string, never both; locale a string; audience_ids a list of positive
    /// integers (null is none); the flags booleans.
    /// </summary>
    private static ContentSnippetInput WriteOf(JsonElement body)
    {
        var title = Text(body, "title");
        if (title is { } t && t.Trim().Length == 0)
        {
            throw Invalid("title", "title must not be blank");
        }

        if (title is { Length: > MaxTitle })
        {
            throw Invalid("title", $"title must be at most {MaxTitle} characters, not {title.Length}");
        }

        string? blocks = null;
        if (Input.Field(body, "json_blocks") is { } list)
        {
            blocks = list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(b => b.ValueKind == JsonValueKind.Object)
                ? list.GetRawText()
                : throw Invalid("json_blocks", $"json_blocks must be a list of block objects, not {Input.Describe(list)}");
        }

        var markdown = Text(body, "body_markdown");
        if (blocks is not null && markdown is not null)
        {
            throw Invalid("body_markdown", "json_blocks and body_markdown are mutually exclusive: give one");
        }

        IReadOnlyList<long>? audiences = null;
        if (Input.Field(body, "audience_ids") is { ValueKind: not JsonValueKind.Null } ids)
        {
            audiences = ids.ValueKind == JsonValueKind.Array && ids.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n > 0)
                ? [.. ids.EnumerateArray().Select(v => v.GetInt64())]
                : throw Invalid("audience_ids", $"audience_ids must be a list of audience ids (positive integers), not {Input.Describe(ids)}");
        }

        return new(title, blocks, markdown, Text(body, "locale"), audiences,
            Flag(body, "ai_chatbot_availability"), Flag(body, "ai_copilot_availability"), Flag(body, "ai_sales_agent_availability"));
    }

    private static string? Text(JsonElement body, string name) => Input.Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { } v => throw Invalid(name, $"{name} must be a string, not {Input.Kind(v)}"),
    };

    private static bool? Flag(JsonElement body, string name) => Input.Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } v => throw Invalid(name, $"{name} must be true or false, not {Input.Describe(v)}"),
    };

    private static ApiError Invalid(string field, string message) => ArticleAiFields.Invalid(field, message);

    /// <summary>A snippet in the field order of the description's examples; the deprecated 1/0 availabilities mirror the flags.</summary>
    private static void Snippet(Utf8JsonWriter w, ContentSnippetRecord c)
    {
        w.WriteStartObject();
        w.WriteString("type", "content_snippet");
        w.WriteString("id", c.Id);
        w.WriteString("title", c.Title);
        w.WriteString("locale", c.Locale);
        w.WritePropertyName("json_blocks");
        w.WriteRawValue(c.JsonBlocks, skipInputValidation: true);
        ArticleAiFields.WriteMarkdown(w, c.BodyMarkdown);
        w.WriteNumber("chatbot_availability", c.AiChatbot ? 1 : 0);
        w.WriteNumber("copilot_availability", c.AiCopilot ? 1 : 0);
        ArticleAiFields.WriteFlags(w, c.AiChatbot, c.AiCopilot, c.AiSalesAgent);
        w.WriteNumber("created_at", c.CreatedAt);
        w.WriteNumber("updated_at", c.UpdatedAt);
        // Audiences are not emulated: no snippet is targeted to any.
        w.WriteStartArray("audience_ids");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static IAppStore Store(HttpContext context) => Caller.From(context).Store;
}
