# The team inbox on REST API 2.14: the workspace's conversations listed by one server-side search, any of them acted on
# by -ThreadId alone, replies and notes by admins, assignment to admins and teams, conversation tags, parts with their
# authors, and the admins and teams themselves. Each effect is read back through raw HTTP (Invoke-RestMethod against
# the emulator's 2.14 face), not through the cmdlets that made it. What v1 cannot do is refused there, first block.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Invoke-Raw([string] $Path) {
        # The conversation (or anything else) as the 2.14 face answers it, bypassing the module.
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14'; Accept = 'application/json' }
        Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, $Path.TrimStart('/'))) -Headers $headers
    }

    function Add-TestAdmin([string] $Name, [string] $Email, [switch] $Away) {
        $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, $Name, $Email, [bool] $Away).GetAwaiter().GetResult()
    }

    function Add-TestTeam([string] $Name, [string[]] $AdminIds) {
        $IntercomTestAdmin.AddTeamAsync($IntercomTestAppId, $Name, $AdminIds).GetAwaiter().GetResult()
    }
}

AfterAll {
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'A thread by -ThreadId alone on <Api>' -ForEach @(@{ Api = 'V1' }, @{ Api = 'V2' }) {
    BeforeAll {
        Reset-TestApp
        $v1 = Connect-TestIntercom -PassThru
        $null = New-IntercomUser -UserId '7902' -Email 'ben@example.com' -Name 'Ben' -Session $v1
        $thread = New-IntercomMessageThread -Email 'ben@example.com' -Body 'Help' -Session $v1
        Connect-TestApi $Api
    }

    It 'is read, replied to and marked by its id on 2.14, and refused before any request on v1' {
        $before = Get-TestRequestCount
        $refusal = 'On the v1 API a thread is one of a user''s: name the user (-Email, -UserId, or pipe it). The workspace''s conversations, ' +
            'and one by -ThreadId alone, need REST API 2.x: connect with Connect-Intercom -AccessToken.'
        if ($Api -eq 'V1') {
            { Get-IntercomMessageThread -ThreadId $thread.ThreadId -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage $refusal
            { Add-IntercomMessageReply -ThreadId $thread.ThreadId -Body 'x' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage $refusal
            { [pscustomobject]@{ ThreadId = $thread.ThreadId } | Set-IntercomMessageThread -Read $true -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage $refusal
            { Get-IntercomMessageThread -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage $refusal
            Get-TestRequestCount | Should -Be $before
            return
        }
        $got = Get-IntercomMessageThread -ThreadId $thread.ThreadId
        $got.ThreadId | Should -Be $thread.ThreadId
        $got.UserId | Should -Be '7902'
        # A conversation link pasted from an alert: piped objects with only a ThreadId (a CSV column thread_id) bind too.
        $replied = [pscustomobject]@{ thread_id = $thread.ThreadId } | Add-IntercomMessageReply -Body 'Still there?'
        $replied.Messages[-1].From.Type | Should -Be 'user'
        [pscustomobject]@{ ThreadId = $thread.ThreadId } | Set-IntercomMessageThread -Read $false
        $raw = Invoke-Raw "conversations/$($thread.ThreadId)"
        $raw.read | Should -BeFalse
        $raw.conversation_parts.conversation_parts[-1].body | Should -Be '<p>Still there?</p>'
        $raw.conversation_parts.conversation_parts[-1].author.type | Should -Be 'user'
    }
}

Describe 'The team inbox on REST API 2.14' {
    BeforeAll {
        Reset-TestApp
        $v1 = Connect-TestIntercom -PassThru
        $null = New-IntercomUser -UserId '7902' -Email 'ben@example.com' -Name 'Ben' -Session $v1
        $null = New-IntercomUser -UserId '1001' -Email 'ann.user@example.com' -Name 'Ann' -Session $v1
        Connect-TestIntercomV2
        $me = (Get-IntercomSession).AdminId
        $annId = Add-TestAdmin 'Ann Agent' 'ann@example.com'
        $bobId = Add-TestAdmin 'Bob Agent' 'bob@example.com' -Away
        $billingId = Add-TestTeam 'Billing' @($annId, $bobId)
        $null = New-IntercomTag -Name 'billing'
        $refund = New-IntercomMessageThread -Email 'ben@example.com' -Body 'I need a refund for my invoice'
        $login = New-IntercomMessageThread -Email 'ben@example.com' -Body 'Cannot log in'
        $export = New-IntercomMessageThread -Email 'ann.user@example.com' -Body 'Export is broken'
    }

    Context 'admins and teams' {
        It 'lists every admin with its away status, and finds them by id, email or name' {
            $admins = Get-IntercomAdmin
            $admins.Id | Should -Be $me, $annId, $bobId
            ($admins | Where-Object Away).Email | Should -Be 'bob@example.com'
            (Get-IntercomAdmin -Email 'ANN@example.com').Id | Should -Be $annId
            (Get-IntercomAdmin '*Agent').Id | Should -Be $annId, $bobId
            (Get-IntercomAdmin -Id $bobId).TeamIds | Should -Be $billingId
            { Get-IntercomAdmin -Email 'nobody@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found,*' -ExpectedMessage 'No admin of the workspace has the email ''nobody@example.com''.*'
            { Get-IntercomAdmin -Id 123 -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.admin_not_found,*'
            (Get-IntercomAdmin -Name 'Nobody*') | Should -BeNullOrEmpty
        }

        It 'writes a contact note as another admin of the workspace' {
            $note = Add-IntercomNote -Email 'ben@example.com' -Body 'Prefers email' -AdminId $annId
            $raw = Invoke-Raw "notes/$($note.Id)"
            $raw.author.id | Should -Be $annId
            $raw.author.email | Should -Be 'ann@example.com'
            # The note written, and read back, name Ann as its author, not the session's admin.
            $note.Author.Id | Should -Be $annId
            $note.Author.Email | Should -Be 'ann@example.com'
            $note.Author.IsAdmin | Should -BeTrue
            $read = Get-IntercomNote -Email 'ben@example.com' | Where-Object Id -eq $note.Id
            $read.Author.Id | Should -Be $annId
            $read.Author.Email | Should -Be 'ann@example.com'
            (Get-IntercomNote -NoteId $note.Id).Author.Id | Should -Be $annId
        }

        It 'lists teams with their admins, and finds one by name' {
            $team = Get-IntercomTeam -Name 'billing'
            $team.Id | Should -Be $billingId
            $team.AdminIds | Sort-Object | Should -Be (@($annId, $bobId) | Sort-Object)
            (Get-IntercomTeam -Id $billingId).Name | Should -Be 'Billing'
            # A team's admins by name, in a pipeline.
            ($team.AdminIds | ForEach-Object { Get-IntercomAdmin -Id $_ }).Name | Sort-Object | Should -Be 'Ann Agent', 'Bob Agent'
        }

        It 'refuses a piped admin, team or away reason as a user, saying what to pass instead, and sends nothing' {
            $ann = Get-IntercomAdmin -Id $annId
            $billing = Get-IntercomTeam -Id $billingId
            $reason = Get-IntercomAwayReason | Select-Object -First 1
            $before = Get-TestRequestCount
            $threads = $ann | Get-IntercomMessageThread -ErrorAction SilentlyContinue -ErrorVariable admin
            $threads | Should -BeNullOrEmpty
            $billing | Add-IntercomNote -Body 'Billing is busy' -ErrorAction SilentlyContinue -ErrorVariable team
            $reason | Add-IntercomMessageReply -ThreadId 1 -Body 'Away' -ErrorAction SilentlyContinue -ErrorVariable away
            $admin[0].FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_argument,IntercomPS.Cmdlets.GetIntercomMessageThreadCommand'
            $admin[0].Exception.Message | Should -BeExactly "Admin 'Ann Agent' is a teammate, not a user: pass its Id to -AssigneeId or -AdminId instead."
            $admin[0].TargetObject.Id | Should -Be $annId
            $team[0].Exception.Message | Should -BeExactly "Team 'Billing' is not a user: pass its Id to -TeamId instead."
            $away[0].Exception.Message | Should -BeExactly "Away reason '$($reason.Label)' is not a user: pass its Id to Set-IntercomAdmin -ReasonId instead."
            Get-TestRequestCount | Should -Be $before
        }
    }

    Context 'working a conversation' {
        It 'replies as the session''s admin or another, and notes what only teammates see' {
            $refund | Add-IntercomMessageReply -AsAdmin -Body 'Looking into it'
            Add-IntercomMessageReply -ThreadId $refund.ThreadId -AdminId $annId -Body 'Refund sent'
            $noted = Add-IntercomMessageReply -ThreadId $refund.ThreadId -Note -Body 'Approved by finance'
            $noted.Parts[-1].Type | Should -Be 'note'
            $noted.Messages.Html | Should -Not -Contain '<p>Approved by finance</p>' # a note is no message to the user

            $parts = (Invoke-Raw "conversations/$($refund.ThreadId)").conversation_parts.conversation_parts
            $parts | ForEach-Object { "$($_.part_type) $($_.author.type) $($_.author.id)" } | Should -Be "comment admin $me", "comment admin $annId", "note admin $me"
            $parts.body | Should -Be '<p>Looking into it</p>', '<p>Refund sent</p>', '<p>Approved by finance</p>'
        }

        It 'assigns to an admin and a team, tags, and closes with words to the user, which is a close part' {
            $closed = $login | Set-IntercomMessageThread -AssigneeId $annId -TeamId $billingId -AddTag 'billing' -State Closed -Body 'Fixed: please try again' -PassThru
            $closed.AdminAssigneeId | Should -Be $annId
            $closed.State | Should -Be 'closed'

            $raw = Invoke-Raw "conversations/$($login.ThreadId)"
            $raw.admin_assignee_id | Should -Be $annId
            $raw.team_assignee_id | Should -Be $billingId
            $raw.tags.tags.name | Should -Be 'billing'
            $raw.state | Should -Be 'closed'
            $last = $raw.conversation_parts.conversation_parts[-1]
            $last.part_type | Should -Be 'close'
            $last.body | Should -Be '<p>Fixed: please try again</p>'
            $raw.conversation_parts.conversation_parts.part_type | Should -Be 'assignment', 'assignment', 'close'

            Set-IntercomMessageThread -ThreadId $login.ThreadId -RemoveTag 'billing' -AssigneeId 0 -AdminId $bobId
            $raw = Invoke-Raw "conversations/$($login.ThreadId)"
            $raw.tags.tags | Should -BeNullOrEmpty
            $raw.admin_assignee_id | Should -BeNullOrEmpty
            $raw.state | Should -Be 'open' # an assignment reopens a closed conversation (assign_and_reopen)
            $raw.conversation_parts.conversation_parts[-1].author.id | Should -Be $bobId
        }

        It 'shows every part with its type and author, as HTML or as plain text' {
            $thread = Get-IntercomMessageThread -ThreadId $login.ThreadId
            $thread.Parts.Type | Should -Be 'assignment', 'assignment', 'close', 'assign_and_reopen'
            $thread.Parts[0].AssignedTo | Should -Be "admin $annId"
            $thread.Parts[1].AssignedTo | Should -Be "team $billingId"
            $thread.Parts[2].Html | Should -Be '<p>Fixed: please try again</p>'
            $thread.Parts[2].From.Type | Should -Be 'admin'
            $thread.Messages.Html | Should -Be '<p>Cannot log in</p>' # the close's words are a part, not a comment

            $plain = Get-IntercomMessageThread -ThreadId $login.ThreadId -PlainText
            $plain.Parts[2].Text | Should -Be 'Fixed: please try again'
            $plain.Parts[2].Html | Should -BeNullOrEmpty
            $plain.Messages[0].Text | Should -Be 'Cannot log in'
        }

        It 'titles a conversation and sets its custom attributes, keeping the others, with the mark in the same request' {
            $refund | Set-IntercomMessageThread -Title 'Refund' -CustomData @{ issue_type = 'Billing'; priority = 2 }
            $puts = Get-TestRequestCount 'PUT /conversations/{conversation_id}'
            $thread = $refund | Set-IntercomMessageThread -CustomData '{"priority":3}' -Read $false -PassThru
            Get-TestRequestCount 'PUT /conversations/{conversation_id}' | Should -Be ($puts + 1)
            $thread.Title | Should -BeExactly 'Refund'
            $thread.CustomData.issue_type | Should -BeExactly 'Billing'
            $thread.CustomData.priority | Should -Be 3
            $thread.Read | Should -BeFalse
            $raw = Invoke-Raw "conversations/$($refund.ThreadId)"
            $raw.title | Should -BeExactly 'Refund'
            $raw.custom_attributes.priority | Should -Be 3

            # A piped thread's own Title and CustomData are what is being changed: they do not bind.
            $untitled = Get-IntercomMessageThread -ThreadId $refund.ThreadId | Set-IntercomMessageThread -Title '' -PassThru
            $untitled.Title | Should -BeNullOrEmpty
            $untitled.CustomData.issue_type | Should -BeExactly 'Billing'
            (Invoke-Raw "conversations/$($refund.ThreadId)").title | Should -BeNullOrEmpty

            $run = Invoke-TestPwsh -Api V2 "Set-IntercomMessageThread -ThreadId $($refund.ThreadId) -Title 'VIP refund' -CustomData @{ priority = 1; issue_type = 'Billing' } -WhatIf"
            $run.Lines | Should -Be "What if: Performing the operation `"Title it 'VIP refund' and set custom attributes issue_type, priority`" on target `"conversation $($refund.ThreadId)`"."
            (Invoke-Raw "conversations/$($refund.ThreadId)").title | Should -BeNullOrEmpty
        }

        It 'refuses -Title on a session before 2.14, whose update takes no title, and sends nothing' {
            # 2.11's PUT /conversations/{id} takes read and custom_attributes only: a title sent there would be ignored.
            Connect-TestIntercomV2 -ApiVersion 2.11
            try {
                $puts = Get-TestRequestCount 'PUT /conversations/{conversation_id}'
                { Set-IntercomMessageThread -ThreadId $refund.ThreadId -Title 'Old version' -ErrorAction Stop } |
                    Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage 'Titling a conversation (-Title) needs Intercom-Version 2.14 or later, and this session asks for 2.11: connect with Connect-Intercom -ApiVersion 2.14.'
                Get-TestRequestCount 'PUT /conversations/{conversation_id}' | Should -Be $puts
                (Invoke-Raw "conversations/$($refund.ThreadId)").title | Should -Not -Be 'Old version'
                # Custom attributes are as old as 2.x's conversations.
                ($refund | Set-IntercomMessageThread -CustomData @{ priority = 5 } -PassThru).CustomData.priority | Should -Be 5
            }
            finally {
                Connect-TestIntercomV2
            }
        }

        It 'previews with -WhatIf and changes nothing' {
            $run = Invoke-TestPwsh -Api V2 "Set-IntercomMessageThread -ThreadId $($export.ThreadId) -AssigneeId $annId -AddTag billing -State Closed -WhatIf"
            $run.Lines | Should -Be "What if: Performing the operation `"Assign to admin $annId, tag billing and close`" on target `"conversation $($export.ThreadId)`"."
            (Invoke-Raw "conversations/$($export.ThreadId)").state | Should -Be 'open'
        }
    }

    Context 'listing the workspace''s conversations' {
        BeforeAll {
            Reset-TestApp
            $annId = Add-TestAdmin 'Ann Agent' 'ann@example.com'
            $billingId = Add-TestTeam 'Billing' @($annId)
            $null = New-IntercomTag -Name 'billing'
            $null = 'c1@example.com', 'c2@example.com' | New-IntercomUser -ThrottleLimit 1
            $threads = 1..6 | ForEach-Object { New-IntercomMessageThread -Email "c$(1 + $_ % 2)@example.com" -Body "Question $_ about invoices" }
            Set-IntercomMessageThread -ThreadId $threads[0].ThreadId -AssigneeId $annId
            Set-IntercomMessageThread -ThreadId $threads[1].ThreadId -TeamId $billingId -AddTag billing
            Set-IntercomMessageThread -ThreadId $threads[2].ThreadId -State Closed
            Set-IntercomMessageThread -ThreadId $threads[3].ThreadId -State Snoozed -SnoozedUntil '2030-01-01T00:00:00Z'
            Set-IntercomMessageThread -ThreadId $threads[4].ThreadId -Read $true
            Add-IntercomMessageReply -ThreadId $threads[5].ThreadId -AsAdmin -Body 'Unread for the user'
            $ids = $threads.ThreadId
        }

        It 'lists them all, oldest first, with one search' {
            $before = Get-TestRequestCount 'POST /conversations/search'
            (Get-IntercomConversation).ThreadId | Should -Be $ids
            (Get-TestRequestCount 'POST /conversations/search') - $before | Should -Be 1
        }

        It 'filters on the server by state, assignee, tag, read, dates, contact and text' {
            (Get-IntercomMessageThread -State Open).ThreadId | Should -Be $ids[0], $ids[1], $ids[4], $ids[5]
            (Get-IntercomMessageThread -State Closed, Snoozed).ThreadId | Should -Be $ids[2], $ids[3]
            (Get-IntercomMessageThread -AssigneeId $annId).ThreadId | Should -Be $ids[0]
            (Get-IntercomMessageThread -TeamId $billingId).ThreadId | Should -Be $ids[1]
            (Get-IntercomMessageThread -Unassigned -State Open).ThreadId | Should -Be $ids[4], $ids[5]
            (Get-IntercomMessageThread -Tag billing).ThreadId | Should -Be $ids[1]
            (Get-IntercomMessageThread -Read $false -State Open).ThreadId | Should -Be $ids[5]
            (Get-IntercomMessageThread -CreatedSince (Get-Date).AddMinutes(-10)).ThreadId | Should -Be $ids
            Get-IntercomMessageThread -UpdatedSince (Get-Date).AddDays(1) | Should -BeNullOrEmpty
            (Get-IntercomMessageThread -Email 'c1@example.com' -State Open).ThreadId | Should -Be $ids[1], $ids[5]
            (Get-IntercomMessageThread -Text 'question 3').ThreadId | Should -Be $ids[2]
            (Get-IntercomMessageThread -Text 'INVOIC').ThreadId | Should -Be $ids
        }

        It 'streams with -First and -Skip, asking for no more than it needs' {
            $before = Get-TestRequestCount 'GET /conversations/{conversation_id}'
            (Get-IntercomMessageThread -Skip 1 -First 2).ThreadId | Should -Be $ids[1], $ids[2]
            (Get-TestRequestCount 'GET /conversations/{conversation_id}') - $before | Should -Be 3
            $counted = @(Get-IntercomMessageThread -State Open -IncludeTotalCount -First 1)
            $counted | Should -HaveCount 2
            [long] $counted[0] | Should -Be 4
            $counted[1].ThreadId | Should -Be $ids[0]
        }

        It 'shows its progress while it lists, completed at the end' {
            $progress = Get-TestProgress 'Get-IntercomMessageThread' @{ State = 'Open' }
            ($progress | Where-Object RecordType -eq 'Processing').StatusDescription | Should -Be 'Page 1: 4 of 4 conversations read'
            $progress[0].Activity | Should -Be 'Get-IntercomMessageThread'
            $progress[-1].RecordType | Should -Be 'Completed'
        }

        It 'refuses a search the service would refuse, saying why, before sending anything' {
            $before = Get-TestRequestCount
            $words = (1..16 | ForEach-Object { "w$_" }) -join ' '
            { Get-IntercomMessageThread -Text $words -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage '*at most 15 filters in one AND or OR group, and this AND group has 16*'
            { Get-IntercomMessageThread -AssigneeId 'ann' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage '''ann'' is not an admin id: Intercom''s are numbers (Get-IntercomAdmin lists them).'
            Get-TestRequestCount | Should -Be $before
        }

        It 'pipes what it lists into the cmdlets that work them' {
            Get-IntercomMessageThread -Unassigned -State Open | Set-IntercomMessageThread -AssigneeId $annId
            (Invoke-Raw "conversations/$($ids[4])").admin_assignee_id | Should -Be $annId
            (Invoke-Raw "conversations/$($ids[5])").admin_assignee_id | Should -Be $annId
        }
    }

    It 'has the 2.x names too: aliases of the same cmdlets' {
        (Get-Command Get-IntercomConversation).ResolvedCommand.Name | Should -Be 'Get-IntercomMessageThread'
        (Get-Command Set-IntercomConversation).ResolvedCommand.Name | Should -Be 'Set-IntercomMessageThread'
        (Get-Command Add-IntercomConversationReply).ResolvedCommand.Name | Should -Be 'Add-IntercomMessageReply'
        (Get-Command New-IntercomConversation).ResolvedCommand.Name | Should -Be 'New-IntercomMessageThread'
    }
}

Describe 'Set-IntercomMessageThread''s help example 6' {
    It 'titles and attributes every conversation tagged billing, each keeping its other attributes, and no other' {
        Reset-TestApp
        Connect-TestIntercomV2
        $null = 'ben@example.com', 'ann@example.com' | New-IntercomUser -ThrottleLimit 1
        $refund = New-IntercomMessageThread -Email 'ben@example.com' -Body 'I need a refund'
        $invoice = New-IntercomMessageThread -Email 'ann@example.com' -Body 'Wrong invoice'
        $login = New-IntercomMessageThread -Email 'ben@example.com' -Body 'Cannot log in'
        $null = New-IntercomTag -Name 'billing'
        $refund, $invoice | Set-IntercomMessageThread -AddTag billing
        $invoice | Set-IntercomMessageThread -CustomData @{ priority = 2 }
        $page = Get-Content -Raw (Join-Path $PSScriptRoot '../docs/Set-IntercomMessageThread.md')
        $example = [regex]::Match($page, '### Example 6:[^\n]*\n```powershell\r?\n(.*?)\r?\n```', 'Singleline').Groups[1].Value
        $example | Should -Match '^Get-IntercomMessageThread -Tag billing \| Set-IntercomMessageThread'

        & { $ErrorActionPreference = 'Stop'; & ([scriptblock]::Create($example)) }

        $refund, $invoice | Get-IntercomMessageThread | ForEach-Object { "$($_.Title): $($_.CustomData.issue_type)" } | Should -Be 'Billing question: Billing', 'Billing question: Billing'
        (Get-IntercomMessageThread -ThreadId $invoice.ThreadId).CustomData.priority | Should -Be 2
        $untouched = Get-IntercomMessageThread -ThreadId $login.ThreadId
        $untouched.Title | Should -BeNullOrEmpty
        $untouched.CustomData.Count | Should -Be 0
    }
}
