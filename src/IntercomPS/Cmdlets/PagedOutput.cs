using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// What -Skip, -First and -IncludeTotalCount (SupportsPaging) and the progress bar do to a cmdlet's listings, in one
    /// place: the items of a stream of pages are counted across every listing of the invocation (a listing per piped
    /// segment, company or user, in order); the first -Skip are not written, nor any after -First, and no further page
    /// is asked for once -First is reached (nor any listing begun); a page size asks for no more than that needs; each
    /// listing writes its total as its first page says (accuracy 1.0), or an unknown total (0.0) for a list that does
    /// not say; and a progress record follows each page, completed when the listing ends. A failed page ends the
    /// listing: its error comes out of <see cref="Write{T}(IPageReader{T}, RequestRunner, Action{T})"/> to the cmdlet,
    /// which says what failed. Composed by the cmdlet (one per invocation), which must declare SupportsPaging.
    /// </summary>
    internal sealed class PagedOutput
    {
        private const int ProgressId = 1;

        private readonly PSCmdlet _cmdlet;
        private readonly string _noun;
        private ulong _counted;

        /// <param name="noun">What the items are, in the plural, for the progress bar ("leads").</param>
        public PagedOutput(PSCmdlet cmdlet, string noun)
        {
            _cmdlet = cmdlet;
            _noun = noun;
        }

        private PagingParameters Paging => _cmdlet.PagingParameters
            ?? throw new InvalidOperationException($"{_cmdlet.MyInvocation.MyCommand.Name} lists with PagedOutput but does not declare SupportsPaging.");

        /// <summary>Whether -Skip, -First or -IncludeTotalCount was given: without them every item of every listing is written.</summary>
        public bool Limits => Paging.Skip > 0 || Paging.First != ulong.MaxValue || Paging.IncludeTotalCount;

        /// <summary>True once -First items were written: no further page, and no further listing, is wanted.</summary>
        public bool Done => Paging.First != ulong.MaxValue && _counted >= Paging.Skip && _counted - Paging.Skip >= Paging.First;

        /// <summary>
        /// Counts one item of the output, in order (an item named, or one of a listing): whether to write it, being
        /// neither one -Skip skips nor one past -First.
        /// </summary>
        public bool Admit()
        {
            if (Done) return false;
            return _counted++ >= Paging.Skip;
        }

        /// <summary>The page size for the next listing: what -Skip still skips and -First still wants, 1 to <paramref name="most"/>.</summary>
        public int PageSize(int most)
        {
            var paging = Paging;
            if (paging.First == ulong.MaxValue) return most;
            var toSkip = _counted < paging.Skip ? paging.Skip - _counted : 0;
            var written = _counted > paging.Skip ? _counted - paging.Skip : 0;
            var toWrite = paging.First > written ? paging.First - written : 0;
            var wanted = toWrite > ulong.MaxValue - toSkip ? ulong.MaxValue : toSkip + toWrite;
            return (int)Math.Min((ulong)Math.Max(1, most), Math.Max(1, wanted));
        }

        /// <summary>One listing, read a page at a time through <paramref name="requests"/>, its items given to <paramref name="write"/>.</summary>
        public void Write<T>(IPageReader<T> reader, RequestRunner requests, Action<T> write) where T : class =>
            Write(requests.Stream(_ => reader.NextAsync()), () => reader.TotalCount, write);

        /// <summary>
        /// One listing: its pages (enumerated only while items are wanted, so no page is asked for after -First), the
        /// total its first page says (null: the list does not say), and what writes an item.
        /// </summary>
        public void Write<T>(IEnumerable<T[]> pages, Func<long?> totalCount, Action<T> write)
        {
            if (Done) return;
            var paging = Paging;
            var counting = paging.IncludeTotalCount;
            var pageNumber = 0;
            ulong read = 0;
            var progressed = false;
            try
            {
                foreach (var page in pages)
                {
                    pageNumber++;
                    if (counting)
                    {
                        WriteTotal(totalCount());
                        counting = false;
                    }
                    foreach (var item in page)
                    {
                        read++;
                        if (Admit()) write(item);
                        if (Done) return;
                    }
                    _cmdlet.WriteProgress(Progress(pageNumber, read, totalCount()));
                    progressed = true;
                }
                // A listing with no page at all (nothing in it) still says its total.
                if (counting) WriteTotal(totalCount());
            }
            finally
            {
                if (progressed && !_cmdlet.Stopping)
                    _cmdlet.WriteProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        /// <summary>
        /// A list the API answers whole in one request (tags, admins, teams, segments, data attributes, away reasons),
        /// or what a filter kept of it: counted as one listing, its total the items given. No progress record: there is
        /// no further page to wait for.
        /// </summary>
        public void Write<T>(IReadOnlyCollection<T> items, Action<T> write)
        {
            if (Done) return;
            if (Paging.IncludeTotalCount) WriteTotal(items.Count);
            foreach (var item in items)
            {
                if (Admit()) write(item);
                if (Done) return;
            }
        }

        /// <summary>
        /// Stops the command when -IncludeTotalCount is given with things named one by one (<paramref name="named"/>,
        /// "-Id"), which are no listing to count; <paramref name="counted"/> says what it counts ("the teams of the listing").
        /// </summary>
        public void RefuseTotalCount(string counted, string named, object? target)
        {
            if (!Paging.IncludeTotalCount) return;
            _cmdlet.ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"-IncludeTotalCount counts {counted}; it cannot be used with {named}."),
                "Intercom.invalid_argument", ErrorCategory.InvalidArgument, target));
        }

        private string Activity => _cmdlet.MyInvocation.MyCommand.Name;

        private void WriteTotal(long? total) =>
            _cmdlet.WriteObject(total is { } known ? Paging.NewTotalCount((ulong)Math.Max(0, known), 1.0) : Paging.NewTotalCount(0, 0.0));

        // A new record each time: hosts and the progress stream may keep the ones already written.
        private ProgressRecord Progress(int page, ulong read, long? total) =>
            new ProgressRecord(ProgressId, Activity, total is { } all
                ? string.Format(CultureInfo.CurrentCulture, "Page {0:N0}: {1:N0} of {2:N0} {3} read", page, read, all, _noun)
                : string.Format(CultureInfo.CurrentCulture, "Page {0:N0}: {1:N0} {2} read", page, read, _noun))
            {
                PercentComplete = total is { } count && count > 0 ? (int)Math.Min(100, (long)read * 100 / count) : -1,
            };
    }
}
