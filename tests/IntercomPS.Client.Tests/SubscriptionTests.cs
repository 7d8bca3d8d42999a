using System;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// Subscription types: the one rule that turns "should this user receive it" into an attach, a detach or nothing
    /// (<see cref="SubscriptionChange"/>), the finder that names a type by id or name, and the 2.x client doing it
    /// against the emulator, counting the requests it sends.
    /// </summary>
    public sealed class SubscriptionTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public SubscriptionTests(EmulatorFixture emulator) => _emulator = emulator;

        [Theory]
        [InlineData("opt_out", false, false, SubscriptionRequest.Attach)]
        [InlineData("opt_out", false, true, SubscriptionRequest.None)]
        [InlineData("opt_out", true, true, SubscriptionRequest.Detach)]
        [InlineData("opt_out", true, false, SubscriptionRequest.None)]
        [InlineData("opt_in", true, false, SubscriptionRequest.Attach)]
        [InlineData("opt_in", true, true, SubscriptionRequest.None)]
        [InlineData("opt_in", false, true, SubscriptionRequest.Detach)]
        [InlineData("opt_in", false, false, SubscriptionRequest.None)]
        public void ReceivingOrNotIsAnAttachADetachOrNothingByTheTypesConsent(string consent, bool receive, bool attached, SubscriptionRequest expected)
        {
            Assert.Equal(expected, SubscriptionChange.Decide(consent, receive, attached));
            // After the request, the user receives it as asked.
            var now = expected == SubscriptionRequest.None ? attached : expected == SubscriptionRequest.Attach;
            Assert.Equal(receive, SubscriptionChange.Receives(consent, now));
        }

        [Fact]
        public void AConsentTypeNeitherOptInNorOptOutDecidesNothing()
        {
            var e = Assert.Throws<ArgumentException>(() => SubscriptionChange.Decide("opt_maybe", receive: true, attached: false));
            Assert.Equal("The subscription type's consent type is 'opt_maybe', neither opt_out nor opt_in: what a choice about it means is unknown, so nothing was sent.", e.Message);
        }

        [Fact]
        public async Task TheClientReadsTheChoicesThenSendsOnlyWhatChangesThem()
        {
            await _emulator.ResetAndSeedAsync(1, "sub");
            var newsletters = await _emulator.Admin.AddSubscriptionTypeAsync(EmulatorFixture.AppId, "Newsletters", "opt_out");
            using var client = _emulator.NewV2Client();
            var finder = client.NewSubscriptionTypeFinder();
            var type = await finder("newsletters", default);
            Assert.Equal((newsletters, "opt_out"), (type.Id, type.ConsentType));
            Assert.Same(type, await finder(newsletters, default));
            var user = new UserIdentity("sub1", null);

            var off = await client.SetUserSubscriptionAsync(user, type, receive: false);
            Assert.Equal((false, true, true), (off.Receives, off.Explicit, off.Changed));
            var again = await client.SetUserSubscriptionAsync(user, type, receive: false);
            Assert.Equal((false, false), (again.Receives, again.Changed));
            var requests = await _emulator.Admin.GetRequestsAsync(EmulatorFixture.AppId);
            Assert.Equal(1, requests.Of("GET /subscription_types"));
            Assert.Equal(1, requests.Of("POST /contacts/{contact_id}/subscriptions"));
            Assert.Equal(2, requests.Of("GET /contacts/{contact_id}/subscriptions"));

            var listed = await client.GetUserSubscriptionsAsync(user, null);
            Assert.Equal([("Newsletters", false, true)], listed.Select(s => (s.SubscriptionTypeName, s.Receives, s.Explicit)));
            Assert.Equal("sub1", listed[0].UserId);
            var on = await client.SetUserSubscriptionAsync(user, type, receive: true);
            Assert.Equal((true, false, true), (on.Receives, on.Explicit, on.Changed));
            Assert.Empty(await client.GetUserSubscriptionsAsync(user, null));
            Assert.Equal([("Newsletters", true, false)],
                (await client.GetUserSubscriptionsAsync(user, await client.ListSubscriptionTypesAsync())).Select(s => (s.SubscriptionTypeName, s.Receives, s.Explicit)));
        }

        [Fact]
        public async Task AFinderNamesNoneAndSeveralAsLookupsWithNoHttpStatus()
        {
            await _emulator.Admin.ResetAsync(EmulatorFixture.AppId);
            var email = await _emulator.Admin.AddSubscriptionTypeAsync(EmulatorFixture.AppId, "Alerts", "opt_out");
            var sms = await _emulator.Admin.AddSubscriptionTypeAsync(EmulatorFixture.AppId, "Alerts", "opt_in", ["sms_message"]);
            using var client = _emulator.NewV2Client();
            var finder = client.NewSubscriptionTypeFinder();

            var none = await Assert.ThrowsAsync<IntercomLookupException>(() => finder("Nope", default));
            Assert.True(none.FoundNone);
            Assert.Null(none.StatusCode);
            var several = await Assert.ThrowsAsync<IntercomLookupException>(() => finder("alerts", default));
            Assert.Equal(SubscriptionTypeMatch.AmbiguousType, several.ErrorType);
            Assert.StartsWith($"2 subscription types are named 'alerts': {email} (opt_out, email, live), {sms} (opt_in, sms_message, live). Name one by its id.", several.Message);
            Assert.Equal(sms, (await finder(sms, default)).Id);
            Assert.Equal(1, (await _emulator.Admin.GetRequestsAsync(EmulatorFixture.AppId)).Of("GET /subscription_types"));
        }
    }
}
