using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// A thin layer over one open connection: run SQL with named parameters and map rows. The writer's session
/// keeps its commands prepared across requests (it lives as long as the database); read sessions are per request.
/// </summary>
internal sealed class DbSession(SqliteConnection connection, bool cacheCommands)
{
    private readonly Dictionary<string, SqliteCommand>? cache = cacheCommands ? new(StringComparer.Ordinal) : null;

    public int Execute(string sql, params (string Name, object? Value)[] args)
    {
        var cmd = Command(sql, args);
        try
        {
            return cmd.ExecuteNonQuery();
        }
        finally
        {
            Done(cmd);
        }
    }

    public T? Scalar<T>(string sql, params (string Name, object? Value)[] args)
    {
        var cmd = Command(sql, args);
        try
        {
            var value = cmd.ExecuteScalar();
            return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            Done(cmd);
        }
    }

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] args)
    {
        var cmd = Command(sql, args);
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
            Done(cmd);
        }
    }

    public T? First<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] args)
        where T : class
    {
        var rows = Query(sql, map, args);
        return rows.Count > 0 ? rows[0] : null;
    }

    private SqliteCommand Command(string sql, (string Name, object? Value)[] args)
    {
        SqliteCommand? cmd = null;
        if (cache is not null && cache.TryGetValue(sql, out cmd))
        {
            cmd.Parameters.Clear();
        }
        else
        {
            cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cache?.Add(sql, cmd);
        }

        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private void Done(SqliteCommand cmd)
    {
        if (cache is null)
        {
            cmd.Dispose();
        }
    }
}
