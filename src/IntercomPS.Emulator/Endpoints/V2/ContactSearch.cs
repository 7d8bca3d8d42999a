using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// The search query language of POST /contacts/search and /conversations/search, translated to parameterised SQL: a filter {field, operator, value} or
/// a group {operator: AND|OR, value: [...]}, nested at most two groups deep with at most 15 filters per group, as
/// the real API allows. Each field accepts the operators the description lists for its type; any other is a 400
/// that names the field, the operator and what is allowed.
/// </summary>
internal sealed class ContactSearch(Dictionary<string, (string Sql, string Type)> fields, string defaultOrder, TimeZoneInfo? days)
{
    /// <summary>
    /// What a search body takes: the description's query and pagination, and sort, which Intercom documents in prose
    /// and the emulator applies (the description's schema has no sort).
    /// </summary>
    public static readonly FieldSet BodyFields = UnknownFields.Set(
        "query.field", "query.operator", "query.value.field", "query.value.operator", "query.value.value.field", "query.value.value.operator",
        "query.value.value.value", "pagination.per_page", "pagination.starting_after", "sort.field", "sort.order");

    private const int MaxFiltersPerGroup = 15;
    private const int MaxGroupDepth = 2;

    /// <summary>
    /// The most values an IN or NIN list takes. The list is bound as one JSON array whatever its length (so its cost
    /// grows with the list, where a parameter per value cost the square: SQLite finds a named parameter by a linear
    /// search), and bounded so one search cannot hold the emulator's CPU or memory.
    /// </summary>
    public const int MaxListValues = 10_000;

    private static readonly string[] StringOperators = ["=", "!=", "IN", "NIN", "~", "!~", "^", "$"];
    private static readonly string[] IntegerOperators = ["=", "!=", "IN", "NIN", "<", ">", "<=", ">="];
    private static readonly string[] BooleanOperators = ["=", "!=", "IN", "NIN"];
    private static readonly string[] DateOperators = ["=", "<", ">"];
    private static readonly string[] TagOperators = ["=", "!=", "IN", "NIN"];

    /// <summary>The searchable contact fields we store: SQL over users u and contact_details d, and their type.</summary>
    private static readonly Dictionary<string, (string Sql, string Type)> ContactFields = new(StringComparer.Ordinal)
    {
        ["id"] = ("u.intercom_id", "string"), // a String in the description: a client can partition by its last hex digit
        ["external_id"] = ("u.user_id", "string"),
        ["email"] = ("u.email", "string"),
        ["email_domain"] = ("CASE WHEN instr(u.email, '@') > 0 THEN substr(u.email, instr(u.email, '@') + 1) END", "string"), // what follows the @
        ["name"] = ("u.name", "string"),
        ["phone"] = ("d.phone", "string"),
        ["role"] = (AppStore.RoleSql, "string"),
        ["created_at"] = ("COALESCE(u.created_at, 0)", "date"),
        ["signed_up_at"] = ("u.created_at", "date"),
        ["updated_at"] = (AppStore.UpdatedAtSql, "date"),
        ["last_seen_at"] = ("u.last_impression_at", "date"),
        ["unsubscribed_from_emails"] = ("u.unsubscribed", "boolean"),
        ["tag_id"] = ("EXISTS (SELECT 1 FROM user_tags ut WHERE ut.user_seq = u.seq AND ut.tag_id {0})", "tag"),
        ["segment_id"] = ("EXISTS (SELECT 1 FROM segment_members sm JOIN segments sg ON sg.id = sm.segment_id WHERE sm.user_seq = u.seq AND sg.intercom_id {0})", "segment"),
    };

