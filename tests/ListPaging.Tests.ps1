# -First, -Skip and -IncludeTotalCount (SupportsPaging) and the progress bar on the REST API 2.14 listings besides
# users and conversations (Paging.Tests, Conversations.Tests): leads, a segment's users, a company's users, every
# company (the scroll) and a user's events. -First n writes exactly n and asks for no page after them (and a page size
# no larger than they need); -Skip and -First count across every input piped in; each listing's total comes first,
# as its first page says, or unknown where the list says none.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Set-TestCompanies([hashtable] $Settings) {
        $null = $IntercomTestAdmin.SetCompaniesAsync($IntercomTestAppId, $Settings).GetAwaiter().GetResult()
    }

    function Get-Verbose([scriptblock] $Command) {
        # The Verbose lines (one per request) of a command given -Verbose, its output dropped.
        & $Command 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Paging a 2.x listing' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        # 12 leads (created in the same second, which Intercom orders as it will: the unpaged list is the reference);
        # 320 users straight in the emulator.
        $script:leads = 1..12 | ForEach-Object { New-IntercomLead -Email "lp-lead$_@example.com" }
        $script:leadEmails = (Get-IntercomLead).Email
        Add-TestUsers -Count 320 -Prefix 'lp-'
        $script:users = Get-IntercomUser
        $script:segment = $IntercomTestAdmin.AddSegmentAsync($IntercomTestAppId, 'Many', [string[]] ($users | ForEach-Object Id), 'user').GetAwaiter().GetResult()
        $script:small = $IntercomTestAdmin.AddSegmentAsync($IntercomTestAppId, 'Few', [string[]] ($users | Select-Object -First 3 | ForEach-Object Id), 'user').GetAwaiter().GetResult()
        New-IntercomCompany -CompanyId 'lp-co' -Name 'Paged Co' | Out-Null
        New-IntercomCompany -CompanyId 'lp-co2' -Name 'Paged Co Two' | Out-Null
        $users | Select-Object -First 12 | ForEach-Object { [pscustomobject]@{ id = $_.Id; company_id = 'lp-co' } } | Add-IntercomCompanyUser
        $users | Select-Object -Skip 12 -First 2 | ForEach-Object { [pscustomobject]@{ id = $_.Id; company_id = 'lp-co2' } } | Add-IntercomCompanyUser
        $script:eventUser = $users[0]
        1..5 | ForEach-Object { New-IntercomEvent -Id $eventUser.Id -EventName "step-$_" -OccurredAt ([datetime]::new(2024, 5, $_, 0, 0, 0, [DateTimeKind]::Utc)) }
        New-IntercomEvent -Id $users[1].Id -EventName 'other' -OccurredAt '2024-05-01'
    }

    Context 'Get-IntercomLead' {
        It '-First 3 writes the 3 oldest leads, from one request asking for 3' {
            $before = Get-TestRequestCount 'POST /contacts/search'
            (Get-IntercomLead -First 3).Email | Should -Be $leadEmails[0..2]
            (Get-TestRequestCount 'POST /contacts/search') - $before | Should -Be 1
        }

        It '-Skip 10 writes the last 2, and with -First the ones between' {
            (Get-IntercomLead -Skip 10).Email | Should -Be $leadEmails[10..11]
            (Get-IntercomLead -Skip 4 -First 2).Email | Should -Be $leadEmails[4..5]
        }

        It '-IncludeTotalCount writes the total first, exact' {
            $result = @(Get-IntercomLead -IncludeTotalCount -First 2)
            $result | Should -HaveCount 3
            [long] $result[0] | Should -Be 12
            $result[0].ToString() | Should -Be 'Total count: 12'
            $result[1..2] | Should -BeOfType ([IntercomPS.User])
        }

        It '-First and -Skip count the leads named, and -IncludeTotalCount is refused with them' {
            (Get-IntercomLead -Email 'lp-lead1@example.com', 'lp-lead2@example.com', 'lp-lead3@example.com' -Skip 1 -First 1).Email | Should -Be 'lp-lead2@example.com'
            { Get-IntercomLead -Email 'lp-lead1@example.com' -IncludeTotalCount -ErrorAction Stop } | Should -Throw '*-IncludeTotalCount counts the leads of the listing*'
        }

        It 'shows its progress while it lists, completed at the end' {
            $progress = Get-TestProgress 'Get-IntercomLead' @{}
            $progress[0].Activity | Should -Be 'Get-IntercomLead'
            $progress[0].StatusDescription | Should -Be 'Page 1: 12 of 12 leads read'
            $progress[0].PercentComplete | Should -Be 100
            $progress[-1].RecordType | Should -Be 'Completed'
        }

        It 'still lists every lead without them' {
            (Get-IntercomLead).Email | Sort-Object | Should -Be ($leads.Email | Sort-Object)
        }
    }

    Context 'Get-IntercomSegmentUser' {
        It '-First 151 writes 151 in two pages of 150, not the third page' {
            $before = Get-TestRequestCount 'POST /contacts/search'
            $got = Get-IntercomSegmentUser -SegmentId $segment -First 151
            $got | Should -HaveCount 151
            (Get-TestRequestCount 'POST /contacts/search') - $before | Should -Be 2
            $all = Get-IntercomSegmentUser -SegmentId $segment
            $all | Should -HaveCount 320
            $got.Id | Should -Be ($all | Select-Object -First 151 | ForEach-Object Id)
        }

        It '-First 5 asks for one page of 5' {
            $before = Get-TestRequestCount 'POST /contacts/search'
            Get-IntercomSegmentUser -SegmentId $segment -First 5 | Should -HaveCount 5
            (Get-TestRequestCount 'POST /contacts/search') - $before | Should -Be 1
        }

        It '-Skip and -First count across the segments piped in, and no segment is read past -First' {
            $few = (Get-IntercomSegmentUser -SegmentId $small).Id
            $many = (Get-IntercomSegmentUser -SegmentId $segment -First 3).Id
            ($small, $segment | ForEach-Object { [pscustomobject]@{ segment_id = $_ } } | Get-IntercomSegmentUser -Skip 2 -First 2).Id | Should -Be $few[2], $many[0]
            $before = Get-TestRequestCount 'POST /contacts/search'
            ($small, $segment | ForEach-Object { [pscustomobject]@{ segment_id = $_ } } | Get-IntercomSegmentUser -First 2).Id | Should -Be $few[0], $few[1]
            (Get-TestRequestCount 'POST /contacts/search') - $before | Should -Be 1
        }

        It '-IncludeTotalCount writes each segment''s total before its users' {
            $result = @($small, $segment | ForEach-Object { [pscustomobject]@{ segment_id = $_ } } | Get-IntercomSegmentUser -IncludeTotalCount -First 4)
            $result | Should -HaveCount 6
            [long] $result[0] | Should -Be 3
            $result[1..3] | Should -BeOfType ([IntercomPS.User])
            [long] $result[4] | Should -Be 320
            $result[5] | Should -BeOfType ([IntercomPS.User])
        }

        It 'shows its progress page by page' {
            $progress = Get-TestProgress 'Get-IntercomSegmentUser' @{ SegmentId = $segment }
            ($progress | Where-Object RecordType -eq 'Processing').StatusDescription | Should -Be 'Page 1: 150 of 320 users read', 'Page 2: 300 of 320 users read', 'Page 3: 320 of 320 users read'
            $progress[-1].RecordType | Should -Be 'Completed'
        }
    }

    Context 'Get-IntercomCompanyUser' {
        It '-First 5 writes 5, from one request asking for 5' {
            $said = Get-Verbose { Get-IntercomCompanyUser -CompanyId 'lp-co' -First 5 -Verbose }
            ($said | Where-Object { $_ -like 'GET /companies/*/contacts*' }) | Should -HaveCount 1
            ($said | Where-Object { $_ -like 'GET /companies/*/contacts*' }) | Should -BeLike '*contacts?page=1&per_page=5 -> 200*'
            Get-IntercomCompanyUser -CompanyId 'lp-co' -First 5 | Should -HaveCount 5
        }

        It '-Skip and -First select exactly those users, across the companies piped in' {
            $all = (Get-IntercomCompanyUser -CompanyId 'lp-co').Id
            $all | Should -HaveCount 12
            (Get-IntercomCompanyUser -CompanyId 'lp-co' -Skip 10).Id | Should -Be $all[10], $all[11]
            $two = (Get-IntercomCompanyUser -CompanyId 'lp-co2').Id
            ('lp-co', 'lp-co2' | ForEach-Object { [pscustomobject]@{ company_id = $_ } } | Get-IntercomCompanyUser -Skip 11 -First 2).Id | Should -Be $all[11], $two[0]
        }

        It '-IncludeTotalCount writes the company''s total first' {
            $result = @(Get-IntercomCompanyUser -CompanyId 'lp-co' -IncludeTotalCount -First 1)
            $result | Should -HaveCount 2
            [long] $result[0] | Should -Be 12
            $result[1] | Should -BeOfType ([IntercomPS.User])
        }
    }

    Context 'Get-IntercomEvent' {
        It '-First 2 writes the 2 newest events, and reads no other user''s' {
            $before = Get-TestRequestCount 'GET /events'
            ($eventUser, $users[1] | Get-IntercomEvent -First 2).EventName | Should -Be 'step-5', 'step-4'
            (Get-TestRequestCount 'GET /events') - $before | Should -Be 1
        }

        It '-Skip and -First count across the users piped in' {
            ($eventUser, $users[1] | Get-IntercomEvent -Skip 4 -First 2).EventName | Should -Be 'step-1', 'other'
        }

        It '-IncludeTotalCount writes an unknown total: an events list says none' {
            $result = @(Get-IntercomEvent -Id $eventUser.Id -IncludeTotalCount -First 1)
            $result | Should -HaveCount 2
            $result[0].ToString() | Should -Be 'Unknown total count'
            $result[1].EventName | Should -Be 'step-5'
        }

        It 'refuses them with -Summary, and lists as before without them' {
            { Get-IntercomEvent -Id $eventUser.Id -Summary -First 1 -ErrorAction Stop } | Should -Throw '*cannot be used with -Summary*'
            ($eventUser, $users[1] | Get-IntercomEvent).EventName | Should -Be 'step-5', 'step-4', 'step-3', 'step-2', 'step-1', 'other'
        }
    }
}

