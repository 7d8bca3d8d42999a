using System.Collections.Generic;
using System.Collections;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text;
using System.Threading.Tasks;
using System;
using IntercomPS.Client;
using IntercomPS.Client.V1;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>The client layer without PowerShell: real HTTP to the emulator, and the request JSON it writes.</summary>
    public sealed class ClientTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public ClientTests(EmulatorFixture emulator) => _emulator = emulator;

        [Fact]
        public async Task ThePagerReadsEveryPageInOrderOnceAndThenSaysSo()
        {
            await _emulator.ResetAndSeedAsync(1050, "pager-");
            using var client = _emulator.NewClient();

            using var pager = client.ListUserPages(new UserListQuery { PageSize = 100 }, pagesAhead: 3);
            var ids = new List<string?>();
            var pages = new List<int>();
            for (var page = await pager.NextAsync(); page is not null; page = await pager.NextAsync())
            {
                pages.Add(page.Page);
                ids.AddRange(page.Users.Select(user => user.UserId));
            }

            Assert.Equal(Enumerable.Range(1, 11), pages);
            Assert.Equal(Enumerable.Range(1, 1050).Select(n => "pager-" + n), ids);
            Assert.Null(await pager.NextAsync());
            Assert.Equal(11, await _emulator.RequestCountAsync("GET /v1/users"));
        }

        [Fact]
        public async Task ThePagerStopsAtTheLastPageAsked()
        {
            await _emulator.ResetAndSeedAsync(1050, "last-");
            using var client = _emulator.NewClient();

            using var pager = client.ListUserPages(new UserListQuery { PageSize = 100, Page = 4 }, pagesAhead: 8, lastPage: 6);
            var pages = new List<int>();
            for (var page = await pager.NextAsync(); page is not null; page = await pager.NextAsync()) pages.Add(page.Page);

            Assert.Equal(new[] { 4, 5, 6 }, pages);
            Assert.Equal(3, await _emulator.RequestCountAsync("GET /v1/users"));
        }

        [Fact]
        public async Task AWrongKeyIsAnUnauthorizedExceptionThatNamesTheRequestButNotTheKey()
        {
            using var client = _emulator.NewClient("not-the-key");

            var failure = await Assert.ThrowsAsync<IntercomApiException>(() => client.GetUserAsync(new UserIdentity(null, "x@example.com")));

            Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
            Assert.Equal("unauthorized", failure.ErrorType);
            Assert.Equal("GET", failure.Method);
            Assert.Equal("/v1/users", failure.RequestUri.AbsolutePath);
            Assert.EndsWith("(401 unauthorized from GET /v1/users?email=x%40example.com)", failure.Message);
            Assert.DoesNotContain("not-the-key", failure.ToString());
            Assert.False(failure.CertainlyNotApplied);
        }

        [Fact]
        public async Task AnUnknownUserIsNotFoundAndARefusedConnectionIsCertainlyNotApplied()
        {
            using var client = _emulator.NewClient();
            var missing = await Assert.ThrowsAsync<IntercomApiException>(() => client.UpdateUserAsync(new UserChanges(new UserIdentity("nobody", null)) { Name = "x" }));
            Assert.Equal((HttpStatusCode.NotFound, "not_found"), (missing.StatusCode, missing.ErrorType));

            var closedPort = new Uri($"http://127.0.0.1:{FreePort()}/v1/");
            using var nowhere = new IntercomClient(new IntercomClientOptions(new BasicCredential("a", EmulatorFixture.Secure("k"))) { BaseUri = closedPort, Retry = { MaxRetries = 0 } });
            var refused = await Assert.ThrowsAsync<IntercomApiException>(() => nowhere.GetUserAsync(new UserIdentity("u", null)));
            Assert.Equal(IntercomApiException.ConnectionFailedType, refused.ErrorType);
            Assert.Null(refused.StatusCode);
            Assert.True(refused.CertainlyNotApplied);
        }

        [Fact]
        public void PlainHttpIsRefusedExceptOnLoopbackOrWhenAllowed()
        {
            var credential = new BasicCredential("app", EmulatorFixture.Secure("key"));
            var remote = new Uri("http://intercom.example.net/v1");
            Assert.Throws<ArgumentException>(() => new IntercomClient(new IntercomClientOptions(credential) { BaseUri = remote }));
            using var allowed = new IntercomClient(new IntercomClientOptions(credential) { BaseUri = remote, AllowUnencryptedAuthentication = true });
            Assert.Equal("http://intercom.example.net/v1/", allowed.BaseUri.ToString());
            using var local = new IntercomClient(new IntercomClientOptions(credential) { BaseUri = new Uri("http://127.0.0.1:9/v1/") });
            Assert.Equal("Intercom app app at http://127.0.0.1:9/v1/", local.ToString());
        }

        [Fact]
        public void TheCredentialShowsOnlyTheAppIdAndBuildsTheBasicHeader()
        {
            var credential = new BasicCredential("app-1", EmulatorFixture.Secure("s3cret"));
            Assert.Equal("app-1:********", credential.ToString());
            var header = credential.CreateHeader();
            Assert.Equal("Basic", header.Scheme);
            Assert.Equal("app-1:s3cret", Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter!)));
        }

        [Fact]
        public void AnUpdateSendsOnlyTheFieldsThatWereSet()
        {
            var changes = new UserChanges(new UserIdentity("7902", "ben@intercom.io"))
            {
                Name = "Ben",
                CreatedAt = new DateTime(2009, 11, 7, 0, 18, 0, DateTimeKind.Utc),
                CustomData = new Hashtable { ["plan"] = "pro", ["seats"] = 3, ["renewal"] = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), ["note"] = null },
            };

            Assert.Equal(
                """{"user_id":"7902","email":"ben@intercom.io","name":"Ben","created_at":1257553080,"custom_data":{"plan":"pro","seats":3,"renewal":1798761600,"note":null}}""",
                Json(writer => V1Requests.WriteUser(writer, changes), sortCustomData: true));
        }

        [Fact]
        public void AUserListedWithoutCustomDataStillHasAnEmptyTableToWriteTo()
        {
            var v1 = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes("{\"intercom_id\":\"a1\",\"email\":\"a@example.com\",\"custom_data\":{}}"),
                IntercomPS.Client.V1.Wire.V1JsonContext.Default.User)!.ToModel();
            var v2 = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes("{\"id\":\"b2\",\"custom_attributes\":{},\"tags\":{\"data\":[],\"has_more\":false}}"),
                IntercomPS.Client.V2.V2JsonContext.Default.Contact)!.ToUser();
            var kept = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes("{\"id\":\"c3\",\"custom_attributes\":{\"Plan\":\"pro\"}}"),
                IntercomPS.Client.V2.V2JsonContext.Default.Contact)!.ToUser();

            foreach (var user in new[] { v1, v2 })
            {
                var table = Assert.IsType<CustomData>(user.CustomData);
                Assert.Empty(table);
                Assert.Equal("{}", table.ToString());
                user.CustomData["Plan"] = "pro";
                Assert.Equal("pro", user.CustomData["plan"]);
            }
            Assert.NotSame(v1.CustomData, v2.CustomData);
            Assert.Equal("pro", kept.CustomData["plan"]);
            Assert.Empty(v2.Tags!);
            Assert.False(v2.TagsUnnamed);
        }

        [Fact]
        public void NestedCustomDataIsRefusedNamingTheKey()
        {
            var changes = new UserChanges(new UserIdentity("u", null)) { CustomData = new Hashtable { ["plan"] = new[] { 1, 2 } } };
            var refused = Assert.Throws<ArgumentException>(() => Json(writer => V1Requests.WriteUser(writer, changes)));
            Assert.Equal("CustomData.plan is a Int32[]; Intercom custom data is flat, so each value must be a string, number, boolean, date or $null.", refused.Message);
        }

        [Fact]
        public void TagChangesPutUsersByUserIdElseEmailAndRefuseUnknownColours()
        {
            var changes = new TagChanges("vip") { Color = "GOLD", Untag = true };
            changes.Users.Add(new UserIdentity("u1", "a@example.com"));
            changes.Users.Add(new UserIdentity(null, "b@example.com"));

            Assert.Equal("""{"name":"vip","color":"gold","user_ids":["u1"],"emails":["b@example.com"],"tag_or_untag":"untag"}""", Json(writer => V1Requests.WriteTag(writer, changes)));
            Assert.Equal("'pink' is not a tag colour: use one of green, red, teal, gold, blue, purple.", Assert.Throws<ArgumentException>(() => changes.Color = "pink").Message);
        }

        [Theory]
        [InlineData(1, 250, 500)]
        [InlineData(2, 500, 1000)]
        [InlineData(4, 2000, 4000)]
        public void BackoffDoublesWithJitterWithinItsBounds(int retry, int lowMs, int highMs)
        {
            var policy = new RetryPolicy();
            for (var i = 0; i < 200; i++)
                Assert.InRange(policy.WaitBefore(retry, null)!.Value.TotalMilliseconds, lowMs, highMs);
        }

        [Fact]
        public void RetriesStopAtTheLimitAndNeverWaitLessThanTheServerAskedOrMoreThanTheCap()
        {
            var policy = new RetryPolicy { MaxRetries = 2 };
            Assert.Null(policy.WaitBefore(3, null));
            Assert.Equal(TimeSpan.FromSeconds(10), policy.WaitBefore(1, TimeSpan.FromSeconds(10)));
            Assert.Null(policy.WaitBefore(1, TimeSpan.FromSeconds(61)));
            // Backoff itself is capped too: the 30th retry waits half to all of the 60 s cap, not 2^29 times the base.
            Assert.InRange(new RetryPolicy { MaxRetries = 30 }.WaitBefore(30, null)!.Value, TimeSpan.FromSeconds(30), RetryPolicy.DefaultMaxWait);
            Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy { MaxRetries = -1 });
        }

        private static string Json(Action<Utf8JsonWriter> write, bool sortCustomData = false)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer)) write(writer);
            var text = Encoding.UTF8.GetString(buffer.ToArray());
            if (!sortCustomData) return text;
            // Hashtable order is not defined: compare custom_data with its keys in a known order.
            using var document = JsonDocument.Parse(text);
            var data = document.RootElement.GetProperty("custom_data").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
            var ordered = "{" + string.Join(",", new[] { "plan", "seats", "renewal", "note" }.Select(key => $"\"{key}\":{data[key]}")) + "}";
            return text.Substring(0, text.IndexOf("\"custom_data\":", StringComparison.Ordinal)) + "\"custom_data\":" + ordered + "}";
        }

        private static int FreePort()
        {
            var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
