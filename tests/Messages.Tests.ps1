# Send-IntercomMessage: an admin's message to users (REST API 2.x's POST /messages), in-app or an email, output as
# Intercom answered it and never read back: the real service opens the message's conversation only when the user
# replies (or at once with -OpenConversation), so an answer without one is a success. The emulator opens it at once,
# so the thread cmdlets read it; a loopback server answers as the real service does. What v1 cannot do is refused.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Invoke-Raw([string] $Path) {
        # The conversation as the 2.14 face answers it, bypassing the module.
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14'; Accept = 'application/json' }
        Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, $Path.TrimStart('/'))) -Headers $headers
    }

    function Get-SentCount { Get-TestRequestCount 'POST /messages' }
}

AfterAll {
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'Send-IntercomMessage on REST API 2.14' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        $script:ann = New-IntercomUser -UserId 'm1' -Email 'ann@example.com' -Name 'Ann'
        $script:carl = New-IntercomUser -UserId 'm2' -Email 'carl@example.com' -Name 'Carl' -CreatedAt '2020-01-01T00:00:00Z'
        $script:me = (Get-IntercomSession).AdminId
        $script:other = $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, 'Olga Other', 'olga@example.com', $false).GetAwaiter().GetResult()
    }

    AfterEach { Clear-TestFaults }

    It 'writes what Intercom answered for each piped user, from the session''s admin, and reads nothing back' {
        $before, $sentBefore = (Get-TestRequestCount), (Get-SentCount)
        $sent = $ann, $carl | Send-IntercomMessage 'Your trial ends on Friday'
        # Piped users carry their contact id and the session knows its admin: the two POSTs are all that was asked.
        Get-SentCount | Should -Be ($sentBefore + 2)
        Get-TestRequestCount | Should -Be ($before + 2)

        $sent | Should -HaveCount 2
        $sent.Email | Should -Be 'ann@example.com', 'carl@example.com'
        $sent.UserId | Should -Be 'm1', 'm2'
        $sent.ContactId | Should -Be $ann.Id, $carl.Id
        $sent | ForEach-Object {
            $_ | Should -BeOfType IntercomPS.SentMessage
            $_.MessageType | Should -Be 'inapp'
            $_.Subject | Should -BeNullOrEmpty
            $_.Body | Should -Be 'Your trial ends on Friday'
            $_.FromAdminId | Should -Be $me
            $_.SentAt.Kind | Should -Be 'Utc'
            # The answer's message is the conversation's first message (the emulator opens it at once).
            $raw = Invoke-Raw "conversations/$($_.ConversationId)"
            $raw.source.id | Should -Be $_.MessageId
            $raw.source.delivered_as | Should -Be 'admin_initiated'
            [DateTimeOffset]::FromUnixTimeSeconds($raw.created_at).UtcDateTime | Should -Be $_.SentAt
            $raw.contacts.contacts[0].id | Should -Be $_.ContactId
        }
    }

    It 'sends an email with its subject as another admin (-From)' {
        $sent = Send-IntercomMessage -Email 'ann@example.com' -MessageType Email -Subject 'Your renewal' -Body 'Your plan renews next week.' -From $other
        $sent.MessageType | Should -Be 'email'
        $sent.Subject | Should -Be 'Your renewal'
        $sent.FromAdminId | Should -Be $other
        $sent.Email | Should -Be 'ann@example.com'
        $sent.ContactId | Should -Be $ann.Id
    }

    It 'takes the admin the session was connected with (Connect-Intercom -AdminId)' {
        $session = Connect-TestIntercomV2 -AdminId $other -PassThru
        (Send-IntercomMessage -UserId 'm2' -Body 'Hello from Olga' -Session $session).FromAdminId | Should -Be $other
    }

    It 'with -OpenConversation, pipes on to Get-IntercomMessageThread (ConversationId binds -ThreadId) and to a reply' {
        $sent = Send-IntercomMessage -Email 'carl@example.com' -MessageType Email -Subject 'Your renewal' -Body 'Your plan renews next week.' -OpenConversation
        $thread = $sent | Get-IntercomMessageThread
        $thread | Should -HaveCount 1
        $thread.ThreadId | Should -Be $sent.ConversationId
        $thread.MessageType | Should -Be 'email'
        $thread.Subject | Should -Be 'Your renewal'
        $thread.Messages[0].Html | Should -Be '<p>Your plan renews next week.</p>'
        $thread.Messages[0].From.Id | Should -Be $sent.FromAdminId
        ($thread | Add-IntercomMessageReply -Body 'Thanks!').Messages.Html | Should -Be '<p>Your plan renews next week.</p>', '<p>Thanks!</p>'
    }

    It 'pipes on to the user cmdlets by the user''s properties only: the message''s time is no signed-up date' {
        $sent = Send-IntercomMessage -UserId 'm2' -Body 'Checking in'
        $updated = $sent | Set-IntercomUser -Name 'Carl Checked' -PassThru
        $updated.Id | Should -Be $carl.Id
        $updated.Name | Should -Be 'Carl Checked'
        $updated.CreatedAt | Should -Be $carl.CreatedAt
    }

    It 'sends nothing with -WhatIf, and names each recipient' {
        $before = Get-SentCount
        (Invoke-TestPwsh -Api V2 "'ann@example.com', 'carl@example.com' | Send-IntercomMessage 'Not sent' -WhatIf").Lines | Should -Be @(
            'What if: Performing the operation "Send an in-app message" on target "ann@example.com".'
            'What if: Performing the operation "Send an in-app message" on target "carl@example.com".'
        )
        (Invoke-TestPwsh -Api V2 "Send-IntercomMessage -UserId m1 -MessageType Email -Subject 'Renewal' -Body 'Not sent' -WhatIf").Lines |
            Should -Be 'What if: Performing the operation "Send the email ''Renewal''" on target "m1".'
        Get-SentCount | Should -Be $before
    }

    It 'refuses an email without -Subject, and a subject on an in-app message, before anything is sent' {
        $before = Get-TestRequestCount
        { $ann | Send-IntercomMessage 'Hi' -MessageType Email -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage 'An email needs a subject: give -Subject*'
        { $ann | Send-IntercomMessage 'Hi' -Subject 'Hello' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage 'Only an email has a subject*'
        Get-TestRequestCount | Should -Be $before
    }

    It 'reports an unknown admin and an unknown user per user, and goes on with the rest' {
        $sent = Send-IntercomMessage -Email 'ann@example.com' -Body 'From nobody' -From 424242 -ErrorAction SilentlyContinue -ErrorVariable failed
        $sent | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.admin_not_found,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'

        $before = Get-SentCount
        $sent = 'nobody@example.com', 'carl@example.com' | Send-IntercomMessage 'Hello' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].TargetObject | Should -Be 'nobody@example.com'
        $sent.Email | Should -Be 'carl@example.com'
        Get-SentCount | Should -Be ($before + 1) # the unknown user was found to be no one before anything was sent
    }

    It 'never sends a message twice: a lost answer is reported as maybe sent, not retried' {
        $before = Get-SentCount
        Set-TestFaults @{ drop_rate = 1; route = 'POST /messages' }
        $sent = Send-IntercomMessage -Email 'carl@example.com' -Body 'Once only' -ErrorAction SilentlyContinue -ErrorVariable failed
        Clear-TestFaults
        $sent | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-SentCount | Should -Be ($before + 1)
    }
}

