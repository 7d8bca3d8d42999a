using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace IntercomPS.Tests.Infrastructure;

/// <summary>
/// A PSHost that records what pwsh's console would show (formatted output, -WhatIf text, prompts, verbose and
/// progress lines) and answers prompts from a script of answers. Without a host UI the engine drops -WhatIf text
/// and cannot ask for -Confirm at all, so tests of either need one. A prompt with no answer left fails clearly.
/// </summary>
public sealed class RecordingHost : PSHost
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly RecordingHostUserInterface _ui;

    /// <param name="answers">What the "user" types at prompts, in order.</param>
    public RecordingHost(IEnumerable<string>? answers = null) => _ui = new RecordingHostUserInterface(answers ?? Array.Empty<string>());

    /// <summary>Everything written to the console: output, -WhatIf text, prompts and choices.</summary>
    public string Output => _ui.Output.ToString();

    /// <summary>Errors, warnings, verbose, debug and progress lines, labelled as pwsh labels them.</summary>
    public string Errors => _ui.Errors.ToString();

    public override string Name => "IntercomPS.Testing";
    public override Version Version { get; } = new Version(1, 0);
    public override Guid InstanceId => _id;
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException("The test host has no nested prompt.");
    public override void ExitNestedPrompt() => throw new NotSupportedException("The test host has no nested prompt.");
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class RecordingHostUserInterface(IEnumerable<string> answers) : PSHostUserInterface
    {
        private readonly Queue<string> _answers = new(answers);

        public StringWriter Output { get; } = new();
        public StringWriter Errors { get; } = new();
        public override PSHostRawUserInterface RawUI { get; } = new FixedWindow();

        public override void Write(string value) => Output.Write(Plain(value));
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Output.Write(Plain(value));
        public override void WriteLine(string value) => Output.WriteLine(Plain(value));
        public override void WriteErrorLine(string value) => Errors.WriteLine(Plain(value));
        public override void WriteWarningLine(string message) => Errors.WriteLine("WARNING: " + Plain(message));
        public override void WriteVerboseLine(string message) => Errors.WriteLine("VERBOSE: " + Plain(message));
        public override void WriteDebugLine(string message) => Errors.WriteLine("DEBUG: " + Plain(message));
        public override void WriteInformation(InformationRecord record) { }

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
            if (record.RecordType != ProgressRecordType.Completed) Errors.WriteLine($"PROGRESS: {record.Activity}: {record.StatusDescription}");
        }

        public override string ReadLine() => Next("a line of input");

        public override SecureString ReadLineAsSecureString()
        {
            var secure = new SecureString();
            foreach (var letter in Next("a secret")) secure.AppendChar(letter);
            secure.MakeReadOnly();
            return secure;
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
        {
            Output.WriteLine(caption);
            Output.WriteLine(message);
            var answers = new Dictionary<string, PSObject>();
            foreach (var field in descriptions)
            {
                answers[field.Name] = field.ParameterTypeFullName == typeof(SecureString).FullName
                    ? new PSObject(ReadLineAsSecureString())
                    : new PSObject(ReadLine());
            }
            return answers;
        }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Output.WriteLine(caption);
            Output.WriteLine(message);
            var answer = Next($"an answer to the prompt '{caption}'");
            for (var i = 0; i < choices.Count; i++)
            {
                var label = choices[i].Label;
                var hotKey = label.IndexOf('&') is var amp and >= 0 && amp + 1 < label.Length ? label.Substring(amp + 1, 1) : label;
                if (string.Equals(answer, hotKey, StringComparison.OrdinalIgnoreCase)) return i;
            }
            throw new PSInvalidOperationException($"The test answered '{answer}' to '{caption}', which is not one of its choices.");
        }

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            new(string.IsNullOrEmpty(userName) ? ReadLine() : userName, ReadLineAsSecureString());

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            PromptForCredential(caption, message, userName, targetName);

        /// <summary>Text as a file or pipe gets it from pwsh: without ANSI styling.</summary>
        private string Plain(string text) => GetOutputString(text, supportsVirtualTerminal: false);

        private string Next(string what) => _answers.Count > 0
            ? _answers.Dequeue()
            : throw new PSInvalidOperationException($"The test host was asked for {what} and has no answer left.");
    }

    /// <summary>A 120-column window, so the formatter lays out tables as pwsh does in a terminal of that size.</summary>
    private sealed class FixedWindow : PSHostRawUserInterface
    {
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override Coordinates CursorPosition { get; set; }
        public override Coordinates WindowPosition { get; set; }
        public override int CursorSize { get; set; } = 1;
        public override Size BufferSize { get; set; } = new(120, 9999);
        public override Size WindowSize { get; set; } = new(120, 50);
        public override Size MaxWindowSize => WindowSize;
        public override Size MaxPhysicalWindowSize => WindowSize;
        public override bool KeyAvailable => false;
        public override string WindowTitle { get; set; } = "IntercomPS tests";
        public override void FlushInputBuffer() { }
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("The test host reads lines, not keys.");
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException("The test host has no screen buffer.");
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException("The test host has no screen buffer.");
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException("The test host has no screen buffer.");
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException("The test host has no screen buffer.");
    }
}
