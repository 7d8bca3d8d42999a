# The user cmdlets on v1 and on REST API 2.14: the same assertions against both sessions where the behaviour is
# shared, then what only 2.14 has (contact ids, archiving, its refusals) and its cursor listing (16 id partitions
# merged in order; one cursor when their counts do not add up, proved against a loopback server).
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    # 2.14 writes only custom attributes the workspace defined (v1 defines them on first use).
    function Add-TestAttribute([string] $Name, [string] $Type = 'string') {
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14' }
        $body = @{ name = $Name; model = 'contact'; data_type = $Type } | ConvertTo-Json
        $null = Invoke-RestMethod -Method Post -Uri "$($IntercomTestV2Uri)data_attributes" -Headers $headers -Body $body -ContentType 'application/json'
    }

    function ConvertTo-LoopbackContact([string] $Id, [long] $CreatedAt) {
        '{"type":"contact","id":"' + $Id + '","role":"user","external_id":"' + $Id + '","email":"' + $Id + '@example.com","created_at":' + $CreatedAt + ',"custom_attributes":{}}'
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Users on <Api>' -ForEach @(@{ Api = 'V1' }, @{ Api = 'V2' }) {
    BeforeAll {
        Reset-TestApp
        Connect-TestApi $Api
        if ($Api -eq 'V2') { Add-TestAttribute plan }
        New-IntercomUser -UserId '7902' -Email 'ben@intercom.io' -Name 'Ben McRedmond' | Out-Null
        New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann Archer' | Out-Null
        New-IntercomUser -UserId '1003' -Email 'carl@example.com' -Name 'Carl Cooper' | Out-Null
    }

    It 'gets a user by <by> (Get-IntercomUser Example 1)' -TestCases @(
        @{ by = 'Email'; value = 'ben@intercom.io' }
        @{ by = 'UserId'; value = '7902' }
    ) {
        $parameters = @{ $by = $value }
        $user = Get-IntercomUser @parameters
        $user | Should -BeOfType ([IntercomPS.User])
        $user.Email | Should -BeExactly 'ben@intercom.io'
        $user.UserId | Should -BeExactly '7902'
        $user.Name | Should -BeExactly 'Ben McRedmond'
        $user.CustomData | Should -BeOfType ([hashtable])
        $user.Id | Should -Match '^[0-9a-f]{24}$'
    }

    It 'takes piped emails and paired -Email/-UserId lists, in order' {
        ('ann@example.com', 'ben@intercom.io' | Get-IntercomUser).UserId | Should -Be '1001', '7902'
        (Get-IntercomUser -Email 'ann@example.com', 'carl@example.com' -UserId '1001', '1003').Name | Should -Be 'Ann Archer', 'Carl Cooper'
    }

    It 'reports an unknown user as a non-terminating not_found error naming the input' {
        $users = Get-IntercomUser -Email 'ann@example.com', 'nobody@example.com', 'carl@example.com' -ErrorAction SilentlyContinue -ErrorVariable missing
        $users.Email | Should -Be 'ann@example.com', 'carl@example.com'
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -Match '^Intercom\.not_found'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].TargetObject | Should -Be 'nobody@example.com'
    }

    It 'creates a user, then updates the same one (New-IntercomUser)' {
        $created = New-IntercomUser -UserId 'n1' -Email 'nina@example.com' -Name 'Nina' -CreatedAt ([datetime]'2024-03-01T09:12:00Z').ToUniversalTime() -CustomData @{ plan = 'pro' }
        $again = New-IntercomUser -UserId 'n1' -Email 'nina@example.com' -Name 'Nina Newer'
        $again.Id | Should -BeExactly $created.Id
        $again.Name | Should -BeExactly 'Nina Newer'
        $again.CustomData['plan'] | Should -BeExactly 'pro'
        $again.CreatedAt | Should -Be ([datetime]::new(2024, 3, 1, 9, 12, 0, [DateTimeKind]::Utc))
    }

    It 'updates existing users only, and an unknown one is its own error (Set-IntercomUser)' {
        $updated = Set-IntercomUser -UserId '1001', 'ghost' -Name 'Ann A.' -CustomData @{ plan = 'team' } -UnsubscribedFromEmails $true -PassThru -ErrorAction SilentlyContinue -ErrorVariable failed
        $updated.UserId | Should -Be '1001'
        $updated.Name | Should -BeExactly 'Ann A.'
        $updated.CustomData['plan'] | Should -BeExactly 'team'
        $updated.UnsubscribedFromEmails | Should -BeTrue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^Intercom\.not_found'
        { Get-IntercomUser -UserId 'ghost' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'round-trips Get | Set, keeping what it was not given' {
        Get-IntercomUser -UserId '1003' | Set-IntercomUser -Name 'Carl C.'
        (Get-IntercomUser -UserId '1003').Name | Should -BeExactly 'Carl C.'
        $before = New-IntercomUser -UserId 'rt' -Email 'rt@example.com' -Name 'Round Trip' -CreatedAt ([datetime]'2024-03-01T09:12:00Z').ToUniversalTime() -CustomData @{ plan = 'pro' }
        $after = Get-IntercomUser -UserId 'rt' | Set-IntercomUser -PassThru
        $after.Name | Should -BeExactly $before.Name
        $after.CustomData['plan'] | Should -BeExactly 'pro'
        $after.CreatedAt | Should -Be $before.CreatedAt
    }

    It 'syncs users from a CSV (the README recipe), each failure kept with its row' {
        $csv = Join-Path $TestDrive "sync-$Api.csv"
        @(
            [pscustomobject]@{ user_id = '7902'; email = 'ben@intercom.io'; name = 'Ben M.'; created_at = '2024-03-01T09:12:00Z'; unsubscribed_from_emails = 'true' }
            [pscustomobject]@{ user_id = 'nobody'; email = 'nobody@example.com'; name = 'Nobody'; created_at = ''; unsubscribed_from_emails = '' }
            [pscustomobject]@{ user_id = '1003'; email = 'carl@example.com'; name = 'Carl Cooper'; created_at = ''; unsubscribed_from_emails = '' }
        ) | Export-Csv $csv
        Import-Csv $csv | Set-IntercomUser -ThrottleLimit 8 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].TargetObject.email | Should -BeExactly 'nobody@example.com'
        $ben = Get-IntercomUser -UserId '7902'
        $ben.Name | Should -BeExactly 'Ben M.'
        $ben.UnsubscribedFromEmails | Should -BeTrue
        $ben.CreatedAt | Should -Be ([datetime]::new(2024, 3, 1, 9, 12, 0, [DateTimeKind]::Utc))
        (Get-IntercomUser -UserId '1003').Name | Should -BeExactly 'Carl Cooper'
    }

    It 'deletes a user, returning it as it was (Remove-IntercomUser -PassThru)' {
        New-IntercomUser -UserId 'gone' -Email 'gone@example.com' -Name 'Gone' | Out-Null
        $removed = Remove-IntercomUser -UserId 'gone' -Force -PassThru
        $removed.Name | Should -BeExactly 'Gone'
        { Get-IntercomUser -UserId 'gone' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    Context 'listing' {
        BeforeAll {
            Reset-TestApp
            if ($Api -eq 'V2') { Add-TestAttribute plan }
            Add-TestUsers -Count 300 -Prefix 'vip' -Tag 'vip'
            Add-TestUsers -Count 934 -Prefix 'u'
            $all = Get-IntercomUser
        }

        It 'lists all 1,234 users exactly once' {
            $all | Should -HaveCount 1234
            ($all.Id | Sort-Object -Unique) | Should -HaveCount 1234
            ($all.UserId | Sort-Object -Unique) | Should -HaveCount 1234
        }

        It 'lists the users of a tag by name' {
            $vip = Get-IntercomUser -Tag vip
            $vip | Should -HaveCount 300
            ($vip.UserId | Where-Object { $_ -notlike 'vip*' }) | Should -BeNullOrEmpty
        }

        It 'honours -First, -Skip and -IncludeTotalCount as one list' {
            # (On 2.14 these users share one created_at, whose ties come in no set order from one page, so -First
            # alone is checked below with users of distinct dates; a -Skip this deep merges the same partitions.)
            $first = Get-IntercomUser -First 10
            $first | Should -HaveCount 10
            if ($Api -eq 'V1') { $first.Id | Should -Be $all[0..9].Id }
            (Get-IntercomUser -Skip 1200 -First 20).Id | Should -Be $all[1200..1219].Id
            (Get-IntercomUser -Skip 1230).Id | Should -Be $all[1230..1233].Id
            $counted = @(Get-IntercomUser -First 1 -IncludeTotalCount)
            $counted | Should -HaveCount 2
            [long] $counted[0] | Should -Be 1234
        }
    }
}

Describe 'Users by contact id (-Id)' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        $ann = New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann Archer'
        $ben = New-IntercomUser -UserId '7902' -Email 'ben@intercom.io' -Name 'Ben McRedmond'
    }

    It 'gets, updates and deletes by -Id with no search' {
        Reset-TestApp
        $ann = New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann Archer'
        $before = Get-TestRequestCount 'POST /contacts/search'
        (Get-IntercomUser -Id $ann.Id).Email | Should -BeExactly 'ann@example.com'
        Set-IntercomUser -Id $ann.Id -Name 'Ann by id' -PassThru | ForEach-Object Name | Should -BeExactly 'Ann by id'
        Get-TestRequestCount 'POST /contacts/search' | Should -Be $before
        (Remove-IntercomUser -Id $ann.Id -Force -PassThru).Name | Should -BeExactly 'Ann by id'
        Get-TestRequestCount 'POST /contacts/search' | Should -Be $before
    }

    It 'binds the Id of piped users and of CSV id columns: Get | Set costs no second lookup' {
        Reset-TestApp
        New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann' | Out-Null
        New-IntercomUser -UserId '7902' -Email 'ben@intercom.io' -Name 'Ben' | Out-Null
        $users = Get-IntercomUser
        $searches = Get-TestRequestCount 'POST /contacts/search'
        $users | Set-IntercomUser -Name 'Renamed'
        $csv = Join-Path $TestDrive 'ids.csv'
        $users | Select-Object Id | Export-Csv $csv
        (Import-Csv $csv | Get-IntercomUser).Name | Should -Be 'Renamed', 'Renamed'
        Get-TestRequestCount 'POST /contacts/search' | Should -Be $searches
    }

    It 'changes the email of a user named by -Id (the id, not the email, finds them)' {
        $user = New-IntercomUser -UserId 'mover' -Email 'old@example.com'
        (Set-IntercomUser -Id $user.Id -Email 'new@example.com' -PassThru).Email | Should -BeExactly 'new@example.com'
        (Get-IntercomUser -UserId 'mover').Email | Should -BeExactly 'new@example.com'
    }

    It 'pairs -Id with -Email lists of the same length, and refuses different lengths' {
        { Get-IntercomUser -Id 'a', 'b' -Email 'x@example.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument*' -ExpectedMessage '-Email has 1 value and -Id 2; give one of them, or the same number of each to pair them up.'
    }

    It 'reports an unknown contact id as not_found' {
        { Get-IntercomUser -Id 'ffffffffffffffffffffffff' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'on v1, refuses an -Id alone with what to use instead, and ignores it beside an email' {
        Connect-TestIntercom
        try {
            New-IntercomUser -UserId 'v1user' -Email 'v1@example.com' | Out-Null
            { Get-IntercomUser -Id '0123456789abcdef01234567' -ErrorAction Stop } |
                Should -Throw -ErrorId 'Intercom.invalid_argument*' -ExpectedMessage "*contact id '0123456789abcdef01234567' alone identifies a user only on REST API 2.x*"
            (Get-IntercomUser -Id 'not-used' -Email 'v1@example.com').UserId | Should -BeExactly 'v1user'
        }
        finally { Connect-TestIntercomV2 }
    }
}

Describe 'What REST API 2.14 refuses or adds' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
    }

    It 'refuses v1-only fields by name, writing nothing: <parameter>' -TestCases @(
        @{ parameter = 'LastSeenIp'; value = '1.2.3.4'; field = 'last_seen_ip' }
        @{ parameter = 'LastSeenUserAgent'; value = 'curl'; field = 'last_seen_user_agent' }
        @{ parameter = 'Companies'; value = @(@{ id = 'c1'; name = 'Acme' }); field = 'companies' }
    ) {
        New-IntercomUser -UserId 'plain' -Email 'plain@example.com' -Name 'Plain' | Out-Null
        $puts = Get-TestRequestCount 'PUT /contacts/{contact_id}'
        $parameters = @{ $parameter = $value }
        { Set-IntercomUser -UserId 'plain' -Name 'Changed' @parameters -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported*' -ExpectedMessage "REST API 2.x has no contact field for $field (-$parameter)*"
        Get-TestRequestCount 'PUT /contacts/{contact_id}' | Should -Be $puts
        (Get-IntercomUser -UserId 'plain').Name | Should -BeExactly 'Plain'
    }

    It 'writes -Phone on create and update, and reads it back' {
        (New-IntercomUser -UserId 'caller' -Email 'caller@example.com' -Phone '+1 555 0100').Phone | Should -BeExactly '+1 555 0100'
        (Set-IntercomUser -UserId 'caller' -Phone '+44 20 7946 0000' -PassThru).Phone | Should -BeExactly '+44 20 7946 0000'
        (Get-IntercomUser -Email 'caller@example.com').Phone | Should -BeExactly '+44 20 7946 0000'
    }

    It 'takes the phone from a CSV column, where a blank cell keeps the phone' {
        New-IntercomUser -UserId 'csvphone' -Phone '+1 555 0101' | Out-Null
        "user_id,phone,name`ncsvphone,,Renamed" | ConvertFrom-Csv | Set-IntercomUser
        (Get-IntercomUser -UserId 'csvphone').Phone | Should -BeExactly '+1 555 0101'
        "user_id,phone`ncsvphone,+1 555 0102" | ConvertFrom-Csv | Set-IntercomUser
        (Get-IntercomUser -UserId 'csvphone').Phone | Should -BeExactly '+1 555 0102'
    }

    It 'on v1, refuses a phone per user as not_supported, writing nothing for that user while the others go' {
        Connect-TestIntercom
        try {
            $before = Get-TestRequestCount 'POST /v1/users'
            $created = "user_id,phone`nv1a,`nv1b,+1 555 0100`nv1c," | ConvertFrom-Csv | New-IntercomUser -ErrorAction SilentlyContinue -ErrorVariable refused
            $created.UserId | Should -Be 'v1a', 'v1c'
            $refused | Should -HaveCount 1
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
            $refused[0].Exception.Message | Should -BeExactly 'v1 users have no phone, so nothing was written: leave -Phone out (for a CSV, drop the column), or connect to REST API 2.x with Connect-Intercom -AccessToken, where users have one.'
            $refused[0].TargetObject.user_id | Should -Be 'v1b'
            (Get-TestRequestCount 'POST /v1/users') - $before | Should -Be 2
            { Set-IntercomUser -UserId 'v1a' -Phone '+1 555 0100' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
            # A v1 user has no phone to pipe on, so a round trip is not refused.
            Get-IntercomUser -UserId 'v1a' | Set-IntercomUser -Name 'Piped' -ErrorAction Stop
            (Get-IntercomUser -UserId 'v1a').Name | Should -BeExactly 'Piped'
        }
        finally { Connect-TestIntercomV2 }
    }

    It 'refuses a custom attribute the workspace has not defined, saying how to define it' {
        New-IntercomUser -UserId 'attrs' -Email 'attrs@example.com' | Out-Null
        { Set-IntercomUser -UserId 'attrs' -CustomData @{ undefined_thing = 1 } -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.parameter_not_found*' -ExpectedMessage "*'undefined_thing' does not exist*New-IntercomDataAttribute (model contact; POST /data_attributes)*"
        Add-TestAttribute undefined_thing integer
        (Set-IntercomUser -UserId 'attrs' -CustomData @{ undefined_thing = 1 } -PassThru).CustomData['undefined_thing'] | Should -Be 1
    }

    It 'says which user is meant is unclear when several have the email (ambiguous_user)' {
        Connect-TestIntercom
        try {
            New-IntercomUser -UserId 'twin1' -Email 'twins@example.com' | Out-Null
            New-IntercomUser -UserId 'twin2' -Email 'twins@example.com' | Out-Null
        }
        finally { Connect-TestIntercomV2 }
        { Get-IntercomUser -Email 'twins@example.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.ambiguous_user*' -ExpectedMessage '2 users (contacts with role user) have email ''twins@example.com''*name it by -Id*'
        (Get-IntercomUser -UserId 'twin2').UserId | Should -BeExactly 'twin2'
    }

    It 'gives a user known by email the user id New-IntercomUser names (the 409 of the create becomes an update)' {
        Connect-TestIntercom
        try { $known = New-IntercomUser -Email 'known@example.com' -Name 'Known' }
        finally { Connect-TestIntercomV2 }
        $user = New-IntercomUser -UserId 'known-1' -Email 'known@example.com'
        $user.Id | Should -BeExactly $known.Id
        $user.UserId | Should -BeExactly 'known-1'
        $user.Name | Should -BeExactly 'Known'
    }

    It 'creates a user whose -Id is not in this workspace (an export of another) by its user id, and updates it next time' {
        $row = [pscustomobject]@{ Id = 'ffffffffffffffffffffffff'; UserId = 'imported'; Email = 'imported@example.com'; Name = 'Imported' }
        $created = $row | New-IntercomUser
        $created.UserId | Should -BeExactly 'imported'
        $created.Id | Should -Not -Be 'ffffffffffffffffffffffff'
        ($row | New-IntercomUser).Id | Should -BeExactly $created.Id
        { Set-IntercomUser -Id 'ffffffffffffffffffffffff' -Name 'Nobody' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'shows what only 2.x has: Role, UpdatedAt; null on v1' {
        $user = New-IntercomUser -UserId 'roles' -Email 'roles@example.com'
        $user.Role | Should -BeExactly 'user'
        $user.UpdatedAt | Should -BeOfType ([datetime])
        $user.Archived | Should -BeNullOrEmpty
        Connect-TestIntercom
        try {
            $v1 = Get-IntercomUser -UserId 'roles'
            $v1.Role | Should -BeNullOrEmpty
            $v1.Id | Should -BeExactly $user.Id
        }
        finally { Connect-TestIntercomV2 }
    }

    It 'archives instead of deleting, and Restore-IntercomUser brings the user back by id' {
        New-IntercomUser -UserId 'arch' -Email 'arch@example.com' -Name 'Archie' | Out-Null
        $archived = Remove-IntercomUser -UserId 'arch' -Archive -Force -PassThru
        $archived.Archived | Should -BeTrue
        { Get-IntercomUser -Email 'arch@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
        { Restore-IntercomUser -Email 'arch@example.com' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_found*' -ExpectedMessage '*Archived users are left out of searches, so unarchive one by its contact id*'
        (Get-IntercomUser -UserId 'arch').Id | Should -BeExactly $archived.Id -Because 'find_by_external_id is no search'
        $restored = $archived | Restore-IntercomUser -PassThru
        $restored.Archived | Should -BeFalse
        $restored.Name | Should -BeExactly 'Archie'
        (Get-IntercomUser -UserId 'arch').Id | Should -BeExactly $archived.Id
    }

    It 'describes an archive under -WhatIf and archives nothing' {
        New-IntercomUser -UserId 'whatif' -Email 'whatif@example.com' | Out-Null
        $run = Invoke-TestPwsh -Api V2 -Script "Remove-IntercomUser -UserId whatif -Archive -WhatIf"
        $run.Text | Should -Match 'What if: Performing the operation "Archive Intercom user" on target "whatif"'
        (Get-IntercomUser -UserId 'whatif').UserId | Should -BeExactly 'whatif'
    }

    It 'on v1, refuses archiving and unarchiving as not_supported, deleting nothing' {
        Connect-TestIntercom
        try {
            New-IntercomUser -UserId 'v1arch' -Email 'v1arch@example.com' | Out-Null
            { Remove-IntercomUser -UserId 'v1arch' -Archive -Force -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported*' -ExpectedMessage 'Archiving a user needs REST API 2.x*'
            { Restore-IntercomUser -UserId 'v1arch' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported*' -ExpectedMessage 'Unarchiving a user needs REST API 2.x*'
            (Get-IntercomUser -UserId 'v1arch').UserId | Should -BeExactly 'v1arch'
        }
        finally { Connect-TestIntercomV2 }
    }
}

Describe 'New-IntercomUser on REST API 2.14 when the answer to its create is lost' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
    }
    AfterAll { Clear-TestFaults }

    It 'retries the create, takes its 409 as "it exists" and updates that contact: one user, updated, no error' {
        # Only creates lose answers; seed 56 loses the first create's and not its retry's (the POST count proves it).
        Set-TestFaults @{ route = 'POST /contacts'; drop_rate = 0.5; fault_seed = 56 }
        $user = New-IntercomUser -UserId 'lost' -Email 'lost@example.com' -Name 'Lost Answer' -ErrorAction Stop -Verbose 4>&1 |
            Tee-Object -Variable output | Where-Object { $_ -is [IntercomPS.User] }
        Clear-TestFaults
        Get-TestRequestCount 'POST /contacts' | Should -Be 2
        Get-TestRequestCount 'PUT /contacts/{contact_id}' | Should -Be 1
        @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'POST /contacts:*retry 1 of*' }) | Should -HaveCount 1
        $user.Name | Should -BeExactly 'Lost Answer'
        $found = @(Get-IntercomUser -Email 'lost@example.com')
        $found | Should -HaveCount 1
        $found[0].Id | Should -BeExactly $user.Id
        $found[0].UserId | Should -BeExactly 'lost'
    }
}

Describe 'Users on REST API 2.14 while new contacts are not searchable yet (the emulator''s search delay)' {
    # Intercom's contact search lags behind its writes ("a few minutes"); the emulator's search_delay_seconds keeps a
    # new contact out of POST /contacts/search for that long, while GET /contacts/{id} and find_by_external_id see it.
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        Set-TestFaults @{ search_delay_seconds = 120 }
    }
    AfterAll { Clear-TestFaults }

    It 'New-IntercomUser by email twice in a row updates the one user: the create''s 409 names it' {
        $first = New-IntercomUser -Email 'late@example.com' -Name 'First' -ErrorAction Stop
        $second = New-IntercomUser -Email 'late@example.com' -Name 'Second' -ErrorAction Stop
        $second.Id | Should -BeExactly $first.Id
        $second.Name | Should -BeExactly 'Second'
        Get-TestRequestCount 'POST /contacts' | Should -Be 2
        Get-TestRequestCount 'PUT /contacts/{contact_id}' | Should -Be 1
        (Get-IntercomUser -Id $first.Id).Name | Should -BeExactly 'Second'
    }

    It 'finds a user created a moment ago by -UserId at once (find_by_external_id, no search), so a script can tag it' {
        Reset-TestApp
        $null = New-IntercomUser -UserId 'late-2' -Email 'late2@example.com' -ErrorAction Stop
        (Get-IntercomUser -UserId 'late-2' -ErrorAction Stop).Email | Should -BeExactly 'late2@example.com'
        Set-IntercomTag -Name 'fresh' -UserId 'late-2' -ErrorAction Stop
        Get-TestRequestCount 'POST /contacts/search' | Should -Be 0
        (Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, '/contacts/find_by_external_id/late-2')) -Headers @{
            Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY" }).tags.data.Count | Should -Be 1
    }

    It 'says, when a lookup by email finds nobody, that a new contact may not be searchable yet' {
        Reset-TestApp
        $null = New-IntercomUser -Email 'late3@example.com' -ErrorAction Stop
        $err = $null
        $null = Get-IntercomUser -Email 'late3@example.com' -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found*'
        $err[0].Exception.Message | Should -BeLike '*created in the last few minutes may not be searchable yet*'
    }
}

Describe 'Listing on REST API 2.14' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        # 1,000 users created in the same second, 234 more with distinct, shuffled sign-up dates: the listing is by
        # created_at, oldest first, whatever order they were created in.
        Add-TestUsers -Count 1000 -Prefix 'same'
        $dates = 1..234 | ForEach-Object { [datetime]::new(2020, 1, 1, 0, 0, 0, [DateTimeKind]::Utc).AddHours($_ * 7) } | Get-Random -Shuffle -SetSeed 16
        $dates | ForEach-Object { [pscustomobject]@{ UserId = 'dated' + $_.Ticks; Email = "dated$($_.Ticks)@example.com"; CreatedAt = $_ } } |
            New-IntercomUser -ThrottleLimit 8 | Out-Null
    }

    It 'lists all 1,234 users exactly once, oldest first, in 16 partitions' {
        $before = Get-TestRequestCount 'POST /contacts/search'
        $all = Get-IntercomUser
        $all | Should -HaveCount 1234
        ($all.Id | Sort-Object -Unique) | Should -HaveCount 1234
        $times = $all.CreatedAt
        for ($i = 1; $i -lt $times.Count; $i++) { if ($times[$i] -lt $times[$i - 1]) { throw "user $i ($($all[$i].UserId)) is older than the one before it" } }
        ($all[0..233].UserId | Where-Object { $_ -notlike 'dated*' }) | Should -BeNullOrEmpty
        # The first page, then one page of each of the 16 partitions (about 77 users each, under 150).
        (Get-TestRequestCount 'POST /contacts/search') - $before | Should -Be 17
    }

    It 'stops early for -First: one request when the first page holds it, the oldest users' {
        $before = Get-TestRequestCount 'POST /contacts/search'
        $oldest = Get-IntercomUser -First 10
        (Get-TestRequestCount 'POST /contacts/search') - $before | Should -Be 1
        $oldest.Id | Should -Be (Get-IntercomUser)[0..9].Id
        $oldest.CreatedAt | Should -Be ($dates | Sort-Object | Select-Object -First 10)
    }

    It 'walks the one cursor when the rest fits in two more pages' {
        $before = Get-TestRequestCount 'POST /contacts/search'
        $some = Get-IntercomUser -First 250 -PageSize 100
        $some | Should -HaveCount 250
        (Get-TestRequestCount 'POST /contacts/search') - $before | Should -Be 3
    }

    It 'refuses a -PageSize above what 2.x serves' {
        { Get-IntercomUser -PageSize 151 -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.invalid_argument*' -ExpectedMessage '*returns at most 150 users a page; give -PageSize 1 to 150.*'
    }

    It 'refuses a -TagId that is not a 2.x tag id, and an unknown -Tag' {
        { Get-IntercomUser -TagId '52322b4150233908a800013c' -ErrorAction Stop } | Should -Throw -ExpectedMessage "On REST API 2.x a tag id is a number*"
        { Get-IntercomUser -Tag 'no such tag' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*' -ExpectedMessage "No tag is named 'no such tag'.*"
        # The error names the tag asked for, not the endpoint that listed the tags.
        Get-IntercomUser -Tag 'no such tag' -ErrorAction SilentlyContinue -ErrorVariable unknown
        $unknown[0].TargetObject | Should -BeExactly 'no such tag'
        $unknown[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Listing when the partitions do not add up (a loopback server)' {
    BeforeAll {
        $server = [IntercomPS.Testing.LoopbackServer]::new()
        $root = [uri]::new($server.ApiUri, '/')
        $null = $server.Answer('GET /me', 200, '{"type":"admin","id":"1","name":"Ada","email":"ada@example.com","app":{"id_code":"loop","name":"Loop"}}')
        $contacts = 1..4 | ForEach-Object { ConvertTo-LoopbackContact ('{0:x24}' -f $_) (1700000000 + $_) }
        $page = {
            param($n, $next)
            $cursor = if ($next) { ',"next":{"per_page":1,"starting_after":"c' + $next + '"}' } else { '' }
            '{"type":"list","total_count":4,"data":[' + $contacts[$n - 1] + '],"pages":{"type":"pages"' + $cursor + '}}'
        }
        $null = $server.Answer('POST /contacts/search', 200, (& $page 1 2))
        $null = $server.Answer('POST /contacts/search', 200, (& $page 2 3), '', 'Whole', '"starting_after":"c2"')
        $null = $server.Answer('POST /contacts/search', 200, (& $page 3 4), '', 'Whole', '"starting_after":"c3"')
        $null = $server.Answer('POST /contacts/search', 200, (& $page 4 $null), '', 'Whole', '"starting_after":"c4"')
        # Each partition claims 2 users: 32, not the whole's 4 (as ids that are not hex would make them disagree).
        $null = $server.Answer('POST /contacts/search', 200, '{"type":"list","total_count":2,"data":[],"pages":{"type":"pages"}}', '', 'Whole', '"operator":"$"')
        $token = ConvertTo-SecureString 'loop-token' -AsPlainText -Force
        $session = Connect-Intercom -AccessToken $token -BaseUri $root -PassThru
    }

    AfterAll { $server.Dispose() }

    It 'falls back to the one cursor, says why in Verbose, and loses no user' {
        $output = Get-IntercomUser -Session $session -PageSize 1 -Verbose 4>&1
        $users = $output | Where-Object { $_ -is [IntercomPS.User] }
        $verbose = $output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $users.UserId | Should -Be ('{0:x24}' -f 1), ('{0:x24}' -f 2), ('{0:x24}' -f 3), ('{0:x24}' -f 4)
        ($verbose.Message -match 'found 32 users, not the 4 of the whole search') | Should -Not -BeNullOrEmpty
    }

    It 'falls back to the one cursor, saying so in Verbose, when the workspace refuses the partitions'' $ on id with a 400' {
        $null = $server.Answer('POST /contacts/search', 400, '{"type":"error.list","errors":[{"code":"parameter_invalid","message":"Operator $ is not allowed for field id"}]}', '', 'Whole', '"operator":"$"', 16)
        $output = Get-IntercomUser -Session $session -PageSize 1 -Verbose 4>&1
        $users = $output | Where-Object { $_ -is [IntercomPS.User] }
        $verbose = $output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $users.UserId | Should -Be ('{0:x24}' -f 1), ('{0:x24}' -f 2), ('{0:x24}' -f 3), ('{0:x24}' -f 4)
        ($verbose.Message -match 'were refused \(Operator \$ is not allowed for field id\), so the listing walks one cursor') | Should -Not -BeNullOrEmpty
    }

    It 'ends the listing with an error at a failed page, never a silent gap' {
        $null = $server.Answer('POST /contacts/search', 500, '{"type":"error.list","request_id":"r1","errors":[{"code":"server_error","message":"boom"}]}', '', 'Whole', '"starting_after":"c3"')
        $users = Get-IntercomUser -Session $session -PageSize 1 -ErrorAction SilentlyContinue -ErrorVariable failed
        $users.UserId | Should -Be ('{0:x24}' -f 1), ('{0:x24}' -f 2)
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^Intercom\.server_error'
    }
}

# README's "Errors on each API" table against what each face really sends: a script catching by category works on both.
Describe 'Errors by category on <Api>' -ForEach @(@{ Api = 'V1' }, @{ Api = 'V2' }) {
    BeforeAll {
        Connect-TestApi $Api -With @{ MaxRetry = 0 }
        Reset-TestApp
        $table = (Get-Content (Join-Path $PSScriptRoot '../README.md')) -match '^\| (400|404|429) \|'
        function Get-Failure {
            Get-IntercomUser -Email 'nobody@example.com' -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed | Should -HaveCount 1
            $failed[0]
        }
    }
    AfterEach { Clear-TestFaults }
    AfterAll { Disconnect-Intercom }

    It 'a <status> is <category>, with the ErrorId the README''s table gives for <Api>' -TestCases @(
        @{ status = 400; category = 'InvalidArgument' }
        @{ status = 404; category = 'ObjectNotFound' }
        @{ status = 429; category = 'LimitsExceeded' }
    ) {
        if ($status -ne 404) { Set-TestFaults @{ failure_rate = 1; failure_status = $status } }
        $failure = Get-Failure
        $failure.CategoryInfo.Category | Should -Be $category
        $errorId = ($failure.FullyQualifiedErrorId -split ',')[0]
        $row = @($table | Where-Object { $_ -like "| $status |*" })
        $row | Should -HaveCount 1
        $cell = ($row[0] -split '\|')[$(if ($Api -eq 'V1') { 2 } else { 3 })]
        $cell | Should -Match ([regex]::Escape("``$errorId``")) -Because "README's $status row for $Api"
    }
}
