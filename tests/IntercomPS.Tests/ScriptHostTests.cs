using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>The script host as the README's first command runs it: a separate process, with its exit code.</summary>
    public sealed class ScriptHostTests
    {
        private static readonly string RepoRoot = FindRepoRoot();

        [Fact]
        public void TheQuickStartRunsAgainstTheEmbeddedEmulator()
        {
            var (exitCode, output, errors) = RunHost("-Emulator", Path.Combine(RepoRoot, "examples", "quickstart.ps1"));

            Assert.True(exitCode == 0, errors);
            Assert.Contains("Connected to an in-memory Intercom emulator", errors);
            Assert.Matches(@"Email\s+UserId\s+Name\s+CreatedAt", output);
            Assert.Contains("Ada Lovelace is on a trial", output);
            Assert.Contains("Tag vip now has 2 users", output);
            Assert.Contains("What if: Performing the operation \"Remove Intercom user and all their conversations\" on target \"ada@example.com (qs-1001)\".", output);
            Assert.Contains("Removed alan@example.com", output);
            Assert.DoesNotContain("\u001b[", output);
        }

        [Fact]
        public void AScriptStoppedByAnErrorExitsWithOne()
        {
            var (exitCode, _, errors) = RunHost("-Command", "$ErrorActionPreference = 'Stop'; Get-IntercomUser -Email x@example.com; 'not reached'");
            Assert.Equal(1, exitCode);
            Assert.Contains("There is no Intercom session. Run Connect-Intercom first, or pass -Session.", errors);
            Assert.Contains("FullyQualifiedErrorId : Intercom.no_session,IntercomPS.Cmdlets.GetIntercomUserCommand", errors);
        }

        [Fact]
        public void ExitNBecomesTheExitCode()
        {
            var (exitCode, output, _) = RunHost("-Command", "'about to stop'; exit 3");
            Assert.Equal(3, exitCode);
            Assert.Contains("about to stop", output);
        }

        [Fact]
        public void NonTerminatingErrorsAreShownInLineAndDoNotFailTheRun()
        {
            var (exitCode, output, errors) = RunHost("-Emulator", "-Command", "Get-IntercomUser -Email nobody@example.com; 'after'");
            Assert.Equal(0, exitCode);
            Assert.Contains("Get-IntercomUser: The User was not found (404 not_found from GET /v1/users?email=nobody%40example.com)", errors);
            Assert.Equal("after", output.Trim());
        }

        [Fact]
        public void ProgressIsShownOnTheErrorStreamWhileListing()
        {
            var (exitCode, output, errors) = RunHost("-Emulator", "-Command",
                "1..3 | ForEach-Object { New-IntercomUser -UserId \"p$_\" } | Out-Null; (Get-IntercomUser -PageSize 1 | ForEach-Object UserId) -join ','");
            Assert.True(exitCode == 0, errors);
            Assert.Equal("p1,p2,p3", output.Trim());
            Assert.Contains("PROGRESS: Get-IntercomUser: Page 1 of 3: 1 of 3 users (33%)", errors);
        }

        [Fact]
        public void WrongArgumentsExitWithTwoAndShowUsage()
        {
            var (exitCode, _, errors) = RunHost("-Bogus");
            Assert.Equal(2, exitCode);
            Assert.Contains("Unknown option '-Bogus'.", errors);
            Assert.Contains("Usage: IntercomPS.Host", errors);
        }

        private static (int ExitCode, string Output, string Errors) RunHost(params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IntercomPS.Host.dll"));
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The host did not finish within two minutes.");
            }
            return (process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult());
        }

        private static string FindRepoRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "IntercomPS.sln"))) return folder.FullName;
            throw new DirectoryNotFoundException("No IntercomPS.sln above " + AppContext.BaseDirectory);
        }
    }
}
