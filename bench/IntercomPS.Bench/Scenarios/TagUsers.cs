using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// Tagging piped users: requests actually sent against ceil(users / batch size). Batching is what keeps a big
    /// tagging job inside Intercom's rate limit, so the count matters more than the time.
    /// </summary>
    public sealed class TagUsers : IScenario
    {
        /// <summary>SetIntercomTagCommand.DefaultBatchSize (not referenced: the module is only loaded by Import-Module).</summary>
        private const int DefaultBatchSize = 100;

        public string Key => "tag";

        public string Description => "Set-IntercomTag on piped users: requests sent vs ceil(users / batch size)";

        public async Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var users = context.Size(10_000, 1_000);
            context.Engine.Run($"$rows = 1..{users} | ForEach-Object {{ [pscustomobject]@{{ user_id = \"user$_\" }} }}");
            await context.Emulator.ResetAndSeedAsync(users); // also starts the request count at zero
            var time = context.Engine.Time("$rows | Set-IntercomTag -Name bench");
            var sent = await context.Emulator.RequestCountAsync();
            var ideal = (users + DefaultBatchSize - 1) / DefaultBatchSize;
            return new[]
            {
                new Row($"3. tag {users:N0} piped users: requests sent (in {Row.Seconds(time)})", Row.Number(sent), Row.Number(ideal) + $" = ceil({users:N0} / {DefaultBatchSize})",
                    Row.Times((double)sent / ideal), "<= 1.00x", sent <= ideal),
            };
        }
    }
}
