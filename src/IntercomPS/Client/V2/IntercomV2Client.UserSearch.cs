using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client.V2.Search;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// Finding users by a condition with one contact search (POST /contacts/search), its pages walked by one cursor.
    /// The condition is resolved (<see cref="ContactSearchFields"/>: custom attributes from one GET /data_attributes, a
    /// tag's name from one GET /tags, days in the workspace's time zone from GET /me, each asked only when the condition
    /// needs it), ANDed with role = user unless it names role itself, and checked before anything is sent.
    /// </summary>
    public sealed partial class IntercomV2Client : IUserSearch
    {
        public IUserReader SearchUsers(UserSearch search, int pageSize, int? lastPage = null, CancellationToken cancellationToken = default)
        {
            if (search is null) throw new ArgumentNullException(nameof(search));
            Task<SearchQuery>? query = null;
            return new ContactSearchReader(new UserListQuery { PageSize = pageSize }, lastPage, async (_, _, cursor, token) =>
            {
                var resolved = await (query ??= ResolveAsync(search.Condition, token)).ConfigureAwait(false);
                return await SendAsync(HttpMethod.Post, "contacts/search", writer => resolved.Write(writer, pageSize, cursor),
                    V2JsonContext.Default.ContactList, idempotent: true, token).ConfigureAwait(false);
            }, new Uri(BaseUri, "contacts/search"), (_, _) => Task.FromResult<string?>(null), cancellationToken, partitioned: false);
        }

        private async Task<SearchQuery> ResolveAsync(SearchNode condition, CancellationToken cancellationToken)
        {
            var names = Names(condition).ToList();
            var custom = names.Any(name => !ContactSearchFields.IsStandard(name))
                ? ListDataAttributesAsync("contact", includeArchived: false, cancellationToken) : Task.FromResult(Array.Empty<DataAttribute>());
            var tags = names.Any(ContactSearchFields.IsTagName) ? ListTagsAsync(cancellationToken) : Task.FromResult(Array.Empty<Tag>());
            var zone = names.Any(ContactSearchFields.MayBeDate) ? TimeZoneAsync(cancellationToken) : Task.FromResult<string?>(null);
            var fields = new ContactSearchFields(await custom.ConfigureAwait(false), await tags.ConfigureAwait(false), await zone.ConfigureAwait(false));
            var translated = fields.Translate(condition);
            var query = Names(translated).Contains("role") ? translated
                : new SearchGroup("AND", new SearchNode[] { new SearchFilter("role", "=", "user") }.Concat(translated is SearchGroup { Operator: "AND" } all ? all.Nodes : new[] { translated }));
            var whole = new SearchQuery(query, "created_at");
            whole.Check(fields.Table);
            return whole;
        }

        private static IEnumerable<string> Names(SearchNode node) => node is SearchGroup group ? group.Nodes.SelectMany(Names) : new[] { ((SearchFilter)node).Field };
    }
}
