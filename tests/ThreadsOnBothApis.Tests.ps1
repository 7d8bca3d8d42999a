# Message threads on both APIs: the same assertions against a v1 session and a REST API 2.14 session, where a
# thread is a conversation; then conversation state, which only 2.14 has, and exactly-once writes under lost answers.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

AfterAll {
    Clear-TestFaults
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'Message threads on <Api>' -ForEach @(@{ Api = 'V1' }, @{ Api = 'V2' }) {
    BeforeEach {
        Reset-TestApp
        $v1 = Connect-TestIntercom -PassThru
        $null = New-IntercomUser -UserId '7902' -Email 'ben@example.com' -Name 'Ben' -Session $v1
        $null = New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann' -Session $v1
        Connect-TestApi $Api
    }

    It 'starts a thread from the user and returns it with its first message' {
        $thread = New-IntercomMessageThread -Email 'ben@example.com' -Body 'How do I export my data?'
        $thread | Should -BeOfType ([IntercomPS.MessageThread])
        $thread.ThreadId | Should -BeGreaterThan 0
        $thread.Email | Should -Be 'ben@example.com'
        $thread.UserId | Should -Be '7902'
        $thread.CreatedByUser | Should -BeTrue
        $thread.Messages | Should -HaveCount 1
        $thread.Messages[0].Html | Should -Be '<p>How do I export my data?</p>'
        $thread.Messages[0].From.Email | Should -Be 'ben@example.com'
        $thread.Messages[0].From.IsAdmin | Should -BeFalse
    }

    It 'lists a user''s threads oldest first with their messages, and gets one by -ThreadId' {
        $first = New-IntercomMessageThread -Email 'ben@example.com' -Body 'First'
        $second = New-IntercomMessageThread -UserId '7902' -Body 'Second'
        $null = New-IntercomMessageThread -Email 'ann@example.com' -Body 'Not Ben''s'
        Add-TestAdminReply 'ben@example.com' $first.ThreadId 'We are on it'
        $threads = Get-IntercomMessageThread -Email 'ben@example.com'
        $threads.ThreadId | Should -Be $first.ThreadId, $second.ThreadId
        $threads[0].Messages.Html | Should -Be '<p>First</p>', '<p>We are on it</p>'
        $threads[0].Messages[1].From.IsAdmin | Should -BeTrue
        $threads[0].Messages[0].From.UserId | Should -Be '7902'
        $threads | ForEach-Object { $_.UserId | Should -Be '7902' }
        $one = Get-IntercomMessageThread -UserId '7902' -ThreadId $second.ThreadId
        $one.Messages.Html | Should -Be '<p>Second</p>'
        $one.Email | Should -Be 'ben@example.com'
    }

    It 'names a Messenger thread''s type inbox, as v1 did, so a v1 script''s filter on MessageType finds it' {
        $thread = New-IntercomMessageThread -Email 'ben@example.com' -Body 'Hi'
        $thread.MessageType | Should -Be 'inbox'
        (Get-IntercomMessageThread -Email 'ben@example.com' | Where-Object MessageType -eq 'inbox').ThreadId | Should -Be $thread.ThreadId
    }

    It 'shows each thread''s state in the thread table: open on 2.14, blank on v1, which has none' {
        $thread = New-IntercomMessageThread -Email 'ben@example.com' -Body 'Hi'
        $lines = (Get-IntercomMessageThread -Email 'ben@example.com' | Format-Table | Out-String -Width 200) -split '\r?\n' | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^ThreadId\s+Email\s+UserId\s+Read\s+State\s+Messages\s+UpdatedAt\s+LastMessage$'
        $columns = [regex]::Matches($lines[1], '-+')
        $cell = { param($index) $lines[2].PadRight($lines[1].Length).Substring($columns[$index].Index, $columns[$index].Length).Trim() }
        & $cell 0 | Should -Be $thread.ThreadId
        & $cell 4 | Should -Be $(if ($Api -eq 'V2') { 'open' } else { '' })
        & $cell 5 | Should -Be 1
    }

    It 'reports a thread of another user as not found' {
        $anns = New-IntercomMessageThread -Email 'ann@example.com' -Body 'Mine'
        { Get-IntercomMessageThread -Email 'ben@example.com' -ThreadId $anns.ThreadId -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found,*'
        { Set-IntercomMessageThread -Email 'ben@example.com' -ThreadId $anns.ThreadId -Read $false -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found,*'
        (Get-IntercomMessageThread -Email 'ann@example.com' -ThreadId $anns.ThreadId).Read | Should -BeTrue
    }

    It 'replies as the user to the unread threads, then marks them read' {
        $threads = 'One', 'Two', 'Three' | ForEach-Object { New-IntercomMessageThread -Email 'ben@example.com' -Body $_ }
        Add-TestAdminReply 'ben@example.com' $threads[0].ThreadId 'Answer one'
        Add-TestAdminReply 'ben@example.com' $threads[2].ThreadId 'Answer three'

        $replied = Get-IntercomMessageThread -Email ben@example.com | Where-Object { -not $_.Read } |
            Add-IntercomMessageReply -Body 'Thanks, we are on it'
        $replied.ThreadId | Should -Be $threads[0].ThreadId, $threads[2].ThreadId
        $replied | ForEach-Object { $_.Messages[-1].Html | Should -Be '<p>Thanks, we are on it</p>' }

        Add-TestAdminReply 'ben@example.com' $threads[1].ThreadId 'Answer two'
        Get-IntercomMessageThread -Email ben@example.com | Where-Object { -not $_.Read } | Set-IntercomMessageThread -Read $true
        (Get-IntercomMessageThread -Email 'ben@example.com').Read | Should -Be $true, $true, $true
    }

    It 'marks a thread unread again and returns it with -PassThru' {
        $thread = New-IntercomMessageThread -Email 'ann@example.com' -Body 'Hello'
        Add-TestAdminReply 'ann@example.com' $thread.ThreadId 'Hi Ann'
        $thread | Set-IntercomMessageThread -Read $true | Should -BeNullOrEmpty
        ($thread | Set-IntercomMessageThread -Read $false -PassThru).Read | Should -BeFalse
        (Get-IntercomMessageThread -Email 'ann@example.com' -ThreadId $thread.ThreadId).Read | Should -BeFalse
    }

    It 'refuses a Set-IntercomMessageThread that changes nothing, before any request' {
        $before = Get-TestRequestCount
        { Set-IntercomMessageThread -Email 'ann@example.com' -ThreadId 1 } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage 'Give -Read, -Title, -CustomData, -State, -AssigneeId, -TeamId, -AddTag or -RemoveTag: there is nothing to change.'
        { Set-IntercomMessageThread -Email 'ann@example.com' -ThreadId 1 -State Snoozed } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage '-State Snoozed needs -SnoozedUntil, the time the conversation wakes up.'
        { Set-IntercomMessageThread -Email 'ann@example.com' -ThreadId 1 -State Closed -SnoozedUntil '2030-01-01' } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage '-SnoozedUntil goes with -State Snoozed only.'
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'Conversation state on REST API 2.14' {
    BeforeEach {
        Reset-TestApp
        $v1 = Connect-TestIntercom -PassThru
        $null = New-IntercomUser -UserId '7902' -Email 'ben@example.com' -Name 'Ben' -Session $v1
        Connect-TestIntercomV2
        $thread = New-IntercomMessageThread -Email 'ben@example.com' -Body 'Help'
    }

    It 'carries the conversation id, the contact id and the state' {
        $thread.State | Should -Be 'open'
        $thread.SnoozedUntil | Should -BeNullOrEmpty
        $thread.ContactId | Should -Be (Get-IntercomUser -Email 'ben@example.com' -Session $v1).Id
        (Get-IntercomMessageThread -Email 'ben@example.com' -ThreadId $thread.ThreadId -Session $v1).ThreadId | Should -Be $thread.ThreadId
    }

    It 'closes, snoozes and reopens a conversation' {
        ($thread | Set-IntercomMessageThread -State Closed -PassThru).State | Should -Be 'closed'
        (Get-IntercomMessageThread -Email 'ben@example.com').State | Should -Be 'closed'

        $until = [datetime]::new(2030, 1, 2, 9, 0, 0, [DateTimeKind]::Utc)
        $snoozed = $thread | Set-IntercomMessageThread -State Snoozed -SnoozedUntil '2030-01-02T09:00:00Z' -PassThru
        $snoozed.State | Should -Be 'snoozed'
        $snoozed.SnoozedUntil | Should -Be $until

        $open = $thread | Set-IntercomMessageThread -State open -Read $true -PassThru
        $open.State | Should -Be 'open'
        $open.SnoozedUntil | Should -BeNullOrEmpty
        $open.Read | Should -BeTrue
    }

    It 'reopens a closed conversation when the user replies' {
        $thread | Set-IntercomMessageThread -State Closed
        ($thread | Add-IntercomMessageReply -Body 'Still broken').State | Should -Be 'open'
    }

    It 'says what the -WhatIf would do and changes nothing' {
        $run = Invoke-TestPwsh -Api V2 "Set-IntercomMessageThread -Email 'ben@example.com' -ThreadId $($thread.ThreadId) -Read `$true -State Snoozed -SnoozedUntil '2030-01-02T09:00:00Z' -WhatIf"
        $run.Lines | Should -Be "What if: Performing the operation `"Mark read and snooze until 2030-01-02 09:00:00Z`" on target `"thread $($thread.ThreadId) of ben@example.com`"."
        (Get-IntercomMessageThread -Email 'ben@example.com' -ThreadId $thread.ThreadId).State | Should -Be 'open'
    }

    It 'refuses what 2.14 has no equivalent for: -Url and -CurrentUrl' {
        { New-IntercomMessageThread -Email 'ben@example.com' -Body 'Hi' -Url 'https://example.com/' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage 'REST API 2.x records no page URL with a user''s message, so -Url cannot be used there: leave it out.'
        { $thread | Add-IntercomMessageReply -Body 'Hi' -Url 'https://example.com/' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage 'REST API 2.x records no page URL with a user''s message, so -Url cannot be used there: leave it out.'
        { Get-IntercomMessageThread -Email 'ben@example.com' -CurrentUrl 'https://example.com/' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage 'REST API 2.x has no auto messages for the page a user is on, so -CurrentUrl cannot be used there: leave it out.'
        (Get-IntercomMessageThread -Email 'ben@example.com').Messages | Should -HaveCount 1
    }
}

Describe 'Conversation state on v1' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercom
        $null = New-IntercomUser -Email 'ben@example.com'
        $thread = New-IntercomMessageThread -Email 'ben@example.com' -Body 'Help'
    }

    It 'has no state, and says that changing it needs REST API 2.x' {
        $thread.State | Should -BeNullOrEmpty
        $thread.ContactId | Should -BeNullOrEmpty
        { $thread | Set-IntercomMessageThread -State Closed -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*' `
            -ExpectedMessage 'Opening, closing or snoozing a conversation needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it.'
    }
}

Describe 'Replies and new conversations on REST API 2.14 while answers are lost' {
    BeforeAll {
        Reset-TestApp
        Add-TestUsers -Count 12 -Prefix 'asker'
        Connect-TestIntercomV2
        $threads = 1..12 | ForEach-Object { New-IntercomMessageThread -Email "asker$_@example.com" -Body 'Question' }
    }
    AfterEach { Clear-TestFaults }

    It 'adds each reply at most once: a lost reply is reported, never sent again' {
        $before = Get-TestRequestCount 'POST /conversations/{conversation_id}/reply'
        Set-TestFaults @{ drop_rate = 0.3; fault_seed = 21 }
        $replied = $threads | Add-IntercomMessageReply -Body 'Any news?' -ThrottleLimit 1 -ErrorAction SilentlyContinue -ErrorVariable failed
        Clear-TestFaults
        $lost = @($failed | Where-Object { $_.Exception.RequestUri.AbsolutePath -like '*/reply' })
        $lost.Count | Should -BeGreaterThan 0
        $lost | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.response_lost,*' }
        $replies = $threads | ForEach-Object {
            @((Get-IntercomMessageThread -Email $_.Email -ThreadId $_.ThreadId).Messages | Where-Object Html -eq '<p>Any news?</p>').Count
        }
        $replies | Where-Object { $_ -gt 1 } | Should -BeNullOrEmpty
        ($replies | Measure-Object -Sum).Sum | Should -Be ($replied.Count + $lost.Count)
        (Get-TestRequestCount 'POST /conversations/{conversation_id}/reply') - $before | Should -Be ($replied.Count + $lost.Count)
    }

    It 'starts each conversation at most once: a lost one is reported as maybe applied, never started again' {
        $before = Get-TestRequestCount 'POST /conversations'
        Set-TestFaults @{ drop_rate = 0.3; fault_seed = 5 }
        $emails = 1..12 | ForEach-Object { "asker$_@example.com" }
        $started = $emails | New-IntercomMessageThread -Body 'Second question' -ThrottleLimit 1 -ErrorAction SilentlyContinue -ErrorVariable failed
        Clear-TestFaults
        $lost = @($failed | Where-Object { $_.Exception.MayHaveBeenApplied })
        $lost.Count | Should -BeGreaterThan 0
        $counts = $emails | ForEach-Object { @(Get-IntercomMessageThread -Email $_ | Where-Object { $_.Messages[0].Html -eq '<p>Second question</p>' }).Count }
        $counts | Where-Object { $_ -gt 1 } | Should -BeNullOrEmpty
        ($counts | Measure-Object -Sum).Sum | Should -Be ((Get-TestRequestCount 'POST /conversations') - $before)
        ($counts | Measure-Object -Sum).Sum | Should -BeGreaterOrEqual $started.Count
    }
}
