using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>A tag save answers what it did, the tag and the users it could not include, and leaves its request as it was given.</summary>
    public sealed class TagSaveTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public TagSaveTests(EmulatorFixture emulator) => _emulator = emulator;

        [Fact]
        public async Task On2xTheUsersItCouldNotFindComeBackWithTheTagInTheOrderNamed()
        {
            await _emulator.ResetAndSeedAsync(2, "saved");
            using var client = _emulator.NewV2Client();
            var changes = new TagChanges("saved-vip");
            var nobody = new UserIdentity(null, "nobody@example.com");
            var ghost = new UserIdentity("ghost", null);
            changes.Users.Add(new UserIdentity(null, "saved1@example.com"));
            changes.Users.Add(nobody);
            changes.Users.Add(new UserIdentity("saved2", null));
            changes.Users.Add(ghost);

            var saved = await client.SaveTagAsync(changes);

            Assert.Equal("saved-vip", saved.Tag.Name);
            Assert.Equal(new[] { nobody, ghost }, saved.Refused.Select(refused => refused.User));
            Assert.All(saved.Refused, refused => Assert.True(Assert.IsType<IntercomLookupException>(refused.Failure).FoundNone));
            Assert.Equal(4, changes.Users.Count);
            var tagged = await client.ListUsers(new UserListQuery { PageSize = 10, TagName = "saved-vip" }).NextAsync();
            Assert.Equal(new[] { "saved1", "saved2" }, tagged!.Users.Select(user => user.UserId).OrderBy(id => id));
        }

        [Fact]
        public async Task OnV1NoUserIsRefusedSinceTheApiSkipsUnknownOnes()
        {
            await _emulator.ResetAndSeedAsync(1, "v1saved");
            using var client = _emulator.NewClient();
            var changes = new TagChanges("v1-vip");
            changes.Users.Add(new UserIdentity(null, "v1saved1@example.com"));
            changes.Users.Add(new UserIdentity(null, "nobody@example.com"));

            var saved = await client.SaveTagAsync(changes);

            Assert.Equal(1, saved.Tag.TaggedUserCount);
            Assert.Empty(saved.Refused);
        }
    }
}
