using System;
using System.Globalization;
using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// The Intercom REST API 2.x face: every path outside /v1, /admin and the inspector's /_inspector. It is a protocol layer only; the data is
/// the same store /v1 serves. A request is marked (so errors are written as 2.x's error.list with its request_id),
/// authenticated by its access token (Bearer, or Basic with the token as the username and no password) and
/// version-checked; <see cref="ApiPipeline"/> runs these steps with the others.
/// </summary>
internal sealed class Face(EmulatorServices services) : IApiFace
{
    public const string VersionHeader = "Intercom-Version";

    /// <summary>Sent when the version asked answers as another one's description (see <see cref="ApiVersions"/>): never a silent mismatch.</summary>
    public const string AnswersAsHeader = "X-Emulator-Answers-As";

    private const string RequestIdKey = "intercom.v2.request_id";
    private const string VersionKey = "intercom.v2.version";

    /// <summary>The most a 2.x list or search page holds (per_page), as the real API allows.</summary>
    public const int MaxPerPage = 150;

    public static bool Serves(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/v1") && !context.Request.Path.StartsWithSegments("/admin")
        && !context.Request.Path.StartsWithSegments(Inspector.InspectorEndpoints.Root);

    /// <summary>The request id of a 2.x request (also sent as X-Request-Id), or null on /v1.</summary>
    public static string? RequestId(HttpContext context) => context.Items[RequestIdKey] as string;

    /// <summary>The Intercom-Version a 2.x request is answered in, once <see cref="Check"/> has passed it.</summary>
    public static ApiVersion VersionOf(HttpContext context) => (ApiVersion)context.Items[VersionKey]!;

    /// <summary>A request id: a UUID, as the descriptions' examples show, or the real service's own form when asked.</summary>
    public void Mark(HttpContext context)
    {
        var id = services.IntercomRequestIds ? IntercomRequestId() : Guid.NewGuid().ToString();
        context.Items[RequestIdKey] = id;
        context.Response.Headers["X-Request-Id"] = id;
    }

    /// <summary>An app's API key is its access token; a request is counted under the app whose token it carries.</summary>
    public Identity Identify(AppRegistry apps, string? authorization) => apps.IdentifyToken(authorization);

    /// <summary>Any token that is no app's key gets the 401 the real API gives.</summary>
    public ApiError Unauthorized() => new(401, "unauthorized", "Access Token Invalid");

    /// <summary>
    /// Intercom-Version: absent means the app's default (2.14 unless set), any version of the real service's enum is
    /// served (<see cref="ApiVersions"/>), and anything else, or an operation the version lacks, gets the real API's
    /// 400 intercom_version_invalid. Every answer says which version served it.
    /// </summary>
    public void Check(HttpContext context, Caller caller, string? route)
    {
        var requested = context.Request.Headers[VersionHeader].ToString();
        var version = requested.Length == 0 ? services.Profiles.Of(caller.AppId).Version
            : ApiVersions.Find(requested.Trim()) ?? throw VersionInvalid("The requested version could not be found");
        if (ApiVersions.Lacks(version, route))
        {
            throw VersionInvalid("Requested resource is not available in current API version");
        }

        context.Items[VersionKey] = version;
        var headers = context.Response.Headers;
        headers[VersionHeader] = version.Name;
        if (version.AnswersAsAnother)
        {
            headers[AnswersAsHeader] = version.Model.Name;
        }
    }

    private static ApiError VersionInvalid(string message) => new(400, "bad_request", message) { Code = "intercom_version_invalid" };

    /// <summary>
    /// 20 lowercase base32 characters (0-9, a-v), as the real service's request ids are (000hjqhpf95ef3b8f8v0): the
    /// time in milliseconds, then random bits, so ids sort by when they were made and never repeat in practice.
    /// </summary>
    private static string IntercomRequestId() => string.Create(20, (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Random.Shared.NextInt64()), (chars, parts) =>
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuv";
        var (time, random) = parts;
        for (var i = 9; i >= 0; i--, time >>= 5, random >>= 5)
        {
            chars[i] = Digits[(int)(time & 31)];
            chars[i + 10] = Digits[(int)(random & 31)];
        }
    });

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
