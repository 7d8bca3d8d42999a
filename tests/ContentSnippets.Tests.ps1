# Content snippets on REST API 2.16: Get-, New-, Set- and Remove-IntercomContentSnippet, as a support lead keeps the
# short answers Fin and the inbox use: write them (one by one or from CSV rows), find them by title, let Fin use them,
# tag them, retire them. Each effect is read back through raw HTTP against the emulator and its request counts, not
# through the cmdlets that made it.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Invoke-Raw([string] $Method, [string] $Path, $Body) {
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.16'; Accept = 'application/json' }
        $request = @{ Method = $Method; Uri = [uri]::new($IntercomTestV2Uri, $Path); Headers = $headers }
        if ($null -ne $Body) { $request.Body = $Body | ConvertTo-Json -Depth 5; $request.ContentType = 'application/json' }
        Invoke-RestMethod @request
    }

    function Get-RawSnippet([string] $Id) { Invoke-Raw GET "content_snippets/$Id" }

    function Get-RawSnippetIds { @((Invoke-Raw GET 'content_snippets?per_page=50').data | ForEach-Object id) }

    function Initialize-SnippetWorld {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
        $new = { param($title, $body) (Invoke-Raw POST 'content_snippets' @{ title = $title; body_markdown = $body }).id }
        $script:reset = & $new 'How to reset your password' 'Go to Settings > Security > Reset password.'
        $script:change = & $new 'Change your password' 'Go to Settings > Security > Change password.'
        $script:hours = & $new 'Opening hours' 'We answer from 9 to 5.'
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Get-IntercomContentSnippet' {
    BeforeAll { Initialize-SnippetWorld }

    It 'lists every snippet as typed objects, with the table a lead reads' {
        $snippets = Get-IntercomContentSnippet
        $snippets | ForEach-Object { $_ | Should -BeOfType ([IntercomPS.ContentSnippet]) }
        $snippets.Id | Sort-Object | Should -Be (@($reset, $change, $hours) | Sort-Object)
        $one = $snippets | Where-Object Id -EQ $hours
        $one.Title | Should -BeExactly 'Opening hours'
        $one.Body | Should -BeExactly 'We answer from 9 to 5.'
        $one.Locale | Should -Be 'en'
        $one.AiChatbot | Should -BeFalse
        $one.UpdatedAt | Should -BeOfType ([datetime])
        $table = ($snippets | Out-String -Width 200) -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $table[0] | Should -Match '^Id\s+Title\s+Locale\s+AiChatbot\s+AiCopilot\s+AiSalesAgent\s+UpdatedAt$'
        $table | Should -Contain ($table | Where-Object { $_ -match "^$hours\s+Opening hours\s+en\s+False\s+False\s+False\s" })
    }

    It 'keeps the titles -Title matches, wildcards and case ignored, and pages with -First, -Skip and -IncludeTotalCount' {
        (Get-IntercomContentSnippet -Title '*PASSWORD*').Id | Sort-Object | Should -Be (@($reset, $change) | Sort-Object)
        (Get-IntercomContentSnippet 'opening hours', 'nothing*').Id | Should -Be $hours
        Get-IntercomContentSnippet -Title 'No such snippet' | Should -BeNullOrEmpty
        $all = (Get-IntercomContentSnippet).Id
        (Get-IntercomContentSnippet -First 2).Id | Should -Be $all[0..1]
        (Get-IntercomContentSnippet -Skip 1 -First 1).Id | Should -Be $all[1]
        $counted = Get-IntercomContentSnippet -IncludeTotalCount -First 1
        $counted[0].ToString() | Should -Match '3'
        $counted[1].Id | Should -Be $all[0]
    }

    It 'gets snippets by -Id and piped, each unknown one that input''s own not_found' {
        (Get-IntercomContentSnippet -Id $hours).Title | Should -Be 'Opening hours'
        $got = [pscustomobject]@{ content_snippet_id = $reset }, [pscustomobject]@{ Id = '999999' }, [pscustomobject]@{ Id = $change } |
            Get-IntercomContentSnippet -ErrorAction SilentlyContinue -ErrorVariable failed
        $got.Id | Should -Be $reset, $change
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].TargetObject.Id | Should -Be '999999'
    }

    It 'refuses another of the module''s objects piped, naming what to pipe, and sends nothing' {
        $before = Get-TestRequestCount
        [IntercomPS.InternalArticle]@{ Id = '7'; Title = 'Pricing' } | Get-IntercomContentSnippet -ErrorAction SilentlyContinue -ErrorVariable failed
        [IntercomPS.Tag]@{ Id = '5'; Name = 'vip' } | Remove-IntercomContentSnippet -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        [IntercomPS.Tag]@{ Id = '5'; Name = 'vip' } | Set-IntercomContentSnippet -AiChatbot $true -ErrorAction SilentlyContinue -ErrorVariable +failed
        $failed | Should -HaveCount 3
        $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*' }
        $failed[0].Exception.Message | Should -Be "Internal article 'Pricing' is not a content snippet: pipe content snippets (Get-IntercomContentSnippet), or pass a content snippet's -Id."
        $failed[1].Exception.Message | Should -Be "Tag 'vip' is not a content snippet: pipe content snippets (Get-IntercomContentSnippet), or pass a content snippet's -Id."
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'New-IntercomContentSnippet' {
    BeforeAll { Initialize-SnippetWorld }

    It 'writes a snippet with its markdown, locale and AI flags' {
        $made = New-IntercomContentSnippet -Title 'Refund window' -Body 'Refunds within 30 days.' -Locale fr -AiChatbot $true -AiSalesAgent $true
        $made | Should -BeOfType ([IntercomPS.ContentSnippet])
        $raw = Get-RawSnippet $made.Id
        $raw.title | Should -BeExactly 'Refund window'
        $raw.body_markdown | Should -BeExactly 'Refunds within 30 days.'
        $raw.locale | Should -Be 'fr'
        $raw.ai_chatbot_availability | Should -BeTrue
        $raw.ai_copilot_availability | Should -BeFalse
        $raw.ai_sales_agent_availability | Should -BeTrue
    }

    It 'makes one snippet per CSV row, by property name' {
        $made = @'
title,body
Shipping,Orders ship within two days.
Returns,Print the label from your account.
'@ | ConvertFrom-Csv | New-IntercomContentSnippet
        $made.Title | Should -Be 'Shipping', 'Returns'
        (Get-RawSnippet $made[1].Id).body_markdown | Should -BeExactly 'Print the label from your account.'
    }

    It 'refuses a language Fin does not speak with Intercom''s error, and a piped snippet, copying nothing' {
        $before = Get-TestRequestCount 'POST /content_snippets'
        $kept = @(Get-RawSnippetIds).Count
        New-IntercomContentSnippet -Title 'x' -Body 'y' -Locale 'xx' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.validation_error,*'
        $failed[0].Exception.Message | Should -BeLike 'The language is not currently supported for Fin*'
        Get-IntercomContentSnippet -Id $hours | New-IntercomContentSnippet -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $refused[0].Exception.Message | Should -Be "Content snippet 'Opening hours' already exists: New-IntercomContentSnippet would copy it. To change it, pipe it to Set-IntercomContentSnippet."
        New-IntercomContentSnippet -Title 'Preview only' -Body 'x' -WhatIf
        Get-TestRequestCount 'POST /content_snippets' | Should -Be ($before + 1)
        @(Get-RawSnippetIds) | Should -HaveCount $kept
    }

    It 'refuses a title over 255 characters before sending anything' {
        $before = Get-TestRequestCount
        { New-IntercomContentSnippet -Title ('t' * 256) -Body 'x' } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        Get-TestRequestCount | Should -Be $before
    }

    It 'never repeats a create whose answer was lost: the error says it may have been applied' {
        $before = @(Get-RawSnippetIds).Count
        $posts = Get-TestRequestCount 'POST /content_snippets'
        Set-TestFaults @{ drop_rate = 1; route = 'POST /content_snippets' }
        try { New-IntercomContentSnippet -Title 'Once only' -Body 'x' -ErrorAction SilentlyContinue -ErrorVariable lost }
        finally { Clear-TestFaults }
        $lost | Should -HaveCount 1
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount 'POST /content_snippets' | Should -Be ($posts + 1)
        @(Get-RawSnippetIds).Count | Should -Be ($before + 1)
    }
}

Describe 'Set-IntercomContentSnippet' {
    BeforeEach { Initialize-SnippetWorld }

    It 'lets Fin use the password snippets, changing nothing else of them' {
        Get-IntercomContentSnippet -Title '*password*' | Set-IntercomContentSnippet -AiChatbot $true
        foreach ($id in $reset, $change) { (Get-RawSnippet $id).ai_chatbot_availability | Should -BeTrue }
        (Get-RawSnippet $reset).title | Should -BeExactly 'How to reset your password'
        (Get-RawSnippet $reset).body_markdown | Should -BeExactly 'Go to Settings > Security > Reset password.'
        (Get-RawSnippet $hours).ai_chatbot_availability | Should -BeFalse
        Get-TestRequestCount 'PUT /content_snippets/{id}' | Should -Be 2
    }

    It 'changes the title, body and locale, -PassThru writing the snippet as it is now' {
        $now = Set-IntercomContentSnippet -Id $hours -Title 'Opening hours (EU)' -Body 'From 9 to 5, CET.' -Locale de -PassThru
        $now.Title | Should -BeExactly 'Opening hours (EU)'
        $now.Locale | Should -Be 'de'
        (Get-RawSnippet $hours).body_markdown | Should -BeExactly 'From 9 to 5, CET.'
    }

    It 'makes each bad input its own error, sending nothing for it, and carries on' {
        $before = Get-TestRequestCount 'PUT /content_snippets/{id}'
        Set-IntercomContentSnippet -Id $hours -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Be 'Nothing to change: give -Title, -Body, -Locale, -AiChatbot, -AiCopilot, -AiSalesAgent, -AddTag or -RemoveTag.'
        [pscustomobject]@{ Id = '' }, [pscustomobject]@{ Id = $hours } | Set-IntercomContentSnippet -Title 'Hours' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Be 'Name the content snippet by -Id, or pipe it from Get-IntercomContentSnippet (a blank cell names none).'
        Get-IntercomContentSnippet -Id $hours | Set-IntercomContentSnippet -Id $reset -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Be "Content snippet 'Hours' ($hours) names its content snippet, and -Id names another ($reset): pipe it alone, or name the content snippet by -Id alone."
        Set-IntercomContentSnippet -Id 'abc' -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Be "A content snippet's Id is the number Intercom gave it, not 'abc'."
        Set-IntercomContentSnippet -Id 999999 -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        Get-TestRequestCount 'PUT /content_snippets/{id}' | Should -Be ($before + 2)
        (Get-RawSnippet $reset).title | Should -BeExactly 'How to reset your password'
    }

    It 'sends nothing with -WhatIf, saying which snippets it would change' {
        $lines = (Invoke-TestPwsh -Api V2 "Connect-Intercom -ApiVersion 2.16; Get-IntercomContentSnippet -Title 'Opening hours' | Set-IntercomContentSnippet -AiCopilot `$true -WhatIf").Lines
        $lines | Should -Contain "What if: Performing the operation `"Update Intercom content snippet`" on target `"content snippet 'Opening hours' ($hours)`"."
        Get-TestRequestCount 'PUT /content_snippets/{id}' | Should -Be 0
    }

    It 'tags every piped snippet, finding the tag once for the whole command, then untags one' {
        $null = Invoke-Raw POST 'tags' @{ name = 'security' }
        Get-IntercomContentSnippet -Title '*password*' | Set-IntercomContentSnippet -AddTag security
        Get-TestRequestCount 'GET /tags' | Should -Be 1
        Get-TestRequestCount 'POST /content_snippets/{content_snippet_id}/tags' | Should -Be 2
        $security = (Invoke-Raw GET 'tags').data | Where-Object name -EQ 'security' | ForEach-Object id
        # The tag is on each: taking it off works once, and a second time is Intercom's tag_not_found.
        Set-IntercomContentSnippet -Id $change -RemoveTag SECURITY
        Get-TestRequestCount 'DELETE /content_snippets/{content_snippet_id}/tags/{id}' | Should -Be 1
        { Invoke-Raw DELETE "content_snippets/$change/tags/$security" } | Should -Throw '*404*'
        $null = Invoke-Raw DELETE "content_snippets/$reset/tags/$security"
    }

    It 'refuses an unknown tag for each snippet, and a tag both added and removed, changing nothing' {
        Set-IntercomContentSnippet -Id $hours -Title 'Renamed' -AddTag 'no-such-tag' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].Exception.Message | Should -Be "No tag is named 'no-such-tag'. (not_found from GET /tags)"
        Set-IntercomContentSnippet -Id $hours -AddTag security -RemoveTag Security -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Be "-AddTag and -RemoveTag both name 'Security': give each tag to one."
        (Get-RawSnippet $hours).title | Should -BeExactly 'Opening hours'
    }
}

