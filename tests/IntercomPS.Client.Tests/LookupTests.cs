using System;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// A REST API 2.x user named by email is found by a search, which answers 200 whatever it finds: no one, or several,
    /// is the client's finding, an IntercomLookupException with no HTTP status, never a made-up one; and its not_found
    /// says a contact created in the last minutes may not be searchable yet. A user id is read with GET
    /// /contacts/find_by_external_id, which sees a contact made a moment ago (the 2.14 description says so).
    /// </summary>
    public sealed class LookupTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public LookupTests(EmulatorFixture emulator) => _emulator = emulator;

        [Fact]
        public async Task ALookupThatFindsNobodySaysNotFoundWithNoHttpStatus()
        {
            await _emulator.ResetAndSeedAsync(1, "found");
            using var client = _emulator.NewV2Client();

            var missing = await Assert.ThrowsAsync<IntercomLookupException>(() => client.GetUserAsync(new UserIdentity(null, "nobody@example.com")));

            Assert.True(missing.FoundNone);
            Assert.Equal(IntercomApiException.NotFoundType, missing.ErrorType);
            Assert.Null(missing.StatusCode);
            Assert.Equal(("POST", "/contacts/search"), (missing.Method, missing.RequestUri.AbsolutePath));
            Assert.Equal("No user (contact with role user) has email 'nobody@example.com'. A contact created in the last few minutes may not be searchable yet " +
                "(Intercom's search lags behind its writes); by -Id or -UserId it is found at once. (not_found from POST /contacts/search)", missing.Message);
            Assert.Equal("found1", (await client.GetUserAsync(new UserIdentity(null, "found1@example.com"))).UserId);
        }

        [Fact]
        public async Task SeveralUsersWithTheEmailAreAmbiguousWithNoHttpStatusNamingOneOfThem()
        {
            await _emulator.Admin.ResetAsync(EmulatorFixture.AppId);
            using var v1 = _emulator.NewClient();
            await v1.CreateOrUpdateUserAsync(new UserChanges(new UserIdentity("twin1", "twins@example.com")));
            var twin2 = await v1.CreateOrUpdateUserAsync(new UserChanges(new UserIdentity("twin2", "twins@example.com")));
            using var client = _emulator.NewV2Client();

            var ambiguous = await Assert.ThrowsAsync<IntercomLookupException>(() => client.GetUserAsync(new UserIdentity(null, "twins@example.com")));

            Assert.False(ambiguous.FoundNone);
            Assert.Equal(IntercomApiException.AmbiguousUserType, ambiguous.ErrorType);
            Assert.Null(ambiguous.StatusCode);
            Assert.StartsWith("2 users (contacts with role user) have email 'twins@example.com', so which one is meant is unclear; name it by -Id (the contact id), e.g. ", ambiguous.Message);
            Assert.Equal("twin2", (await client.GetUserAsync(new UserIdentity(null, null, twin2.Id))).UserId);
        }

        [Fact]
        public async Task AUserIdIsLookedUpWithFindByExternalIdNeverASearch()
        {
            await _emulator.Admin.ResetAsync(EmulatorFixture.AppId);
            using var client = _emulator.NewV2Client();
            var created = await client.CreateOrUpdateUserAsync(new UserChanges(new UserIdentity("ext-1", "ext1@example.com")) { Name = "Ext" });
            var searches = await _emulator.RequestCountAsync("POST /contacts/search");

            var found = await client.GetUserAsync(new UserIdentity("ext-1", null));
            var updated = await client.UpdateUserAsync(new UserChanges(new UserIdentity("ext-1", null)) { Name = "Ext Two" });

            Assert.Equal(created.Id, found.Id);
            Assert.Equal("Ext Two", updated.Name);
            Assert.Equal(0, searches); // the create looked for the user by external id too
            Assert.Equal(0, await _emulator.RequestCountAsync("POST /contacts/search"));
            Assert.Equal(3, await _emulator.RequestCountAsync("GET /contacts/find_by_external_id/{external_id}"));
            var missing = await Assert.ThrowsAsync<IntercomLookupException>(() => client.GetUserAsync(new UserIdentity("nobody", null)));
            Assert.True(missing.FoundNone);
            Assert.Null(missing.StatusCode);
            Assert.Equal("No user (contact with role user) has external_id 'nobody'.", missing.ApiMessage);
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
