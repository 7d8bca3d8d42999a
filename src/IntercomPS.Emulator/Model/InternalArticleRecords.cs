using System;
using System.Collections.Generic;

namespace IntercomPS.Emulator.Model;

/// <summary>
/// An internal article (the teammates' knowledge base, beside the help center): its title, its body as HTML (kept as
/// written, as the description's examples echo it) and, when it was written in markdown (2.16), that markdown; its
/// owner and author, admins of the app; and 2.16's AI availability flags. It is in no folder: the API cannot put it in
/// one. Its locale is always the workspace's default, en.
/// </summary>
internal sealed record InternalArticleRecord(
    string Id, string Title, string? Body, string? BodyMarkdown, long OwnerId, long AuthorId, long CreatedAt, long UpdatedAt,
    bool AiChatbot, bool AiCopilot, bool AiSalesAgent)
{
    public const string Locale = "en";
}

/// <summary>
/// An internal article write (POST creates, PUT changes): what is null is not given; 2.16's fields in Ai (Body and
/// its BodyMarkdown are mutually exclusive, checked by the caller).
/// </summary>
internal sealed record InternalArticleInput(string? Title, string? Body, long? OwnerId, long? AuthorId, ArticleAiInput Ai);

/// <summary>
/// The rules of an internal article write, in one place for every store: title, author_id and owner_id are required of
/// a new one (the author first, in the description's words: "author_id must be in the main body or default locale
/// translated_content object"); the owner and the author are admins of the app; 2.16's fields as <see cref="ArticleAiInput"/>
/// says. Changing anything stamps updated_at.
/// </summary>
internal static class InternalArticleRules
{
    public static InternalArticleRecord Apply(string id, InternalArticleRecord? existing, InternalArticleInput input, long now, Func<long, bool> isAdmin)
    {
        foreach (var (field, value) in new[] { ("author_id", input.AuthorId), ("owner_id", input.OwnerId) })
        {
            if (value is { } admin && !isAdmin(admin))
            {
                throw new ApiError(400, "bad_request", $"{field} {admin} is not a teammate (admin) of this workspace") { Code = "parameter_invalid", Field = field };
            }
        }

        var ai = input.Ai;
        ai.CheckAudiences();
        var (body, markdown) = ai.Body(input.Body, existing?.Body, existing?.BodyMarkdown);
        if (existing is null)
        {
            const string Where = "must be in the main body or default locale translated_content object";
            var author = input.AuthorId ?? throw Missing("author_id", Where);
            var owner = input.OwnerId ?? throw Missing("owner_id", Where);
            var title = input.Title ?? throw Missing("title", Where);
            return new(id, title, body ?? "", markdown, owner, author, now, now, ai.AiChatbot ?? false, ai.AiCopilot ?? false, ai.AiSalesAgent ?? false);
        }

        var changed = existing with
        {
            Title = input.Title ?? existing.Title,
            Body = body,
            BodyMarkdown = markdown,
            OwnerId = input.OwnerId ?? existing.OwnerId,
            AuthorId = input.AuthorId ?? existing.AuthorId,
            AiChatbot = ai.AiChatbot ?? existing.AiChatbot,
            AiCopilot = ai.AiCopilot ?? existing.AiCopilot,
            AiSalesAgent = ai.AiSalesAgent ?? existing.AiSalesAgent,
        };
        return changed == existing ? existing : changed with { UpdatedAt = now };
    }

    private static ApiError Missing(string field, string where) => new(400, "bad_request", $"{field} {where}") { Code = "parameter_not_found", Field = field };
}
