using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IntercomPS.Emulator.Storage;

/// <summary>
/// The one cursor of every 2.x list and search, contacts and conversations alike, by keyset: the last row's sort
/// value and its tiebreaker (a contact's seq, a conversation's id), which the next page seeks past, and the page's
/// number (what pages.page shows; it places nothing). Never an offset: rows deleted or added before the cursor while
/// a client walks cannot shift what comes after it, so whatever exists through the whole walk is returned exactly
/// once. It carries a fingerprint of its search (endpoint, app, filter, values, sort): seeking with another search's
/// values would silently give a wrong page, so a cursor from any other search or app is refused, as is one the
/// emulator did not sign (<see cref="Cursor"/>). Opaque to clients: base64url, as Intercom's are.
/// </summary>
internal sealed record SearchCursor(int Page, long LastTiebreak, object? LastSortValue)
{
    private const string Kind = "seek";

    /// <summary>A short hash of what a search is (endpoint, app, filter, values, order), which its cursors carry.</summary>
    public static string Fingerprint(string searchKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(searchKey)), 0, 8);

    /// <summary>The cursor of the page after <paramref name="page"/>, which ended with this row.</summary>
    public static SearchCursor After(SearchCursor? page, long lastTiebreak, object? lastSortValue) =>
        new((page?.Page ?? 1) + 1, lastTiebreak, lastSortValue);

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

        return Cursor.Seal(string.Create(CultureInfo.InvariantCulture, $"{Kind}:{fingerprint}:{Page}:{LastTiebreak}:{Encoding.UTF8.GetString(buffer.WrittenSpan)}"));
    }

    /// <summary>The cursor <paramref name="cursor"/>, if this search (<paramref name="fingerprint"/>) handed it out; else the 400.</summary>
    public static SearchCursor Decode(string cursor, string fingerprint)
    {
        var parts = Cursor.Open(cursor)?.Split(':', 5);
        if (parts is [Kind, var print, var pageText, var tiebreakText, var valueJson]
            && print == fingerprint
            && int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 2
            && long.TryParse(tiebreakText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tiebreak)
            && SortValue(valueJson) is (true, var value))
        {
            return new SearchCursor(page, tiebreak, value);
        }

        throw Cursor.Invalid();
    }

    /// <summary>
    /// The rows after this cursor: <paramref name="select"/> (the columns, among them the tiebreaker as <c>tiebreak</c>,
    /// the sort key as <c>sort_key</c>, and the WHERE clause) continued in the order "<paramref name="sortSql"/> ASC|DESC,
    /// <paramref name="tiebreakSql"/>", <paramref name="limit"/> rows at most; the cursor's parameters are added to
    /// <paramref name="args"/>. Two bounded seeks, merged: the rows that tie with the cursor's sort value past its
    /// tiebreaker, then the rows past its value (SQLite puts NULLs first ascending and last descending). A single
    /// row-value comparison would be simpler, but SQLite seeks on one only over real columns, and a contact's seq is the
    /// rowid: each seek here is an index range on (app, sort key, tiebreaker).
    /// </summary>
    public string Rows(string select, string sortSql, string tiebreakSql, bool descending, int limit, List<(string, object?)> args)
    {
        args.Add(("$cursor_tiebreak", LastTiebreak));
        if (sortSql == tiebreakSql && !descending)
        {
            return $"{select} AND {tiebreakSql} > $cursor_tiebreak ORDER BY {tiebreakSql} LIMIT {limit}";
        }

        args.Add(("$cursor_value", LastSortValue));
        var direction = descending ? "DESC" : "ASC";
        var ties = $"SELECT * FROM ({select} AND {sortSql} IS $cursor_value AND {tiebreakSql} > $cursor_tiebreak ORDER BY {tiebreakSql} LIMIT {limit})";
        string? beyond = (LastSortValue is null, descending) switch
        {
            (false, false) => $"{sortSql} > $cursor_value",
            (true, false) => $"{sortSql} IS NOT NULL",
            (false, true) => $"({sortSql} < $cursor_value OR {sortSql} IS NULL)",
            (true, true) => null, // NULLs come last: nothing is past them
        };
        var rest = beyond is null ? "" : $" UNION ALL SELECT * FROM ({select} AND {beyond} ORDER BY {sortSql} {direction}, {tiebreakSql} LIMIT {limit})";
        return $"{ties}{rest} ORDER BY sort_key {direction}, tiebreak LIMIT {limit}";
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
