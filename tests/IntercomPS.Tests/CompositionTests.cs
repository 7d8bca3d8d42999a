using System.Linq;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>
    /// Cmdlets by composition: the parameters several cmdlets share are declared once, by the component that reads them
    /// (UserTargets, TagColor), and composed into each cmdlet, never declared again as a cmdlet's own property. That
    /// each keeps its set, position and aliases is the Help suite's drift test.
    /// </summary>
    public sealed class CompositionTests
    {
        private static readonly string[] Shared = { "InputObject", "Email", "UserId", "Id", "ThrottleLimit", "Color" };

        [Fact]
        public void NoCmdletDeclaresASharedParameterOfItsOwn()
        {
            using var shell = new PowerShellSession(null);
            var declared = shell.Run($$"""
                Get-Command -Module IntercomPS -CommandType Cmdlet | ForEach-Object {
                    $cmdlet = $_
                    $cmdlet.Parameters.Values | Where-Object { $_.Name -in '{{string.Join("','", Shared)}}' } |
                        ForEach-Object { '{0} -{1} {2}' -f $cmdlet.Name, $_.Name, $(if ($_.IsDynamic) { 'composed' } else { 'own' }) }
                }
                """).ShouldSucceed().Output.Select(line => line.ToString()).ToList();

            // New-IntercomTag's -Email and -UserId are the users to tag, given on the command line only: not the users
            // each input names, so not the binder's. Get-IntercomAdmin's -Email and -Id, and Get-IntercomTeam's -Id, are an
            // admin's or a team's, not a user's; a company's, an article's (whose versions or draft it reads or publishes), an internal article's, a content snippet's, a help center collection's, a macro's, a ticket's, a
            // ticket type's, an office hours schedule's and an office hours exception's -Id is its own id, ConvertTo-IntercomTicket's the thread's it converts and Merge-IntercomMessageThread's the thread's it merges. Get-IntercomTicket's and Add-IntercomTicketReply's -Email and -UserId name
            // one user on the command line (whose tickets to search, who writes the reply) beside the ticket's own -Id,
            // which the binder's -Id (a contact's) would take.
            Assert.Equal(new[] { "Add-IntercomTicketReply -Email own", "Add-IntercomTicketReply -Id own", "Add-IntercomTicketReply -UserId own",
                    "ConvertTo-IntercomTicket -Id own", "Get-IntercomAdmin -Email own", "Get-IntercomAdmin -Id own", "Get-IntercomArticle -Id own", "Get-IntercomArticleVersion -Id own", "Get-IntercomCompany -Id own", "Get-IntercomContentSnippet -Id own",
                    "Get-IntercomHelpCenterCollection -Id own", "Get-IntercomInternalArticle -Id own", "Get-IntercomMacro -Id own", "Get-IntercomOfficeHours -Id own", "Get-IntercomTeam -Id own",
                    "Get-IntercomTicket -Email own", "Get-IntercomTicket -Id own", "Get-IntercomTicket -UserId own", "Get-IntercomTicketType -Id own",
                    "Merge-IntercomMessageThread -Id own",
                    "New-IntercomTag -Email own", "New-IntercomTag -UserId own", "Publish-IntercomArticle -Id own", "Remove-IntercomArticle -Id own", "Remove-IntercomCompany -Id own", "Remove-IntercomContentSnippet -Id own", "Remove-IntercomInternalArticle -Id own", "Remove-IntercomOfficeHoursException -Id own",
                    "Remove-IntercomTicket -Id own", "Set-IntercomArticle -Id own", "Set-IntercomContentSnippet -Id own", "Set-IntercomInternalArticle -Id own", "Set-IntercomTicket -Id own" },
                declared.Where(line => line.EndsWith(" own")).OrderBy(line => line, System.StringComparer.Ordinal));
            foreach (var cmdlet in new[] { "Add-IntercomMessageReply", "Add-IntercomNote", "Get-IntercomUser", "New-IntercomImpression", "New-IntercomMessageThread",
                         "New-IntercomUser", "Remove-IntercomUser", "Restore-IntercomUser", "Block-IntercomUser", "Set-IntercomMessageThread", "Set-IntercomTag", "Set-IntercomUser",
                         "Add-IntercomCompanyUser", "Remove-IntercomCompanyUser", "Get-IntercomUserCompany", "Send-IntercomMessage", "Get-IntercomNote",
                         "Get-IntercomUserSubscription", "Set-IntercomUserSubscription", "New-IntercomTicket" })
            {
                Assert.All(new[] { "InputObject", "Email", "UserId", "Id", "ThrottleLimit" }, name => Assert.Contains($"{cmdlet} -{name} composed", declared));
            }
            Assert.All(new[] { "InputObject", "Email", "UserId", "Id" }, name => Assert.Contains($"Get-IntercomMessageThread -{name} composed", declared));
            // The hidden -InputObject PipedObject refuses when it is of the module's and no object of the cmdlet's kind.
            Assert.All(new[] { "Get-IntercomAdmin", "Set-IntercomAdmin", "Get-IntercomCompany", "New-IntercomCompany", "Remove-IntercomCompany", "Get-IntercomTag",
                    "New-IntercomTag", "Remove-IntercomTag", "Get-IntercomDataAttribute", "New-IntercomDataAttribute", "Set-IntercomDataAttribute",
                    "Get-IntercomSegment", "Get-IntercomSegmentUser", "Get-IntercomTeam", "Remove-IntercomMessageThread", "Clear-IntercomMessagePart",
                    "Get-IntercomTicketType", "Get-IntercomTicket", "Set-IntercomTicket", "Remove-IntercomTicket", "Add-IntercomTicketReply",
                    "ConvertTo-IntercomTicket" },
                cmdlet => Assert.Contains($"{cmdlet} -InputObject composed", declared));
            Assert.Contains("New-IntercomTag -Color composed", declared);
            Assert.Contains("New-IntercomCompany -ThrottleLimit composed", declared);
            Assert.Contains("Remove-IntercomCompany -ThrottleLimit composed", declared);
            Assert.Contains("Remove-IntercomMessageThread -ThrottleLimit composed", declared);
            Assert.Contains("Clear-IntercomMessagePart -ThrottleLimit composed", declared);
            Assert.Contains("Set-IntercomTicket -ThrottleLimit composed", declared);
            Assert.Contains("Remove-IntercomTicket -ThrottleLimit composed", declared);
            Assert.Contains("ConvertTo-IntercomTicket -ThrottleLimit composed", declared);
            Assert.Contains("Set-IntercomTag -Color composed", declared);
        }
    }
}
