using System;
using System.Globalization;

namespace IntercomPS.Emulator.Faults;

/// <summary>
/// The per-request X-Emulator-Fault header: "503", "503; retry-after=2", "429", "drop" (apply the request, then cut
/// the response) or "drop-before" (cut the connection before applying anything).
/// </summary>
internal readonly record struct FaultHeader(FaultKind Kind, int Status, int? RetryAfter)
{
    public const string Name = "X-Emulator-Fault";

    public static FaultHeader Parse(string value)
    {
        var parts = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var head = parts.Length > 0 ? parts[0].ToLowerInvariant() : "";
        switch (head)
        {
            case "drop" when parts.Length == 1: return new(FaultKind.Drop, 0, null);
            case "drop-before" when parts.Length == 1: return new(FaultKind.DropBefore, 0, null);
        }

        if (!int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 400 or > 599)
        {
            throw Invalid(value);
        }

        int? retryAfter = null;
        foreach (var parameter in parts[1..])
        {
            var kv = parameter.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !kv[0].Equals("retry-after", StringComparison.OrdinalIgnoreCase)
                || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                throw Invalid(value);
            }

            retryAfter = seconds;
        }

        return new(FaultKind.Status, status, retryAfter);
    }

    private static ApiError Invalid(string value) => ApiError.BadRequest(
        $"{Name} '{value}' is not one of: a status 400..599 (optionally '; retry-after=SECONDS'), 'drop', 'drop-before'");
}

internal enum FaultKind
{
    Status,
    Drop,
    DropBefore,
}
