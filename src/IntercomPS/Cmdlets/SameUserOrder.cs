using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Writes of one command that name the same user run one after the other, in input order, however many run side by
    /// side: a CSV that names a user on two rows would otherwise race, and the earlier row's values could be the ones
    /// kept. A user is named by its contact id, user id or email (any case); a write waits for every earlier write that
    /// shares one of them, whatever its outcome (each input reports its own). Used on the pipeline thread only.
    /// </summary>
    internal sealed class SameUserOrder
    {
        // Finished writes are dropped once this many are remembered, so a long file costs memory for those in flight only.
        private const int SweepAt = 256;

        private readonly Dictionary<string, Task> _last = new Dictionary<string, Task>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Starts <paramref name="write"/> now, or once the earlier writes naming the same user have ended.</summary>
        public Task<T> Run<T>(UserTarget user, Func<Task<T>> write)
        {
            var keys = user.Keys();
            var earlier = keys.Select(key => _last.TryGetValue(key, out var task) ? task : null).Where(task => task is { IsCompleted: false }).Distinct().ToArray();
            var run = earlier.Length == 0 ? write() : AfterAsync(earlier!, write);
            if (_last.Count >= SweepAt)
            {
                foreach (var done in _last.Where(entry => entry.Value.IsCompleted).Select(entry => entry.Key).ToList()) _last.Remove(done);
            }
            foreach (var key in keys) _last[key] = run;
            return run;
        }

        private static async Task<T> AfterAsync<T>(Task[] earlier, Func<Task<T>> write)
        {
            // Their failures are their own inputs' errors: this one waits for them to end, not to succeed.
            await Task.WhenAll(earlier).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            return await write().ConfigureAwait(false);
        }
    }
}
