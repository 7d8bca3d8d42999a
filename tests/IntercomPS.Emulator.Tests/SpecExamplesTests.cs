using System.Net.Http;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>Every example request of the spec, replayed; the response must have the example's fields and kinds.</summary>
public sealed class SpecExamplesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    public static TheoryData<string, string, string?, int, string> Examples => new()
    {
        { "GET", "v1/users/?per_page=3", null, 200, SpecExamples.UserList },
        { "GET", "v1/users/?email=ben@intercom.io", null, 200, SpecExamples.User },
        { "POST", "v1/users", SpecExamples.CreateUserRequest, 201, SpecExamples.CreatedUser },
        { "PUT", "v1/users", SpecExamples.UpdateUserRequest, 200, SpecExamples.User },
        { "DELETE", "v1/users", SpecExamples.DeleteUserRequest, 200, SpecExamples.CreatedUser },
        { "POST", "v1/users/notes", SpecExamples.NoteRequest, 201, SpecExamples.Note },
        { "GET", "v1/tags/?name=Free%20Trial", null, 200, SpecExamples.Tag },
        { "POST", "v1/tags", SpecExamples.TagRequest, 201, SpecExamples.Tag },
        { "PUT", "v1/tags", SpecExamples.TagRequest, 200, SpecExamples.Tag },
        { "POST", "v1/users/impressions", SpecExamples.ImpressionRequest, 200, SpecExamples.Impression },
        { "GET", "v1/users/message_threads?email=ben@intercom.io", null, 200, SpecExamples.Threads },
        { "GET", "v1/users/message_threads?email=ben@intercom.io&thread_id=123", null, 200, SpecExamples.Thread },
        { "POST", "v1/users/message_threads", SpecExamples.CreateThreadRequest, 201, SpecExamples.CreatedThread },
        { "PUT", "v1/users/message_threads", SpecExamples.ReplyRequest, 200, SpecExamples.Thread },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Dummy_app_answers_every_example_with_the_spec_shape(string method, string path, string? body, int status, string example)
    {
        var reply = await fixture.Dummy.SendAsync(new HttpMethod(method), path, body);
        reply.AssertStatus(status);
        Shape.AssertMatches(example, reply.Json);
    }

    [Fact]
    public async Task A_stored_app_answers_every_example_in_turn_with_the_spec_shape()
    {
        // A fresh app of its own, so "ben@intercom.io" and "Free Trial" are this test's alone.
        var api = fixture.Other;
        await fixture.Admin.ResetAsync(EmulatorFixture.OtherAppId);

        var created = (await api.PostAsync("v1/users", SpecExamples.CreateUserRequest)).AssertStatus(201);
        Shape.AssertMatches(SpecExamples.CreatedUser, created.Json, deep: false);
        Assert.Equal(1300000000, created["last_impression_at"].GetInt64()); // last_request_at is the alias
        Assert.Equal("pro", created["custom_data"].GetProperty("plan").GetString());

        Shape.AssertMatches(SpecExamples.UserList, (await api.GetAsync("v1/users/?per_page=3")).AssertStatus(200).Json, deep: false);
        Shape.AssertMatches(SpecExamples.User, (await api.GetAsync("v1/users/?email=ben@intercom.io")).AssertStatus(200).Json, deep: false);
        var updated = (await api.PutAsync("v1/users", SpecExamples.UpdateUserRequest)).AssertStatus(200);
        Assert.Equal("Benjamin McRedmond", updated["name"].GetString());
        Shape.AssertMatches(SpecExamples.Note, (await api.PostAsync("v1/users/notes", SpecExamples.NoteRequest)).AssertStatus(201).Json, deep: false);

        Shape.AssertMatches(SpecExamples.Tag, (await api.PostAsync("v1/tags", SpecExamples.TagRequest)).AssertStatus(201).Json);
        Shape.AssertMatches(SpecExamples.Tag, (await api.GetAsync("v1/tags/?name=Free%20Trial")).AssertStatus(200).Json);
        Shape.AssertMatches(SpecExamples.Tag, (await api.PutAsync("v1/tags", SpecExamples.TagRequest)).AssertStatus(200).Json);
        Shape.AssertMatches(SpecExamples.Impression, (await api.PostAsync("v1/users/impressions", SpecExamples.ImpressionRequest)).AssertStatus(200).Json);

        var thread = (await api.PostAsync("v1/users/message_threads", SpecExamples.CreateThreadRequest)).AssertStatus(201);
        Shape.AssertMatches(SpecExamples.CreatedThread, thread.Json);
        var id = thread["thread_id"].GetInt64();
        Shape.AssertMatches(SpecExamples.Threads, (await api.GetAsync("v1/users/message_threads?email=ben@intercom.io")).AssertStatus(200).Json);
        Shape.AssertMatches(SpecExamples.Thread, (await api.GetAsync($"v1/users/message_threads?email=ben@intercom.io&thread_id={id}")).AssertStatus(200).Json);
        var reply = SpecExamples.ReplyRequest.Replace("11547", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Shape.AssertMatches(SpecExamples.Thread, (await api.PutAsync("v1/users/message_threads", reply)).AssertStatus(200).Json);

        Shape.AssertMatches(SpecExamples.CreatedUser, (await api.DeleteAsync("v1/users", SpecExamples.DeleteUserRequest)).AssertStatus(200).Json, deep: false);
        (await api.GetAsync("v1/users/?email=ben@intercom.io")).AssertError(404, "not_found");
    }
}
