using System;
using System.Threading.Tasks;
using IntercomPS.Emulator.Admin;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Inspector;

/// <summary>
/// Keeps every page but the inspector's own away from it. /admin's rules first (<see cref="AdminGuard.Admit"/>: the
/// admin token when one is set, which a browser asks for as a password, else a loopback Host, so DNS rebinding is
/// refused); then the origin, exactly: scheme, host and port. A page of another origin, another loopback port
/// included, sends an Origin that differs (refused) or, for what it embeds (img, script), a Sec-Fetch-Site other
/// than same-origin (refused, and Cross-Origin-Resource-Policy keeps the answer from it anyway); no CORS preflight is
/// answered and no CORS header ever sent, so it can read nothing. Writes must carry the page's own Origin, which
/// browsers send on every POST, PUT and DELETE and no page can forge, and be JSON: a form cannot drive it. Only the
/// page itself may be opened from elsewhere (a link, a typed address), and it may not be framed.
/// </summary>
internal sealed class InspectorGuard(AdminGuard admin)
{
    /// <summary>How its refusals name it, as /admin's name /admin.</summary>
    public const string Area = InspectorEndpoints.Root;

    /// <summary>The answer's rules for the browser: no framing, nothing loaded from elsewhere, nothing cached, nothing shared.</summary>
    private const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Referrer-Policy"] = "no-referrer";

        admin.Admit(request, Area, "Basic realm=\"intercom-emulator-inspector\"",
            "open it in a browser, which asks for it (any user name, the token as the password), or send 'Authorization: Bearer TOKEN'");
        if (HttpMethods.IsOptions(request.Method))
        {
            throw Forbidden($"{Area} answers no CORS preflight: only its own page may call it");
        }

        var own = OwnOrigin(request);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !origin.Equals(own, StringComparison.OrdinalIgnoreCase))
        {
            throw Forbidden($"{Area} answers only its own page ({own}), not a page of '{origin}'");
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site != "same-origin" && !IsPageOpened(request))
        {
            throw Forbidden($"{Area} answers only its own page ({own}), not a request from another site (Sec-Fetch-Site '{site}')");
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && origin.Length == 0)
        {
            throw Forbidden($"{Area} takes changes only from its own page: the request has no Origin");
        }

        AdminGuard.RequireJsonWrites(request, Area);
        return next(context);
    }

    /// <summary>scheme://host:port as the browser names this emulator: what a page of its own sends as its Origin.</summary>
    public static string OwnOrigin(HttpRequest request) => request.Scheme + "://" + request.Host.Value;

    /// <summary>The page itself opened in a tab (a link, a bookmark, a typed address): it shows nothing until its own script asks.</summary>
    private static bool IsPageOpened(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && InspectorEndpoints.IsPage(request.Path)
        && request.Headers["Sec-Fetch-Mode"] == "navigate" && request.Headers["Sec-Fetch-Dest"] == "document";

    private static ApiError Forbidden(string message) => new(403, "forbidden", message);
}
