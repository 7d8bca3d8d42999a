BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function ConvertFrom-UnixTime([long] $Seconds) { [System.DateTimeOffset]::FromUnixTimeSeconds($Seconds).UtcDateTime }

    Connect-TestIntercom
}

AfterAll { Disconnect-Intercom }

Describe 'Get-IntercomUser' {
    BeforeAll {
        Reset-TestApp
        New-IntercomUser -UserId '7902' -Email 'ben@intercom.io' -Name 'Ben McRedmond'
        New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann Archer'
        New-IntercomUser -UserId '1003' -Email 'carl@example.com' -Name 'Carl Cooper'
    }

    It 'gets a user by <by> (Example 1)' -TestCases @(
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
    }

    It 'takes the email positionally and several at once, in order' {
        $users = Get-IntercomUser 'carl@example.com', 'ann@example.com'
        $users.Name | Should -Be 'Carl Cooper', 'Ann Archer'
    }

    It 'treats piped strings as emails' {
        ('ann@example.com', 'ben@intercom.io' | Get-IntercomUser).UserId | Should -Be '1001', '7902'
    }

    It 'pairs -Email and -UserId values up' {
        (Get-IntercomUser -Email 'ann@example.com', 'carl@example.com' -UserId '1001', '1003').Name | Should -Be 'Ann Archer', 'Carl Cooper'
    }

    It 'refuses -Email and -UserId lists of different lengths' {
        { Get-IntercomUser -Email 'ann@example.com', 'carl@example.com' -UserId '1001' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument*'
    }

    It 'reports an unknown user as a non-terminating not_found error naming the input' {
        $users = Get-IntercomUser -Email 'ann@example.com', 'nobody@example.com', 'carl@example.com' -ErrorAction SilentlyContinue -ErrorVariable missing
        $users.Email | Should -Be 'ann@example.com', 'carl@example.com'
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -Match '^Intercom\.not_found'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].TargetObject | Should -Be 'nobody@example.com'
    }

    It 'fails with -ErrorAction Stop on an unknown user id' {
        { Get-IntercomUser -UserId 'nobody' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'looks up CSV rows and keeps the missing ones as errors whose target is the row (Example 2)' {
        $rows = @(
            [pscustomobject]@{ email = 'ann@example.com'; user_id = '1001' }
            [pscustomobject]@{ email = 'bob@example.com'; user_id = '1002' }
            [pscustomobject]@{ email = 'carl@example.com'; user_id = '1003' }
        )
        $found = $rows | Get-IntercomUser -ErrorAction SilentlyContinue -ErrorVariable missing
        $found.Name | Should -Be 'Ann Archer', 'Carl Cooper'
        $lines = $missing | ForEach-Object { "Not in Intercom: $($_.TargetObject.email)" }
        $lines | Should -Be 'Not in Intercom: bob@example.com'
        [object]::ReferenceEquals($missing[0].TargetObject, $rows[1]) | Should -BeTrue
    }

    It 'pipes a user object back in by its properties' {
        (Get-IntercomUser -Email 'ben@intercom.io' | Get-IntercomUser).Name | Should -Be 'Ben McRedmond'
    }
}

Describe 'Get-IntercomUser lists' {
    BeforeAll {
        Reset-TestApp
        Add-TestUsers -Count 7 -Prefix 'trial' -Tag 'trial'
        Add-TestUsers -Count 5 -Prefix 'free'
    }

    It 'lists every user, in creation order' {
        $users = Get-IntercomUser
        $users | Should -HaveCount 12
        $users[0].Email | Should -Be 'trial1@example.com'
        $users[11].Email | Should -Be 'free5@example.com'
    }

    It 'streams small pages and asks for each page once (-PageSize)' {
        $before = Get-TestRequestCount 'GET /v1/users'
        $users = Get-IntercomUser -PageSize 5
        (Get-TestRequestCount 'GET /v1/users') - $before | Should -Be 3
        ($users | ForEach-Object { $_.Email } | Where-Object { $_ -like 'free*' }) | Should -HaveCount 5
        $users | Should -HaveCount 12
    }

    It 'filters by tag name, also positionally through the tag_name alias' {
        $trial = Get-IntercomUser -Tag 'trial'
        $trial | Should -HaveCount 7
        ($trial | Where-Object { $_.Email -notlike 'trial*' }) | Should -BeNullOrEmpty
        (Get-IntercomUser -tag_name 'trial') | Should -HaveCount 7
    }

    It 'filters by tag id' {
        $tag = Get-IntercomTag -Name 'trial'
        Get-IntercomUser -TagId $tag.Id | Should -HaveCount 7
    }

    It 'returns nothing, and no error, for an unknown tag' {
        $users = Get-IntercomUser -Tag 'no-such-tag' -ErrorVariable failed
        $users | Should -BeNullOrEmpty
        $failed | Should -BeNullOrEmpty
    }

    It 'gets the first three users with a tag in one request of three (Example 3)' {
        $before = Get-TestRequestCount 'GET /v1/users'
        $users = Get-IntercomUser -Tag 'trial' -First 3
        $users.Email | Should -Be 'trial1@example.com', 'trial2@example.com', 'trial3@example.com'
        (Get-TestRequestCount 'GET /v1/users') - $before | Should -Be 1
    }

    It 'skips and takes across page boundaries (-Skip 4 -First 3 -PageSize 2)' {
        (Get-IntercomUser -Skip 4 -First 3 -PageSize 2).Email | Should -Be 'trial5@example.com', 'trial6@example.com', 'trial7@example.com'
    }

    It 'returns the second user with -Skip 1 -First 1' {
        (Get-IntercomUser -Skip 1 -First 1).Email | Should -Be 'trial2@example.com'
    }

    It 'returns nothing when -Skip passes the end' {
        Get-IntercomUser -Skip 50 | Should -BeNullOrEmpty
    }

    It 'counts the users without fetching them (Example 4)' {
        $result = @(Get-IntercomUser -IncludeTotalCount -First 0)
        $result | Should -HaveCount 1
        [long] $result[0] | Should -Be 12
        $result[0] | Should -Not -BeOfType ([IntercomPS.User])
    }

    It 'refuses a page size above 500' {
        { Get-IntercomUser -PageSize 501 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe 'New-IntercomUser' {
    BeforeAll { Reset-TestApp }

    It 'creates a user with custom data (Example 1)' {
        $user = New-IntercomUser -Email 'ben@intercom.io' -UserId 7902 -Name 'Ben McRedmond' -CustomData @{ plan = 'pro'; seats = 5 }
        $user | Should -BeOfType ([IntercomPS.User])
        $user.UserId | Should -BeExactly '7902'
        $user.Name | Should -Be 'Ben McRedmond'
        $user.CustomData['plan'] | Should -Be 'pro'
        $user.CustomData['seats'] | Should -Be 5
        $user.CreatedAt | Should -BeOfType ([datetime])
        (Get-IntercomUser -Email 'ben@intercom.io').CustomData['plan'] | Should -Be 'pro'
    }

    It 'updates the user with the same user id instead of creating another' {
        $user = New-IntercomUser -UserId 7902 -Name 'Ben M.'
        $user.Email | Should -Be 'ben@intercom.io'
        $user.Name | Should -Be 'Ben M.'
        (Get-IntercomUser | Where-Object { $_.UserId -eq '7902' }) | Should -HaveCount 1
    }

    It 'imports CSV-shaped rows with snake_case columns (Example 2)' {
        $rows = @(
            [pscustomobject]@{ email = 'ann@example.com'; user_id = '1001'; name = 'Ann Archer'; created_at = '1767520800'; last_seen_ip = '1.2.3.4'; unsubscribed_from_emails = 'true' }
            [pscustomobject]@{ email = 'carl@example.com'; user_id = '1003'; name = 'Carl Cooper'; created_at = '1770820200'; last_seen_ip = ''; unsubscribed_from_emails = '' }
        )
        $users = $rows | New-IntercomUser
        $users.Email | Should -Be 'ann@example.com', 'carl@example.com'
        $users[0].CreatedAt | Should -Be (ConvertFrom-UnixTime 1767520800)
        $users[0].CreatedAt.Kind | Should -Be ([System.DateTimeKind]::Utc)
        $users[0].LastSeenIp | Should -Be '1.2.3.4'
        $users[0].UnsubscribedFromEmails | Should -BeTrue
        $users[1].LastSeenIp | Should -BeNullOrEmpty
        $users[1].UnsubscribedFromEmails | Should -BeFalse
    }

    It 'leaves a field out when its CSV cell is blank, so the stored value stays' {
        [pscustomobject]@{ email = 'ann@example.com'; user_id = '1001'; name = ''; last_seen_ip = '' } | New-IntercomUser
        $ann = Get-IntercomUser -Email 'ann@example.com'
        $ann.Name | Should -Be 'Ann Archer'
        $ann.LastSeenIp | Should -Be '1.2.3.4'
    }

    It 'creates nothing with -WhatIf (Example 3)' {
        $rows = @(
            [pscustomobject]@{ email = 'dora@example.com'; user_id = '1004' }
            [pscustomobject]@{ email = 'erin@example.com'; user_id = '1005' }
        )
        $before = Get-TestRequestCount
        $output = $rows | New-IntercomUser -WhatIf
        $output | Should -BeNullOrEmpty
        (Get-TestRequestCount) | Should -Be $before
        { Get-IntercomUser -Email 'dora@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'refuses nested custom data as an invalid argument, and goes on with the next user' {
        $rows = @(
            [pscustomobject]@{ email = 'nested@example.com'; custom_data = @{ plan = @{ name = 'pro' } } }
            [pscustomobject]@{ email = 'flat@example.com'; custom_data = @{ plan = 'pro' } }
        )
        $users = $rows | New-IntercomUser -ErrorAction SilentlyContinue -ErrorVariable failed
        $users.Email | Should -Be 'flat@example.com'
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].TargetObject.email | Should -Be 'nested@example.com'
        { Get-IntercomUser -Email 'nested@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'refuses an input that names no user' {
        { [pscustomobject]@{ name = 'Nobody' } | New-IntercomUser -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.invalid_argument*'
    }

    It 'keeps the input order with many requests in flight (-ThrottleLimit 8)' {
        $emails = 1..20 | ForEach-Object { "bulk$_@example.com" }
        $users = $emails | New-IntercomUser -ThrottleLimit 8
        $users.Email | Should -Be $emails
    }
}

Describe 'Set-IntercomUser' {
    BeforeAll {
        Reset-TestApp
        New-IntercomUser -UserId '7902' -Email 'ben@intercom.io' -Name 'Ben McRedmond' -CustomData @{ plan = 'pro' }
        Add-TestUsers -Count 3 -Prefix 'trial' -Tag 'trial'
    }

    It 'renames a user and returns it with -PassThru (Example 1)' {
        $user = Set-IntercomUser -Email 'ben@intercom.io' -Name 'Ben M.' -PassThru
        $user.Name | Should -Be 'Ben M.'
        $user.UserId | Should -Be '7902'
        (Get-IntercomUser -UserId '7902').Name | Should -Be 'Ben M.'
    }

    It 'writes nothing to the pipeline without -PassThru' {
        Set-IntercomUser -Email 'ben@intercom.io' -LastSeenIp '9.9.9.9' | Should -BeNullOrEmpty
        (Get-IntercomUser -Email 'ben@intercom.io').LastSeenIp | Should -Be '9.9.9.9'
    }

    It 'marks every trial user as each one streams in (Example 2)' {
        $reviewed = [datetime]::new(2026, 11, 23, 12, 0, 0, [System.DateTimeKind]::Utc)
        Get-IntercomUser -Tag 'trial' | Set-IntercomUser -CustomData @{ trial = $true; reviewed = $reviewed } | Should -BeNullOrEmpty
        $users = Get-IntercomUser -Tag 'trial'
        $users | Should -HaveCount 3
        ($users | Where-Object { $_.CustomData['trial'] -eq $true }) | Should -HaveCount 3
        ($users | Where-Object { $null -ne $_.CustomData['reviewed'] }) | Should -HaveCount 3
    }

    It 'round-trips a user through Get | Set without changing it' {
        $before = Get-IntercomUser -Email 'ben@intercom.io'
        $after = $before | Set-IntercomUser -PassThru
        $after.Name | Should -Be $before.Name
        $after.CustomData['plan'] | Should -Be 'pro'
        $after.CreatedAt | Should -Be $before.CreatedAt
    }

    It 'applies CSV rows and keeps the rows that failed (Example 3)' {
        $rows = @(
            [pscustomobject]@{ email = 'trial1@example.com'; name = 'Trial One' }
            [pscustomobject]@{ email = 'gone@example.com'; name = 'Gone Person' }
            [pscustomobject]@{ email = 'trial2@example.com'; name = 'Trial Two' }
        )
        $rows | Set-IntercomUser -ErrorAction SilentlyContinue -ErrorVariable failed
        $failedRows = $failed | ForEach-Object { $_.TargetObject }
        $failedRows | Should -HaveCount 1
        $failedRows[0].email | Should -Be 'gone@example.com'
        $failed[0].FullyQualifiedErrorId | Should -Match '^Intercom\.not_found'
        (Get-IntercomUser -Email 'trial1@example.com').Name | Should -Be 'Trial One'
        (Get-IntercomUser -Email 'trial2@example.com').Name | Should -Be 'Trial Two'
    }

    It 'never creates an unknown user' {
        { Set-IntercomUser -Email 'gone@example.com' -Name 'Gone' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
        Get-IntercomUser -Email 'gone@example.com' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        Set-IntercomUser -Email 'ben@intercom.io' -Name 'What If' -WhatIf
        (Get-IntercomUser -Email 'ben@intercom.io').Name | Should -Be 'Ben M.'
    }

    It 'sets the last visit through -LastRequestAt and its aliases, as UTC' {
        $seen = [datetime]::new(2026, 11, 20, 16, 40, 0, [System.DateTimeKind]::Utc)
        (Set-IntercomUser -Email 'ben@intercom.io' -LastRequestAt $seen -PassThru).LastImpressionAt | Should -Be $seen
        [pscustomobject]@{ email = 'ben@intercom.io'; last_request_at = '1767225600' } | Set-IntercomUser
        (Get-IntercomUser -Email 'ben@intercom.io').LastImpressionAt | Should -Be (ConvertFrom-UnixTime 1767225600)
    }

    It 'unsubscribes a user from emails and back' {
        (Set-IntercomUser -Email 'ben@intercom.io' -UnsubscribedFromEmails $true -PassThru).UnsubscribedFromEmails | Should -BeTrue
        (Set-IntercomUser -Email 'ben@intercom.io' -UnsubscribedFromEmails $false -PassThru).UnsubscribedFromEmails | Should -BeFalse
    }

    It 'accepts companies (which the API does not return) and ignores extra CSV columns' {
        $row = [pscustomobject]@{ email = 'ben@intercom.io'; name = 'Ben McR'; favourite_colour = 'teal' }
        $user = $row | Set-IntercomUser -Companies @{ id = 'c1'; name = 'Intercom'; monthly_spend = 100 } -PassThru
        $user.Name | Should -Be 'Ben McR'
        $user.PSObject.Properties.Name | Should -Not -Contain 'favourite_colour'
    }

    It 'keeps the read-only session count out of a round trip' {
        $before = Get-IntercomUser -Email 'ben@intercom.io'
        $after = [pscustomobject]@{ email = 'ben@intercom.io'; session_count = 99; SessionCount = 99 } | Set-IntercomUser -PassThru
        $after.SessionCount | Should -Be $before.SessionCount
    }

    It 'identifies the user by user id when both are given' {
        $user = Set-IntercomUser -UserId '7902' -Email 'ben.new@intercom.io' -PassThru
        $user.Email | Should -Be 'ben.new@intercom.io'
        (Get-IntercomUser -UserId '7902').Email | Should -Be 'ben.new@intercom.io'
    }
}

Describe 'Remove-IntercomUser' {
    BeforeEach {
        Reset-TestApp
        New-IntercomUser -UserId '7902' -Email 'ben@intercom.io' -Name 'Ben McRedmond'
        Add-TestUsers -Count 3 -Prefix 'churned' -Tag 'churned'
    }

    It 'deletes a user without asking and returns it as it was (Example 1)' {
        $removed = Remove-IntercomUser -Email 'ben@intercom.io' -Force -PassThru
        $removed.Name | Should -Be 'Ben McRedmond'
        $removed.UserId | Should -Be '7902'
        { Get-IntercomUser -Email 'ben@intercom.io' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'deletes the user''s conversations with the user' {
        $null = New-IntercomMessageThread -Email 'ben@intercom.io' -Body 'Hello'
        Remove-IntercomUser -Email 'ben@intercom.io' -Force
        $null = New-IntercomUser -Email 'ben@intercom.io'
        Get-IntercomMessageThread -Email 'ben@intercom.io' | Should -BeNullOrEmpty
    }

    It 'writes nothing to the pipeline without -PassThru' {
        Remove-IntercomUser -UserId '7902' -Confirm:$false | Should -BeNullOrEmpty
        { Get-IntercomUser -UserId '7902' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'deletes nothing with -WhatIf, even with -Force (Example 2)' {
        Get-IntercomUser -Tag 'churned' | Remove-IntercomUser -WhatIf -Force
        Get-IntercomUser -Tag 'churned' | Should -HaveCount 3
        (Get-TestRequestCount 'DELETE /v1/users') | Should -Be 0
    }

    It 'deletes every piped user with -Force (Example 2, second run)' {
        (Get-IntercomUser -Tag 'churned' | Remove-IntercomUser -Force -PassThru).Email |
            Should -Be 'churned1@example.com', 'churned2@example.com', 'churned3@example.com'
        Get-IntercomUser -Tag 'churned' | Should -BeNullOrEmpty
        (Get-IntercomUser).Email | Should -Be 'ben@intercom.io'
    }

    It 'reports an unknown user as not found and goes on with the others' {
        $removed = 'churned1@example.com', 'nobody@example.com', 'churned2@example.com' |
            Remove-IntercomUser -Force -PassThru -ErrorAction SilentlyContinue -ErrorVariable failed
        $removed.Email | Should -Be 'churned1@example.com', 'churned2@example.com'
        $failed | Should -HaveCount 1
        $failed[0].TargetObject | Should -Be 'nobody@example.com'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Errors from the API, as PowerShell errors' {
    BeforeAll {
        Reset-TestApp
        New-IntercomUser -UserId '1001' -Email 'ann@example.com'
        New-IntercomUser -UserId '1003' -Email 'carl@example.com'
    }
    AfterEach { Clear-TestFaults }
    AfterAll { Clear-TestFaults }

    It 'a <status> answer is Intercom.<type> with category <category>, per item' -TestCases @(
        @{ status = 400; type = 'bad_request'; category = 'InvalidArgument' }
        @{ status = 402; type = 'request_failed'; category = 'InvalidOperation' }
        @{ status = 500; type = 'server_error'; category = 'ResourceUnavailable' }
    ) {
        Set-TestFaults @{ failure_rate = 1; failure_status = $status }
        $notes = 'ann@example.com', 'carl@example.com' | Add-IntercomNote 'Failing' -ThrottleLimit 1 -ErrorAction SilentlyContinue -ErrorVariable failed
        $notes | Should -BeNullOrEmpty
        $failed | Should -HaveCount 2
        $failed[0].FullyQualifiedErrorId | Should -Match "^Intercom\.$type,"
        $failed[0].CategoryInfo.Category | Should -Be $category
        ($failed | ForEach-Object { $_.TargetObject }) | Should -Be 'ann@example.com', 'carl@example.com'
    }

    It 'rejected credentials stop the whole pipeline, whatever the ErrorAction' {
        Set-TestFaults @{ failure_rate = 1; failure_status = 401 }
        { 'ann@example.com', 'carl@example.com' | Get-IntercomUser -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'Intercom.unauthorized*'
    }
}
