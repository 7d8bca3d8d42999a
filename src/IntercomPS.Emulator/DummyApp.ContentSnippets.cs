using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;

namespace IntercomPS.Emulator;

/// <summary>
/// The dummy app's content snippets: two canned ones (701 and 702). Writes are checked by the same rules and answered
/// as if applied, never kept.
/// </summary>
internal sealed partial class DummyApp
{
    private static readonly ContentSnippetRecord[] CannedContentSnippets =
    [
        new("701", "Reset your password", "en", """[{"type":"paragraph","text":"Go to Settings > Security > Reset password."}]""",
            "# Reset your password\n\nGo to Settings > Security > Reset password.\n", true, true, false, CannedTime, CannedTime + 60),
        new("702", "Opening hours", "en", """[{"type":"paragraph","text":"We answer from 9 to 5, Monday to Friday."}]""",
            "# Opening hours\n\nWe answer from 9 to 5, Monday to Friday.\n", false, false, false, CannedTime, CannedTime),
    ];

    public Task<IReadOnlyList<ContentSnippetRecord>> ListContentSnippetsAsync() => Task.FromResult<IReadOnlyList<ContentSnippetRecord>>(CannedContentSnippets);

    public Task<ContentSnippetRecord> GetContentSnippetAsync(string id) => Task.FromResult(CannedContentSnippet(id));

    public Task<ContentSnippetRecord> CreateContentSnippetAsync(ContentSnippetInput input) =>
        Task.FromResult(ContentSnippetRules.Apply("703", null, input, CannedTime));

    public Task<ContentSnippetRecord> UpdateContentSnippetAsync(string id, ContentSnippetInput input) =>
        Task.FromResult(ContentSnippetRules.Apply(id, CannedContentSnippet(id), input, CannedTime + 120));

    public Task<string> DeleteContentSnippetAsync(string id) => Task.FromResult(CannedContentSnippet(id).Id);

    public async Task<AppliedTag> TagContentSnippetAsync(string id, long tagId, string? adminId)
    {
        _ = CannedContentSnippets.FirstOrDefault(c => c.Id == id) ?? throw AppStore.ContentSnippetTagNotFound();
        var by = adminId is null ? admin.Id : KnownAdmin(adminId);
        return tagId > 0 ? new(await GetTagAsync(tagId), Now, by) : throw AppStore.ConversationTagNotFound();
    }

    public async Task<AppliedTag> UntagContentSnippetAsync(string id, long tagId)
    {
        _ = CannedContentSnippets.FirstOrDefault(c => c.Id == id) ?? throw AppStore.ContentSnippetTagNotFound();
        return tagId > 0 ? new(await GetTagAsync(tagId), null, null) : throw AppStore.ConversationTagNotFound();
    }

    private static ContentSnippetRecord CannedContentSnippet(string id) => CannedContentSnippets.FirstOrDefault(c => c.Id == id) ?? throw AppStore.ContentSnippetNotFound();
}
