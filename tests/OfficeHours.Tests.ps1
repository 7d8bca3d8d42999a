# Office hours and their exceptions (Intercom-Version 2.16 on) against the emulator: schedules made, read, changed and
# deleted with hours written as people write them; holiday closures added for a range of dates, listed, removed; bad
# input refused with its reason before anything is sent; creations never repeated; older sessions refused.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:schedules = 'POST /office_hours_schedules'
    $script:exceptions = 'POST /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions'
}

AfterAll { Disconnect-Intercom }

Describe 'Office hours on REST API 2.16' {
    BeforeEach {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
    }
    AfterEach { Clear-TestFaults }

    It 'creates a schedule from hours as people write them and reads it back the same way' {
        $made = New-IntercomOfficeHours -Name 'Support' -TimeZone 'Europe/Dublin' -Hours 'Mon-Fri 09:00-17:30', 'Sat 10:00-14:00'
        $made | Should -BeOfType ([IntercomPS.OfficeHours])
        $made.Hours | Should -Be @('Mon-Fri 09:00-17:30', 'Sat 10:00-14:00')
        $made.TimeZone | Should -BeExactly 'Europe/Dublin'
        $made.TwentyFourSeven | Should -BeFalse
        $made.Intervals | Should -HaveCount 6
        $made.Intervals[1].StartMinute | Should -Be (1440 + 540)
        $made.Intervals[1].DayOfWeek | Should -Be 1
        $all = New-IntercomOfficeHours 'Always open' -TimeZone 'UTC' -TwentyFourSeven
        $all.TwentyFourSeven | Should -BeTrue
        $all.Hours | Should -Be @('Mon 00:00-Sun 24:00')

        (Get-IntercomOfficeHours).Name | Should -Be @('Support', 'Always open')
        (Get-IntercomOfficeHours -Name 'sup*').Id | Should -Be @($made.Id)
        (Get-IntercomOfficeHours -Id $made.Id).Hours | Should -Be $made.Hours
        Get-IntercomOfficeHours -Name 'Sales' -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $missing[0].Exception.Message | Should -Be "No office hours schedule is named 'Sales'. (not_found from GET /office_hours_schedules)"
        $table = Get-IntercomOfficeHours | Format-Table | Out-String
        $table | Should -Match 'Mon-Fri 09:00-17:30; Sat 10:00-14:00'
        $table | Should -Match '24/7'
        Get-TestRequestCount $schedules | Should -Be 2
    }

    It 'changes only what is given, and deletes a schedule with its exceptions' {
        $made = New-IntercomOfficeHours -Name 'Support' -TimeZone 'Europe/Dublin' -Hours 'Mon-Fri 09:00-17:00'
        $renamed = Get-IntercomOfficeHours -Name 'Support' | Set-IntercomOfficeHours -NewName 'EMEA support'
        $renamed.Name | Should -BeExactly 'EMEA support'
        $renamed.Hours | Should -Be @('Mon-Fri 09:00-17:00')
        $rehoured = Set-IntercomOfficeHours 'emea support' -Hours 'Mon-Thu 08:00-16:00', 'Fri 08:00-12:00' -TimeZone 'Europe/London'
        $rehoured.Hours | Should -Be @('Mon-Thu 08:00-16:00', 'Fri 08:00-12:00')
        $rehoured.TimeZone | Should -BeExactly 'Europe/London'

        $null = Add-IntercomOfficeHoursException -Schedule $made.Id -Start 2026-12-25 -Name 'Christmas'
        Remove-IntercomOfficeHours -Schedule 'EMEA support' -WhatIf
        @(Get-IntercomOfficeHours) | Should -HaveCount 1
        $gone = @(Get-IntercomOfficeHours | Remove-IntercomOfficeHours -Force -PassThru)
        $gone.Name | Should -Be @('EMEA support')
        @(Get-IntercomOfficeHours) | Should -HaveCount 0
        Get-IntercomOfficeHours -Id $made.Id -ErrorAction SilentlyContinue -ErrorVariable after
        $after[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
    }

    It 'adds a closure for each date of a range, piped from Get-IntercomOfficeHours, and lists them by date' {
        $null = New-IntercomOfficeHours -Name 'Support' -TimeZone 'Europe/Dublin' -Hours 'Mon-Fri 09:00-17:00'
        $added = @(Get-IntercomOfficeHours -Name 'Support' | Add-IntercomOfficeHoursException -Start 2026-12-24 -End 2026-12-27 -Name 'Christmas' -Recurring)
        $added | Should -HaveCount 4
        $added[0] | Should -BeOfType ([IntercomPS.OfficeHoursException])
        $added.Date.ForEach({ $_.ToString('yyyy-MM-dd') }) | Should -Be @('2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27')
        $added.Closed | Should -Be @($true, $true, $true, $true)
        $added.Recurring | Should -Be @($true, $true, $true, $true)
        $short = Add-IntercomOfficeHoursException 'support' -Date 2026-12-31 -Name "New Year's Eve" -Hours '09:00-13:00'
        $short.Type | Should -BeExactly 'custom_hours'
        $short.Hours | Should -Be @('09:00-13:00')
        $short.Intervals[0].DayOfWeek | Should -Be 3 # a Thursday
        Get-TestRequestCount $exceptions | Should -Be 5

        $listed = @(Get-IntercomOfficeHours | Get-IntercomOfficeHoursException)
        $listed.Name | Should -Be @('Christmas', 'Christmas', 'Christmas', 'Christmas', "New Year's Eve")
        (Get-IntercomOfficeHoursException 'Support' -Name 'new*').Id | Should -Be @($short.Id)
        $table = Get-IntercomOfficeHoursException 'Support' | Format-Table | Out-String
        $table | Should -Match '2026-12-24 Thu\s+Christmas\s+closed\s+True'
        $table | Should -Match "2026-12-31 Thu\s+New Year's Eve\s+09:00-13:00\s+False"
    }

    It 'removes exceptions piped, by -Id or by -Date' {
        $null = New-IntercomOfficeHours -Name 'Support' -TimeZone 'Europe/Dublin' -Hours 'Mon-Fri 09:00-17:00'
        $added = @(Add-IntercomOfficeHoursException 'Support' -Start 2026-12-24 -End 2026-12-27)
        Get-IntercomOfficeHoursException 'Support' | Where-Object { $_.Date.DayOfWeek -eq 'Saturday' } | Remove-IntercomOfficeHoursException -Force
        Remove-IntercomOfficeHoursException 'Support' -Id $added[0].Id -Confirm:$false
        Remove-IntercomOfficeHoursException 'Support' -Date 2026-12-27 -Force
        (Get-IntercomOfficeHoursException 'Support').Id | Should -Be @($added[1].Id)
        $before = Get-TestRequestCount 'DELETE /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}'
        Get-IntercomOfficeHours | Remove-IntercomOfficeHoursException -Force -ErrorAction SilentlyContinue -ErrorVariable schedule
        $schedule[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $schedule[0].Exception.Message | Should -Be "-Id $($added[0].ScheduleId) is office hours 'Support' ($($added[0].ScheduleId)) itself, not one of its exceptions: pipe exceptions from Get-IntercomOfficeHoursException, or name one by -Id or -Date."
        Get-TestRequestCount 'DELETE /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}' | Should -Be $before
        Remove-IntercomOfficeHoursException 'Support' -Date 2026-12-27 -Force -ErrorAction SilentlyContinue -ErrorVariable none
        $none[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $none[0].Exception.Message | Should -Be "office hours 'Support' ($($added[0].ScheduleId)) has no exception on 2026-12-27. (not_found from GET /office_hours_schedules/$($added[0].ScheduleId)/office_hours_exceptions)"
    }

    It 'refuses bad hours, ranges and dates already taken, with the reason, sending nothing' {
        $made = New-IntercomOfficeHours -Name 'Support' -TimeZone 'Europe/Dublin' -Hours 'Mon-Fri 09:00-17:00'
        $null = Add-IntercomOfficeHoursException 'Support' -Start 2026-12-25
        $before = Get-TestRequestCount
        $cases = @(
            @{ Run = { New-IntercomOfficeHours -Name 'X' -TimeZone 'UTC' -Hours 'Mon-Fri 09:10-17:00' }
               Message = "'09:10' in 'Mon-Fri 09:10-17:00' is not on the quarter hour, as Intercom's office hours must be (:00, :15, :30 or :45)." }
            @{ Run = { New-IntercomOfficeHours -Name 'X' -TimeZone 'UTC' -Hours 'Weekdays 09:00-17:00' }
               Message = "'Weekdays' in 'Weekdays 09:00-17:00' is not a day: write Mon, Tue, Wed, Thu, Fri, Sat or Sun, or a range such as Mon-Fri." }
            @{ Run = { New-IntercomOfficeHours -Name 'X' -TimeZone 'UTC' -Hours 'Mon 17:00-09:00' }
               Message = "'Mon 17:00-09:00' ends before it starts: hours end on the day they start (24:00 at the latest)." }
            @{ Run = { New-IntercomOfficeHours -Name 'X' -TimeZone 'UTC' -Hours 'Mon-Fri 09:00-17:00', 'Fri 16:00-18:00' }
               Message = 'The hours overlap: Fri 09:00-17:00 and Fri 16:00-18:00.' }
            @{ Run = { New-IntercomOfficeHours -Name 'X' -TimeZone 'UTC' -Hours '09:00-17:00' }
               Message = "'09:00-17:00' is not office hours: write the days and the times, such as 'Mon-Fri 09:00-17:00'." }
            @{ Run = { Set-IntercomOfficeHours 'Support' }
               Message = 'Nothing to change: give -NewName, -TimeZone, -Hours or -TwentyFourSeven.' }
            @{ Run = { Set-IntercomOfficeHours 'Support' -Hours 'Mon 09:00-17:00' -TwentyFourSeven }
               Message = 'Give -Hours or -TwentyFourSeven, not both.' }
            @{ Run = { Add-IntercomOfficeHoursException 'Support' -Start 2026-12-27 -End 2026-12-24 }
               Message = '-End (2026-12-24) is before -Start (2026-12-27).' }
            @{ Run = { Add-IntercomOfficeHoursException 'Support' -Start 2026-01-01 -End 2027-12-31 }
               Message = '2026-01-01 to 2027-12-31 is 730 days: add at most 366 at once.' }
            @{ Run = { Add-IntercomOfficeHoursException 'Support' -Start 2026-12-24 -Hours '9-13' }
               Message = "'9' in '9-13' is not a time: write HH:mm, 00:00 to 24:00." }
            @{ Run = { Add-IntercomOfficeHoursException 'Support' -Start 2026-12-24 -End 2026-12-26 -Name 'Christmas' }
               Message = "office hours 'Support' ($($made.Id)) already has an exception on 2026-12-25: remove it first (Remove-IntercomOfficeHoursException). Nothing was added." }
        )
        foreach ($case in $cases) {
            $failure = $null
            try { & { $ErrorActionPreference = 'Stop'; & $case.Run } } catch { $failure = $_ }
            $failure | Should -Not -BeNullOrEmpty -Because $case.Message
            $failure.FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*' -Because $case.Message
            $failure.Exception.Message | Should -BeExactly $case.Message
        }
        Get-TestRequestCount $schedules | Should -Be 1
        Get-TestRequestCount $exceptions | Should -Be 1
        Get-TestRequestCount 'PUT /office_hours_schedules/{id}' | Should -Be 0
        @(Get-IntercomOfficeHoursException 'Support') | Should -HaveCount 1
    }

    It 'reports what Intercom refuses: an unknown time zone, a schedule named by nobody' {
        New-IntercomOfficeHours -Name 'X' -TimeZone 'Mars/Olympus' -Hours 'Mon 09:00-17:00' -ErrorAction SilentlyContinue -ErrorVariable zone
        $zone[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.data_invalid,*'
        $zone[0].Exception.Message | Should -BeLike "*time_zone_name must be an IANA time zone (such as America/New_York), not 'Mars/Olympus'*"
        Add-IntercomOfficeHoursException -Schedule 'Nobody' -Start 2026-12-25 -ErrorAction SilentlyContinue -ErrorVariable nobody
        $nobody[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $nobody[0].Exception.Message | Should -Be "No office hours schedule is named 'Nobody'. The workspace has none. (not_found from GET /office_hours_schedules)"
    }

    It 'gets a schedule piped, and refuses another of the module''s objects or an exception piped, whose Id would name a schedule, sending nothing' {
        $schedule = New-IntercomOfficeHours -Name 'Support' -TimeZone 'Europe/Dublin' -Hours 'Mon-Fri 09:00-17:00'
        $closure = Add-IntercomOfficeHoursException 'Support' -Start 2026-12-25 -Name 'Christmas'
        ($schedule | Get-IntercomOfficeHours).Id | Should -Be $schedule.Id
        $before = Get-TestRequestCount 'GET /office_hours_schedules/{id}'
        [IntercomPS.Tag]@{ Id = $schedule.Id; Name = 'vip' } | Get-IntercomOfficeHours -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $refused[0].Exception.Message | Should -Be "Tag 'vip' is not an office hours schedule: pipe schedules (Get-IntercomOfficeHours), or pass a schedule's -Id."
        $closure | Get-IntercomOfficeHours -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused[0].Exception.Message | Should -Be "Office hours exception '2026-12-25 (Christmas)' is an exception of office hours schedule $($schedule.Id), not a schedule: to get its schedule, pass Get-IntercomOfficeHours -Id $($schedule.Id)."
        Get-TestRequestCount 'GET /office_hours_schedules/{id}' | Should -Be $before
    }

    It 'never repeats a creation whose answer was lost' {
        $null = New-IntercomOfficeHours -Name 'Support' -TimeZone 'Europe/Dublin' -Hours 'Mon-Fri 09:00-17:00'
        Set-TestFaults @{ drop_rate = 1; route = $exceptions }
        try {
            Add-IntercomOfficeHoursException 'Support' -Start 2026-12-25 -ErrorAction SilentlyContinue -ErrorVariable lost
        }
        finally { Clear-TestFaults }
        $lost | Should -HaveCount 1
        $lost[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.response_lost,*'
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount $exceptions | Should -Be 1
        @(Get-IntercomOfficeHoursException 'Support') | Should -HaveCount 1
    }
}

Describe 'Office hours on sessions that cannot' {
    It 'refuses them on a session asking for <version>, naming 2.16, and sends nothing' -ForEach @(@{ version = '2.14' }, @{ version = '2.15' }) {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion $version
        $before = Get-TestRequestCount
        Get-IntercomOfficeHours -ErrorAction SilentlyContinue -ErrorVariable refused
        Add-IntercomOfficeHoursException -Schedule 'Support' -Start 2026-12-24 -End 2026-12-27 -Name 'Christmas' -ErrorAction SilentlyContinue -ErrorVariable refusedAdd
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $refused[0].Exception.Message | Should -Be "Reading office hours needs Intercom-Version 2.16 or later, and this session asks for ${version}: connect with Connect-Intercom -ApiVersion 2.16."
        $refusedAdd | Should -HaveCount 1
        $refusedAdd[0].Exception.Message | Should -Be "Adding office hours exceptions needs Intercom-Version 2.16 or later, and this session asks for ${version}: connect with Connect-Intercom -ApiVersion 2.16."
        Get-TestRequestCount | Should -Be $before
    }
}
