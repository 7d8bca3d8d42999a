using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// Updating users from a pipeline (the Import-Csv | Set-IntercomUser job) at 50 ms latency, one request in flight
    /// against sixteen. One request per user cannot be batched, so keeping several in flight is the only speed-up.
    /// </summary>
    public sealed class UpdateUsers : IScenario
    {
        private const int LatencyMs = 50;
        private const int Concurrent = 16;

        public string Key => "update";

        public string Description => "Set-IntercomUser from a pipeline at 50 ms latency: -ThrottleLimit 1 vs 16";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var users = context.Size(2_000, 200);
            var name = $"2. update {users:N0} piped users, {LatencyMs} ms latency: -ThrottleLimit {Concurrent} vs 1";
            const string target = ">= 10x faster";
            if (!await context.Engine.HasParameterAsync("Set-IntercomUser", "ThrottleLimit"))
            {
                return new[] { Row.NotAvailable(name, "Set-IntercomUser has no -ThrottleLimit", target) };
            }

            await context.Emulator.ResetAndSeedAsync(users);
            await context.Engine.RunAsync($"$rows = 1..{users} | ForEach-Object {{ [pscustomobject]@{{ user_id = \"user$_\"; name = \"Renamed $_\"; last_seen_ip = '10.0.0.1' }} }}");
            await context.Engine.RunAsync("$rows[0..9] | Set-IntercomUser -ThrottleLimit 4"); // warm the cmdlet's code paths
            await context.Emulator.SetLatencyAsync(LatencyMs);
            try
            {
                var sequential = await TimeUpdateAsync(context, users, 1);
                var concurrent = await TimeUpdateAsync(context, users, Concurrent);
                var speedUp = sequential / concurrent;
                return new[]
                {
                    new Row(name, Row.Seconds(concurrent), Row.Seconds(sequential) + " at 1", Row.Times(speedUp) + " faster", target, speedUp >= 10),
                };
            }
            finally
            {
                await context.Emulator.SetLatencyAsync(0);
            }
        }

        private static async Task<TimeSpan> TimeUpdateAsync(BenchContext context, int users, int throttleLimit)
        {
            await context.Emulator.ResetAndSeedAsync(users);
            var time = await context.Engine.TimeAsync($"$rows | Set-IntercomUser -ThrottleLimit {throttleLimit}");
            var sent = await context.Emulator.RequestCountAsync();
            if (sent != users) throw new InvalidOperationException($"Set-IntercomUser -ThrottleLimit {throttleLimit} sent {sent} requests for {users} users.");
            return time;
        }
    }
}
