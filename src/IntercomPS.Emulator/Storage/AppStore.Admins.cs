using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// An app's admins (teammates) and teams. The first admin comes from the emulator's options and is not stored (it is
/// whose token the app's key is); /admin/admins and /admin/teams add more, so conversations can be assigned and
/// written by several. An admin's team_ids and a team's admin_ids are the one team_admins table read both ways.
/// </summary>
internal sealed partial class AppStore
{
    private const string AdminColumns = "a.id, a.name, a.email, COALESCE(w.away, a.away), COALESCE(w.reassign, a.reassign), w.reason_id";

    /// <summary>Every admin of the app, its first admin first, then the seeded ones in the order they were added.</summary>
    public Task<IReadOnlyList<AdminRecord>> ListAdminsAsync() => Task.FromResult<IReadOnlyList<AdminRecord>>(db.Read(Admins));

    public Task<AdminRecord> GetAdminAsync(string id) => Task.FromResult(db.Read(s => Admins(s).FirstOrDefault(a => a.Id == id)) ?? throw AdminNotFound());

    public Task<IReadOnlyList<TeamRecord>> ListTeamsAsync() => Task.FromResult<IReadOnlyList<TeamRecord>>(db.Read(Teams));

    public Task<TeamRecord> GetTeamAsync(long id) => Task.FromResult(db.Read(s => Teams(s).FirstOrDefault(t => t.Id == id)) ?? throw TeamNotFound());

