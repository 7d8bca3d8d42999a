using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace IntercomPS.Internal
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework) has no System.Text.Json, so the module ships it under
    /// dependencies/ and resolves it from there. PowerShell 7 has newer copies of its own and never gets here.
    /// This cannot run on the Linux build machine; it is kept to the few lines the job needs.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string DependencyFolder =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies");

        private static bool IsNetFramework => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        /// <summary>The oldest PowerShell (Core) whose .NET has System.Text.Json 8, which the module is built against.</summary>
        internal static readonly Version MinimumCoreVersion = new Version(7, 4);

        public void OnImport()
        {
            if (IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
            else if (UnsupportedCore(typeof(PSObject).Assembly.GetName().Version) is { } message) throw new PlatformNotSupportedException(message);
        }

        /// <summary>
        /// Why this PowerShell (Core) cannot run the module, or null when it can. The manifest's PowerShellVersion
        /// has to stay 5.1 for Windows PowerShell, so 7.0-7.3 would otherwise import and fail at the first request.
        /// </summary>
        internal static string? UnsupportedCore(Version? engine) =>
            engine is not null && engine < MinimumCoreVersion
                ? $"IntercomPS needs PowerShell {MinimumCoreVersion} or later (or Windows PowerShell 5.1); this is PowerShell {engine.ToString(3)}, whose .NET cannot load System.Text.Json 8. Install PowerShell 7.4 or later."
                : null;

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
        }

        private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
        {
            var path = Path.Combine(DependencyFolder, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
