using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator;
using Xunit;

namespace IntercomPS.Tests.Infrastructure
{
    /// <summary>
    /// One in-memory emulator per test class, on a free loopback port, with one app whose key is distinctive
    /// enough that a leak test can search every stream for it. Also speaks the emulator's admin API.
    /// </summary>
    public sealed class EmulatorFixture : IAsyncLifetime
    {
        public const string AppId = "ops-app";
        public const string ApiKey = "sk_test_Q7v9ZpL2mN8xR4tY6wK1";

        private IntercomEmulator? _emulator;

        public IntercomEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

        public Uri ApiUri => Emulator.ApiUri;

        public HttpClient Http { get; } = new HttpClient();

        /// <summary>The key as it would appear in a Basic header, which must not leak either.</summary>
        public static string BasicHeaderValue => Convert.ToBase64String(Encoding.UTF8.GetBytes(AppId + ":" + ApiKey));

        public async Task InitializeAsync()
        {
            var options = new EmulatorOptions();
            options.Apps[AppId] = ApiKey;
            _emulator = await IntercomEmulator.StartAsync(options);
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            if (_emulator is not null) await _emulator.DisposeAsync();
        }

        public async Task ResetAsync() =>
            (await Http.PostAsync(new Uri(Emulator.BaseUri, "admin/reset?app_id=" + AppId), null)).EnsureSuccessStatusCode();

        /// <summary>Creates users {prefix}1 .. {prefix}{count} (user_id) / {prefix}N@example.com in one go.</summary>
        public async Task SeedAsync(int count, string prefix, string? tag = null)
        {
            var body = new Dictionary<string, object?> { ["app_id"] = AppId, ["count"] = count, ["prefix"] = prefix, ["tag"] = tag };
            (await Http.PostAsJsonAsync(new Uri(Emulator.BaseUri, "admin/seed"), body)).EnsureSuccessStatusCode();
        }

        /// <summary>How many /v1 requests the app received since the last reset, for one "METHOD /v1/path" or in total.</summary>
        public async Task<int> RequestCountAsync(string? route = null)
        {
            using var answer = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Emulator.BaseUri, "admin/requests?app_id=" + AppId)));
            if (route is null) return answer.RootElement.GetProperty("total").GetInt32();
            return answer.RootElement.GetProperty("by_route").TryGetProperty(route, out var count) ? count.GetInt32() : 0;
        }

        /// <summary>Sets fault rules (snake_case fields, as /admin/faults takes them) for every app of this emulator.</summary>
        public async Task SetFaultsAsync(object faults) =>
            (await Http.PutAsJsonAsync(new Uri(Emulator.BaseUri, "admin/faults"), faults)).EnsureSuccessStatusCode();

        public async Task ClearFaultsAsync() =>
            (await Http.DeleteAsync(new Uri(Emulator.BaseUri, "admin/faults"))).EnsureSuccessStatusCode();

        /// <summary>A raw API call as the test app, for checking what the emulator holds independently of the module.</summary>
        public async Task<JsonDocument?> ApiGetAsync(string relative)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ApiUri, relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicHeaderValue);
            using var response = await Http.SendAsync(request);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        }

        public async Task<JsonDocument> ApiSendAsync(HttpMethod method, string relative, object body)
        {
            using var request = new HttpRequestMessage(method, new Uri(ApiUri, relative)) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicHeaderValue);
            using var response = await Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        }
    }
}
