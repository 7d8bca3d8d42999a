# Listing 1,234 users (three pages of 500): every user once, in order, with the requests a user would expect.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Connect-TestIntercom
    Add-TestUsers -Count 1234 -Prefix 'page-'
}

AfterAll { Disconnect-Intercom }

Describe 'Get-IntercomUser over several pages' {
    It 'lists every user once, in creation order, in three requests' {
        $before = Get-TestRequestCount 'GET /v1/users'
        $ids = (Get-IntercomUser).UserId
        $ids | Should -Be (1..1234 | ForEach-Object { "page-$_" })
        (Get-TestRequestCount 'GET /v1/users') - $before | Should -Be 3
    }

    It '-First <first> -Skip <skip> selects exactly those users' -TestCases @(
        @{ first = 10; skip = 0 }, @{ first = 10; skip = 5 }, @{ first = 1; skip = 1233 }, @{ first = 600; skip = 400 }, @{ first = 50; skip = 1200 }
    ) {
        $expected = ($skip + 1)..([math]::Min($skip + $first, 1234)) | ForEach-Object { "page-$_" }
        (Get-IntercomUser -First $first -Skip $skip).UserId | Should -Be $expected
    }

    It '-First 10 asks for ten users in one request, not five hundred' {
        $before = Get-TestRequestCount 'GET /v1/users'
        $verbose = Get-IntercomUser -First 10 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        (Get-TestRequestCount 'GET /v1/users') - $before | Should -Be 1
        $verbose.Message | Should -Match '^GET /v1/users\?page=1&per_page=10 -> 200 OK in '
    }

    It '-PageSize 100 sets how many users each request asks for' {
        $before = Get-TestRequestCount 'GET /v1/users'
        (Get-IntercomUser -PageSize 100) | Should -HaveCount 1234
        (Get-TestRequestCount 'GET /v1/users') - $before | Should -Be 13
    }

    It '-IncludeTotalCount reports the total first' {
        $result = @(Get-IntercomUser -IncludeTotalCount -First 3)
        $result | Should -HaveCount 4
        [long] $result[0] | Should -Be 1234
        $result[1..3] | Should -BeOfType ([IntercomPS.User])
    }

    It 'filters the list by tag name and by tag id, across pages' {
        $tag = New-IntercomTag -Name 'paged-trial' -UserId 'page-3', 'page-700', 'page-1234'
        (Get-IntercomUser -Tag 'paged-trial').UserId | Should -Be 'page-3', 'page-700', 'page-1234'
        (Get-IntercomUser -TagId $tag.Id).UserId | Should -Be 'page-3', 'page-700', 'page-1234'
    }
}