Describe 'Paging every company, through the scroll' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        # A scroll page holds 3 and expires after 1 s: 11 companies take 4 pages and an empty one.
        Set-TestCompanies @{ scroll_page_size = 3; scroll_expiry_seconds = 1 }
        1..11 | ForEach-Object { [pscustomobject]@{ company_id = "ps-$_"; name = "Paged $_" } } | New-IntercomCompany -ThrottleLimit 1 | Out-Null
    }

    BeforeEach { Start-Sleep -Milliseconds 1100 } # the scroll a listing stopped early stays open until it expires

    It '-First 4 writes 4 companies from 2 scroll pages, not 5' {
        $before = Get-TestRequestCount 'GET /companies/scroll'
        (Get-IntercomCompany -First 4).CompanyId | Should -Be 'ps-1', 'ps-2', 'ps-3', 'ps-4'
        (Get-TestRequestCount 'GET /companies/scroll') - $before | Should -Be 2
    }

    It '-Skip 9 writes the last 2' {
        (Get-IntercomCompany -Skip 9).CompanyId | Should -Be 'ps-10', 'ps-11'
    }

    It '-IncludeTotalCount writes an unknown total: a scroll page says none' {
        $result = @(Get-IntercomCompany -IncludeTotalCount -First 1)
        $result | Should -HaveCount 2
        $result[0].ToString() | Should -Be 'Unknown total count'
        $result[1].CompanyId | Should -Be 'ps-1'
    }

    It '-First and -Skip count the companies found by name' {
        ('ps-1', 'ps-2', 'ps-3' | ForEach-Object { [pscustomobject]@{ company_id = $_ } } | Get-IntercomCompany -Skip 1 -First 1).CompanyId | Should -Be 'ps-2'
    }

    It 'shows its progress without a total, completed at the end' {
        $progress = Get-TestProgress 'Get-IntercomCompany' @{}
        ($progress | Where-Object RecordType -eq 'Processing').StatusDescription | Should -Be 'Page 1: 3 companies read', 'Page 2: 6 companies read', 'Page 3: 9 companies read', 'Page 4: 11 companies read'
        ($progress | Where-Object RecordType -eq 'Processing')[0].PercentComplete | Should -Be -1
        $progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'still lists every company without them' {
        (Get-IntercomCompany).CompanyId | Should -Be (1..11 | ForEach-Object { "ps-$_" })
    }

    It 'warns, before it waits, that a listing stopped by -First left the scroll open, and not once none is' {
        (Get-IntercomCompany -First 1).CompanyId | Should -Be 'ps-1'
        # The scroll -First left is open (for 1 s here, a minute on Intercom): the next listing waits for it, and says so first.
        $all = Get-IntercomCompany -WarningVariable warned -WarningAction SilentlyContinue
        $all.CompanyId | Should -Be (1..11 | ForEach-Object { "ps-$_" })
        $warned | Should -HaveCount 1
        $warned[0].Message | Should -Be ('An earlier company listing in this session stopped before its end (-First), and the company scroll it read stays open until it expires, ' +
            'a minute after its last page: Intercom allows one scroll per workspace and has no way to close one, so this listing waits for it (up to a minute).')
        # That listing read to the end, which closes the scroll: the next one has nothing to wait for, and says nothing.
        $null = Get-IntercomCompany -WarningVariable again -WarningAction SilentlyContinue
        $again | Should -BeNullOrEmpty
    }
}

