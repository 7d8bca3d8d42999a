# Help center articles on REST API 2.14: Get-IntercomArticle (the listing, -Search, -State, -Id), New-IntercomArticle,
# Set-IntercomArticle and Remove-IntercomArticle, as a support-content person uses them: export every article, find
# the ones that name the old plan, publish drafts, fix words across articles. Each effect is read back through raw
# HTTP against the emulator's 2.14 face and the emulator's request counts, not through the cmdlets that made it.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    $script:headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14'; Accept = 'application/json' }

    function Invoke-Raw([string] $Method, [string] $Path, $Body) {
        $request = @{ Method = $Method; Uri = [uri]::new($IntercomTestV2Uri, $Path); Headers = $headers }
        if ($null -ne $Body) { $request.Body = $Body | ConvertTo-Json -Depth 5; $request.ContentType = 'application/json' }
        Invoke-RestMethod @request
    }

    function Get-RawArticle([string] $Id) { Invoke-Raw GET "articles/$Id" }

    function Get-RawArticleIds { @((Invoke-Raw GET 'articles?per_page=150').data | ForEach-Object id) }

    function Add-RawArticle([string] $Title, [string] $Body = '', [string] $State = 'draft', [string] $Parent) {
        $article = @{ title = $Title; body = $Body; state = $State; author_id = [long] $script:adminId }
        if ($Parent) { $article.parent_id = [long] $Parent }
        (Invoke-Raw POST 'articles' $article).id
    }

    function Initialize-ArticleWorld {
        Reset-TestApp
        Connect-TestIntercomV2
        $script:adminId = (Invoke-Raw GET 'me').id
        $script:billing = (Invoke-Raw POST 'help_center/collections' @{ name = 'Billing' }).id
        $script:plans = (Invoke-Raw POST 'help_center/collections' @{ name = 'Plans'; parent_id = $billing }).id
        $script:oldPlan = Add-RawArticle 'Moving off the Old Plan' '<p>The old plan ends in May.</p>' 'published' $plans
        $script:pricing = Add-RawArticle 'Pricing' 'Our old plan cost less.' 'draft'
        $script:welcome = Add-RawArticle 'Welcome' 'Start here.' 'published'
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Get-IntercomArticle' {
    BeforeAll { Initialize-ArticleWorld }

    It 'lists every article as typed objects, the most recently updated first, with the table ops people read' {
        $articles = Get-IntercomArticle
        $articles | ForEach-Object { $_ | Should -BeOfType ([IntercomPS.Article]) }
        $articles.Id | Sort-Object | Should -Be (@($oldPlan, $pricing, $welcome) | Sort-Object)
        $old = $articles | Where-Object Id -eq $oldPlan
        $old.Title | Should -BeExactly 'Moving off the Old Plan'
        $old.State | Should -Be 'published'
        $old.AuthorId | Should -Be $adminId
        $old.Body | Should -BeExactly '<p class="no-margin">The old plan ends in May.</p>'
        $old.Url | Should -Match "/en/articles/$oldPlan-moving-off-the-old-plan$"
        $old.UpdatedAt | Should -BeOfType ([datetime])
        ($articles | Where-Object Id -eq $pricing).Url | Should -BeNullOrEmpty
        $table = ($articles | Out-String -Width 200) -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $table[0] | Should -Match '^Id\s+Title\s+State\s+ParentId\s+Locales\s+UpdatedAt$'
        $table | Should -Contain ($table | Where-Object { $_ -match "^$pricing\s+Pricing\s+draft\s" })
        $old.ParentId | Should -Be $plans
        $old.ParentType | Should -Be 'section'
    }

    It 'finds the articles that mention a phrase, in any state or one' {
        (Get-IntercomArticle -Search 'old plan').Id | Sort-Object | Should -Be (@($oldPlan, $pricing) | Sort-Object)
        (Get-IntercomArticle -Search 'old plan' -State published).Id | Should -Be $oldPlan
        (Get-IntercomArticle 'OLD PLAN' -State draft).Id | Should -Be $pricing
        Get-IntercomArticle -Search 'no such words' | Should -BeNullOrEmpty
        (Get-IntercomArticle -State draft).Id | Should -Be $pricing
    }

    It 'pages with -First, -Skip and -IncludeTotalCount' {
        $all = (Get-IntercomArticle).Id
        (Get-IntercomArticle -First 2).Id | Should -Be $all[0..1]
        (Get-IntercomArticle -Skip 1 -First 1).Id | Should -Be $all[1]
        $counted = Get-IntercomArticle -IncludeTotalCount -First 1
        $counted[0].ToString() | Should -Match '3'
        $counted[1].Id | Should -Be $all[0]
    }

    It 'gets articles by -Id and piped, each unknown one that input''s own not_found' {
        (Get-IntercomArticle -Id $welcome).Title | Should -BeExactly 'Welcome'
        ($oldPlan, '999', $welcome | ForEach-Object { [pscustomobject]@{ article_id = $_ } } | Get-IntercomArticle -ErrorAction SilentlyContinue -ErrorVariable failed).Id |
            Should -Be $oldPlan, $welcome
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].TargetObject.article_id | Should -Be '999'
    }

    It 'refuses a piped object of another kind, naming what to pipe' {
        $tag = [IntercomPS.Tag]@{ Id = $oldPlan; Name = 'vip' }
        $tag | Get-IntercomArticle -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $refused[0].Exception.Message | Should -Be "Tag 'vip' is not an article: pipe articles (Get-IntercomArticle), or pass an article's -Id."
        $refused[0].TargetObject | Should -Be $tag
    }

    It 'writes every article once while the pipeline deletes them as it lists, past the first page' {
        Reset-TestApp
        $ids = 1..60 | ForEach-Object { Add-RawArticle "Article $_" }
        $before = Get-TestRequestCount 'DELETE /articles/{article_id}'
        Get-IntercomArticle | Remove-IntercomArticle -Force
        Get-TestRequestCount 'DELETE /articles/{article_id}' | Should -Be ($before + 60)
        Get-RawArticleIds | Should -BeNullOrEmpty -Because 'deleting page 1 shifts page 2 into it: the listing reads it again'
        $ids | Should -HaveCount 60
    }

    It 'deletes every one of hundreds of articles the pipeline deletes as it lists, however many passes that takes' {
        # Each page's deletions shift the pages after it, so each pass of the listing finds about half of what is left:
        # at 450 articles three passes left dozens behind, without an error.
        Reset-TestApp
        $null = 1..450 | ForEach-Object { Add-RawArticle "Bulk $_" }
        $before = Get-TestRequestCount 'DELETE /articles/{article_id}'
        Get-IntercomArticle | Remove-IntercomArticle -Force
        Get-TestRequestCount 'DELETE /articles/{article_id}' | Should -Be ($before + 450) -Because 'each article is deleted once'
        (Invoke-Raw GET 'articles').total_count | Should -Be 0
    }

    It 'writes every article once while the pipeline edits them as it lists' {
        Reset-TestApp
        $ids = 1..60 | ForEach-Object { Add-RawArticle "Draft $_" }
        Start-Sleep -Milliseconds 1100 # updated_at is in seconds: the edits move each article to the front
        Get-IntercomArticle -State draft | Set-IntercomArticle -State published
        Get-TestRequestCount 'PUT /articles/{article_id}' | Should -Be 60
        (Invoke-Raw GET 'articles/search?state=draft').total_count | Should -Be 0
        $ids | Should -HaveCount 60
    }
}

