using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client.V2.Search;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// The workspace's conversations as one POST /conversations/search, filtered on the server: the query a
    /// <see cref="ConversationQuery"/> asks for, held to the description's rules for conversation searches
    /// (<see cref="Fields"/>) before it is sent, then walked page by page by its cursor, oldest first, each page's
    /// conversations read in full (searches leave their parts out).
    /// </summary>
    internal static class ConversationSearch
    {
        /// <summary>
        /// The conversation search's fields this module searches on, typed as the 2.14 description's table types them,
        /// with the operators its table allows for that type.
        /// </summary>
        public static readonly SearchFields Fields = new SearchFields("conversation", new[]
        {
            SearchFields.Field("id", SearchValueType.String),
            SearchFields.Field("created_at", SearchValueType.Date),
            SearchFields.Field("updated_at", SearchValueType.Date),
            SearchFields.Field("source.body", SearchValueType.String),
            SearchFields.Field("contact_ids", SearchValueType.String),
            SearchFields.Field("admin_assignee_id", SearchValueType.Integer),
            SearchFields.Field("team_assignee_id", SearchValueType.Integer),
            SearchFields.Field("open", SearchValueType.Boolean),
            SearchFields.Field("read", SearchValueType.Boolean),
            SearchFields.Field("state", SearchValueType.String),
            SearchFields.Field("snoozed_until", SearchValueType.Date),
            SearchFields.Field("tag_ids", SearchValueType.String),
        });

        /// <summary>
        /// The search for <paramref name="query"/> (with <paramref name="contactId"/>, the user's, when it names one),
        /// oldest first: creation order does not move while a pipeline replies to, closes or tags what it lists, so
        /// the cursor walks past each conversation once. Checked against <see cref="Fields"/>: a query the service
        /// would refuse (more than 15 words of text, say) is an ArgumentException before anything is sent.
        /// </summary>
        public static SearchQuery For(ConversationQuery query, string? contactId)
        {
            var filters = new List<SearchNode>();
            if (query.States is { Count: > 0 } states)
            {
                var lowered = states.Select(State).Distinct().ToArray();
                filters.Add(lowered.Length == 1 ? new SearchFilter("state", "=", lowered[0]) : new SearchFilter("state", "IN", lowered));
            }
            if (query.AdminAssigneeId is { } admin) filters.Add(new SearchFilter("admin_assignee_id", "=", Number(admin, "admin")));
            if (query.TeamAssigneeId is { } team) filters.Add(new SearchFilter("team_assignee_id", "=", Number(team, "team")));
            if (query.Unassigned)
            {
                // Intercom's "unassigned": no admin and no team (assigning to 0 is how the API unassigns).
                filters.Add(new SearchFilter("admin_assignee_id", "=", 0L));
                filters.Add(new SearchFilter("team_assignee_id", "=", 0L));
            }
            if (query.TagIds is { Count: > 0 } tags)
                filters.Add(tags.Count == 1 ? new SearchFilter("tag_ids", "=", tags[0]) : new SearchFilter("tag_ids", "IN", tags.ToArray()));
            if (query.Read is { } read) filters.Add(new SearchFilter("read", "=", read));
            // ">" is strict in the emulator and "greater (or equal)" in the description: a second earlier includes the instant either way.
            if (query.CreatedSince is { } created) filters.Add(new SearchFilter("created_at", ">", created.ToUniversalTime().AddSeconds(-1)));
            if (query.UpdatedSince is { } updated) filters.Add(new SearchFilter("updated_at", ">", updated.ToUniversalTime().AddSeconds(-1)));
            if (contactId is not null) filters.Add(new SearchFilter("contact_ids", "=", contactId));
            // source.body is matched word by word (the description): each word given must be (part of) one of the body's.
            foreach (var word in Words(query.Text)) filters.Add(new SearchFilter("source.body", "~", word));
            // Nothing asked for: every conversation, since every one was created after 1970 (a search needs a query).
            if (filters.Count == 0) filters.Add(new SearchFilter("created_at", ">", 0L));
            var search = SearchQuery.AllOf(filters, "created_at");
            search.Check(Fields);
            return search;
        }

        /// <summary>The words of a text as the service splits a body into words: at every character that is no letter or digit.</summary>
        public static IEnumerable<string> Words(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) yield break;
            var word = new System.Text.StringBuilder();
            foreach (var c in text! + " ")
            {
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(c);
                }
                else if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
            }
        }

        private static string State(string state) => state?.ToLowerInvariant() switch
        {
            "open" => "open",
            "closed" => "closed",
            "snoozed" => "snoozed",
            _ => throw new ArgumentException($"'{state}' is not a conversation state: use Open, Closed or Snoozed."),
        };

        private static long Number(string id, string what) =>
            long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
                : throw new ArgumentException($"'{id}' is not {(what == "admin" ? "an admin" : "a team")} id: Intercom's are numbers (Get-Intercom{(what == "admin" ? "Admin" : "Team")} lists them).");
    }

    /// <summary>
    /// Reads one conversation search page by page: each page's conversations, read in full with their parts
    /// (<see cref="Concurrency.ConversationReads"/> at a time), as threads; or only their ids, for a caller that reads
    /// them all at the end. The cursor's pages are checked as they come.
    /// </summary>
    internal sealed class ConversationReader : IThreadReader
    {
        private readonly IntercomV2Client _client;
        private readonly ConversationQuery _query;
        private readonly CancellationToken _cancellation;
        private PagedReadCheck? _check;
        private SearchQuery? _search;
        private string? _cursor;
        private bool _done;

        public ConversationReader(IntercomV2Client client, ConversationQuery query, CancellationToken cancellation)
        {
            _client = client;
            _query = query;
            _cancellation = cancellation;
        }

        public long? TotalCount { get; private set; }

        public async Task<MessageThread[]?> NextAsync() =>
            await NextIdsAsync().ConfigureAwait(false) is { } ids
                ? await _client.ReadInFullAsync(ids, _query.User, _query.PlainText, _cancellation).ConfigureAwait(false)
                : null;

        /// <summary>The next page's conversation ids, checked, without reading the conversations; null after the last page.</summary>
        public async Task<string[]?> NextIdsAsync()
        {
            if (_done) return null;
            if (_search is null)
            {
                var contactId = _query.User is { } user ? await _client.ContactIdAsync(user, _cancellation).ConfigureAwait(false) : null;
                _search = ConversationSearch.For(_query, contactId);
                _check = new PagedReadCheck(HttpMethod.Post, new Uri(_client.BaseUri, "conversations/search"), "conversation", _query.PageSize, new SeenIds());
            }
            var page = await PageAsync(_search, _cursor).ConfigureAwait(false);
            _cursor = page.Pages?.Next?.StartingAfter;
            _check!.Page(page.TotalCount, page.Conversations, conversation => conversation.Id, _cursor);
            TotalCount ??= page.TotalCount;
            _done = _cursor is null;
            return page.Conversations.Select(c => c.Id!).ToArray();
        }

        private Task<ConversationList> PageAsync(SearchQuery search, string? after) =>
            _client.SendAsync(HttpMethod.Post, "conversations/search", writer => search.Write(writer, _query.PageSize, after),
                V2JsonContext.Default.ConversationList, idempotent: true, _cancellation);
    }
}