# The lists the API answers whole in one request: -First and -Skip count what the command writes (the list, or what a
# name or email filter kept of it; ids and tag names given count one each, and one skipped is not requested), and
# -IncludeTotalCount writes the count first, refused where things are named one by one.
Describe 'Paging the lists answered whole' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        'sl-a', 'sl-b', 'sl-c', 'sl-d' | ForEach-Object { New-IntercomTag -Name $_ | Out-Null }
        $script:tagNames = (Get-IntercomTag).Name
        $script:adminIds = 1..3 | ForEach-Object { $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, "Pager $_", "pager$_@example.com", $false).GetAwaiter().GetResult() }
        $script:admins = @(Get-IntercomAdmin)
        1..3 | ForEach-Object { $IntercomTestAdmin.AddTeamAsync($IntercomTestAppId, "Team $_", [string[]] @()).GetAwaiter().GetResult() } | Out-Null
        $script:teams = @(Get-IntercomTeam)
        $ids = [string[]] @((New-IntercomUser -UserId 'sl-u1' -Email 'sl-u1@example.com').Id)
        1..3 | ForEach-Object { $IntercomTestAdmin.AddSegmentAsync($IntercomTestAppId, "Seg $_", $ids, 'user').GetAwaiter().GetResult() } | Out-Null
        $script:segments = @(Get-IntercomSegment)
        $script:attributes = @(Get-IntercomDataAttribute)
        $script:reasons = @(Get-IntercomAwayReason)
    }

    It '<command> -First 2 writes the first 2, -Skip 1 -First 1 the second, from one listing' -TestCases @(
        @{ command = 'Get-IntercomTag'; all = 'tagNames'; property = 'Name'; route = 'GET /tags' }
        @{ command = 'Get-IntercomAdmin'; all = 'admins'; property = 'Id'; route = 'GET /admins' }
        @{ command = 'Get-IntercomTeam'; all = 'teams'; property = 'Id'; route = 'GET /teams' }
        @{ command = 'Get-IntercomSegment'; all = 'segments'; property = 'Id'; route = 'GET /segments' }
        @{ command = 'Get-IntercomDataAttribute'; all = 'attributes'; property = 'Name'; route = 'GET /data_attributes' }
        @{ command = 'Get-IntercomAwayReason'; all = 'reasons'; property = 'Id'; route = 'GET /away_status_reasons' }
    ) {
        $expected = @((Get-Variable $all -ValueOnly) | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.$property } })
        $expected.Count | Should -BeGreaterThan 2
        $before = Get-TestRequestCount $route
        (& $command -First 2).$property | Should -Be $expected[0..1]
        (& $command -Skip 1 -First 1).$property | Should -Be $expected[1]
        (Get-TestRequestCount $route) - $before | Should -Be 2
        $counted = @(& $command -IncludeTotalCount -First 1)
        $counted | Should -HaveCount 2
        [long] $counted[0] | Should -Be $expected.Count
    }

    It 'counts the names and ids given, and looks up none it skips' {
        $before = Get-TestRequestCount 'POST /contacts/search'
        (Get-IntercomTag -Name 'sl-a', 'sl-b', 'sl-c' -Skip 1 -First 1).Name | Should -Be 'sl-b'
        (Get-TestRequestCount 'POST /contacts/search') - $before | Should -Be 1 -Because 'only the tag written is counted'
        $before = Get-TestRequestCount 'GET /admins/{admin_id}'
        (Get-IntercomAdmin -Id $adminIds -Skip 2).Id | Should -Be $adminIds[2]
        (Get-TestRequestCount 'GET /admins/{admin_id}') - $before | Should -Be 1
        (Get-IntercomAdmin -Email 'pager*' -First 1).Email | Should -Be 'pager1@example.com'
        ($segments | Get-IntercomSegment -First 2).Id | Should -Be $segments[0..1].Id
    }

    It 'refuses -IncludeTotalCount with things named one by one (<command>)' -TestCases @(
        @{ command = { Get-IntercomTag -Name 'sl-a' -IncludeTotalCount -ErrorAction Stop }; message = '*-IncludeTotalCount counts the tags of the listing; it cannot be used with -Name.' }
        @{ command = { Get-IntercomTeam -Id 1 -IncludeTotalCount -ErrorAction Stop }; message = '*-IncludeTotalCount counts the teams of the listing*' }
        @{ command = { Get-IntercomSegment -SegmentId 1 -IncludeTotalCount -ErrorAction Stop }; message = '*-IncludeTotalCount counts the segments of the listing*' }
    ) {
        $command | Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage $message
    }
}
