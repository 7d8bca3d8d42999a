using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;

namespace IntercomPS.Emulator;

/// <summary>
/// The dummy app's companies, segments and subscription types: one canned segment (Active, of every listed user) and one canned company (Blue Sun, company_id 6, tagged Free Trial) that every listed contact belongs to;
/// writes are answered as if applied and never kept, any company id is Blue Sun, and its scroll is one page long.
/// </summary>
internal sealed partial class DummyApp
{
    private const string CannedCompanyId = "531ee472cce572a6ec000006";

    private static CompanyRecord CannedCompany => new(1, CannedCompanyId, "6", "Blue Sun", "Pro", 100, "https://www.example.com", "Software", 100,
        1663597223, "{}", 1663597223, 1663597223, ListedUsers.Length, [CannedTag]);

    public Task<CompanyRecord> SaveCompanyAsync(CompanyInput input) => Task.FromResult(Applied(CannedCompany with { CompanyId = input.CompanyId ?? "6" }, input));

    public Task<CompanyRecord> UpdateCompanyAsync(string id, CompanyInput input) => Task.FromResult(Applied(CannedCompany with { Id = id }, input));

    public Task<CompanyRecord> GetCompanyAsync(string id) => Task.FromResult(CannedCompany with { Id = id });

    public Task<IReadOnlyList<CompanyRecord>> FindCompaniesAsync(string? companyId, string? name) =>
        Task.FromResult<IReadOnlyList<CompanyRecord>>([CannedCompany with { CompanyId = companyId ?? "6", Name = name ?? "Blue Sun" }]);

    /// <summary>Blue Sun, alone: it has the canned tag, so a list by any other tag is empty.</summary>
    public Task<CompanyPage> ListCompaniesAsync(int page, int perPage, bool descending, long? tagId = null) =>
        Task.FromResult(tagId is null || tagId == CannedTag.NumericId ? new CompanyPage(page == 1 ? [CannedCompany] : [], 1, page, perPage) : new CompanyPage([], 0, page, perPage));

    public Task<(IReadOnlyList<CompanyRecord> Companies, string Param)> ScrollCompaniesAsync(string? param) =>
        Task.FromResult<(IReadOnlyList<CompanyRecord>, string)>((param is null ? [CannedCompany] : [], "dummy-scroll"));

    public Task<CompanyRecord> DeleteCompanyAsync(string id) => Task.FromResult(CannedCompany with { Id = id });

    public Task<CompanyRecord> LinkCompanyAsync(string contactId, string companyId, bool attach) => Task.FromResult(CannedCompany with { Id = companyId });

    public Task<IReadOnlyList<CompanyRecord>> ListContactCompaniesAsync(string contactId) => Task.FromResult<IReadOnlyList<CompanyRecord>>([CannedCompany]);

    public Task<ContactPage> ListCompanyContactsAsync(string companyId, int page, int perPage) =>
        Task.FromResult(new ContactPage(page == 1 ? [.. ListedUsers.Take(perPage).Select(AsContact)] : [], ListedUsers.Length, page, perPage, null));

    /// <summary>The dummy app's one segment, of every listed user.</summary>
    private static SegmentRecord CannedSegment => new("56203d253cba154d39010062", "Active", "user", 1394621988, 1394622004, ListedUsers.Length);

    public Task<IReadOnlyList<SegmentRecord>> ListSegmentsAsync() => Task.FromResult<IReadOnlyList<SegmentRecord>>([CannedSegment]);

    public Task<SegmentRecord> GetSegmentAsync(string id) => Task.FromResult(CannedSegment with { Id = id });

    public Task<IReadOnlyList<SegmentRecord>> ListContactSegmentsAsync(string contactId) => Task.FromResult<IReadOnlyList<SegmentRecord>>([CannedSegment]);

    /// <summary>
    /// The dummy app's subscription types: Newsletters (opt_out, email) and Product updates (opt_in, SMS). Every contact
    /// has opted out of the newsletters, so a contact's list is never empty; attaching and detaching answer as if applied.
    /// </summary>
    private static readonly SubscriptionTypeRecord[] CannedSubscriptionTypes =
    [
        new("135", "Newsletters", "Our monthly newsletter", "en", "opt_out", ["email"], "live"),
        new("136", "Product updates", "Texts about new features", "en", "opt_in", ["sms_message"], "live"),
    ];

    public Task<IReadOnlyList<SubscriptionTypeRecord>> ListSubscriptionTypesAsync() => Task.FromResult<IReadOnlyList<SubscriptionTypeRecord>>(CannedSubscriptionTypes);

    public Task<IReadOnlyList<SubscriptionTypeRecord>> ListContactSubscriptionsAsync(string contactId) =>
        Task.FromResult<IReadOnlyList<SubscriptionTypeRecord>>([CannedSubscriptionTypes[0]]);

    public Task<SubscriptionTypeRecord> AttachSubscriptionAsync(string contactId, string typeId, string consentType)
    {
        var type = CannedSubscriptionType(typeId);
        type.CheckConsent(consentType);
        return Task.FromResult(type);
    }

    public Task<SubscriptionTypeRecord> DetachSubscriptionAsync(string contactId, string typeId) => Task.FromResult(CannedSubscriptionType(typeId));

    private static SubscriptionTypeRecord CannedSubscriptionType(string id) =>
        CannedSubscriptionTypes.FirstOrDefault(type => type.Id == id) ?? throw AppStore.SubscriptionTypeNotFound();

    public Task SubmitEventSummaryAsync(ContactRecord contact, string name, long count, long first, long last) => Task.CompletedTask;

    public Task<IReadOnlyList<EventSummaryRecord>> SummarizeEventsAsync(ContactRecord contact) =>
        Task.FromResult<IReadOnlyList<EventSummaryRecord>>([new EventSummaryRecord("invited-friend", 1, 1300000000, 1300000000)]);

    public Task<ContactRecord> MergeContactsAsync(string fromId, string intoId, bool duplicatesOnly) => Task.FromResult(AsContact(ById(intoId)));

    /// <summary>Merges are never kept here: any contact's history is empty (an unknown one is its 404, as a read is).</summary>
    public Task<MergeHistoryPage> ListMergeHistoryAsync(string contactId, int perPage, bool ascending, long? after)
    {
        _ = ById(contactId);
        return Task.FromResult(new MergeHistoryPage([], null));
    }

    private static CompanyRecord Applied(CompanyRecord company, CompanyInput input) => company with
    {
        Name = input.Name ?? company.Name,
        Plan = input.Plan ?? company.Plan,
        Size = input.Size ?? company.Size,
        Website = input.Website ?? company.Website,
        Industry = input.Industry ?? company.Industry,
        MonthlySpend = input.MonthlySpend ?? company.MonthlySpend,
        RemoteCreatedAt = input.RemoteCreatedAt ?? company.RemoteCreatedAt,
        CustomAttributes = CustomData.Merge(company.CustomAttributes, input.CustomAttributes),
        UpdatedAt = Now,
    };
}
