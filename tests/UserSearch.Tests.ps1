# Finding users by a condition with one server-side contact search (REST API 2.14): -Filter, a PowerShell-style
# condition the module translates and checks, and -Query, 2.14's own query; 2.14's rules refused before sending with
# why; streamed like any listing. v1's refusal (it can only list) is Capabilities.Tests.ps1's.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

AfterAll {
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'Get-IntercomUser -Filter and -Query on REST API 2.14' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        $null = New-IntercomDataAttribute -Name plan
        $null = New-IntercomDataAttribute -Name seats -DataType integer
        $null = New-IntercomDataAttribute -Name mrr -DataType float
        $jan = [datetime]::new(2026, 1, 15, 12, 0, 0, [DateTimeKind]::Utc)
        $rows = 1..30 | ForEach-Object {
            [pscustomobject]@{
                user_id = "u$_"; email = "u$_@example.com"; name = "User $_"
                plan = @('free', 'pro', 'team')[$_ % 3]; seats = $_; mrr = $_ * 1.5
                last_request_at = $jan.AddDays(-$_)
            }
        }
        $null = $rows | New-IntercomUser -CustomAttributeColumns
        'u1@example.com', 'u2@example.com' | Set-IntercomTag -Name 'vip'
        $null = New-IntercomUser -UserId 'other' -Email 'other@example.org' -CustomData @{ plan = 'pro'; seats = 99 }
    }

    It 'finds users by custom attributes and a date, with one search' {
        $before = Get-TestRequestCount 'POST /contacts/search'
        $found = Get-IntercomUser -Filter "plan -eq 'pro' -and seats -lt 10"
        $found.UserId | Sort-Object | Should -Be 'u1', 'u4', 'u7'
        (Get-TestRequestCount 'POST /contacts/search') - $before | Should -Be 1
    }

    It 'matches a date by its calendar day, > from the next day' {
        $found = Get-IntercomUser -Filter "last_seen_at -lt '2026-01-10' -and email -like '*@example.com'"
        $found.UserId | Sort-Object { [int]$_.Substring(1) } | Select-Object -First 1 | Should -Be 'u6'
        @(Get-IntercomUser -Filter "last_seen_at -eq '2026-01-14'").UserId | Should -Be 'u1'
        @(Get-IntercomUser -Filter "last_seen_at -gt '2026-01-12'").UserId | Sort-Object | Should -Be 'u1', 'u2'
    }

    It 'takes $_.field, -or, parentheses, -in, -like and a tag by its name' {
        @(Get-IntercomUser -Filter { ($_.seats -eq 3 -or $_.seats -eq 5) -and $_.plan -in 'free', 'team' }).UserId | Sort-Object | Should -Be 'u3', 'u5'
        @(Get-IntercomUser -Filter "tag -eq 'vip'").UserId | Sort-Object | Should -Be 'u1', 'u2'
        @(Get-IntercomUser -Filter "email -like 'u1*'" ).Count | Should -Be 11
        @(Get-IntercomUser -Filter "mrr -gt 43").UserId | Sort-Object | Should -Be 'u29', 'u30'
    }

    It 'streams like any listing: -First, -Skip, -IncludeTotalCount' {
        $all = @(Get-IntercomUser -Filter "plan -eq 'free'" -PageSize 3)
        $all | Should -HaveCount 10
        $page = @(Get-IntercomUser -Filter "plan -eq 'free'" -PageSize 3 -Skip 2 -First 4 -IncludeTotalCount)
        [long] $page[0] | Should -Be 10
        # Users created in the same second come in the server's order: the slice is the whole list's.
        $page[1..4].UserId | Should -Be $all[2..5].UserId
    }

    It 'takes 2.14''s own query as a hashtable or JSON' {
        $query = @{ operator = 'OR'; value = @(@{ field = 'custom_attributes.seats'; operator = '>'; value = 28 }, @{ field = 'external_id'; operator = '='; value = 'u2' }) }
        @(Get-IntercomUser -Query $query).UserId | Sort-Object | Should -Be 'other', 'u2', 'u29', 'u30'
        $two = @(Get-IntercomUser -Query '{"field":"custom_attributes.plan","operator":"=","value":"team"}' -First 2)
        $two | Should -HaveCount 2
        $two | ForEach-Object { $_.CustomData['plan'] | Should -Be 'team' }
    }

    It 'finds users by their email''s domain (email_domain, as the help''s -Query example does)' {
        $query = @{ operator = 'OR'; value = @(
            @{ field = 'custom_attributes.seats'; operator = 'IN'; value = @(3, 4) }
            @{ field = 'email_domain'; operator = '='; value = 'example.org' }) }
        @(Get-IntercomUser -Query $query).UserId | Sort-Object | Should -Be 'other', 'u3', 'u4'
        @(Get-IntercomUser -Filter "email_domain -like '*.org'").UserId | Should -Be 'other'
    }

    It 'refuses before sending, saying why: <Why>' -ForEach @(
        @{ Why = 'a date with >='; Filter = "last_seen_at -ge '2026-01-01'"; Message = "*'>=' cannot be used on last_seen_at, a date*calendar day in the workspace's time zone*" }
        @{ Why = 'a date with -ne'; Filter = "created_at -ne '2026-01-01'"; Message = "*'!=' cannot be used on created_at, a date*" }
        @{ Why = 'a date with -in'; Filter = "created_at -in '2026-01-01', '2026-01-02'"; Message = "*'IN' cannot be used on created_at, a date*" }
        @{ Why = 'three levels of nesting'; Filter = "seats -eq 1 -or (seats -eq 2 -and (plan -eq 'pro' -or plan -eq 'team'))"; Message = '*nests AND/OR groups at most 2 deep*' }
        @{ Why = 'an unknown field'; Filter = "colour -eq 'red'"; Message = "*has no field 'colour'*" }
        @{ Why = 'a value of the wrong type'; Filter = "seats -eq 'many'"; Message = "*seats is an integer, and 'many' is not one*" }
        @{ Why = 'an operator a search has not'; Filter = "plan -match 'p'"; Message = '*-match is not a comparison a search can make*' }
        @{ Why = 'a tag nobody has'; Filter = "tag -eq 'nope'"; Message = "*No tag is named 'nope'*" }
    ) {
        $before = Get-TestRequestCount 'POST /contacts/search'
        Get-IntercomUser -Filter $Filter -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.*'
        $refused[0].Exception.Message | Should -BeLike $Message
        (Get-TestRequestCount 'POST /contacts/search') - $before | Should -Be 0
    }

    It 'refuses more than 15 filters in one group' {
        $filter = (1..16 | ForEach-Object { "seats -eq $_" }) -join ' -or '
        Get-IntercomUser -Filter $filter -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].Exception.Message | Should -BeLike '*at most 15 filters in one AND or OR group*'
    }

    It 'shows the workspace''s time zone on the session, as GET /me said it' {
        (Get-IntercomSession).TimeZone | Should -Not -BeNullOrEmpty
    }
}

