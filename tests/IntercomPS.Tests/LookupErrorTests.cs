using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using IntercomPS.Testing;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>
    /// A 2.x lookup's finding (nobody, or several) reaches scripts as the ErrorIds and categories they always saw,
    /// told apart by the exception's type, with no HTTP status the API never sent.
    /// </summary>
    public sealed class LookupErrorTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public LookupErrorTests(EmulatorFixture emulator) => _emulator = emulator;

        [Fact]
        public async Task NobodyIsNotFoundAndSeveralAreAmbiguousWithNoStatus()
        {
            await _emulator.ResetAsync();
            using var shell = new PowerShellSession(_emulator);
            shell.SetConnectionVariables(_emulator);
            shell.SetVariable("root", new System.Uri(_emulator.ApiUri, "/"));
            var result = shell.Run("""
                New-IntercomUser -UserId 'twin1' -Email 'twins@example.com' | Out-Null
                New-IntercomUser -UserId 'twin2' -Email 'twins@example.com' | Out-Null
                Connect-Intercom -AccessToken $key -BaseUri $root
                'nobody@example.com', 'twins@example.com' | Get-IntercomUser
                """);

            Assert.Empty(result.Output);
            var errors = result.Errors.ToList();
            Assert.Equal(new[] { "Intercom.not_found,IntercomPS.Cmdlets.GetIntercomUserCommand", "Intercom.ambiguous_user,IntercomPS.Cmdlets.GetIntercomUserCommand" },
                errors.Select(error => error.FullyQualifiedErrorId));
            Assert.Equal(new[] { ErrorCategory.ObjectNotFound, ErrorCategory.NotSpecified }, errors.Select(error => error.CategoryInfo.Category));
            Assert.All(errors, error => Assert.Null(((PSObject)PSObject.AsPSObject(error.Exception)).Properties["StatusCode"].Value));
            Assert.Equal("No user (contact with role user) has email 'nobody@example.com'. A contact created in the last few minutes may not be searchable yet " +
                "(Intercom's search lags behind its writes); by -Id or -UserId it is found at once. (not_found from POST /contacts/search)", errors[0].Exception.Message);
        }
    }
}
