using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// Users on REST API 2.14 at 50 ms a request, 20,000 contacts. Listing: the module (first page, then 16 id
    /// partitions walked side by side and merged) against the plain sequential cursor walk, from raw HttpClient and as
    /// the Invoke-RestMethod loop a user writes (real pwsh). Lookups: 2,000 piped emails at -ThrottleLimit 16 against
    /// their floor and against the same cmdlet one at a time.
    /// </summary>
    public sealed class V2Users : IScenario
    {
        private const int LatencyMs = 50;
        private const int PerPage = 150;
        private const int ThrottleLimit = 16;

        public string Key => "v2users";

        public string Description => "REST API 2.14 at 50 ms, 20,000 contacts: module listing vs the sequential cursor walk (raw, Invoke-RestMethod); 2,000 piped lookups at -ThrottleLimit 16 vs one at a time";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var emulator = context.Emulator;
            var engine = context.Engine;
            var users = context.Size(20_000, 5_000);
            var lookups = context.Size(2_000, 400);
            var root = new Uri(emulator.BaseUri, "/");
            engine.SetVariable("v2root", root);
            await engine.RunAsync($"$v2 = Connect-Intercom -AccessToken (ConvertTo-SecureString {Pwsh.Quote(EmulatorProcess.ApiKey)} -AsPlainText -Force) -BaseUri $v2root -PassThru");
            engine.SetVariable("emails", Enumerable.Range(1, lookups).Select(n => $"user{n}@example.com").ToArray());
            await emulator.ResetAndSeedAsync(users);

            using var http = new HttpClient { BaseAddress = root };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorProcess.ApiKey);
            http.DefaultRequestHeaders.Add("Intercom-Version", "2.14");
            var rows = new List<Row>();

            await ModuleListAsync(engine, users); // warm the cmdlet's code paths and the emulator's queries
            // Diagnosis: the walk with no latency is what the emulator's pages cost by themselves (CPU on these shared
            // cores, which 16 requests in flight share too).
            var serverOnly = await Median.OfAsync(context.Runs, () => CursorWalkAsync(http, users));
            await emulator.SetLatencyAsync(LatencyMs);
            try
            {
                var times = await Median.InterleavedAsync(context.Runs,
                    () => Median.TimeAsync(() => ModuleListAsync(engine, users)),
                    () => Median.TimeAsync(() => CursorWalkAsync(http, users)),
                    () => ByHandAsync(RestMethodCursorWalk(root), users));
                var (module, raw, byHand) = (times[0], times[1], times[2]);
                var pages = (users + PerPage - 1) / PerPage;
                var name = $"4. 2.14: list {users:N0} contacts, {LatencyMs} ms latency";
                rows.Add(new Row(name + ": module (16 partitions, merged) vs raw HttpClient cursor walk", Row.Seconds(module),
                    Row.Seconds(raw) + $" raw walk ({pages} pages one after another)", Row.Times(raw / module) + " faster", ">= 4x", raw / module >= 4));
                rows.Add(new Row($"4. 2.14: list {users:N0} contacts: diagnosis: raw cursor walk with no latency (the emulator's own cost)", Row.Seconds(serverOnly),
                    Row.Seconds(raw) + $" at {LatencyMs} ms", Row.Millis(serverOnly / pages) + " a page", "-", null));
                rows.Add(new Row(name + ": Invoke-RestMethod cursor loop (pwsh)", Row.Seconds(byHand), Row.Seconds(module) + " module",
                    Row.Times(byHand / module) + " the module's time", "-", null));

                var floor = TimeSpan.FromMilliseconds((double)lookups / ThrottleLimit * LatencyMs);
                var sequentialShare = lookups / 10;
                var lookupTimes = await Median.InterleavedAsync(context.Runs,
                    () => LookupsAsync(engine, ThrottleLimit, "$emails", lookups),
                    () => LookupsAsync(engine, 1, $"$emails[0..{sequentialShare - 1}]", sequentialShare));
                var (concurrent, sequential) = (lookupTimes[0], lookupTimes[1] * 10);
                var lookupName = $"4. 2.14: {lookups:N0} piped lookups by email, {LatencyMs} ms";
                rows.Add(new Row(lookupName + $", -ThrottleLimit {ThrottleLimit}: module vs floor", Row.Seconds(concurrent),
                    Row.Seconds(floor) + $" floor ({lookups:N0} / {ThrottleLimit} × {LatencyMs} ms)", Row.Times(concurrent / floor) + " of floor", "<= 1.25x", concurrent / floor <= 1.25));
                rows.Add(new Row(lookupName + $": -ThrottleLimit 1 ({sequentialShare:N0} users × 10)", Row.Seconds(sequential), Row.Seconds(concurrent) + $" at {ThrottleLimit}",
                    Row.Times(sequential / concurrent) + " slower", "-", null));
            }
            finally
            {
                await emulator.SetLatencyAsync(0);
                await engine.RunAsync("Disconnect-Intercom -Session $v2");
            }
            return rows;
        }

        private static async Task ModuleListAsync(Engine engine, int users)
        {
            var listed = (int)(await engine.RunAsync("$n = 0; Get-IntercomUser -Session $v2 | ForEach-Object { $n++ }; $n")).Single().BaseObject;
            if (listed != users) throw new InvalidOperationException($"The module listed {listed} of {users} contacts.");
        }

        private static async Task<TimeSpan> LookupsAsync(Engine engine, int throttleLimit, string emails, int expected)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var found = (int)(await engine.RunAsync($"$n = 0; {emails} | Get-IntercomUser -Session $v2 -ThrottleLimit {throttleLimit} | ForEach-Object {{ $n++ }}; $n")).Single().BaseObject;
            var time = clock.Elapsed;
            if (found != expected) throw new InvalidOperationException($"The module found {found} of {expected} users.");
            return time;
        }

        /// <summary>The search the module lists with (role user, oldest first), one page after another by its cursor.</summary>
        private static async Task CursorWalkAsync(HttpClient http, int users)
        {
            var count = 0;
            string? cursor = null;
            do
            {
                var paging = cursor is null ? $"{{\"per_page\":{PerPage}}}" : $"{{\"per_page\":{PerPage},\"starting_after\":\"{cursor}\"}}";
                var body = "{\"query\":{\"field\":\"role\",\"operator\":\"=\",\"value\":\"user\"},\"pagination\":" + paging + ",\"sort\":{\"field\":\"created_at\",\"order\":\"ascending\"}}";
                using var answer = await http.PostAsync("contacts/search", new StringContent(body, Encoding.UTF8, "application/json"));
                answer.EnsureSuccessStatusCode();
                using var page = JsonDocument.Parse(await answer.Content.ReadAsByteArrayAsync());
                count += page.RootElement.GetProperty("data").GetArrayLength();
                cursor = page.RootElement.GetProperty("pages").TryGetProperty("next", out var next) ? next.GetProperty("starting_after").GetString() : null;
            }
            while (cursor is not null);
            if (count != users) throw new InvalidOperationException($"The cursor walk listed {count} of {users} contacts.");
        }

        /// <summary>What a user writes without the module: Invoke-RestMethod on the search, following pages.next.</summary>
        private static string RestMethodCursorWalk(Uri root) =>
            $"$base = {Pwsh.Quote(root.ToString().TrimEnd('/'))}; $headers = @{{ Authorization = 'Bearer {EmulatorProcess.ApiKey}'; 'Intercom-Version' = '2.14' }}\n"
            + "$clock = [System.Diagnostics.Stopwatch]::StartNew(); $n = 0; $cursor = $null\n"
            + $$"""
            do {
                $pagination = @{ per_page = {{PerPage}} }
                if ($cursor) { $pagination.starting_after = $cursor }
                $body = @{ query = @{ field = 'role'; operator = '='; value = 'user' }; pagination = $pagination; sort = @{ field = 'created_at'; order = 'ascending' } } | ConvertTo-Json -Depth 4
                $answer = Invoke-RestMethod -Method Post "$base/contacts/search" -Headers $headers -ContentType 'application/json' -Body $body
                $answer.data | ForEach-Object { $n++ }
                $cursor = $answer.pages.next.starting_after
            } while ($cursor)
            """
            + "\n\"RESULT $($clock.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)) $n\"";

        private static async Task<TimeSpan> ByHandAsync(string script, int users)
        {
            var (time, count) = await Pwsh.TimeAsync(script);
            if (count != users) throw new InvalidOperationException($"The hand-written cursor loop listed {count} of {users} contacts.");
            return time;
        }
    }
}
