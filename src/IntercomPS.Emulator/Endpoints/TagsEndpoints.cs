using System;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>/v1/tags: get by name, create-or-update (POST), update (PUT); both writes can tag or untag users.</summary>
internal static class TagsEndpoints
{
    public static readonly string[] Colors = ["green", "red", "teal", "gold", "blue", "purple"];

    public static async Task<IResult> GetAsync(HttpContext context)
    {
        UnknownFields.WarnQuery(context, UnknownFields.TagQuery);
        var name = Input.Query(context.Request.Query, "name") ?? throw ApiError.BadRequest("name is required");
        var tag = await Caller.From(context).Store.GetTagAsync(name);
        return Json.Ok(w => Json.Tag(w, tag));
    }

    public static async Task<IResult> SaveAsync(HttpContext context, bool create)
    {
        var body = (await RequestBody.ReadAsync(context, UnknownFields.Tag))!.Value;
        var name = Input.RequiredText(body, "name");
        var color = Input.String(body, "color")?.ToLowerInvariant();
        if (color is not null && !Colors.Contains(color))
        {
            throw ApiError.BadRequest($"color must be one of {string.Join(", ", Colors)}, not '{color}'");
        }

        var userIds = Input.Strings(body, "user_ids");
        var emails = Input.Strings(body, "emails");
        var tagOrUntag = Input.String(body, "tag_or_untag")?.ToLowerInvariant();
        if (tagOrUntag is not null and not ("tag" or "untag"))
        {
            throw ApiError.BadRequest($"tag_or_untag must be \"tag\" or \"untag\", not '{tagOrUntag}'");
        }

        if (tagOrUntag is null && (userIds.Count > 0 || emails.Count > 0))
        {
            throw ApiError.BadRequest("tag_or_untag (\"tag\" or \"untag\") is required when user_ids or emails are given");
        }

        var (tag, created) = await Caller.From(context).Store.SaveTagAsync(new TagInput(name, color, userIds, emails, tagOrUntag), create);
        return Json.Result(created ? 201 : 200, w => Json.Tag(w, tag));
    }
}
