using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// The emulator's REST API 2.14 face against its /v1 face over the same store: single-contact GETs and
    /// email searches a second under wrk, as ratios to the v1 single-user GET of the same run, and what a deep cursor
    /// page costs against the first.
    /// </summary>
    public sealed class V2Face : IScenario
    {
        private const int PerPage = 150;
        private const string Version = "Intercom-Version: 2.14";

        public string Key => "v2";

        public string Description => "2.14 face: GET /contacts/{id} and POST /contacts/search (wrk), cursor depth";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            using var wrk = await Wrk.StartAsync();
            var users = context.Size(20_000, 2_000);
            var seconds = context.Size(4, 2);
            var requests = context.Size(15, 3);
            await context.Emulator.ResetAndSeedAsync(users);
            using var http = new HttpClient { BaseAddress = context.Emulator.BaseUri };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorProcess.ApiKey);
            http.DefaultRequestHeaders.Add("Intercom-Version", "2.14");

            // One walk of the whole list: every contact id, and the cursor of the last full page.
            var ids = new List<string>(users);
            string? deepCursor = null;
            for (string? cursor = null; ;)
            {
                var (pageIds, next) = await PageAsync(http, cursor);
                ids.AddRange(pageIds);
                if (next is null) break;
                if (ids.Count + PerPage <= users) deepCursor = next;
                cursor = next;
            }
            if (ids.Count != users || deepCursor is null) throw new InvalidOperationException($"The cursor walk found {ids.Count} of {users} contacts.");

            var sample = string.Join(",", ids.Take(2_000).Select(id => $"\"{id}\""));
            var v1Get = wrk.Script("v1-get.lua", $$"""
                request = function()
                  return wrk.format("GET", "/v1/users?user_id=user" .. math.random(1, {{users}}))
                end
                """);
            var v2Get = wrk.Script("v2-get.lua", $$"""
                local ids = { {{sample}} }
                request = function()
                  return wrk.format("GET", "/contacts/" .. ids[math.random(1, #ids)])
                end
                """);
            var v2Search = wrk.Script("v2-search.lua", $$$"""
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                request = function()
                  local body = '{"query":{"field":"email","operator":"=","value":"user' .. math.random(1, {{{users}}}) .. '@example.com"}}'
                  return wrk.format("POST", "/contacts/search", nil, body)
                end
                """);
            var basic = "Authorization: " + EmulatorProcess.Authorization;
            var bearer = "Authorization: Bearer " + EmulatorProcess.ApiKey;
            var uri = context.Emulator.BaseUri;
            await wrk.RateAsync(uri, v2Get, 1, bearer, Version); // warm up

            var rates = await Median.InterleavedAsync(context.Runs,
                () => wrk.RateAsync(uri, v1Get, seconds, basic),
                () => wrk.RateAsync(uri, v2Get, seconds, bearer, Version),
                () => wrk.RateAsync(uri, v2Search, seconds, bearer, Version));
            var depth = await Median.InterleavedAsync(requests,
                () => Median.TimeAsync(() => PageAsync(http, null)),
                () => Median.TimeAsync(() => PageAsync(http, deepCursor)));

            double PerSecond(int i) => rates[i].Ticks;
            var name = $"8. emulator 2.14, wrk {Wrk.Connections} connections × {seconds} s, {users:N0} contacts";
            return new[]
            {
                new Row(name + ": GET /v1/users?user_id= (the baseline)", Row.Number(PerSecond(0)) + " req/s", "-", "-", "-", null),
                new Row(name + ": GET /contacts/{id}", Row.Number(PerSecond(1)) + " req/s", Row.Number(PerSecond(0)) + " req/s v1 GET", Row.Times(PerSecond(1) / PerSecond(0)) + " of v1", "-", null),
                new Row(name + ": POST /contacts/search (email =)", Row.Number(PerSecond(2)) + " searches/s", Row.Number(PerSecond(0)) + " req/s v1 GET", Row.Times(PerSecond(2) / PerSecond(0)) + " of v1", "-", null),
                new Row($"8. emulator 2.14: GET /contacts page {users / PerPage} by cursor ({PerPage} a page) vs the first, median of {requests}", Row.Millis2(depth[1]), Row.Millis2(depth[0]) + " first page",
                    Row.Times(depth[1] / depth[0]), "-", null),
            };
        }

        private static async Task<(List<string> Ids, string? Next)> PageAsync(HttpClient http, string? cursor)
        {
            var path = $"contacts?per_page={PerPage}" + (cursor is null ? string.Empty : "&starting_after=" + Uri.EscapeDataString(cursor));
            using var answer = JsonDocument.Parse(await http.GetByteArrayAsync(path));
            var ids = answer.RootElement.GetProperty("data").EnumerateArray().Select(contact => contact.GetProperty("id").GetString()!).ToList();
            if (ids.Count == 0) throw new InvalidOperationException($"An empty page at {path}.");
            string? next = null;
            if (answer.RootElement.TryGetProperty("pages", out var pages) && pages.TryGetProperty("next", out var link) && link.ValueKind == JsonValueKind.Object)
                next = link.GetProperty("starting_after").GetString();
            return (ids, next);
        }
    }
}
