# Get-IntercomTeamMetric (REST API 2.16's GET /teams/{id}/metrics) as a support lead uses it: each team's admins'
# open, idle and snoozed conversations, by team name, id or piped team; the idle threshold checked before sending;
# older sessions told which version to ask for. The conversations are set up with the module's own thread cmdlets on
# 2.14 and counted by the emulator; the request counts are the emulator's.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Initialize-InboxWorld {
        Reset-TestApp
        Connect-TestIntercomV2
        $script:annId = $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, 'Ann Agent', 'ann@example.com').GetAwaiter().GetResult()
        $script:bobId = $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, 'Bob Agent', 'bob@example.com').GetAwaiter().GetResult()
        $script:billingId = $IntercomTestAdmin.AddTeamAsync($IntercomTestAppId, 'Billing', [string[]] @($annId, $bobId)).GetAwaiter().GetResult()
        $script:salesId = $IntercomTestAdmin.AddTeamAsync($IntercomTestAppId, 'Sales', [string[]] @($bobId)).GetAwaiter().GetResult()
        $v1 = Connect-TestIntercom -PassThru
        $null = New-IntercomUser -UserId 'c1' -Email 'cora@example.com' -Session $v1
        $threads = 1..4 | ForEach-Object { New-IntercomMessageThread -Email 'cora@example.com' -Body "Help $_" -Session $v1 }
        Connect-TestIntercomV2
        $threads[0..2] | Set-IntercomMessageThread -AssigneeId $annId
        $threads[2] | Set-IntercomMessageThread -State Snoozed -SnoozedUntil (Get-Date).AddDays(1)
        $threads[3] | Set-IntercomMessageThread -AssigneeId $bobId
        $script:threads = $threads
        Connect-TestIntercomV2 -ApiVersion 2.16
    }

    function Get-Line($Metrics, [string] $Team, [string] $Admin) {
        $Metrics | Where-Object { $_.TeamId -eq $Team -and $_.AdminId -eq $Admin }
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Get-IntercomTeamMetric' {
    BeforeAll { Initialize-InboxWorld }

    It 'gives every team''s admins their open, idle and snoozed conversations, with the table a lead reads' {
        $metrics = Get-IntercomTeamMetric
        $metrics | ForEach-Object { $_ | Should -BeOfType ([IntercomPS.TeamMetric]) }
        $metrics | Should -HaveCount 3 # Billing: Ann and Bob; Sales: Bob
        $ann = Get-Line $metrics $billingId $annId
        $ann.TeamName | Should -Be 'Billing'
        $ann.Open, $ann.Idle, $ann.Snoozed | Should -Be 2, 0, 1
        $bob = Get-Line $metrics $salesId $bobId
        $bob.TeamName | Should -Be 'Sales'
        $bob.Open, $bob.Idle, $bob.Snoozed | Should -Be 1, 0, 0
        Get-TestRequestCount 'GET /teams' | Should -Be 1
        $table = ($metrics | Out-String -Width 200) -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $table[0] | Should -Match '^Team\s+AdminId\s+Open\s+Idle\s+Snoozed$'
        $table | Should -Contain ($table | Where-Object { $_ -match "^Billing\s+$annId\s+2\s+0\s+1$" })
    }

    It 'takes teams by -Name with wildcards, by -TeamId and piped, each unknown one its own error' {
        (Get-IntercomTeamMetric -Name 'bill*').AdminId | Sort-Object | Should -Be (@($annId, $bobId) | Sort-Object)
        $byId = Get-IntercomTeamMetric -TeamId $salesId
        $byId.AdminId | Should -Be $bobId
        $byId.TeamName | Should -BeNullOrEmpty # an id alone does not say the team's name
        (Get-IntercomTeam -Name Sales | Get-IntercomTeamMetric).TeamName | Should -Be 'Sales'
        Get-IntercomTeamMetric -Name 'Nobody', 'Sales' -ErrorAction SilentlyContinue -ErrorVariable failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].Exception.Message | Should -BeLike "No team of the workspace has the name 'Nobody'.*"
        Get-IntercomTeamMetric -TeamId 999999, $salesId -ErrorAction SilentlyContinue -ErrorVariable failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.team_not_found,*'
        $failed[0].TargetObject | Should -Be '999999'
    }

    It 'counts the open conversations quiet for -IdleThreshold as idle' {
        Start-Sleep -Seconds 3
        $quiet = Get-IntercomTeamMetric -Name Billing -IdleThreshold (New-TimeSpan -Seconds 2)
        (Get-Line $quiet $billingId $annId).Idle | Should -Be 2
        Get-TestRequestCount 'GET /teams/{team_id}/metrics' | Should -BeGreaterThan 0
    }

    It 'refuses a threshold outside Intercom''s range, or not in whole seconds, before any request' {
        $before = Get-TestRequestCount
        foreach ($bad in [timespan]::Zero, (New-TimeSpan -Days 2), (New-TimeSpan -Milliseconds 1500)) {
            { Get-IntercomTeamMetric -IdleThreshold $bad -ErrorAction Stop } |
                Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage "-IdleThreshold is whole seconds from 1 second to 1 day (Intercom's range), not $bad."
        }
        Get-TestRequestCount | Should -Be $before
    }

    It 'refuses a piped object of another kind, saying what to pipe' {
        [IntercomPS.Tag]@{ Id = '5'; Name = 'vip' } | Get-IntercomTeamMetric -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Be "Tag 'vip' is not a team: pipe teams (Get-IntercomTeam) or threads, or pass a team's -Id."
    }

    It 'is refused on a session asking for a version before 2.16, naming the version, and on v1, sending nothing' {
        $teams, $metrics = (Get-TestRequestCount 'GET /teams'), (Get-TestRequestCount 'GET /teams/{team_id}/metrics')
        Connect-TestIntercomV2
        { Get-IntercomTeamMetric -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage '*Connect-Intercom -ApiVersion 2.16*'
        Connect-TestIntercom
        { Get-IntercomTeamMetric -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
        Get-TestRequestCount 'GET /teams' | Should -Be $teams
        Get-TestRequestCount 'GET /teams/{team_id}/metrics' | Should -Be $metrics
        Connect-TestIntercomV2 -ApiVersion 2.16
    }
}

Describe 'The team metrics'' help examples' {
    BeforeAll { Initialize-InboxWorld }

    It 'run as written, in a new pwsh, without an error' {
        $script = @'
foreach ($example in (Get-Help Get-IntercomTeamMetric -Full).examples.example) {
    "== $($example.title)"
    & ([scriptblock]::Create($example.code)) | Out-String
}
'@
        $run = Invoke-TestPwsh -Api V2 -Script $script
        $run.ExitCode | Should -Be 0 -Because $run.Text
        @($run.Lines | Where-Object { $_ -like '== *' }) | Should -HaveCount 2
        $run.Lines | Should -Contain ($run.Lines | Where-Object { $_ -match "^Billing\s+$annId\s+2\s+0\s+1$" })
    }
}
