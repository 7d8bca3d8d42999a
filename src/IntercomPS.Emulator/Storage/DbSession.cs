using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// A thin layer over one open connection: run SQL with named parameters and map rows. A caching session (the
/// writer's, and the pooled readers') keeps its commands prepared across requests, so SQLite parses and plans each
/// statement once per connection instead of once per request. The cache is bounded: search queries are built per
/// request, and when it is full it starts afresh, so the statements in steady use are prepared again at once.
/// </summary>
internal sealed class DbSession(SqliteConnection connection, bool cacheCommands) : IDisposable
{
    /// <summary>Prepared statements kept per connection; the fixed statements of the v1 and 2.14 faces fit easily.</summary>
    public const int MaxCachedCommands = 128;

    private readonly Dictionary<string, SqliteCommand>? cache = cacheCommands ? new(StringComparer.Ordinal) : null;

    private int running;

    public SqliteConnection Connection => connection;

    /// <summary>Statements run on this session so far: what tests count to show a read takes a fixed number of them.</summary>
    public long Statements { get; private set; }

    public int Execute(string sql, params (string Name, object? Value)[] args)
    {
        var (cmd, cached) = Command(sql, args);
        try
        {
            return cmd.ExecuteNonQuery();
        }
        finally
        {
            Done(cmd, cached);
        }
    }

    public T? Scalar<T>(string sql, params (string Name, object? Value)[] args)
    {
        var (cmd, cached) = Command(sql, args);
        try
        {
            var value = cmd.ExecuteScalar();
            return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            Done(cmd, cached);
        }
    }

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] args)
    {
        var (cmd, cached) = Command(sql, args);
        try
        {
            using var reader = cmd.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }

            return rows;
        }
        finally
        {
            Done(cmd, cached);
        }
    }

    public T? First<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] args)
        where T : class
    {
        var rows = Query(sql, map, args);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <summary>The command for <paramref name="sql"/> with these arguments, and whether the cache keeps it (else Done disposes it).</summary>
    private (SqliteCommand Command, bool Cached) Command(string sql, (string Name, object? Value)[] args)
    {
        SqliteCommand? cmd = null;
        var cached = false;
        if (cache is not null && cache.TryGetValue(sql, out cmd))
        {
            cmd.Parameters.Clear();
            cached = true;
        }
        else
        {
            cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            if (cache is not null)
            {
                // Never evict under a statement still running (a row mapper may query again).
                if (cache.Count >= MaxCachedCommands && running == 0)
                {
                    DisposeCommands();
                }

                cached = cache.TryAdd(sql, cmd);
            }
        }

        running++;
        Statements++;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return (cmd, cached);
    }

    /// <summary>
    /// Disposes a command the cache does not keep. A cached one stays cached: the cache is only cleared when no
    /// statement is running (see <see cref="Command"/>), so it cannot have been evicted while this one ran.
    /// </summary>
    private void Done(SqliteCommand cmd, bool cached)
    {
        running--;
        if (!cached)
        {
            cmd.Dispose();
        }
    }

    /// <summary>Finalizes the cached statements; the connection is the owner's to close.</summary>
    public void Dispose() => DisposeCommands();

    private void DisposeCommands()
    {
        if (cache is null)
        {
            return;
        }

        foreach (var cmd in cache.Values)
        {
            cmd.Dispose();
        }

        cache.Clear();
    }
}
