using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>
    /// Every example request of the API spec, made as the cmdlet call a user would write, against a stored app
    /// (so the answers are real behaviour, not canned), with the result checked against the spec's example answer.
    /// </summary>
    public sealed class SpecExampleTests : IClassFixture<EmulatorFixture>, IDisposable
    {
        private readonly PowerShellSession _shell;

        public SpecExampleTests(EmulatorFixture emulator)
        {
            emulator.ResetAsync().GetAwaiter().GetResult();
            _shell = new PowerShellSession(emulator);
        }

        public void Dispose() => _shell.Dispose();

        private PSObject One(string script, string type) => Assert.Single(_shell.Run(script).ShouldSucceed().OfType(type));

        [Fact]
        public void TheSpecsExamplesInOrder()
        {
            // POST /users (Creating a User)
            var created = One("""
                New-IntercomUser -Email ben@intercom.io -UserId 7902 -Name 'Ben McRedmond' -CreatedAt 1257553080 `
                    -CustomData @{ plan = 'pro' } -LastSeenIp 1.2.3.4 -LastSeenUserAgent ie6 -LastRequestAt 1300000000 `
                    -Companies @{ id = 6; name = 'Intercom'; created_at = 103201; plan = 'Messaging'; monthly_spend = 50 }
                """, "IntercomPS.User");
            Assert.Equal(("ben@intercom.io", "7902", "Ben McRedmond"), (created.Text("Email"), created.Text("UserId"), created.Text("Name")));
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1257553080).UtcDateTime, created.Get("CreatedAt"));
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1300000000).UtcDateTime, created.Get("LastImpressionAt"));
            Assert.Equal("pro", ((Hashtable)created.Get("CustomData")!)["plan"]);
            Assert.Equal(("1.2.3.4", "ie6", 0, false), (created.Text("LastSeenIp"), created.Text("LastSeenUserAgent"), (int)created.Get("SessionCount")!, (bool)created.Get("UnsubscribedFromEmails")!));

            // PUT /users (Updating a User)
            var updated = One("Set-IntercomUser -Email ben@intercom.io -Name 'Benjamin McRedmond' -PassThru", "IntercomPS.User");
            Assert.Equal(("Benjamin McRedmond", "7902"), (updated.Text("Name"), updated.Text("UserId")));

            // GET /users?email= (Getting a User)
            Assert.Equal("Benjamin McRedmond", One("Get-IntercomUser -Email ben@intercom.io", "IntercomPS.User").Text("Name"));

            // GET /users?per_page=3 (Getting all Users)
            _shell.Run("'first', 'second', 'third' | ForEach-Object { New-IntercomUser -Email \"$_.user@example.com\" }").ShouldSucceed();
            var listed = _shell.Run("Get-IntercomUser -PageSize 3 -IncludeTotalCount").ShouldSucceed();
            Assert.Equal(4UL, listed.Output[0].BaseObject);
            Assert.Equal(new[] { "ben@intercom.io", "first.user@example.com", "second.user@example.com", "third.user@example.com" }, listed.Users().Select(u => u.Text("Email")));

            // POST /users/notes (Creating a Note)
            var note = One("Add-IntercomNote -Email ben@intercom.io -Body 'This is the text of my note.'", "IntercomPS.Note");
            Assert.Equal("<p>This is the text of my note.</p>", note.Get("Html"));
            Assert.Equal("ben@intercom.io", PSObject.AsPSObject(note.Get("User")).Text("Email"));

            // POST /tags (Create a new tag) with user_ids, then GET /tags?name= (Getting a tag)
            _shell.Run("New-IntercomUser -UserId abc123; New-IntercomUser -UserId def456").ShouldSucceed();
            var tag = One("New-IntercomTag -Name 'Free Trial' -UserId abc123, def456", "IntercomPS.Tag");
            Assert.Equal(("Free Trial", "green", false, 2), (tag.Text("Name"), tag.Text("Color"), (bool)tag.Get("Segment")!, (int)tag.Get("TaggedUserCount")!));
            Assert.Equal(tag.Get("Id"), One("Get-IntercomTag -Name 'Free Trial'", "IntercomPS.Tag").Get("Id"));

            // PUT /tags (Update an already existing tag): recolour and tag users
            var retagged = One("[pscustomobject]@{ user_id = 'abc123' } | Set-IntercomTag -Name 'Free Trial' -Color red -PassThru", "IntercomPS.Tag");
            Assert.Equal(("red", 2), (retagged.Text("Color"), (int)retagged.Get("TaggedUserCount")!));

            // POST /users/message_threads (Creating a Message Thread)
            var thread = One("New-IntercomMessageThread -Email ben@intercom.io -Body 'Hey Intercom, What is up?' -Url http://example.com/my/sweet/url", "IntercomPS.MessageThread");
            var first = Messages(thread).Single();
            Assert.Equal(("<p>Hey Intercom, What is up?</p>", "http://example.com/my/sweet/url"), (first.Text("Html"), first.Text("Url")));
            Assert.Equal(("inbox", true), (thread.Text("MessageType"), (bool)thread.Get("Read")!));

            // PUT /users/message_threads (Replying on a Message Thread)
            var replied = One($"Add-IntercomMessageReply -Email ben@intercom.io -ThreadId {thread.Get("ThreadId")} -Body 'Not much either :(' -Url http://example.com/my/sweet/url", "IntercomPS.MessageThread");
            Assert.Equal(new[] { "<p>Hey Intercom, What is up?</p>", "<p>Not much either :(</p>" }, Messages(replied).Select(m => m.Text("Html")));

            // GET /users/message_threads?email= and ...&thread_id= (Getting Message Threads)
            Assert.Equal(thread.Get("ThreadId"), One("Get-IntercomMessageThread -Email ben@intercom.io", "IntercomPS.MessageThread").Get("ThreadId"));
            Assert.Equal(2, Messages(One($"Get-IntercomMessageThread -Email ben@intercom.io -ThreadId {thread.Get("ThreadId")}", "IntercomPS.MessageThread")).Count);

            // POST /users/impressions (Creating an Impression)
            Assert.Equal(0, One("New-IntercomImpression -Email ben@intercom.io -UserAgent my-awesome-android-app-v0.0.1", "IntercomPS.ImpressionResult").Get("UnreadMessages"));

            // DELETE /users (Deleting a User), identified by email and user_id
            var deleted = One("Remove-IntercomUser -Email ben@intercom.io -UserId 7902 -Force -PassThru", "IntercomPS.User");
            Assert.Equal(("ben@intercom.io", "7902"), (deleted.Text("Email"), deleted.Text("UserId")));
            Assert.Equal("Intercom.not_found,IntercomPS.Cmdlets.GetIntercomMessageThreadCommand",
                Assert.Single(_shell.Run("Get-IntercomMessageThread -Email ben@intercom.io").Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void TheDummyAppAnswersWithTheSpecsCannedData()
        {
            _shell.SetVariable("anyKey", ModuleRunspace.ToSecureString("dummy-api-key"));
            var somebody = One("""
                Connect-Intercom -AppId dummy-app-id -ApiKey $anyKey -BaseUri (Get-IntercomSession).BaseUri
                Get-IntercomUser -Email somebody@example.com
                """, "IntercomPS.User");
            Assert.Equal("Somebody", somebody.Text("Name"));
            Assert.Equal("Santiago", PSObject.AsPSObject(somebody.Get("LocationData")).Text("CityName"));
            Assert.Equal(2, ((Array)somebody.Get("SocialProfiles")!).Length);
            Assert.Equal("Intercom.not_found,IntercomPS.Cmdlets.GetIntercomUserCommand", Assert.Single(_shell.Run("Get-IntercomUser -Email not-found@example.com").Errors).FullyQualifiedErrorId);
            Assert.Equal("Intercom.server_error,IntercomPS.Cmdlets.GetIntercomUserCommand", Assert.Single(_shell.Run("Get-IntercomUser -Email server-error@example.com -ErrorAction Continue").Errors).FullyQualifiedErrorId);
        }

        private static List<PSObject> Messages(PSObject thread) => ((IEnumerable)thread.Get("Messages")!).Cast<object>().Select(PSObject.AsPSObject).ToList();
    }
}
