# What users see of the module at the console and in the Debug and Verbose streams, in a new pwsh where it matters
# (prompts, widths), as a scheduled task or a terminal would show it.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Connect-TestIntercom
    Reset-TestApp
    New-IntercomUser -UserId 'u-1001' -Email 'ann.archer@example.com' -Name 'Ann Archer' -CreatedAt 1704067200 | Out-Null
}

AfterAll { Disconnect-Intercom }

Describe '-Debug' {
    It 'shows request and answer bodies and never prompts, even under -NonInteractive (<command>)' -ForEach @(
        @{ command = "Set-IntercomUser -Email ann.archer@example.com -Name 'Ann Archer' -Debug" }
        @{ command = 'Get-IntercomUser -Email ann.archer@example.com -Debug | Out-Null' }
        @{ command = 'Connect-Intercom -Debug' }
    ) {
        $run = Invoke-TestPwsh "$command; 'finished'"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Lines[-1] | Should -Be 'finished'
        $run.Text | Should -Not -BeLike '*Continue with this operation*'
        $run.Text | Should -Not -BeLike '*NonInteractive*'
        @($run.Lines | Where-Object { $_ -like '*DEBUG: * answer: {*' }).Count | Should -BeGreaterThan 0
        @($run.Lines | Where-Object { $_ -like '*VERBOSE: GET /v1/users*' -or $_ -like '*VERBOSE: PUT /v1/users*' }).Count | Should -BeGreaterThan 0
    }
}

Describe 'The user table' {
    It 'fits 80 columns, one header line, and says its times are UTC' {
        $lines = (Get-IntercomUser | Format-Table | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() }
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because $_ }
        $lines[0] | Should -Match '^Email\s+UserId\s+Name\s+Created \(UTC\)\s+Last seen \(UTC\)$'
        $lines[1] | Should -Match '^-+\s+-+\s+-+\s+-+\s+-+$'
        $lines[2] | Should -Match '^ann\.archer@example\.com\s+u-1001\s+Ann Archer\s+2024-01-01 00:00\s*$'
    }

    It 'lists times with their zone' {
        $text = Get-IntercomUser | Format-List | Out-String
        $text | Should -Match 'CreatedAt\s+: 2024-01-01 00:00:00 UTC'
    }
}

Describe 'Note and thread tables on REST API 2.14' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        New-IntercomUser -UserId 'u-2002' -Email 'bo@example.com' | Out-Null
        $script:today = [datetime]::UtcNow.ToString('yyyy-MM-dd', [cultureinfo]::InvariantCulture)
        function Get-TableLines([scriptblock] $Command) {
            # The table as a console in a culture with its own calendar (ar-SA) would show it.
            $culture = [cultureinfo]::CurrentCulture
            try {
                [cultureinfo]::CurrentCulture = 'ar-SA'
                (& $Command | Format-Table | Out-String -Width 200) -split '\r?\n' | Where-Object { $_.Trim() }
            }
            finally { [cultureinfo]::CurrentCulture = $culture }
        }
    }
    AfterAll { Connect-TestIntercom }

    It 'names the user of a note made by user id and its author, and shows its time as the other tables do in any culture' {
        $lines = Get-TableLines { Add-IntercomNote -UserId 'u-2002' -Body 'Called' }
        $lines[0] | Should -Match '^On\s+CreatedAt\s+Author\s+Html$'
        $lines[2] | Should -Match "^u-2002\s+$today \d\d:\d\d\s+$((Get-IntercomAdmin -Id (Get-IntercomSession).AdminId).Name)\s+<p>Called</p>$"
    }

    It 'shows a thread''s and its parts'' times in one form in any culture' {
        $thread = New-IntercomMessageThread -Email 'bo@example.com' -Body 'Hello'
        (Get-TableLines { $thread })[2] | Should -Match "\s$today \d\d:\d\d\s+<p>Hello</p>$"
        $parts = Get-TableLines { (Add-IntercomMessageReply -ThreadId $thread.ThreadId -AsAdmin -Body 'Hi').Parts }
        $parts[2] | Should -Match "^$today \d\d:\d\d\s+comment\s"
    }
}
