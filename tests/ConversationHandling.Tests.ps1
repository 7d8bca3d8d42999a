# A thread's handling events and side conversations (Intercom-Version 2.16 on): Get-IntercomHandlingEvent and
# Get-IntercomSideConversation against the emulator, which has neither to give (the API makes no pause and no side
# conversation, and an assignment, a reply or a snooze is neither), so what is proved here is the requests, the
# empty answers, the errors and refusals, and the tables; the fields are read in the Client tests from the
# description's own examples.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:events = 'GET /conversations/{id}/handling_events'
    $script:sides = 'GET /conversations/{id}/side_conversations'

    function Initialize-HandledWorld {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
        $null = New-IntercomUser -UserId 'u1' -Email 'una@example.com' -Name 'Una'
        $script:first = New-IntercomMessageThread -UserId 'u1' -Body 'Checkout fails'
        $script:second = New-IntercomMessageThread -UserId 'u1' -Body 'Still failing'
        $admin = (Get-IntercomAdmin)[0].Id
        $first | Set-IntercomMessageThread -AssigneeId $admin
        $null = Add-IntercomMessageReply -ThreadId $first.ThreadId -Body 'On it' -AsAdmin
        $first | Set-IntercomMessageThread -State Snoozed -SnoozedUntil (Get-Date).AddDays(1)
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Get-IntercomHandlingEvent and Get-IntercomSideConversation on REST API 2.16' {
    BeforeAll { Initialize-HandledWorld }

    It 'reads each thread named or piped once, a handled thread having no handling events' {
        $before = Get-TestRequestCount $events
        Get-IntercomHandlingEvent -ThreadId $first.ThreadId -ErrorVariable failed | Should -BeNullOrEmpty
        $first, $second | Get-IntercomHandlingEvent -ErrorVariable +failed | Should -BeNullOrEmpty
        [pscustomobject]@{ conversation_id = "$($second.ThreadId)" } | Get-IntercomHandlingEvent -ErrorVariable +failed | Should -BeNullOrEmpty
        $failed | Should -BeNullOrEmpty
        Get-TestRequestCount $events | Should -Be ($before + 4)
    }

    It 'reads each thread''s side conversations, none here, one page each' {
        $before = Get-TestRequestCount $sides
        $first, $second | Get-IntercomSideConversation -ErrorVariable failed | Should -BeNullOrEmpty
        Get-IntercomSideConversation $first.ThreadId -ErrorVariable +failed | Should -BeNullOrEmpty
        $failed | Should -BeNullOrEmpty
        Get-TestRequestCount $sides | Should -Be ($before + 3)
    }

    It 'gives an unknown thread its own not_found error, and goes on with the next' {
        foreach ($command in 'Get-IntercomHandlingEvent', 'Get-IntercomSideConversation') {
            & $command -ThreadId 999999, $first.ThreadId -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
            $failed | Should -HaveCount 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike "Intercom.not_found,*"
            $failed[0].TargetObject | Should -Be 999999
        }
    }

    It 'refuses a thread''s part, a user and another of the module''s objects piped in, saying what to pipe, sending nothing' {
        $before = Get-TestRequestCount
        $part = (Get-IntercomMessageThread -ThreadId $first.ThreadId).Parts[0]
        $before = Get-TestRequestCount
        foreach ($command in 'Get-IntercomHandlingEvent', 'Get-IntercomSideConversation') {
            $part | & $command -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
            $failed[0].Exception.Message | Should -Be "Thread part '$part' is a part of thread $($first.ThreadId), not a thread: pipe threads (Get-IntercomMessageThread -ThreadId $($first.ThreadId)), or pass -ThreadId $($first.ThreadId)."
            [IntercomPS.Tag]@{ Id = '5'; Name = 'vip' } | & $command -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed[0].Exception.Message | Should -Be "Tag 'vip' is not a thread: pipe threads (Get-IntercomMessageThread), or pass -ThreadId."
            [IntercomPS.DeletedThread]@{ ThreadId = $second.ThreadId } | & $command -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed[0].Exception.Message | Should -Be "Deleted thread 'Thread $($second.ThreadId) (deleted)' is not a thread: pipe threads (Get-IntercomMessageThread), or pass -ThreadId."
            [IntercomPS.SentMessage]@{ MessageId = '77'; Email = 'ann@example.com' } | & $command -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed[0].Exception.Message | Should -BeLike 'Message 77 to ann@example.com opened no conversation yet, so it names no thread:*'
        }
        Get-TestRequestCount | Should -Be $before
    }

    It 'asks for a thread when none is named or piped' {
        Get-IntercomHandlingEvent -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $failed[0].Exception.Message | Should -Be 'Name the threads whose handling events to get by -ThreadId, or pipe them from Get-IntercomMessageThread.'
        [pscustomobject]@{ subject = 'Checkout' } | Get-IntercomSideConversation -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Be 'Name the threads whose side conversations to get by -ThreadId, or pipe them from Get-IntercomMessageThread.'
    }

    It 'refuses a thread id that is not a positive number before sending' {
        $before = Get-TestRequestCount
        { Get-IntercomHandlingEvent -ThreadId 0 -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage '-ThreadId 0 names no thread: a thread''s id is a positive number.'
        { Get-IntercomSideConversation -ThreadId -3 -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage '-ThreadId -3 names no thread: a thread''s id is a positive number.'
        Get-TestRequestCount | Should -Be $before
    }

    It 'shows events and side conversations in tables' {
        $event = [IntercomPS.HandlingEvent]@{ ThreadId = 5; Type = 'paused'; Timestamp = [datetime]::new(2026, 1, 9, 9, 0, 0, [DateTimeKind]::Utc); Reason = 'Away'; TeammateType = 'admin'; TeammateId = '123'; TeammateName = 'Jane Example' }
        $table = ($event | Out-String -Width 200) -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $table[0] | Should -Match '^ThreadId\s+Type\s+Timestamp\s+Teammate\s+Reason$'
        $table[2] | Should -Match '^\s*5\s+paused\s+.*\s+Jane Example\s+Away$'
        $side = [IntercomPS.SideConversation]@{ ThreadId = 5; Id = '456'; PartCount = 1; Parts = @([IntercomPS.ThreadPart]@{ ThreadId = 456; Id = '789'; CreatedAt = [datetime]::new(2022, 9, 19, 14, 20, 23, [DateTimeKind]::Utc) }) }
        $table = ($side | Out-String -Width 200) -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $table[0] | Should -Match '^ThreadId\s+Id\s+PartCount\s+LastPart$'
        $table[2] | Should -Match '^\s*5\s+456\s+1\s+\S'
    }
}

Describe 'Handling events and side conversations before 2.16' {
    BeforeAll { Initialize-HandledWorld }

    It 'are refused on a session asking for an older version, naming the version, and on v1, sending nothing' {
        $before = (Get-TestRequestCount $events) + (Get-TestRequestCount $sides)
        Connect-TestIntercomV2
        { Get-IntercomHandlingEvent -ThreadId $first.ThreadId -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage "Reading a conversation's handling events needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16."
        { $first | Get-IntercomSideConversation -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage "Reading a conversation's side conversations needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16."
        Connect-TestIntercom
        { Get-IntercomHandlingEvent -ThreadId 1 -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
        { Get-IntercomSideConversation -ThreadId 1 -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
        (Get-TestRequestCount $events) + (Get-TestRequestCount $sides) | Should -Be $before
        Connect-TestIntercomV2 -ApiVersion 2.16
    }
}

Describe 'The handling event and side conversation help examples' {
    BeforeAll { Initialize-HandledWorld }

    It 'run as written, in a new pwsh, without an error' {
        $script = @'
foreach ($name in 'Get-IntercomHandlingEvent', 'Get-IntercomSideConversation') {
    foreach ($example in (Get-Help $name -Full).examples.example) {
        "== $name $($example.title)"
        $null = & ([scriptblock]::Create($example.code)) | Out-String
    }
}
'@
        $before = Get-TestRequestCount $events
        $run = Invoke-TestPwsh -Api V2 -Script $script
        $run.ExitCode | Should -Be 0 -Because $run.Text
        @($run.Lines | Where-Object { $_ -like '== *' }) | Should -HaveCount 4
        Get-TestRequestCount $events | Should -BeGreaterThan $before
    }
}
