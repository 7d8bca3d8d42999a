using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>The one place a command's requests are bounded, alone; the cmdlets' use of it is tests/Concurrency.Tests.ps1 and ThrottleTests.</summary>
    public sealed class RequestSchedulerTests
    {
        [Fact]
        public void TheCommandStartsARequestOnlyWhileFewerThanTheLimitRunAndTheHeldAnswersAreBelowTheirBound()
        {
            var scheduler = new RequestScheduler(2);
            var first = new TaskCompletionSource<int>();
            var second = new TaskCompletionSource<int>();
            scheduler.Started(first.Task);
            Assert.True(scheduler.HasRoom(held: 1));
            scheduler.Started(second.Task);
            Assert.False(scheduler.HasRoom(held: 2));

            first.SetResult(1);
            scheduler.WaitForAny(); // one of those it counted has finished: returns at once
            Assert.True(scheduler.HasRoom(held: 2));
            second.SetResult(2);
            Assert.Equal(2 * Concurrency.AnswersHeldPerRequest, scheduler.MaxHeld);
            Assert.False(scheduler.HasRoom(held: scheduler.MaxHeld));
        }

        [Fact]
        public async Task RequestsACallFansOutIntoShareTheLimitAcrossCalls()
        {
            var scheduler = new RequestScheduler(3);
            var running = 0;
            var most = 0;
            var release = new TaskCompletionSource<bool>();
            var requests = Enumerable.Range(0, 20).Select(_ => scheduler.RunAsync(async () =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await release.Task;
                Interlocked.Decrement(ref running);
                return now;
            }, CancellationToken.None)).ToArray();

            await Task.Delay(50);
            Assert.Equal(3, Volatile.Read(ref running));
            release.SetResult(true);
            await Task.WhenAll(requests);
            Assert.Equal(3, most);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
