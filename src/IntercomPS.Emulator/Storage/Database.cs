using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// The SQLite database. One code path for both modes: without a data file the emulator uses a private temporary
/// file that is deleted on dispose (fsync off, since nothing must survive), with one it syncs every commit.
/// Writes run one at a time on one long-lived connection, each in a savepoint of its own; the writes that queued up
/// while a transaction was committing share the next one (group commit), and each is answered only after the commit
/// that holds it: no lost updates, an answered write is on disk, and one write's failure undoes only that write.
/// Reads take pooled connections that keep their statements prepared and run concurrently (WAL lets them proceed
/// while a write is in flight).
/// </summary>
internal sealed class Database : IDisposable
{
    /// <summary>Writes committed together at most; a longer queue takes several transactions.</summary>
    public const int MaxWritesPerCommit = 64;

    /// <summary>Batches one thread commits in a row before it hands the queue on.</summary>
    private const int MaxBatchesPerDrain = 8;

    /// <summary>Idle read connections kept open; a burst above it opens more and closes them afterwards.</summary>
    private const int MaxIdleReaders = 16;

    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly SqliteConnection writer;
    private readonly DbSession writeSession;
    private readonly string connectionString;
    private readonly string? temporaryPath;
    private readonly FileStream? owner;
    private readonly object queueGate = new();
    private readonly Queue<IPendingWrite> queue = new();
    private readonly ConcurrentBag<DbSession> idleReaders = [];
    private bool draining;
    private int idleReaderCount;
    private long transactions;

    public Database(string? dataPath)
    {
        var path = dataPath;
        if (path is null)
        {
            temporaryPath = path = Path.Combine(Path.GetTempPath(), $"intercom-emulator-{Guid.NewGuid():N}.db");
        }
        else
        {
            path = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            owner = Own(path);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        try
        {
            writer = Open(connectionString);
            writeSession = new DbSession(writer, cacheCommands: true);

            // FULL: the WAL is fsynced at every commit, so an answered write survives kill -9 and power loss alike.
            var synchronous = temporaryPath is null ? "FULL" : "OFF";
            writeSession.Execute($"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA temp_store=MEMORY;");
            writeSession.Execute("BEGIN IMMEDIATE");
            Schema.Apply(writeSession);
            SchemaV2.Apply(writeSession);
            SchemaWorkspace.Apply(writeSession);
            writeSession.Execute("COMMIT");
        }
        catch
        {
            // A file SQLite cannot use (not a database, say) must not stay locked by an emulator that never started.
            writer?.Dispose();
            owner?.Dispose();
            throw;
        }
    }

    private interface IPendingWrite
    {
        /// <summary>Runs the write in the open transaction; false (and the error kept) when it threw.</summary>
        bool Run(DbSession session);

        /// <summary>Answers the caller: its result, or its own error, or else the error that undid the whole batch.</summary>
        void Complete(Exception? batchFailure);
    }

    /// <summary>Write transactions begun since the database was opened (each holds one or more writes).</summary>
    internal long Transactions => Interlocked.Read(ref transactions);

    /// <summary>Where each page of a v1 user list starts, by app, tag filter and page size (a hostile mix only recomputes).</summary>
    public UntilNextWrite<(string App, long? Tag, int PerPage), Boundaries> Pages { get; } = new(capacity: 32);

    /// <summary>The total_count of 2.14 lists and searches, by app, filter and values: a walk of a long search counts once.</summary>
    public UntilNextWrite<string, long> Counts { get; } = new(capacity: 256);

    /// <summary>Each app's company scroll (GET /companies/scroll) and the company settings tests change.</summary>
    public CompanyScrolls Scrolls { get; } = new();

    /// <summary>Runs a read on a pooled connection.</summary>
    public T Read<T>(Func<DbSession, T> read)
    {
        if (idleReaders.TryTake(out var session))
        {
            Interlocked.Decrement(ref idleReaderCount);
        }
        else
        {
            session = new DbSession(Open(connectionString), cacheCommands: true);
        }

        try
        {
            return read(session);
        }
        finally
        {
            // A read never leaves a transaction open; if one ever did, the connection must not serve the next read.
            var clean = SQLitePCL.raw.sqlite3_get_autocommit(session.Connection.Handle) != 0;
            if (clean && Interlocked.Increment(ref idleReaderCount) <= MaxIdleReaders)
            {
                idleReaders.Add(session);
            }
            else
            {
                if (clean)
                {
                    Interlocked.Decrement(ref idleReaderCount);
                }

                Close(session);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the writer, after every write queued before it; the task completes once the
    /// transaction holding it is committed. A write that throws is rolled back alone and its task fails with that error.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<DbSession, T> write)
    {
        var pending = new PendingWrite<T>(write);
        bool drain;
        lock (queueGate)
        {
            queue.Enqueue(pending);
            drain = !draining;
            draining = true;
        }

        // The first writer commits on its own thread (no hop when writes are rare); the rest queue behind it.
        if (drain)
        {
            Drain();
        }

        return pending.Task;
    }

    /// <summary>
    /// A connection with the functions the emulator's SQL calls: <c>body_words(html)</c>, the words of a message as a
    /// JSON array, lowercased, which a conversation search on source.body matches one by one (as 2.14 describes); and
    /// the aggregate <c>waiting_since(from_admin, part_type, html, created_at)</c> over a thread's messages in order,
    /// the conversation's waiting_since by the rule its answers are written with.
    /// </summary>
    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        connection.CreateFunction("body_words", (string? html) => html is null ? "[]" : Words.Json(html), isDeterministic: true);
        connection.CreateFunction("to_user", (string partType, string html) => MessageRecord.IsToUser(partType, html), isDeterministic: true);
        connection.CreateAggregate("waiting_since", (long?)null, (long? since, long fromAdmin, string partType, string html, long createdAt) =>
            ConversationRecord.WaitingAfter(since, fromAdmin != 0, MessageRecord.IsToUser(partType, html), createdAt), isDeterministic: true);
        return connection;
    }

    /// <summary>
    /// Holds FILE.lock exclusively while the emulator runs. SQLite would let a second emulator share the file, but
    /// each caches what it worked out from the data (page boundaries, counts) until its own next write, so the two
    /// would answer from each other's stale caches. The lock file is left behind, as SQLite's -wal and -shm are.
    /// </summary>
    private static FileStream Own(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException("it is a directory, not a file.");
        }

        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (Held(e))
        {
            throw new IOException("another emulator is using it.", e);
        }
    }

    // What a lock another process holds throws: ERROR_SHARING_VIOLATION on Windows, else EWOULDBLOCK (its raw errno).
    private static bool Held(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) == 32 : e.HResult == (OperatingSystem.IsLinux() ? 11 : 35);

    public void Dispose()
    {
        writeGate.Wait();
        writeSession.Dispose();
        writer.Dispose();
        while (idleReaders.TryTake(out var session))
        {
            Close(session);
        }

        SqliteConnection.ClearPool(writer);
        if (temporaryPath is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(temporaryPath + suffix);
                }
                catch (IOException)
                {
                    // Best effort: a leftover temp file is harmless.
                }
            }
        }

        writeGate.Dispose();
        owner?.Dispose(); // last: the next emulator may open the file once every connection is closed
    }

