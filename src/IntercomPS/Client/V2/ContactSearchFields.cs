using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using IntercomPS.Client.V2.Search;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// 2.14's contact search, as its description states it: the fields (its table), the operators each type takes, and
    /// what dates mean (a calendar day in the workspace's time zone: = is that day, &gt; from the start of the next day,
    /// &lt; before the start of that day, and != &gt;= &lt;= IN NIN are errors). A condition's fields are resolved here as
    /// people name them: a custom attribute by its name (plan is custom_attributes.plan, typed by its definition), a tag
    /// by its name (tag is tag_id), a date by its day; an operator a date does not take is refused here, saying why.
    /// The rest of 2.14's rules (two levels of groups, 15 filters a group, each field's operators and value type) are
    /// the generic <see cref="SearchQuery.Check"/>'s, against <see cref="Table"/>, this workspace's contact fields.
    /// </summary>
    internal sealed class ContactSearchFields
    {
        private enum Kind
        {
            String,
            Integer,
            Float,
            Boolean,
            Date,
            Tag,
        }

        private static readonly Dictionary<Kind, string[]> Operators = new Dictionary<Kind, string[]>
        {
            [Kind.String] = new[] { "=", "!=", "IN", "NIN", "~", "!~", "^", "$" },
            [Kind.Integer] = new[] { "=", "!=", "IN", "NIN", ">", "<", ">=", "<=" },
            [Kind.Float] = new[] { "=", "!=", "IN", "NIN", ">", "<", ">=", "<=" },
            [Kind.Boolean] = new[] { "=", "!=", "IN", "NIN" },
            [Kind.Date] = new[] { "=", ">", "<" },
            [Kind.Tag] = new[] { "=", "!=" },
        };

        /// <summary>The description's table of contact search fields (custom_attributes.NAME apart).</summary>
        private static readonly Dictionary<string, Kind> Standard = new Dictionary<string, Kind>(StringComparer.Ordinal)
        {
            ["id"] = Kind.String, ["role"] = Kind.String, ["name"] = Kind.String, ["avatar"] = Kind.String, ["owner_id"] = Kind.Integer,
            ["email"] = Kind.String, ["email_domain"] = Kind.String, ["phone"] = Kind.String, ["external_id"] = Kind.String,
            ["created_at"] = Kind.Date, ["signed_up_at"] = Kind.Date, ["updated_at"] = Kind.Date, ["last_seen_at"] = Kind.Date,
            ["last_contacted_at"] = Kind.Date, ["last_replied_at"] = Kind.Date, ["last_email_opened_at"] = Kind.Date, ["last_email_clicked_at"] = Kind.Date,
            ["language_override"] = Kind.String, ["browser"] = Kind.String, ["browser_language"] = Kind.String, ["os"] = Kind.String,
            ["location.country"] = Kind.String, ["location.region"] = Kind.String, ["location.city"] = Kind.String,
            ["unsubscribed_from_emails"] = Kind.Boolean, ["marked_email_as_spam"] = Kind.Boolean, ["has_hard_bounced"] = Kind.Boolean,
            ["segment_id"] = Kind.String, ["tag_id"] = Kind.Tag,
        };

        /// <summary>What a person may call a field that the API names otherwise.</summary>
        private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["user_id"] = "external_id", ["tag"] = "tag_id", ["tag_name"] = "tag_id", ["last_request_at"] = "last_seen_at",
            ["last_impression_at"] = "last_seen_at", ["unsubscribed"] = "unsubscribed_from_emails",
        };

        private const string CustomPrefix = "custom_attributes.";

        private readonly Dictionary<string, DataAttribute> _custom;
        private readonly Tag[] _tags;
        private readonly TimeZoneInfo? _zone;
        private readonly string? _zoneName;

        /// <param name="custom">The workspace's custom contact attributes (their declared types type the values).</param>
        /// <param name="tags">The workspace's tags, when the condition names a tag by name.</param>
        /// <param name="zoneName">The workspace's time zone (GET /me's app.timezone), where its days begin.</param>
        public ContactSearchFields(IEnumerable<DataAttribute> custom, IEnumerable<Tag> tags, string? zoneName)
        {
            _custom = custom.Where(attribute => attribute.Custom && attribute.Name is not null).GroupBy(attribute => attribute.Name!, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
            _tags = tags.ToArray();
            _zoneName = zoneName;
            _zone = zoneName is null ? null : FindZone(zoneName);
        }

        /// <summary>Whether a field named so is one of the description's (or an alias of one): otherwise it is a custom attribute.</summary>
        public static bool IsStandard(string name) => Standard.ContainsKey(name) || Aliases.ContainsKey(name);

        /// <summary>Whether the field names a tag by its name (tag, tag_name), which GET /tags resolves to its id.</summary>
        public static bool IsTagName(string name) => Aliases.TryGetValue(name, out var field) && field == "tag_id";

        /// <summary>Whether the field is a date (a day needs the workspace's time zone).</summary>
        public static bool MayBeDate(string name) => !Standard.TryGetValue(Aliases.TryGetValue(name, out var field) ? field : name, out var kind) || kind == Kind.Date;

        /// <summary>The description's contact fields and the workspace's custom attributes, each with the operators it takes.</summary>
        public SearchFields Table => new SearchFields("2.14 contact", Standard.Select(entry => Typed(entry.Key, entry.Value))
            .Concat(_custom.Values.Select(attribute => Typed(CustomPrefix + attribute.Name, KindOf(attribute)))));

        private static SearchField Typed(string name, Kind kind) => new SearchField(name, kind switch
        {
            Kind.Integer => SearchValueType.Integer,
            Kind.Float => SearchValueType.Float,
            Kind.Boolean => SearchValueType.Boolean,
            Kind.Date => SearchValueType.Date,
            _ => SearchValueType.String,
        }, Operators[kind]);

        private static Kind KindOf(DataAttribute attribute) =>
            attribute.DataType switch { "integer" => Kind.Integer, "float" => Kind.Float, "boolean" => Kind.Boolean, "date" or "datetime" => Kind.Date, _ => Kind.String };

        /// <summary>The condition with the API's field names and values of each field's type.</summary>
        public SearchNode Translate(SearchNode node) => node switch
        {
            SearchGroup group => new SearchGroup(group.Operator, group.Nodes.Select(Translate)),
            SearchFilter filter => Translate(filter),
            _ => throw new ArgumentException($"A search condition cannot hold a {node.GetType().Name}."),
        };

        private SearchFilter Translate(SearchFilter filter)
        {
            var (field, kind) = Field(filter.Field);
            if (kind == Kind.Date && !Operators[kind].Contains(filter.Operator))
                throw new ArgumentException($"'{filter.Operator}' cannot be used on {field}, a date, in a 2.14 contact search: dates match by calendar day in the workspace's time zone " +
                    $"({_zoneName ?? "unknown"}), so only = (that day), > (from the start of the next day) and < (before the start of that day) work, and !=, >=, <=, IN and NIN are refused. " +
                    "For on or after a day use > with the day before; for on or before, < with the day after.");
            // Any other operator a field does not take is SearchQuery.Check's to refuse, against Table.
            if (!Operators[kind].Contains(filter.Operator)) return new SearchFilter(field, filter.Operator, filter.Value);
            if (filter.TakesList)
            {
                if (filter.Value is not IEnumerable list || filter.Value is string)
                    throw new ArgumentException($"{filter.Operator} on {field} takes a list of values ('a', 'b'), not one.");
                var values = list.Cast<object?>().Select(value => Value(field, kind, filter.ToString(), value)).ToArray();
                if (values.Length == 0) throw new ArgumentException($"{filter.Operator} on {field} needs at least one value.");
                return new SearchFilter(field, filter.Operator, values);
            }
            if (filter.Value is null)
            {
                if (filter.Operator is "=" or "!=") return new SearchFilter(field, filter.Operator, null);
                throw new ArgumentException($"'{filter.Operator}' on {field} needs a value; only = and != compare with null.");
            }
            return new SearchFilter(field, filter.Operator, Value(field, kind, filter.ToString(), filter.Value));
        }

        /// <summary>The API's name of a field and its kind.</summary>
        private (string Field, Kind Kind) Field(string name)
        {
            if (Aliases.TryGetValue(name, out var alias)) name = alias;
            if (Standard.TryGetValue(name, out var kind)) return (name, kind);
            var bare = name.StartsWith(CustomPrefix, StringComparison.Ordinal) ? name.Substring(CustomPrefix.Length) : name;
            if (_custom.TryGetValue(bare, out var attribute)) return (CustomPrefix + bare, KindOf(attribute));
            throw new ArgumentException($"A contact search has no field '{name}': it is neither one of the description's contact fields nor a custom attribute of the workspace " +
                "(Get-IntercomDataAttribute -Custom lists them). Fields: " + string.Join(", ", Standard.Keys) + ", tag (a tag's name), or a custom attribute's name.");
        }

        private object Value(string field, Kind kind, string filter, object? value)
        {
            switch (kind)
            {
                case Kind.Date:
                    return Day(field, value, filter);
                case Kind.Integer:
                    if (value is long or int) return Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    if (value is double real && real == Math.Floor(real) && Math.Abs(real) < 9e15) return (long)real;
                    if (value is string text && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) return whole;
                    break;
                case Kind.Float:
                    if (value is long or int or double or float or decimal) return Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (value is string number && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) return parsed;
                    break;
                case Kind.Boolean:
                    if (value is bool flag) return flag;
                    if (value is string word && bool.TryParse(word, out var read)) return read;
                    break;
                case Kind.Tag:
                    if (field == "tag_id" && value is string name && !name.All(char.IsDigit))
                    {
                        // A tag by its name: its id, as the search takes it.
                        var tag = _tags.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal)) ?? _tags.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
                        return tag?.Id ?? throw new ArgumentException($"No tag is named '{name}', so no user has it.");
                    }
                    return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                default:
                    if (value is string text2) return text2;
                    if (value is long or int or double) return Convert.ToString(value, CultureInfo.InvariantCulture)!;
                    break;
            }
            throw new ArgumentException($"{field} is {Describe(kind)}, and {Show(value)} is not one ({filter}).");
        }

        /// <summary>
        /// A date as the search takes it, UNIX seconds, whose calendar day in the workspace's time zone is what matches:
        /// a day (2026-01-01, or a [datetime] at midnight without a zone) is its midnight there; an instant is itself.
        /// </summary>
        private long Day(string field, object? value, string filter)
        {
            switch (value)
            {
                case long or int:
                    return Convert.ToInt64(value, CultureInfo.InvariantCulture);
                case DateTime time when time.Kind == DateTimeKind.Utc || time.TimeOfDay != TimeSpan.Zero:
                    return Json.UnixTime.FromDateTime(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));
                case DateTime day:
                    return Midnight(field, day.Date);
                case DateTimeOffset instant:
                    return instant.ToUnixTimeSeconds();
                case string text when DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    return Midnight(field, date);
                case string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at):
                    return at.ToUnixTimeSeconds();
                default:
                    throw new ArgumentException($"{field} is a date, and {Show(value)} is not one ({filter}): write a day as 2026-01-01, or give a [datetime] or UNIX seconds.");
            }
        }

        private long Midnight(string field, DateTime day)
        {
            if (_zone is null)
                throw new ArgumentException($"{field} matches by calendar day in the workspace's time zone ({_zoneName ?? "not known: GET /me gave none"}), which this system cannot place, " +
                    "so a day cannot be turned into the instant it starts: give that instant as UNIX seconds, or a [datetime] in UTC.");
            var local = DateTime.SpecifyKind(day, DateTimeKind.Unspecified);
            // A day whose midnight a clock change skips starts at the first valid time after it.
            while (_zone.IsInvalidTime(local)) local = local.AddMinutes(30);
            return Json.UnixTime.FromDateTime(TimeZoneInfo.ConvertTimeToUtc(local, _zone));
        }

        private static TimeZoneInfo? FindZone(string name)
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(name);
            }
            catch (Exception failure) when (failure is TimeZoneNotFoundException || failure is InvalidTimeZoneException)
            {
                return null; // Windows PowerShell 5.1 knows Windows zone names only: a day is refused with why, when one is given
            }
        }

        private static string Describe(Kind kind) => kind switch
        {
            Kind.String => "text",
            Kind.Integer => "an integer",
            Kind.Float => "a number",
            Kind.Boolean => "a boolean",
            Kind.Date => "a date",
            _ => "a tag",
        };

        private static string Show(object? value) => value switch
        {
            null => "$null",
            string text => $"'{text}'",
            _ => $"{value} ({value.GetType().Name})",
        };
    }
}
