# The GDPR side of the team inbox on REST API 2.14: Remove-IntercomMessageThread deletes conversations for good
# (DELETE /conversations/{id}), Clear-IntercomMessagePart redacts a part or a thread's first message
# (POST /conversations/redact). Real pipelines against the emulator; each effect is read back through raw HTTP against
# its 2.14 face, and what was sent through /admin/requests. v1 has neither: both are refused there before any request.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Invoke-Raw([string] $Path) {
        # The conversation as the 2.14 face answers it, bypassing the module.
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14'; Accept = 'application/json' }
        Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, $Path.TrimStart('/'))) -Headers $headers
    }

    function Test-Conversation([long] $Id) {
        # Whether the 2.14 face still has the conversation (a 404 once it is deleted).
        try { $null = Invoke-Raw "conversations/$Id"; $true }
        catch { if ($_.Exception.Response.StatusCode -eq 404) { $false } else { throw } }
    }

    function Get-DeleteCount { Get-TestRequestCount 'DELETE /conversations/{conversation_id}' }
    function Get-RedactCount { Get-TestRequestCount 'POST /conversations/redact' }

    $script:Deleted = '<p><i>This message was deleted</i></p>'
}

AfterAll {
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'Remove-IntercomMessageThread on REST API 2.14' {
    BeforeEach {
        Reset-TestApp
        Connect-TestIntercomV2
        $null = New-IntercomUser -UserId 'u1' -Email 'una@example.com' -Name 'Una'
        $null = New-IntercomUser -UserId 'u2' -Email 'ugo@example.com' -Name 'Ugo'
        $script:first = New-IntercomMessageThread -UserId 'u1' -Body 'Please forget me'
        $script:second = New-IntercomMessageThread -UserId 'u1' -Body 'My address is 1 Main St'
        $script:kept = New-IntercomMessageThread -UserId 'u2' -Body 'Hello'
    }
    AfterEach { Clear-TestFaults }

    It 'deletes every thread of a user piped from Get-IntercomMessageThread, outputs nothing, and leaves other users'' threads' {
        $out = Get-IntercomMessageThread -UserId 'u1' | Remove-IntercomMessageThread -Confirm:$false
        $out | Should -BeNullOrEmpty
        Get-DeleteCount | Should -Be 2
        Get-IntercomMessageThread -UserId 'u1' | Should -BeNullOrEmpty
        Test-Conversation $first.ThreadId | Should -BeFalse
        Test-Conversation $second.ThreadId | Should -BeFalse
        (Get-IntercomMessageThread -UserId 'u2').ThreadId | Should -Be $kept.ThreadId
        (Get-IntercomUser -UserId 'u1').UserId | Should -Be 'u1' # the user stays
    }

    It 'sends nothing with -WhatIf' {
        $threads = Get-IntercomMessageThread -UserId 'u1'
        $before = Get-TestRequestCount
        $threads | Remove-IntercomMessageThread -WhatIf
        Remove-IntercomMessageThread -ThreadId $kept.ThreadId -Force -WhatIf
        Get-TestRequestCount | Should -Be $before
        Test-Conversation $first.ThreadId | Should -BeTrue
        Test-Conversation $kept.ThreadId | Should -BeTrue
    }

    It 'reports a missing conversation as that input''s Intercom.not_found and goes on with the rest' {
        $missing = [pscustomobject]@{ thread_id = 999999999 }
        $out = $missing, $first, $second | Remove-IntercomMessageThread -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $out | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be $missing
        Test-Conversation $first.ThreadId | Should -BeFalse
        Test-Conversation $second.ThreadId | Should -BeFalse

        # Deleted already: a second delete is not_found too.
        { Remove-IntercomMessageThread -ThreadId $first.ThreadId -Force -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found,*'
    }

    It 'returns each thread as it was with -PassThru, read just before it was deleted' {
        $gone = Remove-IntercomMessageThread -ThreadId $second.ThreadId -Force -PassThru
        $gone.ThreadId | Should -Be $second.ThreadId
        $gone.UserId | Should -Be 'u1'
        $gone.Messages[0].Html | Should -Be '<p>My address is 1 Main St</p>'
        Test-Conversation $second.ThreadId | Should -BeFalse
    }

    It 'deletes by -ThreadId alone and through its 2.x alias, and takes a message sent with -OpenConversation' {
        Remove-IntercomMessageThread -ThreadId $first.ThreadId -Confirm:$false
        Remove-IntercomConversation -ConversationId $kept.ThreadId -Force
        $sent = Send-IntercomMessage -UserId 'u2' -Body 'We opened this for you' -OpenConversation
        $sent | Remove-IntercomMessageThread -Force
        Get-DeleteCount | Should -Be 3
        Test-Conversation $first.ThreadId | Should -BeFalse
        Test-Conversation $kept.ThreadId | Should -BeFalse
        Test-Conversation $sent.ConversationId | Should -BeFalse
    }

    It 'never repeats a delete whose answer was lost: it was applied, and the error says it may have been' {
        Set-TestFaults @{ drop_rate = 1; route = 'DELETE /conversations/{conversation_id}' }
        Remove-IntercomMessageThread -ThreadId $first.ThreadId -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        Clear-TestFaults
        $failed | Should -HaveCount 1
        $failed[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-DeleteCount | Should -Be 1
        Test-Conversation $first.ThreadId | Should -BeFalse
    }

    It 'refuses a piped part, user or tag, which names no thread to delete, and deletes nothing' {
        $null = Add-IntercomMessageReply -UserId 'u1' -ThreadId $first.ThreadId -Body 'a reply'
        $part = (Get-IntercomMessageThread -UserId 'u1' -ThreadId $first.ThreadId).Parts[0]
        $user = Get-IntercomUser -UserId 'u1'
        $tag = New-IntercomTag -Name 'gdpr'
        $before = Get-TestRequestCount
        $part, $user, $tag | Remove-IntercomMessageThread -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 3
        $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*' }
        $failed[0].Exception.Message | Should -Be ("Thread part '$part' is a part of thread $($first.ThreadId), not the thread: to redact the part, pipe it to " +
            'Clear-IntercomMessagePart; to delete the thread, pipe threads (Get-IntercomMessageThread).')
        $failed[1].Exception.Message | Should -Be "User '$user' is not a thread: to delete the user's threads, pipe Get-IntercomMessageThread -Id '$($user.Id)'."
        $failed[2].Exception.Message | Should -Be "Tag 'gdpr' is not a thread: pipe threads (Get-IntercomMessageThread), or pass -ThreadId."
        $failed[0].TargetObject | Should -Be $part
        Get-TestRequestCount | Should -Be $before
        Test-Conversation $first.ThreadId | Should -BeTrue
    }

    It 'refuses an input that names no thread (a blank cell binds as 0)' {
        $before = Get-TestRequestCount
        { [pscustomobject]@{ thread_id = '' } | Remove-IntercomMessageThread -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage 'Name the thread to delete by -ThreadId (a blank cell, or 0, names none).'
        { [pscustomobject]@{ thread_id = '' } | Clear-IntercomMessagePart -Source -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage 'Name the thread by -ThreadId (a blank cell, or 0, names none), or pipe its parts.'
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'Clear-IntercomMessagePart on REST API 2.14' {
    BeforeEach {
        Reset-TestApp
        Connect-TestIntercomV2
        $null = New-IntercomUser -UserId 'u1' -Email 'una@example.com' -Name 'Una'
        $script:thread = New-IntercomMessageThread -UserId 'u1' -Body 'My card is 4242 4242 4242 4242'
        $null = Add-IntercomMessageReply -UserId 'u1' -ThreadId $thread.ThreadId -Body 'And my PIN is 1234'
        $null = Add-IntercomMessageReply -ThreadId $thread.ThreadId -AsAdmin -Body 'Please never send us that'
        $script:thread = Get-IntercomMessageThread -UserId 'u1' -ThreadId $thread.ThreadId
    }
    AfterEach { Clear-TestFaults }

    It 'redacts the user''s part piped from the thread''s Parts: the part stays, its words are gone, nothing is output' {
        $out = $thread.Parts | Where-Object { $_.From.Type -eq 'user' } | Clear-IntercomMessagePart -Confirm:$false
        $out | Should -BeNullOrEmpty
        Get-RedactCount | Should -Be 1

        $after = Get-IntercomMessageThread -UserId 'u1' -ThreadId $thread.ThreadId
        $after.Parts | Should -HaveCount 2
        $after.Parts[0].Id | Should -Be $thread.Parts[0].Id
        $after.Parts[0].Type | Should -Be 'comment'
        $after.Parts[0].From.Type | Should -Be 'user'
        $after.Parts[0].Redacted | Should -BeTrue
        $after.Parts[0].Html | Should -Be $Deleted
        $after.Messages[1].Redacted | Should -BeTrue
        $after.Parts[1].Redacted | Should -BeFalse # the admin's reply was not piped
        $after.Messages[0].Html | Should -Be '<p>My card is 4242 4242 4242 4242</p>'
        $raw = Invoke-Raw "conversations/$($thread.ThreadId)"
        $raw.conversation_parts.conversation_parts[0].redacted | Should -BeTrue
        $raw.conversation_parts.conversation_parts[0].body | Should -Be $Deleted
    }

    It 'redacts a thread''s first message with -Source and returns the thread with -PassThru' {
        $redacted = Get-IntercomMessageThread -UserId 'u1' | Clear-IntercomMessagePart -Source -Force -PassThru
        $redacted.ThreadId | Should -Be $thread.ThreadId
        $redacted.Messages[0].Redacted | Should -BeTrue
        $redacted.Messages[0].Html | Should -Be $Deleted
        $redacted.Parts.Redacted | Should -Be $false, $false
        (Invoke-Raw "conversations/$($thread.ThreadId)").source.redacted | Should -BeTrue
        # The conversation was read for its source's id, then redacted once.
        Get-RedactCount | Should -Be 1
    }

    It 'redacts by -ThreadId and -PartId, an admin''s part too, and again without harm' {
        Clear-IntercomMessagePart -ThreadId $thread.ThreadId -PartId $thread.Parts[1].Id -Force
        Clear-IntercomConversationPart -ConversationId $thread.ThreadId -PartId $thread.Parts[1].Id -Force
        $after = Get-IntercomMessageThread -UserId 'u1' -ThreadId $thread.ThreadId
        $after.Parts[1].Redacted | Should -BeTrue
        $after.Parts[1].From.Type | Should -Be 'admin'
        $after.Parts[1].Html | Should -Be $Deleted
        Get-RedactCount | Should -Be 2
    }

    It 'reports a part without words and a first message an admin wrote as conversation_part_not_redactable, per input' {
        Set-IntercomMessageThread -ThreadId $thread.ThreadId -State Closed
        $parts = (Get-IntercomMessageThread -UserId 'u1' -ThreadId $thread.ThreadId).Parts
        $close = $parts | Where-Object Type -eq 'close'
        $close.Html | Should -BeNullOrEmpty
        $close, $parts[0] | Clear-IntercomMessagePart -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.conversation_part_not_redactable,*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].Exception.Message | Should -BeLike "*Part can't be redacted*"
        $failed[0].TargetObject | Should -Be $close
        (Get-IntercomMessageThread -UserId 'u1' -ThreadId $thread.ThreadId).Parts[0].Redacted | Should -BeTrue # the next input went on

        $sent = Send-IntercomMessage -UserId 'u1' -Body 'A message from us' -OpenConversation
        { Clear-IntercomMessagePart -ThreadId $sent.ConversationId -Source -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.conversation_part_not_redactable,*'
    }

    It 'reports a missing thread or part per input' {
        { Clear-IntercomMessagePart -ThreadId 999999999 -PartId $thread.Parts[0].Id -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.conversation_part_or_message_not_found,*'
        { Clear-IntercomMessagePart -ThreadId $thread.ThreadId -PartId 999999999 -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.conversation_part_or_message_not_found,*'
        # -Source reads the conversation first for its source: a missing one is not_found there.
        { Clear-IntercomMessagePart -ThreadId 999999999 -Source -Force -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found,*'
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-TestRequestCount
        $thread.Parts | Clear-IntercomMessagePart -WhatIf
        $thread | Clear-IntercomMessagePart -Source -WhatIf
        Get-TestRequestCount | Should -Be $before
    }

    It 'never repeats a redaction whose answer was lost' {
        Set-TestFaults @{ drop_rate = 1; route = 'POST /conversations/redact' }
        $thread.Parts[0] | Clear-IntercomMessagePart -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        Clear-TestFaults
        $failed | Should -HaveCount 1
        $failed[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-RedactCount | Should -Be 1
    }

    It 'refuses what names no part, in input order, before any request' {
        $tag = New-IntercomTag -Name 'pii'
        $before = Get-TestRequestCount
        $thread, $tag | Clear-IntercomMessagePart -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $thread.Parts[0] | Clear-IntercomMessagePart -Source -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        Clear-IntercomMessagePart -ThreadId $thread.ThreadId -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        Clear-IntercomMessagePart -ThreadId $thread.ThreadId -PartId 1 -Source -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $failed | Should -HaveCount 5
        $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*' }
        $failed.Exception.Message | Should -Be @(
            'A thread is not one of its parts: pipe its Parts (Where-Object to choose), or add -Source to redact its first message.'
            "Tag 'pii' is not a thread's part: pipe a thread's Parts, or a thread with -Source, or pass -ThreadId with -PartId or -Source."
            '-Source redacts a thread''s first message: pipe the thread itself, or leave out -Source to redact the piped part.'
            'Name the part by -PartId (a piped part''s Id), or give -Source to redact the thread''s first message.'
            'Give -PartId or -Source, not both: -Source redacts the thread''s first message.'
        )
        $failed[0].TargetObject | Should -Be $thread
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'On v1' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercom
        $null = New-IntercomUser -UserId 'u1' -Email 'una@example.com'
        $script:v1Thread = New-IntercomMessageThread -UserId 'u1' -Body 'Hello'
    }

    It 'refuses deleting and redacting with not_supported, before any request' {
        $before = Get-TestRequestCount
        Get-IntercomMessageThread -UserId 'u1' | Remove-IntercomMessageThread -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable deleting
        $after = Get-TestRequestCount
        $after | Should -Be ($before + 1) # the listing alone
        $deleting | Should -HaveCount 1
        $deleting[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $deleting[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $deleting[0].Exception.Message | Should -Be 'Deleting a conversation needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it.'

        { Clear-IntercomMessagePart -ThreadId $v1Thread.ThreadId -Source -Force -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*' `
            -ExpectedMessage 'Redacting a conversation''s part or message needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it.'
        Get-TestRequestCount | Should -Be $after
        (Get-IntercomMessageThread -UserId 'u1').ThreadId | Should -Be $v1Thread.ThreadId
    }
}

Describe 'The help pages'' examples' {
    BeforeAll {
        function Get-Example([string] $Page) {
            # The ```powershell blocks of the page's EXAMPLES section, as a user would paste them.
            $text = Get-Content -Raw (Join-Path $PSScriptRoot "../docs/$Page.md")
            $examples = $text.Substring($text.IndexOf('## EXAMPLES'), $text.IndexOf('## PARAMETERS') - $text.IndexOf('## EXAMPLES'))
            [regex]::Matches($examples, '```powershell\r?\n(.*?)\r?\n```', 'Singleline') | ForEach-Object { $_.Groups[1].Value }
        }

        function Invoke-Example([string] $Code, [hashtable] $Ids) {
            # Runs one example with the ids it names (123, 456, u-1001) made real; any error fails it.
            foreach ($id in $Ids.Keys) { $Code = $Code -replace "\b$([regex]::Escape($id))\b", $Ids[$id] }
            $ErrorActionPreference = 'Stop'
            & ([scriptblock]::Create($Code)) | Out-String
        }
    }

    It 'runs every example of <Page> against a workspace that has what it names' -ForEach @(@{ Page = 'Remove-IntercomMessageThread' }, @{ Page = 'Clear-IntercomMessagePart' }) {
        $examples = @(Get-Example $Page)
        $examples | Should -HaveCount 3
        foreach ($example in $examples) {
            # Each on a fresh workspace: u-1001 with a closed thread holding a card number in its first message and a reply.
            Reset-TestApp
            Connect-TestIntercomV2
            $null = New-IntercomUser -UserId 'u-1001' -Email 'ex@example.com'
            $thread = New-IntercomMessageThread -UserId 'u-1001' -Body 'My card is 4242 4242 4242 4242'
            $part = (Add-IntercomMessageReply -UserId 'u-1001' -ThreadId $thread.ThreadId -Body 'Also 4242 4242 4242 4242').Parts[0]
            Set-IntercomMessageThread -ThreadId $thread.ThreadId -State Closed
            $before = Get-TestRequestCount
            $null = Invoke-Example $example @{ '123' = "$($thread.ThreadId)"; '456' = $part.Id }
            Get-TestRequestCount | Should -BeGreaterThan $before -Because $example
            # What -WhatIf prints goes to the host, which an in-process run cannot read: what it sent can be.
            if ($example -match '-WhatIf') { Get-DeleteCount | Should -Be 0; Test-Conversation $thread.ThreadId | Should -BeTrue }
            elseif ($example -match 'Remove-IntercomMessageThread') { Test-Conversation $thread.ThreadId | Should -BeFalse -Because $example }
            else { (Get-IntercomMessageThread -ThreadId $thread.ThreadId).Messages.Redacted | Should -Contain $true -Because $example }
        }
    }
}
