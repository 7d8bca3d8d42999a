# Invoke-IntercomRequest, the escape hatch, on both APIs: any endpoint with the session's host, credential, version,
# retries and pacing; answers as objects; -All over 2.x cursors and v1 page numbers; errors as ErrorRecords; -WhatIf.
# Effects are read back over raw HTTP, not through the module.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Get-RawV2([string] $Path) {
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14' }
        Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, $Path)) -Headers $headers
    }

    function Get-RawV1User([string] $Email) {
        $pair = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes("$($env:INTERCOMPS_TEST_APPID):$($env:INTERCOMPS_TEST_APIKEY)"))
        Invoke-RestMethod -Uri ([uri]::new($IntercomTestBaseUri, "users?email=$([uri]::EscapeDataString($Email))")) -Headers @{ Authorization = "Basic $pair" }
    }
}

AfterAll {
    Clear-TestFaults
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'Invoke-IntercomRequest on <Api>' -ForEach @(@{ Api = 'V1'; Users = '/users'; List = 'GET /v1/users' }, @{ Api = 'V2'; Users = '/contacts'; List = 'GET /contacts' }) {
    BeforeEach {
        Reset-TestApp
        Add-TestUsers -Count 25 -Prefix 'page'
        Connect-TestApi $Api
    }

    It 'answers with objects: the list endpoint''s envelope, its fields as properties' {
        $answer = Invoke-IntercomRequest GET $Users -Query @{ per_page = 5 }
        $answer | Should -BeOfType ([pscustomobject])
        $answer.total_count | Should -Be 25
        $answer.total_count | Should -BeOfType ([long])
        $items = if ($Api -eq 'V2') { $answer.data } else { $answer.users }
        $items | Should -HaveCount 5
        $items[0].email | Should -Be 'page1@example.com'
    }

    It 'takes a path alone as a GET, and the method before the path, by position or by name, or the path piped' {
        $before = Get-TestRequestCount $List
        (Invoke-IntercomRequest $Users -Query @{ per_page = 1 }).total_count | Should -Be 25
        (Invoke-IntercomRequest GET $Users -Query @{ per_page = 1 }).total_count | Should -Be 25
        (Invoke-IntercomRequest get $Users -Query @{ per_page = 1 }).total_count | Should -Be 25
        (Invoke-IntercomRequest -Path $Users -Query @{ per_page = 1 }).total_count | Should -Be 25
        (Invoke-IntercomRequest -Method Get -Path $Users -Query @{ per_page = 1 }).total_count | Should -Be 25
        (Invoke-IntercomRequest $Users -Method GET -Query @{ per_page = 1 }).total_count | Should -Be 25
        ($Users | Invoke-IntercomRequest -Query @{ per_page = 1 }).total_count | Should -Be 25
        ($Users | Invoke-IntercomRequest -Method GET -Query @{ per_page = 1 }).total_count | Should -Be 25
        (Get-TestRequestCount $List) - $before | Should -Be 8
    }

    It 'follows every page with -All and outputs the items, one request a page' {
        $before = Get-TestRequestCount $List
        $all = Invoke-IntercomRequest GET $Users -Query @{ per_page = 10 } -All
        $all | Should -HaveCount 25
        @($all.email | Sort-Object -Unique) | Should -HaveCount 25
        (Get-TestRequestCount $List) - $before | Should -Be 3
    }

    It 'streams -All: Select-Object -First 3 stops after the first page' {
        $before = Get-TestRequestCount $List
        $first = Invoke-IntercomRequest GET $Users -Query @{ per_page = 10 } -All | Select-Object -First 3
        $first.email | Should -Be 'page1@example.com', 'page2@example.com', 'page3@example.com'
        (Get-TestRequestCount $List) - $before | Should -Be 1
    }

    It 'writes with a body, read back over raw HTTP' {
        if ($Api -eq 'V2') {
            $id = (Get-RawV2 'contacts/find_by_external_id/page7').id
            $answer = Invoke-IntercomRequest PUT "/contacts/$id" -Body @{ name = 'Seven'; unsubscribed_from_emails = $true }
            $answer.unsubscribed_from_emails | Should -BeTrue
            $answer.name | Should -Be 'Seven'
            (Get-RawV2 "contacts/$id").name | Should -Be 'Seven'
        }
        else {
            $answer = Invoke-IntercomRequest PUT /users -Body '{"email": "page7@example.com", "name": "Seven"}'
            $answer.name | Should -Be 'Seven'
            (Get-RawV1User 'page7@example.com').name | Should -Be 'Seven'
        }
    }

    It 'reports the API''s error as an ErrorRecord naming the path, and goes on with the next input' {
        $missing = if ($Api -eq 'V2') { '/contacts/000000000000000000000000' } else { '/users?email=nobody@example.com' }
        $answers = $missing, $Users | Invoke-IntercomRequest -ErrorAction SilentlyContinue -ErrorVariable failed
        $answers | Should -HaveCount 1
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be $missing
    }

    It 'refuses a URL at another host, saying why, and sends nothing' {
        $before = Get-TestRequestCount
        Invoke-IntercomRequest GET "https://api.example.com$Users" -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $failed[0].Exception.Message | Should -BeLike "*is not at this session's host*sends nothing anywhere else*"
        Get-TestRequestCount | Should -Be $before
    }

    It 'takes an absolute URL at the session''s own host' {
        $root = if ($Api -eq 'V2') { $IntercomTestV2Uri } else { $IntercomTestBaseUri }
        $url = [uri]::new($root, $Users.TrimStart('/') + '?per_page=1')
        (Invoke-IntercomRequest GET $url.AbsoluteUri).total_count | Should -Be 25
    }

    It 'previews anything but a GET under -WhatIf and sends nothing' {
        $before = Get-TestRequestCount
        $run = Invoke-TestPwsh -Api $Api -Script "Invoke-IntercomRequest DELETE $Users/whatever -WhatIf; Invoke-IntercomRequest POST $Users -Body @{ email = 'new@example.com' } -WhatIf"
        $run.ExitCode | Should -Be 0
        $run.Text | Should -BeLike "*What if: Performing the operation `"Send Intercom API request`" on target `"DELETE /*$($Users.TrimStart('/'))/whatever`"*"
        $run.Text | Should -BeLike "*on target `"POST /*$($Users.TrimStart('/'))`"*"
        Get-TestRequestCount | Should -Be ($before + 1) -Because 'the child pwsh connects with one request and sends nothing else'
    }
}

Describe 'Invoke-IntercomRequest on REST API 2.14' {
    BeforeEach {
        Reset-TestApp
        Add-TestUsers -Count 25 -Prefix 'page'
        Connect-TestIntercomV2
    }
    AfterEach { Clear-TestFaults }

    It 'reads GET /me from the path alone, the escape hatch''s first call' {
        $me = Invoke-IntercomRequest /me
        $me.type | Should -Be 'admin'
        $me.id | Should -Be (Get-IntercomSession).AdminId
        Get-TestRequestCount 'GET /me' | Should -Be 2 -Because 'Connect-Intercom read it once too'
    }

    It 'sends the session''s Intercom-Version' {
        Connect-TestIntercomV2 -ApiVersion 2.11
        Invoke-IntercomRequest GET /contacts/find_by_external_id/page1 -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.intercom_version_invalid,*'
        $failed[0].Exception.Message | Should -BeLike '*not available in current API version*'
    }

    It 'follows a search''s cursor in its body with -All' {
        $search = @{ query = @{ field = 'email'; operator = '~'; value = 'page' }; pagination = @{ per_page = 10 } }
        $found = Invoke-IntercomRequest POST /contacts/search -Body $search -All -Idempotent
        $found | Should -HaveCount 25
        Get-TestRequestCount 'POST /contacts/search' | Should -Be 3
    }

    It 'retries a search said to be idempotent after a 502, and sends a POST that is not only once' {
        Set-TestFaults @{ failure_rate = 1; failure_status = 502; route = 'POST /contacts/search' }
        $search = @{ query = @{ field = 'email'; operator = '='; value = 'page1@example.com' } }
        Invoke-IntercomRequest POST /contacts/search -Body $search -ErrorAction SilentlyContinue -ErrorVariable once
        $once[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.server_error,*'
        Get-TestRequestCount 'POST /contacts/search' | Should -Be 1
        Connect-TestIntercomV2 -MaxRetry 2
        Invoke-IntercomRequest POST /contacts/search -Body $search -Idempotent -ErrorAction SilentlyContinue -ErrorVariable retried
        $retried | Should -HaveCount 1
        Get-TestRequestCount 'POST /contacts/search' | Should -Be 4
    }

    It 'never repeats a create whose answer was lost: one contact, and the error says it may have been applied' {
        Set-TestFaults @{ drop_rate = 1; route = 'POST /contacts' }
        Invoke-IntercomRequest POST /contacts -Body @{ role = 'user'; external_id = 'lost1'; email = 'lost1@example.com' } -ErrorAction SilentlyContinue -ErrorVariable lost
        $lost[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.response_lost,*'
        Get-TestRequestCount 'POST /contacts' | Should -Be 1
        Clear-TestFaults
        (Get-RawV2 'contacts/find_by_external_id/lost1').email | Should -Be 'lost1@example.com'
    }

    It 'outputs nothing for an answer without a body, and the tag is gone' {
        $tag = Invoke-IntercomRequest POST /tags -Body @{ name = 'doomed' }
        $gone = Invoke-IntercomRequest DELETE "/tags/$($tag.id)" -Confirm:$false
        $gone | Should -BeNullOrEmpty
        @((Get-RawV2 'tags').data | Where-Object name -EQ 'doomed') | Should -HaveCount 0
    }

    It 'follows a numbered list (page and total_pages, no next) page by page with -All, GET or POST' {
        1..5 | ForEach-Object { $null = Invoke-IntercomRequest POST /companies -Body @{ company_id = "co$_"; name = "Company $_" } }
        $before = Get-TestRequestCount 'GET /companies'
        (Invoke-IntercomRequest GET /companies -Query @{ per_page = 2 } -All).company_id | Should -Be co1, co2, co3, co4, co5
        (Get-TestRequestCount 'GET /companies') - $before | Should -Be 3
        (Invoke-IntercomRequest POST /companies/list -Query @{ per_page = 2; order = 'asc' } -All -Idempotent).company_id | Should -Be co1, co2, co3, co4, co5
        Get-TestRequestCount 'POST /companies/list' | Should -Be 3
    }

    It 'says a web page answering 200 is not the API, and what to check' {
        # The emulator's inspector is a web page at the session's host, as a sign-in page or portal would be.
        Invoke-IntercomRequest GET /_inspector/ -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_response,IntercomPS.Cmdlets.InvokeIntercomRequestCommand'
        $failed[0].Exception.Message | Should -BeLike "Intercom sent an answer that is not JSON: * It is markup (a web page?), not the API's: check the path and the session's base URI, which must be the API's root (like https://api.intercom.io/). (200 invalid_response from GET /_inspector/)"
    }

    It 'refuses a body that is not JSON, and a GET with a body, before anything is sent' {
        $before = Get-TestRequestCount
        Invoke-IntercomRequest POST /contacts -Body '{"role": user}' -ErrorAction SilentlyContinue -ErrorVariable bad
        Invoke-IntercomRequest GET /contacts -Body @{ a = 1 } -ErrorAction SilentlyContinue -ErrorVariable get
        $bad[0].Exception.Message | Should -BeLike '-Body is a string, so it must be JSON*'
        $get[0].Exception.Message | Should -BeLike 'A GET has no body*'
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'Invoke-IntercomRequest, what it refuses' {
    BeforeEach { Reset-TestApp }

    It 'refuses a path that climbs out of the v1 API root, relative or absolute, and sends nothing' {
        Connect-TestIntercom
        $outside = '../contacts', '/users/../../admin/health', '%2e%2e/contacts', ([uri]::new($IntercomTestBaseUri, '/admin/health')).AbsoluteUri
        $outside | Invoke-IntercomRequest -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
        $failed | Should -HaveCount 4
        $failed.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'Intercom.invalid_argument,IntercomPS.Cmdlets.InvokeIntercomRequestCommand'
        $failed[0].Exception.Message | Should -BeExactly "/contacts is outside this session's API root (/v1/): Invoke-IntercomRequest sends the session's credential only to the API it was made for. Give a path under the API root, like /contacts, without '..'."
        $failed.TargetObject | Should -Be $outside
        Get-TestRequestCount | Should -Be 1 -Because 'only Connect-Intercom''s check was sent'
    }

    It 'refuses a -Query value that is a hashtable or an object, rather than sending its text' {
        Connect-TestIntercomV2
        Invoke-IntercomRequest GET /contacts -Query @{ per_page = 1; filter = @{ role = 'user' } } -ErrorAction SilentlyContinue -ErrorVariable table
        Invoke-IntercomRequest GET /contacts -Query @{ filter = [pscustomobject]@{ role = 'user' } } -ErrorAction SilentlyContinue -ErrorVariable object
        $table[0].Exception.Message | Should -BeExactly '-Query filter is an object; a query parameter is text, a number, a boolean or a date.'
        $object[0].Exception.Message | Should -BeExactly '-Query filter is an object; a query parameter is text, a number, a boolean or a date.'
        Get-TestRequestCount | Should -Be 1
    }

    It 'refuses a first word that is no method, rather than sending a GET to the path after it, and sends nothing' {
        Connect-TestIntercomV2
        { Invoke-IntercomRequest PATCH /contacts -ErrorAction SilentlyContinue } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,IntercomPS.Cmdlets.InvokeIntercomRequestCommand' -ExpectedMessage "'PATCH' is not a method Invoke-IntercomRequest sends: give GET, POST, PUT or DELETE before the path, or the path alone for a GET."
        { Invoke-IntercomRequest /contacts /tags } | Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage "'/contacts' is not a method*"
        { Invoke-IntercomRequest -Method PATCH -Path /contacts } | Should -Throw -ErrorId 'ParameterBindingFailed,*' -ExpectedMessage "*'PATCH' is not a method Invoke-IntercomRequest sends: give GET, POST, PUT or DELETE.*"
        Get-TestRequestCount | Should -Be 1 -Because 'only Connect-Intercom''s check was sent'
    }

    It 'shows its two shapes in its syntax, a method then a path or a path alone, and completes the method' {
        $syntax = @((Get-Command Invoke-IntercomRequest -Syntax) -split '\r?\n' | Where-Object { $_ })
        $syntax | Should -HaveCount 2
        $syntax[0] | Should -Match '^Invoke-IntercomRequest \[-Method\] <string> \[-Path\] <string> \[-Query <IDictionary>\]'
        $syntax[1] | Should -Match '^Invoke-IntercomRequest \[-Path\] <string> \[-Query <IDictionary>\]'
        (TabExpansion2 'Invoke-IntercomRequest ' 23).CompletionMatches.CompletionText | Should -Be 'GET', 'POST', 'PUT', 'DELETE'
        (TabExpansion2 'Invoke-IntercomRequest -Method p' 32).CompletionMatches.CompletionText | Should -Be 'POST', 'PUT'
    }

    It 'refuses -All on an answer that is one object, whose one array is no list' {
        Connect-TestIntercomV2
        $out = Invoke-IntercomRequest GET /me -All -ErrorAction SilentlyContinue -ErrorVariable failed
        $out | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_response,IntercomPS.Cmdlets.InvokeIntercomRequestCommand'
        $failed[0].Exception.Message | Should -BeLike '-All cannot follow this list: its answer is one admin (it has an id), not a list: leave -All out to read it.*'
    }
}
