using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;

namespace IntercomPS.Emulator;

/// <summary>
/// The dummy app's internal articles: two canned ones (601 and 602) by its admin. Writes are checked by the same rules
/// and answered as if applied, never kept.
/// </summary>
internal sealed partial class DummyApp
{
    private InternalArticleRecord[] CannedInternalArticles
    {
        get
        {
            var me = long.Parse(admin.Id, CultureInfo.InvariantCulture);
            return
            [
                new("601", "Refund policy", "<p>Refunds within 30 days, no questions asked.</p>", null, me, me, CannedTime, CannedTime + 60, false, true, false),
                new("602", "Escalation path", "<p>Billing issues go to the billing team.</p>", null, me, me, CannedTime, CannedTime, false, false, false),
            ];
        }
    }

    public Task<IReadOnlyList<InternalArticleRecord>> ListInternalArticlesAsync() => Task.FromResult<IReadOnlyList<InternalArticleRecord>>(CannedInternalArticles);

    public Task<InternalArticleRecord> GetInternalArticleAsync(string id) => Task.FromResult(CannedInternalArticle(id));

    public Task<InternalArticleRecord> CreateInternalArticleAsync(InternalArticleInput input) =>
        Task.FromResult(InternalArticleRules.Apply("603", null, input, CannedTime, IsDummyAdmin));

    public Task<InternalArticleRecord> UpdateInternalArticleAsync(string id, InternalArticleInput input) =>
        Task.FromResult(InternalArticleRules.Apply(id, CannedInternalArticle(id), input, CannedTime + 120, IsDummyAdmin));

    public Task<string> DeleteInternalArticleAsync(string id) => Task.FromResult(CannedInternalArticle(id).Id);

    public async Task<AppliedTag> TagInternalArticleAsync(string id, long tagId, string? adminId)
    {
        _ = CannedInternalArticles.FirstOrDefault(a => a.Id == id) ?? throw AppStore.InternalArticleNotFound();
        var by = adminId is null ? admin.Id : KnownAdmin(adminId);
        return tagId > 0 ? new(await GetTagAsync(tagId), Now, by) : throw AppStore.ConversationTagNotFound();
    }

    public async Task<AppliedTag> UntagInternalArticleAsync(string id, long tagId)
    {
        _ = CannedInternalArticles.FirstOrDefault(a => a.Id == id) ?? throw AppStore.InternalArticleNotFound();
        return tagId > 0 ? new(await GetTagAsync(tagId), null, null) : throw AppStore.ConversationTagNotFound();
    }

    private InternalArticleRecord CannedInternalArticle(string id) => CannedInternalArticles.FirstOrDefault(a => a.Id == id) ?? throw AppStore.HelpCenterNotFound();
}
