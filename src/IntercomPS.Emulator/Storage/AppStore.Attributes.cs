using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Contact data attributes. A custom attribute exists once it is defined on 2.14 (POST /data_attributes) or once
/// /v1 wrote it into some user's custom_data (v1 created attributes on first use, as the real service did). 2.14
/// refuses to write one that does not exist, as the real API does, so a script tested here does not break there.
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

    public Task<IReadOnlyList<DataAttributeRecord>> ListAttributesAsync() => Task.FromResult(db.Read(s =>
    {
        var defined = s.Query("SELECT id, name, data_type, description, created_at FROM data_attributes WHERE app = $app ORDER BY id",
            r => new DataAttributeRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), true, r.GetInt64(4)),
            ("$app", app));
        var names = defined.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

        // Written through /v1 only: typed by the JSON type of a value seen.
        var used = s.Query("""
            SELECT j.key, MIN(j.type) FROM users u, json_each(u.custom_data) j WHERE u.app = $app AND j.type <> 'null' GROUP BY j.key ORDER BY j.key
            """, r => (Name: r.GetString(0), Type: r.GetString(1)), ("$app", app))
            .Where(u => !names.Contains(u.Name))
            .Select(u => new DataAttributeRecord(null, u.Name, u.Type switch { "integer" => "integer", "real" => "float", "true" or "false" => "boolean", _ => "string" }, null, true, null));
        IReadOnlyList<DataAttributeRecord> all = Standard.Select(a => new DataAttributeRecord(null, a.Name, a.DataType, a.Description, false, null))
            .Concat(defined).Concat(used).ToList();
        return all;
    }));

    public Task<DataAttributeRecord> CreateAttributeAsync(string name, string dataType, string? description) => db.WriteAsync(s =>
    {
        if (Standard.Any(a => a.Name == name) || Known(s, name))
        {
            throw new ApiError(400, "bad_request", $"You already have a data attribute called {name}") { Code = "parameter_invalid", Field = "name" };
        }

        var now = Now;
        var id = s.Scalar<long>("INSERT INTO data_attributes (app, name, data_type, description, created_at) VALUES ($app, $name, $type, $description, $now) RETURNING id",
            ("$app", app), ("$name", name), ("$type", dataType), ("$description", description), ("$now", now));
        return new DataAttributeRecord(id, name, dataType, description, true, now);
    });

    private void CheckCustomAttributes(DbSession s, IReadOnlyDictionary<string, JsonElement>? attributes)
    {
        foreach (var name in attributes?.Keys ?? Enumerable.Empty<string>())
        {
            if (!Known(s, name))
            {
                throw new ApiError(400, "bad_request", $"Custom attribute '{name}' does not exist") { Code = "parameter_not_found", Field = $"custom_attributes.{name}" };
            }
        }
    }

    private bool Known(DbSession s, string name) =>
        s.Scalar<long>("SELECT COUNT(*) FROM data_attributes WHERE app = $app AND name = $name", ("$app", app), ("$name", name)) > 0
        || s.Scalar<long>("SELECT COUNT(*) FROM users u, json_each(u.custom_data) j WHERE u.app = $app AND j.key = $name", ("$app", app), ("$name", name)) > 0;
}
