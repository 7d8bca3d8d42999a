using IntercomPS.Emulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>
/// What the two API faces (/v1, and 2.14 at the root) do differently as a request passes <see cref="ApiPipeline"/>;
/// the steps themselves and their order are the pipeline's, one path for both.
/// </summary>
internal interface IApiFace
{
    /// <summary>Marks the request before anything can fail (2.14 gives it a request id, which its errors carry).</summary>
    void Mark(HttpContext context);

    /// <summary>Who the request is from, read from its credentials the face's way: worked out once per request.</summary>
    Identity Identify(AppRegistry apps, string? authorization);

    /// <summary>The face's 401 for credentials that prove no app.</summary>
    ApiError Unauthorized();

    /// <summary>
    /// Refuses, once the app is known, what the face does not serve (2.x: an Intercom-Version the real service does
    /// not know, or an operation the version lacks), given the request's <paramref name="route"/> as counted.
    /// </summary>
    void Check(HttpContext context, Caller caller, string? route);
}
