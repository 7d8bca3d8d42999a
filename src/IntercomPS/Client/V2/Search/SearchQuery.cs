using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using IntercomPS.Json;

namespace IntercomPS.Client.V2.Search
{
    /// <summary>
    /// One node of a 2.x search query (POST /contacts/search, /conversations/search): a <see cref="SearchFilter"/> or
    /// a <see cref="SearchGroup"/> of nodes joined by AND or OR.
    /// </summary>
    public abstract class SearchNode
    {
        private protected SearchNode()
        {
        }

        internal abstract void Write(Utf8JsonWriter writer);
    }

    /// <summary>
    /// One condition, {field, operator, value}. The value is a string, a whole number, a boolean, a
    /// <see cref="DateTime"/> (written as UNIX seconds), null (= and != only), or for IN and NIN a non-empty list of those.
    /// </summary>
    public sealed class SearchFilter : SearchNode
    {
        public SearchFilter(string field, string op, object? value)
        {
            Field = string.IsNullOrEmpty(field) ? throw new ArgumentException("A search filter needs a field.", nameof(field)) : field;
            Operator = string.IsNullOrEmpty(op) ? throw new ArgumentException("A search filter needs an operator.", nameof(op)) : op;
            Value = value;
        }

        public string Field { get; }

        public string Operator { get; }

        public object? Value { get; }

        /// <summary>Whether the operator takes a list (IN, NIN) rather than one value.</summary>
        public bool TakesList => Operator == "IN" || Operator == "NIN";

        internal override void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("field", Field);
            writer.WriteString("operator", Operator);
            writer.WritePropertyName("value");
            if (TakesList && Value is System.Collections.IEnumerable list && Value is not string)
            {
                writer.WriteStartArray();
                foreach (var item in list) WriteScalar(writer, item);
                writer.WriteEndArray();
            }
            else
            {
                WriteScalar(writer, Value);
            }
            writer.WriteEndObject();
        }

