using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Auth;

/// <summary>The authenticated app of a request (/v1 or 2.14) and the backend that serves it.</summary>
internal sealed record Caller(string AppId, IAppBackend Backend)
{
    private const string Key = "intercom.caller";

    public static Caller From(HttpContext context) => (Caller)context.Items[Key]!;

    /// <summary>Checks HTTP Basic credentials; a failure is the same 401 whatever was wrong.</summary>
    public static Task AuthenticateAsync(HttpContext context, RequestDelegate next, EmulatorServices services)
    {
        var appId = services.Apps.Authenticate(context.Request.Headers.Authorization);
        if (appId is null)
        {
            throw new ApiError(401, "unauthorized", "Access denied: send HTTP Basic credentials app_id:api_key of an app this emulator knows");
        }

        Set(context, new Caller(appId, services.Backend(appId)));
        return next(context);
    }

    public static void Set(HttpContext context, Caller caller) => context.Items[Key] = caller;
}
