using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator;

/// <summary>
/// The dummy app's office hours: the description's examples, schedule 123 with exceptions 456 (Christmas Day, closed)
/// and 457 (Christmas Eve, custom hours). Writes are checked by the same rules and answered as if applied, never kept.
/// </summary>
internal sealed partial class DummyApp
{
    private const long OfficeHoursTime = 1717200000;

    private static readonly OfficeHoursScheduleRecord CannedSchedule =
        new("123", "Standard Support Hours", "America/New_York", [new(540, 1020), new(1980, 2460)], OfficeHoursTime, OfficeHoursTime);

    private static readonly OfficeHoursExceptionRecord[] CannedExceptions =
    [
        new("457", "123", new DateOnly(2026, 12, 24), "custom_hours", "Christmas Eve", [new(540, 780)], true, OfficeHoursTime, OfficeHoursTime),
        new("456", "123", new DateOnly(2026, 12, 25), "closed", "Christmas Day", null, true, OfficeHoursTime, OfficeHoursTime),
    ];

    public Task<IReadOnlyList<OfficeHoursScheduleRecord>> ListOfficeHoursSchedulesAsync() => Task.FromResult<IReadOnlyList<OfficeHoursScheduleRecord>>([CannedSchedule]);

    public Task<OfficeHoursScheduleRecord> GetOfficeHoursScheduleAsync(string id) => Task.FromResult(Schedule(id));

    public Task<OfficeHoursScheduleRecord> CreateOfficeHoursScheduleAsync(OfficeHoursScheduleInput input) =>
        Task.FromResult(OfficeHoursRules.Schedule("125", null, input, OfficeHoursTime));

    public Task<OfficeHoursScheduleRecord> UpdateOfficeHoursScheduleAsync(string id, OfficeHoursScheduleInput input) =>
        Task.FromResult(OfficeHoursRules.Schedule(id, Schedule(id), input, OfficeHoursTime + 3600));

    public Task<string> DeleteOfficeHoursScheduleAsync(string id) => Task.FromResult(Schedule(id).Id);

    public Task<IReadOnlyList<OfficeHoursExceptionRecord>> ListOfficeHoursExceptionsAsync(string scheduleId) =>
        Task.FromResult<IReadOnlyList<OfficeHoursExceptionRecord>>(CannedExceptions.Where(e => e.ScheduleId == Schedule(scheduleId).Id).ToList());

    public Task<OfficeHoursExceptionRecord> GetOfficeHoursExceptionAsync(string scheduleId, string id) => Task.FromResult(CannedException(scheduleId, id));

    public Task<OfficeHoursExceptionRecord> CreateOfficeHoursExceptionAsync(string scheduleId, OfficeHoursExceptionInput input) =>
        Task.FromResult(OfficeHoursRules.Exception("458", Schedule(scheduleId).Id, null, input, OfficeHoursTime, date => CannedExceptions.Any(e => e.Date == date)));

    public Task<OfficeHoursExceptionRecord> UpdateOfficeHoursExceptionAsync(string scheduleId, string id, OfficeHoursExceptionInput input)
    {
        var existing = CannedException(scheduleId, id);
        return Task.FromResult(OfficeHoursRules.Exception(id, existing.ScheduleId, existing, input, OfficeHoursTime + 3600,
            date => CannedExceptions.Any(e => e.Date == date && e.Id != id)));
    }

    public Task<string> DeleteOfficeHoursExceptionAsync(string scheduleId, string id) => Task.FromResult(CannedException(scheduleId, id).Id);

    private static OfficeHoursScheduleRecord Schedule(string id) => id == CannedSchedule.Id ? CannedSchedule : throw OfficeHoursRules.NotFound();

    private static OfficeHoursExceptionRecord CannedException(string scheduleId, string id) =>
        CannedExceptions.FirstOrDefault(e => e.ScheduleId == Schedule(scheduleId).Id && e.Id == id) ?? throw OfficeHoursRules.NotFound();
}
