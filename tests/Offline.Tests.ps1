# Nothing the build and the tests start may reach out of the machine: pwsh sends start-up telemetry and checks for
# updates, and the .NET CLI sends telemetry, unless told not to, and pwsh reads that only as it starts. build.env
# lists what to tell them; build.sh exports it before the first pwsh, build.ps1 sets it for everything it starts.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $settings = @(Get-Content (Join-Path $PSScriptRoot '../build.env') | Select-String '^([A-Z_]+)=(.*)$' |
        ForEach-Object { [pscustomobject]@{ Name = $_.Matches[0].Groups[1].Value; Value = $_.Matches[0].Groups[2].Value } })
}

Describe 'What the build and the tests start stays on this machine' {
    It 'build.env names the telemetry and update-check switches of pwsh and the .NET CLI' {
        $settings.Name | Should -Contain 'POWERSHELL_TELEMETRY_OPTOUT'
        $settings.Name | Should -Contain 'POWERSHELL_UPDATECHECK'
        $settings.Name | Should -Contain 'DOTNET_CLI_TELEMETRY_OPTOUT'
    }

    It 'the pwsh running these tests (started by build.ps1) was started with every one' {
        foreach ($setting in $settings) {
            [Environment]::GetEnvironmentVariable($setting.Name) | Should -BeExactly $setting.Value -Because $setting.Name
        }
    }

    It 'so is a pwsh a test starts (Invoke-TestPwsh)' {
        $names = ($settings.Name | ForEach-Object { "'$_'" }) -join ', '
        $run = Invoke-TestPwsh -NoImport "foreach (`$name in $names) { `$name + '=' + [Environment]::GetEnvironmentVariable(`$name) }"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Lines | Should -Be ($settings | ForEach-Object { "$($_.Name)=$($_.Value)" })
    }
}
