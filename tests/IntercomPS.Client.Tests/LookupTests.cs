using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using IntercomPS.Client.V2;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// How a 2.x user is found: by external id with GET /contacts/find_by_external_id, which sees a contact made a
    /// moment ago, and by email with a search, which may not for minutes (the 2.14 description says so).
    /// </summary>
    public sealed class LookupTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public LookupTests(EmulatorFixture emulator) => _emulator = emulator;

        private IntercomV2Client NewV2Client() =>
            new IntercomV2Client(new IntercomClientOptions(new AccessToken(EmulatorFixture.Secure(EmulatorFixture.ApiKey))) { BaseUri = new Uri(_emulator.Emulator.ApiUri, "/") });

        [Fact]
        public async Task AUserIdIsLookedUpWithFindByExternalIdNeverASearch()
        {
            await _emulator.Admin.ResetAsync(EmulatorFixture.AppId);
            using var client = NewV2Client();
            var created = await client.CreateOrUpdateUserAsync(new UserChanges(new UserIdentity("ext-1", "ext1@example.com")) { Name = "Ext" });
            var searches = await _emulator.RequestCountAsync("POST /contacts/search");

            var found = await client.GetUserAsync(new UserIdentity("ext-1", null));
            var updated = await client.UpdateUserAsync(new UserChanges(new UserIdentity("ext-1", null)) { Name = "Ext Two" });

            Assert.Equal(created.Id, found.Id);
            Assert.Equal("Ext Two", updated.Name);
            Assert.Equal(0, searches); // the create looked for the user by external id too
            Assert.Equal(0, await _emulator.RequestCountAsync("POST /contacts/search"));
            Assert.Equal(3, await _emulator.RequestCountAsync("GET /contacts/find_by_external_id/{external_id}"));
            var missing = await Assert.ThrowsAsync<IntercomApiException>(() => client.GetUserAsync(new UserIdentity("nobody", null)));
            Assert.Equal((HttpStatusCode.NotFound, "not_found"), (missing.StatusCode, missing.ErrorType));
            Assert.StartsWith("No user (contact with role user) has external_id 'nobody'.", missing.ApiMessage);
        }

        [Fact]
        public async Task AnEmailNobodyHasSaysANewContactMayNotBeSearchableYet()
        {
            using var client = NewV2Client();

            var missing = await Assert.ThrowsAsync<IntercomApiException>(() => client.GetUserAsync(new UserIdentity(null, "ghost@example.com")));

            Assert.Equal("not_found", missing.ErrorType);
            Assert.Contains("A contact created in the last few minutes may not be searchable yet", missing.Message);
        }

        /// <summary>
        /// A user made by email a moment ago, which the search does not see yet: the create's 409 names it, and that
        /// contact is updated rather than the conflict reported (the emulator's search delay will show it end to end).
        /// </summary>
        [Fact]
        public async Task CreateOrUpdateByEmailUpdatesTheUserThe409NamesWhenTheSearchDoesNotSeeItYet()
        {
            const string Id = "65a1b2c3d4e5f60718293a4b";
            var contact = "{\"type\":\"contact\",\"id\":\"" + Id + "\",\"role\":\"user\",\"email\":\"new@example.com\",\"name\":\"New\"}";
            using var server = new LoopbackServer();
            server.Answer("POST /contacts/search", 200, "{\"type\":\"list\",\"total_count\":0,\"data\":[],\"pages\":{\"type\":\"pages\"}}");
            server.Answer("POST /contacts", 409, "{\"type\":\"error.list\",\"errors\":[{\"code\":\"conflict\",\"message\":\"A contact matching those details already exists with id=" + Id + "\"}]}", bodyContains: "\"role\":\"user\"");
            server.Answer("GET /contacts/" + Id, 200, contact);
            server.Answer("PUT /contacts/" + Id, 200, contact.Replace("\"New\"", "\"New Name\""));
            using var client = HostileAnswerTests.NewClient(server);

            var user = await client.CreateOrUpdateUserAsync(new UserChanges(new UserIdentity(null, "new@example.com")) { Name = "New Name" });

            Assert.Equal((Id, "New Name"), (user.Id, user.Name));
            Assert.Single(server.Requests, request => request.StartsWith("PUT /contacts/" + Id, StringComparison.Ordinal));
            Assert.Single(server.Requests, request => request == "POST /contacts");
        }
    }
}
