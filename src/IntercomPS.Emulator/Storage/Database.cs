using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// The SQLite database. One code path for both modes: without a data file the emulator uses a private temporary
/// file that is deleted on dispose (fsync off, since nothing must survive), with one it syncs every commit.
/// Writes are serialised through one long-lived connection behind an async gate, each in its own transaction
/// committed before the handler returns: no lost updates, and an answered write is on disk. Reads take pooled
/// connections and run concurrently (WAL lets them proceed while a write is in flight).
/// </summary>
internal sealed class Database : IDisposable
{
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly SqliteConnection writer;
    private readonly DbSession writeSession;
    private readonly string connectionString;
    private readonly string? temporaryPath;

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
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        writer = new SqliteConnection(connectionString);
        writer.Open();
        writeSession = new DbSession(writer, cacheCommands: true);

        // FULL: the WAL is fsynced at every commit, so an answered write survives kill -9 and power loss alike.
        var synchronous = temporaryPath is null ? "FULL" : "OFF";
        writeSession.Execute($"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA temp_store=MEMORY;");
        writeSession.Execute("BEGIN IMMEDIATE");
        Schema.Apply(writeSession);
        writeSession.Execute(SchemaV2.Create);
        writeSession.Execute("COMMIT");
    }

    /// <summary>Where each page of a user list starts; forgotten at every committed write.</summary>
    public ListPages Pages { get; } = new();

    /// <summary>Runs a read on a pooled connection.</summary>
    public T Read<T>(Func<DbSession, T> read)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return read(new DbSession(connection, cacheCommands: false));
    }

    /// <summary>Runs <paramref name="write"/> as one transaction on the writer; committed before this returns.</summary>
    public async Task<T> WriteAsync<T>(Func<DbSession, T> write, CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Raw BEGIN/COMMIT rather than SqliteTransaction, so cached commands need no Transaction property.
            writeSession.Execute("BEGIN IMMEDIATE");
            try
            {
                var result = write(writeSession);
                writeSession.Execute("COMMIT");
                Pages.Invalidate();
                return result;
            }
            catch
            {
                writeSession.Execute("ROLLBACK");
                throw;
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    public void Dispose()
    {
        writeGate.Wait();
        writer.Dispose();
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
    }
}
