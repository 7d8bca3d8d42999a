using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// How many single-user GETs and PUTs a second the emulator serves, from concurrent HttpClient workers in this
    /// process while the emulator runs in its own: the test suite and load tests of ops scripts lean on it, so it
    /// must not be the bottleneck. Both processes share this machine's cores, as they do in CI.
    /// </summary>
    public sealed class EmulatorThroughput : IScenario
    {
        private const int Workers = 16;
        private const double TargetGetsPerSecond = 3_000;

        public string Key => "throughput";

        public string Description => "emulator throughput: single-user GET and PUT, 16 workers, separate process";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var users = context.Size(10_000, 2_000);
            var duration = TimeSpan.FromSeconds(context.Size(10, 3));
            await context.Emulator.ResetAndSeedAsync(users);
            using var http = context.Emulator.CreateApiClient();

            await LoadAsync(users, TimeSpan.FromSeconds(1), (n, _) => Get(http, n)); // warm up both processes
            var gets = await LoadAsync(users, duration, (n, _) => Get(http, n));
            var puts = await LoadAsync(users, duration, (n, i) => Put(http, n, i));

            var name = $"6. emulator, {Workers} workers × {duration.TotalSeconds:0} s, {users:N0} users";
            return new[]
            {
                new Row(name + ": GET /v1/users?user_id=", Row.Number(gets) + " req/s", "-", "-", $">= {TargetGetsPerSecond:N0} req/s", gets >= TargetGetsPerSecond),
                new Row(name + ": PUT /v1/users", Row.Number(puts) + " req/s", "-", "-", "-", null),
            };
        }

        private static async Task Get(HttpClient http, int n)
        {
            using var response = await http.GetAsync("users?user_id=user" + n.ToString(CultureInfo.InvariantCulture));
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }

        private static async Task Put(HttpClient http, int n, int i)
        {
            var body = $"{{\"user_id\":\"user{n}\",\"custom_data\":{{\"visits\":{i}}}}}";
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PutAsync("users", content);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        }

        /// <summary>Workers send requests back to back for the duration, each on a random user; answered requests per second.</summary>
        private static async Task<double> LoadAsync(int users, TimeSpan duration, Func<int, int, Task> request)
        {
            long done = 0;
            var clock = Stopwatch.StartNew();
            async Task Worker(int seed)
            {
                var random = new Random(seed);
                while (clock.Elapsed < duration)
                {
                    await request(random.Next(1, users + 1), random.Next());
                    Interlocked.Increment(ref done);
                }
            }
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(seed => Task.Run(() => Worker(seed))));
            return Interlocked.Read(ref done) / clock.Elapsed.TotalSeconds;
        }
    }
}
