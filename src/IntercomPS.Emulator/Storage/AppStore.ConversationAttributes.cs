using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Conversation attributes and macros (2.16). An attribute's options live in one JSON column, so an option change is
/// one read-modify-write of the attribute, checked by the endpoint's change under the write's lock. Macros are only
/// seeded (/admin), as the API only reads them.
/// </summary>
internal sealed partial class AppStore
{
    private const string ConversationAttributeColumns =
        "id, name, description, data_type, required, team_ids, archived, created_at, updated_at, admin_id, multiline, options, reference";

    private static ConversationAttributeRecord ReadConversationAttribute(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4) != 0, JsonSerializer.Deserialize<string[]>(r.GetString(5)) ?? [],
        r.GetInt64(6) != 0, r.GetInt64(7), r.GetInt64(8), r.GetString(9), r.GetInt64(10) != 0,
        JsonSerializer.Deserialize<ConversationAttributeOption[]>(r.GetString(11)) ?? [],
        r.IsDBNull(12) ? null : JsonSerializer.Deserialize<ConversationAttributeReference>(r.GetString(12)));

    /// <summary>2.16's 404 for a conversation attribute, in the description's words.</summary>
    public static ApiError ConversationAttributeNotFound() =>
        new(404, "not_found", "Conversation attribute not found") { Code = "conversation_attribute_not_found" };

    public Task<IReadOnlyList<ConversationAttributeRecord>> ListConversationAttributesAsync(bool includeArchived) => Task.FromResult<IReadOnlyList<ConversationAttributeRecord>>(db.Read(s =>
        s.Query($"SELECT {ConversationAttributeColumns} FROM conversation_attributes WHERE app = $app AND ($all OR archived = 0) ORDER BY id",
            ReadConversationAttribute, ("$app", app), ("$all", includeArchived ? 1 : 0))));

    public Task<ConversationAttributeRecord> GetConversationAttributeAsync(long id) =>
        Task.FromResult(db.Read(s => ConversationAttribute(s, id) ?? throw ConversationAttributeNotFound()));

    public Task<ConversationAttributeRecord> CreateConversationAttributeAsync(ConversationAttributeRecord input) => db.WriteAsync(s =>
    {
        CheckNewName(s, input.Name, except: null);
        var now = Now;
        var id = s.Scalar<long>($"""
            INSERT INTO conversation_attributes (app, name, description, data_type, required, team_ids, archived, created_at, updated_at, admin_id, multiline, options, reference)
            VALUES ($app, $name, $description, $type, $required, $teams, 0, $now, $now, $admin, $multiline, $options, $reference) RETURNING id
            """, ("$app", app), ("$name", input.Name), ("$description", input.Description), ("$type", input.DataType), ("$required", input.Required ? 1 : 0),
            ("$teams", JsonSerializer.Serialize(input.VisibleToTeamIds)), ("$now", now), ("$admin", admin.Id), ("$multiline", input.Multiline ? 1 : 0),
            ("$options", JsonSerializer.Serialize(input.Options)), ("$reference", input.Reference is null ? null : JsonSerializer.Serialize(input.Reference)));
        return ConversationAttribute(s, id)!;
    });

    public Task<ConversationAttributeRecord> ChangeConversationAttributeAsync(long id, Func<ConversationAttributeRecord, ConversationAttributeRecord> change) => db.WriteAsync(s =>
    {
        var before = ConversationAttribute(s, id) ?? throw ConversationAttributeNotFound();
        var after = change(before);
        if (after.Name != before.Name)
        {
            CheckNewName(s, after.Name, except: id);
        }

        s.Execute("""
            UPDATE conversation_attributes SET name = $name, description = $description, required = $required, team_ids = $teams, archived = $archived,
                updated_at = $now, multiline = $multiline, options = $options, reference = $reference
            WHERE id = $id
            """, ("$name", after.Name), ("$description", after.Description), ("$required", after.Required ? 1 : 0), ("$teams", JsonSerializer.Serialize(after.VisibleToTeamIds)),
            ("$archived", after.Archived ? 1 : 0), ("$now", Math.Max(Now, before.UpdatedAt)), ("$multiline", after.Multiline ? 1 : 0),
            ("$options", JsonSerializer.Serialize(after.Options)), ("$reference", after.Reference is null ? null : JsonSerializer.Serialize(after.Reference)), ("$id", id));
        return ConversationAttribute(s, id)!;
    });

    /// <summary>A name is unique among the app's conversation attributes, archived ones included, ignoring case (as Intercom's settings refuse a second "Priority").</summary>
    private void CheckNewName(DbSession s, string name, long? except)
    {
        if (s.Scalar<long>("SELECT COUNT(*) FROM conversation_attributes WHERE app = $app AND name = $name COLLATE NOCASE AND id <> $except",
                ("$app", app), ("$name", name), ("$except", except ?? 0)) > 0)
        {
            throw new ApiError(422, "unprocessable_entity", $"A conversation attribute named '{name}' already exists") { Code = "parameter_invalid", Field = "name" };
        }
    }

    private ConversationAttributeRecord? ConversationAttribute(DbSession s, long id) =>
        s.First($"SELECT {ConversationAttributeColumns} FROM conversation_attributes WHERE app = $app AND id = $id", ReadConversationAttribute, ("$app", app), ("$id", id));

    private const string MacroColumns = "id, name, body, created_at, updated_at, visible_to, team_ids, available_on";

    private static MacroRecord ReadMacro(SqliteDataReader r) => new(
        r.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.GetInt64(4),
        r.GetString(5), JsonSerializer.Deserialize<string[]>(r.GetString(6)) ?? [], JsonSerializer.Deserialize<string[]>(r.GetString(7)) ?? []);

    public Task<IReadOnlyList<MacroRecord>> ListMacrosAsync() => Task.FromResult<IReadOnlyList<MacroRecord>>(db.Read(s =>
        s.Query($"SELECT {MacroColumns} FROM macros WHERE app = $app ORDER BY id", ReadMacro, ("$app", app))));

    /// <summary>/admin's new macro (checked by the caller); its teams must be the app's.</summary>
    public Task<MacroRecord> SeedMacroAsync(MacroRecord input) => db.WriteAsync(s =>
    {
        var teams = Teams(s).Select(t => t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        if (input.VisibleToTeamIds.FirstOrDefault(t => !teams.Contains(t)) is { } unknown)
        {
            throw ApiError.BadRequest($"visible_to_team_ids: '{unknown}' is not a team of this app (GET /teams lists them)");
        }

        var id = s.Scalar<long>("""
            INSERT INTO macros (app, name, body, visible_to, team_ids, available_on, created_at, updated_at)
            VALUES ($app, $name, $body, $visible, $teams, $surfaces, $created, $updated) RETURNING id
            """, ("$app", app), ("$name", input.Name), ("$body", input.Body), ("$visible", input.VisibleTo), ("$teams", JsonSerializer.Serialize(input.VisibleToTeamIds)),
            ("$surfaces", JsonSerializer.Serialize(input.AvailableOn)), ("$created", input.CreatedAt), ("$updated", input.UpdatedAt));
        return s.First($"SELECT {MacroColumns} FROM macros WHERE id = $id", ReadMacro, ("$id", id))!;
    });
}
