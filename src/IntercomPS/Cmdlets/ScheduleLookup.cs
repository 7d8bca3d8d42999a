using System;
using System.Collections.Generic;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// What the office hours cmdlets share (REST API 2.16 on), held by each: a schedule named by -Schedule, its name or
    /// Id, binding from piped schedules and exceptions (their ScheduleId) and CSV columns of that name, found once per
    /// command; hours read as people write them; how a confirmation names a schedule.
    /// </summary>
    internal sealed class ScheduleLookup
    {
        private readonly Dictionary<string, OfficeHours> _found = new Dictionary<string, OfficeHours>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Reads what the user wrote as hours, or refuses the input with why (nothing sent); null when refused.</summary>
        public static IReadOnlyList<OfficeHoursSpan>? Parse(RequestRunner requests, Func<IReadOnlyList<OfficeHoursSpan>> parse, object? target)
        {
            try
            {
                return parse();
            }
            catch (ArgumentException bad)
            {
                requests.Refuse(target, new PSArgumentException(bad.Message));
                return null;
            }
        }

        /// <summary>The schedule <paramref name="nameOrId"/> names, found once per command; null (its error written) when none is.</summary>
        public OfficeHours? Find(RequestRunner requests, IIntercomApi client, string? nameOrId, object? target)
        {
            if (string.IsNullOrWhiteSpace(nameOrId))
            {
                requests.Refuse(target, new PSArgumentException("Name the office hours schedule by -Schedule, its name or Id, or pipe it from Get-IntercomOfficeHours (a blank cell names none)."));
                return null;
            }
            var key = nameOrId!.Trim();
            if (_found.TryGetValue(key, out var known)) return known;
            var schedule = requests.Invoke(target, token => client.As<IOfficeHours>().FindOfficeHoursAsync(key, token));
            if (schedule is not null) _found[key] = schedule;
            return schedule;
        }

        /// <summary>How a confirmation names a schedule.</summary>
        public static string Describe(OfficeHours schedule) => $"office hours '{schedule.Name}' ({schedule.Id})";
    }
}
