using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>The Intercom v1 face, under /v1: HTTP Basic app_id:api_key, errors as {"error":{"type","message"}}.</summary>
internal sealed class V1Face : IApiFace
{
    public static readonly V1Face Instance = new();

    private V1Face()
    {
    }

    public static bool Serves(HttpContext context) => context.Request.Path.StartsWithSegments("/v1");

    public void Mark(HttpContext context)
    {
    }

    /// <summary>The Basic user name counts the request when it names a known app, whether or not the key is right.</summary>
    public Identity Identify(AppRegistry apps, string? authorization) => apps.IdentifyBasic(authorization);

    /// <summary>The same 401 whatever was wrong.</summary>
    public ApiError Unauthorized() =>
        new(401, "unauthorized", "Access denied: send HTTP Basic credentials app_id:api_key of an app this emulator knows");

    public void Check(HttpContext context, Caller caller, string? route)
    {
    }
}
