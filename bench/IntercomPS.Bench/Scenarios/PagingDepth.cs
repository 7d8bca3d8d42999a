using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// What a deep page costs the emulator: page 200 of 100,000 users (500 a page, the last one) against page 1,
    /// requested one at a time with no latency, interleaved. With OFFSET paging the server walks every row before the
    /// page; with keyset paging a deep page costs what the first does.
    /// </summary>
    public sealed class PagingDepth : IScenario
    {
        private const int PageSize = 500;

        public string Key => "paging";

        public string Description => "emulator paging depth: page 200 of 100,000 users vs page 1";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var users = context.Size(100_000, 20_000);
            var deep = users / PageSize;
            var requests = context.Size(15, 3);
            await context.Emulator.ResetAndSeedAsync(users);
            using var http = context.Emulator.CreateApiClient();
            await PageAsync(http, 1);
            await PageAsync(http, deep);

            var times = await Median.InterleavedAsync(requests,
                () => Median.TimeAsync(() => PageAsync(http, 1)),
                () => Median.TimeAsync(() => PageAsync(http, deep)));
            return new[]
            {
                new Row($"7. emulator: GET page {deep} of {users:N0} users ({PageSize} a page) vs page 1, median of {requests}", Row.Millis2(times[1]), Row.Millis2(times[0]) + " page 1",
                    Row.Times(times[1] / times[0]), "-", null),
            };
        }

        private static async Task PageAsync(HttpClient http, int page)
        {
            using var answer = JsonDocument.Parse(await http.GetByteArrayAsync($"users?page={page}&per_page={PageSize}"));
            if (answer.RootElement.GetProperty("users").GetArrayLength() != PageSize) throw new InvalidOperationException($"Page {page} is not full.");
        }
    }
}
