using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Auth;

/// <summary>The authenticated app of a request (/v1 or 2.14), set once by the pipeline for the endpoints.</summary>
internal sealed class Caller(string appId, EmulatorServices services)
{
    private const string Key = "intercom.caller";

    private IAppStore? store;

    public string AppId { get; } = appId;

    public EmulatorServices Services { get; } = services;

    /// <summary>The app's data, which both faces read and write (the dummy app's canned data, or its stored rows).</summary>
    public IAppStore Store => store ??= Services.Store(AppId);

    public static Caller From(HttpContext context) => (Caller)context.Items[Key]!;

    /// <summary>The caller, or null when the request was refused before it was authenticated.</summary>
    public static Caller? Find(HttpContext context) => context.Items[Key] as Caller;

    public static void Set(HttpContext context, Caller caller) => context.Items[Key] = caller;
}
