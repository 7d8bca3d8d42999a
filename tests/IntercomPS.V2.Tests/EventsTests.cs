using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

public class EventsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Submitted_events_are_listed_newest_first_and_summarised()
    {
        var email = EmulatorFixture.NewEmail();
        var externalId = EmulatorFixture.NewId("e");
        var id = (await fixture.V2.PostAsync("/contacts", new { email, external_id = externalId })).Ok()["id"].GetString();
        (await fixture.V2.PostAsync("/events", new { event_name = "invited-friend", created_at = 1671028894, user_id = externalId, metadata = new { invite_code = "ADDAFRIEND" } })).Ok(202);
        (await fixture.V2.PostAsync("/events", new { event_name = "invited-friend", created_at = 1671028994, id })).Ok(202);
        (await fixture.V2.PostAsync("/events", new { event_name = "placed-order", created_at = 1671029000, email })).Ok(202);

        var list = (await fixture.V2.GetAsync($"/events?type=user&intercom_user_id={id}")).Ok();
        Assert.Equal("event.list", list["type"].GetString());
        Assert.Equal(["placed-order", "invited-friend", "invited-friend"], list["events"].EnumerateArray().Select(e => e.GetProperty("event_name").GetString()));
        Assert.Equal("ADDAFRIEND", list["events"][2].GetProperty("metadata").GetProperty("invite_code").GetString());

        var summary = (await fixture.V2.GetAsync($"/events?type=user&user_id={externalId}&summary=true")).Ok();
        var invited = summary["events"].EnumerateArray().Single(e => e.GetProperty("name").GetString() == "invited-friend");
        Assert.Equal(2, invited.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("""{"created_at":1,"email":"a@b.c"}""", 400, "parameter_not_found")]
    [InlineData("""{"event_name":"x","email":"a@b.c"}""", 400, "parameter_not_found")]
    [InlineData("""{"event_name":"x","created_at":1}""", 400, "parameter_not_found")]
    [InlineData("""{"event_name":"x","created_at":1,"user_id":"nobody-here"}""", 404, "not_found")]
    [InlineData("""{"event_name":"x","created_at":1,"email":"a@b.c","metadata":{"a":[1]}}""", 400, "parameter_invalid")]
    public async Task A_bad_event_is_refused_and_not_recorded(string body, int status, string code)
    {
        (await fixture.V2.PostAsync("/events", body)).Error(status, code);
    }

    [Fact]
    public async Task Listing_needs_type_user_and_a_contact()
    {
        (await fixture.V2.GetAsync("/events?user_id=x")).Error(400, "parameter_invalid");
        (await fixture.V2.GetAsync("/events?type=user")).Error(400, "parameter_not_found");
    }

    [Fact]
    public async Task The_same_event_sent_again_is_accepted_and_ignored_as_the_real_service_deduplicates()
    {
        var externalId = EmulatorFixture.NewId("d");
        var id = (await fixture.V2.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(), external_id = externalId })).Ok()["id"].GetString();
        for (var n = 0; n < 3; n++)
        {
            (await fixture.V2.PostAsync("/events", new { event_name = "paid", created_at = 1671028894, user_id = externalId, metadata = new { attempt = $"try {n}" } })).Ok(202);
        }

        (await fixture.V2.PostAsync("/events", new { event_name = "paid", created_at = 1671028895, id })).Ok(202);
        var events = (await fixture.V2.GetAsync($"/events?type=user&intercom_user_id={id}")).Ok()["events"];
        Assert.Equal(2, events.GetArrayLength());
        Assert.Equal("try 0", events[1].GetProperty("metadata").GetProperty("attempt").GetString());
    }

    [Fact]
    public async Task Submitted_summaries_count_beside_the_events_and_a_second_replaces_the_first()
    {
        var externalId = EmulatorFixture.NewId("s");
        var id = (await fixture.V2.PostAsync("/contacts", new { email = EmulatorFixture.NewEmail(), external_id = externalId })).Ok()["id"].GetString();
        (await fixture.V2.PostAsync("/events", new { event_name = "logged-in", created_at = 1700000000, id })).Ok(202);
        (await fixture.V2.PostAsync("/events/summaries", new { user_id = externalId, event_summaries = new { event_name = "logged-in", count = 4, first = 1600000000, last = 1650000000 } })).Ok();
        (await fixture.V2.PostAsync("/events/summaries", new { user_id = externalId, event_summaries = new { event_name = "logged-in", count = 5, first = 1600000000, last = 1650000000 } })).Ok();
        var summary = (await fixture.V2.GetAsync($"/events?type=user&intercom_user_id={id}&summary=true")).Ok()["events"].EnumerateArray().Single();
        Assert.Equal(6, summary.GetProperty("count").GetInt32());
        Assert.StartsWith("2020-09-13T12:26:40", summary.GetProperty("first").GetString(), System.StringComparison.Ordinal);
        Assert.StartsWith("2023-11-14T22:13:20", summary.GetProperty("last").GetString(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"event_summaries":{"event_name":"x","count":1,"first":1}}""", 400, "parameter_not_found")]
    [InlineData("""{"user_id":"nobody-here","event_summaries":{"event_name":"x","count":1,"first":1}}""", 404, "not_found")]
    [InlineData("""{"user_id":"u","event_summaries":{"count":1,"first":1}}""", 400, "parameter_not_found")]
    [InlineData("""{"user_id":"u","event_summaries":{"event_name":"x","count":0,"first":1}}""", 400, "parameter_invalid")]
    [InlineData("""{"user_id":"u","event_summaries":{"event_name":"x","count":1,"first":5,"last":4}}""", 400, "parameter_invalid")]
    public async Task A_bad_summary_is_refused(string body, int status, string code)
    {
        (await fixture.V2.PostAsync("/events/summaries", body)).Error(status, code);
    }
}