    /// <summary>
    /// The searchable conversation fields we store: SQL over threads t, users u and conversation_states cs. An unassigned
    /// conversation's assignee ids are 0, as an assignment to 0 unassigns it, so = 0 finds the unassigned.
    /// </summary>
    private static readonly Dictionary<string, (string Sql, string Type)> ConversationFields = new(StringComparer.Ordinal)
    {
        ["id"] = ("CAST(t.id AS TEXT)", "string"), // a String in the description, like the contact id
        ["created_at"] = ("t.created_at", "date"),
        ["updated_at"] = (AppStore.ConversationUpdatedAtSql, "date"),
        ["state"] = ("COALESCE(cs.state, 'open')", "string"),
        ["open"] = ("(COALESCE(cs.state, 'open') <> 'closed')", "boolean"),
        ["read"] = ("t.read", "boolean"),
        // Every contact taking part: its own contact, or the list once contacts were added or removed.
        ["contact_ids"] = ("""
            SELECT pu.intercom_id AS value FROM conversation_contacts cc JOIN users pu ON pu.seq = cc.user_seq WHERE cc.thread_id = t.id
            UNION ALL SELECT u.intercom_id WHERE NOT EXISTS (SELECT 1 FROM conversation_contacts cc WHERE cc.thread_id = t.id)
            """, "contacts"),
        ["source.author.email"] = ("u.email", "string"),
        ["source.body"] = ("(SELECT m.html FROM messages m WHERE m.thread_id = t.id ORDER BY m.id LIMIT 1)", "words"),
        ["admin_assignee_id"] = ("COALESCE(cs.admin_assignee_id, 0)", "integer"),
        ["team_assignee_id"] = ("COALESCE(cs.team_assignee_id, 0)", "integer"),
        ["snoozed_until"] = ("cs.snoozed_until", "date"),
        ["waiting_since"] = (AppStore.ConversationWaitingSinceSql, "date"),
        ["tag_ids"] = ("EXISTS (SELECT 1 FROM conversation_tags ct WHERE ct.thread_id = t.id AND ct.tag_id {0})", "tag"),
    };

    /// <summary>
    /// The searchable ticket fields we store: SQL over tickets k. title and description are the default attributes'
    /// values; category is searched by the description's terms (request, task, tracker); state by its category; the
    /// assignee ids are "0" when unassigned, as the ticket shows them. teammate_ids and ticket_attribute.{id} are not
    /// among them (the emulator keeps no teammates on a ticket, and matches no attribute by id).
    /// </summary>
    private static readonly Dictionary<string, (string Sql, string Type)> TicketFields = new(StringComparer.Ordinal)
    {
        ["id"] = ("CAST(k.id AS TEXT)", "string"),
        ["created_at"] = ("k.created_at", "date"),
        ["updated_at"] = ("k.updated_at", "date"),
        ["title"] = ("json_extract(k.attributes, '$._default_title_')", "string"),
        ["description"] = ("json_extract(k.attributes, '$._default_description_')", "string"),
        ["category"] = ("(SELECT CASE tt.category WHEN 'Customer' THEN 'request' WHEN 'Back-office' THEN 'task' ELSE 'tracker' END FROM ticket_types tt WHERE tt.id = k.ticket_type_id)", "string"),
        ["ticket_type_id"] = ("CAST(k.ticket_type_id AS TEXT)", "string"),
        ["contact_ids"] = ("(SELECT u.intercom_id FROM ticket_contacts tc JOIN users u ON u.seq = tc.user_seq WHERE tc.ticket_id = k.id)", "string"),
        ["admin_assignee_id"] = ("k.admin_assignee_id", "string"),
        ["team_assignee_id"] = ("k.team_assignee_id", "string"),
        ["open"] = ("k.open", "boolean"),
        ["state"] = ($"CASE k.state_id {string.Concat(TicketStates.All.Select(st => $"WHEN {st.Id} THEN '{st.Category}' "))}END", "string"),
        ["snoozed_until"] = ("k.snoozed_until", "date"),
        ["tag_ids"] = ("EXISTS (SELECT 1 FROM ticket_tags kt WHERE kt.ticket_id = k.id AND kt.tag_id {0})", "tag"),
    };

    private readonly List<(string, object?)> arguments = [];

    /// <summary>
    /// A contact search, whose dates match by calendar day in <paramref name="zone"/> (the app's, UTC unless given), as
    /// 2.14 documents: the value is truncated to its day there, = is that day, &gt; starts the next, &lt; ends before it.
    /// </summary>
    public static ContactQuery Contacts(JsonElement body, TimeZoneInfo? zone = null) => new ContactSearch(ContactFields, "u.seq", zone ?? TimeZoneInfo.Utc).Translate(body);

