using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// A 2.14 list or search cursor by keyset: the last row's sort value and seq, which the next page seeks past (so a
/// page deep in a search costs what the first does), and the rows before the next page (its page number). It also
/// carries a fingerprint of the search it came from: seeking with another search's sort value would silently give a
/// wrong page, so a cursor from any other search is refused like any cursor the API did not hand out. Opaque to
/// clients: base64url, as Intercom's are.
/// </summary>
internal sealed record SearchCursor(long Offset, long LastSeq, object? LastSortValue)
{
    private const string Kind = "seek";

    /// <summary>A short hash of what a search is (filter, values, order), which its cursors carry.</summary>
    public static string Fingerprint(string searchKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(searchKey)), 0, 8);

    public string Encode(string fingerprint)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            switch (LastSortValue)
            {
                case null: w.WriteNullValue(); break;
                case long n: w.WriteNumberValue(n); break;
                case double d: w.WriteNumberValue(d); break;
                case string s: w.WriteStringValue(s); break;
                default: throw new InvalidOperationException($"A sort value of type {LastSortValue.GetType()} cannot go into a cursor.");
            }
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{Kind}:{fingerprint}:{Offset}:{LastSeq}:{Encoding.UTF8.GetString(buffer.WrittenSpan)}");
        return Cursor.Wrap(text);
    }

    /// <summary>The cursor <paramref name="cursor"/>, if this search (<paramref name="fingerprint"/>) handed it out; else the 400.</summary>
    public static SearchCursor Decode(string cursor, string fingerprint)
    {
        var parts = Cursor.Unwrap(cursor)?.Split(':', 5);
        if (parts is [Kind, var print, var offsetText, var seqText, var valueJson]
            && print == fingerprint
            && long.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            && long.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            && SortValue(valueJson) is (true, var value))
        {
            return new SearchCursor(offset, seq, value);
        }

        throw Cursor.Invalid();
    }

    /// <summary>
    /// The page after this cursor: <paramref name="select"/> (the columns, the sort key as <c>sort_key</c>, and the
    /// WHERE clause) continued in the order "<paramref name="sortSql"/> ASC|DESC, u.seq", <paramref name="perPage"/>
    /// rows at most; the cursor's parameters are added to <paramref name="args"/>. Two bounded seeks, merged: the rows
    /// that tie with the cursor's sort value past its seq, then the rows past its value (SQLite puts NULLs first
    /// ascending and last descending). A single row-value comparison would be simpler, but SQLite seeks on one only
    /// over real columns, and u.seq is the rowid: each seek here is an index range on (app, sort key, seq).
    /// </summary>
    public string Page(string select, string sortSql, bool descending, int perPage, List<(string, object?)> args)
    {
        args.Add(("$cursor_seq", LastSeq));
        if (sortSql == "u.seq" && !descending)
        {
            return $"{select} AND u.seq > $cursor_seq ORDER BY u.seq LIMIT {perPage}";
        }

        args.Add(("$cursor_value", LastSortValue));
        var direction = descending ? "DESC" : "ASC";
        var ties = $"SELECT * FROM ({select} AND {sortSql} IS $cursor_value AND u.seq > $cursor_seq ORDER BY u.seq LIMIT {perPage})";
        string? beyond = (LastSortValue is null, descending) switch
        {
            (false, false) => $"{sortSql} > $cursor_value",
            (true, false) => $"{sortSql} IS NOT NULL",
            (false, true) => $"({sortSql} < $cursor_value OR {sortSql} IS NULL)",
            (true, true) => null, // NULLs come last: nothing is past them
        };
        var rest = beyond is null ? "" : $" UNION ALL SELECT * FROM ({select} AND {beyond} ORDER BY {sortSql} {direction}, u.seq LIMIT {perPage})";
        return $"{ties}{rest} ORDER BY sort_key {direction}, seq LIMIT {perPage}";
    }

    private static (bool Valid, object? Value) SortValue(string json)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read())
            {
                return (false, null);
            }

            object? value = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number when reader.TryGetInt64(out var n) => n,
                JsonTokenType.Number => reader.GetDouble(),
                _ => throw new JsonException(),
            };
            return reader.Read() ? (false, null) : (true, value);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return (false, null);
        }
    }
}
