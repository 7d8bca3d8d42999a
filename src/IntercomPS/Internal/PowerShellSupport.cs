using System;

namespace IntercomPS.Internal
{
    /// <summary>
    /// Which PowerShell (Core) versions can run the module. The manifest's PowerShellVersion has to stay 5.1 for
    /// Windows PowerShell, so 7.0-7.3 would otherwise import and fail at the first request. No PowerShell types here,
    /// so the rule is tested without the engine.
    /// </summary>
    internal static class PowerShellSupport
    {
        /// <summary>The oldest PowerShell (Core) whose .NET has System.Text.Json 8, which the module is built against.</summary>
        public static readonly Version MinimumCoreVersion = new Version(7, 4);

        /// <summary>Why this PowerShell (Core) engine version cannot run the module, or null when it can.</summary>
        public static string? UnsupportedCore(Version? engine) =>
            engine is not null && engine < MinimumCoreVersion
                ? $"IntercomPS needs PowerShell {MinimumCoreVersion} or later (or Windows PowerShell 5.1); this is PowerShell {engine.ToString(3)}, whose .NET cannot load System.Text.Json 8. Install PowerShell 7.4 or later."
                : null;
    }
}
