using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace IntercomPS.Bench
{
    /// <summary>
    /// What the REST API 2.14 scenarios share: the module's session on the emulator's 2.14 face ($v2 in the engine),
    /// a raw HttpClient for it, and the plain cursor walk of the search the module lists with (role user, oldest
    /// first), which is both a peer and how the bench learns the contacts' ids.
    /// </summary>
    public static class TwoFourteen
    {
        public const int PerPage = 150;

        /// <summary>The module's listing search, one page after another: a raw HttpClient peer.</summary>
        public const string ListingQuery = "\"query\":{\"field\":\"role\",\"operator\":\"=\",\"value\":\"user\"},\"sort\":{\"field\":\"created_at\",\"order\":\"ascending\"}";

        public static Uri Root(EmulatorProcess emulator) => new Uri(emulator.BaseUri, "/");

        /// <summary>Connects the engine's $v2 session to the emulator's 2.14 face (Disconnect-Intercom -Session $v2 when done).</summary>
        public static async Task ConnectAsync(Engine engine, EmulatorProcess emulator)
        {
            engine.SetVariable("v2root", Root(emulator));
            await engine.RunAsync($"$v2 = Connect-Intercom -AccessToken (ConvertTo-SecureString {Pwsh.Quote(EmulatorProcess.ApiKey)} -AsPlainText -Force) -BaseUri $v2root -PassThru");
        }

        public static HttpClient CreateClient(EmulatorProcess emulator)
        {
            var http = new HttpClient { BaseAddress = Root(emulator) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorProcess.ApiKey);
            http.DefaultRequestHeaders.Add("Intercom-Version", "2.14");
            return http;
        }

        /// <summary>The whole search by its one cursor; the ids listed when <paramref name="ids"/> is given. Checks the count.</summary>
        public static async Task CursorWalkAsync(HttpClient http, int users, List<string>? ids = null)
        {
            var count = 0;
            string? cursor = null;
            do
            {
                var paging = cursor is null ? $"{{\"per_page\":{PerPage}}}" : $"{{\"per_page\":{PerPage},\"starting_after\":\"{cursor}\"}}";
                using var answer = await http.PostAsync("contacts/search", new StringContent("{" + ListingQuery + ",\"pagination\":" + paging + "}", Encoding.UTF8, "application/json"));
                answer.EnsureSuccessStatusCode();
                using var page = JsonDocument.Parse(await answer.Content.ReadAsByteArrayAsync());
                foreach (var contact in page.RootElement.GetProperty("data").EnumerateArray())
                {
                    count++;
                    ids?.Add(contact.GetProperty("id").GetString()!);
                }
                cursor = page.RootElement.GetProperty("pages").TryGetProperty("next", out var next) ? next.GetProperty("starting_after").GetString() : null;
            }
            while (cursor is not null);
            if (count != users) throw new InvalidOperationException($"The cursor walk listed {count} of {users} contacts.");
        }

        /// <summary>Every contact's id, from one walk at whatever latency is set.</summary>
        public static async Task<List<string>> ContactIdsAsync(HttpClient http, int users)
        {
            var ids = new List<string>(users);
            await CursorWalkAsync(http, users, ids);
            return ids;
        }

        /// <summary>The SDK's own pager over the same search (for await over client.contacts.search).</summary>
        public static string SdkPager => $$"""
            const page = await client.contacts.search({
                query: { field: "role", operator: "=", value: "user" },
                pagination: { per_page: {{PerPage}} },
                sort: { field: "created_at", order: "ascending" },
            });
            let n = 0;
            for await (const contact of page) n++;
            console.log(`RESULT ${performance.now() - clock} ${n}`);
            """;

        /// <summary>
        /// A pool of <paramref name="inFlight"/> SDK calls over <c>items</c> (a JSON array the script is given), each
        /// <paramref name="call"/> (an async arrow of one item); counts the calls that succeeded.
        /// </summary>
        public static string SdkPool(string itemsJson, int inFlight, string call) => $$"""
            const items = {{itemsJson}};
            const call = {{call}};
            let next = 0, n = 0;
            await Promise.all(Array.from({ length: {{inFlight}} }, async () => {
                while (next < items.length) { await call(items[next++]); n++; }
            }));
            console.log(`RESULT ${performance.now() - clock} ${n}`);
            """;
    }
}
