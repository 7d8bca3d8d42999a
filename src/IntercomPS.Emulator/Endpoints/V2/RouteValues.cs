using System;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>The values of a 2.14 route's path parameters ("/contacts/{contact_id}").</summary>
internal static class RouteValues
{
    public static string Text(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    /// <summary>A numeric id from the path (tags, notes, conversations); anything else cannot name one, so it is not found.</summary>
    public static long NumericId(HttpContext context, string name, Func<ApiError> notFound) =>
        long.TryParse(Text(context, name), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : throw notFound();

    /// <summary>
    /// A numeric id from the path, or 0, which names nothing, when it is no number: for an id the store looks up after
    /// the resource it belongs to (a tag of a ticket), so that resource's own 404 comes first, as on its other routes.
    /// </summary>
    public static long NumericIdOrNone(HttpContext context, string name) =>
        long.TryParse(Text(context, name), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : 0;
}