    private static void Close(DbSession session)
    {
        session.Dispose();
        session.Connection.Dispose();
    }

    /// <summary>
    /// Commits the queued writes batch by batch while more keep coming, at most <see cref="MaxBatchesPerDrain"/>
    /// batches, then leaves the rest to the thread pool so the writer that started draining is answered.
    /// </summary>
    private void Drain()
    {
        for (var batches = 0; batches < MaxBatchesPerDrain; batches++)
        {
            var batch = new List<IPendingWrite>();
            lock (queueGate)
            {
                while (batch.Count < MaxWritesPerCommit && queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }
            }

            Commit(batch);
            lock (queueGate)
            {
                if (queue.Count == 0)
                {
                    draining = false;
                    return;
                }
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(static db => db.Drain(), this, preferLocal: false);
    }

    private void Commit(List<IPendingWrite> batch)
    {
        Exception? failure = null;
        writeGate.Wait();
        try
        {
            // Raw BEGIN/COMMIT rather than SqliteTransaction, so cached commands need no Transaction property.
            writeSession.Execute("BEGIN IMMEDIATE");
            Interlocked.Increment(ref transactions);
            try
            {
                if (batch is [var only])
                {
                    // Alone in its transaction: no savepoint needed to undo it by itself.
                    writeSession.Execute(only.Run(writeSession) ? "COMMIT" : "ROLLBACK");
                }
                else
                {
                    foreach (var write in batch)
                    {
                        writeSession.Execute("SAVEPOINT write");
                        if (!write.Run(writeSession))
                        {
                            writeSession.Execute("ROLLBACK TO write");
                        }

                        writeSession.Execute("RELEASE write");
                    }

                    writeSession.Execute("COMMIT");
                }
            }
            catch (Exception e)
            {
                // The transaction itself failed (I/O, a full disk): nothing of this batch is applied.
                failure = e;
                writeSession.Execute("ROLLBACK");
            }
            finally
            {
                Pages.Invalidate();
                Counts.Invalidate();
            }
        }
        catch (Exception e)
        {
            failure = failure is null ? e : new AggregateException(failure, e);
        }
        finally
        {
            writeGate.Release();
            foreach (var write in batch)
            {
                write.Complete(failure);
            }
        }
    }

    private sealed class PendingWrite<T>(Func<DbSession, T> write) : IPendingWrite
    {
        private readonly TaskCompletionSource<T> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Exception? error;
        private T? result;

        public Task<T> Task => answer.Task;

        public bool Run(DbSession session)
        {
            try
            {
                result = write(session);
                return true;
            }
            catch (Exception e)
            {
                error = e;
                return false;
            }
        }

        public void Complete(Exception? batchFailure)
        {
            if ((error ?? batchFailure) is { } e)
            {
                answer.TrySetException(e);
            }
            else
            {
                answer.TrySetResult(result!);
            }
        }
    }
}