Describe 'Remove-IntercomContentSnippet' {
    BeforeEach { Initialize-SnippetWorld }

    It 'deletes piped snippets with -Force, -PassThru writing each as it was' {
        $gone = Get-IntercomContentSnippet -Title '*password*' | Remove-IntercomContentSnippet -Force -PassThru
        $gone.Title | Sort-Object | Should -Be 'Change your password', 'How to reset your password'
        Get-RawSnippetIds | Should -Be $hours
    }

    It 'writes every snippet once while the pipeline deletes them as it lists, past the first page' {
        1..60 | ForEach-Object { $null = Invoke-Raw POST 'content_snippets' @{ title = "Old $_"; body_markdown = 'x' } }
        $gone = Get-IntercomContentSnippet -Title 'Old *' | Remove-IntercomContentSnippet -Force -PassThru
        $gone | Should -HaveCount 60
        @($gone.Id | Sort-Object -Unique) | Should -HaveCount 60
        @(Get-RawSnippetIds) | Should -HaveCount 3
    }

    It 'sends nothing with -WhatIf, and names a snippet that is not there as that input''s not_found' {
        Remove-IntercomContentSnippet -Id $hours -WhatIf
        Get-RawSnippetIds | Should -Contain $hours
        Get-TestRequestCount 'DELETE /content_snippets/{id}' | Should -Be 0
        Remove-IntercomContentSnippet -Id 999999 -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].Exception.Message | Should -BeLike 'Content snippet not found*'
    }

    It 'asks first: without -Force a non-interactive session refuses to delete' {
        $run = Invoke-TestPwsh -Api V2 "Connect-Intercom -ApiVersion 2.16; Remove-IntercomContentSnippet -Id $hours"
        $run.ExitCode | Should -Not -Be 0
        Get-RawSnippetIds | Should -Contain $hours
    }

    It 'never repeats a delete whose answer was lost: it was applied, and the error says it may have been' {
        Set-TestFaults @{ drop_rate = 1; route = 'DELETE /content_snippets/{id}' }
        try { Remove-IntercomContentSnippet -Id $hours -Force -ErrorAction SilentlyContinue -ErrorVariable lost }
        finally { Clear-TestFaults }
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount 'DELETE /content_snippets/{id}' | Should -Be 1
        Get-RawSnippetIds | Should -Not -Contain $hours
    }
}

