using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Client;
using IntercomPS.Emulator;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>An in-memory emulator per test class, and clients for it.</summary>
    public sealed class EmulatorFixture : IAsyncLifetime
    {
        public const string AppId = "client-app";
        public const string ApiKey = "client-key-7d1f";

        private IntercomEmulator? _emulator;

        public IntercomEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

        public HttpClient Admin { get; } = new HttpClient();

        public async Task InitializeAsync()
        {
            var options = new EmulatorOptions();
            options.Apps[AppId] = ApiKey;
            _emulator = await IntercomEmulator.StartAsync(options);
        }

        public async Task DisposeAsync()
        {
            Admin.Dispose();
            if (_emulator is not null) await _emulator.DisposeAsync();
        }

        public IntercomClient NewClient(string apiKey = ApiKey) =>
            new IntercomClient(new IntercomClientOptions(new BasicCredential(AppId, Secure(apiKey))) { BaseUri = Emulator.ApiUri });

        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var letter in text) secure.AppendChar(letter);
            return secure;
        }

        public async Task ResetAndSeedAsync(int count, string prefix)
        {
            (await Admin.PostAsync(new Uri(Emulator.BaseUri, "admin/reset?app_id=" + AppId), null)).EnsureSuccessStatusCode();
            (await Admin.PostAsJsonAsync(new Uri(Emulator.BaseUri, "admin/seed"), new { app_id = AppId, count, prefix })).EnsureSuccessStatusCode();
        }

        public async Task<int> RequestCountAsync(string route)
        {
            using var answer = JsonDocument.Parse(await Admin.GetStringAsync(new Uri(Emulator.BaseUri, "admin/requests?app_id=" + AppId)));
            return answer.RootElement.GetProperty("by_route").TryGetProperty(route, out var count) ? count.GetInt32() : 0;
        }
    }
}