        private static void WriteScalar(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string text: writer.WriteStringValue(text); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case DateTime time: writer.WriteNumberValue(UnixTime.FromDateTime(time)); break;
                case int number: writer.WriteNumberValue(number); break;
                case long number: writer.WriteNumberValue(number); break;
                case double real when !double.IsNaN(real) && !double.IsInfinity(real): writer.WriteNumberValue(real); break;
                default: throw new ArgumentException($"A search value cannot be a {value.GetType().Name}: use a string, a whole number, a boolean or a DateTime.");
            }
        }

        public override string ToString() => $"{Field} {Operator} {Value}";
    }

    /// <summary>Nodes joined by AND or OR.</summary>
    public sealed class SearchGroup : SearchNode
    {
        public SearchGroup(string op, IEnumerable<SearchNode> nodes)
        {
            Operator = op == "AND" || op == "OR" ? op : throw new ArgumentException($"A search group joins its filters with AND or OR, not '{op}'.", nameof(op));
            Nodes = (nodes ?? throw new ArgumentNullException(nameof(nodes))).ToArray();
            if (Nodes.Any(node => node is null)) throw new ArgumentException("A search group cannot hold a null filter.", nameof(nodes));
        }

        public static SearchGroup And(params SearchNode[] nodes) => new SearchGroup("AND", nodes);

        public static SearchGroup Or(params SearchNode[] nodes) => new SearchGroup("OR", nodes);

        public string Operator { get; }

        public IReadOnlyList<SearchNode> Nodes { get; }

        internal override void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("operator", Operator);
            writer.WriteStartArray("value");
            foreach (var node in Nodes) node.Write(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    /// <summary>
    /// A whole 2.x search: its query, an optional sort, and how it is written to the wire (with Utf8JsonWriter). Built
    /// freely, then checked against the resource's <see cref="SearchFields"/> before it is sent
    /// (<see cref="Check"/>): the description's rules for every search (at most two levels of AND/OR groups, at most
    /// 15 filters a group, the operators each field takes, values of the field's type), each broken rule an
    /// <see cref="ArgumentException"/> that says what and why, so nothing the service would refuse is sent.
    /// </summary>
    public sealed class SearchQuery
    {
        /// <summary>The description: "There's a limit of max 2 nested filters".</summary>
        public const int MaxGroupDepth = 2;

        /// <summary>The description: "There's a limit of max 15 filters for each AND or OR group".</summary>
        public const int MaxFiltersPerGroup = 15;

        public SearchQuery(SearchNode query, string? sortField = null, bool descending = false)
        {
            Query = query ?? throw new ArgumentNullException(nameof(query));
            SortField = sortField;
            Descending = descending;
        }

        /// <summary>The conditions, AND-ed: one filter is sent as itself, several as one AND group.</summary>
        public static SearchQuery AllOf(IEnumerable<SearchNode> nodes, string? sortField = null, bool descending = false)
        {
            var list = nodes.ToList();
            if (list.Count == 0) throw new ArgumentException("A search needs at least one filter.", nameof(nodes));
            return new SearchQuery(list.Count == 1 ? list[0] : new SearchGroup("AND", list), sortField, descending);
        }

        public SearchNode Query { get; }

        public string? SortField { get; }

        public bool Descending { get; }

        /// <summary>
        /// Holds the query to the description's rules for <paramref name="fields"/>' resource; the first broken rule is
        /// an <see cref="ArgumentException"/> naming the filter or group, the rule and how to stay within it.
        /// </summary>
        public void Check(SearchFields fields)
        {
            if (fields is null) throw new ArgumentNullException(nameof(fields));
            Check(Query, fields, depth: 0);
            if (SortField is { } sort && fields.Find(sort) is null)
                throw new ArgumentException($"A {fields.Resource} search cannot sort on '{sort}': it is not one of its fields ({fields.Names}).");
        }

        /// <summary>{"query": ..., "sort": ..., "pagination": {per_page, starting_after}}.</summary>
        public void Write(Utf8JsonWriter writer, int perPage, string? startingAfter)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("query");
            Query.Write(writer);
            if (SortField is { } sort)
            {
                writer.WriteStartObject("sort");
                writer.WriteString("field", sort);
                writer.WriteString("order", Descending ? "descending" : "ascending");
                writer.WriteEndObject();
            }
            writer.WriteStartObject("pagination");
            writer.WriteNumber("per_page", perPage);
            if (startingAfter is not null) writer.WriteString("starting_after", startingAfter);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        private static void Check(SearchNode node, SearchFields fields, int depth)
        {
            switch (node)
            {
                case SearchGroup group:
                    if (depth >= MaxGroupDepth)
                        throw new ArgumentException($"A {fields.Resource} search nests AND/OR groups at most {MaxGroupDepth} deep, and this one nests them {depth + 1} deep: " +
                            "flatten it, e.g. (a OR b) AND (c OR d), or use IN for several values of one field.");
                    if (group.Nodes.Count == 0) throw new ArgumentException($"An {group.Operator} group of a {fields.Resource} search needs at least one filter.");
                    if (group.Nodes.Count > MaxFiltersPerGroup)
                        throw new ArgumentException($"A {fields.Resource} search takes at most {MaxFiltersPerGroup} filters in one AND or OR group, and this {group.Operator} group has {group.Nodes.Count}: " +
                            "split it into nested groups, or use IN for several values of one field.");
                    foreach (var child in group.Nodes) Check(child, fields, depth + 1);
                    break;
                case SearchFilter filter:
                    CheckFilter(filter, fields);
                    break;
            }
        }

        private static void CheckFilter(SearchFilter filter, SearchFields fields)
        {
            var field = fields.Find(filter.Field) ?? throw new ArgumentException($"A {fields.Resource} search has no field '{filter.Field}': use one of {fields.Names}.");
            if (!field.Operators.Contains(filter.Operator))
                throw new ArgumentException($"A {fields.Resource} search cannot use '{filter.Operator}' on {field.Name} ({field.TypeName}): it takes {string.Join(" ", field.Operators)}.");
            if (filter.TakesList)
            {
                if (filter.Value is not System.Collections.IEnumerable list || filter.Value is string)
                    throw new ArgumentException($"{filter.Operator} on {field.Name} takes a list of values, not one.");
                var count = 0;
                foreach (var item in list)
                {
                    CheckValue(field, filter, item, fields.Resource);
                    count++;
                }
                if (count == 0) throw new ArgumentException($"{filter.Operator} on {field.Name} needs at least one value.");
                return;
            }
            if (filter.Value is null)
            {
                if (filter.Operator == "=" || filter.Operator == "!=") return;
                throw new ArgumentException($"'{filter.Operator}' on {field.Name} needs a value; only = and != compare with null.");
            }
            CheckValue(field, filter, filter.Value, fields.Resource);
        }

        private static void CheckValue(SearchField field, SearchFilter filter, object? value, string resource)
        {
            var fits = field.Type switch
            {
                SearchValueType.String => value is string,
                SearchValueType.Integer => value is int || value is long,
                SearchValueType.Date => value is DateTime || value is int || value is long,
                SearchValueType.Boolean => value is bool,
                SearchValueType.Float => value is double || value is int || value is long,
                _ => false,
            };
            if (!fits)
                throw new ArgumentException($"A {resource} search compares {field.Name} with {field.TypeName} values, not {Describe(value)} ({filter}).");
        }

        private static string Describe(object? value) => value switch
        {
            null => "null",
            string text => $"the text '{text}'",
            _ => $"a {value.GetType().Name} ({value})",
        };
    }
}
