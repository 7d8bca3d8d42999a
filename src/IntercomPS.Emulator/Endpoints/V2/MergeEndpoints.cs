using System.Collections.Generic;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// POST /contacts/merge {from: a lead's id, into: a user's id}: answers the user as it is after the merge. In 2.16
/// (ApiModel.MergeDuplicatesOnly) only duplicates merge (the same email or phone) unless skip_duplicate_validation is true.
/// </summary>
internal static class MergeEndpoints
{
    private static readonly FieldSet MergeFields = UnknownFields.Set("from", "into");

    private static readonly FieldSet MergeFields216 = UnknownFields.Set("from", "into", "skip_duplicate_validation");

    public static async Task<IResult> MergeAsync(HttpContext context)
    {
        var duplicatesOnly = Face.VersionOf(context).Model.MergeDuplicatesOnly;
        var body = (await RequestBody.ReadAsync(context, duplicatesOnly ? MergeFields216 : MergeFields))!.Value;
        var skip = duplicatesOnly && Input.Bool(body, "skip_duplicate_validation") == true;
        var from = Input.String(body, "from") is { Length: > 0 } lead ? lead
            : throw new ApiError(400, "bad_request", "from is required (the lead's id)") { Code = "parameter_not_found", Field = "from" };
        var into = Input.String(body, "into") is { Length: > 0 } user ? user
            : throw new ApiError(400, "bad_request", "into is required (the user's id)") { Code = "parameter_not_found", Field = "into" };
        var caller = Caller.From(context);
        var merged = await caller.Store.MergeContactsAsync(from, into, duplicatesOnly && !skip);
        return Json.Ok(w => Writer.Contact(w, merged, caller.AppId));
    }
}
