using System;
using System.Linq;
using IntercomPS.Client.V1;
using IntercomPS.Client.V2;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// The capability table against the clients, without a request: what only one protocol can do is an interface only
    /// its client implements, exactly where the table lets that protocol do it; 2.x sessions are held to the lowest
    /// Intercom-Version each row names. That every row is refused as it says, end to end, is tests/Capabilities.Tests.ps1.
    /// </summary>
    public sealed class CapabilityTests
    {
        private static readonly Uri Local = new Uri("http://127.0.0.1:9/");

        private static IntercomClient V1() => new IntercomClient(new IntercomClientOptions(new BasicCredential("app", EmulatorFixture.Secure("key"))) { BaseUri = Local });

        private static IntercomV2Client V2(string version = IntercomClientOptions.DefaultApiVersion) =>
            new IntercomV2Client(new IntercomClientOptions(new AccessToken(EmulatorFixture.Secure("token"))) { BaseUri = Local, ApiVersion = version });

        private static Capability Row(string cmdlet, string? parameter = null) =>
            Capabilities.All.Single(capability => capability.Cmdlet == cmdlet && capability.Parameter == parameter);

        [Theory]
        [InlineData(typeof(IUserArchive), "Restore-IntercomUser", null)]
        [InlineData(typeof(IUserArchive), "Remove-IntercomUser", "Archive")]
        [InlineData(typeof(IUserBlocking), "Block-IntercomUser", null)]
        [InlineData(typeof(ITagListing), "Get-IntercomTag", "Name")]
        [InlineData(typeof(IConversationInbox), "Set-IntercomMessageThread", "State")]
        [InlineData(typeof(IConversationInbox), "Get-IntercomAdmin", null)]
        [InlineData(typeof(IConversationInbox), "Send-IntercomMessage", null)]
        [InlineData(typeof(IConversationInbox), "Remove-IntercomMessageThread", null)]
        [InlineData(typeof(IConversationInbox), "Clear-IntercomMessagePart", null)]
        [InlineData(typeof(IImpressions), "New-IntercomImpression", null)]
        [InlineData(typeof(IDataAttributes), "Get-IntercomDataAttribute", null)]
        [InlineData(typeof(IDataAttributes), "New-IntercomDataAttribute", null)]
        [InlineData(typeof(IDataAttributes), "Set-IntercomDataAttribute", null)]
        [InlineData(typeof(IDataAttributes), "Set-IntercomUser", "CustomAttributeColumns")]
        [InlineData(typeof(ITagRemoval), "Remove-IntercomTag", null)]
        [InlineData(typeof(IUserSearch), "Get-IntercomUser", "Filter")]
        [InlineData(typeof(ICompanies), "Get-IntercomCompany", null)]
        [InlineData(typeof(ICompanies), "Add-IntercomCompanyUser", null)]
        [InlineData(typeof(IDataEvents), "New-IntercomEvent", null)]
        [InlineData(typeof(ISegments), "Get-IntercomSegment", null)]
        [InlineData(typeof(ILeads), "Merge-IntercomLead", null)]
        [InlineData(typeof(ISubscriptions), "Get-IntercomSubscriptionType", null)]
        [InlineData(typeof(ISubscriptions), "Set-IntercomUserSubscription", null)]
        [InlineData(typeof(IArticles), "Get-IntercomArticle", null)]
        [InlineData(typeof(IArticles), "Remove-IntercomArticle", null)]
        [InlineData(typeof(IArticles), "Get-IntercomHelpCenterCollection", null)]
        [InlineData(typeof(ITickets), "Get-IntercomTicket", null)]
        [InlineData(typeof(ITickets), "New-IntercomTicket", null)]
        [InlineData(typeof(ITickets), "Add-IntercomTicketReply", null)]
        [InlineData(typeof(ITickets), "ConvertTo-IntercomTicket", null)]
        public void AClientImplementsWhatOnlyOneProtocolCanDoExactlyWhereTheTableLetsItsProtocol(Type capabilityInterface, string cmdlet, string? parameter)
        {
            using var v1 = V1();
            using var v2 = V2();
            var row = Row(cmdlet, parameter);
            Assert.Equal(v1.Supports(row), capabilityInterface.IsInstanceOfType(v1));
            Assert.Equal(v2.Supports(row), capabilityInterface.IsInstanceOfType(v2));
        }

        [Fact]
        public void V1DoesWhatTheTableSaysV1CanAndNothingElse()
        {
            using var v1 = V1();
            Assert.All(Capabilities.All, row => Assert.Equal(row.OnV1, v1.Supports(row)));
        }

        [Theory]
        [InlineData("2.14", true)]
        [InlineData("2.0", true)]
        [InlineData("Unstable", true)]
        [InlineData("1.4", false)]
        public void A2xSessionCanFromTheLowestVersionEachRowNames(string version, bool canArchive)
        {
            using var v2 = V2(version);
            Assert.Equal(canArchive, v2.Supports(Row("Restore-IntercomUser")));
            Assert.False(v2.Supports(Row("New-IntercomImpression")));
        }

        [Theory]
        [InlineData("2.12", false)]
        [InlineData("2.13", true)]
        [InlineData("2.16", true)]
        public void BlockingCameWith2_13(string version, bool canBlock)
        {
            using var v2 = V2(version);
            Assert.Equal(canBlock, v2.Supports(Row("Block-IntercomUser")));
        }

        [Theory]
        [InlineData("2.11", false)]
        [InlineData("2.13", false)]
        [InlineData("2.14", true)]
        [InlineData("2.16", true)]
        public void TicketsAsTheCmdletsReadThemCameWith2_14(string version, bool can)
        {
            using var v2 = V2(version);
            Assert.All(new[] { "Get-IntercomTicketType", "Get-IntercomTicket", "New-IntercomTicket", "Set-IntercomTicket", "Remove-IntercomTicket", "Add-IntercomTicketReply" },
                cmdlet => Assert.Equal(can, v2.Supports(Row(cmdlet))));
            using var v1 = V1();
            Assert.Equal("The v1 API has no tickets: connect with Connect-Intercom -AccessToken to REST API 2.x, which has them.",
                Capabilities.Refusal(new[] { Row("Get-IntercomTicket") }, v1)!.Message);
        }

        [Fact]
        public void ASessionBelowTheVersionIsToldWhichVersionCanAndHowToAskForIt()
        {
            using var v2 = V2("1.4");
            var refusal = Capabilities.Refusal(new[] { Row("Restore-IntercomUser") }, v2);
            Assert.Equal("Unarchiving a user needs Intercom-Version 2.0 or later, and this session asks for 1.4: connect with Connect-Intercom -ApiVersion 2.14.", refusal!.Message);
            using var current = V2();
            Assert.Null(Capabilities.Refusal(new[] { Row("Restore-IntercomUser") }, current));
        }

        [Fact]
        public void OneInputsRefusalsAreOneError()
        {
            using var v2 = V2();
            var refusal = Capabilities.Refusal(new[] { Row("Set-IntercomUser", "LastSeenIp"), Row("Set-IntercomUser", "Companies") }, v2);
            Assert.Equal("REST API 2.x has no contact field for last_seen_ip (-LastSeenIp) or companies (-Companies), so nothing was written: " +
                "leave them out (for a CSV, drop the column) when writing to a 2.x workspace.", refusal!.Message);
        }

        [Fact]
        public void EveryRowIsOneProtocolsAndSaysWhatTheOtherIsTold()
        {
            Assert.All(Capabilities.All, row =>
            {
                Assert.NotEqual(row.OnV1, row.SinceV2 is not null);
                Assert.True(row.OnV1 ? row.Refusal is not null || row.ContactField is not null : row.What is not null);
            });
            Assert.Equal(Capabilities.All.Count, Capabilities.All.Select(row => row.ToString()).Distinct().Count());
        }
    }
}
