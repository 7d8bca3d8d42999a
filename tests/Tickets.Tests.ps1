# Tickets on REST API 2.14: Get-IntercomTicketType, Get-IntercomTicket (by -Id and its search), New-IntercomTicket,
# Set-IntercomTicket, Remove-IntercomTicket, Add-IntercomTicketReply and ConvertTo-IntercomTicket, as an ops person works a ticket queue: find the
# submitted ones and take them in progress, open a ticket for a user or from their conversation, assign, tag and close, delete the resolved ones. Each effect is read back through raw HTTP
# against the emulator's 2.14 face and the emulator's request counts, not through the cmdlets that made it.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    $script:headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14'; Accept = 'application/json' }

    function Invoke-Raw([string] $Method, [string] $Path, $Body) {
        $request = @{ Method = $Method; Uri = [uri]::new($IntercomTestV2Uri, $Path); Headers = $headers }
        if ($null -ne $Body) { $request.Body = $Body | ConvertTo-Json -Depth 6; $request.ContentType = 'application/json' }
        Invoke-RestMethod @request
    }

    function Get-RawTicket([string] $Id) { Invoke-Raw GET "tickets/$Id" }

    # A ticket lists no tags (2.14's ticket has none): its tags are read back by the search on tag_ids.
    function Get-RawTaggedTicketId([string] $TagId) {
        @((Invoke-Raw POST 'tickets/search' @{ query = @{ field = 'tag_ids'; operator = '='; value = $TagId } }).tickets | ForEach-Object id) | Sort-Object
    }

    function Add-RawTicket([string] $Type, [string] $Contact, [string] $Title, [hashtable] $Attributes = @{}) {
        $values = @{ _default_title_ = $Title } + $Attributes
        (Invoke-Raw POST 'tickets' @{ ticket_type_id = $Type; contacts = @(@{ id = $Contact }); ticket_attributes = $values }).id
    }

    function Initialize-TicketWorld {
        Reset-TestApp
        Connect-TestIntercomV2
        $script:adminId = (Invoke-Raw GET 'me').id
        $script:bug = (Invoke-Raw POST 'ticket_types' @{ name = 'Bug'; category = 'Back-office' }).id
        $null = Invoke-Raw POST "ticket_types/$bug/attributes" @{ name = 'Priority'; description = 'How urgent'; data_type = 'list'; list_items = 'Low,High' }
        $null = Invoke-Raw POST "ticket_types/$bug/attributes" @{ name = 'Seats'; description = 'Seats affected'; data_type = 'integer' }
        $script:question = (Invoke-Raw POST 'ticket_types' @{ name = 'Question'; category = 'Customer' }).id
        $script:ann = (Invoke-Raw POST 'contacts' @{ role = 'user'; external_id = 'u-ann'; email = 'ann@example.com'; name = 'Ann' }).id
        $script:ben = (Invoke-Raw POST 'contacts' @{ role = 'user'; external_id = 'u-ben'; email = 'ben@example.com'; name = 'Ben' }).id
        $script:annBug = Add-RawTicket $bug $ann 'Export fails' @{ Priority = 'High' }
        $script:annQuestion = Add-RawTicket $question $ann 'How do I export?'
        $script:benBug = Add-RawTicket $bug $ben 'Login loops'
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Get-IntercomTicketType' {
    BeforeAll { Initialize-TicketWorld }

    It 'lists the ticket types with their attributes, and gets one by -Id or piped' {
        $types = Get-IntercomTicketType
        $types | ForEach-Object { $_ | Should -BeOfType ([IntercomPS.TicketType]) }
        $types.Name | Should -Be 'Bug', 'Question'
        $types[0].Category | Should -Be 'Back-office'
        $types[0].Attributes.Name | Should -Contain 'Priority'
        ($types[0].Attributes | Where-Object Name -eq 'Priority').ListItems | Should -Be 'Low', 'High'
        $table = ($types | Out-String -Width 200) -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $table[0] | Should -Match '^Id\s+Name\s+Category\s+Archived\s+Attributes$'
        $table | Should -Contain ($table | Where-Object { $_ -match "^$bug\s+Bug\s+Back-office\s+False\s+Priority, Seats$" })
        (Get-IntercomTicketType -Id $question).Name | Should -Be 'Question'
        ($types[1] | Get-IntercomTicketType).Id | Should -Be $question
        (Get-IntercomTicketType -Name 'b*').Name | Should -Be 'Bug'
    }

    It 'says when no type has the name' {
        Get-IntercomTicketType -Name 'Incident' -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].Exception.Message | Should -Be "No ticket type is named 'Incident'. (not_found from GET /ticket_types)"
    }

    It 'refuses a piped type beside an -Id naming another, getting neither' {
        # PowerShell binds the command line's -Id and skips the piped type's own: the other type came back in its place.
        $piped = Get-IntercomTicketType -Id $bug
        $before = Get-TestRequestCount
        $piped | Get-IntercomTicketType -Id $question -ErrorAction SilentlyContinue -ErrorVariable twice | Should -BeNullOrEmpty
        $twice | Should -HaveCount 1
        $twice[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $twice[0].Exception.Message | Should -Be "Ticket type 'Bug' ($bug) names its ticket type, and -Id names another ($question): pipe it alone, or name the ticket type by -Id alone."
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'Get-IntercomTicket' {
    BeforeAll { Initialize-TicketWorld }

    It 'gets a ticket by -Id as a typed object with the table ops people read' {
        $ticket = Get-IntercomTicket -Id $annBug
        $ticket | Should -BeOfType ([IntercomPS.Ticket])
        $ticket.Title | Should -BeExactly 'Export fails'
        $ticket.TicketType | Should -Be 'Bug'
        $ticket.TicketTypeId | Should -Be $bug
        $ticket.State | Should -Be 'submitted'
        $ticket.StateLabel | Should -Be 'Submitted'
        $ticket.Open | Should -BeTrue
        $ticket.ContactId | Should -Be $ann
        $ticket.UserId | Should -Be 'u-ann'
        $ticket.Attributes['Priority'] | Should -Be 'High'
        $ticket.TicketId | Should -Match '^\d+$'
        $ticket.CreatedAt | Should -BeOfType ([datetime])
        $table = ($ticket | Out-String -Width 200) -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $table[0] | Should -Match '^Id\s+TicketId\s+Title\s+TicketType\s+State\s+Open\s+AdminAssigneeId\s+UserId\s+UpdatedAt$'
        $table[2] | Should -Match "^$annBug\s+\d+\s+Export fails\s+Bug\s+submitted\s+True\s+u-ann\s"
    }

    It 'binds a piped ticket''s Id, and makes an unknown one that input''s own not_found' {
        ($annBug, '999999', $benBug | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Get-IntercomTicket -ErrorAction SilentlyContinue -ErrorVariable failed).Id |
            Should -Be $annBug, $benBug
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.ticket_not_found,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject.Id | Should -Be '999999'
        (Get-IntercomTicket -Id $benBug | Get-IntercomTicket).Title | Should -BeExactly 'Login loops'
        $before = Get-TestRequestCount
        Get-IntercomTicketType -Name Bug | Get-IntercomTicket -ErrorAction SilentlyContinue -ErrorVariable type | Should -BeNullOrEmpty
        $type | Should -HaveCount 1
        $type[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $type[0].Exception.Message | Should -Be "Ticket type 'Bug' is not a ticket: to get the tickets of a type, pass its name or Id to Get-IntercomTicket -TicketType."
        [IntercomPS.Company]@{ Id = $annBug; Name = 'Acme' } | Get-IntercomTicket -ErrorAction SilentlyContinue -ErrorVariable company | Should -BeNullOrEmpty
        $company[0].Exception.Message | Should -Be "Company 'Acme' is not a ticket: pipe tickets (Get-IntercomTicket), or pass a ticket's -Id."
        Get-TestRequestCount | Should -Be ($before + 1) -Because 'only the type listing was read'
    }

    It 'refuses a piped ticket beside an -Id naming another, getting neither' {
        # PowerShell binds the command line's -Id and skips the piped ticket's own: the other ticket came back in its place.
        $piped = Get-IntercomTicket -Id $annBug
        $before = Get-TestRequestCount
        $piped | Get-IntercomTicket -Id $benBug -ErrorAction SilentlyContinue -ErrorVariable twice | Should -BeNullOrEmpty
        $twice | Should -HaveCount 1
        $twice[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $twice[0].Exception.Message | Should -Be "Ticket 'Export fails' ($annBug) names its ticket, and -Id names another ($benBug): pipe it alone, or name the ticket by -Id alone."
        $twice[0].TargetObject | Should -Be $piped
        Get-TestRequestCount | Should -Be $before
        ($piped | Get-IntercomTicket -Id " $annBug ").Id | Should -Be $annBug
    }

    It 'searches every ticket, oldest first, and by state, type, openness and user' {
        (Get-IntercomTicket).Id | Should -Be $annBug, $annQuestion, $benBug
        (Get-IntercomTicket -State submitted).Id | Should -Be $annBug, $annQuestion, $benBug
        (Get-IntercomTicket -State 'In progress') | Should -BeNullOrEmpty
        (Get-IntercomTicket -TicketType Bug).Id | Should -Be $annBug, $benBug
        (Get-IntercomTicket -TicketType $question).Id | Should -Be $annQuestion
        (Get-IntercomTicket -UserId u-ann).Id | Should -Be $annBug, $annQuestion
        (Get-IntercomTicket -Email ben@example.com -TicketType bug).Id | Should -Be $benBug
        (Get-IntercomTicket -ContactId $ann -TicketType Question).Id | Should -Be $annQuestion
        (Get-IntercomTicket -Open).Id | Should -HaveCount 3
        Get-IntercomTicket -Open:$false | Should -BeNullOrEmpty
    }

    It 'finds the tickets of an archived type by its name too, as by its Id' {
        # Before, only a type not archived was found by name: the tickets of a retired type were "No ticket type is named".
        $null = Invoke-Raw PUT "ticket_types/$question" @{ archived = $true }
        try {
            (Get-IntercomTicket -TicketType Question).Id | Should -Be $annQuestion
            (Get-IntercomTicket -TicketType $question).Id | Should -Be $annQuestion
        }
        finally { $null = Invoke-Raw PUT "ticket_types/$question" @{ archived = $false } }
    }

    It 'searches the tickets of each piped user, in order' {
        (Get-IntercomUser -Email ben@example.com, ann@example.com | Get-IntercomTicket).Id | Should -Be $benBug, $annBug, $annQuestion
        (Get-IntercomUser -Email ann@example.com | Get-IntercomTicket -TicketType Bug).Id | Should -Be $annBug
    }

    It 'names the types there are for an unknown type, and the states for an unknown state, sending no search' {
        $before = Get-TestRequestCount 'POST /tickets/search'
        Get-IntercomTicket -TicketType Incident -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].Exception.Message | Should -Be "No ticket type is named 'Incident'. The workspace's are 'Bug', 'Question' (Get-IntercomTicketType lists them). (not_found from GET /ticket_types)"
        Get-IntercomTicket -State closed -ErrorAction SilentlyContinue -ErrorVariable badState | Should -BeNullOrEmpty
        $badState | Should -HaveCount 1
        $badState[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $badState[0].Exception.Message | Should -Be ("No ticket state is named 'closed'. The workspace's are submitted ('Submitted', Id 1), in_progress ('In progress', Id 2), " +
            "waiting_on_customer ('Waiting on customer', Id 3), resolved ('Resolved', Id 4). (not_found from GET /ticket_states)")
        Get-TestRequestCount 'POST /tickets/search' | Should -Be $before
    }

    It 'pages the search''s cursor to its end, and counts -First, -Skip and -IncludeTotalCount across it' {
        Initialize-TicketWorld
        $made = 1..160 | ForEach-Object { Add-RawTicket $question $ben "Bulk $_" }
        $before = Get-TestRequestCount 'POST /tickets/search'
        $all = Get-IntercomTicket -TicketType Question
        $all | Should -HaveCount 161
        $all.Id | Should -Be (@($annQuestion) + $made)
        Get-TestRequestCount 'POST /tickets/search' | Should -Be ($before + 2) -Because '161 tickets are two pages of 150'
        (Get-IntercomTicket -TicketType Question -Skip 150 -First 3).Id | Should -Be $made[149..151]
        $counted = Get-IntercomTicket -TicketType Question -IncludeTotalCount -First 1
        $counted[0].ToString() | Should -Match '161'
        $counted[1].Id | Should -Be $annQuestion
    }
}

Describe 'Set-IntercomTicket' {
    BeforeEach { Initialize-TicketWorld }

    It 'takes every submitted ticket in progress from the pipeline, changing nothing else of them' {
        Get-IntercomTicket -State submitted | Set-IntercomTicket -State in_progress
        Get-TestRequestCount 'PUT /tickets/{ticket_id}' | Should -Be 3
        foreach ($id in $annBug, $annQuestion, $benBug) { (Get-RawTicket $id).ticket_state.category | Should -Be 'in_progress' }
        (Get-RawTicket $annBug).ticket_attributes.Priority | Should -Be 'High'
        (Get-RawTicket $annBug).ticket_attributes._default_title_ | Should -BeExactly 'Export fails'
        Get-IntercomTicket -State submitted | Should -BeNullOrEmpty
    }

    It 'moves each of hundreds of submitted tickets once while the search it pipes from moves past its first page' {
        $made = 1..160 | ForEach-Object { Add-RawTicket $question $ben "Bulk $_" }
        Get-IntercomTicket -State submitted | Set-IntercomTicket -State in_progress
        Get-TestRequestCount 'PUT /tickets/{ticket_id}' | Should -Be 163 -Because 'each ticket is changed once'
        Get-TestRequestCount 'POST /tickets/search' | Should -Be 2
        (Invoke-Raw POST 'tickets/search' @{ query = @{ field = 'state'; operator = '='; value = 'submitted' } }).total_count | Should -Be 0
        $made | Should -HaveCount 160
    }

    It 'sets the title, attributes, state by label or Id, assignee and closes, returning the ticket with -PassThru' {
        $admin = Get-IntercomAdmin -Id $adminId
        $ticket = Set-IntercomTicket -Id $annBug -Title 'Export fails on CSV' -Attributes @{ Priority = 'Low'; Seats = 12 } -State 'Waiting on customer' -Assignee $admin -PassThru
        $ticket.Title | Should -BeExactly 'Export fails on CSV'
        $ticket.State | Should -Be 'waiting_on_customer'
        $ticket.AdminAssigneeId | Should -Be $adminId
        $raw = Get-RawTicket $annBug
        $raw.ticket_attributes.Priority | Should -Be 'Low'
        $raw.ticket_attributes.Seats | Should -Be 12
        $raw.admin_assignee_id | Should -Be $adminId
        Set-IntercomTicket -Id $annBug -State 4 -Open:$false
        $raw = Get-RawTicket $annBug
        $raw.ticket_state.category | Should -Be 'resolved'
        $raw.open | Should -BeFalse
        (Get-IntercomTicket -Open:$false).Id | Should -Be $annBug
        Set-IntercomTicket -Id $annBug -AssigneeId 0
        (Get-RawTicket $annBug).admin_assignee_id | Should -Be '0'
    }

    It 'attributes a change to the -AdminId given, without an assignment too' {
        # Before, admin_id was sent only beside an assignee: a state change by -AdminId was written as the session's admin's.
        $dana = $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, 'Dana Desk', 'dana@example.com', $false).GetAwaiter().GetResult()
        Set-IntercomTicket -Id $annBug -State in_progress -AdminId $dana
        $part = @((Get-RawTicket $annBug).ticket_parts.ticket_parts | Where-Object part_type -eq 'ticket_state_updated_by_admin')[-1]
        $part.ticket_state | Should -Be 'in_progress'
        $part.author.id | Should -Be $dana
        Set-IntercomTicket -Id $annBug -State resolved
        @((Get-RawTicket $annBug).ticket_parts.ticket_parts | Where-Object part_type -eq 'ticket_state_updated_by_admin')[-1].author.id | Should -Be $adminId
    }

    It 'refuses an unknown state naming the states there are, and writes nothing' {
        Set-IntercomTicket -Id $annBug -State done -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].Exception.Message | Should -BeLike "No ticket state is named 'done'. The workspace's are submitted ('Submitted', Id 1), *"
        Get-TestRequestCount 'PUT /tickets/{ticket_id}' | Should -Be 0
    }

    It 'passes on Intercom''s refusal of a value its attribute cannot take' {
        Set-IntercomTicket -Id $annBug -Attributes @{ Priority = 'Urgent' } -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Match 'ticket_attributes.Priority must be one of its list items \(Low, High\), not ''Urgent'''
        (Get-RawTicket $annBug).ticket_attributes.Priority | Should -Be 'High'
    }

    It 'writes nothing with -WhatIf' {
        Get-IntercomTicket | Set-IntercomTicket -State resolved -WhatIf
        Get-TestRequestCount 'PUT /tickets/{ticket_id}' | Should -Be 0
        (Get-RawTicket $annBug).ticket_state.category | Should -Be 'submitted'
    }

    It 'refuses a piped user, nothing to change, and a piped ticket beside another -Id' {
        Get-IntercomUser -Email ann@example.com | Set-IntercomTicket -State resolved -ErrorAction SilentlyContinue -ErrorVariable user
        $user | Should -HaveCount 1
        $user[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $user[0].Exception.Message | Should -Be "User 'ann@example.com' is not a ticket: to act on the user's tickets, pipe the user to Get-IntercomTicket first."
        Set-IntercomTicket -Id $annBug -ErrorAction SilentlyContinue -ErrorVariable nothing
        $nothing[0].Exception.Message | Should -Be 'Nothing to change: give -State, -Title, -Description, -Attributes, -AssigneeId, -Assignee, -TeamId, -Open, -TicketType, -AddTag, -RemoveTag, -LinkThreadId or -UnlinkThreadId.'
        $noId = [IntercomPS.Admin]@{ Name = 'Ada' }
        Set-IntercomTicket -Id $annBug -Assignee $noId -ErrorAction SilentlyContinue -ErrorVariable noAdminId
        $noAdminId | Should -HaveCount 1
        $noAdminId[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $noAdminId[0].Exception.Message | Should -Be "-Assignee 'Ada' has no Id to assign the ticket to: pass admins from Get-IntercomAdmin, or give -AssigneeId."
        Get-IntercomTicket -Id $annBug | Set-IntercomTicket -Id $benBug -State resolved -ErrorAction SilentlyContinue -ErrorVariable twice
        $twice[0].Exception.Message | Should -Be "Ticket 'Export fails' ($annBug) names its ticket, and -Id names another ($benBug): pipe it alone, or name the ticket by -Id alone."
        Get-TestRequestCount 'PUT /tickets/{ticket_id}' | Should -Be 0
    }
}

Describe 'New-IntercomTicket' {
    BeforeEach { Initialize-TicketWorld }

    It 'opens a ticket of a type named by name for a piped user, with its title, description and attributes' {
        $ticket = Get-IntercomUser -Email ben@example.com | New-IntercomTicket -TicketType bug -Title 'Invoices missing' -Description 'Since May' -Attributes @{ Priority = 'High'; Seats = 3 }
        $ticket | Should -BeOfType ([IntercomPS.Ticket])
        $raw = Get-RawTicket $ticket.Id
        $raw.ticket_type.id | Should -Be $bug
        $raw.contacts.contacts[0].id | Should -Be $ben
        $raw.ticket_attributes._default_title_ | Should -BeExactly 'Invoices missing'
        $raw.ticket_attributes._default_description_ | Should -BeExactly 'Since May'
        $raw.ticket_attributes.Priority | Should -Be 'High'
        $raw.ticket_attributes.Seats | Should -Be 3
        $raw.ticket_state.category | Should -Be 'submitted'
    }

    It 'opens one for a user by -Email or -UserId, of a type by Id, assigned to an admin' {
        $ticket = New-IntercomTicket -TicketType $question -UserId u-ann -Title 'Where is my invoice?' -AssigneeId $adminId
        (Get-RawTicket $ticket.Id).admin_assignee_id | Should -Be $adminId
        (New-IntercomTicket Question -Email ben@example.com -Title 'Hi').ContactId | Should -Be $ben
    }

    It 'refuses an unknown type naming the types there are, and creates nothing' {
        $before = Get-TestRequestCount 'POST /tickets'
        New-IntercomTicket -TicketType Incident -Email ann@example.com -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].Exception.Message | Should -Be "No ticket type is named 'Incident'. The workspace's are 'Bug', 'Question' (Get-IntercomTicketType lists them). (not_found from GET /ticket_types)"
        Get-TestRequestCount 'POST /tickets' | Should -Be $before
    }

    It 'refuses an archived type named by Id or by name, saying it is archived, and creates nothing' {
        $null = Invoke-Raw PUT "ticket_types/$question" @{ archived = $true }
        $before = Get-TestRequestCount 'POST /tickets'
        New-IntercomTicket -TicketType $question -Email ann@example.com -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable archived
        $archived | Should -HaveCount 1
        $archived[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $archived[0].Exception.Message | Should -Be "Ticket type 'Question' ($question) is archived, and an archived type takes no new tickets: give a type that is not (Get-IntercomTicketType lists them)."
        New-IntercomTicket -TicketType question -Email ann@example.com -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable byName
        $byName | Should -HaveCount 1
        $byName[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $byName[0].Exception.Message | Should -Be "Ticket type 'Question' ($question) is archived, and an archived type takes no new tickets: give a type that is not (Get-IntercomTicketType lists them)."
        Get-TestRequestCount 'POST /tickets' | Should -Be $before
    }

    It 'refuses a piped thread, whose Title would bind as the ticket''s, saying how to open one for its user' {
        $thread = New-IntercomMessageThread -Email ann@example.com -Body 'Export is broken'
        $before = Get-TestRequestCount 'POST /tickets'
        $thread | New-IntercomTicket Bug -ErrorAction SilentlyContinue -ErrorVariable piped
        $piped | Should -HaveCount 1
        $piped[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $piped[0].TargetObject.ThreadId | Should -Be $thread.ThreadId
        $piped[0].Exception.Message | Should -Be "Thread $($thread.ThreadId) is a conversation, not a user: to open a ticket for its user, pass -Id '$ann' (or pipe Get-IntercomUser -Id '$ann')."
        Get-TestRequestCount 'POST /tickets' | Should -Be $before
    }

    It 'refuses a piped ticket and an attribute value it cannot send, creating nothing' {
        $before = Get-TestRequestCount 'POST /tickets'
        Get-IntercomTicket -Id $annBug | New-IntercomTicket -ErrorAction SilentlyContinue -ErrorVariable copy
        $copy[0].Exception.Message | Should -Be "Ticket 'Export fails' already exists: New-IntercomTicket would copy it. To change it, pipe it to Set-IntercomTicket."
        New-IntercomTicket Bug -Email ann@example.com -Attributes @{ Priority = @('Low', 'High') } -ErrorAction SilentlyContinue -ErrorVariable bad
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $bad[0].Exception.Message | Should -Be "-Attributes 'Priority' is a Object[]: give a string, a number, a boolean, a date or `$null."
        Get-TestRequestCount 'POST /tickets' | Should -Be $before
    }

    It 'never repeats a create whose answer was lost: it was applied, and the error says it may have been' {
        $before = Get-TestRequestCount 'POST /tickets'
        Set-TestFaults @{ drop_rate = 1; route = 'POST /tickets' }
        try {
            New-IntercomTicket Bug -Email ann@example.com -Title 'Only once' -ErrorAction SilentlyContinue -ErrorVariable lost
        }
        finally { Clear-TestFaults }
        $lost | Should -HaveCount 1
        $lost[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.response_lost,*'
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount 'POST /tickets' | Should -Be ($before + 1)
        @(Get-IntercomTicket -UserId u-ann | Where-Object Title -eq 'Only once') | Should -HaveCount 1
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-TestRequestCount 'POST /tickets'
        Get-IntercomUser -Email ann@example.com | New-IntercomTicket -TicketType Bug -Title 'Preview only' -WhatIf
        Get-TestRequestCount 'POST /tickets' | Should -Be $before
    }
}

Describe 'Set-IntercomTicket tags and teams' {
    BeforeEach {
        Initialize-TicketWorld
        $script:urgent = (Invoke-Raw POST 'tags' @{ name = 'urgent' }).id
        $script:triaged = (Invoke-Raw POST 'tags' @{ name = 'Triaged' }).id
    }

    It 'tags every piped ticket, finding the tag by name once for the whole command, then untags them' {
        $listings = Get-TestRequestCount 'GET /tags'
        Get-IntercomTicket -TicketType Bug | Set-IntercomTicket -AddTag urgent, triaged
        Get-TestRequestCount 'GET /tags' | Should -Be ($listings + 1)
        Get-TestRequestCount 'POST /tickets/{ticket_id}/tags' | Should -Be 4
        Get-RawTaggedTicketId $urgent | Should -Be (@($annBug, $benBug) | Sort-Object)
        Get-RawTaggedTicketId $triaged | Should -Be (@($annBug, $benBug) | Sort-Object)
        Get-RawTaggedTicketId $urgent | Should -Not -Contain $annQuestion

        # Tagged again: the tag stays as it was; untagged by a tag of another case, with a state change alongside.
        $ticket = Set-IntercomTicket -Id $annBug -AddTag urgent -RemoveTag TRIAGED -State in_progress -PassThru
        $ticket.State | Should -Be 'in_progress'
        Get-RawTaggedTicketId $triaged | Should -Be $benBug
        Get-RawTaggedTicketId $urgent | Should -Be (@($annBug, $benBug) | Sort-Object)
        Get-TestRequestCount 'DELETE /tickets/{ticket_id}/tags/{tag_id}' | Should -Be 1
        # Tags alone: -PassThru reads the ticket, which does not list them.
        (Set-IntercomTicket -Id $benBug -RemoveTag urgent -PassThru).Id | Should -Be $benBug
        Get-RawTaggedTicketId $urgent | Should -Be $annBug
    }

    It 'finds the tickets by tag with Get-IntercomTicket -Tag, as tickets show none, and says when no tag has the name' {
        Set-IntercomTicket -Id $annBug -AddTag urgent -State in_progress
        Set-IntercomTicket -Id $benBug -AddTag triaged
        @(Get-IntercomTicket -Tag URGENT).Id | Should -Be $annBug
        @(Get-IntercomTicket -Tag urgent, triaged).Id | Sort-Object | Should -Be (@($annBug, $benBug) | Sort-Object)
        @(Get-IntercomTicket -Tag urgent -TicketType Bug -State in_progress).Id | Should -Be $annBug
        @(Get-IntercomTicket -Tag triaged -State in_progress) | Should -HaveCount 0

        $searches = Get-TestRequestCount 'POST /tickets/search'
        Get-IntercomTicket -Tag nope -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $missing[0].Exception.Message | Should -BeLike "*'nope'*"
        Get-TestRequestCount 'POST /tickets/search' | Should -Be $searches
    }

    It 'refuses an unknown tag name for each ticket, writing nothing to any' {
        $before = Get-TestRequestCount 'PUT /tickets/{ticket_id}'
        Get-IntercomTicket -TicketType Bug | Set-IntercomTicket -AddTag urgent, nope -State resolved -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 2
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed | ForEach-Object { $_.Exception.Message | Should -Be "No tag is named 'nope'. (not_found from GET /tags)" }
        Get-TestRequestCount 'GET /tags' | Should -Be 1
        Set-IntercomTicket -Id $annBug -AddTag urgent -RemoveTag Urgent -ErrorAction SilentlyContinue -ErrorVariable both
        $both | Should -HaveCount 1
        $both[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $both[0].Exception.Message | Should -Be "-AddTag and -RemoveTag both name 'urgent': give each tag to one."
        Get-TestRequestCount 'GET /tags' | Should -Be 1
        Get-TestRequestCount 'PUT /tickets/{ticket_id}' | Should -Be $before
        Get-TestRequestCount 'POST /tickets/{ticket_id}/tags' | Should -Be 0
        (Get-RawTicket $annBug).ticket_state.category | Should -Be 'submitted'
    }

    It 'passes on Intercom''s answer for a ticket that is not there, and for a tag the ticket does not have' {
        Set-IntercomTicket -Id 999999 -AddTag urgent -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.ticket_not_found,*'
        $missing[0].Exception.Message | Should -BeLike 'Ticket not found (404 ticket_not_found from POST /tickets/999999/tags, request *)'
        Set-IntercomTicket -Id $annBug -RemoveTag urgent -ErrorAction SilentlyContinue -ErrorVariable untagged
        $untagged | Should -HaveCount 1
        $untagged[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.tag_not_found,*'
        $untagged[0].Exception.Message | Should -BeLike "Tag not found (404 tag_not_found from DELETE /tickets/$annBug/tags/$urgent, request *)"
    }

    It 'sends nothing with -WhatIf, naming the tag changes' {
        $run = Invoke-TestPwsh -Api V2 -Script "Get-IntercomTicket -TicketType Bug | Set-IntercomTicket -AddTag urgent -RemoveTag Triaged -WhatIf"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Lines | Where-Object { $_ -like 'What if:*' } | Should -Be @(
            "What if: Performing the operation ""Update Intercom ticket: tag 'urgent'; untag 'Triaged'"" on target ""ticket 'Export fails' ($annBug)""."
            "What if: Performing the operation ""Update Intercom ticket: tag 'urgent'; untag 'Triaged'"" on target ""ticket 'Login loops' ($benBug)""."
        )
        Get-TestRequestCount 'GET /tags' | Should -Be 0
        Get-TestRequestCount 'POST /tickets/{ticket_id}/tags' | Should -Be 0
        Get-TestRequestCount 'DELETE /tickets/{ticket_id}/tags/{tag_id}' | Should -Be 0
    }

    It 'assigns a ticket to a team, keeping its admin, and to both at once' {
        $billing = $IntercomTestAdmin.AddTeamAsync($IntercomTestAppId, 'Billing', [string[]] @($adminId)).GetAwaiter().GetResult()
        $support = $IntercomTestAdmin.AddTeamAsync($IntercomTestAppId, 'Support', [string[]] @($adminId)).GetAwaiter().GetResult()
        Set-IntercomTicket -Id $annBug -AssigneeId $adminId
        $ticket = Get-IntercomTicket -Id $annBug | Set-IntercomTicket -TeamId $billing -PassThru
        $ticket.TeamAssigneeId | Should -Be $billing
        $ticket.AdminAssigneeId | Should -Be $adminId
        $raw = Get-RawTicket $annBug
        $raw.team_assignee_id | Should -Be $billing
        $raw.admin_assignee_id | Should -Be $adminId
        # Unassigned whole, then given an admin and a team in one command (assignee_id holds one: two PUTs).
        $before = Get-TestRequestCount 'PUT /tickets/{ticket_id}'
        $ticket = Set-IntercomTicket -Id $benBug -AssigneeId $adminId -TeamId $support -State in_progress -PassThru
        Get-TestRequestCount 'PUT /tickets/{ticket_id}' | Should -Be ($before + 2)
        $ticket.AdminAssigneeId | Should -Be $adminId
        $ticket.TeamAssigneeId | Should -Be $support
        $ticket.State | Should -Be 'in_progress'
        Set-IntercomTicket -Id $annBug -AssigneeId 0
        $raw = Get-RawTicket $annBug
        $raw.team_assignee_id | Should -Be '0'
        $raw.admin_assignee_id | Should -Be '0'
    }

    It 'refuses -TeamId 0, which would unassign the admin too, and a team that is not there' {
        $before = Get-TestRequestCount 'PUT /tickets/{ticket_id}'
        Set-IntercomTicket -Id $annBug -TeamId 0 -ErrorAction SilentlyContinue -ErrorVariable zero
        $zero | Should -HaveCount 1
        $zero[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $zero[0].Exception.Message | Should -Be "-TeamId 0 would unassign the admin too (Intercom's assignee_id 0 unassigns a ticket whole): to unassign it, give -AssigneeId 0."
        Get-TestRequestCount 'PUT /tickets/{ticket_id}' | Should -Be $before
        Set-IntercomTicket -Id $annBug -TeamId 4242 -ErrorAction SilentlyContinue -ErrorVariable unknown
        $unknown | Should -HaveCount 1
        $unknown[0].Exception.Message | Should -BeLike '* (404 * from PUT /tickets/*)'
        (Get-RawTicket $annBug).team_assignee_id | Should -Be '0'
    }
}

Describe 'Remove-IntercomTicket' {
    BeforeEach { Initialize-TicketWorld }

    It 'deletes the resolved tickets piped from a search, and only those' {
        Set-IntercomTicket -Id $annBug -State resolved
        Set-IntercomTicket -Id $benBug -State resolved
        Get-IntercomTicket -State resolved | Remove-IntercomTicket -Force
        Get-TestRequestCount 'DELETE /tickets/{ticket_id}' | Should -Be 2
        (Get-IntercomTicket).Id | Should -Be $annQuestion
        { Get-RawTicket $annBug } | Should -Throw '*404*'
    }

    It 'returns the ticket as it was with -PassThru, read before the delete' {
        $gone = Remove-IntercomTicket -Id $annBug -Force -PassThru
        $gone | Should -BeOfType ([IntercomPS.Ticket])
        $gone.Title | Should -BeExactly 'Export fails'
        $gone.TicketType | Should -Be 'Bug'
        $gone.Attributes.Priority | Should -Be 'High'
        Remove-IntercomTicket $benBug -Force | Should -BeNullOrEmpty
        @(Get-IntercomTicket).Id | Should -Be $annQuestion
    }

    It 'passes on Intercom''s answer for a ticket that is not there, reading first with -PassThru' {
        Remove-IntercomTicket -Id 999999 -Force -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.ticket_not_found,*'
        $missing[0].Exception.Message | Should -BeLike 'Ticket not found (404 ticket_not_found from DELETE /tickets/999999, request *)'
        $before = Get-TestRequestCount 'DELETE /tickets/{ticket_id}'
        Remove-IntercomTicket -Id 999999 -Force -PassThru -ErrorAction SilentlyContinue -ErrorVariable read
        $read | Should -HaveCount 1
        $read[0].Exception.Message | Should -BeLike 'Ticket not found (404 ticket_not_found from GET /tickets/999999, request *)'
        Get-TestRequestCount 'DELETE /tickets/{ticket_id}' | Should -Be $before
        Remove-IntercomTicket -Id 'T-1' -Force -ErrorAction SilentlyContinue -ErrorVariable bad
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $bad[0].Exception.Message | Should -Be "A ticket's Id is a number Intercom gave, not 'T-1'."
    }

    It 'never repeats a delete whose answer was lost' {
        Set-TestFaults @{ drop_rate = 1; route = 'DELETE /tickets/{ticket_id}' }
        try {
            Remove-IntercomTicket -Id $benBug -Force -ErrorAction SilentlyContinue -ErrorVariable lost
        }
        finally { Clear-TestFaults }
        $lost | Should -HaveCount 1
        $lost[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.response_lost,*'
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount 'DELETE /tickets/{ticket_id}' | Should -Be 1
        @(Get-IntercomTicket).Id | Should -Not -Contain $benBug
    }

    It 'deletes nothing with -WhatIf, saying which tickets it would delete' {
        $run = Invoke-TestPwsh -Api V2 -Script "Get-IntercomTicket -TicketType Bug | Remove-IntercomTicket -WhatIf"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Lines | Where-Object { $_ -like 'What if:*' } | Should -Be @(
            "What if: Performing the operation ""Remove Intercom ticket (permanently, with its replies)"" on target ""ticket 'Export fails' ($annBug)""."
            "What if: Performing the operation ""Remove Intercom ticket (permanently, with its replies)"" on target ""ticket 'Login loops' ($benBug)""."
        )
        Get-TestRequestCount 'DELETE /tickets/{ticket_id}' | Should -Be 0
        @(Get-IntercomTicket) | Should -HaveCount 3
    }

    It 'asks first without -Force, and -Confirm:$false deletes' {
        $run = Invoke-TestPwsh -Api V2 -Script "Remove-IntercomTicket -Id $annBug"
        $run.ExitCode | Should -Not -Be 0
        Get-TestRequestCount 'DELETE /tickets/{ticket_id}' | Should -Be 0
        Remove-IntercomTicket -Id $annBug -Confirm:$false
        Get-TestRequestCount 'DELETE /tickets/{ticket_id}' | Should -Be 1
    }

    It 'refuses a piped user, a piped ticket beside another -Id, and no ticket, deleting nothing' {
        Get-IntercomUser -Email ann@example.com | Remove-IntercomTicket -Force -ErrorAction SilentlyContinue -ErrorVariable user
        $user | Should -HaveCount 1
        $user[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $user[0].Exception.Message | Should -Be "User 'ann@example.com' is not a ticket: to act on the user's tickets, pipe the user to Get-IntercomTicket first."
        Get-IntercomTicket -Id $annBug | Remove-IntercomTicket -Id $benBug -Force -ErrorAction SilentlyContinue -ErrorVariable twice
        $twice | Should -HaveCount 1
        $twice[0].Exception.Message | Should -Be "Ticket 'Export fails' ($annBug) names its ticket, and -Id names another ($benBug): pipe it alone, or name the ticket by -Id alone."
        Remove-IntercomTicket -Id ' ' -Force -ErrorAction SilentlyContinue -ErrorVariable blank
        $blank[0].Exception.Message | Should -Be 'Name the ticket to delete by -Id, or pipe it from Get-IntercomTicket (a blank cell names none).'
        Get-TestRequestCount 'DELETE /tickets/{ticket_id}' | Should -Be 0
        @(Get-IntercomTicket) | Should -HaveCount 3
    }
}

Describe 'Add-IntercomTicketReply' {
    BeforeAll { Initialize-TicketWorld }

    It 'adds an admin''s comment and note, and the user''s comment, to piped tickets' {
        $part = Get-IntercomTicket -Id $annBug | Add-IntercomTicketReply 'We are on it'
        $part | Should -BeOfType ([IntercomPS.TicketPart])
        $part.PartType | Should -Be 'comment'
        $part.AuthorId | Should -Be $adminId
        $part.TicketId | Should -Be $annBug
        (Add-IntercomTicketReply -Id $annBug 'Needs engineering' -Note).PartType | Should -Be 'note'
        $bodies = (Get-RawTicket $annBug).ticket_parts.ticket_parts | Where-Object body | ForEach-Object body
        $bodies | Should -HaveCount 2
        $bodies[0] | Should -Match 'We are on it'
        $bodies[1] | Should -Match 'Needs engineering'
        $mine = Add-IntercomTicketReply -Id $annQuestion 'Thanks!' -Email ann@example.com
        $mine.AuthorType | Should -Be 'user'
        $mine.AuthorId | Should -Be $ann
        ((Get-RawTicket $annQuestion).ticket_parts.ticket_parts | Where-Object body).body | Should -Match 'Thanks!'
    }

    It 'never repeats a reply whose answer was lost' {
        $before = Get-TestRequestCount 'POST /tickets/{ticket_id}/reply'
        Set-TestFaults @{ drop_rate = 1; route = 'POST /tickets/{ticket_id}/reply' }
        try {
            Add-IntercomTicketReply -Id $benBug 'Once only' -ErrorAction SilentlyContinue -ErrorVariable lost
        }
        finally { Clear-TestFaults }
        $lost | Should -HaveCount 1
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount 'POST /tickets/{ticket_id}/reply' | Should -Be ($before + 1)
        @((Get-RawTicket $benBug).ticket_parts.ticket_parts | Where-Object body) | Should -HaveCount 1
    }

    It 'refuses a note by a user and sends nothing with -WhatIf' {
        $before = Get-TestRequestCount 'POST /tickets/{ticket_id}/reply'
        Add-IntercomTicketReply -Id $annBug 'x' -Note -Email ann@example.com -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Be "A user's reply is a comment: -Note and -AdminId are an admin's; leave them out, or leave out -UserId, -Email and -ContactId."
        Add-IntercomTicketReply -Id $annBug 'Preview' -WhatIf
        Get-TestRequestCount 'POST /tickets/{ticket_id}/reply' | Should -Be $before
        Add-IntercomTicketReply -Id $annBug 'From Ann' -UserId u-ann -ErrorAction SilentlyContinue -ErrorVariable backOffice
        $backOffice | Should -HaveCount 1
        $backOffice[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_mismatch,*'
        $backOffice[0].Exception.Message | Should -BeLike 'User replies are not allowed on Backoffice tickets (400 parameter_mismatch from POST /tickets/*/reply*'
        $before++
        Get-TestRequestCount 'POST /tickets/{ticket_id}/reply' | Should -Be $before
    }
}

Describe 'ConvertTo-IntercomTicket' {
    BeforeEach {
        Initialize-TicketWorld
        $script:thread = New-IntercomMessageThread -Email ann@example.com -Body 'Export is broken'
        $script:converts = 'POST /conversations/{conversation_id}/convert'
    }

    It 'converts a piped thread to a ticket of a Customer type named by name: its user, its messages, then the state change' {
        Add-TestAdminReply ann@example.com $thread.ThreadId 'Looking into it'
        $ticket = Get-IntercomMessageThread -ThreadId $thread.ThreadId | ConvertTo-IntercomTicket -TicketType question -Title 'Export broken' -Attributes @{ _default_description_ = 'Since May' }
        $ticket | Should -BeOfType ([IntercomPS.Ticket])
        $ticket.Title | Should -BeExactly 'Export broken'
        $ticket.ContactId | Should -Be $ann
        $raw = Get-RawTicket $ticket.Id
        $raw.ticket_type.id | Should -Be $question
        $raw.ticket_state.category | Should -Be 'submitted'
        $raw.ticket_attributes._default_description_ | Should -BeExactly 'Since May'
        $raw.ticket_parts.ticket_parts.part_type | Should -Be 'comment', 'comment', 'ticket_state_updated_by_admin'
        $raw.ticket_parts.ticket_parts[0].body | Should -Be '<p>Export is broken</p>'
        # The thread stays, as it was.
        (Get-IntercomMessageThread -ThreadId $thread.ThreadId).Messages | Should -HaveCount 2
    }

    It 'converts by -Id (a thread of a CSV row, by its thread_id) with a type named by Id' {
        $ticket = [pscustomobject]@{ thread_id = "$($thread.ThreadId)" } | ConvertTo-IntercomTicket -TicketType $question -Title 'From a row'
        (Get-RawTicket $ticket.Id).ticket_attributes._default_title_ | Should -BeExactly 'From a row'
    }

    It 'converts the conversation a piped sent message opened, by its ConversationId' {
        $sent = Send-IntercomMessage -Email ann@example.com -Body 'Your export is ready' -Confirm:$false
        $ticket = $sent | ConvertTo-IntercomTicket -TicketType Question -Title 'Export follow-up'
        (Get-RawTicket $ticket.Id).ticket_parts.ticket_parts[0].author.type | Should -Be 'admin'
        ConvertTo-IntercomTicket -Id $sent.ConversationId -TicketType Question -ErrorAction SilentlyContinue -ErrorVariable again
        $again[0].Exception.Message | Should -BeLike "Conversation $($sent.ConversationId) has already been converted to a ticket (id $($ticket.Id))*"
    }

    It 'refuses converting a thread twice with Intercom''s error: one ticket, never two' {
        $first = ConvertTo-IntercomTicket -Id $thread.ThreadId -TicketType Question
        ConvertTo-IntercomTicket -Id $thread.ThreadId -TicketType Question -ErrorAction SilentlyContinue -ErrorVariable twice | Should -BeNullOrEmpty
        $twice | Should -HaveCount 1
        $twice[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_invalid,*'
        $twice[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $twice[0].Exception.Message | Should -BeLike "Conversation $($thread.ThreadId) has already been converted to a ticket (id $($first.Id)) (400 parameter_invalid from POST /conversations/$($thread.ThreadId)/convert*"
        @(Get-IntercomTicket -UserId u-ann -TicketType Question) | Should -HaveCount 2 # annQuestion and the conversion
    }

    It 'refuses a Back-office type, an archived type named by Id or name and an unknown name, converting nothing' {
        $before = Get-TestRequestCount $converts
        ConvertTo-IntercomTicket -Id $thread.ThreadId -TicketType Bug -ErrorAction SilentlyContinue -ErrorVariable backOffice
        $backOffice | Should -HaveCount 1
        $backOffice[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $backOffice[0].Exception.Message | Should -Be "Ticket type 'Bug' ($bug) is a Back-office type, and only a Customer type takes a conversation: give a Customer type (Get-IntercomTicketType lists them)."
        ConvertTo-IntercomTicket -Id $thread.ThreadId -TicketType Incident -ErrorAction SilentlyContinue -ErrorVariable unknown
        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $unknown[0].Exception.Message | Should -Be "No ticket type is named 'Incident'. The workspace's are 'Bug', 'Question' (Get-IntercomTicketType lists them). (not_found from GET /ticket_types)"
        $null = Invoke-Raw PUT "ticket_types/$question" @{ archived = $true }
        ConvertTo-IntercomTicket -Id $thread.ThreadId -TicketType $question -ErrorAction SilentlyContinue -ErrorVariable archived
        $archived | Should -HaveCount 1
        $archived[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $archived[0].Exception.Message | Should -Be "Ticket type 'Question' ($question) is archived, and an archived type takes no new tickets: give a type that is not (Get-IntercomTicketType lists them)."
        # A name of an archived type is told so, not that no type has it.
        ConvertTo-IntercomTicket -Id $thread.ThreadId -TicketType Question -ErrorAction SilentlyContinue -ErrorVariable byName
        $byName | Should -HaveCount 1
        $byName[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $byName[0].Exception.Message | Should -Be "Ticket type 'Question' ($question) is archived, and an archived type takes no new tickets: give a type that is not (Get-IntercomTicketType lists them)."
        Get-TestRequestCount $converts | Should -Be $before
    }

    It 'refuses a piped thread beside an -Id naming another, a piped user or ticket, and a bad -Id, sending nothing' {
        $other = New-IntercomMessageThread -Email ben@example.com -Body 'Login loops'
        $before = Get-TestRequestCount
        $thread | ConvertTo-IntercomTicket -Id $other.ThreadId -TicketType Question -ErrorAction SilentlyContinue -ErrorVariable twice
        $twice | Should -HaveCount 1
        $twice[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $twice[0].TargetObject.ThreadId | Should -Be $thread.ThreadId
        $twice[0].Exception.Message | Should -Be "The piped thread names thread $($thread.ThreadId), and -Id names another ($($other.ThreadId)): pipe it alone, or name the thread by -Id alone."
        Get-IntercomUser -Email ann@example.com | ConvertTo-IntercomTicket -TicketType Question -ErrorAction SilentlyContinue -ErrorVariable user
        $user[0].Exception.Message | Should -Be "User 'ann@example.com' is not a thread: to open a ticket for the user, pipe the user to New-IntercomTicket; to convert one of the user's threads, pipe Get-IntercomMessageThread -Id '$ann'."
        $before = Get-TestRequestCount
        [IntercomPS.Ticket]@{ Id = $annBug; Title = 'Export fails' } | ConvertTo-IntercomTicket -TicketType Question -ErrorAction SilentlyContinue -ErrorVariable ticket
        $ticket[0].Exception.Message | Should -Be "Ticket 'Export fails' is a ticket already, not a thread: to change it, pipe it to Set-IntercomTicket."
        ConvertTo-IntercomTicket -Id abc -TicketType Question -ErrorAction SilentlyContinue -ErrorVariable bad
        $bad[0].Exception.Message | Should -Be "-Id 'abc' is no thread's id: a thread's id is a positive number (Get-IntercomMessageThread shows ThreadId)."
        Get-TestRequestCount | Should -Be $before
    }

    It 'never repeats a conversion whose answer was lost: it was applied, and the error says it may have been' {
        $before = Get-TestRequestCount $converts
        Set-TestFaults @{ drop_rate = 1; route = $converts }
        try {
            ConvertTo-IntercomTicket -Id $thread.ThreadId -TicketType Question -Title 'Only once' -ErrorAction SilentlyContinue -ErrorVariable lost
        }
        finally { Clear-TestFaults }
        $lost | Should -HaveCount 1
        $lost[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.response_lost,*'
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount $converts | Should -Be ($before + 1)
        @(Get-IntercomTicket -UserId u-ann | Where-Object Title -eq 'Only once') | Should -HaveCount 1
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-TestRequestCount
        $thread | ConvertTo-IntercomTicket -TicketType Question -WhatIf
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'Tickets on Intercom-Version 2.16' {
    BeforeAll { Initialize-TicketWorld }

    It 'reads and writes the assignee, which 2.16 writes as an integer' {
        Connect-TestIntercomV2 -ApiVersion 2.16
        try {
            Set-IntercomTicket -Id $annBug -AssigneeId $adminId -State in_progress
            $ticket = Get-IntercomTicket -Id $annBug
            $ticket.AdminAssigneeId | Should -Be $adminId
            $ticket.TeamAssigneeId | Should -BeNullOrEmpty
            $ticket.State | Should -Be 'in_progress'
            (Get-IntercomTicket -State in_progress).Id | Should -Be $annBug
        }
        finally { Connect-TestIntercomV2 }
    }
}

Describe 'Tickets on sessions that cannot' {
    It 'refuses every ticket cmdlet on v1, sending nothing' {
        Reset-TestApp
        Connect-TestIntercom
        $before = Get-TestRequestCount
        $v1 = 'The v1 API has no tickets: connect with Connect-Intercom -AccessToken to REST API 2.x, which has them.'
        Get-IntercomTicket -ErrorAction SilentlyContinue -ErrorVariable list
        Get-IntercomTicket -Id 1 -ErrorAction SilentlyContinue -ErrorVariable one
        Get-IntercomTicketType -ErrorAction SilentlyContinue -ErrorVariable types
        New-IntercomTicket Bug -Email ann@example.com -ErrorAction SilentlyContinue -ErrorVariable made
        Set-IntercomTicket -Id 1 -State resolved -ErrorAction SilentlyContinue -ErrorVariable set
        Set-IntercomTicket -Id 1 -AddTag urgent -ErrorAction SilentlyContinue -ErrorVariable tag
        Remove-IntercomTicket -Id 1 -Force -ErrorAction SilentlyContinue -ErrorVariable removed
        Add-IntercomTicketReply -Id 1 'x' -ErrorAction SilentlyContinue -ErrorVariable reply
        ConvertTo-IntercomTicket -Id 1 -TicketType Question -ErrorAction SilentlyContinue -ErrorVariable converted
        foreach ($failed in $list, $one, $types, $made, $set, $tag, $removed, $reply, $converted) {
            $failed | Should -HaveCount 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
            $failed[0].Exception.Message | Should -Be $v1
        }
        Get-TestRequestCount | Should -Be $before
    }

    It 'refuses them on a 2.x session asking for a version before 2.14' {
        Connect-TestIntercomV2 -ApiVersion 2.11
        Get-IntercomTicket -State submitted -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Be 'Tickets needs Intercom-Version 2.14 or later, and this session asks for 2.11: connect with Connect-Intercom -ApiVersion 2.14.'
        $before = Get-TestRequestCount
        ConvertTo-IntercomTicket -Id 1 -TicketType Question -ErrorAction SilentlyContinue -ErrorVariable converted
        $converted | Should -HaveCount 1
        $converted[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $converted[0].Exception.Message | Should -Be 'Tickets needs Intercom-Version 2.14 or later, and this session asks for 2.11: connect with Connect-Intercom -ApiVersion 2.14.'
        Get-TestRequestCount | Should -Be $before
    }
}
