using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// Contact searches match timestamps by calendar day in the workspace's time zone, as 2.14's "Searching for Timestamp
/// Fields" says: = is the whole day, &gt; starts the next day, &lt; ends before the day, and != &gt;= &lt;= IN NIN are
/// errors. The same contacts in two apps, one on UTC and one on America/Los_Angeles, answer the same query differently.
/// </summary>
public class DateSearchTests(DateSearchTests.Data data) : IClassFixture<DateSearchTests.Data>
{
    /// <summary>2020-01-01 09:00 UTC: the description's own example.</summary>
    private const long Jan1At9 = 1577869200;

    private const string Zone = "America/Los_Angeles";

    /// <summary>The shared emulator fixture, with this class's contacts in both its apps, the other one on Los Angeles time.</summary>
    public sealed class Data : IAsyncLifetime
    {
        private readonly EmulatorFixture emulator = new();

        public V2Client Api => emulator.V2;

        public V2Client Other => emulator.V2Other;

        public Task DisposeAsync() => emulator.DisposeAsync();

        public async Task InitializeAsync()
        {
            await emulator.InitializeAsync();
            await emulator.Admin.SetAppAsync(EmulatorFixture.OtherAppId, timezone: Zone);
            foreach (var api in new[] { Api, Other })
            {
                foreach (var (name, signedUp) in new[]
                {
                    ("dec31-late", 1577836799L), // 2019-12-31 23:59:59 UTC; 15:59:59 in Los Angeles
                    ("jan1-9am", Jan1At9), // 2020-01-01 09:00 UTC; 01:00 in Los Angeles
                    ("jan1-late", 1577921400L), // 2020-01-01 23:30 UTC; 15:30 in Los Angeles
                    ("jan2-midnight", 1577923200L), // 2020-01-02 00:00 UTC; still 1 January (16:00) in Los Angeles
                    ("jan2-noon", 1577966400L), // 2020-01-02 12:00 UTC; 04:00 on 2 January in Los Angeles
                })
                {
                    (await api.PostAsync("/contacts", new { external_id = name, name, signed_up_at = signedUp })).Ok();
                }
            }
        }
    }

    private static async Task<string[]> Search(V2Client api, string op, object value, string field = "signed_up_at")
    {
        var answer = (await api.PostAsync("/contacts/search", new { query = new { field, @operator = op, value }, sort = new { field = "signed_up_at", order = "ascending" } })).Ok();
        return answer["data"].EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();
    }

    [Fact]
    public async Task Equals_is_the_whole_day_of_the_value_in_the_apps_time_zone()
    {
        Assert.Equal(["jan1-9am", "jan1-late"], await Search(data.Api, "=", Jan1At9));
        Assert.Equal(["jan1-9am", "jan1-late", "jan2-midnight"], await Search(data.Other, "=", Jan1At9));
        Assert.Equal(["jan1-9am", "jan1-late"], await Search(data.Api, "=", 1577836800)); // midnight itself, as the description advises
    }

    [Fact]
    public async Task Greater_than_starts_at_the_next_day_not_at_the_instant_given()
    {
        // The description's example: created_at > 1577869200 starts on 2 January, not at 9:00 on 1 January.
        Assert.Equal(["jan2-midnight", "jan2-noon"], await Search(data.Api, ">", Jan1At9));
        Assert.Equal(["jan2-noon"], await Search(data.Other, ">", Jan1At9));
    }

    [Fact]
    public async Task Less_than_ends_before_the_day_of_the_value()
    {
        Assert.Equal(["dec31-late"], await Search(data.Api, "<", 1577921400));
        Assert.Equal(["dec31-late"], await Search(data.Other, "<", 1577921400));
        Assert.Equal(["dec31-late", "jan1-9am", "jan1-late", "jan2-midnight"], await Search(data.Other, "<", 1577966400)); // 2 January 04:00 there: before the 2nd, 08:00 UTC
    }

    [Fact]
    public async Task Every_date_field_follows_the_rule()
    {
        foreach (var field in new[] { "created_at", "updated_at", "last_seen_at" })
        {
            (await data.Api.PostAsync("/contacts/search", new { query = new { field, @operator = "=", value = Jan1At9 } })).Ok();
        }

        // created_at is the signed-up time the contacts were given.
        Assert.Equal(["jan1-9am", "jan1-late"], await Search(data.Api, "=", Jan1At9, "created_at"));
    }

    [Theory]
    [InlineData("!=")]
    [InlineData(">=")]
    [InlineData("<=")]
    [InlineData("IN")]
    [InlineData("NIN")]
    public async Task Operators_that_cannot_work_by_day_are_errors_on_dates(string op)
    {
        object value = op is "IN" or "NIN" ? new[] { Jan1At9 } : Jan1At9;
        foreach (var field in new[] { "created_at", "signed_up_at", "updated_at", "last_seen_at" })
        {
            var message = (await data.Api.PostAsync("/contacts/search", new { query = new { field, @operator = op, value } })).Error(400, "parameter_invalid");
            Assert.Contains($"operator '{op}' is not supported for {field} (date)", message);
        }
    }

    [Fact]
    public async Task The_zone_the_days_follow_is_the_one_GET_me_shows()
    {
        Assert.Equal(Zone, (await data.Other.GetAsync("/me")).Ok()["app"].GetProperty("timezone").GetString());
        Assert.Equal("Etc/UTC", (await data.Api.GetAsync("/me")).Ok()["app"].GetProperty("timezone").GetString());
    }
}
