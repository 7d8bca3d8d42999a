# An article's draft and versions (Intercom-Version 2.16 on), as a support-content writer works: stage a rewrite
# beside the live article (Set-IntercomArticle -Draft), read it (Get-IntercomArticle -Draft), publish it
# (Publish-IntercomArticle) and look back at the versions (Get-IntercomArticleVersion). Each effect is read back through
# raw HTTP against the emulator's 2.16 face and its request counts; older sessions are refused before anything is sent.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    $script:headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.16'; Accept = 'application/json' }

    function Invoke-Raw([string] $Method, [string] $Path, $Body) {
        $request = @{ Method = $Method; Uri = [uri]::new($IntercomTestV2Uri, $Path); Headers = $headers }
        if ($null -ne $Body) { $request.Body = $Body | ConvertTo-Json -Depth 5; $request.ContentType = 'application/json' }
        Invoke-RestMethod @request
    }

    function Initialize-DraftWorld {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
        $script:admin = [long] (Invoke-Raw GET 'me').id
        $script:refunds = (Invoke-Raw POST 'articles' @{ title = 'Refund policy'; body = '<p>Refunds within 30 days.</p>'; author_id = $admin; state = 'published' }).id
        $script:pricing = (Invoke-Raw POST 'articles' @{ title = 'Pricing'; author_id = $admin }).id # a draft article, never published
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Set-IntercomArticle -Draft and Get-IntercomArticle -Draft' {
    BeforeEach { Initialize-DraftWorld }

    It 'stages a rewrite that leaves the live article as it is, and reads it back' {
        $draft = Get-IntercomArticle -Id $refunds | Set-IntercomArticle -Draft -Title 'Refunds and returns' -Body '<p>Refunds within 60 days.</p>' -PassThru
        $draft | Should -BeOfType ([IntercomPS.Article])
        $draft.Title | Should -BeExactly 'Refunds and returns'
        $draft.HasUnpublishedChanges | Should -BeTrue
        Get-TestRequestCount 'PUT /articles/{id}/draft' | Should -Be 1
        Get-TestRequestCount 'PUT /articles/{article_id}' | Should -Be 0
        $live = Invoke-Raw GET "articles/$refunds"
        $live.title | Should -BeExactly 'Refund policy'
        $live.body | Should -BeExactly '<p class="no-margin">Refunds within 30 days.</p>'
        $live.has_unpublished_changes | Should -BeTrue

        $article = Get-IntercomArticle -Id $refunds
        $article.Title | Should -BeExactly 'Refund policy'
        $article.HasUnpublishedChanges | Should -BeTrue
        $article.DraftUpdatedAt | Should -BeOfType ([datetime])
        $read = Get-IntercomArticle -Id $refunds -Draft
        $read.Title | Should -BeExactly 'Refunds and returns'
        $read.Body | Should -BeExactly '<p class="no-margin">Refunds within 60 days.</p>'
        $read.Url | Should -BeExactly $live.url # the live article's page
    }

    It 'refuses what a draft cannot hold, sending nothing, and passes on Intercom''s refusals' {
        Set-IntercomArticle -Id $refunds -Draft -Title 'X' -State draft -ErrorAction SilentlyContinue -ErrorVariable held
        $held | Should -HaveCount 1
        $held[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $held[0].Exception.Message | Should -Be 'A draft holds the title, description, body and author only: give -State, -ParentId, -AddTag and -RemoveTag without -Draft, to the live article.'
        Get-TestRequestCount 'PUT /articles/{id}/draft' | Should -Be 0

        Set-IntercomArticle -Id $pricing -Draft -Title 'Prices' -ErrorAction SilentlyContinue -ErrorVariable unpublished
        $unpublished | Should -HaveCount 1
        $unpublished[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_invalid,*'
        $unpublished[0].Exception.Message | Should -BeLike "Article must be published before a draft can be staged (422 parameter_invalid from PUT /articles/$pricing/draft, request *)"
        (Invoke-Raw GET "articles/$pricing").title | Should -BeExactly 'Pricing'

        Get-IntercomArticle -Id $refunds -Draft -ErrorAction SilentlyContinue -ErrorVariable none
        $none | Should -HaveCount 1
        $none[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $none[0].Exception.Message | Should -BeLike "Object not found (404 not_found from GET /articles/$refunds/draft, request *)"
    }

    It 'refuses -Draft on a session asking for a version before 2.16, naming the version to ask for, sending nothing' {
        Connect-TestIntercomV2
        $before = Get-TestRequestCount
        Set-IntercomArticle -Id $refunds -Draft -Title 'X' -ErrorAction SilentlyContinue -ErrorVariable staged
        Get-IntercomArticle -Id $refunds -Draft -ErrorAction SilentlyContinue -ErrorVariable read
        $staged[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $staged[0].Exception.Message | Should -Be "Staging an article's draft (-Draft) needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16."
        $read[0].Exception.Message | Should -Be "An article's staged draft (-Draft) needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16."
        Get-TestRequestCount | Should -Be $before
        # Without -Draft the same session still reads the article, as 2.14 has it (no draft fields).
        (Get-IntercomArticle -Id $refunds).HasUnpublishedChanges | Should -BeNullOrEmpty
    }
}

Describe 'Publish-IntercomArticle' {
    BeforeEach { Initialize-DraftWorld }

    It 'makes the staged draft live, once, and leaves a version' {
        Set-IntercomArticle -Id $refunds -Draft -Title 'Refunds and returns'
        $published = Get-IntercomArticle -Id $refunds | Publish-IntercomArticle -Force -PassThru
        $published.Title | Should -BeExactly 'Refunds and returns'
        $published.HasUnpublishedChanges | Should -BeFalse
        $published.DraftUpdatedAt | Should -BeNullOrEmpty
        Get-TestRequestCount 'POST /articles/{id}/draft/publish' | Should -Be 1
        (Invoke-Raw GET "articles/$refunds").title | Should -BeExactly 'Refunds and returns'
        (Invoke-Raw GET "articles/$refunds/versions").total_count | Should -Be 2

        Publish-IntercomArticle -Id $refunds -Force -ErrorAction SilentlyContinue -ErrorVariable again
        $again | Should -HaveCount 1
        $again[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_invalid,*'
        $again[0].Exception.Message | Should -BeLike "Article has no draft to publish (422 parameter_invalid from POST /articles/$refunds/draft/publish, request *)"
    }

    It 'asks first: -WhatIf names the article and sends nothing' {
        Set-IntercomArticle -Id $refunds -Draft -Title 'Refunds and returns'
        $run = Invoke-TestPwsh -Api V2 -Script "Connect-Intercom -ApiVersion 2.16; Get-IntercomArticle -Id $refunds | Publish-IntercomArticle -WhatIf"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Lines | Where-Object { $_ -like 'What if:*' } | Should -Be @(
            "What if: Performing the operation ""Publish the draft of Intercom help center article (it goes live)"" on target ""article 'Refund policy' ($refunds)""."
        )
        Get-TestRequestCount 'POST /articles/{id}/draft/publish' | Should -Be 0
        (Invoke-Raw GET "articles/$refunds").has_unpublished_changes | Should -BeTrue
    }

    It 'never repeats a publish whose answer was lost: the error says it may have been applied' {
        Set-IntercomArticle -Id $refunds -Draft -Title 'Refunds and returns'
        Set-TestFaults @{ drop_rate = 1; route = 'POST /articles/{id}/draft/publish' }
        try { Publish-IntercomArticle -Id $refunds -Force -ErrorAction SilentlyContinue -ErrorVariable lost }
        finally { Clear-TestFaults }
        $lost | Should -HaveCount 1
        $lost[0].Exception.MayHaveBeenApplied | Should -BeTrue
        Get-TestRequestCount 'POST /articles/{id}/draft/publish' | Should -Be 1
        (Invoke-Raw GET "articles/$refunds").title | Should -BeExactly 'Refunds and returns'
    }

    It 'refuses another kind of object piped, naming what it takes, and sends nothing' {
        $tag = Invoke-Raw POST 'tags' @{ name = 'billing' }
        Get-IntercomTag -Name billing | Publish-IntercomArticle -Force -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $refused[0].Exception.Message | Should -Be "Tag 'billing' is not an article: pipe articles (Get-IntercomArticle), or pass an article's -Id."
        Get-TestRequestCount "POST /articles/{id}/draft/publish" | Should -Be 0
        $tag.id | Should -Not -BeNullOrEmpty
    }

    It 'is refused on a session asking for 2.14, naming 2.16, and sends nothing' {
        Connect-TestIntercomV2
        $before = Get-TestRequestCount
        Publish-IntercomArticle -Id $refunds -Force -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $refused[0].Exception.Message | Should -Be "Publishing an article's draft needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16."
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'Get-IntercomArticleVersion' {
    BeforeEach { Initialize-DraftWorld }

    It 'lists the versions newest first, the live one published, and gets one with its body' {
        Set-IntercomArticle -Id $refunds -Title 'Refunds and returns'
        $versions = Get-IntercomArticle -Id $refunds | Get-IntercomArticleVersion
        $versions | ForEach-Object { $_ | Should -BeOfType ([IntercomPS.ArticleVersion]) }
        $versions.Title | Should -Be @('Refunds and returns', 'Refund policy')
        $versions.State | Should -Be @('published', 'draft')
        $versions[0].FromVersionId | Should -Be $versions[1].Id
        $versions[0].Body | Should -BeNullOrEmpty # the list has no bodies
        $table = $versions | Format-Table | Out-String
        $table | Should -Match 'Id\s+ArticleId\s+Title\s+State\s+AuthorId\s+CreatedVia\s+CreatedAt'

        $first = Get-IntercomArticleVersion -Id $refunds -VersionId $versions[1].Id
        $first.Body | Should -BeExactly '<p class="no-margin">Refunds within 30 days.</p>'
        $first.AuthorId | Should -Be $admin
    }

    It 'passes on Intercom''s answer for a version that is not the article''s, and refuses a piped version' {
        $version = (Invoke-Raw GET "articles/$refunds/versions").data[0].id
        Get-IntercomArticleVersion -Id $pricing -VersionId $version -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $missing[0].Exception.Message | Should -BeLike "Object not found (404 not_found from GET /articles/$pricing/versions/$version, request *)"

        $before = Get-TestRequestCount
        Get-IntercomArticleVersion -Id $refunds | Get-IntercomArticleVersion -ErrorAction SilentlyContinue -ErrorVariable piped
        $piped | Should -HaveCount 1
        $piped[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $piped[0].Exception.Message | Should -Be "Article version 'Refund policy' is not an article: pipe articles (Get-IntercomArticle), or pass an article's -Id."
        Get-TestRequestCount | Should -Be ($before + 1)
    }

    It 'is refused on a session asking for 2.14, naming 2.16, and sends nothing' {
        Connect-TestIntercomV2
        $before = Get-TestRequestCount
        Get-IntercomArticleVersion -Id $refunds -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].Exception.Message | Should -Be "An article's versions needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16."
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'The article drafts'' help examples' {
    BeforeAll { Initialize-DraftWorld }

    It 'run as written, in a new pwsh, without an error' {
        $script = @'
Set-Location ([IO.Path]::GetTempPath())
Connect-Intercom -ApiVersion 2.16
$examples = @(
    # The drafts' examples of Set- and Get-IntercomArticle (their others run in Articles.Tests).
    (Get-Help Set-IntercomArticle -Full).examples.example | Where-Object title -Like '*Example 5:*' | ForEach-Object { , @('Set-IntercomArticle', $_) }
    (Get-Help Get-IntercomArticle -Full).examples.example | Where-Object title -Like '*Example 5:*' | ForEach-Object { , @('Get-IntercomArticle', $_) }
    foreach ($name in 'Publish-IntercomArticle', 'Get-IntercomArticleVersion') { (Get-Help $name -Full).examples.example | ForEach-Object { , @($name, $_) } }
)
foreach ($pair in $examples) {
    "== $($pair[0]) $($pair[1].title)"
    $null = & ([scriptblock]::Create($pair[1].code)) | Out-String
}
'@
        $run = Invoke-TestPwsh -Api V2 -Script $script
        $run.ExitCode | Should -Be 0 -Because $run.Text
        @($run.Lines | Where-Object { $_ -like '== *' }) | Should -HaveCount 6
        # The examples staged a rewrite of the refund policy and published it: two versions now.
        $raw = Invoke-Raw GET "articles/$refunds"
        $raw.body | Should -BeExactly '<p class="no-margin">Refunds are accepted within 60 days.</p>'
        $raw.has_unpublished_changes | Should -BeFalse
        (Invoke-Raw GET "articles/$refunds/versions").total_count | Should -Be 2
    }
}
