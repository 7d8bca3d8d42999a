using System.Linq;
using IntercomPS.Tests.Infrastructure;
using Xunit;

namespace IntercomPS.Tests
{
    /// <summary>The staged module folder is what users import: its manifest must be valid and complete.</summary>
    public sealed class ModuleManifestTests
    {
        [Fact]
        public void StagedManifestPassesTestModuleManifest()
        {
            using var shell = new PowerShellSession(emulator: null);
            var result = shell.Run("Test-ModuleManifest -Path ((Get-Module IntercomPS).ModuleBase + '/IntercomPS.psd1')").ShouldSucceed();
            var module = Assert.Single(result.Objects<System.Management.Automation.PSModuleInfo>());
            Assert.Equal("IntercomPS", module.Name);
        }

        [Fact]
        public void EveryCmdletTheManifestNamesIsExportedAndNoOther()
        {
            using var shell = new PowerShellSession(emulator: null);
            var listed = shell.Run("(Test-ModuleManifest -Path ((Get-Module IntercomPS).ModuleBase + '/IntercomPS.psd1')).ExportedCmdlets.Keys")
                .ShouldSucceed().Output.Select(name => name.ToString()).OrderBy(name => name).ToList();
            var exported = shell.Run("(Get-Command -Module IntercomPS).Name").ShouldSucceed().Output.Select(name => name.ToString()).OrderBy(name => name).ToList();
            var implemented = shell.Run(
                "[System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'IntercomPS' } | ForEach-Object { $_.GetTypes() } | " +
                "ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } | ForEach-Object { $_.VerbName + '-' + $_.NounName }")
                .ShouldSucceed().Output.Select(name => name.ToString()).OrderBy(name => name).ToList();
            Assert.Equal(listed, exported);
            Assert.Equal(implemented, exported);
        }

        [Fact]
        public void EveryCmdletUsesAnApprovedVerb()
        {
            using var shell = new PowerShellSession(emulator: null);
            var unapproved = shell.Run("""
                $approved = [System.Management.Automation.VerbsCommon].GetFields().Name +
                            [System.Management.Automation.VerbsCommunications].GetFields().Name +
                            [System.Management.Automation.VerbsData].GetFields().Name +
                            [System.Management.Automation.VerbsLifecycle].GetFields().Name
                Get-Command -Module IntercomPS | Where-Object { $approved -notcontains $_.Verb } | ForEach-Object { $_.Name }
                """).ShouldSucceed();
            Assert.Empty(unapproved.Output);
        }
    }
}
