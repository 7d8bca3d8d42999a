# Data events on REST API 2.14 (v1 refuses them: Capabilities.Tests): recorded concurrently and never twice, however
# often a request is retried (every event carries its created_at, and the emulator, as Intercom, keeps one event per
# user, name and second); listed, summarised, and summaries submitted. Effects are read back over raw HTTP.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Get-RawEvents([string] $ContactId, [switch] $Summary) {
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14' }
        $query = "type=user&intercom_user_id=$ContactId" + $(if ($Summary) { '&summary=true' } else { '' })
        (Invoke-RestMethod -Uri "$($IntercomTestV2Uri)events?$query" -Headers $headers).events
    }
}

AfterAll {
    Clear-TestFaults
    Disconnect-Intercom
}

Describe 'Events on V2' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        $script:ann = New-IntercomUser -UserId 'ev1' -Email 'ann@example.com'
        $script:users = 1..20 | ForEach-Object { [pscustomobject]@{ user_id = "evu$_"; email = "evu$_@example.com" } } | New-IntercomUser
    }

    AfterEach { Clear-TestFaults }

    It 'records an event with its time and metadata' {
        $event = New-IntercomEvent -Email 'ann@example.com' -EventName 'placed-order' -OccurredAt '2024-05-02T09:30:00.700Z' -Metadata @{ order_id = 'A-1001'; total = 49.5 } -PassThru
        $event | Should -BeOfType ([IntercomPS.DataEvent])
        $event.CreatedAt | Should -Be ([datetime]::new(2024, 5, 2, 9, 30, 0, [DateTimeKind]::Utc))
        $raw = Get-RawEvents $ann.Id
        $raw | Should -HaveCount 1
        $raw[0].event_name | Should -BeExactly 'placed-order'
        $raw[0].created_at | Should -Be 1714642200
        $raw[0].metadata.order_id | Should -BeExactly 'A-1001'
    }

    It 'records one event for the same user, name and second, however often it is sent' {
        1..3 | ForEach-Object { New-IntercomEvent -UserId 'ev1' -EventName 'placed-order' -OccurredAt '2024-05-02T09:30:00Z' }
        (Get-RawEvents $ann.Id | Where-Object event_name -eq 'placed-order') | Should -HaveCount 1
    }

    It 'never records an event twice when its answers are lost and the requests retried' {
        # Half the answers of POST /events are lost after the event was recorded; the retries send the same created_at.
        Set-TestFaults @{ drop_rate = 0.5; route = 'POST /events'; fault_seed = 11 }
        $before = Get-TestRequestCount 'POST /events'
        $users | New-IntercomEvent -EventName 'opened-app' -ThrottleLimit 8 -ErrorAction SilentlyContinue -ErrorVariable lost
        Clear-TestFaults
        $sent = (Get-TestRequestCount 'POST /events') - $before
        $sent | Should -BeGreaterThan 20 -Because 'lost answers were retried'
        foreach ($user in $users) { (Get-RawEvents $user.Id | Where-Object event_name -eq 'opened-app') | Should -HaveCount 1 -Because "$($user.Email) did it once" }
        # An input whose every retry lost its answer says so, and its event was still recorded once (above).
        $lost | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.response_lost,*' }
    }

    It 'lists a user''s events, newest first, and their summary' {
        New-IntercomEvent -UserId 'ev1' -EventName 'placed-order' -OccurredAt '2024-05-03T10:00:00Z'
        New-IntercomEvent -UserId 'ev1' -EventName 'viewed-plans' -OccurredAt '2024-05-04T10:00:00Z'
        (Get-IntercomEvent -UserId 'ev1').EventName | Should -Be 'viewed-plans', 'placed-order', 'placed-order'
        $summary = Get-IntercomEvent -Email 'ann@example.com' -Summary | Where-Object Name -eq 'placed-order'
        $summary.Count | Should -Be 2
        $summary.First | Should -Be ([datetime]::new(2024, 5, 2, 9, 30, 0, [DateTimeKind]::Utc))
        $summary.Last | Should -Be ([datetime]::new(2024, 5, 3, 10, 0, 0, [DateTimeKind]::Utc))
    }

    It 'submits a summary, which a second one of the same name replaces (New-IntercomEventSummary)' {
        $ann | New-IntercomEventSummary -EventName 'logged-in' -Count 5 -First '2023-01-01' -Last '2023-06-01'
        $ann | New-IntercomEventSummary -EventName 'logged-in' -Count 7 -First '2023-01-01' -Last '2023-07-01'
        $raw = Get-RawEvents $ann.Id -Summary | Where-Object name -eq 'logged-in'
        $raw.count | Should -Be 7
        (Get-IntercomEvent -UserId 'ev1' -Summary | Where-Object Name -eq 'logged-in').Last | Should -Be ([datetime]::new(2023, 7, 1, 0, 0, 0, [DateTimeKind]::Utc))
    }

    It 'does not take the summaries Get-IntercomEvent -Summary gives from the pipeline: they count the user''s events, which would be counted twice' {
        New-IntercomEvent -UserId 'ev1' -EventName 'exported' -OccurredAt '2022-02-01'
        New-IntercomEventSummary -UserId 'ev1' -EventName 'exported' -Count 3 -First '2022-01-01' -Last '2022-01-15'
        $read = Get-IntercomEvent -UserId 'ev1' -Summary | Where-Object Name -eq 'exported'
        $read.Count | Should -Be 4 -Because 'the summary sent (3) and the event (1)'
        $before = Get-TestRequestCount 'POST /events/summaries'
        $read | New-IntercomEventSummary -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused | Should -HaveCount 1
        (Get-TestRequestCount 'POST /events/summaries') - $before | Should -Be 0
        (Get-IntercomEvent -UserId 'ev1' -Summary | Where-Object Name -eq 'exported').Count | Should -Be 4
    }

    It 'shows events and summaries in a table with UTC times in any culture, and metadata as its JSON' {
        New-IntercomEvent -UserId 'ev1' -EventName 'paid' -OccurredAt '2024-05-02T09:30:00Z' -Metadata @{ order_id = 'A-1001'; total = 49.5 }
        $culture = [cultureinfo]::CurrentCulture
        try {
            [cultureinfo]::CurrentCulture = 'ar-SA'
            $lines = (Get-IntercomEvent -UserId 'ev1' | Where-Object EventName -eq 'paid' | Format-Table | Out-String -Width 200) -split '\r?\n' | Where-Object { $_.Trim() }
            $summary = (Get-IntercomEvent -UserId 'ev1' -Summary | Where-Object Name -eq 'paid' | Format-Table | Out-String -Width 200) -split '\r?\n' | Where-Object { $_.Trim() }
        }
        finally { [cultureinfo]::CurrentCulture = $culture }
        $lines[0] | Should -Match '^EventName\s+Created \(UTC\)\s+Email\s+Metadata$'
        $lines[2] | Should -Match '^paid\s+2024-05-02 09:30:00\s+ann@example\.com\s+\{"order_id":"A-1001","total":49\.5\}$'
        $summary[0] | Should -Match '^Name\s+Count\s+First \(UTC\)\s+Last \(UTC\)$'
        $summary[2] | Should -Match '^paid\s+1\s+2024-05-02 09:30:00\s+2024-05-02 09:30:00$'
    }

    It 'refuses bad input with the exact reason, per input' {
        New-IntercomEvent -Email 'nobody@example.com', 'ann@example.com' -EventName 'x-y' -OccurredAt '2024-01-01' -ErrorAction SilentlyContinue -ErrorVariable bad
        $bad | Should -HaveCount 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $bad[0].TargetObject | Should -BeExactly 'nobody@example.com'
        { New-IntercomEvent -Email 'ann@example.com' -EventName 'x-y' -Metadata @{ nested = @{ a = 1 } } -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*Metadata.nested is a Hashtable*'
        New-IntercomUser -Email 'noid@example.com' | New-IntercomEventSummary -EventName 'x-y' -Count 1 -First '2024-01-01' -ErrorAction SilentlyContinue -ErrorVariable noId
        $noId[0].Exception.Message | Should -BeExactly 'noid@example.com has no user id (external id), and POST /events/summaries names users by it: give the user one first (Set-IntercomUser -UserId).'
    }
}
