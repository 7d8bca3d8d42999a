using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// Ticket types and their attributes, kept per app. A new type is made with its two default attributes
/// (_default_title_, a one-line string, and _default_description_, a multiline one, as the description says every
/// type is); an attribute's order is its place among the type's attributes when it was made.
/// </summary>
internal sealed partial class AppStore
{
    private const string TicketTypeColumns = "t.id, t.name, t.description, t.icon, t.category, t.is_internal, t.archived, t.created_at, t.updated_at";

    private const string TicketAttributeColumns = """
        a.id, a.ticket_type_id, a.name, a.description, a.data_type, a.multiline, a.list_items, a.allow_multiple_values, a.ord,
        a.required_to_create, a.required_to_create_for_contacts, a.visible_on_create, a.visible_to_contacts, a.is_default, a.archived, a.created_at, a.updated_at
        """;

    public Task<IReadOnlyList<TicketTypeRecord>> ListTicketTypesAsync() => Task.FromResult(db.Read(AllTicketTypes));

    public Task<TicketTypeRecord> GetTicketTypeAsync(string id) => Task.FromResult(db.Read(s => TicketType(s, id) ?? throw Model.TicketTypes.TypeNotFound()));

    /// <summary>A new type (checked by the caller: a name, a known category) with its two default attributes.</summary>
    public Task<TicketTypeRecord> CreateTicketTypeAsync(TicketTypeInput input) => db.WriteAsync(s =>
    {
        var now = Now;
        var id = s.Scalar<long>("""
            INSERT INTO ticket_types (app, name, description, icon, category, is_internal, archived, created_at, updated_at)
            VALUES ($app, $name, $description, $icon, $category, $internal, 0, $now, $now) RETURNING id
            """, ("$app", app), ("$name", input.Name), ("$description", input.Description ?? ""), ("$icon", input.Icon ?? TicketTypeRecord.DefaultIcon),
            ("$category", input.Category ?? "Customer"), ("$internal", input.IsInternal == true), ("$now", now));
        InsertTicketAttribute(s, id, now, 0, isDefault: true, new(Model.TicketTypes.TitleAttribute, "", "string", null, null, null, null, Multiline: false, null, null, null));
        InsertTicketAttribute(s, id, now, 1, isDefault: true, new(Model.TicketTypes.DescriptionAttribute, "", "string", null, null, null, null, Multiline: true, null, null, null));
        return TicketType(s, id.ToString(CultureInfo.InvariantCulture))!;
    });

    /// <summary>Changes what the update gives (checked by the caller); updated_at moves only when something changed.</summary>
    public Task<TicketTypeRecord> UpdateTicketTypeAsync(string id, TicketTypeInput change) => db.WriteAsync(s =>
    {
        var type = TicketType(s, id) ?? throw Model.TicketTypes.TypeNotFound();
        var updated = type.Changed(change);
        if (updated == type)
        {
            return type;
        }

        s.Execute("""
            UPDATE ticket_types SET name = $name, description = $description, icon = $icon, category = $category, is_internal = $internal,
                archived = $archived, updated_at = $now WHERE id = $id
            """, ("$id", type.Id), ("$name", updated.Name), ("$description", updated.Description), ("$icon", updated.Icon), ("$category", updated.Category),
            ("$internal", updated.IsInternal), ("$archived", updated.Archived), ("$now", Now));
        return TicketType(s, id)!;
    });

    /// <summary>A new attribute on the type (its fields checked by the caller, its name by the type), after the type's others.</summary>
    public Task<TicketTypeAttributeRecord> CreateTicketTypeAttributeAsync(string typeId, TicketTypeAttributeInput input) => db.WriteAsync(s =>
    {
        var type = TicketType(s, typeId) ?? throw Model.TicketTypes.TypeNotFound();
        type.CheckNewAttributeName(input.Name!);
        var id = InsertTicketAttribute(s, type.Id, Now, type.Attributes.Count, isDefault: false, input);
        TouchTicketType(s, type.Id);
        return TicketType(s, typeId)!.Attributes.First(a => a.Id == id);
    });

