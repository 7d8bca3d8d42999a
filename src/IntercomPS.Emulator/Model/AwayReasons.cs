using System.Collections.Generic;
using System.Linq;

namespace IntercomPS.Emulator.Model;

/// <summary>An away status reason (2.14's away_status_reason): a label and emoji an admin going away can pick.</summary>
internal sealed record AwayReasonRecord(long Id, string Label, string Emoji, int Order, bool Deleted);

/// <summary>
/// The away status reasons every app has: a fixed set (the real service lets a workspace edit its own in the app,
/// which the API cannot do, so nothing here changes them). One is deleted, as GET /away_status_reasons lists deleted
/// ones too and PUT /admins/{id}/away refuses them. The README lists them.
/// </summary>
internal static class AwayReasons
{
    /// <summary>When the reasons were made (UNIX seconds): fixed, so answers are the same on every run.</summary>
    public const long CreatedAt = 1_734_537_243;

    public static IReadOnlyList<AwayReasonRecord> All { get; } =
    [
        new(101, "On a break", "☕", 1, Deleted: false),
        new(102, "In a meeting", "📅", 2, Deleted: false),
        new(103, "On holiday", "🌴", 3, Deleted: false),
        new(104, "Out sick", "🤒", 4, Deleted: false),
        new(105, "Training", "📚", 5, Deleted: true),
    ];

    /// <summary>The reason of that id, or the 400 the real service gives for one it does not have or has deleted.</summary>
    public static AwayReasonRecord Usable(long id)
    {
        var reason = All.FirstOrDefault(r => r.Id == id) ?? throw Invalid("Away status reason not found");
        return reason.Deleted ? throw Invalid("Away status reason is deleted") : reason;
    }

    private static ApiError Invalid(string message) => new(400, "bad_request", message) { Code = "parameter_invalid", Field = "away_status_reason_id" };
}