Describe 'Content snippets on sessions that cannot' {
    AfterAll { Connect-TestIntercomV2 -ApiVersion 2.16 }

    It 'refuses every cmdlet on a session asking for <version>, naming 2.16, and sends nothing' -ForEach @(@{ version = '2.14' }, @{ version = '2.15' }) {
        Initialize-SnippetWorld
        Connect-TestIntercomV2 -ApiVersion $version
        $before = Get-TestRequestCount
        Get-IntercomContentSnippet -ErrorAction SilentlyContinue -ErrorVariable refused
        New-IntercomContentSnippet -Title 'x' -Body 'y' -ErrorAction SilentlyContinue -ErrorVariable +refused
        Set-IntercomContentSnippet -Id $hours -AddTag security -ErrorAction SilentlyContinue -ErrorVariable +refused
        Remove-IntercomContentSnippet -Id $hours -Force -ErrorAction SilentlyContinue -ErrorVariable +refused
        $refused | Should -HaveCount 4
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*' }
        $refused[0].Exception.Message | Should -Be "Reading content snippets needs Intercom-Version 2.16 or later, and this session asks for ${version}: connect with Connect-Intercom -ApiVersion 2.16."
        $refused[3].Exception.Message | Should -Be "Deleting content snippets needs Intercom-Version 2.16 or later, and this session asks for ${version}: connect with Connect-Intercom -ApiVersion 2.16."
        Get-TestRequestCount | Should -Be $before
    }

    It 'refuses every cmdlet on v1 with not_supported and sends nothing' {
        Initialize-SnippetWorld
        Connect-TestIntercom
        $before = Get-TestRequestCount
        Get-IntercomContentSnippet -ErrorAction SilentlyContinue -ErrorVariable refused
        New-IntercomContentSnippet -Title 'x' -Body 'y' -ErrorAction SilentlyContinue -ErrorVariable +refused
        $refused | Should -HaveCount 2
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*' }
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'The content snippets'' help examples' {
    BeforeAll { Initialize-SnippetWorld }

    It 'run as written, in a new pwsh, without an error' {
        $script = @'
Set-Location ([IO.Path]::GetTempPath())
foreach ($name in 'Get-IntercomContentSnippet', 'New-IntercomContentSnippet', 'Set-IntercomContentSnippet', 'Remove-IntercomContentSnippet') {
    foreach ($example in (Get-Help $name -Full).examples.example) {
        "== $name $($example.title)"
        $null = & ([scriptblock]::Create($example.code)) | Out-String
    }
}
Remove-Item passwords.csv, removed.csv -ErrorAction SilentlyContinue
'@
        $run = Invoke-TestPwsh -Api V2 -Script $script
        $run.ExitCode | Should -Be 0 -Because $run.Text
        @($run.Lines | Where-Object { $_ -like '== *' }) | Should -HaveCount 9
        # The examples wrote three snippets and let Fin use the password ones.
        $raw = (Invoke-Raw GET 'content_snippets?per_page=50').data
        $raw.title | Should -Contain 'Refund window'
        @($raw | Where-Object title -EQ 'How to reset your password') | Should -HaveCount 2
        ($raw | Where-Object title -EQ 'Change your password').ai_chatbot_availability | Should -BeTrue
    }
}
