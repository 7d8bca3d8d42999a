# Internal articles on REST API 2.x: Get-, New-, Set- and Remove-IntercomInternalArticle, as a support lead keeps the
# team's playbooks: write them (one by one or from CSV rows), find them by title, hand them to another owner, tag them
# (2.16), retire them. Each effect is read back through raw HTTP against the emulator and its request counts, not
# through the cmdlets that made it.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Invoke-Raw([string] $Method, [string] $Path, $Body, [string] $Version = '2.14') {
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = $Version; Accept = 'application/json' }
        $request = @{ Method = $Method; Uri = [uri]::new($IntercomTestV2Uri, $Path); Headers = $headers }
        if ($null -ne $Body) { $request.Body = $Body | ConvertTo-Json -Depth 5; $request.ContentType = 'application/json' }
        Invoke-RestMethod @request
    }

    function Get-RawInternalArticle([string] $Id) { Invoke-Raw GET "internal_articles/$Id" }

    function Get-RawInternalArticleIds { @((Invoke-Raw GET 'internal_articles?per_page=150').data | ForEach-Object id) }

    function Initialize-PlaybookWorld {
        Reset-TestApp
        Connect-TestIntercomV2
        $script:adminId = [long] (Invoke-Raw GET 'me').id
        $script:leadId = [long] $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, 'Lead', 'lead@example.com').GetAwaiter().GetResult()
        $new = { param($title, $body) (Invoke-Raw POST 'internal_articles' @{ title = $title; body = $body; owner_id = $adminId; author_id = $adminId }).id }
        $script:refunds = & $new 'Refunds over $500' '<p>Ask a team lead first.</p>'
        $script:partial = & $new 'Partial refunds' '<p>Prorate by day.</p>'
        $script:outages = & $new 'Outages' '<p>Link the status page.</p>'
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Get-IntercomInternalArticle' {
    BeforeAll { Initialize-PlaybookWorld }

    It 'lists every internal article as typed objects, with the table a lead reads' {
        $articles = Get-IntercomInternalArticle
        $articles | ForEach-Object { $_ | Should -BeOfType ([IntercomPS.InternalArticle]) }
        $articles.Id | Sort-Object | Should -Be (@($refunds, $partial, $outages) | Sort-Object)
        $one = $articles | Where-Object Id -eq $refunds
        $one.Title | Should -BeExactly 'Refunds over $500'
        $one.Body | Should -BeExactly '<p>Ask a team lead first.</p>'
        $one.OwnerId | Should -Be $adminId
        $one.AuthorId | Should -Be $adminId
        $one.Locale | Should -Be 'en'
        $one.UpdatedAt | Should -BeOfType ([datetime])
        $table = ($articles | Out-String -Width 200) -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $table[0] | Should -Match '^Id\s+Title\s+OwnerId\s+AuthorId\s+Locale\s+UpdatedAt$'
        $table | Should -Contain ($table | Where-Object { $_ -match "^$outages\s+Outages\s+$adminId\s+$adminId\s+en\s" })
    }

    It 'keeps the titles -Title matches, wildcards and case ignored, and pages with -First, -Skip and -IncludeTotalCount' {
        (Get-IntercomInternalArticle -Title '*REFUND*').Id | Sort-Object | Should -Be (@($refunds, $partial) | Sort-Object)
        (Get-IntercomInternalArticle 'outages', 'nothing*').Id | Should -Be $outages
        Get-IntercomInternalArticle -Title 'No such playbook' | Should -BeNullOrEmpty
        $all = (Get-IntercomInternalArticle).Id
        (Get-IntercomInternalArticle -First 2).Id | Should -Be $all[0..1]
        (Get-IntercomInternalArticle -Skip 1 -First 1).Id | Should -Be $all[1]
        $counted = Get-IntercomInternalArticle -IncludeTotalCount -First 1
        $counted[0].ToString() | Should -Match '3'
        $counted[1].Id | Should -Be $all[0]
    }

    It 'gets internal articles by -Id and piped, each unknown one that input''s own not_found' {
        (Get-IntercomInternalArticle -Id $outages).Title | Should -Be 'Outages'
        $got = [pscustomobject]@{ internal_article_id = $refunds }, [pscustomobject]@{ Id = '999999' }, [pscustomobject]@{ Id = $partial } |
            Get-IntercomInternalArticle -ErrorAction SilentlyContinue -ErrorVariable failed
        $got.Id | Should -Be $refunds, $partial
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].TargetObject.Id | Should -Be '999999'
    }

    It 'refuses a help center article or another object piped, naming what takes it, and sends nothing' {
        $article = [IntercomPS.Article]@{ Id = '7'; Title = 'Pricing' }
        $before = Get-TestRequestCount
        $article | Get-IntercomInternalArticle -ErrorAction SilentlyContinue -ErrorVariable failed
        [IntercomPS.Tag]@{ Id = '5'; Name = 'vip' } | Remove-IntercomInternalArticle -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $failed | Should -HaveCount 2
        $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*' }
        $failed[0].Exception.Message | Should -Be "Article 'Pricing' is a help center article, not an internal article: the *-IntercomArticle cmdlets take it."
        $failed[1].Exception.Message | Should -Be "Tag 'vip' is not an internal article: pipe internal articles (Get-IntercomInternalArticle), or pass an internal article's -Id."
        Get-TestRequestCount | Should -Be $before
        # And the other way round: an internal article is no help center article.
        Get-IntercomInternalArticle -Id $outages | Set-IntercomArticle -State draft -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].Exception.Message | Should -Be "Internal article 'Outages' is not a help center article: the *-IntercomInternalArticle cmdlets take it."
    }
}

