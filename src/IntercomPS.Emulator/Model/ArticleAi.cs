using System.Collections.Generic;

namespace IntercomPS.Emulator.Model;

/// <summary>
/// 2.16's AI fields of an article write, a help center article's or an internal one's (ApiModel.AiArticles):
/// body_markdown (instead of body), the audiences to target and the AI availability flags; null is not given.
/// </summary>
internal sealed record ArticleAiInput(string? BodyMarkdown, IReadOnlyList<long>? AudienceIds, bool? AiChatbot, bool? AiCopilot, bool? AiSalesAgent)
{
    /// <summary>A write before 2.16, which has none of them.</summary>
    public static readonly ArticleAiInput None = new(null, null, null, null, null);

    /// <summary>
    /// Audiences are not emulated, so any audience id is unknown: the 404 2.16 documents for both kinds of article
    /// ("Unknown audience IDs return a 404 error", with no partial commit). An empty list targets none, as every article is.
    /// </summary>
    public void CheckAudiences()
    {
        if (AudienceIds is [var audience, ..])
        {
            throw new ApiError(404, "not_found", $"Audience {audience} not found: audiences are not emulated") { Code = "not_found", Field = "audience_ids" };
        }
    }

    /// <summary>
    /// The HTML body and the markdown after the write: markdown given makes the HTML body its text in paragraphs (the
    /// emulator renders no markdown); HTML given drops the markdown; neither keeps what there was.
    /// </summary>
    public (string? Body, string? Markdown) Body(string? html, string? body, string? markdown) =>
        BodyMarkdown is { } md ? (Html.Paragraphs(md), md) : html is { } given ? (given, null) : (body, markdown);
}

/// <summary>
/// 2.16's fields of a help center article (its default locale's): the markdown its body was written in, the AI flags
/// (false until set, as an internal article's), the one pending schedule, to publish or to unpublish (UNIX seconds;
/// at most one), and whether it was ever published (an unpublish can be scheduled only then).
/// </summary>
internal sealed record ArticleAi(
    string? BodyMarkdown = null, bool AiChatbot = false, bool AiCopilot = false, bool AiSalesAgent = false,
    long? ScheduledPublishAt = null, long? ScheduledUnpublishAt = null, bool EverPublished = false)
{
    public static readonly ArticleAi None = new();
}

/// <summary>A write's schedule (2.16): scheduled_publish_at or scheduled_unpublish_at, never both; At null cancels the pending one of its kind.</summary>
internal sealed record ArticleSchedule(bool Unpublish, long? At)
{
    public string Field => Unpublish ? "scheduled_unpublish_at" : "scheduled_publish_at";
}
