# tests/TestSetup.ps1 as a .Tests.ps1 file uses it. TestSetupTests.cs runs this twice against one emulator, and once
# without the INTERCOMPS_* variables.

BeforeAll { . $PSScriptRoot/../../TestSetup.ps1 }

Describe 'TestSetup' {
    It 'imports the staged module' {
        (Get-Module IntercomPS).ModuleBase | Should -Be ([System.IO.Path]::GetDirectoryName($env:INTERCOMPS_MODULE))
    }

    It 'connects to the emulator' {
        Connect-TestIntercom
        (Get-IntercomSession).AppId | Should -Be $IntercomTestAppId
    }

    It 'starts each file with an empty app' {
        @(Get-IntercomUser) | Should -HaveCount 0
    }

    AfterAll {
        # Left behind on purpose: the second run only passes if TestSetup.ps1 reset the app.
        New-IntercomUser -UserId 'left-behind' -Email 'left-behind@example.com'
    }
}
