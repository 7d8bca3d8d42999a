using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http.Json;
using System.Threading.Tasks;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>Notes, impressions and message threads, alone and in the pipelines ops scripts use them in.</summary>
    public sealed class ConversationCmdletTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public ConversationCmdletTests(EmulatorFixture emulator) => _emulator = emulator;

        [Fact]
        public void NotesOnAPipedSegmentComeBackRenderedWithTheirUser()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("1..3 | ForEach-Object { New-IntercomUser -UserId \"churn-$_\" -Email \"churn$_@example.com\" } | Set-IntercomTag -Name churn").ShouldSucceed();

            var notes = shell.Run("Get-IntercomUser -Tag churn | Add-IntercomNote -Body \"Called about renewal`n`nPrice <too> high\"").ShouldSucceed().OfType("IntercomPS.Note").ToList();

            Assert.Equal(3, notes.Count);
            Assert.All(notes, note => Assert.Equal("<p>Called about renewal</p>\n\n<p>Price &lt;too&gt; high</p>", note.Get("Html")));
            Assert.Equal(new[] { "churn-1", "churn-2", "churn-3" }, notes.Select(note => ((PSObject)PSObject.AsPSObject(note.Get("User"))).Text("UserId")));
            Assert.All(notes, note => Assert.IsType<System.DateTime>(note.Get("CreatedAt")));
        }

        [Fact]
        public void ANoteForAnUnknownUserIsThatItemsError()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -Email known-note@example.com").ShouldSucceed();
            var result = shell.Run("'ghost-note@example.com', 'known-note@example.com' | Add-IntercomNote -Body 'hello'");
            var error = Assert.Single(result.Errors);
            Assert.Equal("Intercom.not_found,IntercomPS.Cmdlets.AddIntercomNoteCommand", error.FullyQualifiedErrorId);
            Assert.Equal("ghost-note@example.com", ((PSObject)error.TargetObject).BaseObject);
            Assert.Single(result.OfType("IntercomPS.Note"));
        }

        [Fact]
        public async Task ImpressionsUpdateTheUserAndCountUnreadAdminReplies()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId visitor-1 -Email visitor1@example.com").ShouldSucceed();
            var thread = Assert.Single(shell.Run("New-IntercomMessageThread -Email visitor1@example.com -Body 'Where is my invoice?'").ShouldSucceed().OfType("IntercomPS.MessageThread"));
            await AdminReplyAsync("visitor1@example.com", (long)thread.Get("ThreadId")!, "Here it is");
            await AdminReplyAsync("visitor1@example.com", (long)thread.Get("ThreadId")!, "Anything else?");

            var impression = Assert.Single(shell.Run("New-IntercomImpression -Email visitor1@example.com -UserIp 8.8.8.8 -UserAgent 'ops-script/1.0' -CurrentUrl https://app.example.com/billing").ShouldSucceed().OfType("IntercomPS.ImpressionResult"));
            Assert.Equal(2, impression.Get("UnreadMessages"));
            Assert.Equal("visitor1@example.com", impression.Get("Email"));

            var user = Assert.Single(shell.Run("Get-IntercomUser -Email visitor1@example.com").ShouldSucceed().Users());
            Assert.Equal(1, user.Get("SessionCount"));
            Assert.Equal("8.8.8.8", user.Get("LastSeenIp"));
            Assert.Equal("ops-script/1.0", user.Get("LastSeenUserAgent"));
            Assert.NotNull(user.Get("LastImpressionAt"));

            // Triage: mark the unread threads read, then the count drops to zero.
            shell.Run("Get-IntercomMessageThread -Email visitor1@example.com | Where-Object { -not $_.Read } | Set-IntercomMessageThread -Read $true").ShouldSucceed();
            Assert.Equal(0, Assert.Single(shell.Run("New-IntercomImpression -Email visitor1@example.com").ShouldSucceed().OfType("IntercomPS.ImpressionResult")).Get("UnreadMessages"));
        }

        [Fact]
        public async Task ThreadsCarryTheirUserSoPipelinesCanReplyAndMarkThem()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId reader-1 -Email reader1@example.com -Name Reader").ShouldSucceed();
            shell.Run("New-IntercomMessageThread -UserId reader-1 -Body 'First question' -Url https://app.example.com/a; New-IntercomMessageThread -UserId reader-1 -Body 'Second question'").ShouldSucceed();
            var threads = shell.Run("Get-IntercomMessageThread -UserId reader-1").ShouldSucceed().OfType("IntercomPS.MessageThread").ToList();
            Assert.Equal(2, threads.Count);
            Assert.All(threads, thread => Assert.Equal("reader-1", thread.Get("UserId")));
            Assert.All(threads, thread => Assert.Equal("reader1@example.com", thread.Get("Email"))); // from the user's own message
            await AdminReplyAsync("reader1@example.com", (long)threads[1].Get("ThreadId")!, "We are on it");

            var replied = shell.Run("""
                Get-IntercomMessageThread -UserId reader-1 | Where-Object { -not $_.Read } |
                    Add-IntercomMessageReply -Body 'Thanks!' -Url https://app.example.com/b
                """).ShouldSucceed().OfType("IntercomPS.MessageThread").ToList();

            var thread = Assert.Single(replied);
            Assert.Equal(threads[1].Get("ThreadId"), thread.Get("ThreadId"));
            var messages = ((IEnumerable<object>)thread.Get("Messages")!).Select(PSObject.AsPSObject).ToList();
            Assert.Equal(new[] { "<p>Second question</p>", "<p>We are on it</p>", "<p>Thanks!</p>" }, messages.Select(m => m.Text("Html")));
            Assert.Equal(new object?[] { false, true, false }, messages.Select(m => PSObject.AsPSObject(m.Get("From")).Get("IsAdmin")));
            Assert.Equal("https://app.example.com/b", messages[2].Get("Url"));

            var one = Assert.Single(shell.Run($"Get-IntercomMessageThread -UserId reader-1 -ThreadId {threads[0].Get("ThreadId")}").ShouldSucceed().OfType("IntercomPS.MessageThread"));
            Assert.Equal("https://app.example.com/a", PSObject.AsPSObject(((object[])one.Get("Messages")!)[0]).Get("Url"));

            var unread = Assert.Single(shell.Run($"Set-IntercomMessageThread -UserId reader-1 -ThreadId {threads[0].Get("ThreadId")} -Read $false -PassThru").ShouldSucceed().OfType("IntercomPS.MessageThread"));
            Assert.Equal(false, unread.Get("Read"));
        }

        [Fact]
        public void AnUnknownThreadIsNotFound()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId nothread-1").ShouldSucceed();
            var error = Assert.Single(shell.Run("Get-IntercomMessageThread -UserId nothread-1 -ThreadId 999999").Errors);
            Assert.Equal("Intercom.not_found,IntercomPS.Cmdlets.GetIntercomMessageThreadCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        }

        [Fact]
        public async Task WhatIfOnEveryConversationWriteSendsNothing()
        {
            using var shell = new PowerShellSession(_emulator);
            shell.Run("New-IntercomUser -UserId quiet-1").ShouldSucceed();
            var before = await _emulator.RequestCountAsync();

            shell.Run("""
                Add-IntercomNote -UserId quiet-1 -Body x -WhatIf
                New-IntercomImpression -UserId quiet-1 -WhatIf
                New-IntercomMessageThread -UserId quiet-1 -Body x -WhatIf
                Add-IntercomMessageReply -UserId quiet-1 -ThreadId 1 -Body x -WhatIf
                Set-IntercomMessageThread -UserId quiet-1 -ThreadId 1 -Read $true -WhatIf
                """).ShouldSucceed();

            Assert.Equal(before, await _emulator.RequestCountAsync());
            Assert.Equal(5, shell.HostOutput.Split('\n').Count(line => line.StartsWith("What if: ", System.StringComparison.Ordinal)));
        }

        private async Task AdminReplyAsync(string email, long threadId, string body) =>
            (await _emulator.Http.PostAsJsonAsync(new System.Uri(_emulator.Emulator.BaseUri, "admin/message_threads/reply"),
                new { app_id = EmulatorFixture.AppId, email, thread_id = threadId, body })).EnsureSuccessStatusCode();
    }
}