    /// <summary>A conversation search: its dates compare exact seconds (the calendar-day rule is the contact search's).</summary>
    public static ContactQuery Conversations(JsonElement body) => new ContactSearch(ConversationFields, "t.id", null).Translate(body);

    /// <summary>A ticket search, over the same language as the conversation search (exact seconds for dates).</summary>
    public static ContactQuery Tickets(JsonElement body) => new ContactSearch(TicketFields, "k.id", null).Translate(body);

    private ContactQuery Translate(JsonElement body)
    {
        if (Input.Field(body, "query") is not { ValueKind: JsonValueKind.Object } query)
        {
            throw Invalid("query", "query is required: a filter {field, operator, value} or a group {operator: AND|OR, value: [filters]}");
        }

        var where = Node(query, "query", depth: 0);
        var (sortKey, descending) = Sort(body);
        return new ContactQuery(where, sortKey, descending, arguments);
    }

    private string Node(JsonElement node, string path, int depth)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"{path} must be an object, not {Input.Kind(node)}");
        }

        var op = Input.String(node, "operator") ?? throw Invalid(path, $"{path}.operator is required");
        if (op is "AND" or "OR")
        {
            if (depth >= MaxGroupDepth)
            {
                throw Invalid(path, $"{path}: queries can nest AND/OR groups at most {MaxGroupDepth} deep");
            }

            if (Input.Field(node, "value") is not { ValueKind: JsonValueKind.Array } items || items.GetArrayLength() == 0)
            {
                throw Invalid(path, $"{path}.value must be a non-empty array of filters for {op}");
            }

            if (items.GetArrayLength() > MaxFiltersPerGroup)
            {
                throw Invalid(path, $"{path}.value has {items.GetArrayLength()} filters; at most {MaxFiltersPerGroup} are allowed in one group");
            }

            var parts = items.EnumerateArray().Select((item, i) => Node(item, $"{path}.value[{i}]", depth + 1));
            return "(" + string.Join($" {op} ", parts) + ")";
        }

        return Filter(node, path, op);
    }

    private string Filter(JsonElement node, string path, string op)
    {
        if (!StringOperators.Concat(IntegerOperators).Contains(op))
        {
            throw Invalid(path, $"{path}.operator '{op}' is not one of AND OR {string.Join(" ", StringOperators.Union(IntegerOperators))}");
        }

        var field = Input.String(node, "field") ?? throw Invalid(path, $"{path}.field is required");
        node.TryGetProperty("value", out var value);
        var (sql, type) = Resolve(field, value, path);
        var allowed = type switch
        {
            "string" or "words" or "contacts" => StringOperators,
            "integer" => IntegerOperators,
            "date" => DateOperators,
            "tag" or "segment" => TagOperators,
            _ => BooleanOperators,
        };
        if (!allowed.Contains(op))
        {
            throw Invalid(path, $"{path}: operator '{op}' is not supported for {field} ({type}); use one of {string.Join(" ", allowed)}");
        }

        return type switch
        {
            "words" => EachWord(sql, op, value, field, path),
            "contacts" => AnyContact(sql, op, value, field, path),
            _ => Compare(sql, op, value, type, field, path),
        };
    }

    /// <summary>
    /// A conversation's contact_ids is a set (a conversation may have contacts added to it): a positive operator holds
    /// when one of its contacts matches, a negative one (!=, !~, NIN) when none does. <paramref name="sql"/> selects them.
    /// </summary>
    private string AnyContact(string sql, string op, JsonElement value, string field, string path)
    {
        if (op is "=" or "IN")
        {
            // The same set, found by seeks: the conversations whose contacts changed by the contact's
            // conversation_contacts rows, the others by their own contact (threads.user_seq); never a subquery per conversation.
            return $"""
                t.id IN (SELECT cc.thread_id FROM users pu JOIN conversation_contacts cc ON cc.user_seq = pu.seq WHERE {Compare("pu.intercom_id", op, value, "string", field, path)}
                UNION ALL SELECT ot.id FROM users ou JOIN threads ot ON ot.user_seq = ou.seq WHERE {Compare("ou.intercom_id", op, value, "string", field, path)}
                AND NOT EXISTS (SELECT 1 FROM conversation_contacts ox WHERE ox.thread_id = ot.id))
                """;
        }

        var negative = op is "!=" or "!~" or "NIN";
        var positive = op switch { "!=" => "=", "!~" => "~", "NIN" => "IN", _ => op };
        var exists = $"EXISTS (SELECT 1 FROM ({sql}) c WHERE {Compare("c.value", positive, value, "string", field, path)})";
        return negative ? $"NOT {exists}" : exists;
    }

    /// <summary>
    /// source.body is matched against each of its words, not the whole text, as 2.14 describes (= "support" finds "I
    /// need support", = "need support" finds nothing): a positive operator holds when some word matches, a negative one
    /// (!=, !~, NIN) when none does. Words and values compare lowercased.
    /// </summary>
    private string EachWord(string sql, string op, JsonElement value, string field, string path)
    {
        var negative = op is "!=" or "!~" or "NIN";
        var positive = op switch { "!=" => "=", "!~" => "~", "NIN" => "IN", _ => op };
        var exists = $"EXISTS (SELECT 1 FROM json_each(body_words({sql})) w WHERE {Compare("w.value", positive, value, "words", field, path)})";
        return negative ? $"NOT {exists}" : exists;
    }

    /// <summary>The condition "<paramref name="sql"/> <paramref name="op"/> value", the value checked for the field's type.</summary>
    private string Compare(string sql, string op, JsonElement value, string type, string field, string path)
    {
        if (type is "tag" or "segment")
        {
            // A tag or segment field is a set: the condition holds when the contact's (or conversation's) tags or
            // segments include the value, or one of the list.
            var ids = op is "IN" or "NIN" ? $"IN (SELECT value FROM json_each({Parameter(List(Listed(value, op, path), type, field, path))}))"
                : value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? throw Invalid(path, $"{path}.value is required for {field} (a {type} id)")
                : $"= {Parameter(Scalar(value, type, field, path))}";
            var exists = string.Format(CultureInfo.InvariantCulture, sql, ids);
            return op is "=" or "IN" ? exists : $"NOT {exists}";
        }

        if (op is "IN" or "NIN")
        {
            _ = Listed(value, op, path);
            var list = $"SELECT value FROM json_each({Parameter(List(value, type, field, path))})";
            return op == "IN" ? $"{sql} IN ({list})" : $"({sql} IS NULL OR {sql} NOT IN ({list}))";
        }

        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return op switch
            {
                "=" => $"{sql} IS NULL",
                "!=" => $"{sql} IS NOT NULL",
                _ => throw Invalid(path, $"{path}.value is required for operator '{op}'"),
            };
        }

        if (type == "date" && days is not null)
        {
            var (start, next) = Day(Scalar(value, type, field, path), days, path, field);
            return op switch
            {
                "=" => $"({sql} >= {Parameter(start)} AND {sql} < {Parameter(next)})",
                ">" => $"{sql} >= {Parameter(next)}",
                _ => $"{sql} < {Parameter(start)}", // <: the only other operator a date takes
            };
        }

        if (op == "$" && sql == "u.intercom_id" && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: 1 } digit)
        {
            // A listing's partition: the same expression as ix_users_id_digit, so the page is an index seek. Ids are
            // stored in lowercase, and `$` ignores case.
            return $"substr(u.intercom_id, -1) = {Parameter(digit.ToLowerInvariant())}";
        }

        var p = Parameter(Scalar(value, type, field, path));
        return op switch
        {
            "=" => $"{sql} = {p}",
            "!=" => $"{sql} IS NOT {p}",
            "<" => $"{sql} < {p}",
            ">" => $"{sql} > {p}",
            "<=" => $"{sql} <= {p}",
            ">=" => $"{sql} >= {p}",
            "~" => $"instr(lower({sql}), lower({p})) > 0",
            "!~" => $"({sql} IS NULL OR instr(lower({sql}), lower({p})) = 0)",
            "^" => $"substr(lower({sql}), 1, length({p})) = lower({p})",
            _ => $"substr(lower({sql}), -length({p})) = lower({p})", // $
        };
    }

    /// <summary>The value of an IN or NIN filter: a non-empty array of at most <see cref="MaxListValues"/> values.</summary>
    private static JsonElement Listed(JsonElement value, string op, string path)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            throw Invalid(path, $"{path}.value must be a non-empty array for {op}");
        }

        if (value.GetArrayLength() > MaxListValues)
        {
            throw Invalid(path, $"{path}.value has {value.GetArrayLength()} values; IN and NIN take at most {MaxListValues}");
        }

        return value;
    }

    /// <summary>A field's SQL and type; custom_attributes.NAME is typed by the value searched for.</summary>
    private (string Sql, string Type) Resolve(string field, JsonElement value, string path)
    {
        if (fields.TryGetValue(field, out var known))
        {
            return known;
        }

        const string prefix = "custom_attributes.";
        if (fields == ContactFields && field.StartsWith(prefix, StringComparison.Ordinal) && field.Length > prefix.Length)
        {
            var name = field[prefix.Length..];
            if (name.AsSpan().IndexOfAny(NotInNames) >= 0)
            {
                // Each would end the JSON path the name is looked up by (a quote, a backslash) or cannot be in one.
                throw Invalid(path, $"{path}.field: custom attribute names cannot contain a double quote, a backslash or a control character");
            }

            var sample = value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 ? value[0] : value;
            var type = sample.ValueKind switch
            {
                JsonValueKind.Number => "integer",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                _ => "string",
            };
            return ($"json_extract(u.custom_data, {Parameter($"$.\"{name}\"")})", type);
        }

        throw Invalid(path, $"{path}.field '{field}' is not a field this emulator can search; use one of {string.Join(", ", fields.Keys)}{(fields == ContactFields ? " or custom_attributes.NAME" : "")}");
    }

    private static readonly System.Buffers.SearchValues<char> NotInNames = System.Buffers.SearchValues.Create(
        "\"\\" + new string(Enumerable.Range(0, 32).Select(c => (char)c).Append((char)127).ToArray()));

    /// <summary>An IN or NIN list as one JSON array of its values, each checked and typed as <see cref="Scalar"/> would.</summary>
    private static string List(JsonElement values, string type, string field, string path)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var item in values.EnumerateArray())
            {
                switch (Scalar(item, type, field, path))
                {
                    case string text: w.WriteStringValue(text); break;
                    case long number: w.WriteNumberValue(number); break;
                    case double number: w.WriteNumberValue(number); break;
                }
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static object Scalar(JsonElement v, string type, string field, string path)
    {
        switch (type)
        {
            case "tag":
                return v.ValueKind switch
                {
                    JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var t) => t,
                    JsonValueKind.Number when v.TryGetInt64(out var n) => n,
                    _ => throw WrongType(path, field, "a tag id", v),
                };
            case "string":
                return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw WrongType(path, field, "a string", v);
            case "segment":
                return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw WrongType(path, field, "a segment id", v);
            case "words":
                return v.ValueKind == JsonValueKind.String ? v.GetString()!.ToLowerInvariant() : throw WrongType(path, field, "a string", v);
            case "boolean":
                return v.ValueKind switch
                {
                    JsonValueKind.True => 1L,
                    JsonValueKind.False => 0L,
                    // As a number may come as its string: the official Node SDK types the value string | number | array, no boolean.
                    JsonValueKind.String when v.GetString() == "true" => 1L,
                    JsonValueKind.String when v.GetString() == "false" => 0L,
                    _ => throw WrongType(path, field, "a boolean", v),
                };
            default: // integer, date
                return v.ValueKind switch
                {
                    JsonValueKind.Number when v.TryGetInt64(out var n) => n,
                    JsonValueKind.Number when v.TryGetDouble(out var d) && double.IsFinite(d) => d,
                    JsonValueKind.Number => throw Invalid(path, Input.BeyondDouble($"{path}.value for {field}", v)),
                    JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) => s,
                    _ => throw WrongType(path, field, type == "date" ? "a UNIX timestamp" : "a number", v),
                };
        }
    }

    /// <summary>
    /// The day a UNIX time falls on in <paramref name="zone"/>, as the instants it starts and the next day starts. A
    /// zone that skips midnight (a daylight-saving change at 00:00) starts the day at its first valid time.
    /// </summary>
    private static (long Start, long Next) Day(object value, TimeZoneInfo zone, string path, string field)
    {
        var seconds = Math.Floor(Convert.ToDouble(value, CultureInfo.InvariantCulture));
        if (seconds < Input.MinTimestamp || seconds > Input.MaxTimestamp)
        {
            throw Invalid(path, $"{path}.value for {field} must be a UNIX timestamp from {Input.MinTimestamp} to {Input.MaxTimestamp} (the years 1 to 9999)");
        }

        var utc = DateTime.UnixEpoch.AddSeconds(seconds);
        var offset = zone.GetUtcOffset(utc);
        var local = offset > TimeSpan.Zero && utc > DateTime.MaxValue - offset ? DateTime.MaxValue
            : offset < TimeSpan.Zero && utc < DateTime.MinValue - offset ? DateTime.MinValue
            : utc + offset;
        var date = DateTime.SpecifyKind(local.Date, DateTimeKind.Unspecified); // a wall-clock date in the zone
        return (StartOf(date, zone), date >= DateTime.MaxValue.Date ? Input.MaxTimestamp + 1 : StartOf(date.AddDays(1), zone));
    }

    private static long StartOf(DateTime localDate, TimeZoneInfo zone)
    {
        var time = localDate;
        while (zone.IsInvalidTime(time))
        {
            time = time.AddMinutes(15);
        }

        // At an ambiguous midnight (clocks went back over it) the day starts at its first occurrence, the larger offset.
        var offset = zone.IsAmbiguousTime(time) ? zone.GetAmbiguousTimeOffsets(time).Max() : zone.GetUtcOffset(time);
        return (long)(time - DateTime.UnixEpoch).TotalSeconds - (long)offset.TotalSeconds;
    }

    private (string Sql, bool Descending) Sort(JsonElement body)
    {
        if (Input.Field(body, "sort") is not { } sort)
        {
            return (defaultOrder, false);
        }

        if (sort.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("sort", $"sort must be an object {{field, order}}, not {Input.Kind(sort)}");
        }

        var field = Input.String(sort, "field") ?? throw Invalid("sort", "sort.field is required");
        if (!fields.TryGetValue(field, out var known) || known.Type is "tag" or "segment" or "words" or "contacts")
        {
            throw Invalid("sort", $"sort.field '{field}' is not a field this emulator can sort on; use one of {string.Join(", ", fields.Where(f => f.Value.Type is not ("tag" or "segment" or "words" or "contacts")).Select(f => f.Key))}");
        }

        // A conversation's or ticket's id filters as the String the description types it, but sorts as the number it is (creation order).
        var sql = field != "id" ? known.Sql : fields == ConversationFields ? "t.id" : fields == TicketFields ? "k.id" : known.Sql;
        var order = Input.String(sort, "order") ?? "ascending";
        return order switch
        {
            "ascending" or "asc" => (sql, false),
            "descending" or "desc" => (sql, true),
            _ => throw Invalid("sort", $"sort.order must be ascending or descending, not '{order}'"),
        };
    }

    private string Parameter(object value)
    {
        var name = "$p" + arguments.Count.ToString(CultureInfo.InvariantCulture);
        arguments.Add((name, value));
        return name;
    }

    private static ApiError WrongType(string path, string field, string expected, JsonElement v) =>
        Invalid(path, $"{path}.value for {field} must be {expected}, not {Input.Kind(v)}");

    public static ApiError Invalid(string field, string message) => new(400, "bad_request", message) { Code = "parameter_invalid", Field = field };
}
