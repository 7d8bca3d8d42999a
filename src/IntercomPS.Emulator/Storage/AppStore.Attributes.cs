using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Data attributes. A custom contact attribute exists once it is defined on 2.14 (POST /data_attributes) or once
/// /v1 wrote it into some user's custom_data (v1 created attributes on first use, as the real service did). 2.14
/// refuses to write one that does not exist, as the real API does, so a script tested here does not break there; and
/// every contact write, on either face, must give a defined attribute a value of its declared type (the real API's
/// 400), so seats = 'notanumber' is refused rather than stored in an integer attribute. Names are unique across models,
/// as the real service's are ("You already have 'The One Ring' in your company data").
/// </summary>
internal sealed partial class AppStore
{
    /// <summary>The standard contact attributes we store, with their 2.14 data types.</summary>
    public static readonly IReadOnlyList<(string Name, string DataType, string Description)> Standard =
    [
        ("external_id", "string", "A unique identifier for the contact which is given to Intercom"),
        ("email", "string", "The contact's email"),
        ("name", "string", "The contact's name"),
        ("phone", "string", "The contact's phone"),
        ("role", "string", "user or lead"),
        ("signed_up_at", "date", "When the contact signed up"),
        ("last_seen_at", "date", "When the contact was last seen"),
        ("created_at", "date", "When the contact was created"),
        ("updated_at", "date", "When the contact was last updated"),
        ("unsubscribed_from_emails", "boolean", "Whether the contact is unsubscribed from emails"),
    ];

    /// <summary>The standard company attributes, as the description's list example names them.</summary>
    public static readonly IReadOnlyList<(string Name, string DataType, string Description)> StandardCompany =
    [
        ("id", "string", "The Intercom defined id representing the company"),
        ("company_id", "string", "The id you gave the company"),
        ("name", "string", "The name of a company"),
        ("created_at", "date", "The time the company was added to Intercom"),
        ("updated_at", "date", "The last time the company was updated"),
        ("remote_created_at", "date", "The time the company was created by you"),
        ("plan", "string", "A specific plan or level within your product that companies have signed up to"),
        ("monthly_spend", "float", "The monthly revenue you receive from a company"),
        ("size", "integer", "The number of people employed in this company, expressed as a single number"),
        ("industry", "string", "The category or domain this company belongs to e.g. 'ecommerce' or 'SaaS'"),
        ("website", "string", "The web address for the company's primary marketing site"),
        ("user_count", "integer", "The number of users in the company"),
        ("session_count", "integer", "All visits from anyone in a company to your product's site or app"),
    ];

    /// <summary>The standard attributes of a model (null: contact, then company).</summary>
    public static IEnumerable<DataAttributeRecord> StandardAttributes(string? model) =>
        (model is null or "contact" ? Standard.Select(a => new DataAttributeRecord(null, "contact", a.Name, a.DataType, a.Description, false, null)) : Enumerable.Empty<DataAttributeRecord>())
        .Concat(model is null or "company" ? StandardCompany.Select(a => new DataAttributeRecord(null, "company", a.Name, a.DataType, a.Description, false, null)) : Enumerable.Empty<DataAttributeRecord>());

    private const string AttributeColumns = "id, model, name, data_type, description, created_at, updated_at, options, archived";

