# Tags on help center articles (Intercom-Version 2.16 on): Set-IntercomArticle -AddTag/-RemoveTag, tag names found once
# per command as Set-IntercomTicket's are. Each effect is read back through raw HTTP against the emulator's 2.16 face
# and its request counts; sessions on older versions and v1 are refused before anything is sent.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    $script:headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.16'; Accept = 'application/json' }

    function Invoke-Raw([string] $Method, [string] $Path, $Body) {
        $request = @{ Method = $Method; Uri = [uri]::new($IntercomTestV2Uri, $Path); Headers = $headers }
        if ($null -ne $Body) { $request.Body = $Body | ConvertTo-Json -Depth 5; $request.ContentType = 'application/json' }
        Invoke-RestMethod @request
    }

    # The names of the tags an article shows, in the order applied.
    function Get-RawArticleTag([string] $Id) { @((Invoke-Raw GET "articles/$Id").tags.tags | ForEach-Object name) }

    function Initialize-TaggedWorld {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
        $admin = [long] (Invoke-Raw GET 'me').id
        $script:refunds = (Invoke-Raw POST 'articles' @{ title = 'Refunds'; author_id = $admin; state = 'published' }).id
        $script:pricing = (Invoke-Raw POST 'articles' @{ title = 'Pricing'; author_id = $admin }).id
        $null = Invoke-Raw POST 'tags' @{ name = 'billing' }
        $null = Invoke-Raw POST 'tags' @{ name = 'Outdated' }
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Set-IntercomArticle -AddTag and -RemoveTag' {
    BeforeEach { Initialize-TaggedWorld }

    It 'tags every piped article, finding each tag by name once for the whole command, then untags one' {
        Get-IntercomArticle | Set-IntercomArticle -AddTag billing, outdated
        Get-TestRequestCount 'GET /tags' | Should -Be 1
        Get-TestRequestCount 'POST /articles/{article_id}/tags' | Should -Be 4
        Get-RawArticleTag $refunds | Should -Be @('billing', 'Outdated')
        Get-RawArticleTag $pricing | Should -Be @('billing', 'Outdated')
        (Get-IntercomArticle -Id $refunds).Tags.Name | Should -Be @('billing', 'Outdated')

        # Tagged again, with a title change alongside: the tag stays as it was.
        $article = Set-IntercomArticle -Id $refunds -AddTag billing -RemoveTag OUTDATED -Title 'Refunds and returns' -PassThru
        $article.Title | Should -BeExactly 'Refunds and returns'
        $article.Tags.Name | Should -Be @('billing') # as it is after the tags, not as the update's answer had it
        Get-RawArticleTag $refunds | Should -Be @('billing')
        Get-TestRequestCount 'DELETE /articles/{article_id}/tags/{id}' | Should -Be 1
        # Tags alone: -PassThru reads the article.
        $article = Set-IntercomArticle -Id $pricing -RemoveTag billing -PassThru
        $article.Title | Should -BeExactly 'Pricing'
        $article.Tags.Name | Should -Be @('Outdated')
        Get-RawArticleTag $pricing | Should -Be @('Outdated')
    }

    It 'refuses an unknown tag name for each article and a tag both added and removed, writing nothing' {
        Get-IntercomArticle | Set-IntercomArticle -AddTag billing, nope -State draft -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 2
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed | ForEach-Object { $_.Exception.Message | Should -Be "No tag is named 'nope'. (not_found from GET /tags)" }
        Get-TestRequestCount 'GET /tags' | Should -Be 1
        Set-IntercomArticle -Id $refunds -AddTag billing -RemoveTag Billing -ErrorAction SilentlyContinue -ErrorVariable both
        $both | Should -HaveCount 1
        $both[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $both[0].Exception.Message | Should -Be "-AddTag and -RemoveTag both name 'billing': give each tag to one."
        Set-IntercomArticle -Id $refunds -ErrorAction SilentlyContinue -ErrorVariable nothing
        $nothing[0].Exception.Message | Should -Be 'Nothing to change: give -Title, -Description, -Body, -State, -AuthorId, -ParentId, -AddTag or -RemoveTag.'
        Get-TestRequestCount 'PUT /articles/{article_id}' | Should -Be 0
        Get-TestRequestCount 'POST /articles/{article_id}/tags' | Should -Be 0
        (Invoke-Raw GET "articles/$refunds").state | Should -Be 'published'
        Get-RawArticleTag $refunds | Should -HaveCount 0
    }

    It 'passes on Intercom''s answer for an article that is not there, and for a tag the article does not have' {
        Set-IntercomArticle -Id 999999 -AddTag billing -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.article_not_found,*'
        $missing[0].Exception.Message | Should -BeLike 'Article not found (404 article_not_found from POST /articles/999999/tags, request *)'
        $billing = (Invoke-Raw GET 'tags').data | Where-Object name -EQ 'billing' | ForEach-Object id
        Set-IntercomArticle -Id $refunds -RemoveTag billing -ErrorAction SilentlyContinue -ErrorVariable untagged
        $untagged | Should -HaveCount 1
        $untagged[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.tag_not_found,*'
        $untagged[0].Exception.Message | Should -BeLike "Tag not found (404 tag_not_found from DELETE /articles/$refunds/tags/$billing, request *)"
    }

    It 'sends nothing with -WhatIf, naming the tag changes' {
        $run = Invoke-TestPwsh -Api V2 -Script "Connect-Intercom -ApiVersion 2.16; Get-IntercomArticle | Sort-Object Title | Set-IntercomArticle -AddTag billing -RemoveTag Outdated -WhatIf"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Lines | Where-Object { $_ -like 'What if:*' } | Should -Be @(
            "What if: Performing the operation ""Update Intercom help center article: tag 'billing'; untag 'Outdated'"" on target ""article 'Pricing' ($pricing)""."
            "What if: Performing the operation ""Update Intercom help center article: tag 'billing'; untag 'Outdated'"" on target ""article 'Refunds' ($refunds)""."
        )
        Get-TestRequestCount 'GET /tags' | Should -Be 0
        Get-TestRequestCount 'POST /articles/{article_id}/tags' | Should -Be 0
        Get-TestRequestCount 'DELETE /articles/{article_id}/tags/{id}' | Should -Be 0
    }

    It 'refuses tags on a session asking for a version before 2.16, naming the version to ask for, and on v1, sending nothing' {
        Connect-TestIntercomV2
        $before = Get-TestRequestCount
        Set-IntercomArticle -Id $refunds -AddTag billing -ErrorAction SilentlyContinue -ErrorVariable added
        Set-IntercomArticle -Id $refunds -RemoveTag billing -Title 'Refunds' -ErrorAction SilentlyContinue -ErrorVariable removed
        $added[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $added[0].Exception.Message | Should -Be 'Tagging an article (-AddTag) needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16.'
        $removed[0].Exception.Message | Should -Be 'Untagging an article (-RemoveTag) needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16.'
        Get-TestRequestCount | Should -Be $before

        Connect-TestIntercom
        $before = Get-TestRequestCount
        Set-IntercomArticle -Id $refunds -AddTag billing -ErrorAction SilentlyContinue -ErrorVariable v1
        $v1[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $v1[0].Exception.Message | Should -BeLike 'Help center articles*needs REST API 2.x*'
        Get-TestRequestCount | Should -Be $before
    }
}