Describe 'New-IntercomArticle' {
    BeforeAll { Initialize-ArticleWorld }

    It 'writes a draft by the session''s admin, its text body as HTML' {
        $article = New-IntercomArticle -Title 'Our new plans' -Body 'Starter is now Essential.'
        $article | Should -BeOfType ([IntercomPS.Article])
        $raw = Get-RawArticle $article.Id
        $raw.title | Should -BeExactly 'Our new plans'
        $raw.state | Should -Be 'draft'
        $raw.author_id | Should -Be $adminId
        $raw.body | Should -BeExactly '<p class="no-margin">Starter is now Essential.</p>'
    }

    It 'makes one article per CSV row, by property name' {
        $rows = @(
            [pscustomobject]@{ title = 'Billing FAQ'; body = 'Invoices'; state = 'published'; author_id = $adminId }
            [pscustomobject]@{ title = 'Refunds'; body = 'Within 30 days'; description = 'Money back' }
        )
        $made = $rows | New-IntercomArticle
        $made.Title | Should -Be 'Billing FAQ', 'Refunds'
        (Get-RawArticle $made[0].Id).state | Should -Be 'published'
        (Get-RawArticle $made[1].Id).description | Should -BeExactly 'Money back'
    }

    It 'refuses an author who is not an admin with the emulator''s error, and a piped article' {
        New-IntercomArticle -Title 'x' -AuthorId 12 -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_invalid,*'
        $failed[0].Exception.Message | Should -Match 'author_id 12 is not a teammate \(admin\) of this workspace'
        $before = Get-TestRequestCount 'POST /articles'
        Get-IntercomArticle -Id $welcome | New-IntercomArticle -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $refused[0].Exception.Message | Should -Be "Article 'Welcome' already exists: New-IntercomArticle would copy it. To change it, pipe it to Set-IntercomArticle."
        Get-TestRequestCount 'POST /articles' | Should -Be $before
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-TestRequestCount 'POST /articles'
        New-IntercomArticle -Title 'Preview only' -WhatIf
        Get-TestRequestCount 'POST /articles' | Should -Be $before
    }
}