Describe 'Send-IntercomMessage against a server that answers as the real service (a loopback server)' {
    BeforeAll {
        # The description's createMessage: the answer names no conversation until the contact replies, unless the
        # request set create_conversation_without_contact_reply; its admin message carries the admin as owner.
        $server = [IntercomPS.Testing.LoopbackServer]::new()
        $null = $server.Answer('GET /me', 200, '{"type":"admin","id":"7","name":"Ada","email":"ada@example.com","app":{"id_code":"loop","name":"Loop"}}')
        $owner = '"owner":{"type":"admin","id":"7","name":"Ada","email":"ada@example.com","away_mode_enabled":false,"away_mode_reassign":false}'
        $null = $server.Answer('POST /messages', 200, '{"type":"admin_message","id":"4051","created_at":1765100000,"subject":"","body":"<p>Your trial ends on Friday</p>","message_type":"inapp",' + $owner + '}')
        $null = $server.Answer('POST /messages', 200, '{"type":"admin_message","id":"4052","created_at":1765100060,"subject":"Renewal","body":"Renews next week","message_type":"email","conversation_id":"880",' + $owner + '}',
            '', 'Whole', '"create_conversation_without_contact_reply":true')
        $session = Connect-Intercom -AccessToken (ConvertTo-SecureString 'loop-token' -AsPlainText -Force) -BaseUri ([uri]::new($server.ApiUri, '/')) -MaxRetry 0 -PassThru
        $contact = '{0:x24}' -f 1
    }
    AfterAll { $server.Dispose() }

    It 'an answer naming no conversation is a success, ConversationId null, built from the answer alone, with nothing read back' {
        $seen = $server.Requests.Count
        $sent = Send-IntercomMessage -Id $contact -From 7 -Body 'Your trial ends on Friday' -Session $session -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        @($server.Requests)[$seen..($server.Requests.Count - 1)] | Should -Be 'POST /messages'
        @($server.Bodies)[-1] | Should -Not -BeLike '*create_conversation_without_contact_reply*'
        $sent.MessageId | Should -Be '4051'
        $sent.ConversationId | Should -BeNullOrEmpty
        $sent.MessageType | Should -Be 'inapp'
        $sent.Subject | Should -BeNullOrEmpty
        $sent.Body | Should -Be '<p>Your trial ends on Friday</p>' # as answered, not as sent
        $sent.SentAt | Should -Be ([DateTimeOffset]::FromUnixTimeSeconds(1765100000).UtcDateTime)
        $sent.FromAdminId | Should -Be '7'
        $sent.ContactId | Should -Be $contact
    }

    It 'a sent message that opened no conversation, piped to any thread cmdlet, is refused saying why, and nothing is sent' {
        # Before, the cmdlets with a mandatory -ThreadId failed on PowerShell's null binding, and Get-IntercomMessageThread
        # listed every thread of the user the message went to, as if no thread had been named.
        $sent = Send-IntercomMessage -Id $contact -From 7 -Body 'Your trial ends on Friday' -Session $session
        $sent.ConversationId | Should -BeNullOrEmpty
        $seen = $server.Requests.Count
        $refused = [System.Collections.ArrayList]::new()
        $out = @(
            $sent | Get-IntercomMessageThread -Session $session -ErrorAction SilentlyContinue -ErrorVariable +refused
            $sent | Add-IntercomMessageReply 'Thanks' -Session $session -ErrorAction SilentlyContinue -ErrorVariable +refused
            $sent | Set-IntercomMessageThread -State Closed -Session $session -ErrorAction SilentlyContinue -ErrorVariable +refused
            $sent | Add-IntercomMessageThreadUser -Email 'ann@example.com' -Session $session -ErrorAction SilentlyContinue -ErrorVariable +refused
            $sent | Remove-IntercomMessageThreadUser -Email 'ann@example.com' -Confirm:$false -Session $session -ErrorAction SilentlyContinue -ErrorVariable +refused
            $sent | Remove-IntercomMessageThread -Force -Session $session -ErrorAction SilentlyContinue -ErrorVariable +refused
            $sent | ConvertTo-IntercomTicket -TicketType 7 -Session $session -ErrorAction SilentlyContinue -ErrorVariable +refused
        )
        $out | Should -BeNullOrEmpty
        $refused | Should -HaveCount 7
        $refused | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
            $_.Exception.Message | Should -Be "Message 4051 to $contact opened no conversation yet, so it names no thread: Intercom opens one when the user replies, or at once for a message sent with Send-IntercomMessage -OpenConversation."
            $_.TargetObject | Should -Be $sent
        }
        $server.Requests.Count | Should -Be $seen
    }

    It '-OpenConversation sends create_conversation_without_contact_reply, and the conversation the answer names is output' {
        $seen = $server.Requests.Count
        $sent = Send-IntercomMessage -Id $contact -From 7 -MessageType Email -Subject 'Renewal' -Body 'Renews next week' -OpenConversation -Session $session
        @($server.Requests)[$seen..($server.Requests.Count - 1)] | Should -Be 'POST /messages'
        @($server.Bodies)[-1] | Should -BeLike '*"create_conversation_without_contact_reply":true*'
        $sent.MessageId | Should -Be '4052'
        $sent.ConversationId | Should -Be '880'
        $sent.Subject | Should -Be 'Renewal'
    }
}

Describe 'Send-IntercomMessage on v1' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercom
        $null = New-IntercomUser -UserId 'v1m' -Email 'ben@example.com'
    }

    It 'is refused as not_supported, and nothing is sent' {
        $before = Get-TestRequestCount
        { 'ben@example.com' | Send-IntercomMessage 'Hello' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage 'The v1 API cannot send a message as an admin*'
        Get-TestRequestCount | Should -Be $before
        Get-IntercomMessageThread -Email 'ben@example.com' | Should -BeNullOrEmpty
    }
}
