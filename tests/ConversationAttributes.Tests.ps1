# Conversation attributes and macros (Intercom-Version 2.16 on): Get/New/Set-IntercomDataAttribute -Model conversation,
# a list attribute's options one by one, and Get-IntercomMacro, against the emulator (macros seeded through /admin,
# as the API only reads them); sessions on older versions are refused before anything is sent (Capabilities.Tests
# holds the rows).

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

AfterAll { Disconnect-Intercom }

Describe 'Conversation attributes' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
    }

    It 'defines them of 2.16''s types, a list from -Options, and lists them apart from contact attributes' {
        $order = New-IntercomDataAttribute -Name 'Order number' -Model conversation -Description 'The order asked about'
        $order | Should -BeOfType ([IntercomPS.DataAttribute])
        $order.Model | Should -BeExactly 'conversation'
        $order.DataType | Should -BeExactly 'string'
        $order.Custom | Should -BeTrue
        (New-IntercomDataAttribute -Name 'Refund amount' -DataType float -Model conversation).DataType | Should -BeExactly 'decimal'
        (New-IntercomDataAttribute -Name 'Promised by' -DataType date -Model Conversation).DataType | Should -BeExactly 'datetime'
        $priority = New-IntercomDataAttribute -Name 'Priority level' -Model conversation -Options Low, Medium, High
        $priority.DataType | Should -BeExactly 'list'
        $priority.Options | Should -Be 'Low', 'Medium', 'High'
        $priority.ListOptions.Id | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-'

        (Get-IntercomDataAttribute -Model conversation).Name | Should -Be 'Order number', 'Refund amount', 'Promised by', 'Priority level'
        (Get-IntercomDataAttribute -Model conversation -Name 'Pri*').Id | Should -Be $priority.Id
        Get-IntercomDataAttribute -Model contact -Custom | Should -BeNullOrEmpty
    }

    It 'refuses a name another conversation attribute has with the API''s words, naming it' {
        $before = Get-TestRequestCount 'POST /conversations/attributes'
        New-IntercomDataAttribute -Name 'order NUMBER' -Model conversation -ErrorAction SilentlyContinue -ErrorVariable taken
        $taken[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_invalid,*'
        $taken[0].Exception.Message | Should -BeLike "A conversation attribute named 'order NUMBER' already exists*"
        $taken[0].TargetObject | Should -Be 'order NUMBER'
        New-IntercomDataAttribute -Name 'One option' -Model conversation -Options Only -ErrorAction SilentlyContinue -ErrorVariable few
        $few[0].Exception.Message | Should -BeLike 'A list attribute needs at least two -Options*'
        (Get-TestRequestCount 'POST /conversations/attributes') - $before | Should -Be 1
    }

    It 'renames and describes one, adds, renames and archives its options in one command, each sent once' {
        $before = Get-TestRequestCount
        $changed = Get-IntercomDataAttribute -Model conversation -Name 'Priority level' |
            Set-IntercomDataAttribute -NewName 'Priority' -Description 'How urgent' -AddOption Urgent -RenameOption @{ Low = 'Lowest' } -ArchiveOption medium -PassThru
        $changed.Name | Should -BeExactly 'Priority'
        $changed.Description | Should -BeExactly 'How urgent'
        $changed.Options | Should -Be 'Lowest', 'High', 'Urgent'
        ($changed.ListOptions | Where-Object Archived).Label | Should -BeExactly 'Medium'
        # Get's listing, Set's read of the attribute by its id, then one PUT, one POST, one PUT and one DELETE.
        (Get-TestRequestCount) - $before | Should -Be 6
        (Get-IntercomDataAttribute -Model conversation -Name Priority).Options | Should -Be 'Lowest', 'High', 'Urgent'
    }

    It 'refuses an option the attribute does not have, and options on another type, before anything is sent' {
        $before = Get-TestRequestCount
        Set-IntercomDataAttribute -Name Priority -Model conversation -RenameOption @{ Nope = 'x' } -AddOption Extra -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $missing[0].Exception.Message | Should -BeExactly "-RenameOption: 'Priority' has no option 'Nope' (its options: Lowest, Medium, High, Urgent)."
        Set-IntercomDataAttribute -Name 'Order number' -Model conversation -AddOption X -ErrorAction SilentlyContinue -ErrorVariable typed
        $typed[0].Exception.Message | Should -BeExactly "'Order number' is a string attribute: only list attributes have options."
        Set-IntercomDataAttribute -Name Priority -Model conversation -Options a, b -ErrorAction SilentlyContinue -ErrorVariable whole
        $whole[0].Exception.Message | Should -BeExactly "A conversation attribute's options change one at a time: use -AddOption, -RenameOption or -ArchiveOption instead of -Options."
        Set-IntercomDataAttribute -Name seats -AddOption X -ErrorAction SilentlyContinue -ErrorVariable model
        $model[0].Exception.Message | Should -BeLike '-NewName, -AddOption, -RenameOption and -ArchiveOption change conversation attributes (REST API 2.16)*'
        # Only reads: the listing and the attribute by name, never a write.
        Get-TestRequestCount 'POST /conversations/attributes/{id}/options' | Should -Be 1
        Get-TestRequestCount 'PUT /conversations/attributes/{id}' | Should -Be 1
    }

    It 'stops at the API''s refusal to archive below two active options, with its words' {
        $list = New-IntercomDataAttribute -Name 'Tier' -Model conversation -Options Gold, Silver
        Set-IntercomDataAttribute -AttributeId $list.Id -Model conversation -ArchiveOption Gold -Archived $true -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_invalid,*'
        $refused[0].Exception.Message | Should -BeLike 'A list attribute must have at least 2 active options*'
        # The archive of the attribute after it was never sent.
        Get-TestRequestCount 'DELETE /conversations/attributes/{id}' | Should -Be 0
        (Get-IntercomDataAttribute -Model conversation -Name Tier).Archived | Should -BeFalse
    }

    It 'archives one with -Archived $true (the API''s DELETE) and refuses $false, which the API cannot do' {
        $gone = Set-IntercomDataAttribute -Name 'Promised by' -Model conversation -Archived $true -PassThru -Confirm:$false
        $gone.Archived | Should -BeTrue
        (Get-IntercomDataAttribute -Model conversation).Name | Should -Not -Contain 'Promised by'
        (Get-IntercomDataAttribute -Model conversation -IncludeArchived).Name | Should -Contain 'Promised by'
        Set-IntercomDataAttribute -Name 'Promised by' -Model conversation -Archived $false -ErrorAction SilentlyContinue -ErrorVariable back
        $back[0].Exception.Message | Should -BeLike 'An archived conversation attribute cannot be brought back through the API*'
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-TestRequestCount 'POST /conversations/attributes'
        New-IntercomDataAttribute -Name 'Never' -Model conversation -WhatIf
        Set-IntercomDataAttribute -Name 'Order number' -Model conversation -NewName 'Never' -WhatIf
        Get-TestRequestCount 'POST /conversations/attributes' | Should -Be $before
        (Get-IntercomDataAttribute -Model conversation -Name 'Order number').Name | Should -BeExactly 'Order number'
    }

    It 'is refused on a session asking for a version before 2.16, naming the version to ask for, and sends nothing' {
        Connect-TestIntercomV2
        try {
            $before = Get-TestRequestCount
            Get-IntercomDataAttribute -Model conversation -ErrorAction SilentlyContinue -ErrorVariable listed
            New-IntercomDataAttribute -Name 'Too early' -Model conversation -ErrorAction SilentlyContinue -ErrorVariable made
            Set-IntercomDataAttribute -Name 'Order number' -Model conversation -NewName 'x' -ErrorAction SilentlyContinue -ErrorVariable changed
            foreach ($failure in @($listed[0], $made[0], $changed[0])) {
                $failure.FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
                $failure.Exception.Message | Should -BeExactly 'Conversation data attributes (-Model conversation) needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16.'
            }
            Get-TestRequestCount | Should -Be $before
            # Contact attributes are as before.
            @(Get-IntercomDataAttribute -Model contact).Count | Should -BeGreaterThan 0
        }
        finally { Connect-TestIntercomV2 -ApiVersion 2.16 }
    }
}

