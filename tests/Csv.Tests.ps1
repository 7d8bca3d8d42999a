# Round trips users make with their data: Export-Csv / Import-Csv and ConvertTo-Json / ConvertFrom-Json, on machines
# in any time zone (each run in a new pwsh with TZ set, as a scheduled task there would be).
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Connect-TestIntercom

    function Get-UserSnapshot {
        # What must survive a round trip, as text: identity, name, both times as UNIX seconds, custom data as JSON.
        Get-IntercomUser | ForEach-Object {
            $times = $_.CreatedAt, $_.LastImpressionAt | ForEach-Object { if ($_) { [System.DateTimeOffset]::new($_).ToUnixTimeSeconds() } else { '-' } }
            "$($_.UserId) $($_.Email) $($_.Name) $($times -join ' ') $($_.CustomData)"
        }
    }

    function Reset-CsvUsers {
        Reset-TestApp
        New-IntercomUser -UserId 'u1' -Email 'ann@example.com' -Name 'Ann' -CreatedAt 1704067200 -LastRequestAt 1717245000 `
            -CustomData @{ plan = 'pro'; seats = 3; ratio = 0.5; trial = $true; note = 'a, "quoted" value' } | Out-Null
        New-IntercomUser -UserId 'u2' -Email 'ben@example.com' -Name 'Ben' -CreatedAt 1719792000 | Out-Null
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Export-Csv then Import-Csv | Set-IntercomUser in the time zone <zone>' -ForEach @(
    @{ zone = 'America/New_York' }, @{ zone = 'Asia/Kolkata' }, @{ zone = 'Pacific/Chatham' }
) {
    BeforeAll {
        Reset-CsvUsers
        $before = Get-UserSnapshot
        $csv = Join-Path $TestDrive "users-$($zone -replace '/', '-').csv"
    }

    It 'keeps every instant and every custom data value' {
        $run = Invoke-TestPwsh -Environment @{ TZ = $zone } @"
Get-IntercomUser | Export-Csv -Path '$csv' -NoTypeInformation
Import-Csv -Path '$csv' | Set-IntercomUser
[System.TimeZoneInfo]::Local.Id
"@
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Lines[-1] | Should -Be $zone
        Get-UserSnapshot | Should -Be $before
    }

    It 'writes custom data as one JSON text column' {
        $row = Import-Csv -Path $csv | Where-Object email -eq 'ann@example.com'
        $row.CustomData | Should -Be '{"note":"a, \"quoted\" value","plan":"pro","ratio":0.5,"seats":3,"trial":true}'
    }

    It 'reads a zone-less -CreatedAt as UTC, a zoned one as given' {
        $run = Invoke-TestPwsh -Environment @{ TZ = $zone } @'
Set-IntercomUser -Email ben@example.com -CreatedAt '2024-01-01'
Set-IntercomUser -Email ann@example.com -CreatedAt '2024-01-01T10:00:00+05:30'
'@
        $run.ExitCode | Should -Be 0 -Because $run.Text
        (Get-IntercomUser -Email ben@example.com).CreatedAt | Should -Be ([datetime]::new(2024, 1, 1, 0, 0, 0, [System.DateTimeKind]::Utc))
        (Get-IntercomUser -Email ann@example.com).CreatedAt | Should -Be ([datetime]::new(2024, 1, 1, 4, 30, 0, [System.DateTimeKind]::Utc))
    }
}

Describe 'ConvertTo-Json then ConvertFrom-Json | Set-IntercomUser in <zone>' -ForEach @(
    @{ zone = 'America/New_York' }, @{ zone = 'Asia/Kolkata' }
) {
    It 'keeps every instant and every custom data value' {
        Reset-CsvUsers
        $before = Get-UserSnapshot
        $json = Join-Path $TestDrive 'users.json'
        $run = Invoke-TestPwsh -Environment @{ TZ = $zone } @"
Get-IntercomUser | ConvertTo-Json -Depth 4 | Set-Content -Path '$json'
Get-Content -Path '$json' -Raw | ConvertFrom-Json | Set-IntercomUser
"@
        $run.ExitCode | Should -Be 0 -Because $run.Text
        Get-UserSnapshot | Should -Be $before
    }
}

Describe 'Custom data that cannot be read' {
    BeforeAll { Reset-CsvUsers }

    It 'refuses a CustomData cell that is not a JSON object, naming it, and updates the other rows' {
        $rows = @(
            [pscustomobject]@{ email = 'ann@example.com'; name = 'Ann B'; custom_data = 'plan=basic' }
            [pscustomobject]@{ email = 'ben@example.com'; name = 'Ben B'; custom_data = '{"plan":"basic"}' }
        )
        $rows | Set-IntercomUser -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        "$($failed[0])" | Should -BeLike "*CustomData 'plan=basic' is not a flat JSON object*Write it as JSON, e.g. {`"plan`":`"pro`",`"seats`":3}*"
        $failed[0].TargetObject.email | Should -Be 'ann@example.com'
        (Get-IntercomUser -Email ann@example.com).Name | Should -Be 'Ann' -Because 'a row with an unreadable value is not half applied'
        $ben = Get-IntercomUser -Email ben@example.com
        $ben.Name | Should -Be 'Ben B'
        $ben.CustomData['plan'] | Should -Be 'basic'
    }

    It 'refuses nested custom data in JSON text' {
        { Set-IntercomUser -Email ann@example.com -CustomData '{"plan":{"name":"pro"}}' -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*custom data is flat, but plan is an object*'
    }

    It 'refuses a date it cannot read, saying how to write one' {
        { Set-IntercomUser -Email ann@example.com -CreatedAt 'next tuesday' -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*'next tuesday' is not a date: write it as 2024-01-01T09:30:00Z*"
    }
}

Describe 'Export-Csv of users' {
    It 'writes no type-name cells: social profiles are named, location is a place' {
        $dummy = Connect-Intercom -AppId 'dummy-app-id' -ApiKey (ConvertTo-SecureString 'dummy-api-key' -AsPlainText -Force) -BaseUri $IntercomTestBaseUri -PassThru
        try {
            $row = Get-IntercomUser -Email 'somebody@example.com' -Session $dummy | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        }
        finally { $dummy | Disconnect-Intercom; Connect-TestIntercom }
        $row.PSObject.Properties | Where-Object { $_.Value -match '^IntercomPS\.|\[\]$' } | ForEach-Object Name | Should -BeNullOrEmpty
        $row.SocialProfiles | Should -Match '^\w+: \S+; \w+: \S+$'
    }
}

Describe 'Dates in a CSV written under one culture and read under another' {
    BeforeAll {
        Reset-CsvUsers
        Set-IntercomUser -Email ben@example.com -CreatedAt '2024-03-01T00:00:00Z' # 1 March: 01/03 in en-GB, 3/1 in en-US
        Set-IntercomUser -Email ann@example.com -CreatedAt '2024-03-13T00:00:00Z' -LastRequestAt '2024-06-13T12:30:00Z' # the 13th: one reading only
        $before = Get-UserSnapshot
        $csv = Join-Path $TestDrive 'users-en-GB.csv'
        function Invoke-InCulture([string] $Culture, [string] $Script) {
            Invoke-TestPwsh "[System.Globalization.CultureInfo]::CurrentCulture = '$Culture'`n$Script"
        }
    }

    It 'a round trip under one culture keeps every date' {
        $run = Invoke-InCulture 'en-GB' "Get-IntercomUser | Export-Csv -Path '$csv' -NoTypeInformation; Import-Csv -Path '$csv' | Set-IntercomUser"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        Get-UserSnapshot | Should -Be $before
    }

    It 'en-GB written, en-US read: the ambiguous date is refused for its row, never swapped; the rest goes through' {
        $run = Invoke-InCulture 'en-US' "Import-Csv -Path '$csv' | Set-IntercomUser -ErrorAction Continue 2>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.ErrorRecord]) { 'ERROR ' + `$_.Exception.Message } }"
        Get-UserSnapshot | Should -Be $before -Because 'no date may be read as another, and the 13th has one reading only'
        $errors = @($run.Lines | Where-Object { $_ -like 'ERROR *' })
        $errors | Should -HaveCount 1
        $errors[0] | Should -BeLike "ERROR *'01/03/2024 00:00:00' could be 1 March or 3 January 2024*write it as 2024-03-01 or 2024-01-03*"
    }
}

