using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace IntercomPS.Host
{
    /// <summary>
    /// Writes each stream the way pwsh labels it. Prompts read lines from the input; when the input is at its
    /// end (a scheduled run, CI) a prompt fails with a clear message instead of hanging or guessing an answer.
    /// </summary>
    public sealed class ScriptHostUserInterface : PSHostUserInterface
    {
        private readonly TextWriter _output;
        private readonly TextWriter _errors;
        private readonly TextReader _input;
        private string? _lastProgress;

        public ScriptHostUserInterface(TextWriter output, TextWriter errors, TextReader input, bool colour)
        {
            SupportsVirtualTerminal = colour;
            _output = output;
            _errors = errors;
            _input = input;
            RawUI = new ScriptHostRawUserInterface();
        }

        public override PSHostRawUserInterface RawUI { get; }

        public override bool SupportsVirtualTerminal { get; }

        public override void Write(string value) => _output.Write(Plain(value));
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => _output.Write(Plain(value));
        public override void WriteLine(string value) => _output.WriteLine(Plain(value));
        public override void WriteErrorLine(string value) => _errors.WriteLine(Plain(value));
        public override void WriteWarningLine(string message) => _errors.WriteLine("WARNING: " + Plain(message));
        public override void WriteVerboseLine(string message) => _errors.WriteLine("VERBOSE: " + Plain(message));
        public override void WriteDebugLine(string message) => _errors.WriteLine("DEBUG: " + Plain(message));

        /// <summary>Drops ANSI styling unless colour is on, honouring $PSStyle.OutputRendering as pwsh does.</summary>
        private string Plain(string text) => GetOutputString(text, SupportsVirtualTerminal);
        public override void WriteInformation(InformationRecord record) { }

        /// <summary>One line per change of status, on the error stream so piped output stays clean.</summary>
        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
            if (record.RecordType == ProgressRecordType.Completed) return;
            var line = record.PercentComplete >= 0
                ? $"PROGRESS: {record.Activity}: {record.StatusDescription} ({record.PercentComplete}%)"
                : $"PROGRESS: {record.Activity}: {record.StatusDescription}";
            if (line == _lastProgress) return;
            _lastProgress = line;
            _errors.WriteLine(line);
        }

        public override string ReadLine() => _input.ReadLine() ?? throw NoInput("a line of input");

        public override SecureString ReadLineAsSecureString()
        {
            var text = _input.ReadLine() ?? throw NoInput("a secret");
            var secure = new SecureString();
            foreach (var letter in text) secure.AppendChar(letter);
            secure.MakeReadOnly();
            return secure;
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
        {
            WriteCaption(caption, message);
            var answers = new Dictionary<string, PSObject>();
            foreach (var field in descriptions)
            {
                Write(field.Name + ": ");
                answers[field.Name] = field.ParameterTypeFullName == typeof(SecureString).FullName
                    ? new PSObject(ReadLineAsSecureString())
                    : new PSObject(ReadLine());
            }
            return answers;
        }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            WriteCaption(caption, message);
            for (var i = 0; i < choices.Count; i++)
                _output.WriteLine($"[{HotKey(choices[i])}] {choices[i].Label.Replace("&", string.Empty)}{(i == defaultChoice ? " (default)" : string.Empty)}");
            while (true)
            {
                _output.Write("Choice: ");
                var answer = (_input.ReadLine() ?? throw NoInput($"an answer to the prompt '{caption}'")).Trim();
                if (answer.Length == 0 && defaultChoice >= 0) return defaultChoice;
                for (var i = 0; i < choices.Count; i++)
                {
                    if (string.Equals(answer, HotKey(choices[i]), StringComparison.OrdinalIgnoreCase) ||
                        string.Equals(answer, choices[i].Label.Replace("&", string.Empty), StringComparison.OrdinalIgnoreCase))
                        return i;
                }
                _output.WriteLine($"'{answer}' is not one of the choices.");
            }
        }

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            PromptForCredential(caption, message, userName, targetName, PSCredentialTypes.Default, PSCredentialUIOptions.Default);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
        {
            WriteCaption(caption, message);
            if (string.IsNullOrEmpty(userName))
            {
                Write("User: ");
                userName = ReadLine();
            }
            Write("Password for " + userName + ": ");
            return new PSCredential(userName, ReadLineAsSecureString());
        }

        private void WriteCaption(string caption, string message)
        {
            if (!string.IsNullOrEmpty(caption)) _output.WriteLine(caption);
            if (!string.IsNullOrEmpty(message)) _output.WriteLine(message);
        }

        private static string HotKey(ChoiceDescription choice)
        {
            var amp = choice.Label.IndexOf('&');
            return amp >= 0 && amp + 1 < choice.Label.Length ? choice.Label.Substring(amp + 1, 1) : choice.Label;
        }

        private static PSInvalidOperationException NoInput(string what) =>
            new PSInvalidOperationException($"The script asked for {what}, but there is no more input to read. In unattended runs pass -Force or -Confirm:$false, and give credentials as parameters.");
    }
}
