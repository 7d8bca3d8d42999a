using System;
using System.Collections.Generic;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// What the office hours cmdlets share (REST API 2.16 on): a schedule named by -Schedule, its name or Id, binding
    /// from piped schedules and exceptions (their ScheduleId) and CSV columns of that name; found once per command.
    /// </summary>
    public abstract class OfficeHoursCmdlet : IntercomCmdlet
    {
        private readonly Dictionary<string, OfficeHours> _found = new Dictionary<string, OfficeHours>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Reads what the user wrote as hours, or refuses the input with why (nothing sent); null when refused.</summary>
        private protected IReadOnlyList<OfficeHoursSpan>? Parse(Func<IReadOnlyList<OfficeHoursSpan>> parse, object? target)
        {
            try
            {
                return parse();
            }
            catch (ArgumentException bad)
            {
                Requests.Refuse(target, new PSArgumentException(bad.Message));
                return null;
            }
        }

        /// <summary>The schedule <paramref name="nameOrId"/> names, found once per command; null (its error written) when none is.</summary>
        private protected OfficeHours? FindSchedule(string? nameOrId, object? target)
        {
            if (string.IsNullOrWhiteSpace(nameOrId))
            {
                Requests.Refuse(target, new PSArgumentException("Name the office hours schedule by -Schedule, its name or Id, or pipe it from Get-IntercomOfficeHours (a blank cell names none)."));
                return null;
            }
            var key = nameOrId!.Trim();
            if (_found.TryGetValue(key, out var known)) return known;
            var schedule = Requests.Invoke(target, token => Client.As<IOfficeHours>().FindOfficeHoursAsync(key, token));
            if (schedule is not null) _found[key] = schedule;
            return schedule;
        }

        /// <summary>How a confirmation names a schedule.</summary>
        private protected static string Describe(OfficeHours schedule) => $"office hours '{schedule.Name}' ({schedule.Id})";
    }
}
