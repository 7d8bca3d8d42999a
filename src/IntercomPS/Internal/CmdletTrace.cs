using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;
using IntercomPS.Client;

namespace IntercomPS.Internal
{
    /// <summary>
    /// A cmdlet's Verbose/Debug view of its requests: whether anyone would see the lines (decided once, since building
    /// them costs more than a loopback request), and writing them on the pipeline thread. Shared by every cmdlet that
    /// sends requests, Connect-Intercom included.
    /// </summary>
    internal sealed class CmdletTrace
    {
        // -Debug on a compiled cmdlet makes the engine treat its Debug, Verbose and Warning lines as Inquire: each one
        // would ask "Continue with this operation?" (and fail under -NonInteractive). Advanced functions were spared
        // that in PowerShell 6.2; compiled cmdlets were not. So when -Debug itself was given, the cmdlet's own
        // preferences (internal to the engine's command runtime, hence reflection) are set from Inquire to Continue,
        // once, and every line is written through the public methods. Where those properties do not exist, nothing
        // changes.
        private static readonly Type? CommandRuntimeType = typeof(PSCmdlet).Assembly.GetType("System.Management.Automation.MshCommandRuntime");
        private static readonly string[] InquiringPreferences = { "DebugPreference", "WarningPreference", "InformationPreference", "ProgressPreference" };
        private const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

        private readonly PSCmdlet _cmdlet;

        public CmdletTrace(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            IsVerbose = IsOn(cmdlet, "Verbose", "VerbosePreference");
            IsDebug = IsOn(cmdlet, "Debug", "DebugPreference");
            NeverInquire(cmdlet);
        }

        /// <summary>With -Debug, lets the cmdlet's Debug, Verbose and Warning lines show without asking (see above).</summary>
        public static void NeverInquire(PSCmdlet cmdlet)
        {
            var runtime = cmdlet.CommandRuntime;
            if (!cmdlet.MyInvocation.BoundParameters.TryGetValue("Debug", out var given) || !LanguagePrimitives.IsTrue(given)) return;
            if (CommandRuntimeType?.IsInstanceOfType(runtime) != true) return;
            foreach (var name in InquiringPreferences)
            {
                var preference = CommandRuntimeType.GetProperty(name, Internal);
                if (IsInquire(preference, runtime) && preference!.CanWrite) preference.SetValue(runtime, ActionPreference.Continue);
            }
            // VerbosePreference has no setter: under -Debug it is Inquire unless -Verbose was given, so give it.
            if (IsInquire(CommandRuntimeType.GetProperty("VerbosePreference", Internal), runtime) && CommandRuntimeType.GetProperty("Verbose", Internal) is { CanWrite: true } verbose)
                verbose.SetValue(runtime, true);
        }

        private static bool IsInquire(PropertyInfo? preference, ICommandRuntime runtime) =>
            preference is { CanRead: true } && preference.PropertyType == typeof(ActionPreference) && (ActionPreference)preference.GetValue(runtime)! == ActionPreference.Inquire;

        public bool IsVerbose { get; }
        public bool IsDebug { get; }

        /// <summary>A queue for one request's (or one listing's) lines, or null when nobody would see them.</summary>
        public QueuedTrace? NewQueue() => IsVerbose || IsDebug ? new QueuedTrace(IsDebug) : null;

        /// <summary>On the pipeline thread: writes the lines to the Verbose and Debug streams.</summary>
        public void Relay(IEnumerable<(bool IsDebug, string Message)> messages)
        {
            foreach (var (isDebug, message) in messages)
            {
                if (isDebug) _cmdlet.WriteDebug(message);
                else _cmdlet.WriteVerbose(message);
            }
        }

        /// <summary>Whether a stream is shown: its switch (-Verbose, -Debug) when given, else its preference variable.</summary>
        private static bool IsOn(PSCmdlet cmdlet, string parameter, string preference)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out var given)) return LanguagePrimitives.IsTrue(given);
            return cmdlet.GetVariableValue(preference) is ActionPreference value && value != ActionPreference.SilentlyContinue && value != ActionPreference.Ignore;
        }
    }

    /// <summary>Trace lines from any thread, read in order on the pipeline thread.</summary>
    internal sealed class QueuedTrace : IRequestTraceSink
    {
        private readonly BlockingCollection<(bool IsDebug, string Message)> _messages = new BlockingCollection<(bool, string)>();

        public QueuedTrace(bool isDebugEnabled) => IsDebugEnabled = isDebugEnabled;

        public bool IsDebugEnabled { get; }

        public void Verbose(string message) => Add(false, message);
        public void Debug(string message) => Add(true, message);
        public void Complete() => _messages.CompleteAdding();

        /// <summary>Every message, waiting until the request is complete.</summary>
        public IEnumerable<(bool IsDebug, string Message)> Drain() => _messages.GetConsumingEnumerable();

        /// <summary>The messages there are now, without waiting.</summary>
        public IEnumerable<(bool IsDebug, string Message)> TakeAvailable()
        {
            while (_messages.TryTake(out var message)) yield return message;
        }

        private void Add(bool isDebug, string message)
        {
            if (!_messages.IsAddingCompleted) _messages.Add((isDebug, message));
        }
    }
}
