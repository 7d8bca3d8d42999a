using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Reflection;

namespace IntercomPS.Internal
{
    /// <summary>
    /// A cmdlet's parameter values by name, as they are for the input being processed: what the capability table is
    /// checked against. Not the engine's BoundParameters, which keeps a value bound from an earlier pipeline input after
    /// the parameter went back to its default for the next one.
    /// </summary>
    internal static class ParameterValues
    {
        private static readonly ConcurrentDictionary<(Type Cmdlet, string Name), PropertyInfo?> Properties = new ConcurrentDictionary<(Type, string), PropertyInfo?>();

        public static object? Of(PSCmdlet cmdlet, string name)
        {
            if (Composed(cmdlet, name) is { } parameter) return parameter.Value;
            var property = Property(cmdlet, name) ?? throw new ArgumentException($"{cmdlet.MyInvocation.MyCommand.Name} has no parameter -{name}.", nameof(name));
            return property.GetValue(cmdlet);
        }

        /// <summary>Whether the cmdlet has the parameter at all.</summary>
        public static bool Has(PSCmdlet cmdlet, string name)
        {
            name = name.Split('=')[0];
            return Composed(cmdlet, name) is not null || Property(cmdlet, name) is not null;
        }

        private static RuntimeDefinedParameter? Composed(PSCmdlet cmdlet, string name) =>
            cmdlet is IDynamicParameters composed && composed.GetDynamicParameters() is RuntimeDefinedParameterDictionary parameters && parameters.TryGetValue(name, out var parameter)
                ? parameter : null;

        private static PropertyInfo? Property(PSCmdlet cmdlet, string name) =>
            Properties.GetOrAdd((cmdlet.GetType(), name), key => key.Cmdlet.GetProperty(key.Name) is { } property && property.IsDefined(typeof(ParameterAttribute), inherit: true) ? property : null);

        /// <summary>Whether the parameter has a value that will be used: not null, not an empty string (a blank CSV cell), not a switch left off.</summary>
        public static bool IsGiven(PSCmdlet cmdlet, string name) => name.IndexOf('=') is var at and > 0
            // "Model=conversation": a capability one value of a parameter asks for (any case, as a ValidateSet takes it).
            ? string.Equals(Of(cmdlet, name.Substring(0, at)) as string, name.Substring(at + 1), StringComparison.OrdinalIgnoreCase)
            : Of(cmdlet, name) switch
        {
            null => false,
            string text => text.Length > 0,
            SwitchParameter flag => flag.IsPresent,
            _ => true,
        };

        /// <summary>A hashtable of flat values with the PSObject wrappers PowerShell may put around typed values taken off: the client wants plain .NET values.</summary>
        public static Dictionary<string, object?> Plain(Hashtable table)
        {
            var plain = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in table)
                plain[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            return plain;
        }
    }
}