# An export or a hand-kept sheet often names one user on several rows (a change appended, a duplicate). Rows written
# side by side would race, and an earlier row's values could be the ones kept: rows naming the same user (by user id,
# email or contact id) are written one after the other, in file order, so the last row wins, as a run one row at a
# time would leave it. Jitter (v1) and many rows in flight make a race all but certain to show if there is one.
Describe 'A CSV with several rows for one user, written side by side on <Api>' -ForEach @(@{ Api = 'V1' }, @{ Api = 'V2' }) {
    BeforeAll {
        Reset-TestApp
        Connect-TestApi $Api
        Set-TestFaults @{ latency_ms = 1; jitter_ms = 25; fault_seed = 7 }
        function Write-Rows([string] $Cmdlet) {
            $csv = Join-Path $TestDrive "dup-$Api-$Cmdlet.csv"
            @('user_id,email,name') + (1..24 | ForEach-Object { "d-1,d1@example.com,$Cmdlet $_" }) + (1..24 | ForEach-Object { ",same@example.com,$Cmdlet $_" }) +
                (1..4 | ForEach-Object { "o-$_,o$_@example.com,$Cmdlet $_" }) | Set-Content $csv
            Import-Csv $csv | & $Cmdlet -ThrottleLimit 16 -ErrorVariable failed
            $failed | Should -BeNullOrEmpty
        }
    }
    AfterAll { Clear-TestFaults }

    It '<cmdlet> keeps the last row of each user, and creates each user once' -TestCases @(@{ cmdlet = 'New-IntercomUser' }, @{ cmdlet = 'Set-IntercomUser' }) {
        Write-Rows $cmdlet
        (Get-IntercomUser -UserId 'd-1').Name | Should -Be "$cmdlet 24"
        (Get-IntercomUser -Email 'same@example.com').Name | Should -Be "$cmdlet 24"
        @(Get-IntercomUser) | Should -HaveCount 6
    }
}
