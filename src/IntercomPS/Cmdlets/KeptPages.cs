using System;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// The items of a listing a filter keeps, for a filter the API cannot apply: pages left empty are skipped, and the
    /// total is unknown (the listing's own counts what was filtered away).
    /// </summary>
    internal sealed class KeptPages<T> : IPageReader<T> where T : class
    {
        private readonly IPageReader<T> _all;
        private readonly Predicate<T> _keep;

        public KeptPages(IPageReader<T> all, Predicate<T> keep) => (_all, _keep) = (all, keep);

        public long? TotalCount => null;

        public async Task<T[]?> NextAsync()
        {
            while (await _all.NextAsync().ConfigureAwait(false) is { } page)
            {
                var kept = Array.FindAll(page, _keep);
                if (kept.Length > 0) return kept;
            }
            return null;
        }

        public void Dispose() => _all.Dispose();
    }
}
