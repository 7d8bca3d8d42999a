# Merge-IntercomLead on Intercom-Version 2.16, whose POST /contacts/merge merges only duplicates (a lead and a user
# with the same email or phone) unless skip_duplicate_validation is true: -SkipDuplicateCheck sends it, and without it
# the refusal says what to do. Sessions before 2.16 are refused the switch before anything is sent. Get-IntercomUserMergeHistory
# lists what was merged into a user (2.16 on).

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Get-RawContactStatus([string] $Id) {
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.16'; Accept = 'application/json' }
        try { $null = Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, "contacts/$Id")) -Headers $headers; 200 } catch { [int] $_.Exception.Response.StatusCode }
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Merge-IntercomLead on 2.16' {
    BeforeEach {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
        $script:lead = New-IntercomLead -Email 'visitor@example.com' -Name 'Vi Visitor'
        $script:user = New-IntercomUser -UserId 'signed-up' -Email 'customer@example.com'
    }

    It 'refuses a lead that is not the user''s duplicate, saying to add -SkipDuplicateCheck, and keeps the lead' {
        Merge-IntercomLead -Id $lead.Id -IntoUserId 'signed-up' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_merge,*'
        $refused[0].Exception.Message | Should -BeLike ("Lead $($lead.Id) and user $($user.Id) are not duplicates (they share no email or phone), and Intercom-Version 2.16 merges only duplicates. " +
            'To merge them anyway, add -SkipDuplicateCheck (Merge-IntercomLead -SkipDuplicateCheck). (400 invalid_merge from POST /contacts/merge, request *)')
        Get-RawContactStatus $lead.Id | Should -Be 200
    }

    It 'merges it with -SkipDuplicateCheck, sending skip_duplicate_validation' {
        $merged = Merge-IntercomLead -Id $lead.Id -IntoUserId 'signed-up' -SkipDuplicateCheck -Confirm:$false
        $merged.Id | Should -BeExactly $user.Id
        $merged.Name | Should -BeExactly 'Vi Visitor'
        Get-RawContactStatus $lead.Id | Should -Be 404
    }

    It 'merges a duplicate (the same email) without the switch' {
        $twin = New-IntercomLead -Email 'customer@example.com'
        (Merge-IntercomLead -Id $twin.Id -IntoUserId 'signed-up' -Confirm:$false).Id | Should -BeExactly $user.Id
        Get-RawContactStatus $twin.Id | Should -Be 404
    }

    It 'refuses -SkipDuplicateCheck on a session asking for a version before 2.16, naming the version, and sends nothing' {
        Connect-TestIntercomV2
        $before = Get-TestRequestCount
        Merge-IntercomLead -Id $lead.Id -IntoUserId 'signed-up' -SkipDuplicateCheck -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $refused[0].Exception.Message | Should -Be ('Merging a lead into a user that is not its duplicate (-SkipDuplicateCheck) needs Intercom-Version 2.16 or later, ' +
            'and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16.')
        Get-TestRequestCount | Should -Be $before
        Get-RawContactStatus $lead.Id | Should -Be 200
    }
}

Describe 'Get-IntercomUserMergeHistory on 2.16' {
    BeforeEach {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
        $script:user = New-IntercomUser -UserId 'signed-up' -Email 'customer@example.com'
        $script:other = New-IntercomUser -UserId 'other' -Email 'other@example.com'
    }

    It 'lists the leads merged into each user, newest first, reading every page' {
        $leads = 1..152 | ForEach-Object { New-IntercomLead -Email "visitor$_@example.com" }
        $leads | ForEach-Object { Merge-IntercomLead -Id $_.Id -IntoUserId 'signed-up' -SkipDuplicateCheck -Confirm:$false } | Out-Null
        $history = @(Get-IntercomUserMergeHistory -UserId 'signed-up')
        $history | Should -HaveCount 152
        $history[0] | Should -BeOfType ([IntercomPS.UserMerge])
        $history[0].SourceContactId | Should -BeExactly $leads[-1].Id
        $history[-1].SourceContactId | Should -BeExactly $leads[0].Id
        $history[0].SourceRole | Should -BeExactly 'lead'
        $history[0].ContactId | Should -BeExactly $user.Id
        $history[0].MergedAt | Should -BeOfType ([datetime])
        Get-TestRequestCount 'GET /contacts/{id}/merge_history' | Should -Be 2
        # Piped users, each its own history (none for the other).
        @($user, $other | Get-IntercomUserMergeHistory) | Should -HaveCount 152
    }

    It 'passes on a lead''s not_found, as Intercom keeps histories for users only' {
        $lead = New-IntercomLead -Email 'visitor@example.com'
        Get-IntercomUserMergeHistory -Id $lead.Id -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $refused[0].Exception.Message | Should -BeLike "Contact not found (404 not_found from GET /contacts/$($lead.Id)/merge_history*"
    }

    It 'refuses a session asking for a version before 2.16, naming the version, and sends nothing' {
        Connect-TestIntercomV2
        $before = Get-TestRequestCount
        Get-IntercomUserMergeHistory -UserId 'signed-up' -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $refused[0].Exception.Message | Should -Be "A user's merge history needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16."
        Get-TestRequestCount | Should -Be $before
    }
}
