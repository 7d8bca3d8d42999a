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

        /// <summary>The contact id (REST API 2.x): GET /contacts/{id}, no search. Binds from piped User objects and CSV id columns.</summary>
        [Parameter(ParameterSetName = IdentitySet, ValueFromPipelineByPropertyName = true)]
        public string[]? Id { get; set; }

        /// <summary>Lookups in flight at once when many users are piped in or named (1 looks them up one by one); answers still come out in input order.</summary>
        [Parameter(ParameterSetName = IdentitySet)]
        [ValidateRange(1, Concurrency.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = Concurrency.DefaultThrottleLimit;

        [Parameter(ParameterSetName = ListSet)]
        [Alias("tag_name")]
        [ValidateNotNullOrEmpty]
        public string? Tag { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Alias("tag_id")]
        [ValidateNotNullOrEmpty]
        public string? TagId { get; set; }

        /// <summary>Users per request; by default the most the API allows (500 on v1, 150 on 2.x), or fewer when -First asks for fewer.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, UserListQuery.MaxPageSize)]
        public int PageSize { get; set; }

        private ulong _named;

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdentitySet) return;
            if (PagingParameters.IncludeTotalCount)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-IncludeTotalCount counts the users of a listing; it cannot be used with -Email, -UserId, -Id or piped users."),
                    "Intercom.invalid_argument", ErrorCategory.InvalidArgument, InputObject));
            GetEach();
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName == ListSet) List();
        }

        private void GetEach()
        {
            IReadOnlyList<UserTarget> users;
            try
            {
                users = UserTarget.Of(Email, UserId, Id, InputObject);
            }
            catch (ArgumentException mismatch)
            {
                WriteFailure(mismatch, InputObject);
                return;
            }
            foreach (var user in users)
            {
                // -Skip and -First count the users named, in order, across the whole pipeline.
                if (_named++ < PagingParameters.Skip) continue;
                if (_named - PagingParameters.Skip > PagingParameters.First) return;
                Submit(user.Target, token => Client.GetUserAsync(user.Identity(), token), WriteUser);
            }
        }

        private void List()
        {
            var first = PagingParameters.First;
            var skip = PagingParameters.Skip;
            var pageSize = PageSize > 0 ? PageSize : (int)Math.Min((ulong)Client.MaxUserPageSize, Math.Max(1, first));
            if (pageSize > Client.MaxUserPageSize)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentOutOfRangeException(nameof(PageSize), PageSize, $"{Client} returns at most {Client.MaxUserPageSize} users a page; give -PageSize 1 to {Client.MaxUserPageSize}."),
                    "Intercom.invalid_argument", ErrorCategory.InvalidArgument, PageSize));
            var query = new UserListQuery { PageSize = pageSize, TagName = Tag, TagId = TagId, Page = checked((int)(skip / (ulong)pageSize) + 1) };
            var offset = (int)(skip % (ulong)pageSize);
            int? lastPage = first == ulong.MaxValue ? null : (int)Math.Min(int.MaxValue, (ulong)query.Page - 1 + ((ulong)offset + first + (ulong)pageSize - 1) / (ulong)pageSize);

            ulong written = 0;
            var firstPage = true;
            using var pager = Client.ListUsers(query, lastPage, StopToken);
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
