using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// A REST API 2.x user named by email or user id is found by a search, which answers 200 whatever it finds: no one,
    /// or several, is the client's finding, an IntercomLookupException with no HTTP status, never a made-up one.
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
            Assert.Equal("No user (contact with role user) has email 'nobody@example.com'. (not_found from POST /contacts/search)", missing.Message);
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
    }
}
