using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// 2.16's office hours schedules and their exceptions: made (201), read, listed, changed by what is given, deleted (a
/// schedule with its exceptions); each interval's day_of_week derived; the 422s of a bad write; 404s; gone on reset;
/// refused before 2.16.
/// </summary>
public class OfficeHoursTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2.WithVersion("2.16");

    private static readonly object Weekdays = new[] { new { start_minute = 540, end_minute = 1020 }, new { start_minute = 1980, end_minute = 2460 } };

    private async Task<string> ScheduleAsync(string name = "Support") =>
        (await Api.PostAsync("/office_hours_schedules", new { name, time_zone_name = "Europe/Dublin", time_intervals = Weekdays })).Ok(201)["id"].GetString()!;

    [Fact]
    public async Task A_schedule_is_made_read_listed_changed_and_deleted()
    {
        await fixture.ResetAsync();
        var made = (await Api.PostAsync("/office_hours_schedules", new
        {
            name = "Standard Support Hours",
            time_zone_name = "America/New_York",
            time_intervals = new[] { new { start_minute = 1980, end_minute = 2460 }, new { start_minute = 540, end_minute = 1020 } },
        })).Ok(201);
        var id = made["id"].GetString()!;
        Assert.Equal("office_hours_schedule", made["type"].GetString());
        Assert.Equal("America/New_York", made["time_zone_name"].GetString());
        Assert.False(made["twenty_four_seven"].GetBoolean());
        var intervals = made["time_intervals"].EnumerateArray().ToArray();
        Assert.Equal([(540, 1020, 0), (1980, 2460, 1)], intervals.Select(i => (i.GetProperty("start_minute").GetInt32(), i.GetProperty("end_minute").GetInt32(), i.GetProperty("day_of_week").GetInt32())));

        Assert.Equal("Standard Support Hours", (await Api.GetAsync($"/office_hours_schedules/{id}")).Ok()["name"].GetString());
        var list = (await Api.GetAsync("/office_hours_schedules")).Ok();
        Assert.Equal("office_hours_schedule.list", list["type"].GetString());
        Assert.Equal([id], list["data"].EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        var changed = (await Api.PutAsync($"/office_hours_schedules/{id}", new { name = "Always", time_intervals = new[] { new { start_minute = 0, end_minute = 10080 } } })).Ok();
        Assert.Equal("Always", changed["name"].GetString());
        Assert.Equal("America/New_York", changed["time_zone_name"].GetString()); // not given, kept
        Assert.True(changed["twenty_four_seven"].GetBoolean());
        Assert.True(changed["updated_at"].GetInt64() >= made["updated_at"].GetInt64());

        var deleted = (await Api.DeleteAsync($"/office_hours_schedules/{id}")).Ok();
        Assert.Equal((id, "office_hours_schedule", true), (deleted["id"].GetString(), deleted["object"].GetString(), deleted["deleted"].GetBoolean()));
        Assert.Equal("Object not found", (await Api.GetAsync($"/office_hours_schedules/{id}")).Error(404, "not_found"));
        Assert.Empty((await Api.GetAsync("/office_hours_schedules")).Ok()["data"].EnumerateArray());
    }

    [Fact]
    public async Task Exceptions_are_kept_by_date_with_their_schedule_and_go_with_it()
    {
        var schedule = await ScheduleAsync();
        var closed = (await Api.PostAsync($"/office_hours_schedules/{schedule}/office_hours_exceptions",
            new { exception_date = "2026-12-25", exception_type = "closed", name = "Christmas Day", recurring_annually = true })).Ok(201);
        var id = closed["id"].GetString()!;
        Assert.Equal(schedule, closed["office_hours_schedule_id"].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, closed["time_intervals"].ValueKind);
        Assert.True(closed["recurring_annually"].GetBoolean());

        var eve = (await Api.PostAsync($"/office_hours_schedules/{schedule}/office_hours_exceptions",
            new { exception_date = "2026-12-24", exception_type = "custom_hours", time_intervals = new[] { new { start_minute = 540, end_minute = 780 } } })).Ok(201);
        Assert.Equal(3, eve["time_intervals"][0].GetProperty("day_of_week").GetInt32()); // a Thursday
        Assert.Equal(System.Text.Json.JsonValueKind.Null, eve["name"].ValueKind);
        Assert.False(eve["recurring_annually"].GetBoolean());

        var list = (await Api.GetAsync($"/office_hours_schedules/{schedule}/office_hours_exceptions")).Ok();
        Assert.Equal("office_hours_exception.list", list["type"].GetString());
        Assert.Equal(["2026-12-24", "2026-12-25"], list["data"].EnumerateArray().Select(e => e.GetProperty("exception_date").GetString()));

        var changed = (await Api.PutAsync($"/office_hours_schedules/{schedule}/office_hours_exceptions/{id}",
            new { exception_type = "custom_hours", name = "Christmas Day (reduced hours)", time_intervals = new[] { new { start_minute = 540, end_minute = 780 } } })).Ok();
        Assert.Equal(("custom_hours", 4, "2026-12-25"), (changed["exception_type"].GetString(), changed["time_intervals"][0].GetProperty("day_of_week").GetInt32(), changed["exception_date"].GetString()));
        var reclosed = (await Api.PutAsync($"/office_hours_schedules/{schedule}/office_hours_exceptions/{id}", new { exception_type = "closed" })).Ok();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reclosed["time_intervals"].ValueKind); // closed drops the hours
        Assert.Equal("Christmas Day (reduced hours)", (await Api.GetAsync($"/office_hours_schedules/{schedule}/office_hours_exceptions/{id}")).Ok()["name"].GetString());

        var other = await ScheduleAsync("Sales");
        Assert.Equal("Object not found", (await Api.GetAsync($"/office_hours_schedules/{other}/office_hours_exceptions/{id}")).Error(404, "not_found"));

        var deleted = (await Api.DeleteAsync($"/office_hours_schedules/{schedule}/office_hours_exceptions/{id}")).Ok();
        Assert.Equal((id, "office_hours_exception", true), (deleted["id"].GetString(), deleted["object"].GetString(), deleted["deleted"].GetBoolean()));
        Assert.Equal("Object not found", (await Api.DeleteAsync($"/office_hours_schedules/{schedule}/office_hours_exceptions/{id}")).Error(404, "not_found"));

        (await Api.DeleteAsync($"/office_hours_schedules/{schedule}")).Ok();
        Assert.Equal("Object not found", (await Api.GetAsync($"/office_hours_schedules/{schedule}/office_hours_exceptions")).Error(404, "not_found"));
        Assert.Equal("Object not found", (await Api.GetAsync($"/office_hours_schedules/{schedule}/office_hours_exceptions/{eve["id"].GetString()}")).Error(404, "not_found"));
    }

    [Theory]
    [InlineData("""{"time_zone_name":"Europe/Dublin","time_intervals":[]}""", "name is required: the name of the office hours schedule")]
    [InlineData("""{"name":"S","time_intervals":[]}""", "time_zone_name is required: the IANA time zone the hours are in (such as America/New_York)")]
    [InlineData("""{"name":"S","time_zone_name":"Europe/Dublin"}""", "time_intervals is required: the open intervals ({start_minute, end_minute}) of the week")]
    [InlineData("""{"name":" ","time_zone_name":"Europe/Dublin","time_intervals":[]}""", "name must not be blank")]
    [InlineData("""{"name":"S","time_zone_name":"Mars/Olympus","time_intervals":[]}""", "time_zone_name must be an IANA time zone (such as America/New_York), not 'Mars/Olympus'")]
    [InlineData("""{"name":"S","time_zone_name":"Europe/Dublin","time_intervals":[{"start_minute":540,"end_minute":1000}]}""", "start_minute and end_minute must be on a 15-minute boundary, not 540-1000")]
    [InlineData("""{"name":"S","time_zone_name":"Europe/Dublin","time_intervals":[{"start_minute":600,"end_minute":540}]}""", "Each time interval must start before it ends, within minutes 0 to 10080 from the start of the week (Monday 00:00), not 600-540")]
    [InlineData("""{"name":"S","time_zone_name":"Europe/Dublin","time_intervals":[{"start_minute":540,"end_minute":1020},{"start_minute":900,"end_minute":1200}]}""", "Time intervals must not overlap: 540-1020 and 900-1200")]
    [InlineData("""{"name":"S","time_zone_name":"Europe/Dublin","time_intervals":[{"start_minute":540}]}""", "Each time interval needs its end_minute (a whole number of minutes)")]
    [InlineData("""{"name":"S","time_zone_name":"Europe/Dublin","time_intervals":{"start_minute":540}}""", "time_intervals must be an array of {start_minute, end_minute}, not an object")]
    public async Task A_bad_schedule_is_refused_with_what_to_send(string body, string message)
    {
        var reply = await Api.SendAsync(System.Net.Http.HttpMethod.Post, "/office_hours_schedules", System.Text.Json.JsonDocument.Parse(body).RootElement);
        Assert.Equal(message, reply.Error(422, "data_invalid"));
    }

    [Theory]
    [InlineData("""{"exception_type":"closed"}""", "exception_date is required: the date of the exception (YYYY-MM-DD)")]
    [InlineData("""{"exception_date":"2026-12-25"}""", "exception_type is required: closed or custom_hours")]
    [InlineData("""{"exception_date":"25/12/2026","exception_type":"closed"}""", "exception_date must be a date as YYYY-MM-DD (such as 2026-12-25), not '25/12/2026'")]
    [InlineData("""{"exception_date":"2026-12-25","exception_type":"holiday"}""", "exception_type must be closed or custom_hours, not 'holiday'")]
    [InlineData("""{"exception_date":"2026-12-25","exception_type":"custom_hours"}""", "A custom_hours exception needs time_intervals: the hours open that day ({start_minute, end_minute})")]
    [InlineData("""{"exception_date":"2026-12-25","exception_type":"closed","time_intervals":[{"start_minute":540,"end_minute":780}]}""", "A closed exception has no time_intervals: omit them, or make it custom_hours")]
    [InlineData("""{"exception_date":"2026-12-25","exception_type":"custom_hours","time_intervals":[{"start_minute":540,"end_minute":1500}]}""", "Each time interval must start before it ends, within minutes 0 to 1440 from midnight of exception_date, not 540-1500")]
    [InlineData("""{"exception_date":"2026-12-25","exception_type":"closed","recurring_annually":"yes"}""", "recurring_annually must be a boolean, not a string")]
    public async Task A_bad_exception_is_refused_with_what_to_send(string body, string message)
    {
        var schedule = await ScheduleAsync();
        var reply = await Api.SendAsync(System.Net.Http.HttpMethod.Post, $"/office_hours_schedules/{schedule}/office_hours_exceptions", System.Text.Json.JsonDocument.Parse(body).RootElement);
        Assert.Equal(message, reply.Error(422, "data_invalid"));
    }

    [Fact]
    public async Task A_schedule_has_one_exception_a_date()
    {
        var schedule = await ScheduleAsync();
        var path = $"/office_hours_schedules/{schedule}/office_hours_exceptions";
        (await Api.PostAsync(path, new { exception_date = "2026-12-25", exception_type = "closed" })).Ok(201);
        var boxing = (await Api.PostAsync(path, new { exception_date = "2026-12-26", exception_type = "closed" })).Ok(201)["id"].GetString();
        Assert.Equal("The schedule already has an exception on 2026-12-25", (await Api.PostAsync(path, new { exception_date = "2026-12-25", exception_type = "closed" })).Error(422, "data_invalid"));
        Assert.Equal("The schedule already has an exception on 2026-12-25", (await Api.PutAsync($"{path}/{boxing}", new { exception_date = "2026-12-25" })).Error(422, "data_invalid"));
        (await Api.PutAsync($"{path}/{boxing}", new { exception_date = "2026-12-26", name = "Boxing Day" })).Ok(); // its own date is no clash
    }

    [Fact]
    public async Task Missing_schedules_and_exceptions_are_404s()
    {
        Assert.Equal("Object not found", (await Api.GetAsync("/office_hours_schedules/999")).Error(404, "not_found"));
        Assert.Equal("Object not found", (await Api.PutAsync("/office_hours_schedules/abc", new { name = "x" })).Error(404, "not_found"));
        Assert.Equal("Object not found", (await Api.DeleteAsync("/office_hours_schedules/999")).Error(404, "not_found"));
        Assert.Equal("Object not found", (await Api.PostAsync("/office_hours_schedules/999/office_hours_exceptions", new { exception_date = "2026-12-25", exception_type = "closed" })).Error(404, "not_found"));
        var schedule = await ScheduleAsync();
        Assert.Equal("Object not found", (await Api.GetAsync($"/office_hours_schedules/{schedule}/office_hours_exceptions/999")).Error(404, "not_found"));
    }

    [Fact]
    public async Task A_reset_empties_the_schedules()
    {
        await ScheduleAsync();
        await fixture.ResetAsync();
        Assert.Empty((await Api.GetAsync("/office_hours_schedules")).Ok()["data"].EnumerateArray());
    }

    [Fact]
    public async Task The_dummy_app_answers_with_the_descriptions_examples_and_keeps_nothing()
    {
        var dummy = fixture.V2For("dummy-app-id").WithVersion("2.16");
        var schedule = (await dummy.GetAsync("/office_hours_schedules/123")).Ok();
        Assert.Equal(("Standard Support Hours", "America/New_York"), (schedule["name"].GetString(), schedule["time_zone_name"].GetString()));
        var exceptions = (await dummy.GetAsync("/office_hours_schedules/123/office_hours_exceptions")).Ok()["data"].EnumerateArray().ToArray();
        Assert.Equal(["457", "456"], exceptions.Select(e => e.GetProperty("id").GetString()));
        var made = (await dummy.PostAsync("/office_hours_schedules/123/office_hours_exceptions", new { exception_date = "2027-01-01", exception_type = "closed" })).Ok(201);
        Assert.Equal("458", made["id"].GetString());
        Assert.Equal("The schedule already has an exception on 2026-12-25",
            (await dummy.PostAsync("/office_hours_schedules/123/office_hours_exceptions", new { exception_date = "2026-12-25", exception_type = "closed" })).Error(422, "data_invalid"));
        Assert.Equal(2, (await dummy.GetAsync("/office_hours_schedules/123/office_hours_exceptions")).Ok()["data"].GetArrayLength());
        Assert.Equal("Object not found", (await dummy.GetAsync("/office_hours_schedules/124")).Error(404, "not_found"));
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.14")]
    [InlineData("2.15")]
    public async Task Versions_before_2_16_have_no_office_hours(string version)
    {
        Assert.Equal("Requested resource is not available in current API version",
            (await fixture.V2.WithVersion(version).GetAsync("/office_hours_schedules")).Error(400, "intercom_version_invalid"));
        Assert.Equal("Requested resource is not available in current API version",
            (await fixture.V2.WithVersion(version).PostAsync("/office_hours_schedules/1/office_hours_exceptions", new { exception_date = "2026-12-25", exception_type = "closed" })).Error(400, "intercom_version_invalid"));
    }
}
