using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// How Get-IntercomAdmin and Get-IntercomTeam find what they get: by id, one request each, or out of one listing by
    /// name (and email), with wildcards, ignoring case. A value without wildcards that matches nothing is its own
    /// not_found error, as a lookup by id would be; a wildcard that matches nothing is simply an empty answer, as in
    /// PowerShell's own Get- cmdlets.
    /// </summary>
    internal sealed class TeammateLookup<T> where T : class
    {
        private readonly string _noun;
        private readonly string _listingPath;
        private readonly Func<T, string?> _name;
        private readonly Func<T, string?>? _email;

        /// <param name="noun">How errors name one: "admin", "team".</param>
        /// <param name="listingPath">The request that lists them all ("admins"), which a not_found names.</param>
        public TeammateLookup(string noun, string listingPath, Func<T, string?> name, Func<T, string?>? email)
        {
            _noun = noun;
            _listingPath = listingPath;
            _name = name;
            _email = email;
        }

        /// <summary>
        /// Gets each id given, one request each through the command's runner; a null or empty id (a piped thread assigned
        /// to nobody) gets nothing. -Skip and -First count the ids, in order: one skipped is not requested.
        /// </summary>
        public void GetEach(IEnumerable<string>? ids, RequestRunner requests, Func<string, CancellationToken, Task<T>> get, PagedOutput paged, Action<T> write)
        {
            foreach (var id in ids ?? Array.Empty<string>())
            {
                if (paged.Done) return;
                if (!string.IsNullOrEmpty(id) && paged.Admit()) requests.Submit(id, token => get(id, token), write);
            }
        }

        /// <summary>
        /// Lists them with one request and writes those that match every filter given (all when none is), in the
        /// listing's order, as one listing of <paramref name="paged"/>.
        /// </summary>
        public void List(RequestRunner requests, IIntercomApi client, Func<CancellationToken, Task<T[]>> list, string[]? names, string[]? emails, PagedOutput paged, Action<T> write)
        {
            if (Find(requests, client, list, names, emails) is { } found) paged.Write(found, write);
        }

        /// <summary>
        /// Those of one listing that match every filter given (all when none is), in the listing's order; each value
        /// without wildcards that matches none is its own not_found error. Null when the listing failed (its error written).
        /// </summary>
        public IReadOnlyList<T>? Find(RequestRunner requests, IIntercomApi client, Func<CancellationToken, Task<T[]>> list, string[]? names, string[]? emails)
        {
            var items = requests.Invoke(null, list);
            if (items is null) return null;
            var nameMatch = Patterns(names);
            var emailMatch = Patterns(emails);
            var found = items.Where(item => Matches(nameMatch, _name(item)) && (_email is null || Matches(emailMatch, _email(item)))).ToList();
            var listing = new Uri(client.BaseUri, _listingPath);
            Missing(names, items, _name, "name", listing, requests);
            if (_email is not null) Missing(emails, items, _email, "email", listing, requests);
            return found;
        }

        private void Missing(string[]? values, IReadOnlyList<T> items, Func<T, string?> field, string what, Uri listing, RequestRunner requests)
        {
            foreach (var value in values ?? Array.Empty<string>())
            {
                if (WildcardPattern.ContainsWildcardCharacters(value) || items.Any(item => string.Equals(field(item), value, StringComparison.OrdinalIgnoreCase))) continue;
                requests.WriteFailure(new IntercomLookupException("GET", listing, IntercomApiException.NotFoundType,
                    $"No {_noun} of the workspace has the {what} '{value}'."), value);
            }
        }

        private static WildcardPattern[]? Patterns(string[]? values) =>
            values?.Select(value => new WildcardPattern(value, WildcardOptions.IgnoreCase)).ToArray();

        private static bool Matches(WildcardPattern[]? patterns, string? value) =>
            patterns is null || (value is not null && patterns.Any(pattern => pattern.IsMatch(value)));
    }
}