    /// <summary>Changes what the update gives, under the type's rules (<see cref="TicketTypeRecord.CheckUpdate"/>).</summary>
    public Task<TicketTypeAttributeRecord> UpdateTicketTypeAttributeAsync(string typeId, string attributeId, TicketTypeAttributeInput change) => db.WriteAsync(s =>
    {
        var type = TicketType(s, typeId) ?? throw Model.TicketTypes.TypeNotFound();
        var attribute = type.Attribute(attributeId);
        type.CheckUpdate(attribute, change);
        var updated = attribute.Changed(change);
        if (updated == attribute)
        {
            return attribute;
        }

        s.Execute("""
            UPDATE ticket_type_attributes SET name = $name, description = $description, multiline = $multiline, list_items = $list_items,
                allow_multiple_values = $multiple, required_to_create = $required, required_to_create_for_contacts = $required_contacts,
                visible_on_create = $visible, visible_to_contacts = $visible_contacts, archived = $archived, updated_at = $now WHERE id = $id
            """, ("$id", attribute.Id), ("$name", updated.Name), ("$description", updated.Description), ("$multiline", updated.Multiline),
            ("$list_items", updated.ListItems), ("$multiple", updated.AllowMultipleValues), ("$required", updated.RequiredToCreate),
            ("$required_contacts", updated.RequiredToCreateForContacts), ("$visible", updated.VisibleOnCreate), ("$visible_contacts", updated.VisibleToContacts),
            ("$archived", updated.Archived), ("$now", Now));
        TouchTicketType(s, type.Id);
        return TicketType(s, typeId)!.Attributes.First(a => a.Id == attribute.Id);
    });

    private static void TouchTicketType(DbSession s, long id) => s.Execute("UPDATE ticket_types SET updated_at = $now WHERE id = $id", ("$id", id), ("$now", Now));

    private static long InsertTicketAttribute(DbSession s, long typeId, long now, int order, bool isDefault, TicketTypeAttributeInput a) => s.Scalar<long>("""
        INSERT INTO ticket_type_attributes (ticket_type_id, name, description, data_type, multiline, list_items, allow_multiple_values, ord,
            required_to_create, required_to_create_for_contacts, visible_on_create, visible_to_contacts, is_default, archived, created_at, updated_at)
        VALUES ($type, $name, $description, $data_type, $multiline, $list_items, $multiple, $ord, $required, $required_contacts, $visible, $visible_contacts,
            $default, 0, $now, $now) RETURNING id
        """, ("$type", typeId), ("$name", a.Name), ("$description", a.Description ?? ""), ("$data_type", a.DataType),
        ("$multiline", a.DataType == "string" ? a.Multiline ?? false : null), ("$list_items", a.ListItems),
        ("$multiple", a.DataType == "files" ? a.AllowMultipleValues ?? false : null), ("$ord", order),
        ("$required", a.RequiredToCreate ?? false), ("$required_contacts", a.RequiredToCreateForContacts ?? false),
        ("$visible", a.VisibleOnCreate ?? true), ("$visible_contacts", a.VisibleToContacts ?? true), ("$default", isDefault), ("$now", now));

    /// <summary>The app's ticket types, in creation order, each with its attributes (two statements however many types).</summary>
    private IReadOnlyList<TicketTypeRecord> AllTicketTypes(DbSession s)
    {
        var attributes = s.Query($"""
            SELECT {TicketAttributeColumns} FROM ticket_type_attributes a JOIN ticket_types t ON t.id = a.ticket_type_id
            WHERE t.app = $app ORDER BY a.ord, a.id
            """, ReadTicketAttribute, ("$app", app)).ToLookup(a => a.TicketTypeId);
        return s.Query($"SELECT {TicketTypeColumns} FROM ticket_types t WHERE t.app = $app ORDER BY t.id", r => ReadTicketType(r, attributes[r.GetInt64(0)].ToList()), ("$app", app));
    }

    /// <summary>The app's ticket type of that id (a positive whole number; anything else names none), with its attributes.</summary>
    private TicketTypeRecord? TicketType(DbSession s, string id)
    {
        if (PositiveId(id) is not { } numeric)
        {
            return null;
        }

        var attributes = s.Query($"SELECT {TicketAttributeColumns} FROM ticket_type_attributes a WHERE a.ticket_type_id = $id ORDER BY a.ord, a.id",
            ReadTicketAttribute, ("$id", numeric));
        return s.First($"SELECT {TicketTypeColumns} FROM ticket_types t WHERE t.app = $app AND t.id = $id", r => ReadTicketType(r, attributes), ("$app", app), ("$id", numeric));
    }

    private static TicketTypeRecord ReadTicketType(SqliteDataReader r, IReadOnlyList<TicketTypeAttributeRecord> attributes) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5) != 0, r.GetInt64(6) != 0,
        r.GetInt64(7), r.GetInt64(8), attributes);

    private static TicketTypeAttributeRecord ReadTicketAttribute(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetInt64(5) != 0, Text(r, 6),
        r.IsDBNull(7) ? null : r.GetInt64(7) != 0, r.GetInt32(8), r.GetInt64(9) != 0, r.GetInt64(10) != 0, r.GetInt64(11) != 0, r.GetInt64(12) != 0,
        r.GetInt64(13) != 0, r.GetInt64(14) != 0, r.GetInt64(15), r.GetInt64(16));
}
