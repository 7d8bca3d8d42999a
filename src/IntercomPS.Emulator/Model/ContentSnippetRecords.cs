using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntercomPS.Emulator.Model;

/// <summary>
/// A content snippet (2.16): a short answer Fin and the inbox use. Its body is kept both ways, as the description's
/// answers give it: json_blocks (a JSON array of block objects, as written) and body_markdown. AI flags are false until set.
/// </summary>
internal sealed record ContentSnippetRecord(
    string Id, string Title, string Locale, string JsonBlocks, string? BodyMarkdown, bool AiChatbot, bool AiCopilot, bool AiSalesAgent,
    long CreatedAt, long UpdatedAt);

/// <summary>A snippet write (POST creates, PUT changes): what is null is not given. JsonBlocks is the array's JSON text.</summary>
internal sealed record ContentSnippetInput(
    string? Title, string? JsonBlocks, string? BodyMarkdown, string? Locale, IReadOnlyList<long>? AudienceIds, bool? AiChatbot, bool? AiCopilot, bool? AiSalesAgent);

/// <summary>
/// The rules of a snippet write, in one place for every store: a new one needs its title and its body (json_blocks
/// or body_markdown, never both); the locale must be one Fin speaks (else the description's 422); audiences are not
/// emulated, so any audience id is the description's 404 (nothing is kept). Changing anything stamps updated_at.
/// </summary>
internal static class ContentSnippetRules
{
    /// <summary>The locales Fin answers in (Intercom's help center locales); any other is the 422 the description documents.</summary>
    public static readonly HashSet<string> Locales = new(StringComparer.Ordinal)
    {
        "ar", "bg", "bs", "ca", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hr", "hu", "id", "it", "ja", "ko",
        "lt", "lv", "mn", "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sl", "sr", "sv", "sw", "th", "tr", "uk", "vi", "zh-CN", "zh-TW",
    };

    public static ContentSnippetRecord Apply(string id, ContentSnippetRecord? existing, ContentSnippetInput input, long now)
    {
        if (input.AudienceIds is { Count: > 0 } audiences)
        {
            throw new ApiError(404, "not_found", $"audience_ids contains unknown audience IDs: {string.Join(", ", audiences)}") { Code = "parameter_invalid", Field = "audience_ids" };
        }

        if (input.Locale is { } locale && !Locales.Contains(locale))
        {
            throw new ApiError(422, "validation_error", "The language is not currently supported for Fin") { Code = "validation_error", Field = "locale" };
        }

        var title = input.Title ?? existing?.Title
            ?? throw new ApiError(400, "bad_request", "title is required") { Code = "parameter_not_found", Field = "title" };
        var (blocks, markdown) = (input.JsonBlocks, input.BodyMarkdown) switch
        {
            ({ } given, _) => (given, Markdown(title, given)),
            (_, { } md) => (Blocks(md), md),
            _ when existing is not null => (existing.JsonBlocks, existing.BodyMarkdown),
            _ => throw new ApiError(400, "bad_request", "json_blocks or body_markdown is required (the snippet's content)") { Code = "parameter_not_found", Field = "json_blocks" },
        };
        if (existing is null)
        {
            return new(id, title, input.Locale ?? "en", blocks, markdown, input.AiChatbot ?? false, input.AiCopilot ?? false, input.AiSalesAgent ?? false, now, now);
        }

        var changed = existing with
        {
            Title = title,
            Locale = input.Locale ?? existing.Locale,
            JsonBlocks = blocks,
            BodyMarkdown = markdown,
            AiChatbot = input.AiChatbot ?? existing.AiChatbot,
            AiCopilot = input.AiCopilot ?? existing.AiCopilot,
            AiSalesAgent = input.AiSalesAgent ?? existing.AiSalesAgent,
        };
        return changed == existing ? existing : changed with { UpdatedAt = now };
    }

    /// <summary>Blocks' markdown as the description's examples render it: the title as a heading, then each block's text as a paragraph.</summary>
    private static string Markdown(string title, string blocks)
    {
        var text = new StringBuilder("# ").Append(title).Append('\n');
        foreach (var block in JsonNode.Parse(blocks)!.AsArray())
        {
            if (block?["text"] is JsonValue value && value.TryGetValue<string>(out var line))
            {
                text.Append('\n').Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Markdown's blocks: a paragraph block for each paragraph (the emulator renders no markdown).</summary>
    private static string Blocks(string markdown) => JsonSerializer.Serialize(
        markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new JsonObject { ["type"] = "paragraph", ["text"] = p }).ToArray());
}