Describe 'Set-IntercomArticle' {
    BeforeEach { Initialize-ArticleWorld }

    It 'takes the articles that name the old plan back to draft, changing nothing else of them' {
        Get-IntercomArticle -Search 'old plan' | Set-IntercomArticle -State draft
        $raw = Get-RawArticle $oldPlan
        $raw.state | Should -Be 'draft'
        $raw.title | Should -BeExactly 'Moving off the Old Plan'
        $raw.body | Should -BeExactly '<p class="no-margin">The old plan ends in May.</p>'
        (Get-RawArticle $welcome).state | Should -Be 'published'
        Get-TestRequestCount 'PUT /articles/{article_id}' | Should -Be 2
    }

    It 'binds only a piped article''s Id, never its own title or body' {
        $article = Get-IntercomArticle -Id $welcome
        $article.Title = 'Changed locally'
        $article | Set-IntercomArticle -Description 'First steps' -PassThru | ForEach-Object Title | Should -BeExactly 'Welcome'
        (Get-RawArticle $welcome).description | Should -BeExactly 'First steps'
    }

    It 'fixes a word across articles from each piped body' {
        Get-IntercomArticle -Search 'old plan' | ForEach-Object { Set-IntercomArticle -Id $_.Id -Body ($_.Body -replace 'old plan', 'Essential plan') }
        (Get-RawArticle $pricing).body | Should -BeExactly '<p class="no-margin">Our Essential plan cost less.</p>'
        (Get-RawArticle $oldPlan).body | Should -BeExactly '<p class="no-margin">The Essential plan ends in May.</p>'
    }

    It 'makes each bad input its own error and carries on' {
        '999', $welcome | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Set-IntercomArticle -Title 'Hello' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].TargetObject.Id | Should -Be '999'
        (Get-RawArticle $welcome).title | Should -BeExactly 'Hello'

        Set-IntercomArticle -Id $welcome -ErrorAction SilentlyContinue -ErrorVariable nothing
        $nothing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $nothing[0].Exception.Message | Should -Be 'Nothing to change: give -Title, -Description, -Body, -State, -AuthorId, -ParentId, -AddTag or -RemoveTag.'
        { Set-IntercomArticle -Id $welcome -State live } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'

        $user = [IntercomPS.User]@{ Id = $welcome; Email = 'ben@example.com' }
        $user | Set-IntercomArticle -State draft -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $refused[0].Exception.Message | Should -BeLike '* is not an article: pipe articles (Get-IntercomArticle), or pass an article''s -Id.'
        (Get-RawArticle $welcome).state | Should -Be 'published'
    }

    It 'sends nothing with -WhatIf, saying which articles it would change' {
        $run = Invoke-TestPwsh -Api V2 -Script "Get-IntercomArticle -Search 'old plan' -State published | Set-IntercomArticle -State draft -WhatIf"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Lines | Where-Object { $_ -like 'What if:*' } | Should -Be @(
            "What if: Performing the operation ""Update Intercom help center article"" on target ""article 'Moving off the Old Plan' ($oldPlan)""."
        )
        Get-TestRequestCount 'PUT /articles/{article_id}' | Should -Be 0
    }
}

Describe 'Remove-IntercomArticle' {
    BeforeEach { Initialize-ArticleWorld }

    It 'sends nothing with -WhatIf, and asks first (ConfirmImpact High)' {
        (Get-Command Remove-IntercomArticle).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        Get-IntercomArticle -Search 'old plan' | Remove-IntercomArticle -WhatIf
        Get-TestRequestCount 'DELETE /articles/{article_id}' | Should -Be 0
        Get-RawArticleIds | Should -HaveCount 3
    }

    It 'deletes piped articles with -Force, -PassThru writing each as it was' {
        $gone = Get-IntercomArticle -Search 'old plan' -State draft | Remove-IntercomArticle -Force -PassThru
        $gone.Title | Should -BeExactly 'Pricing'
        Get-RawArticleIds | Sort-Object | Should -Be (@($oldPlan, $welcome) | Sort-Object)
    }

    It 'names an article that is not there as that input''s not_found' {
        Remove-IntercomArticle -Id '999' -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].TargetObject | Should -Be '999'
        Get-RawArticleIds | Should -HaveCount 3
    }

    It 'never repeats a delete whose answer was lost: it was applied, and the error says it may have been' {
        Set-TestFaults @{ drop_rate = 1; route = 'DELETE /articles/{article_id}' }
        try {
            Remove-IntercomArticle -Id $welcome -Force -ErrorAction SilentlyContinue -ErrorVariable lost
        }
        finally { Clear-TestFaults }
        $lost | Should -HaveCount 1
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount 'DELETE /articles/{article_id}' | Should -Be 1
        Get-RawArticleIds | Should -Not -Contain $welcome
    }

    It 'refuses a piped object of another kind, deleting nothing' {
        [IntercomPS.Company]@{ Id = $welcome; Name = 'Acme' } | Remove-IntercomArticle -Force -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        Get-TestRequestCount 'DELETE /articles/{article_id}' | Should -Be 0
    }
}

