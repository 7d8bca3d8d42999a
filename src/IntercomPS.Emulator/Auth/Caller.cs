using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Auth;

/// <summary>The authenticated app of a request (/v1 or 2.14), set once by the pipeline for the endpoints.</summary>
internal sealed record Caller(string AppId, EmulatorServices Services)
{
    private const string Key = "intercom.caller";

    /// <summary>What the app's data answers with (the dummy app's canned data, or its stored rows).</summary>
    public IAppBackend Backend => Services.Backend(AppId);

    public static Caller From(HttpContext context) => (Caller)context.Items[Key]!;

    public static void Set(HttpContext context, Caller caller) => context.Items[Key] = caller;
}
