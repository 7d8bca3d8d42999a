using IntercomPS.Emulator.Admin;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Auth;

/// <summary>
/// On an emulator bound to loopback, the API faces answer only a Host that names this machine (or the configured
/// host). A web page reached through DNS rebinding (http://rebind.example:PORT/ resolving to 127.0.0.1) is the same
/// origin as the emulator to the browser, so it could send the well-known local-app:local-key to /v1 or /contacts and
/// read the answer; its Host is the one thing that gives it away. An emulator bound beyond loopback is meant to be
/// reached by other names (a container's service name, a LAN address), so there the check is off.
/// </summary>
internal sealed class ApiHostGuard(string configuredHost)
{
    public void Check(HttpContext context)
    {
        var host = context.Request.Host.Host;
        if (!AdminGuard.IsAllowedHost(host, configuredHost))
        {
            throw new ApiError(403, "forbidden", $"This emulator listens on loopback and answers only loopback names (localhost, 127.0.0.1, [::1]) or '{configuredHost}', not Host '{context.Request.Host}'");
        }
    }
}
