using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// The lists 2.x pages by number (page, per_page) rather than by cursor: the companies, a company's contacts, a
/// contact's companies and notes. A page past the end is empty: the official Node SDK walks a contact's notes and
/// companies by asking page 2, 3... until one is.
/// </summary>
internal static class NumberedPages
{
    /// <summary>The page asked for, the first by default.</summary>
    public static int Page(IQueryCollection query) => (int)Math.Min(Input.QueryNumber(query, "page") ?? 1, int.MaxValue);

    /// <summary>The page size asked for (1 to 150, else the 400), <paramref name="fallback"/> when none is.</summary>
    public static int PerPage(IQueryCollection query, int fallback) =>
        Input.Query(query, "per_page") is { } text ? ContactsEndpoints.PerPage(text) : fallback;

    /// <summary>The page of a list read whole (a contact's notes or companies: never many) the query asks for.</summary>
    public static (IReadOnlyList<T> Items, int Page, int PerPage) Slice<T>(IReadOnlyList<T> all, IQueryCollection query, int fallback)
    {
        var (page, perPage) = (Page(query), PerPage(query, fallback));
        var skip = (long)(page - 1) * perPage;
        return (skip >= all.Count ? [] : [.. all.Skip((int)skip).Take(perPage)], page, perPage);
    }

    /// <summary>
    /// The page of <paramref name="all"/> the query asks for, answered as 2.x's numbered lists are: {type: list, data,
    /// total_count, pages}, each item written by <paramref name="item"/>.
    /// </summary>
    public static IResult Answer<T>(IReadOnlyList<T> all, IQueryCollection query, int fallback, Action<Utf8JsonWriter, T> item)
    {
        var (items, page, perPage) = Slice(all, query, fallback);
        return Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            foreach (var one in items)
            {
                item(w, one);
            }

            w.WriteEndArray();
            w.WriteNumber("total_count", all.Count);
            Writer.Pages(w, page, perPage, all.Count, next: null);
            w.WriteEndObject();
        });
    }
}