Describe 'Get-IntercomHelpCenterCollection' {
    BeforeAll { Initialize-ArticleWorld }

    It 'lists the collections and sections as typed objects, -Name keeping the ones it matches' {
        $all = Get-IntercomHelpCenterCollection
        $all | ForEach-Object { $_ | Should -BeOfType ([IntercomPS.HelpCenterCollection]) }
        $all.Id | Sort-Object | Should -Be (@($billing, $plans) | Sort-Object)
        ($all | Where-Object Id -eq $plans).ParentId | Should -Be $billing
        ($all | Where-Object Id -eq $billing).HelpCenterId | Should -Be 301
        (Get-IntercomHelpCenterCollection -Name bill*).Id | Should -Be $billing
        Get-IntercomHelpCenterCollection -Name 'nothing*' | Should -BeNullOrEmpty
        $table = (Get-IntercomHelpCenterCollection -Name Plans | Out-String -Width 200) -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $table[0] | Should -Match '^Id\s+Name\s+ParentId\s+Order\s+UpdatedAt$'
        $table[2] | Should -Match "^$plans\s+Plans\s+$billing\s+1\s"
    }

    It 'gets the collection an article is in by its ParentId, and refuses the article piped' {
        (Get-IntercomHelpCenterCollection -Id (Get-IntercomArticle -Id $oldPlan).ParentId).Name | Should -BeExactly 'Plans'
        Get-IntercomHelpCenterCollection -Id 999 -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        Get-IntercomArticle -Id $oldPlan | Get-IntercomHelpCenterCollection -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $refused[0].Exception.Message | Should -Be "Article 'Moving off the Old Plan' is not a collection: to get the collection it is in, pass its ParentId, Get-IntercomHelpCenterCollection -Id $plans."
    }
}

Describe 'Articles on v1' {
    BeforeAll { Initialize-ArticleWorld }
    AfterAll { Connect-TestIntercomV2 }

    It 'refuses each cmdlet with not_supported and sends nothing' {
        Connect-TestIntercom
        $before = Get-TestRequestCount
        { Get-IntercomArticle -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
        { Get-IntercomArticle -Search 'old plan' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
        New-IntercomArticle -Title 'x' -ErrorAction SilentlyContinue -ErrorVariable refused
        Set-IntercomArticle -Id $welcome -State draft -ErrorAction SilentlyContinue -ErrorVariable +refused
        Remove-IntercomArticle -Id $welcome -Force -ErrorAction SilentlyContinue -ErrorVariable +refused
        { Get-IntercomHelpCenterCollection -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
        $refused | Should -HaveCount 3
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*' }
        $refused[0].Exception.Message | Should -Be 'Help center articles needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it.'
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'The help examples' {
    BeforeAll { Initialize-ArticleWorld }

    It 'run as written, in a new pwsh, without an error' {
        $script = @'
Set-Location ([IO.Path]::GetTempPath())
foreach ($name in 'Get-IntercomArticle', 'Get-IntercomHelpCenterCollection', 'New-IntercomArticle', 'Set-IntercomArticle', 'Remove-IntercomArticle') {
    foreach ($example in (Get-Help $name -Full).examples.example) {
        "== $name $($example.title)"
        $null = & ([scriptblock]::Create($example.code)) | Out-String
    }
}
Remove-Item articles.csv -ErrorAction SilentlyContinue
'@
        $run = Invoke-TestPwsh -Api V2 -Script $script
        $run.ExitCode | Should -Be 0 -Because $run.Text
        @($run.Lines | Where-Object { $_ -like '== *' }) | Should -HaveCount 17 # the drafts' Example 5s find no 'Refund policy' here: ArticleDrafts.Tests runs them on one
        # The examples published the drafts, fixed the old plan's name in the bodies, tagged the old plan's article (2.16), and deleted the article they wrote.
        (Get-RawArticle $pricing).state | Should -Be 'published'
        (Get-RawArticle $oldPlan).tags.tags.name | Should -Be 'outdated'
        (Get-RawArticle $oldPlan).body | Should -BeExactly '<p class="no-margin">The Essential plan ends in May.</p>'
        (Invoke-Raw GET 'articles/search?phrase=Our%20new%20plans').total_count | Should -Be 0
    }
}
