# Block-IntercomUser on REST API 2.14 (v1 and versions before 2.13 refuse it): users and leads given or piped, their
# conversations closed afterwards as Get-IntercomMessageThread reads them, errors per input, -WhatIf sending nothing,
# a block never repeated once it may have been applied. The help's examples run here, named as in the help.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:BlockRoute = 'POST /contacts/{contact_id}/block'
}

AfterAll { Disconnect-Intercom -ErrorAction SilentlyContinue }

Describe 'Block-IntercomUser on V2' {
    BeforeEach {
        Reset-TestApp
        Connect-TestIntercomV2
        $script:spam = New-IntercomUser -Email 'spam@example.com' -UserId 'spam-1' -Name 'Spammer'
        $null = New-IntercomMessageThread -Email 'spam@example.com' -Body 'buy now'
        $null = New-IntercomMessageThread -Email 'spam@example.com' -Body 'cheap pills'
        $script:ham = New-IntercomUser -Email 'ham@example.com' -UserId 'ham-1'
        $null = New-IntercomMessageThread -Email 'ham@example.com' -Body 'a real question'
        $script:lead = New-IntercomLead -Email 'offers@spam.example'
        $null = New-IntercomMessageThread -Id $lead.Id -Body 'special offers'
    }

    It 'blocks a user by email, returns nothing, and their conversations are closed (Example 1)' {
        $out = Block-IntercomUser -Email spam@example.com -Force
        $out | Should -BeNullOrEmpty
        $threads = @(Get-IntercomMessageThread -Email spam@example.com | Select-Object ThreadId, State)
        $threads | Should -HaveCount 2
        $threads.State | Should -Be @('closed', 'closed')
        (Get-IntercomMessageThread -Email 'ham@example.com').State | Should -Be 'open'
        Get-TestRequestCount $BlockRoute | Should -Be 1
        # The user is still there as it was: a block changes no field of the contact.
        (Get-IntercomUser -Email 'spam@example.com').Name | Should -BeExactly 'Spammer'
    }

    It 'blocks users piped from Get-IntercomUser and leads piped from Get-IntercomLead, each closing only its own conversations' {
        Get-IntercomUser -Email 'spam@example.com' | Block-IntercomUser -Force
        Get-IntercomLead -Email 'offers@spam.example' | Block-IntercomUser -Force
        (Get-IntercomMessageThread -Email 'spam@example.com').State | Should -Be @('closed', 'closed')
        (Get-IntercomMessageThread -Id $lead.Id).State | Should -Be 'closed'
        (Get-IntercomMessageThread -Email 'ham@example.com').State | Should -Be 'open'
        # Each closed by a close part of the session's admin, the thread's messages as they were.
        $thread = Get-IntercomMessageThread -Id $lead.Id
        $thread.Parts[-1].Type | Should -BeExactly 'close'
        $thread.Parts[-1].From.Id | Should -Be (Get-IntercomSession).AdminId
        $thread.Messages | Should -HaveCount 1
        Get-TestRequestCount $BlockRoute | Should -Be 2
    }

    It 'returns each blocked user with -PassThru, and blocks the contact of piped threads once each (Example 3)' {
        $null = New-IntercomUser -Email 'win@casino.example' -Name 'Lucky'
        $null = New-IntercomMessageThread -Email 'win@casino.example' -Body 'casino tonight'
        $null = New-IntercomMessageThread -Email 'win@casino.example' -Body 'casino again'
        $blocked = @(Get-IntercomMessageThread -State Open -Text 'casino' |
                Sort-Object ContactId -Unique |
                Block-IntercomUser -Force -PassThru)
        $blocked | Should -HaveCount 1
        $blocked[0] | Should -BeOfType IntercomPS.User
        $blocked[0].Email | Should -BeExactly 'win@casino.example'
        $blocked[0].Name | Should -BeExactly 'Lucky'
        (Get-IntercomMessageThread -Email 'win@casino.example').State | Should -Be @('closed', 'closed')
        (Get-IntercomMessageThread -Email 'spam@example.com').State | Should -Be @('open', 'open')
        Get-TestRequestCount $BlockRoute | Should -Be 1
    }

    It 'sends nothing with -WhatIf, even with -Force, and says what it would do (Example 2)' {
        $run = Invoke-TestPwsh -Api V2 "Get-IntercomLead -Email 'offers@spam.example' | Block-IntercomUser -WhatIf; Block-IntercomUser -Email spam@example.com -UserId spam-1 -WhatIf -Force"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Lines | Should -Be @(
            'What if: Performing the operation "Block Intercom user and archive all their conversations" on target "offers@spam.example".'
            'What if: Performing the operation "Block Intercom user and archive all their conversations" on target "spam@example.com (spam-1)".'
        )
        Get-TestRequestCount $BlockRoute | Should -Be 0
        (Get-IntercomMessageThread -Email 'spam@example.com').State | Should -Be @('open', 'open')
        (Get-IntercomMessageThread -Id $lead.Id).State | Should -Be 'open'
    }

    It 'asks first: a non-interactive run without -Force blocks nothing' {
        $run = Invoke-TestPwsh -Api V2 'Block-IntercomUser -Email spam@example.com'
        $run.ExitCode | Should -Not -Be 0
        $run.Text | Should -Match 'NonInteractive mode'
        Get-TestRequestCount $BlockRoute | Should -Be 0
    }

    It 'reports an unknown user as not found for its own input, in order, and blocks the others' {
        'nobody@example.com', 'spam@example.com' | Block-IntercomUser -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeExactly 'Intercom.not_found,IntercomPS.Cmdlets.BlockIntercomUserCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 'nobody@example.com'
        Get-TestRequestCount $BlockRoute | Should -Be 1
        (Get-IntercomMessageThread -Email 'spam@example.com').State | Should -Be @('closed', 'closed')
    }

    It 'refuses a piped object of the module''s that names no user, before asking or sending anything' {
        $tag = New-IntercomTag -Name 'spam'
        $before = Get-TestRequestCount
        $tag | Block-IntercomUser -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_argument,IntercomPS.Cmdlets.BlockIntercomUserCommand'
        $failed[0].Exception.Message | Should -BeExactly "Tag 'spam' is not a user: to act on the users it tags, pipe Get-IntercomUser -Tag 'spam'."
        $failed[0].TargetObject | Should -BeOfType IntercomPS.Tag
        Get-TestRequestCount | Should -Be $before
    }

    It 'never repeats a block whose answer was lost: the error says it may have been applied' {
        Set-TestFaults @{ drop_rate = 1; route = $BlockRoute }
        try {
            $out = Block-IntercomUser -Id $spam.Id -Force -PassThru -ErrorAction SilentlyContinue -ErrorVariable failed
        }
        finally { Clear-TestFaults }
        $out | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount $BlockRoute | Should -Be 1
        (Get-IntercomMessageThread -Email 'spam@example.com').State | Should -Be @('closed', 'closed') # it was applied
    }

    It 'is refused before 2.13, which brought it, with nothing sent' {
        Connect-TestIntercomV2 -ApiVersion 2.12
        $before = Get-TestRequestCount
        { Block-IntercomUser -Id $spam.Id -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,IntercomPS.Cmdlets.BlockIntercomUserCommand' `
                -ExpectedMessage 'Blocking a user needs Intercom-Version 2.13 or later, and this session asks for 2.12: connect with Connect-Intercom -ApiVersion 2.14.'
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'Block-IntercomUser on V1' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercom
        $null = New-IntercomUser -Email 'spam@example.com' -UserId 'spam-1'
    }

    It 'refuses each input with not_supported and sends nothing' {
        $before = Get-TestRequestCount
        'spam@example.com', 'other@example.com' | Block-IntercomUser -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 2
        $failed.FullyQualifiedErrorId | Should -Be (@('Intercom.not_supported,IntercomPS.Cmdlets.BlockIntercomUserCommand') * 2)
        $failed[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $failed[0].Exception.Message | Should -BeExactly 'Blocking a user needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it.'
        $failed.TargetObject | Should -Be @('spam@example.com', 'other@example.com')
        Get-TestRequestCount | Should -Be $before
    }
}