Describe 'New-IntercomInternalArticle' {
    BeforeAll { Initialize-PlaybookWorld }

    It 'writes an article owned and written by the session''s admin unless told otherwise' {
        $made = New-IntercomInternalArticle -Title 'Chargebacks' -Body '<p>Send them to billing.</p>'
        $made | Should -BeOfType ([IntercomPS.InternalArticle])
        $raw = Get-RawInternalArticle $made.Id
        $raw.title | Should -BeExactly 'Chargebacks'
        $raw.body | Should -BeExactly '<p>Send them to billing.</p>'
        $raw.owner_id | Should -Be $adminId
        $raw.author_id | Should -Be $adminId
        $led = New-IntercomInternalArticle 'Escalations' -OwnerId $leadId
        (Get-RawInternalArticle $led.Id).owner_id | Should -Be $leadId
        (Get-RawInternalArticle $led.Id).author_id | Should -Be $adminId
    }

    It 'makes one article per CSV row, by property name, a blank owner cell meaning the session''s admin' {
        $made = @"
title,body,owner_id
Security reports,<p>Forward to security.</p>,$leadId
GDPR requests,<p>Use the export.</p>,
"@ | ConvertFrom-Csv | New-IntercomInternalArticle
        $made.Title | Should -Be 'Security reports', 'GDPR requests'
        (Get-RawInternalArticle $made[0].Id).owner_id | Should -Be $leadId
        (Get-RawInternalArticle $made[1].Id).owner_id | Should -Be $adminId
    }

    It 'refuses an owner who is not an admin with the emulator''s error, and a piped internal article, copying nothing' {
        New-IntercomInternalArticle -Title 'x' -OwnerId 12 -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Match 'owner_id'
        $before = Get-TestRequestCount 'POST /internal_articles'
        Get-IntercomInternalArticle -Id $outages | New-IntercomInternalArticle -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $refused[0].Exception.Message | Should -Be "Internal article 'Outages' already exists: New-IntercomInternalArticle would copy it. To change it, pipe it to Set-IntercomInternalArticle."
        New-IntercomInternalArticle -Title 'Preview only' -WhatIf
        Get-TestRequestCount 'POST /internal_articles' | Should -Be $before
    }

    It 'never repeats a create whose answer was lost: the error says it may have been applied' {
        $before = @(Get-RawInternalArticleIds).Count
        $posts = Get-TestRequestCount 'POST /internal_articles'
        Set-TestFaults @{ drop_rate = 1; route = 'POST /internal_articles' }
        try { New-IntercomInternalArticle -Title 'Once only' -ErrorAction SilentlyContinue -ErrorVariable lost }
        finally { Clear-TestFaults }
        $lost | Should -HaveCount 1
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount 'POST /internal_articles' | Should -Be ($posts + 1)
        @(Get-RawInternalArticleIds).Count | Should -Be ($before + 1)
    }
}

