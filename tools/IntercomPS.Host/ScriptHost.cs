using System;
using System.Globalization;
using System.IO;
using System.Management.Automation.Host;

namespace IntercomPS.Host
{
    /// <summary>
    /// A PSHost that writes what pwsh's console would: output, errors, warnings, verbose, -WhatIf text and
    /// progress, to writers of our choosing (the console, or a StringWriter in tests). Without a host UI the
    /// engine drops -WhatIf text and cannot ask for -Confirm, so the module could not be tried honestly.
    /// </summary>
    public sealed class ScriptHost : PSHost
    {
        private readonly Guid _id = Guid.NewGuid();

        /// <param name="colour">ANSI colours in formatted output, as pwsh uses on a terminal; off for files and pipes.</param>
        public ScriptHost(TextWriter output, TextWriter errors, TextReader input, bool colour = false)
        {
            UI = new ScriptHostUserInterface(output, errors, input, colour);
        }

        /// <summary>The exit code a script asked for with <c>exit N</c> in a nested prompt, or null.</summary>
        public int? ExitCode { get; private set; }

        public override string Name => "IntercomPS.Host";
        public override Version Version => typeof(ScriptHost).Assembly.GetName().Version ?? new Version(1, 0);
        public override Guid InstanceId => _id;
        public override PSHostUserInterface UI { get; }
        public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

        public override void SetShouldExit(int exitCode) => ExitCode = exitCode;

        public override void EnterNestedPrompt() => throw new NotSupportedException("This host runs scripts; it has no nested prompt.");
        public override void ExitNestedPrompt() => throw new NotSupportedException("This host runs scripts; it has no nested prompt.");
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }
}