    private static DataAttributeRecord ReadAttribute(Microsoft.Data.Sqlite.SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), true, r.GetInt64(5),
        r.IsDBNull(6) ? r.GetInt64(5) : r.GetInt64(6), r.IsDBNull(7) ? null : JsonSerializer.Deserialize<string[]>(r.GetString(7)), r.GetInt64(8) != 0);

    public Task<IReadOnlyList<DataAttributeRecord>> ListAttributesAsync(string? model, bool includeArchived) => Task.FromResult(db.Read(s =>
    {
        var defined = s.Query($"SELECT {AttributeColumns} FROM data_attributes WHERE app = $app ORDER BY id", ReadAttribute, ("$app", app));
        var names = defined.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

        // Written through /v1 only: contact attributes typed by the JSON type of a value seen.
        var used = model is null or "contact"
            ? s.Query("""
                SELECT j.key, MIN(j.type) FROM users u, json_each(u.custom_data) j WHERE u.app = $app AND j.type <> 'null' GROUP BY j.key ORDER BY j.key
                """, r => (Name: r.GetString(0), Type: r.GetString(1)), ("$app", app))
                .Where(u => !names.Contains(u.Name))
                .Select(u => new DataAttributeRecord(null, "contact", u.Name, u.Type switch { "integer" => "integer", "real" => "float", "true" or "false" => "boolean", _ => "string" }, null, true, null))
            : Enumerable.Empty<DataAttributeRecord>();
        IReadOnlyList<DataAttributeRecord> all = StandardAttributes(model)
            .Concat(defined.Where(a => (model is null || a.Model == model) && (includeArchived || !a.Archived)))
            .Concat(used).ToList();
        return all;
    }));

    public Task<DataAttributeRecord> CreateAttributeAsync(DataAttributeInput input) => db.WriteAsync(s =>
    {
        var existing = s.First("SELECT model FROM data_attributes WHERE app = $app AND name = $name", r => r.GetString(0), ("$app", app), ("$name", input.Name))
            ?? (StandardAttributes(input.Model).Any(a => a.Name == input.Name) || (input.Model == "contact" && UsedThroughV1(s, input.Name)) ? input.Model : null);
        if (existing is not null)
        {
            // The real service's words: a name is unique across the models.
            throw new ApiError(400, "bad_request", $"You already have '{input.Name}' in your {existing} data. To save this as new {(input.Model == "contact" ? "people" : "company")} data, use a different name.")
            {
                Code = "parameter_invalid",
                Field = "name",
            };
        }

        var now = Now;
        var id = s.Scalar<long>("""
            INSERT INTO data_attributes (app, model, name, data_type, description, options, created_at, updated_at)
            VALUES ($app, $model, $name, $type, $description, $options, $now, $now) RETURNING id
            """,
            ("$app", app), ("$model", input.Model), ("$name", input.Name), ("$type", input.DataType), ("$description", input.Description),
            ("$options", input.Options is null ? null : JsonSerializer.Serialize(input.Options)), ("$now", now));
        return new DataAttributeRecord(id, input.Model, input.Name, input.DataType, input.Description, true, now, now, input.Options);
    });

    /// <summary>
    /// Description, options and archived: what 2.14 lets an attribute change (never its type). Archiving one a contact
    /// still holds a value in is the real API's 422: here the contacts' values are the objects that depend on it.
    /// </summary>
    public Task<DataAttributeRecord> UpdateAttributeAsync(long id, DataAttributeChange change) => db.WriteAsync(s =>
    {
        var attribute = s.First($"SELECT {AttributeColumns} FROM data_attributes WHERE app = $app AND id = $id", ReadAttribute, ("$app", app), ("$id", id))
            ?? throw new ApiError(404, "not_found", "We couldn't find that data attribute to update") { Code = "field_not_found" };
        if (change.Options is not null && attribute.DataType != "string")
        {
            throw new ApiError(400, "bad_request", $"Options are for a list attribute (a string); {attribute.Name} is {attribute.DataType}") { Code = "parameter_invalid", Field = "options" };
        }

        if (change.Archived == true && !attribute.Archived && attribute.Model == "contact"
            && s.Scalar<long>("SELECT COUNT(*) FROM users u, json_each(u.custom_data) j WHERE u.app = $app AND j.key = $name AND j.type <> 'null'", ("$app", app), ("$name", attribute.Name)) > 0)
        {
            throw new ApiError(422, "unprocessable_entity", "The Data Attribute you are trying to archive has a dependant object") { Code = "data_invalid" };
        }

        var now = Now;
        s.Execute("""
            UPDATE data_attributes SET description = COALESCE($description, description), options = COALESCE($options, options),
                archived = COALESCE($archived, archived), updated_at = $now
            WHERE id = $id
            """,
            ("$description", change.Description), ("$options", change.Options is null ? null : JsonSerializer.Serialize(change.Options)),
            ("$archived", change.Archived is { } archived ? (object)(archived ? 1 : 0) : null), ("$now", now), ("$id", id));
        return s.First($"SELECT {AttributeColumns} FROM data_attributes WHERE id = $id", ReadAttribute, ("$id", id))!;
    });

    /// <summary>
    /// A 2.14 contact write's custom attributes: each must exist, and a defined one must be given a value of its type.
    /// </summary>
    private void CheckCustomAttributes(DbSession s, IReadOnlyDictionary<string, JsonElement>? attributes)
    {
        foreach (var name in attributes?.Keys ?? Enumerable.Empty<string>())
        {
            if (!Known(s, name))
            {
                throw new ApiError(400, "bad_request", $"Custom attribute '{name}' does not exist") { Code = "parameter_not_found", Field = $"custom_attributes.{name}" };
            }
        }

        CheckTypes(s, attributes, "custom_attributes", increments: null);
    }

    /// <summary>
    /// Every value written to a defined attribute of <paramref name="model"/> (a contact's, on either face, or a
    /// company's) is of its declared type (null clears any): string a JSON string, integer a whole number, float any
    /// number, boolean true or false, date (or datetime) UNIX seconds; a v1 increment needs a number attribute.
    /// Attributes only v1 has used, and a company's that were never defined, have no declared type.
    /// </summary>
    private void CheckTypes(DbSession s, IReadOnlyDictionary<string, JsonElement>? values, string field, IReadOnlyDictionary<string, JsonElement>? increments, string model = "contact")
    {
        if ((values is null || values.Count == 0) && (increments is null || increments.Count == 0))
        {
            return;
        }

        var declared = s.Query("SELECT name, data_type FROM data_attributes WHERE app = $app AND model = $model", r => (Name: r.GetString(0), Type: r.GetString(1)), ("$app", app), ("$model", model))
            .ToDictionary(a => a.Name, a => a.Type, StringComparer.Ordinal);
        foreach (var (name, value) in values ?? new Dictionary<string, JsonElement>())
        {
            if (declared.TryGetValue(name, out var type) && !IsOfType(value, type))
            {
                throw new ApiError(400, "bad_request", $"{field}.{name} must be {Describe(type)}, as the attribute is defined, not {Endpoints.Input.Kind(value)} {value.GetRawText()}")
                {
                    Code = "parameter_invalid",
                    Field = $"{field}.{name}",
                };
            }
        }

        foreach (var name in increments?.Keys ?? Enumerable.Empty<string>())
        {
            if (declared.TryGetValue(name, out var type) && type is not ("integer" or "float"))
            {
                throw new ApiError(400, "bad_request", $"increments.{name}: the attribute is defined as {Describe(type)}, so it cannot be incremented") { Code = "parameter_invalid", Field = $"increments.{name}" };
            }
        }
    }

    private static bool IsOfType(JsonElement value, string type) => value.ValueKind == JsonValueKind.Null || type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" or "date" or "datetime" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "float" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => true,
    };

    private static string Describe(string type) => type switch
    {
        "string" => "a string",
        "integer" => "an integer",
        "float" => "a number (float)",
        "boolean" => "a boolean (true or false)",
        _ => $"a {type} (UNIX seconds)",
    };

    private bool Known(DbSession s, string name) =>
        s.Scalar<long>("SELECT COUNT(*) FROM data_attributes WHERE app = $app AND model = 'contact' AND name = $name", ("$app", app), ("$name", name)) > 0
        || UsedThroughV1(s, name);

    private bool UsedThroughV1(DbSession s, string name) =>
        s.Scalar<long>("SELECT COUNT(*) FROM users u, json_each(u.custom_data) j WHERE u.app = $app AND j.key = $name", ("$app", app), ("$name", name)) > 0;
}
