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
        private const string SearchSet = "Search";

        private readonly UserTargets _users;

        /// <summary>
        /// The users to get, in the Identity set, with -Email first: GET /contacts/{id} by -Id on 2.x (no search), else
        /// one lookup each, up to -ThrottleLimit in flight. -Id has no ContactId alias here, unlike the writers'.
        /// </summary>
        public GetIntercomUserCommand() => _users = new UserTargets(Composed, IdentitySet, emailFirst: true, contactIdAliases: false);

        [Parameter(ParameterSetName = ListSet)]
        [Alias("tag_name")]
        [ValidateNotNullOrEmpty]
        public string? Tag { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Alias("tag_id")]
        [ValidateNotNullOrEmpty]
        public string? TagId { get; set; }

        /// <summary>
        /// REST API 2.x: the users a PowerShell-style condition finds, with one contact search ("plan -eq 'pro' -and
        /// last_seen_at -lt '2026-01-01'"), read with PowerShell's parser here and resolved and checked by the client.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = SearchSet)]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        /// <summary>REST API 2.x: 2.14's own contact search query, as a hashtable or JSON, for what -Filter cannot say.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Query")]
        [ValidateNotNull]
        public object? Query { get; set; }

        /// <summary>Users per request; by default the most the API allows (500 on v1, 150 on 2.x), or fewer when -First asks for fewer.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = SearchSet)]
        [Parameter(ParameterSetName = "Query")]
        [ValidateRange(1, UserListQuery.MaxPageSize)]
        public int PageSize { get; set; }

        private ulong _named;

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdentitySet) return;
            if (PagingParameters.IncludeTotalCount)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-IncludeTotalCount counts the users of a listing; it cannot be used with -Email, -UserId, -Id or piped users."),
                    "Intercom.invalid_argument", ErrorCategory.InvalidArgument, _users.InputObject));
            GetEach();
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (ParameterSetName != IdentitySet) List();
        }

        private void GetEach()
        {
            foreach (var user in _users.Of(Requests))
            {
                // -Skip and -First count the users named, in order, across the whole pipeline.
                if (_named++ < PagingParameters.Skip) continue;
                if (_named - PagingParameters.Skip > PagingParameters.First) return;
                Requests.Submit(user.Target, token => Client.GetUserAsync(user.Identity(), token), WriteUser);
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
            var pager = Reader(query, lastPage);
            if (pager is null) return;
            using var _ = pager;
            try
            {
                foreach (var page in Requests.Stream(_ => pager.NextAsync()))
                {
                    if (firstPage && PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount((ulong)page.TotalCount, 1.0));
                    firstPage = false;
                    for (var i = offset; i < page.Users.Length && written < first; i++, written++) WriteUser(page.Users[i]);
                    offset = 0;
                    if (written >= first) break;
                    if (page.Page < page.TotalPages) ReportProgress(page, written);
                }
            }
            catch (IntercomLookupException unknown) when (Tag is not null)
            {
                // The one lookup a listing makes is -Tag's name (REST API 2.x): the error is about the tag asked for.
                Requests.WriteFailure(unknown, Tag);
            }
            catch (IntercomApiException failure)
            {
                // A failed page ends the listing: writing the pages after it would leave a silent gap.
                Requests.WriteFailure(failure, failure.RequestUri);
            }
            catch (ArgumentException refused)
            {
                // A condition 2.14 would refuse, found out before its first page was asked for: nothing was sent.
                Requests.WriteFailure(refused, (object?)Filter ?? Query);
            }
            WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
        }

        /// <summary>
        /// The listing, or the search -Filter or -Query asks for (REST API 2.x: the capability table refuses it on v1
        /// first, with what to do instead); a condition that cannot be searched for is the command's error, and null.
        /// </summary>
        private IUserReader? Reader(UserListQuery query, int? lastPage)
        {
            if (ParameterSetName == ListSet) return Client.ListUsers(query, lastPage, Requests.StopToken);
            return Requests.Invoke<IUserReader>((object?)Filter ?? Query, _ =>
            {
                var search = Filter is not null ? new UserSearch(UserFilter.Parse(Filter))
                    : UserSearch.FromQuery((Query is PSObject wrapped ? wrapped.BaseObject : Query) is string json ? json : Internal.JsonObjects.ToJson(Query!));
                return System.Threading.Tasks.Task.FromResult(Client.As<IUserSearch>().SearchUsers(search, query.PageSize, lastPage, Requests.StopToken));
            });
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