Describe 'Days in the workspace''s time zone' {
    BeforeAll {
        Reset-TestApp
        $null = $IntercomTestAdmin.SetAppAsync($IntercomTestAppId, '2.14', 'Pacific/Auckland').GetAwaiter().GetResult()
        Connect-TestIntercomV2
        # 12:00 UTC on 14 January is 01:00 on 15 January in Auckland (UTC+13 in summer).
        $null = New-IntercomUser -UserId 'kiwi' -Email 'kiwi@example.com' -LastRequestAt ([datetime]::new(2026, 1, 14, 12, 0, 0, [DateTimeKind]::Utc))
    }
    AfterAll {
        $null = $IntercomTestAdmin.SetAppAsync($IntercomTestAppId, '2.14', 'Etc/UTC').GetAwaiter().GetResult()
    }

    It 'reads the zone from GET /me at connect, and matches a day by its calendar day there' {
        (Get-IntercomSession).TimeZone | Should -Be 'Pacific/Auckland'
        @(Get-IntercomUser -Filter "last_seen_at -eq '2026-01-15'").UserId | Should -Be 'kiwi'
        @(Get-IntercomUser -Filter "last_seen_at -eq '2026-01-14'") | Should -HaveCount 0
        @(Get-IntercomUser -Filter "last_seen_at -gt '2026-01-14'").UserId | Should -Be 'kiwi' -Because '> starts the next day, the 15th, there'
        @(Get-IntercomUser -Filter "last_seen_at -gt '2026-01-15'") | Should -HaveCount 0
    }
}
