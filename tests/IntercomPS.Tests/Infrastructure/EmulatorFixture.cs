using System;
using System.Text;
using System.Threading.Tasks;
using IntercomPS.Emulator;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Tests.Infrastructure
{
    /// <summary>
    /// One in-memory emulator per test class, on a free loopback port, with one app whose key is distinctive
    /// enough that a leak test can search every stream for it, and the emulator's admin API.
    /// </summary>
    public sealed class EmulatorFixture : IAsyncLifetime
    {
        public const string AppId = "ops-app";
        public const string ApiKey = "sk_test_Q7v9ZpL2mN8xR4tY6wK1";

        private IntercomEmulator? _emulator;
        private EmulatorAdmin? _admin;

        public IntercomEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

        public Uri ApiUri => Emulator.ApiUri;

        /// <summary>The key as it would appear in a Basic header, which must not leak either.</summary>
        public static string BasicHeaderValue => Convert.ToBase64String(Encoding.UTF8.GetBytes(AppId + ":" + ApiKey));

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

        /// <summary>The emulator's /admin API.</summary>
        public EmulatorAdmin Admin => _admin ?? throw new InvalidOperationException("The emulator has not started.");

        public Task ResetAsync() => Admin.ResetAsync(AppId);

        /// <summary>Creates users {prefix}1 .. {prefix}{count} (user_id) / {prefix}N@example.com in one go.</summary>
        public Task SeedAsync(int count, string prefix, string? tag = null) => Admin.SeedAsync(AppId, count, prefix, tag);

        /// <summary>How many API requests the app received since the last reset, for one "METHOD /v1/path" or in total.</summary>
        public async Task<int> RequestCountAsync(string? route = null)
        {
            var counts = await Admin.GetRequestsAsync(AppId);
            return route is null ? counts.Total : counts.Of(route);
        }

        /// <summary>Sets fault rules (snake_case fields, as /admin/faults takes them) for every app of this emulator.</summary>
        public Task SetFaultsAsync(object faults) => Admin.SetFaultsAsync(faults);

        public Task ClearFaultsAsync() => Admin.ClearFaultsAsync();
    }
}
