# Notes, message threads and impressions on v1. What TagsNotesOnBothApis.Tests.ps1 (notes) and
# ThreadsOnBothApis.Tests.ps1 (threads) prove on both APIs, v1 included, is not repeated here.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Connect-TestIntercom
}

AfterAll { Disconnect-Intercom }

Describe 'Add-IntercomNote' {
    BeforeAll {
        Reset-TestApp
        New-IntercomUser -UserId '7902' -Email 'ben@intercom.io' -Name 'Ben McRedmond'
        New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann Archer'
        New-IntercomUser -UserId '1003' -Email 'carl@example.com' -Name 'Carl Cooper'
    }

    It 'notes a phone call on a piped user (Example 1)' {
        $note = Get-IntercomUser -Email 'ben@intercom.io' | Add-IntercomNote 'Called about renewal'
        $note | Should -BeOfType ([IntercomPS.Note])
        $note.Html | Should -BeExactly '<p>Called about renewal</p>'
        $note.User.Email | Should -Be 'ben@intercom.io'
        $note.User.Name | Should -Be 'Ben McRedmond'
        $note.CreatedAt | Should -BeOfType ([datetime])
    }

    It 'notes the same thing on several users, by user id and by piped emails (Example 2)' {
        $notes = @(
            Add-IntercomNote -Body 'Invited to the beta' -UserId 7902
            'ann@example.com', 'carl@example.com' | Add-IntercomNote -Body 'Invited to the beta'
        )
        $notes | Should -HaveCount 3
        ($notes | ForEach-Object { $_.User.Email }) | Should -Be 'ben@intercom.io', 'ann@example.com', 'carl@example.com'
        ($notes | Where-Object { $_.Html -eq '<p>Invited to the beta</p>' }) | Should -HaveCount 3
    }

    It 'renders the body as escaped HTML paragraphs' {
        $note = Add-IntercomNote -Email 'ann@example.com' -Body "Plan <b>pro</b> & more`n`nSecond paragraph"
        $note.Html | Should -BeExactly "<p>Plan &lt;b&gt;pro&lt;/b&gt; &amp; more</p>`n`n<p>Second paragraph</p>"
    }

    It 'sends nothing with -WhatIf, and says what it would do' {
        $before = Get-TestRequestCount 'POST /v1/users/notes'
        (Invoke-TestPwsh "'ann@example.com', 'carl@example.com' | Add-IntercomNote 'Not really' -WhatIf").Lines | Should -Be @(
            'What if: Performing the operation "Add a note" on target "ann@example.com".'
            'What if: Performing the operation "Add a note" on target "carl@example.com".'
        )
        Get-TestRequestCount 'POST /v1/users/notes' | Should -Be $before
    }

    It 'refuses an empty body before sending anything' {
        { Add-IntercomNote -Email 'ann@example.com' -Body '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe 'Message threads' {
    BeforeAll {
        Reset-TestApp
        New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann Archer'
        New-IntercomUser -UserId '1003' -Email 'carl@example.com' -Name 'Carl Cooper'
        New-IntercomUser -UserId '1004' -Email 'dora@example.com' -Name 'Dora Diaz'
        $null = New-IntercomTag -Name 'vip' -Email 'ann@example.com', 'carl@example.com'
    }

    It 'a user without threads has none, and no unread messages' {
        Get-IntercomMessageThread -Email 'dora@example.com' | Should -BeNullOrEmpty
        (New-IntercomImpression -Email 'dora@example.com').UnreadMessages | Should -Be 0
    }

    It 'starts a thread from the user (New-IntercomMessageThread Example 1)' {
        $thread = New-IntercomMessageThread -Email 'ann@example.com' -Body 'How do I export my data?' -Url 'https://example.com/settings'
        $thread | Should -BeOfType ([IntercomPS.MessageThread])
        $thread.ThreadId | Should -BeGreaterThan 0
        $thread.Email | Should -Be 'ann@example.com'
        $thread.CreatedByUser | Should -BeTrue
        $thread.Read | Should -BeTrue
        $thread.Messages | Should -HaveCount 1
        $thread.Messages[0].Html | Should -BeExactly '<p>How do I export my data?</p>'
        $thread.Messages[0].Url | Should -Be 'https://example.com/settings'
        $thread.Messages[0].From.IsAdmin | Should -BeFalse
    }

    It 'starts the same question for several users (New-IntercomMessageThread Example 2)' {
        $threads = 'ann@example.com', 'carl@example.com' | New-IntercomMessageThread 'Is the beta still open?'
        $threads.Email | Should -Be 'ann@example.com', 'carl@example.com'
        ($threads | ForEach-Object { $_.Messages[0].Html }) | Should -Be '<p>Is the beta still open?</p>', '<p>Is the beta still open?</p>'
        (Get-IntercomMessageThread -Email 'ann@example.com') | Should -HaveCount 2
        (Get-IntercomMessageThread -Email 'carl@example.com') | Should -HaveCount 1
    }

    It 'starts no thread with -WhatIf, and says what it would do' {
        (Invoke-TestPwsh "New-IntercomMessageThread -Email 'dora@example.com' -Body 'Not sent' -WhatIf").Lines |
            Should -Be 'What if: Performing the operation "Start a message thread" on target "dora@example.com".'
        Get-IntercomMessageThread -Email 'dora@example.com' | Should -BeNullOrEmpty
    }

    It 'an admin answer leaves the thread unread and shows in impressions' {
        $thread = (Get-IntercomMessageThread -Email 'carl@example.com')[0]
        Add-TestAdminReply -Email 'carl@example.com' -ThreadId $thread.ThreadId -Body 'Yes, it is open until June.'
        $after = Get-IntercomMessageThread -Email 'carl@example.com' -ThreadId $thread.ThreadId
        $after.Read | Should -BeFalse
        $after.Messages | Should -HaveCount 2
        (New-IntercomImpression -Email 'carl@example.com').UnreadMessages | Should -Be 1
    }

    It 'finds the unread threads of every vip user (Get-IntercomMessageThread Example 2)' {
        $unread = Get-IntercomUser -Tag 'vip' | Get-IntercomMessageThread | Where-Object { -not $_.Read }
        $unread | Should -HaveCount 1
        $unread[0].Email | Should -Be 'carl@example.com'
    }

    It 'gets one thread when a thread object is piped back in' {
        $thread = (Get-IntercomMessageThread -Email 'carl@example.com')[0]
        ($thread | Get-IntercomMessageThread).ThreadId | Should -Be $thread.ThreadId
    }

    It 'reports an unknown thread as not found' {
        { Get-IntercomMessageThread -Email 'ann@example.com' -ThreadId 999999 -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'reports the threads of an unknown user as not found' {
        { Get-IntercomMessageThread -Email 'nobody@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }
}

Describe 'Add-IntercomMessageReply and Set-IntercomMessageThread' {
    BeforeEach {
        Reset-TestApp
        New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann Archer'
        $first = New-IntercomMessageThread -Email 'ann@example.com' -Body 'The export button does nothing.'
        $second = New-IntercomMessageThread -Email 'ann@example.com' -Body 'Where is the invoice?'
        $third = New-IntercomMessageThread -Email 'ann@example.com' -Body 'Thanks for the welcome.'
        Add-TestAdminReply -Email 'ann@example.com' -ThreadId $first.ThreadId -Body 'We have fixed it, please try again.'
        Add-TestAdminReply -Email 'ann@example.com' -ThreadId $second.ThreadId -Body 'It is in Settings.'
    }

    It 'replies to a thread as the user, which reads it (Add-IntercomMessageReply Example 1)' {
        $thread = Add-IntercomMessageReply -Email 'ann@example.com' -ThreadId $first.ThreadId -Body 'Thanks, that worked.'
        $thread.ThreadId | Should -Be $first.ThreadId
        $thread.Messages | Should -HaveCount 3
        $thread.Messages[2].Html | Should -BeExactly '<p>Thanks, that worked.</p>'
        $thread.Messages[2].From.IsAdmin | Should -BeFalse
        $thread.Read | Should -BeTrue
        (New-IntercomImpression -Email 'ann@example.com').UnreadMessages | Should -Be 1
    }

    It 'sends no reply with -WhatIf' {
        (Invoke-TestPwsh "Add-IntercomMessageReply -Email 'ann@example.com' -ThreadId $($first.ThreadId) -Body 'Not sent' -WhatIf").Lines |
            Should -Be "What if: Performing the operation ""Reply"" on target ""thread $($first.ThreadId) of ann@example.com""."

        (Get-IntercomMessageThread -Email 'ann@example.com' -ThreadId $first.ThreadId).Messages | Should -HaveCount 2
    }

    It 'reports a reply to an unknown thread as not found' {
        { Add-IntercomMessageReply -Email 'ann@example.com' -ThreadId 999999 -Body 'Hello?' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'marks every unread thread read and returns them (Set-IntercomMessageThread Example 1)' {
        $marked = Get-IntercomMessageThread -Email 'ann@example.com' | Where-Object { -not $_.Read } | Set-IntercomMessageThread -Read $true -PassThru
        $marked | Should -HaveCount 2
        ($marked | Where-Object { $_.Read }) | Should -HaveCount 2
        (New-IntercomImpression -Email 'ann@example.com').UnreadMessages | Should -Be 0
        (Get-IntercomMessageThread -Email 'ann@example.com' | Where-Object { -not $_.Read }) | Should -BeNullOrEmpty
    }

    It 'marks a thread unread again, writing nothing (Set-IntercomMessageThread Example 2)' {
        Set-IntercomMessageThread -Email 'ann@example.com' -ThreadId $first.ThreadId -Read $true
        Set-IntercomMessageThread -Email 'ann@example.com' -ThreadId $first.ThreadId -Read $false | Should -BeNullOrEmpty
        (Get-IntercomMessageThread -Email 'ann@example.com' -ThreadId $first.ThreadId).Read | Should -BeFalse
        (New-IntercomImpression -Email 'ann@example.com').UnreadMessages | Should -Be 2
    }

    It 'changes nothing with -WhatIf' {
        (Invoke-TestPwsh "Set-IntercomMessageThread -Email 'ann@example.com' -ThreadId $($first.ThreadId) -Read `$true -WhatIf").Lines |
            Should -Be "What if: Performing the operation ""Mark read"" on target ""thread $($first.ThreadId) of ann@example.com""."
        (Get-IntercomMessageThread -Email 'ann@example.com' -ThreadId $first.ThreadId).Read | Should -BeFalse
    }

    It 'takes -Read from the command line, not from the piped thread''s own Read' {
        $thread = Get-IntercomMessageThread -Email 'ann@example.com' -ThreadId $third.ThreadId
        $thread.Read | Should -BeTrue
        $thread | Set-IntercomMessageThread -Read $false
        (Get-IntercomMessageThread -Email 'ann@example.com' -ThreadId $third.ThreadId).Read | Should -BeFalse
        (Get-IntercomMessageThread -Email 'ann@example.com' -ThreadId $first.ThreadId).Read | Should -BeFalse
    }
}

Describe 'New-IntercomImpression' {
    BeforeAll {
        Reset-TestApp
        New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann Archer'
        New-IntercomUser -UserId '1003' -Email 'carl@example.com' -Name 'Carl Cooper'
        $thread = New-IntercomMessageThread -Email 'ann@example.com' -Body 'Hi'
        Add-TestAdminReply -Email 'ann@example.com' -ThreadId $thread.ThreadId -Body 'Hello Ann'
    }

    It 'records a visit and returns the unread count for that user' {
        $result = New-IntercomImpression -Email 'carl@example.com' -CurrentUrl 'https://example.com/pricing' -UserIp '81.2.69.160' -UserAgent 'Test/1.0'
        $result | Should -BeOfType ([IntercomPS.ImpressionResult])
        $result.Email | Should -Be 'carl@example.com'
        $result.UnreadMessages | Should -Be 0
        $carl = Get-IntercomUser -Email 'carl@example.com'
        $carl.LastSeenIp | Should -Be '81.2.69.160'
        $carl.LastSeenUserAgent | Should -Be 'Test/1.0'
        $carl.LastImpressionAt | Should -BeOfType ([datetime])
    }

    It 'replays a log of visits and lists who has unread messages (Example 2)' {
        $visits = @(
            [pscustomobject]@{ email = 'ann@example.com'; user_id = '1001'; user_ip = '1.2.3.4'; user_agent = 'Browser'; current_url = 'https://example.com/a' }
            [pscustomobject]@{ email = 'carl@example.com'; user_id = '1003'; user_ip = '5.6.7.8'; user_agent = 'Browser'; current_url = 'https://example.com/b' }
        )
        $unread = $visits | New-IntercomImpression | Where-Object UnreadMessages -gt 0
        $unread | Should -HaveCount 1
        $unread[0].Email | Should -Be 'ann@example.com'
        $unread[0].UserId | Should -Be '1001'
        $unread[0].UnreadMessages | Should -Be 1
        (Get-IntercomUser -Email 'carl@example.com').LastSeenIp | Should -Be '5.6.7.8'
    }

    It 'reports an unknown user as not found' {
        { New-IntercomImpression -Email 'nobody@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'records nothing with -WhatIf' {
        $before = Get-TestRequestCount 'POST /v1/users/impressions'
        (Invoke-TestPwsh "New-IntercomImpression -Email 'ann@example.com' -UserIp '9.9.9.9' -WhatIf").Lines |
            Should -Be 'What if: Performing the operation "Record an impression" on target "ann@example.com".'
        Get-TestRequestCount 'POST /v1/users/impressions' | Should -Be $before
    }
}

Describe 'The dummy app''s canned conversations (help examples as written)' {
    BeforeAll {
        $dummy = Connect-Intercom -AppId 'dummy-app-id' -ApiKey (ConvertTo-SecureString 'any' -AsPlainText -Force) -BaseUri $IntercomTestBaseUri -PassThru
    }
    AfterAll {
        Disconnect-Intercom -Session $dummy
        Connect-TestIntercom
    }

    It 'somebody@example.com has threads, some unread' {
        $threads = Get-IntercomMessageThread -Email 'somebody@example.com'
        $threads | Should -Not -BeNullOrEmpty
        ($threads | Where-Object { $_.Email -ne 'somebody@example.com' }) | Should -BeNullOrEmpty
        (New-IntercomImpression -Email 'somebody@example.com').UnreadMessages | Should -BeGreaterThan 0
    }

    It 'thread 1 has messages from the user and from an admin' {
        $messages = (Get-IntercomMessageThread -Email 'somebody@example.com' -ThreadId 1).Messages
        $messages.Count | Should -BeGreaterThan 1
        $messages.From.IsAdmin | Should -Contain $true
        $messages.From.IsAdmin | Should -Contain $false
    }

    It 'replies and notes are answered like the real API (Add-IntercomMessageReply Example 1, Add-IntercomNote)' {
        (Add-IntercomMessageReply -Email 'somebody@example.com' -ThreadId 1 -Body 'Thanks, that worked.').Messages[-1].Html | Should -Be '<p>Thanks, that worked.</p>'
        (Add-IntercomNote -Email 'somebody@example.com' -Body 'body').Html | Should -Be '<p>body</p>'
    }

    It 'not-found@example.com is a 404 and server-error@example.com a server error' {
        { Get-IntercomUser -Email 'not-found@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
        { Get-IntercomUser -Email 'server-error@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.server_error*'
    }
}
