using System;
using IntercomPS.Internal;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// The manifest must say 5.1 for Windows PowerShell, so PowerShell 7.0-7.3 (whose .NET cannot load
    /// System.Text.Json 8) is refused by the module itself on import. Those versions cannot run here; the rule can.
    /// </summary>
    public sealed class ModuleSupportTests
    {
        [Theory]
        [InlineData("7.0.3")]
        [InlineData("7.3.12")]
        public void PowerShellCoreBefore74IsRefusedWithAMessageThatSaysWhatToInstall(string version)
        {
            var message = PowerShellSupport.UnsupportedCore(Version.Parse(version));
            Assert.Equal($"IntercomPS needs PowerShell 7.4 or later (or Windows PowerShell 5.1); this is PowerShell {version}, whose .NET cannot load System.Text.Json 8. Install PowerShell 7.4 or later.", message);
        }

        [Theory]
        [InlineData("7.4.0")]
        [InlineData("7.6.9")]
        [InlineData("8.0.0")]
        public void PowerShell74AndLaterImport(string version) => Assert.Null(PowerShellSupport.UnsupportedCore(Version.Parse(version)));
    }
}
