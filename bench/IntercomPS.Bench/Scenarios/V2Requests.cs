using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// Per-user requests on REST API 2.14 at 50 ms latency with 16 in flight, against their floor (round trips / 16 x
    /// latency), with the official Node SDK doing the same with 16 calls in flight: lookups by user id (one
    /// find_by_external_id each), updates by email (a search, then the write: two each) and a tag on 5,000 users
    /// given by id (one POST /tags per batch).
    /// </summary>
    public sealed class V2Requests : IScenario
    {
        private const int LatencyMs = 50;
        private const int ThrottleLimit = 16;

        public V2Requests(string key) => Key = key;

        public string Key { get; }

        public string Description => Key switch
        {
            "v2lookup" => "2.14: 2,000 piped lookups by user id at 50 ms, -ThrottleLimit 16, vs floor and the SDK",
            "v2update" => "2.14: 2,000 piped updates by email at 50 ms, -ThrottleLimit 16, vs floor (two requests each) and the SDK",
            _ => "2.14: tag 5,000 users given by id at 50 ms, -ThrottleLimit 16, vs floor",
        };

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var emulator = context.Emulator;
            var engine = context.Engine;
            var tagging = Key == "v2tag";
            var users = tagging ? context.Size(5_000, 1_000) : context.Size(2_000, 400);
            var root = TwoFourteen.Root(emulator);
            await TwoFourteen.ConnectAsync(engine, emulator);
            using var http = TwoFourteen.CreateClient(emulator);
            try
            {
                var batchSize = tagging ? await engine.ConstantAsync("IntercomPS.Cmdlets.SetIntercomTagCommand", "DefaultBatchSize") ?? 100 : 1;
                var (module, perUser, target, what) = Key switch
                {
                    "v2lookup" => ($"$n = 0; $rows | Get-IntercomUser -Session $v2 -ThrottleLimit {ThrottleLimit} | ForEach-Object {{ $n++ }}; $n", 1, 1.10, "lookups by user id"),
                    "v2update" => ($"$rows | Set-IntercomUser -Session $v2 -ThrottleLimit {ThrottleLimit}; {users}", 2, 1.15, "updates by email"),
                    _ => ($"$rows | Set-IntercomTag -Name bench -Session $v2 -ThrottleLimit {ThrottleLimit}; {users}", 0, 1.15, "users tagged"),
                };
                // Requests that can run side by side, and the rounds of 16 they take at best.
                var requests = tagging ? (users + batchSize - 1) / batchSize : users * perUser;
                var trips = tagging ? (requests + ThrottleLimit - 1) / ThrottleLimit : (double)users / ThrottleLimit * perUser;
                var floor = TimeSpan.FromMilliseconds(trips * LatencyMs);

                await emulator.ResetAndSeedAsync(users);
                var ids = await TwoFourteen.ContactIdsAsync(http, users);
                engine.SetVariable("ids", ids.ToArray());
                await engine.RunAsync(Key switch
                {
                    "v2lookup" => $"$rows = 1..{users} | ForEach-Object {{ [pscustomobject]@{{ user_id = \"user$_\" }} }}",
                    "v2update" => $"$rows = 1..{users} | ForEach-Object {{ [pscustomobject]@{{ email = \"user$_@example.com\"; name = \"Renamed $_\" }} }}",
                    _ => "$rows = $ids | ForEach-Object { [pscustomobject]@{ id = $_ } }",
                });
                await engine.RunAsync(module); // one untimed run with no latency: the emulator's JIT warms up off the clock

                async Task<TimeSpan> Module()
                {
                    var before = await emulator.RequestCountAsync();
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var result = (await engine.RunAsync(module)).Last().BaseObject;
                    var time = clock.Elapsed;
                    if (!Equals(result, users)) throw new InvalidOperationException($"{Key}: the module handled {result} of {users}.");
                    var sent = await emulator.RequestCountAsync() - before;
                    if (sent != requests) throw new InvalidOperationException($"{Key}: the module sent {sent} requests for {requests}.");
                    return time;
                }

                var peers = new List<Func<Task<TimeSpan>>> { Module };
                if (!tagging) peers.Add(() => SdkAsync(root, users, Key == "v2lookup"
                    ? TwoFourteen.SdkPool($"Array.from({{ length: {users} }}, (_, i) => \"user\" + (i + 1))", ThrottleLimit,
                        "async userId => { await client.contacts.showContactByExternalId({ external_id: userId }); }")
                    : TwoFourteen.SdkPool($"Array.from({{ length: {users} }}, (_, i) => i + 1)", ThrottleLimit, """
                        async n => {
                            const found = await client.contacts.search({ query: { field: "email", operator: "=", value: `user${n}@example.com` } });
                            await client.contacts.update({ contact_id: found.data[0].id, name: `Renamed ${n}` });
                        }
                        """)));

                await emulator.SetLatencyAsync(LatencyMs);
                try
                {
                    var times = await Median.InterleavedAsync(context.Runs, peers.ToArray());
                    var name = $"4. 2.14: {users:N0} {what}, {LatencyMs} ms, -ThrottleLimit {ThrottleLimit}";
                    var how = tagging ? $"{requests} batches / {ThrottleLimit}, rounded up, × {LatencyMs} ms" : $"{users:N0} × {perUser} / {ThrottleLimit} × {LatencyMs} ms";
                    var rows = new List<Row>
                    {
                        new Row(name + ": module vs floor", Row.Seconds(times[0]), Row.Seconds(floor) + $" floor ({how})", Row.Times(times[0] / floor) + " of floor",
                            $"<= {target:0.00}x", times[0] / floor <= target),
                    };
                    if (!tagging)
                        rows.Add(new Row(name + $": the SDK ({NodeSdk.Package}), {ThrottleLimit} calls in flight", Row.Seconds(times[1]), Row.Seconds(times[0]) + " module",
                            Row.Times(times[1] / times[0]) + " the module's time", "-", null));
                    return rows;
                }
                finally
                {
                    await emulator.SetLatencyAsync(0);
                }
            }
            finally
            {
                await engine.RunAsync("Disconnect-Intercom -Session $v2");
            }
        }

        private static async Task<TimeSpan> SdkAsync(Uri root, int users, string script)
        {
            var (time, count) = await NodeSdk.TimeAsync(root, script);
            if (count != users) throw new InvalidOperationException($"The SDK handled {count} of {users}.");
            return time;
        }
    }
}
