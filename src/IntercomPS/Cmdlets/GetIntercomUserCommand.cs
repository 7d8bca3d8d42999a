using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets users: one by -Email / -UserId (or from the pipeline), or the whole list, optionally by tag,
    /// streamed page by page so memory stays flat however many users there are.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomUser", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(User))]
    public sealed class GetIntercomUserCommand : IntercomCmdlet
    {
        /// <summary>
        /// List requests in flight once the read-ahead has ramped up (see <see cref="UserPager"/>): enough to hide
        /// most of the latency, few enough that memory stays at a handful of pages.
        /// </summary>
        public const int PagesAhead = UserPager.DefaultPagesAhead;

        private const string ListSet = "List";
        private const string IdentitySet = "Identity";

        /// <summary>The piped object itself, kept so errors can name exactly the input that failed.</summary>
        [Parameter(ParameterSetName = IdentitySet, ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        [Parameter(ParameterSetName = IdentitySet, Position = 0, ValueFromPipelineByPropertyName = true)]
        public string[]? Email { get; set; }

        [Parameter(ParameterSetName = IdentitySet, ValueFromPipelineByPropertyName = true)]
        [Alias("user_id")]
        public string[]? UserId { get; set; }

        /// <summary>Lookups in flight at once when many users are piped in or named (1 looks them up one by one); answers still come out in input order.</summary>
        [Parameter(ParameterSetName = IdentitySet)]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = ConcurrentUserCmdlet.DefaultThrottleLimit;

        [Parameter(ParameterSetName = ListSet)]
        [Alias("tag_name")]
        [ValidateNotNullOrEmpty]
        public string? Tag { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Alias("tag_id")]
        [ValidateNotNullOrEmpty]
        public string? TagId { get; set; }

        /// <summary>Users per request; by default 500, or fewer when -First asks for fewer.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, UserListQuery.MaxPageSize)]
        public int PageSize { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdentitySet) GetEach();
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == ListSet) List();
        }

        private void GetEach()
        {
            foreach (var (identity, target) in Identities())
                Submit(ThrottleLimit, target, token => Client.GetUserAsync(identity(), token), WriteUser);
        }

        /// <summary>
        /// A piped object with both properties is one user; -Email a,b -UserId c,d pairs them up; a piped
        /// string is an email. Identities are built lazily so a bad one fails as that item's error.
        /// </summary>
        private IEnumerable<(Func<UserIdentity> Identity, object? Target)> Identities()
        {
            if (Email is null && UserId is null)
            {
                var text = InputObject?.BaseObject as string;
                yield return (() => new UserIdentity(null, text), InputObject);
                yield break;
            }
            var emails = Email ?? Array.Empty<string>();
            var ids = UserId ?? Array.Empty<string>();
            if (emails.Length > 0 && ids.Length > 0 && emails.Length != ids.Length)
            {
                WriteFailure(new ArgumentException($"-Email has {emails.Length} values and -UserId {ids.Length}; give one of them, or the same number of each to pair them up."), InputObject);
                yield break;
            }
            for (var i = 0; i < Math.Max(emails.Length, ids.Length); i++)
            {
                var email = i < emails.Length ? emails[i] : null;
                var id = i < ids.Length ? ids[i] : null;
                yield return (() => new UserIdentity(id, email), InputObject ?? (object?)id ?? email);
            }
        }

        private void List()
        {
            var first = PagingParameters.First;
            var skip = PagingParameters.Skip;
            var pageSize = PageSize > 0 ? PageSize : (int)Math.Min(UserListQuery.MaxPageSize, Math.Max(1, first));
            var query = new UserListQuery { PageSize = pageSize, TagName = Tag, TagId = TagId, Page = checked((int)(skip / (ulong)pageSize) + 1) };
            var offset = (int)(skip % (ulong)pageSize);
            int? lastPage = first == ulong.MaxValue ? null : (int)Math.Min(int.MaxValue, (ulong)query.Page - 1 + ((ulong)offset + first + (ulong)pageSize - 1) / (ulong)pageSize);

            ulong written = 0;
            var firstPage = true;
            using var pager = Client.ListUserPages(query, PagesAhead, lastPage, StopToken);
            try
            {
                foreach (var page in Stream(_ => pager.NextAsync()))
                {
                    if (firstPage && PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount((ulong)page.TotalCount, 1.0));
                    firstPage = false;
                    for (var i = offset; i < page.Users.Length && written < first; i++, written++) WriteUser(page.Users[i]);
                    offset = 0;
                    if (written >= first) break;
                    if (page.Page < page.TotalPages) ReportProgress(page, written);
                }
            }
            catch (IntercomApiException failure)
            {
                // A failed page ends the listing: writing the pages after it would leave a silent gap.
                WriteFailure(failure, failure.RequestUri);
            }
            WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        private const int ProgressId = 1;
        private const string ProgressActivity = "Get-IntercomUser";

        // A new record each time: hosts and the progress stream may keep the ones already written.
        private void ReportProgress(UserPage page, ulong written) =>
            WriteProgress(new ProgressRecord(ProgressId, ProgressActivity,
                string.Format(CultureInfo.CurrentCulture, "Page {0:N0} of {1:N0}: {2:N0} of {3:N0} users", page.Page, page.TotalPages, written, page.TotalCount))
            {
                PercentComplete = page.TotalPages > 0 ? Math.Min(100, page.Page * 100 / page.TotalPages) : -1,
            });
    }
}
