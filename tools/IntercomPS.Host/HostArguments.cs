using System;
using System.Collections.Generic;
using System.IO;

namespace IntercomPS.Host
{
    /// <summary>The command line, PowerShell style (-Name, case-insensitive; --name works too).</summary>
    internal sealed class HostArguments
    {
        public bool ShowHelp { get; private set; }
        public bool StartEmulator { get; private set; }
        public string? ModulePath { get; private set; }
        public string? Command { get; private set; }
        public string? ScriptPath { get; private set; }
        public List<string> ScriptArguments { get; } = new List<string>();

        public static HostArguments Parse(string[] args)
        {
            var parsed = new HostArguments();
            for (var i = 0; i < args.Length; i++)
            {
                if (parsed.ScriptPath is not null)
                {
                    parsed.ScriptArguments.Add(args[i]);
                    continue;
                }
                switch (args[i].TrimStart('-').ToLowerInvariant())
                {
                    case "help" or "h" or "?": parsed.ShowHelp = true; break;
                    case "emulator": parsed.StartEmulator = true; break;
                    case "module": parsed.ModulePath = Value(args, ref i); break;
                    case "command" or "c": parsed.Command = Value(args, ref i); break;
                    default:
                        if (args[i].StartsWith("-", StringComparison.Ordinal)) throw new ArgumentException($"Unknown option '{args[i]}'.");
                        if (!File.Exists(args[i])) throw new ArgumentException($"There is no script file '{args[i]}'.");
                        parsed.ScriptPath = args[i];
                        break;
                }
            }
            if (!parsed.ShowHelp && (parsed.Command is null) == (parsed.ScriptPath is null))
                throw new ArgumentException("Give either a script file or -Command, not both or neither.");
            return parsed;
        }

        private static string Value(string[] args, ref int i)
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"Option '{args[i]}' needs a value.");
            return args[++i];
        }
    }
}