Describe 'Set-IntercomInternalArticle' {
    BeforeEach { Initialize-PlaybookWorld }

    It 'hands the refund playbooks to the lead, changing nothing else of them' {
        Get-IntercomInternalArticle -Title '*refund*' | Set-IntercomInternalArticle -OwnerId $leadId
        foreach ($id in $refunds, $partial) {
            $raw = Get-RawInternalArticle $id
            $raw.owner_id | Should -Be $leadId
            $raw.author_id | Should -Be $adminId
        }
        (Get-RawInternalArticle $refunds).title | Should -BeExactly 'Refunds over $500'
        (Get-RawInternalArticle $outages).owner_id | Should -Be $adminId
        Get-TestRequestCount 'PUT /internal_articles/{internal_article_id}' | Should -Be 2
    }

    It 'changes the title and body, -PassThru writing the article as it is now' {
        $now = Set-IntercomInternalArticle -Id $outages -Title 'Outages and incidents' -Body '<p>Link the status page and the incident.</p>' -PassThru
        $now.Title | Should -BeExactly 'Outages and incidents'
        (Get-RawInternalArticle $outages).body | Should -BeExactly '<p>Link the status page and the incident.</p>'
    }

    It 'makes each bad input its own error, sending nothing for it, and carries on' {
        $before = Get-TestRequestCount 'PUT /internal_articles/{internal_article_id}'
        Set-IntercomInternalArticle -Id $outages -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Be 'Nothing to change: give -Title, -Body, -OwnerId, -AuthorId, -AddTag or -RemoveTag.'
        [pscustomobject]@{ Id = '' }, [pscustomobject]@{ Id = $outages } | Set-IntercomInternalArticle -Title 'Outages (read first)' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Be 'Name the internal article by -Id, or pipe it from Get-IntercomInternalArticle (a blank cell names none).'
        Get-IntercomInternalArticle -Id $outages | Set-IntercomInternalArticle -Id $refunds -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Be "Internal article 'Outages (read first)' ($outages) names its internal article, and -Id names another ($refunds): pipe it alone, or name the internal article by -Id alone."
        Set-IntercomInternalArticle -Id 'abc' -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Be "An internal article's Id is the number Intercom gave it, not 'abc'."
        Get-TestRequestCount 'PUT /internal_articles/{internal_article_id}' | Should -Be ($before + 1)
        (Get-RawInternalArticle $refunds).title | Should -BeExactly 'Refunds over $500'
    }

    It 'sends nothing with -WhatIf, saying which articles and tags it would change' {
        $before = Get-TestRequestCount
        $lines = (Invoke-TestPwsh -Api V2 "Get-IntercomInternalArticle -Title Outages | Set-IntercomInternalArticle -OwnerId $leadId -WhatIf").Lines
        $lines | Should -Contain "What if: Performing the operation `"Update Intercom internal article`" on target `"internal article 'Outages' ($outages)`"."
        Get-TestRequestCount 'PUT /internal_articles/{internal_article_id}' | Should -Be 0
    }
}

