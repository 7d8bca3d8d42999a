using System;
using System.Collections.Generic;
using System.Linq;

namespace IntercomPS.Client.V2.Search
{
    /// <summary>The types a search field's values have, as the description's field tables name them.</summary>
    public enum SearchValueType
    {
        String,
        Integer,
        Date,
        Boolean,

        /// <summary>Any number (a float custom attribute of a contact search).</summary>
        Float,
    }

    /// <summary>One searchable field of a resource: its name, its value type and the operators it takes.</summary>
    public sealed class SearchField
    {
        public SearchField(string name, SearchValueType type, IEnumerable<string> operators)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Type = type;
            Operators = (operators ?? throw new ArgumentNullException(nameof(operators))).ToArray();
        }

        public string Name { get; }

        public SearchValueType Type { get; }

        public IReadOnlyList<string> Operators { get; }

        /// <summary>How a message names the type: "a string", "a date".</summary>
        public string TypeName => Type switch
        {
            SearchValueType.String => "string",
            SearchValueType.Integer => "integer",
            SearchValueType.Date => "date",
            SearchValueType.Float => "number",
            _ => "boolean",
        };
    }

    /// <summary>
    /// The searchable fields of one resource (contacts, conversations...), which the caller supplies from that
    /// resource's table in the description, and the operators each takes: what <see cref="SearchQuery.Check"/> holds
    /// a query to. Fields may also be matched by prefix (custom_attributes.NAME), typed by the prefix's entry.
    /// </summary>
    public sealed class SearchFields
    {
        /// <summary>The description's operator table: = != IN NIN take every type, &gt; &lt; integers and dates, ~ !~ ^ $ strings.</summary>
        public static readonly IReadOnlyList<string> StringOperators = new[] { "=", "!=", "IN", "NIN", "~", "!~", "^", "$" };

        public static readonly IReadOnlyList<string> IntegerOperators = new[] { "=", "!=", "IN", "NIN", ">", "<" };

        public static readonly IReadOnlyList<string> DateOperators = IntegerOperators;

        public static readonly IReadOnlyList<string> BooleanOperators = new[] { "=", "!=", "IN", "NIN" };

        private readonly Dictionary<string, SearchField> _fields;
        private readonly SearchField[] _prefixes;

        /// <param name="resource">How messages name the search: "conversation", "contact".</param>
        /// <param name="fields">Its fields; a name ending in '.' is a prefix (custom_attributes.) whose entry types every field under it.</param>
        public SearchFields(string resource, IEnumerable<SearchField> fields)
        {
            Resource = resource ?? throw new ArgumentNullException(nameof(resource));
            var all = (fields ?? throw new ArgumentNullException(nameof(fields))).ToList();
            _prefixes = all.Where(field => field.Name.EndsWith(".", StringComparison.Ordinal)).ToArray();
            _fields = all.Where(field => !field.Name.EndsWith(".", StringComparison.Ordinal)).ToDictionary(field => field.Name, StringComparer.Ordinal);
        }

        /// <summary>A field typed with the description's operators for its type.</summary>
        public static SearchField Field(string name, SearchValueType type) => new SearchField(name, type, type switch
        {
            SearchValueType.String => StringOperators,
            SearchValueType.Integer => IntegerOperators,
            SearchValueType.Date => DateOperators,
            SearchValueType.Float => IntegerOperators,
            _ => BooleanOperators,
        });

        public string Resource { get; }

        /// <summary>The field of that name, or null when the resource has none.</summary>
        public SearchField? Find(string name)
        {
            if (_fields.TryGetValue(name, out var field)) return field;
            var prefix = _prefixes.FirstOrDefault(p => name.Length > p.Name.Length && name.StartsWith(p.Name, StringComparison.Ordinal));
            return prefix is null ? null : new SearchField(name, prefix.Type, prefix.Operators);
        }

        /// <summary>The fields' names, for messages.</summary>
        public string Names => string.Join(", ", _fields.Keys.Concat(_prefixes.Select(p => p.Name + "NAME")));
    }
}
