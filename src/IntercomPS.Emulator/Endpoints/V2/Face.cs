using System;
using System.Globalization;
using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// The Intercom REST API 2.14 face: every path outside /v1 and /admin. It is a protocol layer only; the data is
/// the same store /v1 serves. A request is marked (so errors are written as 2.14's error.list with its request_id),
/// authenticated by its access token (Bearer, or Basic with the token as the username and no password) and
/// version-checked; <see cref="ApiPipeline"/> runs these steps with the others.
/// </summary>
internal sealed class Face : IApiFace
{
    public const string Version = "2.14";
    public const string VersionHeader = "Intercom-Version";
    private const string RequestIdKey = "intercom.v2.request_id";

    /// <summary>The most a 2.14 list or search page holds (per_page), as the real API allows.</summary>
    public const int MaxPerPage = 150;

    public static readonly Face Instance = new();

    private Face()
    {
    }

    public static bool Serves(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/v1") && !context.Request.Path.StartsWithSegments("/admin");

    /// <summary>The request id of a 2.14 request (also sent as X-Request-Id), or null on /v1.</summary>
    public static string? RequestId(HttpContext context) => context.Items[RequestIdKey] as string;

    public void Mark(HttpContext context)
    {
        var id = Guid.NewGuid().ToString();
        context.Items[RequestIdKey] = id;
        context.Response.Headers["X-Request-Id"] = id;
    }

    /// <summary>An app's API key is its access token; a request is counted under the app whose token it carries.</summary>
    public Identity Identify(AppRegistry apps, string? authorization) => apps.IdentifyToken(authorization);

    /// <summary>The route template ("GET /contacts/{contact_id}"), so the counter stays bounded whatever paths arrive.</summary>
    public string? RouteOf(string method, string path) => Routes.RouteOf(method, path);

    /// <summary>Any token that is no app's key gets the 401 the real API gives.</summary>
    public ApiError Unauthorized() => new(401, "unauthorized", "Access Token Invalid");

    /// <summary>
    /// Intercom-Version: absent means the default (2.14), 2.14 is served, any other value gets the real API's
    /// 400 intercom_version_invalid. Every answer says which version served it.
    /// </summary>
    public void Check(HttpContext context)
    {
        var requested = context.Request.Headers[VersionHeader].ToString().Trim();
        if (requested.Length > 0 && requested != Version)
        {
            throw new ApiError(400, "bad_request",
                $"The requested version could not be found: this emulator serves Intercom-Version {Version}, not '{Truncate(requested)}'")
            {
                Code = "intercom_version_invalid",
            };
        }

        context.Response.Headers[VersionHeader] = Version;
    }

    private static string Truncate(string text) => text.Length <= 20 ? text : text[..20] + "...";

    /// <summary>The 2.14 error code for a failure: its own, or the one Intercom uses for the status.</summary>
    public static string Code(ApiError error) => error.Code ?? error.Status switch
    {
        400 or 413 or 415 => "parameter_invalid",
        401 => "unauthorized",
        402 => "api_plan_restricted",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        429 => "rate_limit_exceeded",
        503 => "service_unavailable",
        >= 500 => "server_error",
        _ => error.Type,
    };

    public static string ToString(long value) => value.ToString(CultureInfo.InvariantCulture);
}
