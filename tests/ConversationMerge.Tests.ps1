# Merging threads (Intercom-Version 2.16 on): Merge-IntercomMessageThread against the emulator. Each thread named or
# piped is closed and linked to the -IntoId thread, which comes out as Get-IntercomMessageThread shows it; a merge into
# itself is refused before anything is sent, a lost answer is never repeated, and v1 and older 2.x sessions are refused
# (Capabilities.Tests holds the v1 row too).

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:merges = 'POST /conversations/{id}/merge'
}

AfterAll { Disconnect-Intercom }

Describe 'Merge-IntercomMessageThread on REST API 2.16' {
    BeforeEach {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
        $null = New-IntercomUser -UserId 'u1' -Email 'una@example.com' -Name 'Una'
        $null = New-IntercomUser -UserId 'u2' -Email 'ugo@example.com' -Name 'Ugo'
        $script:primary = New-IntercomMessageThread -UserId 'u1' -Body 'Checkout fails'
        $script:secondary = New-IntercomMessageThread -UserId 'u2' -Body 'Checkout fails for me too'
        $script:third = New-IntercomMessageThread -UserId 'u1' -Body 'Still failing'
    }
    AfterEach { Clear-TestFaults }

    It 'merges a piped thread into -IntoId and returns the kept thread as Get-IntercomMessageThread shows it' {
        $out = @(Get-IntercomMessageThread -ThreadId $secondary.ThreadId | Merge-IntercomMessageThread -IntoId $primary.ThreadId -Force)
        $out | Should -HaveCount 1
        $out[0] | Should -BeOfType ([IntercomPS.MessageThread])
        $out[0].ThreadId | Should -Be $primary.ThreadId
        $out[0].Parts.Type | Should -Be @('merged_primary_conversation')
        $out[0].State | Should -Be 'open'
        $kept = Get-IntercomMessageThread -ThreadId $primary.ThreadId
        ($out[0] | ConvertTo-Json -Depth 5) | Should -BeExactly ($kept | ConvertTo-Json -Depth 5)
        $gone = Get-IntercomMessageThread -ThreadId $secondary.ThreadId
        $gone.State | Should -Be 'closed'
        $gone.Parts.Type | Should -Be @('close')
        $gone.Messages[0].Html | Should -BeExactly '<p>Checkout fails for me too</p>' # its own messages stay its own
        $gone.ContactIds | Should -Be @((Get-IntercomUser -UserId 'u2').Id)
        Get-TestRequestCount $merges | Should -Be 1
    }

    It 'merges threads named by -Id, the alias too, and piped sent messages by their conversation, each into the same thread' {
        $out = @(Merge-IntercomConversation $secondary.ThreadId -IntoId $primary.ThreadId -Confirm:$false)
        $out += @([pscustomobject]@{ conversation_id = "$($third.ThreadId)" } | Merge-IntercomMessageThread -IntoId $primary.ThreadId -Force)
        $out.ThreadId | Should -Be @($primary.ThreadId, $primary.ThreadId)
        $out[1].Parts.Type | Should -Be @('merged_primary_conversation', 'merged_primary_conversation')
        (Get-IntercomMessageThread -ThreadId $third.ThreadId).State | Should -Be 'closed'
    }

    It 'refuses a thread merged into itself, a bad -Id, and piped objects that are no thread, sending nothing' {
        $before = Get-TestRequestCount
        Merge-IntercomMessageThread -Id $primary.ThreadId -IntoId $primary.ThreadId -Force -ErrorAction SilentlyContinue -ErrorVariable self
        $self | Should -HaveCount 1
        $self[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $self[0].Exception.Message | Should -Be "Thread $($primary.ThreadId) cannot be merged into itself: -IntoId names the thread to keep, another than the one merged."
        Merge-IntercomMessageThread -Id abc -IntoId $primary.ThreadId -Force -ErrorAction SilentlyContinue -ErrorVariable bad
        $bad[0].Exception.Message | Should -Be "-Id 'abc' is no thread's id: a thread's id is a positive number (Get-IntercomMessageThread shows ThreadId)."
        [pscustomobject]@{ thread_id = '' } | Merge-IntercomMessageThread -IntoId $primary.ThreadId -Force -ErrorAction SilentlyContinue -ErrorVariable blank
        $blank[0].Exception.Message | Should -Be 'Name the thread to merge by -Id, or pipe it from Get-IntercomMessageThread (a blank cell names none).'
        Get-TestRequestCount | Should -Be $before
        $user = Get-IntercomUser -UserId 'u2'
        $thread = Get-IntercomMessageThread -ThreadId $secondary.ThreadId
        $before = Get-TestRequestCount
        $user | Merge-IntercomMessageThread -IntoId $primary.ThreadId -Force -ErrorAction SilentlyContinue -ErrorVariable piped
        $piped[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $piped[0].Exception.Message | Should -Be "User 'ugo@example.com' is not a thread: to merge one of the user's threads, pipe Get-IntercomMessageThread -Id '$($user.Id)'; to merge leads into a user, use Merge-IntercomLead."
        $thread | Merge-IntercomMessageThread -Id $third.ThreadId -IntoId $primary.ThreadId -Force -ErrorAction SilentlyContinue -ErrorVariable another
        $another[0].Exception.Message | Should -Be "The piped thread names thread $($secondary.ThreadId), and -Id names another ($($third.ThreadId)): pipe it alone, or name the thread by -Id alone."
        { Merge-IntercomMessageThread -Id $secondary.ThreadId -IntoId 0 -Force } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        Get-TestRequestCount | Should -Be $before
        (Get-IntercomMessageThread -ThreadId $secondary.ThreadId).State | Should -Be 'open'
    }

    It 'reports Intercom''s refusals for that input and goes on with the rest' {
        $null = Merge-IntercomMessageThread -Id $third.ThreadId -IntoId $primary.ThreadId -Force
        $out = @($secondary.ThreadId, $third.ThreadId, 999999 | ForEach-Object { [pscustomobject]@{ ThreadId = "$_" } } |
            Merge-IntercomMessageThread -IntoId $primary.ThreadId -Force -ErrorAction SilentlyContinue -ErrorVariable failed)
        $out.ThreadId | Should -Be @($primary.ThreadId)
        $failed | Should -HaveCount 2
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.merge_failed,*'
        $failed[0].Exception.Message | Should -BeLike '*Secondary conversation has already been merged*'
        $failed[0].TargetObject.ThreadId | Should -Be "$($third.ThreadId)"
        $failed[1].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        Merge-IntercomMessageThread -Id $third.ThreadId -IntoId 999999 -Force -ErrorAction SilentlyContinue -ErrorVariable nowhere
        $nowhere[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.merge_failed,*'
    }

    It 'sends nothing with -WhatIf, -Force or not' {
        $before = Get-TestRequestCount
        Get-IntercomMessageThread -ThreadId $secondary.ThreadId | Merge-IntercomMessageThread -IntoId $primary.ThreadId -WhatIf
        Merge-IntercomMessageThread -Id $third.ThreadId -IntoId $primary.ThreadId -Force -WhatIf
        Get-TestRequestCount | Should -Be ($before + 1) # the read alone
        (Get-IntercomMessageThread -ThreadId $secondary.ThreadId).State | Should -Be 'open'
    }

    It 'never repeats a merge whose answer was lost: it was applied, and the error says it may have been' {
        Set-TestFaults @{ drop_rate = 1; route = $merges }
        try {
            Merge-IntercomMessageThread -Id $secondary.ThreadId -IntoId $primary.ThreadId -Force -ErrorAction SilentlyContinue -ErrorVariable lost
        }
        finally { Clear-TestFaults }
        $lost | Should -HaveCount 1
        $lost[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.response_lost,*'
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount $merges | Should -Be 1
        (Get-IntercomMessageThread -ThreadId $secondary.ThreadId).State | Should -Be 'closed'
    }
}

Describe 'Merge-IntercomMessageThread on sessions that cannot' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        $null = New-IntercomUser -UserId 'u1' -Email 'una@example.com'
        $script:a = New-IntercomMessageThread -UserId 'u1' -Body 'One'
        $script:b = New-IntercomMessageThread -UserId 'u1' -Body 'Two'
    }

    It 'refuses it on a session asking for <version>, naming 2.16, and sends nothing' -ForEach @(@{ version = '2.14' }, @{ version = '2.15' }) {
        Connect-TestIntercomV2 -ApiVersion $version
        $before = Get-TestRequestCount
        Merge-IntercomMessageThread -Id $b.ThreadId -IntoId $a.ThreadId -Force -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $refused[0].Exception.Message | Should -Be "Merging conversations needs Intercom-Version 2.16 or later, and this session asks for ${version}: connect with Connect-Intercom -ApiVersion 2.16."
        Get-TestRequestCount | Should -Be $before
    }

    It 'refuses it on v1 with not_supported, before any request' {
        Connect-TestIntercom
        $before = Get-TestRequestCount
        Merge-IntercomMessageThread -Id 2 -IntoId 1 -Force -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $refused[0].Exception.Message | Should -Be 'Merging conversations needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it.'
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'Get-IntercomMessageThread -Deleted' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
        $null = New-IntercomUser -UserId 'u1' -Email 'una@example.com'
        $script:made = 1..4 | ForEach-Object { New-IntercomMessageThread -UserId 'u1' -Body "Thread $_" }
        Remove-IntercomMessageThread -ThreadId $made[0].ThreadId -Force
        Remove-IntercomMessageThread -ThreadId $made[2].ThreadId -Force
        Remove-IntercomMessageThread -ThreadId $made[1].ThreadId -Force
    }

    It 'lists the deleted threads newest first, each its id, when and whether its metrics were kept, paged by -First and -Skip' {
        $deleted = @(Get-IntercomMessageThread -Deleted)
        $deleted | Should -HaveCount 3
        $deleted[0] | Should -BeOfType ([IntercomPS.DeletedThread])
        $deleted.ThreadId | Should -Be @($made[1].ThreadId, $made[2].ThreadId, $made[0].ThreadId)
        $deleted.MetricsRetained | Should -Be @($true, $true, $true)
        $deleted[0].DeletedAt | Should -BeOfType ([datetime])
        $before = Get-TestRequestCount 'GET /conversations/deleted'
        @(Get-IntercomConversation -Deleted -Skip 1 -First 1).ThreadId | Should -Be $made[2].ThreadId
        Get-TestRequestCount 'GET /conversations/deleted' | Should -Be ($before + 1)
    }

    It 'is given alone: a user, a -ThreadId or a filter beside it is refused, sending nothing' {
        $before = Get-TestRequestCount
        $message = "-Deleted lists the workspace's deleted threads, which have no user, state or words left to filter on: give it alone (-First and -Skip page it)."
        Get-IntercomMessageThread -Deleted -UserId 'u1' -ErrorAction SilentlyContinue -ErrorVariable withUser
        Get-IntercomMessageThread -Deleted -State Open -ErrorAction SilentlyContinue -ErrorVariable withState
        Get-IntercomMessageThread -Deleted -ThreadId $made[3].ThreadId -ErrorAction SilentlyContinue -ErrorVariable withId
        foreach ($failed in $withUser, $withState, $withId) {
            $failed | Should -HaveCount 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
            $failed[0].Exception.Message | Should -Be $message
        }
        Get-TestRequestCount | Should -Be $before
    }

    It 'is refused on a session asking for 2.14, naming 2.16' {
        Connect-TestIntercomV2
        try {
            $before = Get-TestRequestCount
            Get-IntercomMessageThread -Deleted -ErrorAction SilentlyContinue -ErrorVariable refused
            $refused | Should -HaveCount 1
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
            $refused[0].Exception.Message | Should -Be 'Listing deleted conversations (-Deleted) needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16.'
            Get-TestRequestCount | Should -Be $before
        }
        finally { Connect-TestIntercomV2 -ApiVersion 2.16 }
    }
}
