using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>Tags: unique by name within an app, linked to users through user_tags.</summary>
internal sealed partial class SqliteBackend
{
    public Task<TagRecord> GetTagAsync(string name) => Task.FromResult(db.Read(s => FindTag(s, name) ?? throw TagNotFound()));

    public Task<(TagRecord Tag, bool Created)> SaveTagAsync(TagInput input, bool create) => db.WriteAsync(s =>
    {
        var tag = FindTag(s, input.Name);
        var created = tag is null;
        if (tag is null)
        {
            if (!create)
            {
                throw TagNotFound();
            }

            if (input.TagOrUntag == "untag")
            {
                throw ApiError.BadRequest("tag_or_untag \"untag\" is not supported when creating a tag; create it first, then untag with PUT");
            }

            s.Execute($"INSERT INTO tags (app, intercom_id, name, color) VALUES ($app, {Schema.NewIntercomId}, $name, $color)",
                ("$app", app), ("$name", input.Name), ("$color", input.Color ?? "green"), ("$now", Now));
        }
        else if (input.Color is not null)
        {
            s.Execute("UPDATE tags SET color = $color WHERE id = $id", ("$color", input.Color), ("$id", tag.NumericId));
        }

        var tagId = s.Scalar<long>("SELECT id FROM tags WHERE app = $app AND name = $name", ("$app", app), ("$name", input.Name));

        // Identifiers that match no user are skipped: tagged_user_count shows what was really tagged.
        var sql = input.TagOrUntag == "untag"
            ? "DELETE FROM user_tags WHERE tag_id = $tag AND user_seq IN (SELECT seq FROM users WHERE app = $app AND {0} = $value)"
            : "INSERT OR IGNORE INTO user_tags (tag_id, user_seq) SELECT $tag, seq FROM users WHERE app = $app AND {0} = $value";
        foreach (var userId in input.UserIds)
        {
            s.Execute(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, "user_id"), ("$tag", tagId), ("$app", app), ("$value", userId));
        }

        foreach (var email in input.Emails)
        {
            s.Execute(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, "email"), ("$tag", tagId), ("$app", app), ("$value", email));
        }

        return (FindTag(s, input.Name)!, created);
    });

    private TagRecord? FindTag(DbSession s, string name) => s.First(
        "SELECT intercom_id, id, name, color, (SELECT COUNT(*) FROM user_tags WHERE tag_id = tags.id) FROM tags WHERE app = $app AND name = $name",
        r => new TagRecord(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt64(4)),
        ("$app", app), ("$name", name));

    private static ApiError TagNotFound() => ApiError.NotFound("The Tag was not found");
}
