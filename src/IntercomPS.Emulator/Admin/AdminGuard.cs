using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Admin;

/// <summary>
/// Keeps web pages away from /admin. The emulator runs on a developer's laptop next to a browser, and any page can
/// send requests to 127.0.0.1. So: a request from a page of another origin is refused (Origin not loopback), and
/// so is its CORS preflight; writes must be application/json, which a page can only send after a preflight; the
/// Host must be a loopback name or the configured host, which a page reached through DNS rebinding cannot send. An
/// admin token (required when the emulator listens beyond loopback) must come with every call, and a call that
/// carries it may use any Host (<see cref="Admit"/>, which the inspector's guard shares). Everything refused answers JSON, like every other failure.
/// </summary>
internal sealed class AdminGuard(string? token, string configuredHost)
{
    private readonly byte[]? tokenHash = token is null ? null : Hash(token);

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Headers.Origin.ToString() is { Length: > 0 } origin && !IsLoopbackOrigin(origin))
        {
            throw Forbidden($"/admin refuses requests from web pages of other origins (Origin '{origin}')");
        }

        if (HttpMethods.IsOptions(request.Method))
        {
            throw Forbidden("/admin answers no CORS preflight: web pages may not call it");
        }

        Admit(request, "/admin", "Bearer realm=\"intercom-emulator-admin\"");
        RequireJsonWrites(request, "/admin");
        return next(context);
    }

    /// <summary>
    /// The rule every control plane (/admin, the inspector) shares: the admin token, when one is set, on every call
    /// (<paramref name="challenge"/> and <paramref name="how"/> tell a client how to send it); without one, a Host that names this machine or the
    /// configured host. A call that carries the token may use any Host.
    /// </summary>
    public void Admit(HttpRequest request, string area, string challenge, string how = "send 'Authorization: Bearer TOKEN'")
    {
        var authorized = tokenHash is not null && HasToken(request.Headers.Authorization.ToString());
        if (tokenHash is not null && !authorized)
        {
            throw new ApiError(401, "unauthorized", $"{area} needs the emulator's admin token: {how}") { Challenge = challenge };
        }

        if (!authorized && !IsAllowedHost(request.Host.Host, configuredHost))
        {
            throw Forbidden($"{area} refuses Host '{request.Host}': use a loopback name (localhost, 127.0.0.1, [::1]) or '{configuredHost}'");
        }
    }

    /// <summary>Writes must be application/json, which a page of another origin can only send after a preflight.</summary>
    public static void RequireJsonWrites(HttpRequest request, string area)
    {
        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) && !IsJson(request.ContentType))
        {
            throw new ApiError(415, "bad_request", $"{area} writes need 'Content-Type: application/json', not '{request.ContentType}'");
        }
    }

    /// <summary>localhost, *.localhost, 127.0.0.0/8 and ::1: names that only ever mean this machine.</summary>
    public static bool IsLoopbackName(string host)
    {
        host = host.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>A loopback name, or the host the emulator was told to bind.</summary>
    public static bool IsAllowedHost(string host, string configuredHost) =>
        IsLoopbackName(host) || host.Trim('[', ']').Equals(configuredHost.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopbackOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && IsLoopbackName(uri.Host);

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The token as a Bearer token, or as the password of Basic credentials (any user name): what a browser sends once
    /// it has asked for it, so the inspector's page can be opened beyond loopback.
    /// </summary>
    private bool HasToken(string authorization)
    {
        var presented = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim()
            : authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) ? BasicPassword(authorization[6..].Trim())
            : null;
        return presented is not null && CryptographicOperations.FixedTimeEquals(Hash(presented), tokenHash);
    }

    private static string? BasicPassword(string encoded)
    {
        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 ? credentials[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null; // not base64: no token presented, which the caller answers with 401
        }
    }

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    private static ApiError Forbidden(string message) => new(403, "forbidden", message);
}