    /// <summary>
    /// A team's metrics (2.16's GET /teams/{team_id}/metrics), one line per admin of the team in its admin_ids order:
    /// the conversations assigned to that admin that are open, that are open with nothing written or changed for
    /// <paramref name="idleSeconds"/> (the conversation's updated_at; open counts them too), and that are snoozed.
    /// </summary>
    public Task<IReadOnlyList<TeamMetricRecord>> TeamMetricsAsync(long teamId, long idleSeconds) => Task.FromResult<IReadOnlyList<TeamMetricRecord>>(db.Read(s =>
    {
        var team = Teams(s).FirstOrDefault(t => t.Id == teamId) ?? throw TeamNotFound();
        var quietSince = Now - idleSeconds;
        var counts = s.Query($"""
            SELECT cs.admin_assignee_id,
                   SUM(cs.state = 'open'), SUM(cs.state = 'open' AND {ConversationUpdatedAtSql} <= $quiet), SUM(cs.state = 'snoozed')
            FROM conversation_states cs JOIN threads t ON t.id = cs.thread_id
            WHERE t.app = $app AND cs.admin_assignee_id IS NOT NULL
            GROUP BY cs.admin_assignee_id
            """, r => (Admin: r.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture), Open: r.GetInt64(1), Idle: r.GetInt64(2), Snoozed: r.GetInt64(3)),
            ("$app", app), ("$quiet", quietSince)).ToDictionary(c => c.Admin);
        return team.AdminIds.Select(admin => counts.TryGetValue(admin, out var c) ? new TeamMetricRecord(admin, c.Open, c.Idle, c.Snoozed) : new TeamMetricRecord(admin, 0, 0, 0)).ToList();
    }));

    /// <summary>A new admin of the app (/admin/admins); its id is derived from the app and email, so a script can know it.</summary>
    public Task<AdminRecord> AddAdminAsync(string name, string email, bool away, bool reassign) => db.WriteAsync(s =>
    {
        if (string.Equals(email, admin.Email, System.StringComparison.OrdinalIgnoreCase)
            || s.Scalar<long>("SELECT COUNT(*) FROM admins WHERE app = $app AND email = $email COLLATE NOCASE", ("$app", app), ("$email", email)) > 0)
        {
            throw ApiError.BadRequest($"The app already has an admin with email '{email}'");
        }

        s.Execute("INSERT INTO admins (app, id, name, email, away, reassign) VALUES ($app, $id, $name, $email, $away, $reassign)",
            ("$app", app), ("$id", AdminRecord.NumericId(app + "\n" + email.ToLowerInvariant())), ("$name", name), ("$email", email), ("$away", away), ("$reassign", reassign));
        return Admins(s)[^1];
    });

    /// <summary>
    /// Sets the admin of that id away or back (PUT /admins/{id}/away): whether new replies are reassigned meanwhile, and
    /// why it is away (kept only while away), logging the change (<see cref="LogAwayChange"/>). The admin as it now is,
    /// or the 404 admin_not_found.
    /// </summary>
    public Task<AdminRecord> SetAwayAsync(string id, bool away, bool reassign, long? reasonId) => db.WriteAsync(s =>
    {
        var before = AdminById(s, id);
        s.Execute("""
            INSERT INTO admin_away (app, admin_id, away, reassign, reason_id) VALUES ($app, $id, $away, $reassign, $reason)
            ON CONFLICT (app, admin_id) DO UPDATE SET away = excluded.away, reassign = excluded.reassign, reason_id = excluded.reason_id
            """, ("$app", app), ("$id", id), ("$away", away), ("$reassign", reassign), ("$reason", away ? reasonId : null));
        var after = AdminById(s, id);
        LogAwayChange(s, before, after);
        return after;
    });

    /// <summary>A new team of the app (/admin/teams) with these admins, every one of them an admin of the app.</summary>
    public Task<TeamRecord> AddTeamAsync(string name, IReadOnlyList<string> adminIds) => db.WriteAsync(s =>
    {
        var known = Admins(s).Select(a => a.Id).ToHashSet();
        if (adminIds.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
        {
            throw ApiError.BadRequest($"admin_ids: '{unknown}' is not an admin of this app (GET /admins lists them)");
        }

        if (s.Scalar<long>("SELECT COUNT(*) FROM teams WHERE app = $app AND name = $name", ("$app", app), ("$name", name)) > 0)
        {
            throw ApiError.BadRequest($"The app already has a team named '{name}'");
        }

        var id = s.Scalar<long>("INSERT INTO teams (app, name) VALUES ($app, $name) RETURNING id", ("$app", app), ("$name", name));
        foreach (var adminId in adminIds.Distinct())
        {
            s.Execute("INSERT INTO team_admins (team_id, admin_id) VALUES ($team, $admin)", ("$team", id), ("$admin", adminId));
        }

        return Teams(s).First(t => t.Id == id);
    });

    /// <summary>The admin of that id, or the 2.14 admin_not_found 404.</summary>
    private AdminRecord AdminById(DbSession s, string id) => Admins(s).FirstOrDefault(a => a.Id == id) ?? throw AdminNotFound();

    private List<AdminRecord> Admins(DbSession s)
    {
        var teams = s.Query("SELECT ta.admin_id, ta.team_id FROM team_admins ta JOIN teams t ON t.id = ta.team_id WHERE t.app = $app ORDER BY ta.team_id",
            r => (Admin: r.GetString(0), Team: r.GetInt64(1)), ("$app", app)).ToLookup(m => m.Admin, m => m.Team);
        var stored = s.Query($"SELECT {AdminColumns} FROM admins a LEFT JOIN admin_away w ON w.app = a.app AND w.admin_id = a.id WHERE a.app = $app ORDER BY a.seq",
            r => new AdminRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3) != 0, r.GetInt64(4) != 0, AwayReasonId: r.IsDBNull(5) ? null : r.GetInt64(5)),
            ("$app", app));
        var first = s.Query("SELECT away, reassign, reason_id FROM admin_away WHERE app = $app AND admin_id = $id",
            r => admin with { Away = r.GetInt64(0) != 0, Reassign = r.GetInt64(1) != 0, AwayReasonId = r.IsDBNull(2) ? null : r.GetInt64(2) },
            ("$app", app), ("$id", admin.Id)).SingleOrDefault() ?? admin;
        return [first with { TeamIds = [.. teams[admin.Id]] }, .. stored.Select(a => a with { TeamIds = [.. teams[a.Id]] })];
    }

    private List<TeamRecord> Teams(DbSession s)
    {
        var members = s.Query("SELECT ta.team_id, ta.admin_id FROM team_admins ta JOIN teams t ON t.id = ta.team_id WHERE t.app = $app",
            r => (Team: r.GetInt64(0), Admin: r.GetString(1)), ("$app", app)).ToLookup(m => m.Team, m => m.Admin);
        return s.Query("SELECT id, name FROM teams WHERE app = $app ORDER BY id",
            r => new TeamRecord(r.GetInt64(0), r.GetString(1), [.. members[r.GetInt64(0)]]), ("$app", app));
    }

    public static ApiError AdminNotFound() => new(404, "not_found", "Admin not found") { Code = "admin_not_found" };

    public static ApiError TeamNotFound() => new(404, "not_found", "Team not found") { Code = "team_not_found" };
}
