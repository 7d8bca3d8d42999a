using IntercomPS.Client.V1;
using IntercomPS.Client.V2;
using IntercomPS.Testing;

namespace IntercomPS.Client.Tests
{
    /// <summary>Clients of the shared emulator fixture's test app (IntercomPS.Testing.EmulatorFixture).</summary>
    internal static class EmulatorClients
    {
        public static IntercomClient NewClient(this EmulatorFixture emulator, string apiKey = EmulatorFixture.ApiKey) =>
            new IntercomClient(new IntercomClientOptions(new BasicCredential(EmulatorFixture.AppId, EmulatorFixture.Secure(apiKey))) { BaseUri = emulator.ApiUri });

        /// <summary>A REST API 2.14 client of the same app: its key is also its bearer token, and the 2.14 face is at the root.</summary>
        public static IntercomV2Client NewV2Client(this EmulatorFixture emulator) =>
            new IntercomV2Client(new IntercomClientOptions(new AccessToken(EmulatorFixture.Secure(EmulatorFixture.ApiKey))) { BaseUri = emulator.Emulator.BaseUri });
    }
}
