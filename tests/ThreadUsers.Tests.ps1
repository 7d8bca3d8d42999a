# Users joining and leaving a conversation on REST API 2.14 (Add- and Remove-IntercomMessageThreadUser): the thread by
# -ThreadId or piped, the user by -Email / -UserId / -Id or piped, by the session's admin or -AdminId. Each effect is read
# back through raw HTTP (Invoke-RestMethod against the emulator's 2.14 face), not through the cmdlets that made it.
# v1 refuses both before any request.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Invoke-Raw([string] $Path, [string] $Method = 'GET', $Body) {
        # The 2.14 face's answer, bypassing the module.
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14'; Accept = 'application/json' }
        $json = if ($null -ne $Body) { $Body | ConvertTo-Json -Depth 5 } else { $null }
        Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, $Path.TrimStart('/'))) -Method $Method -Headers $headers -Body $json -ContentType 'application/json'
    }

    function Get-RawContactIds([long] $ThreadId) {
        @((Invoke-Raw "conversations/$ThreadId").contacts.contacts.id)
    }
}

AfterAll {
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'Users joining and leaving a thread on v1' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercom
        $null = New-IntercomUser -UserId '7902' -Email 'ben@example.com' -Name 'Ben'
        $null = New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann'
        $thread = New-IntercomMessageThread -Email 'ben@example.com' -Body 'Help'
    }

    It 'is refused before any request' {
        $before = Get-TestRequestCount
        { Add-IntercomMessageThreadUser -ThreadId $thread.ThreadId -Email 'ann@example.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage 'Adding a user to a conversation needs REST API 2.x*'
        { Remove-IntercomMessageThreadUser -ThreadId $thread.ThreadId -Email 'ben@example.com' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage 'Removing a user from a conversation needs REST API 2.x*'
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'Users joining and leaving a thread on REST API 2.14' {
    BeforeAll {
        Reset-TestApp
        $v1 = Connect-TestIntercom -PassThru
        $null = New-IntercomUser -UserId '7902' -Email 'ben@example.com' -Name 'Ben' -Session $v1
        $null = New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann' -Session $v1
        $null = New-IntercomUser -UserId '1002' -Email 'cy@example.com' -Name 'Cy' -Session $v1
        Connect-TestIntercomV2
        $ben = Get-IntercomUser -Email 'ben@example.com'
        $ann = Get-IntercomUser -Email 'ann@example.com'
        $cy = Get-IntercomUser -Email 'cy@example.com'
    }

    BeforeEach {
        $thread = New-IntercomMessageThread -Email 'ben@example.com' -Body 'Can my colleagues see this?'
    }

    It 'adds a user named by -Email to the thread -ThreadId names, and answers only with -PassThru' {
        Add-IntercomMessageThreadUser -ThreadId $thread.ThreadId -Email 'ann@example.com' | Should -BeNullOrEmpty
        Get-RawContactIds $thread.ThreadId | Should -Be @($ben.Id, $ann.Id)
        $read = Get-IntercomMessageThread -ThreadId $thread.ThreadId
        $read.ContactIds | Should -Be @($ben.Id, $ann.Id)
        $read.UserId | Should -Be '7902' # still the thread of the user it is with

        $passed = Add-IntercomMessageThreadUser -ThreadId $thread.ThreadId -UserId '1002' -PassThru
        $passed | Should -BeOfType ([IntercomPS.MessageThread])
        $passed.ThreadId | Should -Be $thread.ThreadId
        $passed.ContactIds | Should -Be @($ben.Id, $ann.Id, $cy.Id)
    }

    It 'adds the user -Email names to a piped thread, never the thread''s own user its properties carry' {
        $added = Get-IntercomMessageThread -ThreadId $thread.ThreadId | Add-IntercomMessageThreadUser -Email 'ann@example.com' -PassThru
        $added.ContactIds | Should -Be @($ben.Id, $ann.Id)
        $added = $thread | Add-IntercomMessageThreadUser -Id $cy.Id -PassThru
        $added.ContactIds | Should -Be @($ben.Id, $ann.Id, $cy.Id)
    }

    It 'adds the user -Email names to the thread a piped sent message opened, never the user it was sent to' {
        $sent = Send-IntercomMessage -Email 'ben@example.com' -Body 'Your invoice is ready' -OpenConversation -Confirm:$false
        $added = $sent | Add-IntercomMessageThreadUser -Email 'ann@example.com' -PassThru
        $added.ThreadId | Should -Be $sent.ConversationId
        $added.ContactIds | Should -Be @($ben.Id, $ann.Id)
        Get-RawContactIds $sent.ConversationId | Should -Be @($ben.Id, $ann.Id)
        $sent | Remove-IntercomMessageThreadUser -Id $ann.Id -Confirm:$false
        Get-RawContactIds $sent.ConversationId | Should -Be @($ben.Id)
    }

    It 'refuses a piped sent message with no user named, or one that opened no conversation yet, before any request' {
        $sent = Send-IntercomMessage -Email 'ben@example.com' -Body 'Your invoice is ready' -OpenConversation -Confirm:$false
        $before = Get-TestRequestCount
        $sent | Add-IntercomMessageThreadUser -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $failed[0].Exception.Message | Should -Be "Message $($sent.MessageId) names the thread it opened ($($sent.ConversationId)): name the user to add to it with -Email, -UserId or -Id."
        $failed[0].TargetObject | Should -Be $sent

        # One that opened no conversation yet (ConversationId null) names no thread, and is told why.
        $unopened = [IntercomPS.SentMessage]@{ MessageId = '77'; Email = 'ben@example.com'; UserId = '7902'; ContactId = $ben.Id }
        $unopened | Add-IntercomMessageThreadUser -Email 'ann@example.com' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $failed[0].Exception.Message | Should -BeLike 'Message 77 to ben@example.com opened no conversation yet, so it names no thread:*'
        $failed[0].TargetObject | Should -Be $unopened
        Get-TestRequestCount | Should -Be $before
        Get-RawContactIds $sent.ConversationId | Should -Be @($ben.Id)
    }

    It 'refuses a piped thread with no user named, before any request' {
        $before = Get-TestRequestCount
        $thread | Add-IntercomMessageThreadUser -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Be "Thread $($thread.ThreadId) is the thread: name the user to add to it with -Email, -UserId or -Id."
        $failed[0].TargetObject | Should -Be $thread
        Get-TestRequestCount | Should -Be $before
        Get-RawContactIds $thread.ThreadId | Should -Be @($ben.Id)
    }

    It 'refuses a piped thread beside a -ThreadId naming another, adding to and removing from neither' {
        # PowerShell binds the command line's -ThreadId and skips the piped thread's own: the user joined (and left) the other conversation.
        $other = New-IntercomMessageThread -Email 'ben@example.com' -Body 'Another question'
        $null = Add-IntercomMessageThreadUser -ThreadId $other.ThreadId -Email 'ann@example.com'
        $before = Get-TestRequestCount
        $thread | Add-IntercomMessageThreadUser -ThreadId $other.ThreadId -Email 'cy@example.com' -ErrorVariable added -ErrorAction SilentlyContinue
        $thread | Remove-IntercomMessageThreadUser -ThreadId $other.ThreadId -Email 'ann@example.com' -Confirm:$false -ErrorVariable removed -ErrorAction SilentlyContinue
        foreach ($failed in $added, $removed) {
            $failed | Should -HaveCount 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
            $failed[0].Exception.Message | Should -Be "Thread $($thread.ThreadId) names its thread, and -ThreadId names another ($($other.ThreadId)): pipe it alone, or name the thread by -ThreadId alone."
            $failed[0].TargetObject | Should -Be $thread
        }
        Get-TestRequestCount | Should -Be $before
        Get-RawContactIds $thread.ThreadId | Should -Be @($ben.Id)
        Get-RawContactIds $other.ThreadId | Should -Be @($ben.Id, $ann.Id)
    }

    It 'adds piped users, each once, and the thread is found by each of them' {
        Get-IntercomUser -Email 'ann@example.com', 'cy@example.com' | Add-IntercomMessageThreadUser -ThreadId $thread.ThreadId
        Get-IntercomUser -Email 'ann@example.com' | Add-IntercomMessageThreadUser -ThreadId $thread.ThreadId # already there: nothing changes
        # The two piped users are added side by side (up to -ThrottleLimit at once), so they join in whichever order
        # their requests arrive; each exactly once, after the thread's own user.
        $ids = @(Get-RawContactIds $thread.ThreadId)
        $ids | Should -HaveCount 3
        $ids[0] | Should -Be $ben.Id
        $ids[1..2] | Sort-Object | Should -Be (@($ann.Id, $cy.Id) | Sort-Object)
        (Get-IntercomMessageThread -Email 'cy@example.com').ThreadId | Should -Contain $thread.ThreadId
    }

    It 'adds nobody with -WhatIf, and says what it would do' {
        $before = Get-TestRequestCount 'POST /conversations/{conversation_id}/customers'
        (Invoke-TestPwsh -Api V2 "'ann@example.com', 'cy@example.com' | Add-IntercomMessageThreadUser -ThreadId $($thread.ThreadId) -AdminId 42 -WhatIf").Lines | Should -Be @(
            "What if: Performing the operation ""Add to Intercom conversation $($thread.ThreadId) as admin 42"" on target ""ann@example.com""."
            "What if: Performing the operation ""Add to Intercom conversation $($thread.ThreadId) as admin 42"" on target ""cy@example.com""."
        )
        Get-TestRequestCount 'POST /conversations/{conversation_id}/customers' | Should -Be $before
        Get-RawContactIds $thread.ThreadId | Should -Be @($ben.Id)
    }

    It 'refuses a user that is not there without making a lead of the email, and an admin that is not there' {
        Add-IntercomMessageThreadUser -ThreadId $thread.ThreadId -Email 'nobody@example.com' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        (Invoke-Raw 'contacts/search' -Method POST -Body @{ query = @{ field = 'email'; operator = '='; value = 'nobody@example.com' } }).total_count | Should -Be 0

        Add-IntercomMessageThreadUser -ThreadId $thread.ThreadId -Email 'ann@example.com' -AdminId '999999' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.admin_not_found,*'
        Get-RawContactIds $thread.ThreadId | Should -Be @($ben.Id)
    }

    It 'refuses a thread that is not there' {
        Add-IntercomMessageThreadUser -ThreadId 999999 -Email 'ann@example.com' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].Exception.Message | Should -BeLike '*Resource Not Found*'
    }

    It 'removes users, the thread''s own too while another stays, but never the last one' {
        Add-IntercomMessageThreadUser -ThreadId $thread.ThreadId -Email 'ann@example.com'
        $left = Remove-IntercomMessageThreadUser -ThreadId $thread.ThreadId -Email 'ben@example.com' -Confirm:$false -PassThru
        $left.ContactIds | Should -Be @($ann.Id)
        Get-RawContactIds $thread.ThreadId | Should -Be @($ann.Id)

        Get-IntercomUser -Email 'ann@example.com' | Remove-IntercomMessageThreadUser -ThreadId $thread.ThreadId -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -BeLike '*Removing the last customer is not allowed*'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_invalid,*'
        $failed[0].TargetObject.Email | Should -Be 'ann@example.com'
        Get-RawContactIds $thread.ThreadId | Should -Be @($ann.Id)
    }

    It 'names one and the same user in a thread read after its own user left: the first of its contacts' {
        Add-IntercomMessageThreadUser -ThreadId $thread.ThreadId -Email 'ann@example.com'
        Remove-IntercomMessageThreadUser -ThreadId $thread.ThreadId -Email 'ben@example.com' -Confirm:$false
        $read = Get-IntercomMessageThread -ThreadId $thread.ThreadId
        $read.ContactId | Should -Be $ann.Id
        $read.UserId | Should -Be '1001'
        # Ann has written nothing, and a conversation's contacts carry no email: none, rather than Ben's from the first message.
        $read.Email | Should -BeNullOrEmpty
        $read.Messages[0].From.Email | Should -Be 'ben@example.com'
    }

    It 'refuses to remove a user the thread is not with' {
        $thread | Remove-IntercomMessageThreadUser -UserId '1002' -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].Exception.Message | Should -BeLike '*User Not Found*'
        Get-RawContactIds $thread.ThreadId | Should -Be @($ben.Id)
    }

    It 'removes nobody with -WhatIf, and asks first at ConfirmImpact Medium' {
        Add-IntercomMessageThreadUser -ThreadId $thread.ThreadId -Email 'ann@example.com'
        $before = Get-TestRequestCount
        Remove-IntercomMessageThreadUser -ThreadId $thread.ThreadId -Email 'ann@example.com' -WhatIf
        Get-TestRequestCount | Should -Be $before
        Get-RawContactIds $thread.ThreadId | Should -Be @($ben.Id, $ann.Id)
        (Get-Command Remove-IntercomMessageThreadUser).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'Medium'
    }

    It 'answers to its REST API 2.x names' {
        Add-IntercomConversationUser -ThreadId $thread.ThreadId -Email 'ann@example.com'
        Remove-IntercomConversationUser -ThreadId $thread.ThreadId -Email 'ann@example.com' -Confirm:$false
        Get-RawContactIds $thread.ThreadId | Should -Be @($ben.Id)
    }
}
