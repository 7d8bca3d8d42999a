using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Faults;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>
/// The one pipeline every API request passes, on either face, in this order: marked, held to the Host rule, counted
/// under its app and route, delayed (taking its fault draws), authenticated, rate-limited, checked, then put through
/// the other faults.
/// Who the request is from is worked out once, from its credentials, and that one answer is both what it is counted
/// under and what it is authenticated as; a request refused on the way is still counted and delayed.
/// </summary>
internal sealed class ApiPipeline(EmulatorServices services, ApiHostGuard? hosts)
{
    private readonly FaultInjector faults = new(services.Faults, services.RateLimiter);
    private readonly V2.Face v2 = new(services);

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var face = FaceOf(context);
        return face is null ? next(context) : RunAsync(context, next, face);
    }

    /// <summary>The face a request is for: /v1, /admin (none: not an API request), or 2.x at the root.</summary>
    private IApiFace? FaceOf(HttpContext context) =>
        V1Face.Serves(context) ? V1Face.Instance : V2.Face.Serves(context) ? v2 : null;

    private async Task RunAsync(HttpContext context, RequestDelegate next, IApiFace face)
    {
        face.Mark(context);
        hosts?.Check(context);
        var request = context.Request;
        var identity = face.Identify(services.Apps, request.Headers.Authorization);
        var route = ApiRoutes.RouteOf(request.Method, request.Path.Value!);
        services.Requests.Count(identity.Named ?? RequestCounter.OtherApp, route);
        var draw = await faults.DelayAsync(context);
        var caller = new Caller(identity.Authenticated ?? throw face.Unauthorized(), services);
        Caller.Set(context, caller);
        var rate = faults.Limit(context, caller.AppId);
        face.Check(context, caller, route);
        await faults.InvokeAsync(context, next, route, draw, rate);
    }
}
