using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using IntercomPS.Client.V2.Search;

namespace IntercomPS.Client
{
    /// <summary>Finding users by a condition with one server-side search, which only REST API 2.x has (v1 can only list).</summary>
    public interface IUserSearch
    {
        /// <summary>
        /// Streams the users the condition finds, page by page, oldest first, from one contact search's cursor. The
        /// condition is resolved and checked before anything is sent (an ArgumentException says what and why).
        /// </summary>
        IUserReader SearchUsers(UserSearch search, int pageSize, int? lastPage = null, CancellationToken cancellationToken = default);
    }

    /// <summary>
    /// What to find: a condition whose fields are named as people name them (plan, seats, tag, last_seen_at) or as the
    /// API does (custom_attributes.plan, tag_id); or 2.14's own query, as JSON (<see cref="FromQuery"/>).
    /// </summary>
    public sealed class UserSearch
    {
        public UserSearch(SearchNode condition) => Condition = condition ?? throw new ArgumentNullException(nameof(condition));

        public SearchNode Condition { get; }

        /// <summary>2.14's query object as JSON: {"field", "operator", "value"}, or {"operator": "AND"|"OR", "value": [...]}.</summary>
        public static UserSearch FromQuery(string json)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException failure)
            {
                throw new ArgumentException($"-Query is not JSON: {failure.Message}", failure);
            }
            using (document)
            {
                var root = document.RootElement;
                // The whole search body is taken too: its query is what finds.
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("query", out var query)) root = query;
                return new UserSearch(Node(root, "query"));
            }
        }

        private static SearchNode Node(JsonElement node, string path)
        {
            if (node.ValueKind != JsonValueKind.Object) throw new ArgumentException($"-Query's {path} must be an object: {{\"field\": ..., \"operator\": ..., \"value\": ...}} or {{\"operator\": \"AND\", \"value\": [...]}}.");
            var op = node.TryGetProperty("operator", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : throw new ArgumentException($"-Query's {path} has no operator.");
            node.TryGetProperty("value", out var value);
            if (op is "AND" or "OR")
            {
                if (value.ValueKind != JsonValueKind.Array) throw new ArgumentException($"-Query's {path} is an {op} group, whose value must be a list of filters.");
                return new SearchGroup(op, value.EnumerateArray().Select((child, i) => Node(child, $"{path}.value[{i}]")).ToList());
            }
            var field = node.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : throw new ArgumentException($"-Query's {path} has no field.");
            return new SearchFilter(field, op, Value(value, path));
        }

        private static object? Value(JsonElement value, string path) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : value.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Array => value.EnumerateArray().Select(item => Value(item, path)).ToArray(),
            _ => throw new ArgumentException($"-Query's {path}.value cannot be an object."),
        };
    }
}
