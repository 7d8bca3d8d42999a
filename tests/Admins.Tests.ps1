# Admins' away mode on REST API 2.x: Set-IntercomAdmin in real pipelines from Get-IntercomAdmin, away and back, with
# reassignment and reasons (by id or label, Get-IntercomAwayReason), -WhatIf, bad ids and labels, a 2.11 session and
# v1. Each effect is read back through raw HTTP against the emulator's 2.14 face, not through the cmdlets that made it.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Get-RawAdmin([string] $Id) {
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14'; Accept = 'application/json' }
        Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, "admins/$Id")) -Headers $headers
    }

    function Add-TestAdmin([string] $Name, [string] $Email) {
        $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, $Name, $Email, $false).GetAwaiter().GetResult()
    }

    function Get-AwayPutCount { Get-TestRequestCount 'PUT /admins/{admin_id}/away' }
}

AfterAll {
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'Away mode on REST API 2.14' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        $me = (Get-IntercomSession).AdminId
        $annId = Add-TestAdmin 'Ann Agent' 'ann@example.com'
        $bobId = Add-TestAdmin 'Bob Agent' 'bob@example.com'
        $cyId = Add-TestAdmin 'Cy Other' 'cy@example.com'
        $billingId = $IntercomTestAdmin.AddTeamAsync($IntercomTestAppId, 'Billing', [string[]] @($annId, $bobId)).GetAwaiter().GetResult()
    }

    It 'sets a team away with reassignment and a reason by label, then brings back whoever is away' {
        $out = Get-IntercomAdmin | Where-Object { $_.TeamIds -contains $billingId } | Set-IntercomAdmin -Away -Reassign -Reason 'ON HOLIDAY'
        $out | Should -BeNullOrEmpty
        foreach ($id in $annId, $bobId) {
            $raw = Get-RawAdmin $id
            $raw.away_mode_enabled | Should -BeTrue
            $raw.away_mode_reassign | Should -BeTrue
            $raw.away_status_reason_id | Should -Be 103
        }
        (Get-RawAdmin $cyId).away_mode_enabled | Should -BeFalse
        (Get-RawAdmin $me).away_mode_enabled | Should -BeFalse
        Get-TestRequestCount 'GET /away_status_reasons' | Should -Be 1 # one lookup for the whole pipeline

        $back = Get-IntercomAdmin | Where-Object Away | Set-IntercomAdmin -Back -PassThru
        $back.Id | Sort-Object | Should -Be (@($annId, $bobId) | Sort-Object)
        $back | ForEach-Object { $_.Away | Should -BeFalse; $_.AwayReasonId | Should -BeNullOrEmpty }
        foreach ($id in $annId, $bobId) {
            $raw = Get-RawAdmin $id
            $raw.away_mode_enabled | Should -BeFalse
            $raw.away_mode_reassign | Should -BeFalse
            $raw.away_status_reason_id | Should -BeNullOrEmpty
        }
    }

    It 'sets one admin away by -AdminId with a -ReasonId, and returns it with -PassThru as every read shows it' {
        $admin = Set-IntercomAdmin -AdminId $cyId -Away -ReasonId 101 -PassThru
        $admin | Should -BeOfType 'IntercomPS.Admin'
        $admin.Away | Should -BeTrue
        $admin.AwayReassign | Should -BeFalse
        $admin.AwayReasonId | Should -Be 101
        $read = Get-IntercomAdmin -Id $cyId
        $read.Away | Should -BeTrue
        $read.AwayReasonId | Should -Be 101
        Set-IntercomAdmin $cyId -Back
        (Get-RawAdmin $cyId).away_mode_enabled | Should -BeFalse
    }

    It 'sends nothing with -WhatIf' {
        # In a pwsh of its own: -WhatIf writes to the host, which would print in the middle of the test run.
        $admins = Get-IntercomAdmin
        $before = Get-AwayPutCount
        $run = Invoke-TestPwsh -Api V2 -Script "Get-IntercomAdmin | Set-IntercomAdmin -Away -Reassign -Reason 'On holiday' -WhatIf"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        @($run.Lines | Where-Object { $_ -like 'What if: Performing the operation "Set away, reassigning new replies (On holiday)"*' }) | Should -HaveCount $admins.Count
        Get-AwayPutCount | Should -Be $before
        $admins | ForEach-Object { (Get-RawAdmin $_.Id).away_mode_enabled | Should -BeFalse }
    }

    It 'refuses a piped team, user, tag or away reason as an admin, saying what to pipe instead, and sends nothing' {
        Add-TestUsers -Count 1 -Prefix 'contact' -Tag 'vip'
        $billing = Get-IntercomTeam -Name Billing
        $user = Get-IntercomUser -Email 'contact1@example.com'
        $tag = Get-IntercomTag -Name 'vip'
        $reason = Get-IntercomAwayReason | Select-Object -First 1
        $before = Get-TestRequestCount
        $billing | Get-IntercomAdmin -ErrorAction SilentlyContinue -ErrorVariable got | Should -BeNullOrEmpty
        $billing | Set-IntercomAdmin -Away -Reassign -ErrorAction SilentlyContinue -ErrorVariable set
        $user, $tag, $reason | Get-IntercomAdmin -ErrorAction SilentlyContinue -ErrorVariable others | Should -BeNullOrEmpty
        $user, $tag, $reason | Set-IntercomAdmin -Back -ErrorAction SilentlyContinue -ErrorVariable othersSet
        Get-TestRequestCount | Should -Be $before

        $got | Should -HaveCount 1
        $got[0].FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_argument,IntercomPS.Cmdlets.GetIntercomAdminCommand'
        $got[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $got[0].Exception.Message | Should -BeExactly "Team 'Billing' is not an admin: pipe its admins instead, Get-IntercomAdmin -Id (Get-IntercomTeam -Name 'Billing').AdminIds."
        $got[0].TargetObject | Should -BeOfType 'IntercomPS.Team'
        $got[0].TargetObject.Id | Should -Be $billingId
        $set | Should -HaveCount 1
        $set[0].FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_argument,IntercomPS.Cmdlets.SetIntercomAdminCommand'
        $set[0].Exception.Message | Should -BeExactly $got[0].Exception.Message
        $set[0].TargetObject.Id | Should -Be $billingId
        foreach ($failures in $others, $othersSet) {
            $failures | Should -HaveCount 3
            $failures.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'Intercom.invalid_argument,*' }
            $failures[0].Exception.Message | Should -BeExactly "User 'contact1@example.com' is a contact, not an admin: pipe admins (Get-IntercomAdmin), or pass an admin's -Id."
            $failures[1].Exception.Message | Should -BeExactly "Tag 'vip' is not an admin: pipe admins (Get-IntercomAdmin), or pass an admin's -Id."
            $failures[2].Exception.Message | Should -BeExactly "Away reason '$($reason.Label)' is not an admin: pass its Id to Set-IntercomAdmin -ReasonId instead."
            $failures.TargetObject.Id | Should -Be $user.Id, $tag.Id, $reason.Id
        }
        (Get-RawAdmin $annId).away_mode_enabled | Should -BeFalse
    }

    It 'still takes a piped admin, a thread''s assignee and ids by name' {
        $ann = Get-IntercomAdmin -Id $annId
        ($ann | Get-IntercomAdmin).Name | Should -Be 'Ann Agent'
        ([pscustomobject]@{ AdminAssigneeId = $bobId } | Get-IntercomAdmin).Name | Should -Be 'Bob Agent'
        ([pscustomobject]@{ Id = $cyId } | Get-IntercomAdmin).Name | Should -Be 'Cy Other'
        ($ann | Set-IntercomAdmin -Away -PassThru).Away | Should -BeTrue
        (Set-IntercomAdmin -Id $annId -Back -PassThru).Away | Should -BeFalse
    }

    It 'names a piped admin in its -WhatIf message, and an id given alone by its id' {
        $before = Get-AwayPutCount
        $run = Invoke-TestPwsh -Api V2 -Script "Get-IntercomAdmin -Email ann@example.com | Set-IntercomAdmin -Away -WhatIf; Set-IntercomAdmin $cyId -Back -WhatIf"
        $run.ExitCode | Should -Be 0
        $run.Text | Should -BeLike "*What if: Performing the operation `"Set away`" on target `"admin Ann Agent ($annId)`".*"
        $run.Text | Should -BeLike "*What if: Performing the operation `"Set back`" on target `"admin $cyId`".*"
        Get-AwayPutCount | Should -Be $before
    }

    It 'writes a clear error for an id of no admin, and still sets the next one' {
        $before = Get-AwayPutCount
        [pscustomobject]@{ Id = '1' }, [pscustomobject]@{ Id = $annId } | Set-IntercomAdmin -Away -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.admin_not_found,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be '1'
        Get-AwayPutCount | Should -Be ($before + 2)
        (Get-RawAdmin $annId).away_mode_enabled | Should -BeTrue
        Set-IntercomAdmin $annId -Back
    }

    It 'refuses a label no reason has, naming the labels there are, and a deleted reason, sending no PUT' {
        $before = Get-AwayPutCount
        { Set-IntercomAdmin $bobId -Away -Reason 'Gone fishing' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_found,*' -ExpectedMessage "No away status reason is labelled 'Gone fishing': Get-IntercomAwayReason lists them (On a break, In a meeting, On holiday, Out sick). (not_found from GET /away_status_reasons)"
        { Set-IntercomAdmin $bobId -Away -Reason 'training' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage "The away status reason 'Training' (105) is deleted: choose another (Get-IntercomAwayReason lists them)."
        { Set-IntercomAdmin $bobId -Reassign -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage 'Say what to set: -Away (with -Reassign, -ReasonId or -Reason) or -Back.'
        { Set-IntercomAdmin $bobId -Away -ReasonId 101 -Reason 'Out sick' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage 'Give the reason once: -ReasonId or -Reason, not both.'
        Get-AwayPutCount | Should -Be $before
        # A deleted reason by id is the API's own 400.
        { Set-IntercomAdmin $bobId -Away -ReasonId 105 -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.parameter_invalid,*' -ExpectedMessage '*Away status reason is deleted*'
        (Get-RawAdmin $bobId).away_mode_enabled | Should -BeFalse
    }

    It 'lists the away reasons in order, the deleted one only with -IncludeDeleted' {
        $reasons = Get-IntercomAwayReason
        $reasons.Label | Should -Be @('On a break', 'In a meeting', 'On holiday', 'Out sick')
        $reasons[0] | Should -BeOfType 'IntercomPS.AwayReason'
        $all = Get-IntercomAwayReason -IncludeDeleted
        ($all | Where-Object Deleted).Id | Should -Be 105
        # A reason found by a pipeline sets an admin away.
        $sick = Get-IntercomAwayReason | Where-Object Label -like '*sick*'
        Get-IntercomAdmin -Email 'cy@example.com' | Set-IntercomAdmin -Away -ReasonId $sick.Id
        (Get-RawAdmin $cyId).away_status_reason_id | Should -Be 104
        Set-IntercomAdmin $cyId -Back
    }
}

Describe 'Away mode on a 2.11 session' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.11
        $danId = Add-TestAdmin 'Dan Old' 'dan@example.com'
    }

    It 'sets away and back, and refuses reasons before any request' {
        Get-IntercomAdmin -Email 'dan@example.com' | Set-IntercomAdmin -Away -Reassign
        (Get-RawAdmin $danId).away_mode_enabled | Should -BeTrue
        $before = Get-TestRequestCount
        { Set-IntercomAdmin $danId -Away -ReasonId 101 -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage 'An away status reason (-ReasonId) needs Intercom-Version 2.14 or later, and this session asks for 2.11*'
        { Get-IntercomAwayReason -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
        Get-TestRequestCount | Should -Be $before
        Set-IntercomAdmin $danId -Back
        (Get-RawAdmin $danId).away_mode_enabled | Should -BeFalse
    }
}

Describe 'Away mode on v1' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercom
    }

    It 'is refused before any request' {
        $before = Get-TestRequestCount
        { Set-IntercomAdmin -AdminId 123 -Away -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage 'Setting an admin away or back needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it.'
        { [pscustomobject]@{ Id = '123' } | Set-IntercomAdmin -Back -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
        { Get-IntercomAwayReason -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
        Get-TestRequestCount | Should -Be $before
    }
}
