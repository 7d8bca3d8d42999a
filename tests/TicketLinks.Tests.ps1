# Set-IntercomTicket on Intercom-Version 2.16: -TicketType moves a ticket to another type of its category (POST
# /tickets/{id}/change_type), and -LinkThreadId / -UnlinkThreadId link threads to a tracker ticket and unlink them;
# the ticket shows them as LinkedThreadIds. Each effect is read back through raw HTTP against the emulator's 2.16 face
# and its request counts. Sessions on older versions and v1 are refused before anything is sent.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    $script:headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.16'; Accept = 'application/json' }

    function Invoke-Raw([string] $Method, [string] $Path, $Body) {
        $request = @{ Method = $Method; Uri = [uri]::new($IntercomTestV2Uri, $Path); Headers = $headers }
        if ($null -ne $Body) { $request.Body = $Body | ConvertTo-Json -Depth 6; $request.ContentType = 'application/json' }
        Invoke-RestMethod @request
    }

    function Get-RawTicket([string] $Id) { Invoke-Raw GET "tickets/$Id" }

    function Add-RawTicket([string] $Type, [string] $Contact, [string] $Title, [hashtable] $Attributes = @{}) {
        $values = @{ _default_title_ = $Title } + $Attributes
        (Invoke-Raw POST 'tickets' @{ ticket_type_id = $Type; contacts = @(@{ id = $Contact }); ticket_attributes = $values }).id
    }

    function Initialize-TicketWorld {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
        $script:adminId = (Invoke-Raw GET 'me').id
        $script:bug = (Invoke-Raw POST 'ticket_types' @{ name = 'Bug'; category = 'Back-office' }).id
        $null = Invoke-Raw POST "ticket_types/$bug/attributes" @{ name = 'Priority'; description = 'How urgent'; data_type = 'list'; list_items = 'Low,High' }
        $script:defect = (Invoke-Raw POST 'ticket_types' @{ name = 'Defect'; category = 'Back-office' }).id
        $null = Invoke-Raw POST "ticket_types/$defect/attributes" @{ name = 'Priority'; description = 'How urgent'; data_type = 'list'; list_items = 'Low,High' }
        $null = Invoke-Raw POST "ticket_types/$defect/attributes" @{ name = 'Area'; description = 'Where'; data_type = 'string' }
        $script:question = (Invoke-Raw POST 'ticket_types' @{ name = 'Question'; category = 'Customer' }).id
        $script:outage = (Invoke-Raw POST 'ticket_types' @{ name = 'Outage'; category = 'Tracker' }).id
        $script:ann = (Invoke-Raw POST 'contacts' @{ role = 'user'; external_id = 'u-ann'; email = 'ann@example.com'; name = 'Ann' }).id
        $script:annBug = Add-RawTicket $bug $ann 'Export fails' @{ Priority = 'High' }
        $script:benBug = Add-RawTicket $bug $ann 'Login loops' @{ Priority = 'Low' }
        $script:tracker = Add-RawTicket $outage $ann 'Payments down'
        $script:thread1 = (Invoke-Raw POST 'conversations' @{ from = @{ type = 'user'; id = $ann }; body = 'Card declined' }).conversation_id
        $script:thread2 = (Invoke-Raw POST 'conversations' @{ from = @{ type = 'user'; id = $ann }; body = 'Checkout hangs' }).conversation_id
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Set-IntercomTicket -TicketType' {
    BeforeEach { Initialize-TicketWorld }

    It 'moves piped tickets to the type named, carrying the attributes both types have and setting the new ones' {
        Get-IntercomTicket -TicketType Bug | Set-IntercomTicket -TicketType Defect -Attributes @{ Area = 'Export' }
        Get-TestRequestCount 'POST /tickets/{ticket_id}/change_type' | Should -Be 2
        foreach ($id in $annBug, $benBug) {
            $raw = Get-RawTicket $id
            $raw.ticket_type.id | Should -Be $defect
            $raw.ticket_state.category | Should -Be 'submitted'
            $raw.ticket_attributes.Area | Should -BeExactly 'Export'
        }
        (Get-RawTicket $annBug).ticket_attributes.Priority | Should -BeExactly 'High'
        (Get-RawTicket $benBug).ticket_attributes.Priority | Should -BeExactly 'Low'
    }

    It 'takes the state and the rest of the change with it, by the type''s Id, and passes the ticket on' {
        $ticket = Set-IntercomTicket -Id $annBug -TicketType $defect -State in_progress -Title 'Export fails on CSV' -AssigneeId $adminId -PassThru
        $ticket | Should -BeOfType ([IntercomPS.Ticket])
        $ticket.TicketType | Should -BeExactly 'Defect'
        $ticket.State | Should -BeExactly 'in_progress'
        $ticket.Title | Should -BeExactly 'Export fails on CSV'
        $ticket.AdminAssigneeId | Should -Be $adminId
        (Get-RawTicket $annBug).ticket_type.id | Should -Be $defect
    }

    It 'passes on Intercom''s refusal of another category, refuses an unknown type before writing, and writes nothing with -WhatIf' {
        Set-IntercomTicket -Id $annBug -TicketType Question -ErrorAction SilentlyContinue -ErrorVariable other
        $other | Should -HaveCount 1
        $other[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_invalid,*'
        $other[0].Exception.Message | Should -BeLike 'The new ticket type must be in the same category as the current type: Question is Customer, the ticket is Back-office*'
        Set-IntercomTicket -Id $annBug -TicketType Incident -ErrorAction SilentlyContinue -ErrorVariable unknown
        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $unknown[0].Exception.Message | Should -BeLike "No ticket type is named 'Incident'.*"
        $null = Invoke-Raw PUT "ticket_types/$defect" @{ archived = $true }
        Set-IntercomTicket -Id $annBug -TicketType Defect -ErrorAction SilentlyContinue -ErrorVariable archived
        $archived | Should -HaveCount 1
        $archived[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $archived[0].Exception.Message | Should -BeExactly "Ticket type 'Defect' ($defect) is archived, and an archived type takes no new tickets: give a type that is not (Get-IntercomTicketType lists them)."
        $null = Invoke-Raw PUT "ticket_types/$defect" @{ archived = $false }
        Get-IntercomTicket -Id $annBug | Set-IntercomTicket -TicketType Defect -WhatIf
        Get-TestRequestCount 'POST /tickets/{ticket_id}/change_type' | Should -Be 1
        (Get-RawTicket $annBug).ticket_type.id | Should -Be $bug
    }

    It 'never repeats a type change whose answer was lost' {
        Set-TestFaults @{ drop_rate = 1; route = 'POST /tickets/{ticket_id}/change_type' }
        try { Set-IntercomTicket -Id $annBug -TicketType Defect -ErrorAction SilentlyContinue -ErrorVariable lost }
        finally { Clear-TestFaults }
        $lost | Should -HaveCount 1
        $lost[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.response_lost,*'
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount 'POST /tickets/{ticket_id}/change_type' | Should -Be 1
    }
}

Describe 'Set-IntercomTicket -LinkThreadId and -UnlinkThreadId' {
    BeforeAll { Initialize-TicketWorld }

    It 'links threads to a tracker ticket, shows them as LinkedThreadIds, and unlinks them' {
        $linked = Set-IntercomTicket -Id $tracker -LinkThreadId $thread1, $thread2 -PassThru
        $linked.LinkedThreadIds | Should -Be @($thread1, $thread2)
        @((Get-RawTicket $tracker).linked_objects.data.id) | Should -Be @($thread1, $thread2)
        $unlinked = Get-IntercomTicket -Id $tracker | Set-IntercomTicket -UnlinkThreadId $thread1 -PassThru
        $unlinked.LinkedThreadIds | Should -Be @($thread2)
        (Get-IntercomTicket -Id $tracker).LinkedThreadIds | Should -Be @($thread2)
    }

    It 'refuses a ticket that is no tracker before writing any of the change, linking or unlinking' {
        $writes = @('PUT /tickets/{ticket_id}', 'POST /tickets/{ticket_id}/linked_conversations', 'DELETE /tickets/{ticket_id}/linked_conversations/{id}') |
            ForEach-Object { Get-TestRequestCount $_ }
        Set-IntercomTicket -Id $annBug -Title 'Renamed' -LinkThreadId $thread1 -ErrorAction SilentlyContinue -ErrorVariable notTracker
        $notTracker | Should -HaveCount 1
        $notTracker[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $notTracker[0].Exception.Message | Should -BeExactly "Ticket $annBug is a Back-office ticket ('Bug'), and only a Tracker ticket links threads: link them to a Tracker ticket (Get-IntercomTicketType shows each type's category)."
        Get-IntercomTicket -Id $annBug | Set-IntercomTicket -UnlinkThreadId $thread1 -ErrorAction SilentlyContinue -ErrorVariable unlinking
        $unlinking[0].Exception.Message | Should -BeExactly "Ticket $annBug is a Back-office ticket ('Bug'), and only a Tracker ticket links threads: link them to a Tracker ticket (Get-IntercomTicketType shows each type's category)."
        @('PUT /tickets/{ticket_id}', 'POST /tickets/{ticket_id}/linked_conversations', 'DELETE /tickets/{ticket_id}/linked_conversations/{id}') |
            ForEach-Object { Get-TestRequestCount $_ } | Should -Be $writes
        (Get-RawTicket $annBug).ticket_attributes._default_title_ | Should -BeExactly 'Export fails'
    }

    It 'passes on Intercom''s refusal of a thread not linked' {
        Set-IntercomTicket -Id $tracker -UnlinkThreadId $thread1 -ErrorAction SilentlyContinue -ErrorVariable notLinked
        $notLinked[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.conversation_not_found,*'
        $notLinked[0].Exception.Message | Should -BeLike 'Conversation is not linked to this ticket*'
    }

    It 'refuses a thread given to both, and one that is no thread''s id, before sending; -WhatIf sends nothing' {
        $before = Get-TestRequestCount
        Set-IntercomTicket -Id $tracker -LinkThreadId $thread1 -UnlinkThreadId $thread1 -ErrorAction SilentlyContinue -ErrorVariable both
        $both[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $both[0].Exception.Message | Should -BeExactly "-LinkThreadId and -UnlinkThreadId both name $($thread1): give each thread to one."
        Set-IntercomTicket -Id $tracker -LinkThreadId 0 -ErrorAction SilentlyContinue -ErrorVariable zero
        $zero[0].Exception.Message | Should -BeExactly "0 is no thread's id: a thread's id is a positive number (Get-IntercomMessageThread shows ThreadId)."
        Set-IntercomTicket -Id $tracker -LinkThreadId $thread1 -WhatIf
        Get-TestRequestCount | Should -Be $before
    }

    It 'never repeats a link whose answer was lost' {
        $before = Get-TestRequestCount 'POST /tickets/{ticket_id}/linked_conversations'
        Set-TestFaults @{ drop_rate = 1; route = 'POST /tickets/{ticket_id}/linked_conversations' }
        try { Set-IntercomTicket -Id $tracker -LinkThreadId $thread1 -ErrorAction SilentlyContinue -ErrorVariable lost }
        finally { Clear-TestFaults }
        $lost | Should -HaveCount 1
        $lost[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.response_lost,*'
        Get-TestRequestCount 'POST /tickets/{ticket_id}/linked_conversations' | Should -Be ($before + 1)
    }
}

Describe 'Changing a type and linking threads before 2.16' {
    BeforeAll { Initialize-TicketWorld }

    It 'refuses them on a 2.14 session, naming the version to ask for, and sends nothing' {
        Connect-TestIntercomV2
        $before = Get-TestRequestCount
        Set-IntercomTicket -Id $annBug -TicketType Defect -ErrorAction SilentlyContinue -ErrorVariable typed
        Set-IntercomTicket -Id $tracker -LinkThreadId $thread1 -ErrorAction SilentlyContinue -ErrorVariable linked
        Set-IntercomTicket -Id $tracker -UnlinkThreadId $thread1 -ErrorAction SilentlyContinue -ErrorVariable unlinked
        $typed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $typed[0].Exception.Message | Should -BeExactly "Changing a ticket's type needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16."
        $linked[0].Exception.Message | Should -BeExactly 'Linking threads to a ticket needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16.'
        $unlinked[0].Exception.Message | Should -BeExactly 'Unlinking threads from a ticket needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16.'
        Get-TestRequestCount | Should -Be $before
    }

    It 'refuses them on v1, which has no tickets' {
        Connect-TestIntercom
        $before = Get-TestRequestCount
        Set-IntercomTicket -Id $annBug -TicketType Defect -ErrorAction SilentlyContinue -ErrorVariable typed
        $typed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $typed[0].Exception.Message | Should -BeExactly 'The v1 API has no tickets: connect with Connect-Intercom -AccessToken to REST API 2.x, which has them.'
        Get-TestRequestCount | Should -Be $before
    }
}