Describe 'Set-IntercomInternalArticle -AddTag and -RemoveTag (Intercom-Version 2.16)' {
    BeforeAll {
        Initialize-PlaybookWorld
        $null = Invoke-Raw POST 'tags' @{ name = 'billing' }
    }

    It 'tags every piped article, finding the tag once for the whole command, then untags one' {
        Connect-TestIntercomV2 -ApiVersion 2.16
        Get-IntercomInternalArticle -Title '*refund*' | Set-IntercomInternalArticle -AddTag billing
        Get-TestRequestCount 'GET /tags' | Should -Be 1
        Get-TestRequestCount 'POST /internal_articles/{internal_article_id}/tags' | Should -Be 2
        $billing = (Invoke-Raw GET 'tags').data | Where-Object name -EQ 'billing' | ForEach-Object id
        # The tag is on each: taking it off works once, and a second time is Intercom's not_found.
        Set-IntercomInternalArticle -Id $partial -RemoveTag BILLING
        { Invoke-Raw DELETE "internal_articles/$partial/tags/$billing" -Version 2.16 } | Should -Throw '*404*'
        $null = Invoke-Raw DELETE "internal_articles/$refunds/tags/$billing" -Version 2.16
    }

    It 'refuses an unknown tag for each article, and a tag both added and removed, changing nothing' {
        Connect-TestIntercomV2 -ApiVersion 2.16
        Set-IntercomInternalArticle -Id $outages -Title 'Renamed' -AddTag 'no-such-tag' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].Exception.Message | Should -Be "No tag is named 'no-such-tag'. (not_found from GET /tags)"
        Set-IntercomInternalArticle -Id $outages -AddTag billing -RemoveTag Billing -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Be "-AddTag and -RemoveTag both name 'Billing': give each tag to one."
        (Get-RawInternalArticle $outages).title | Should -BeExactly 'Outages'
    }

    It 'refuses tags on a session asking for a version before 2.16, naming the version to ask for' {
        Connect-TestIntercomV2
        $before = Get-TestRequestCount
        { Set-IntercomInternalArticle -Id $outages -AddTag billing -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage '*Connect-Intercom -ApiVersion 2.16*'
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'Remove-IntercomInternalArticle' {
    BeforeEach { Initialize-PlaybookWorld }

    It 'deletes piped articles with -Force, -PassThru writing each as it was' {
        $gone = Get-IntercomInternalArticle -Title '*refund*' | Remove-IntercomInternalArticle -Force -PassThru
        $gone.Title | Sort-Object | Should -Be 'Partial refunds', 'Refunds over $500'
        Get-RawInternalArticleIds | Should -Be $outages
    }

    It 'writes every article once while the pipeline deletes them as it lists, past the first page' {
        1..60 | ForEach-Object { $null = Invoke-Raw POST 'internal_articles' @{ title = "Old $_"; owner_id = $adminId; author_id = $adminId } }
        $gone = Get-IntercomInternalArticle -Title 'Old *' | Remove-IntercomInternalArticle -Force -PassThru
        $gone | Should -HaveCount 60
        @($gone.Id | Sort-Object -Unique) | Should -HaveCount 60
        @(Get-RawInternalArticleIds) | Should -HaveCount 3
    }

    It 'sends nothing with -WhatIf, and names an article that is not there as that input''s not_found' {
        Remove-IntercomInternalArticle -Id $outages -WhatIf
        Get-RawInternalArticleIds | Should -Contain $outages
        Remove-IntercomInternalArticle -Id 999999 -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
    }

    It 'never repeats a delete whose answer was lost: it was applied, and the error says it may have been' {
        Set-TestFaults @{ drop_rate = 1; route = 'DELETE /internal_articles/{internal_article_id}' }
        try { Remove-IntercomInternalArticle -Id $outages -Force -ErrorAction SilentlyContinue -ErrorVariable lost }
        finally { Clear-TestFaults }
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount 'DELETE /internal_articles/{internal_article_id}' | Should -Be 1
        Get-RawInternalArticleIds | Should -Not -Contain $outages
    }
}

Describe 'Internal articles on v1' {
    BeforeAll { Initialize-PlaybookWorld }
    AfterAll { Connect-TestIntercomV2 }

    It 'refuses each cmdlet with not_supported and sends nothing' {
        Connect-TestIntercom
        $before = Get-TestRequestCount
        { Get-IntercomInternalArticle -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
        New-IntercomInternalArticle -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable refused
        Set-IntercomInternalArticle -Id $outages -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable +refused
        Remove-IntercomInternalArticle -Id $outages -Force -ErrorAction SilentlyContinue -ErrorVariable +refused
        $refused | Should -HaveCount 3
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*' }
        $refused[0].Exception.Message | Should -Be 'Internal articles needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it.'
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'The internal articles'' help examples' {
    BeforeAll { Initialize-PlaybookWorld }

    It 'run as written, in a new pwsh, without an error' {
        $script = @'
Set-Location ([IO.Path]::GetTempPath())
foreach ($name in 'Get-IntercomInternalArticle', 'New-IntercomInternalArticle', 'Set-IntercomInternalArticle', 'Remove-IntercomInternalArticle') {
    foreach ($example in (Get-Help $name -Full).examples.example) {
        "== $name $($example.title)"
        $null = & ([scriptblock]::Create($example.code)) | Out-String
    }
}
Remove-Item refunds.csv, removed.csv -ErrorAction SilentlyContinue
'@
        $run = Invoke-TestPwsh -Api V2 -Script $script
        $run.ExitCode | Should -Be 0 -Because $run.Text
        @($run.Lines | Where-Object { $_ -like '== *' }) | Should -HaveCount 9
        # The examples wrote three playbooks and handed the refund ones to the lead.
        $raw = (Invoke-Raw GET 'internal_articles?per_page=150').data
        $raw.title | Should -Contain 'Chargebacks'
        @($raw | Where-Object title -EQ 'Outages') | Should -HaveCount 2
        ($raw | Where-Object title -EQ 'Partial refunds').owner_id | Should -Be $leadId
    }
}
