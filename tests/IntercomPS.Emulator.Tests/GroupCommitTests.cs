using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Emulator.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>
/// Writes that queue while a transaction runs share the next one, yet each keeps its own outcome: a write that
/// fails is undone alone, and every caller is answered only after the commit that holds its write.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly Database db = new(null);

    public GroupCommitTests() =>
        db.WriteAsync(s => s.Execute("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)")).GetAwaiter().GetResult();

    public void Dispose() => db.Dispose();

    [Fact]
    public async Task Queued_writes_share_one_transaction_and_a_failing_one_is_undone_alone()
    {
        using var inFirst = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = Task.Run(() => db.WriteAsync(s =>
        {
            inFirst.Set();
            Assert.True(release.Wait(TimeSpan.FromSeconds(30)));
            return s.Execute("INSERT INTO t VALUES ('first', 0)");
        }));
        Assert.True(inFirst.Wait(TimeSpan.FromSeconds(30)));
        var before = db.Transactions;

        var queued = Enumerable.Range(0, 10).Select(i => db.WriteAsync(s =>
        {
            s.Execute("INSERT INTO t VALUES ($k, $v)", ("$k", $"w{i}"), ("$v", i));
            return i == 5 ? throw new InvalidOperationException("write 5 fails after its insert") : i;
        })).ToList();
        var duplicate = db.WriteAsync(s => s.Execute("INSERT INTO t VALUES ('w3', 99)")); // a constraint error, also alone
        Assert.All(queued.Append(duplicate), t => Assert.False(t.IsCompleted)); // nobody answered before the commit

        release.Set();
        await first;
        Assert.IsType<InvalidOperationException>(await Record.ExceptionAsync(() => queued[5]));
        Assert.IsType<SqliteException>(await Record.ExceptionAsync(() => duplicate));
        var answers = await Task.WhenAll(queued.Where((_, i) => i != 5));
        Assert.Equal([0, 1, 2, 3, 4, 6, 7, 8, 9], answers);
        Assert.Equal(1, db.Transactions - before); // the eleven queued writes took one transaction

        var rows = db.Read(s => s.Query("SELECT k, v FROM t ORDER BY k", r => $"{r.GetString(0)}={r.GetInt64(1)}"));
        Assert.Equal(["first=0", "w0=0", "w1=1", "w2=2", "w3=3", "w4=4", "w6=6", "w7=7", "w8=8", "w9=9"], rows);
    }

    [Fact]
    public async Task A_write_alone_that_fails_leaves_nothing_behind_and_the_next_one_commits()
    {
        var failure = await Record.ExceptionAsync(() => db.WriteAsync<int>(s =>
        {
            s.Execute("INSERT INTO t VALUES ('gone', 1)");
            throw new InvalidOperationException("undo me");
        }));
        Assert.Equal("undo me", failure?.Message);
        await db.WriteAsync(s => s.Execute("INSERT INTO t VALUES ('kept', 2)"));
        Assert.Equal(["kept"], db.Read(s => s.Query("SELECT k FROM t", r => r.GetString(0))));
    }
}
