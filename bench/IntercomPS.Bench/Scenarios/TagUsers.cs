using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// Tagging piped users: requests actually sent against ceil(users / batch size). Batching is what keeps a big
    /// tagging job inside Intercom's rate limit, so the count matters more than the time.
    /// </summary>
    public sealed class TagUsers : IScenario
    {
        public string Key => "tag";

        public string Description => "Set-IntercomTag on piped users: requests sent vs ceil(users / batch size)";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var users = context.Size(10_000, 1_000);
            var batchSize = await context.Engine.ConstantAsync("IntercomPS.Cmdlets.SetIntercomTagCommand", "DefaultBatchSize")
                ?? throw new InvalidOperationException("The module has no SetIntercomTagCommand.DefaultBatchSize.");
            await context.Engine.RunAsync($"$rows = 1..{users} | ForEach-Object {{ [pscustomobject]@{{ user_id = \"user$_\" }} }}");
            await context.Emulator.ResetAndSeedAsync(users); // also starts the request count at zero
            var time = await context.Engine.TimeAsync("$rows | Set-IntercomTag -Name bench");
            var sent = await context.Emulator.RequestCountAsync();
            using (var http = context.Emulator.CreateApiClient())
            using (var tag = JsonDocument.Parse(await http.GetByteArrayAsync("tags?name=bench")))
            {
                var tagged = tag.RootElement.GetProperty("tagged_user_count").GetInt32();
                if (tagged != users) throw new InvalidOperationException($"Set-IntercomTag tagged {tagged} of {users} users.");
            }
            var ideal = (users + batchSize - 1) / batchSize;
            return new[]
            {
                new Row($"3. tag {users:N0} piped users: requests sent (in {Row.Seconds(time)})", Row.Number(sent), Row.Number(ideal) + $" = ceil({users:N0} / {batchSize})",
                    Row.Times((double)sent / ideal), "<= 1.00x", sent <= ideal),
            };
        }
    }
}
