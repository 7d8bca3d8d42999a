using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using IntercomPS.V2.Tests.Conformance;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// Intercom-Version: every version the real service accepts is served, in the description it answers as (each answer
/// is validated against it by <see cref="V2Client"/>), with either form of the access token; an app's default
/// version when a request names none; the real errors for a version it does not know or an operation a version lacks.
/// </summary>
public class VersionsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    /// <summary>Every version of the descriptions' intercom_version enum, and Unstable (Preview's name until 2026), with the description each answers as: the README's table.</summary>
    public static readonly IReadOnlyList<(string Version, string AnswersAs)> Table =
    [
        ("1.0", "2.11"), ("1.1", "2.11"), ("1.2", "2.11"), ("1.3", "2.11"), ("1.4", "2.11"),
        ("2.0", "2.11"), ("2.1", "2.11"), ("2.2", "2.11"), ("2.3", "2.11"), ("2.4", "2.11"), ("2.5", "2.11"),
        ("2.6", "2.11"), ("2.7", "2.11"), ("2.8", "2.11"), ("2.9", "2.11"), ("2.10", "2.11"), ("2.11", "2.11"),
        ("2.12", "2.11"), ("2.13", "2.11"), ("2.14", "2.14"), ("2.15", "2.15"), ("2.16", "2.16"),
        ("Unstable", "2.16"), ("Preview", "2.16"),
    ];

    public static IEnumerable<object[]> EveryVersionBothWays() =>
        Table.SelectMany(row => new[] { false, true }.Select(basic => new object[] { row.Version, row.AnswersAs, basic }));

    [DescriptionFact]
    public void The_table_is_every_version_the_descriptions_list_and_Unstable()
    {
        var listed = OpenApiContract.Described.Where(OpenApiContract.IsAvailable)
            .SelectMany(v => OpenApiContract.For(v).Raw["components"]!["schemas"]!["intercom_version"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()))
            .Append("Unstable")
            .ToHashSet();
        Assert.Equal(listed.Order(), Table.Select(row => row.Version).Order());
    }

    [Theory]
    [MemberData(nameof(EveryVersionBothWays))]
    public async Task Every_version_is_served_in_the_description_it_answers_as_with_either_form_of_the_token(string version, string answersAs, bool basic)
    {
        var api = fixture.V2.WithVersion(version);
        api = basic ? api.WithBasicAuth() : api;
        var me = (await api.GetAsync("/me")).Ok();
        Assert.Equal(version, me.Header("Intercom-Version"));
        Assert.Equal(answersAs == version ? null : answersAs, me.Header("X-Emulator-Answers-As"));

        var externalId = EmulatorFixture.NewId();
        var contact = (await api.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(), external_id = externalId, name = "Vera" })).Ok();
        var id = contact["id"].GetString();
        (await api.GetAsync($"/contacts/{id}")).Ok();
        var found = (await api.PostAsync("/contacts/search", new { query = new { field = "external_id", @operator = "=", value = externalId } })).Ok();
        Assert.Equal(id, found["data"][0].GetProperty("id").GetString());
        (await api.PostAsync("/tags", new { name = "versions", users = new[] { new { id } } })).Ok();
        (await api.GetAsync($"/contacts/{id}/tags")).Ok();
        var started = (await api.PostAsync("/conversations", new { from = new { type = "user", id }, body = "Which version?" })).Ok();
        (await api.GetAsync($"/conversations/{started["conversation_id"].GetString()}")).Ok();
        (await api.PostAsync("/conversations/search", new { query = new { field = "contact_ids", @operator = "=", value = id } })).Ok();

        // GET /contacts/find_by_external_id came with 2.13 (Intercom's changelog): older versions lack it.
        var byExternalId = await api.GetAsync($"/contacts/find_by_external_id/{externalId}");
        if (System.Version.TryParse(version, out var number) && number < new System.Version(2, 13))
        {
            Assert.Equal("Requested resource is not available in current API version", byExternalId.Error(400, "intercom_version_invalid"));
        }
        else
        {
            Assert.Equal(id, byExternalId.Ok()["id"].GetString());
        }
    }

    [Theory]
    [InlineData("3.0")]
    [InlineData("2.17")]
    [InlineData("2.1.0")]
    [InlineData("preview")]
    [InlineData("unstable")]
    [InlineData("banana")]
    public async Task A_version_the_real_service_does_not_know_gets_its_intercom_version_invalid(string version)
    {
        var answer = await fixture.V2.WithVersion(version).GetAsync("/contacts");
        Assert.Equal("The requested version could not be found", answer.Error(400, "intercom_version_invalid"));
    }

    [Fact]
    public async Task Without_a_header_a_request_gets_its_apps_default_version_which_the_admin_api_sets()
    {
        var answer = (await fixture.V2Other.WithVersion(null).GetAsync("/tags")).Ok();
        Assert.Equal("2.14", answer.Header("Intercom-Version"));
        try
        {
            var profile = await fixture.Admin.SetAppAsync(EmulatorFixture.OtherAppId, version: "2.11");
            Assert.Equal("2.11", profile.GetProperty("version").GetString());
            var id = (await fixture.V2Other.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString();
            (await fixture.V2Other.PostAsync("/conversations", new { from = new { type = "user", id }, body = "default" })).Ok();
            var listed = (await fixture.V2Other.WithVersion(null).GetAsync("/conversations")).Ok();
            Assert.Equal("2.11", listed.Header("Intercom-Version"));
            Assert.True(listed["conversations"][0].TryGetProperty("topics", out _), listed.Text); // 2.11's conversation, not 2.14's
            Assert.Equal("2.14", (await fixture.V2.WithVersion(null).GetAsync("/tags")).Ok().Header("Intercom-Version")); // per app
            Assert.Equal("2.16", (await fixture.V2Other.WithVersion("2.16").GetAsync("/tags")).Ok().Header("Intercom-Version")); // a header wins
        }
        finally
        {
            await fixture.Admin.SetAppAsync(EmulatorFixture.OtherAppId, version: "2.14");
        }
    }

    [Fact]
    public async Task Versions_differ_where_their_descriptions_do()
    {
        var id = (await fixture.V2.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString();
        var started = (await fixture.V2.PostAsync("/conversations", new { from = new { type = "user", id }, body = "hi" })).Ok();
        var conversation = $"/conversations/{started["conversation_id"].GetString()}";

        // 2.11 requires a conversation's topics (its example: {}); 2.14 has none. 2.16 names an unset priority none and
        // an unassigned conversation's assignees 0; 2.11 to 2.15 not_priority and null.
        foreach (var (version, topics, priority, assignee) in new[]
        {
            ("2.11", true, "not_priority", (long?)null), ("2.14", false, "not_priority", null), ("2.15", false, "not_priority", null), ("2.16", false, "none", 0L),
        })
        {
            var read = (await fixture.V2.WithVersion(version).GetAsync(conversation)).Ok();
            var listed = (await fixture.V2.WithVersion(version).GetAsync("/conversations")).Ok()["conversations"][0];
            foreach (var answer in new[] { read.Json, listed })
            {
                Assert.Equal(topics, answer.TryGetProperty("topics", out _));
                Assert.Equal(priority, answer.GetProperty("priority").GetString());
                Assert.Equal(assignee, Number(answer.GetProperty("admin_assignee_id")));
                Assert.Equal(assignee, Number(answer.GetProperty("team_assignee_id")));
            }
        }
    }

    [Theory]
    [InlineData("2.11")]
    [InlineData("2.13")]
    public async Task Before_2_14_a_conversations_title_and_company_id_are_unknown_fields_of_its_update(string version)
    {
        // 2.11's update_conversation_request has read and custom_attributes only (2.14 adds title and company_id): there
        // the emulator set the title as 2.14 does. Now both are named as any unknown field is, and ignored.
        var contact = (await fixture.V2.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail() })).Ok()["id"].GetString();
        var id = (await fixture.V2.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "hi" })).Ok()["conversation_id"].GetString();
        var path = $"/conversations/{id}";
        (await fixture.V2.PutAsync(path, new { title = "Kept" })).Ok();
        var old = fixture.V2.WithVersion(version);
        var takes = $"PUT {path} takes custom_attributes, read";

        var updated = (await old.PutAsync(path, new { title = "Lost", read = true, custom_attributes = new { plan = "pro" } })).Ok();
        Assert.Equal($"ignored unknown field 'title'; {takes}", updated.Header("X-Emulator-Warning"));
        Assert.Equal(("Kept", true, "pro"), (updated["title"].GetString(), updated["read"].GetBoolean(), updated["custom_attributes"].GetProperty("plan").GetString()));
        Assert.Equal($"ignored unknown field 'company_id'; {takes}", (await old.PutAsync(path, new { company_id = "c1", read = true })).Ok().Header("X-Emulator-Warning"));
        Assert.Equal($"ignored unknown field 'title'; {takes}", (await old.PutAsync(path, """{"title":null,"read":true}""")).Ok().Header("X-Emulator-Warning"));
        var alone = await old.PutAsync(path, new { title = "Lost" });
        Assert.Equal("give read (true or false) or custom_attributes", alone.Error(400, "parameter_invalid"));
        Assert.Equal($"ignored unknown field 'title'; {takes}", alone.Header("X-Emulator-Warning"));
        Assert.Equal("Kept", (await fixture.V2.GetAsync(path)).Ok()["title"].GetString());

        var current = (await fixture.V2.PutAsync(path, new { title = "Set" })).Ok(); // 2.14 takes it
        Assert.Null(current.Header("X-Emulator-Warning"));
        Assert.Equal("Set", current["title"].GetString());
    }

    private static long? Number(System.Text.Json.JsonElement value) => value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : value.GetInt64();
}