Describe 'Macros' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
        $script:Thanks = $IntercomTestAdmin.AddMacroAsync($IntercomTestAppId, 'Thank You Response', '<p>Thanks for reaching out!</p>', $null, $null, 1752766224).GetAwaiter().GetResult()
        $script:Refund = $IntercomTestAdmin.AddMacroAsync($IntercomTestAppId, 'Refund Process', "<p>Hi {{user.first_name | fallback: 'there'}},</p><p>Refunds take 3-5 days.</p>", $null, [string[]] @('inbox'), 1753186000).GetAwaiter().GetResult()
    }

    It 'lists the macros newest first, by name with wildcards, and since a time' {
        $all = @(Get-IntercomMacro)
        $all | Should -HaveCount 2
        $all[0] | Should -BeOfType ([IntercomPS.Macro])
        $all.Id | Should -Be $Refund, $Thanks
        $all[0].AvailableOn | Should -Be 'inbox'
        $all[0].UpdatedAt | Should -Be ([datetime]::new(2025, 7, 22, 12, 6, 40, [DateTimeKind]::Utc))
        $all[0].Body | Should -BeExactly '<p>Hi <attribute key="user.first_name" default="there"/>,</p><p>Refunds take 3-5 days.</p>'
        $all[0].BodyText | Should -BeExactly "Hi {{user.first_name|fallback:`"there`"}},`n`nRefunds take 3-5 days."
        (Get-IntercomMacro -Name 'thank*').Id | Should -Be $Thanks
        (Get-IntercomMacro -UpdatedSince ([datetime]::new(2025, 7, 20, 0, 0, 0, [DateTimeKind]::Utc))).Id | Should -Be $Refund
        (Get-IntercomMacro -First 1).Id | Should -Be $Refund
    }

    It 'gets one by id, piped by property name, and names a missing one' {
        ([pscustomobject]@{ macro_id = $Thanks } | Get-IntercomMacro).Name | Should -BeExactly 'Thank You Response'
        Get-IntercomMacro -Id 999 -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $missing[0].Exception.Message | Should -BeLike 'Macro not found*'
        Get-IntercomMacro -Name 'No such macro' -ErrorAction SilentlyContinue -ErrorVariable unnamed
        $unnamed[0].Exception.Message | Should -BeLike "No macro of the workspace has the name 'No such macro'.*"
    }

    It 'refuses another of the module''s objects piped in, whose Id would name a macro, sending nothing; takes piped macros' {
        (Get-IntercomMacro -Name 'thank*' | Get-IntercomMacro).Id | Should -Be $Thanks
        $before = Get-TestRequestCount 'GET /macros/{id}'
        [IntercomPS.Tag]@{ Id = $Thanks; Name = 'vip' } | Get-IntercomMacro -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $refused[0].Exception.Message | Should -Be "Tag 'vip' is not a macro: pipe macros (Get-IntercomMacro), or pass a macro's -Id."
        Get-TestRequestCount 'GET /macros/{id}' | Should -Be $before
    }

    It 'follows every page' {
        1..160 | ForEach-Object { $null = $IntercomTestAdmin.AddMacroAsync($IntercomTestAppId, "Bulk $_", '<p>Bulk</p>', $null, $null, 1700000000 + $_).GetAwaiter().GetResult() }
        $before = Get-TestRequestCount 'GET /macros'
        @(Get-IntercomMacro) | Should -HaveCount 162
        (Get-TestRequestCount 'GET /macros') - $before | Should -Be 2
    }

    It 'is refused on a session asking for a version before 2.16, and sends nothing' {
        Connect-TestIntercomV2
        try {
            $before = Get-TestRequestCount
            Get-IntercomMacro -ErrorAction SilentlyContinue -ErrorVariable refused
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
            $refused[0].Exception.Message | Should -BeExactly 'Macros (saved replies) needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16.'
            Get-TestRequestCount | Should -Be $before
        }
        finally { Connect-TestIntercomV2 -ApiVersion 2.16 }
    }
}
