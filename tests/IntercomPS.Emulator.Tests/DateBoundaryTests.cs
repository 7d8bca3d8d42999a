using System;
using System.Linq;
using System.Text.Json;
using IntercomPS.Emulator.Endpoints.V2;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>Where a contact search's calendar day starts and ends, in zones whose clocks change around midnight.</summary>
public sealed class DateBoundaryTests
{
    private static long[] Bounds(long value, string zone) => ContactSearch.Contacts(
        JsonDocument.Parse($$$"""{"query":{"field":"created_at","operator":"=","value":{{{value}}}}}""").RootElement,
        TimeZoneInfo.FindSystemTimeZoneById(zone)).Arguments.Select(a => (long)a.Value!).ToArray();

    [Theory]
    [InlineData(1577869200L, "Etc/UTC", 1577836800L, 1577923200L)] // 2020-01-01 09:00 UTC: that day, midnight to midnight
    [InlineData(1577869200L, "America/Los_Angeles", 1577865600L, 1577952000L)] // 01:00 there: 08:00 UTC to 08:00 UTC
    [InlineData(1541314800L, "America/Sao_Paulo", 1541300400L, 1541383200L)] // 2018-11-04, whose midnight was skipped: from 01:00 (-02:00)
    [InlineData(1572764400L, "America/Havana", 1572753600L, 1572843600L)] // 2019-11-03, whose midnight came twice: from the first (-04:00) to -05:00's
    public void A_day_runs_from_the_first_moment_of_its_date_to_the_first_of_the_next(long value, string zone, long start, long next)
    {
        Assert.Equal([start, next], Bounds(value, zone));
    }

    [Theory]
    [InlineData(-62135596800L, "Pacific/Kiritimati")]
    [InlineData(-62135596800L, "Etc/GMT+12")]
    [InlineData(253402300799L, "Pacific/Kiritimati")]
    [InlineData(253402300799L, "Etc/GMT+12")]
    public void The_first_and_last_days_a_client_can_hold_have_bounds_in_every_zone(long value, string zone)
    {
        var bounds = Bounds(value, zone);
        Assert.Equal(2, bounds.Length);
        Assert.True(bounds[0] < bounds[1]);
    }
}
