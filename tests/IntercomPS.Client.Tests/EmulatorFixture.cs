using System;
using System.Security;
using System.Threading.Tasks;
using IntercomPS.Client;
using IntercomPS.Client.V1;
using IntercomPS.Client.V2;
using IntercomPS.Emulator;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>An in-memory emulator per test class, and clients for it.</summary>
    public sealed class EmulatorFixture : IAsyncLifetime
    {
        public const string AppId = "client-app";
        public const string ApiKey = "client-key-7d1f";

        private IntercomEmulator? _emulator;
        private EmulatorAdmin? _admin;

        public IntercomEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

        /// <summary>The emulator's /admin API.</summary>
        public EmulatorAdmin Admin => _admin ?? throw new InvalidOperationException("The emulator has not started.");

        public async Task InitializeAsync()
        {
            var options = new EmulatorOptions();
            options.Apps[AppId] = ApiKey;
            _emulator = await IntercomEmulator.StartAsync(options);
            _admin = new EmulatorAdmin(_emulator.BaseUri);
        }

        public async Task DisposeAsync()
        {
            _admin?.Dispose();
            if (_emulator is not null) await _emulator.DisposeAsync();
        }

        public IntercomClient NewClient(string apiKey = ApiKey) =>
            new IntercomClient(new IntercomClientOptions(new BasicCredential(AppId, Secure(apiKey))) { BaseUri = Emulator.ApiUri });

        /// <summary>A REST API 2.14 client of the same app: its key is also its bearer token, and the 2.14 face is at the root.</summary>
        public IntercomV2Client NewV2Client() =>
            new IntercomV2Client(new IntercomClientOptions(new AccessToken(Secure(ApiKey))) { BaseUri = Emulator.BaseUri });

        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var letter in text) secure.AppendChar(letter);
            return secure;
        }

        public async Task ResetAndSeedAsync(int count, string prefix)
        {
            await Admin.ResetAsync(AppId);
            await Admin.SeedAsync(AppId, count, prefix);
        }

        public async Task<int> RequestCountAsync(string route) => (await Admin.GetRequestsAsync(AppId)).Of(route);
    }
}
