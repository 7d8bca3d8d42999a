using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>PUT /admins/{id}/away and GET /away_status_reasons: what is set, what every later read shows, what is refused, per version.</summary>
public class AwayTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const long OnHoliday = 103;
    private const long Deleted = 105;

    [Fact]
    public async Task Away_status_reasons_are_the_fixed_set_with_the_deleted_one()
    {
        var list = (await fixture.V2.GetAsync("/away_status_reasons")).Ok();
        Assert.Equal("list", list["type"].GetString());
        var reasons = list["data"].EnumerateArray().ToList();
        Assert.Equal(["101", "102", "103", "104", "105"], reasons.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("On holiday", reasons[2].GetProperty("label").GetString());
        Assert.Equal([1, 2, 3, 4, 5], reasons.Select(r => r.GetProperty("order").GetInt32()));
        Assert.Equal(["105"], reasons.Where(r => r.GetProperty("deleted").GetBoolean()).Select(r => r.GetProperty("id").GetString()));
        Assert.All(reasons, r => Assert.Equal("away_status_reason", r.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task The_first_admin_goes_away_with_a_reason_and_every_read_agrees_then_comes_back()
    {
        var id = (await fixture.V2.GetAsync("/me")).Ok()["id"].GetString()!;
        try
        {
            var away = (await fixture.V2.PutAsync($"/admins/{id}/away", new { away_mode_enabled = true, away_mode_reassign = true, away_status_reason_id = OnHoliday })).Ok();
            AssertAway(away.Json, true, true, OnHoliday);
            Assert.Equal("Ada Admin", away["name"].GetString());
            AssertAway((await fixture.V2.GetAsync($"/admins/{id}")).Ok().Json, true, true, OnHoliday);
            AssertAway((await fixture.V2.GetAsync("/me")).Ok().Json, true, true, OnHoliday);
            AssertAway((await fixture.V2.GetAsync("/admins")).Ok()["admins"].EnumerateArray().Single(a => a.GetProperty("id").GetString() == id), true, true, OnHoliday);

            // Back: the reason goes with the away status.
            var back = (await fixture.V2.PutAsync($"/admins/{id}/away", new { away_mode_enabled = false, away_mode_reassign = false })).Ok();
            AssertAway(back.Json, false, false, null);
            AssertAway((await fixture.V2.GetAsync("/me")).Ok().Json, false, false, null);
        }
        finally
        {
            (await fixture.V2.PutAsync($"/admins/{id}/away", new { away_mode_enabled = false, away_mode_reassign = false })).Ok();
        }
    }

    [Fact]
    public async Task A_seeded_admin_goes_away_without_a_reason_and_back_and_the_reason_id_may_be_a_string()
    {
        var id = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Sam Seeded", EmulatorFixture.NewEmail("sam"), away: true);
        AssertAway((await fixture.V2.GetAsync($"/admins/{id}")).Ok().Json, true, false, null);

        AssertAway((await fixture.V2.PutAsync($"/admins/{id}/away", new { away_mode_enabled = false, away_mode_reassign = true })).Ok().Json, false, true, null);
        AssertAway((await fixture.V2.GetAsync($"/admins/{id}")).Ok().Json, false, true, null);
        AssertAway((await fixture.V2.PutAsync($"/admins/{id}/away", new { away_mode_enabled = true, away_mode_reassign = false, away_status_reason_id = "101" })).Ok().Json, true, false, 101);
    }

    [Fact]
    public async Task An_unknown_admin_is_admin_not_found()
    {
        var body = new { away_mode_enabled = true, away_mode_reassign = false };
        (await fixture.V2.PutAsync("/admins/1/away", body)).Error(404, "admin_not_found");
        (await fixture.V2.PutAsync("/admins/not-a-number/away", body)).Error(404, "admin_not_found");
    }

    [Theory]
    [InlineData("""{"away_mode_reassign":false}""", "parameter_not_found", "away_mode_enabled is required (true or false)")]
    [InlineData("""{"away_mode_enabled":true}""", "parameter_not_found", "away_mode_reassign is required (true or false)")]
    [InlineData("""{"away_mode_enabled":null,"away_mode_reassign":false}""", "parameter_not_found", "away_mode_enabled is required (true or false)")]
    [InlineData("""{"away_mode_enabled":"true","away_mode_reassign":false}""", "parameter_invalid", "away_mode_enabled must be a boolean, not a string")]
    [InlineData("""{"away_mode_enabled":true,"away_mode_reassign":1}""", "parameter_invalid", "away_mode_reassign must be a boolean, not a number")]
    [InlineData("""{"away_mode_enabled":true,"away_mode_reassign":false,"away_status_reason_id":999}""", "parameter_invalid", "Away status reason not found")]
    [InlineData("""{"away_mode_enabled":true,"away_mode_reassign":false,"away_status_reason_id":105}""", "parameter_invalid", "Away status reason is deleted")]
    [InlineData("""{"away_mode_enabled":true,"away_mode_reassign":false,"away_status_reason_id":"soon"}""", "parameter_invalid", "away_status_reason_id must be a positive integer, not a string (\"soon\")")]
    public async Task Bad_input_is_refused_with_the_exact_error_and_changes_nothing(string body, string code, string message)
    {
        var id = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Bo Bad", EmulatorFixture.NewEmail("bo"));
        var answer = await fixture.V2.SendAsync(System.Net.Http.HttpMethod.Put, $"/admins/{id}/away", body);
        Assert.Equal(message, answer.Error(400, code));
        AssertAway((await fixture.V2.GetAsync($"/admins/{id}")).Ok().Json, false, false, null);
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.13")]
    public async Task Before_2_14_there_are_no_away_status_reasons(string version)
    {
        var api = fixture.V2.WithVersion(version);
        (await api.GetAsync("/away_status_reasons")).Error(400, "intercom_version_invalid");

        // Setting away is older: it answers, without away_status_reason_id, and ignores one sent (even a deleted one),
        // naming it as the unknown field 2.11's request schema makes it (the warning once listed it as taken, so a
        // script kept sending a reason that was silently dropped).
        var id = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Olga Old", EmulatorFixture.NewEmail("olga"));
        var away = (await api.PutAsync($"/admins/{id}/away", new { away_mode_enabled = true, away_mode_reassign = true, away_status_reason_id = Deleted })).Ok();
        Assert.Equal($"ignored unknown field 'away_status_reason_id'; PUT /admins/{id}/away takes away_mode_enabled, away_mode_reassign",
            away.Header("X-Emulator-Warning"));
        Assert.True(away["away_mode_enabled"].GetBoolean());
        Assert.False(away.Json.TryGetProperty("away_status_reason_id", out _));
        Assert.False((await api.GetAsync($"/admins/{id}")).Ok().Json.TryGetProperty("away_status_reason_id", out _));
        AssertAway((await fixture.V2.GetAsync($"/admins/{id}")).Ok().Json, true, true, null);
    }

    [Theory]
    [InlineData("2.15")]
    [InlineData("2.16")]
    [InlineData("Unstable")]
    public async Task From_2_14_on_reasons_are_listed_and_shown(string version)
    {
        var api = fixture.V2.WithVersion(version);
        Assert.Equal(5, (await api.GetAsync("/away_status_reasons")).Ok()["data"].GetArrayLength());
        var id = await fixture.Admin.AddAdminAsync(EmulatorFixture.AppId, "Nina New", EmulatorFixture.NewEmail("nina"));
        AssertAway((await api.PutAsync($"/admins/{id}/away", new { away_mode_enabled = true, away_mode_reassign = false, away_status_reason_id = 102 })).Ok().Json, true, false, 102);
    }

    [Fact]
    public async Task The_dummy_app_answers_but_keeps_nothing()
    {
        var dummy = fixture.V2For("dummy-app-id");
        var id = (await dummy.GetAsync("/me")).Ok()["id"].GetString()!;
        AssertAway((await dummy.PutAsync($"/admins/{id}/away", new { away_mode_enabled = true, away_mode_reassign = true, away_status_reason_id = 101 })).Ok().Json, true, true, 101);
        AssertAway((await dummy.GetAsync($"/admins/{id}")).Ok().Json, false, false, null);
        (await dummy.PutAsync("/admins/1/away", new { away_mode_enabled = true, away_mode_reassign = true })).Error(404, "admin_not_found");
    }

    private static void AssertAway(JsonElement admin, bool away, bool reassign, long? reasonId)
    {
        Assert.Equal("admin", admin.GetProperty("type").GetString());
        Assert.Equal(away, admin.GetProperty("away_mode_enabled").GetBoolean());
        Assert.Equal(reassign, admin.GetProperty("away_mode_reassign").GetBoolean());
        var reason = admin.GetProperty("away_status_reason_id");
        Assert.Equal(reasonId, reason.ValueKind == JsonValueKind.Null ? null : reason.GetInt64());
    }
}
