using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// 2.16's AI fields of an article, read and written alike for a help center article and an internal one
/// (ApiModel.AiArticles): body_markdown, audience_ids and the ai_chatbot/ai_copilot/ai_sales_agent_availability flags.
/// </summary>
internal static class ArticleAiFields
{
    /// <summary>The fields a 2.16 article write takes beyond 2.14's.</summary>
    public static readonly string[] Names = ["body_markdown", "audience_ids", "ai_chatbot_availability", "ai_copilot_availability", "ai_sales_agent_availability"];

    /// <summary>
    /// The write's AI fields, each checked for its type: body_markdown a string, never beside body; audience_ids a
    /// list of audience ids (positive integers); the flags booleans. Without <paramref name="ai"/> (before 2.16) none are read.
    /// </summary>
    public static ArticleAiInput Read(JsonElement body, bool ai)
    {
        if (!ai)
        {
            return ArticleAiInput.None;
        }

        var markdown = Input.Field(body, "body_markdown") switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } v => v.GetString(),
            { } v => throw Invalid("body_markdown", $"body_markdown must be a string, not {Input.Kind(v)}"),
        };
        if (markdown is not null && Input.Field(body, "body") is not null)
        {
            throw Invalid("body_markdown", "body and body_markdown are mutually exclusive: give one");
        }

        IReadOnlyList<long>? audiences = null;
        if (Input.Field(body, "audience_ids") is { } list)
        {
            audiences = list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n > 0)
                ? [.. list.EnumerateArray().Select(v => v.GetInt64())]
                : throw Invalid("audience_ids", $"audience_ids must be a list of audience ids (positive integers), not {Input.Describe(list)}");
        }

        return new(markdown, audiences, Flag(body, "ai_chatbot_availability"), Flag(body, "ai_copilot_availability"), Flag(body, "ai_sales_agent_availability"));
    }

    /// <summary>body_markdown as an answer carries it: null when the body was not written in markdown.</summary>
    public static void WriteMarkdown(Utf8JsonWriter w, string? markdown)
    {
        if (markdown is { } text)
        {
            w.WriteString("body_markdown", text);
        }
        else
        {
            w.WriteNull("body_markdown");
        }
    }

    public static void WriteFlags(Utf8JsonWriter w, bool chatbot, bool copilot, bool salesAgent)
    {
        w.WriteBoolean("ai_chatbot_availability", chatbot);
        w.WriteBoolean("ai_copilot_availability", copilot);
        w.WriteBoolean("ai_sales_agent_availability", salesAgent);
    }

    private static bool? Flag(JsonElement body, string name) => Input.Field(body, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } v => throw Invalid(name, $"{name} must be true or false, not {Input.Describe(v)}"),
    };

    public static ApiError Invalid(string field, string message) => new(400, "bad_request", message) { Code = "parameter_invalid", Field = field };
}
