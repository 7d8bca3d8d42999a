# Send-IntercomMessage: an admin's message to users (REST API 2.x's POST /messages), in-app or an email. Each message
# is a conversation the admin started, read back through the thread cmdlets and raw HTTP; what v1 cannot do is refused.

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
        $script:carl = New-IntercomUser -UserId 'm2' -Email 'carl@example.com' -Name 'Carl'
        $script:me = (Get-IntercomSession).AdminId
        $script:other = $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, 'Olga Other', 'olga@example.com', $false).GetAwaiter().GetResult()
    }

    AfterEach { Clear-TestFaults }

    It 'sends an in-app message to each piped user, from the session''s admin, as a thread the admin started' {
        $threads = $ann, $carl | Send-IntercomMessage 'Your trial ends on Friday'
        $threads | Should -HaveCount 2
        $threads.Email | Should -Be 'ann@example.com', 'carl@example.com'
        $threads | ForEach-Object {
            $_ | Should -BeOfType IntercomPS.MessageThread
            $_.CreatedByUser | Should -BeFalse
            $_.Read | Should -BeFalse # not yet by the user
            $_.MessageType | Should -Be 'inbox'
            $_.Subject | Should -BeNullOrEmpty
            $_.Messages[0].Html | Should -Be '<p>Your trial ends on Friday</p>'
            $_.Messages[0].From.IsAdmin | Should -BeTrue
            $_.Messages[0].From.Id | Should -Be $me
        }
        $raw = Invoke-Raw "conversations/$($threads[1].ThreadId)"
        $raw.source.delivered_as | Should -Be 'admin_initiated'
        $raw.contacts.contacts[0].id | Should -Be $carl.Id
    }

    It 'sends an email with its subject as another admin (-From), and the thread shows on Get-IntercomMessageThread' {
        $sent = Send-IntercomMessage -Email 'ann@example.com' -MessageType Email -Subject 'Your renewal' -Body 'Your plan renews next week.' -From $other
        $sent.MessageType | Should -Be 'email'
        $sent.Subject | Should -Be 'Your renewal'
        $sent.Messages[0].From.Id | Should -Be $other

        $threads = Get-IntercomMessageThread -Email 'ann@example.com'
        $threads.ThreadId | Should -Contain $sent.ThreadId
        $read = Get-IntercomMessageThread -Email 'ann@example.com' -ThreadId $sent.ThreadId
        $read.Subject | Should -Be 'Your renewal'
        $read.Messages[0].Html | Should -Be '<p>Your plan renews next week.</p>'
        # It pipes on: the user's answer lands in the same conversation.
        ($sent | Add-IntercomMessageReply -Body 'Thanks!').Messages.Html | Should -Be '<p>Your plan renews next week.</p>', '<p>Thanks!</p>'
    }

    It 'takes the admin the session was connected with (Connect-Intercom -AdminId)' {
        $session = Connect-TestIntercomV2 -AdminId $other -PassThru
        (Send-IntercomMessage -UserId 'm2' -Body 'Hello from Olga' -Session $session).Messages[0].From.Id | Should -Be $other
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
