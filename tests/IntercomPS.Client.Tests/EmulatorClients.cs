using IntercomPS.Testing;

namespace IntercomPS.Client.Tests
{
    /// <summary>Clients of the shared emulator fixture's test app (IntercomPS.Testing.EmulatorFixture).</summary>
    internal static class EmulatorClients
    {
        public static IntercomClient NewClient(this EmulatorFixture emulator, string apiKey = EmulatorFixture.ApiKey) =>
            new IntercomClient(new IntercomClientOptions(new BasicCredential(EmulatorFixture.AppId, EmulatorFixture.Secure(apiKey))) { BaseUri = emulator.ApiUri });
    }
}
