using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>50 parallel clients doing read-modify-write updates to one user lose no update.</summary>
public sealed class ConcurrencyTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const int Clients = 50;

    [Fact]
    public async Task Parallel_custom_data_updates_with_distinct_keys_all_survive()
    {
        var email = EmulatorFixture.NewEmail();
        await fixture.Api.PostAsync("v1/users", new { email });
        var replies = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i =>
            fixture.Api.PutAsync("v1/users", $"{{\"email\":\"{email}\",\"custom_data\":{{\"k{i}\":{i}}}}}")));
        Assert.All(replies, r => r.AssertStatus(200));
        var data = (await fixture.Api.GetAsync($"v1/users?email={email}"))["custom_data"];
        Assert.Equal(Enumerable.Range(0, Clients).Select(i => $"k{i}").Order(), data.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Parallel_impressions_each_increment_the_session_count()
    {
        var email = EmulatorFixture.NewEmail();
        await fixture.Api.PostAsync("v1/users", new { email });
        var replies = await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => fixture.Api.PostAsync("v1/users/impressions", new { email })));
        Assert.All(replies, r => r.AssertStatus(200));
        Assert.Equal(Clients, (await fixture.Api.GetAsync($"v1/users?email={email}"))["session_count"].GetInt32());
    }

    [Fact]
    public async Task Parallel_creates_of_the_same_user_make_one_user()
    {
        var id = EmulatorFixture.NewId();
        var replies = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => fixture.Api.PostAsync("v1/users", new { user_id = id, name = $"n{i}" })));
        Assert.Equal(1, replies.Count(r => r.Status == 201));
        Assert.Equal(Clients - 1, replies.Count(r => r.Status == 200));
    }

    [Fact]
    public async Task Parallel_tagging_counts_every_user_once()
    {
        var name = EmulatorFixture.NewId("tag");
        var ids = Enumerable.Range(0, Clients).Select(_ => EmulatorFixture.NewId()).ToArray();
        await Task.WhenAll(ids.Select(id => fixture.Api.PostAsync("v1/users", new { user_id = id })));
        await fixture.Api.PostAsync("v1/tags", new { name });
        await Task.WhenAll(ids.Select(id => fixture.Api.PutAsync("v1/tags", new { name, user_ids = new[] { id }, tag_or_untag = "tag" })));
        Assert.Equal(Clients, (await fixture.Api.GetAsync($"v1/tags?name={name}"))["tagged_user_count"].GetInt32());
    }
}
