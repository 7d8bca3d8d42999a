BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function ConvertFrom-UnixTime([long] $Seconds) { [System.DateTimeOffset]::FromUnixTimeSeconds($Seconds).UtcDateTime }

    Connect-TestIntercom
}

AfterAll { Disconnect-Intercom }

# The user cmdlets on v1. Getting by email or user id, piping emails, pairing lists, not_found, creating then
# updating, Get | Set, CSV syncs that keep their failed rows and deleting with -PassThru are proved on both APIs, v1
# included, in UsersOnBothApis.Tests.ps1, and not repeated here.
Describe 'Get-IntercomUser' {
    BeforeAll {
        Reset-TestApp
        New-IntercomUser -UserId '7902' -Email 'ben@intercom.io' -Name 'Ben McRedmond'
        New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann Archer'
        New-IntercomUser -UserId '1003' -Email 'carl@example.com' -Name 'Carl Cooper'
    }

    It 'takes the email positionally and several at once, in order' {
        $users = Get-IntercomUser 'carl@example.com', 'ann@example.com'
        $users.Name | Should -Be 'Carl Cooper', 'Ann Archer'
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

    It 'sends every writable field and returns them typed' {
        $user = New-IntercomUser -Email 'all@example.com' -UserId 'all-1' -Name 'All Fields' `
            -CreatedAt ([datetime]::SpecifyKind('2009-11-07 00:18:00', 'Utc')) -LastRequestAt 1300000000 `
            -CustomData @{ plan = 'pro'; seats = 3; active = $true; score = 2.5; note = $null } `
            -LastSeenIp '1.2.3.4' -LastSeenUserAgent 'ie6' -UnsubscribedFromEmails $true `
            -Companies @{ id = 6; name = 'Intercom'; plan = 'Messaging'; monthly_spend = 50 }
        $user.CreatedAt | Should -Be ([datetime]::new(2009, 11, 7, 0, 18, 0, [System.DateTimeKind]::Utc))
        $user.CreatedAt.Kind | Should -Be 'Utc'
        $user.LastImpressionAt | Should -Be (ConvertFrom-UnixTime 1300000000)
        $user.CustomData['plan'] | Should -BeExactly 'pro'
        $user.CustomData['SEATS'] | Should -Be 3 -Because 'custom data keys are looked up as PowerShell hashtables are, ignoring case'
        $user.CustomData['seats'] | Should -BeOfType ([long])
        $user.CustomData['active'] | Should -BeTrue
        $user.CustomData['score'] | Should -Be 2.5
        $user.LastSeenIp, $user.LastSeenUserAgent | Should -Be '1.2.3.4', 'ie6'
        $user.UnsubscribedFromEmails | Should -BeTrue
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

    It 'creates nothing with -WhatIf, and says what it would do (Example 3)' {
        $before = Get-TestRequestCount 'POST /v1/users'
        $run = Invoke-TestPwsh "
            [pscustomobject]@{ email = 'dora@example.com'; user_id = '1004' }, [pscustomobject]@{ email = 'erin@example.com'; user_id = '1005' } |
                New-IntercomUser -WhatIf"
        $run.Lines | Should -Be @(
            'What if: Performing the operation "Create or update Intercom user" on target "dora@example.com (1004)".'
            'What if: Performing the operation "Create or update Intercom user" on target "erin@example.com (1005)".'
        )
        Get-TestRequestCount 'POST /v1/users' | Should -Be $before
        { Get-IntercomUser -Email 'dora@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'previews with -WhatIf only the rows the run would attempt: a row naming no user is refused, in order, as in the run' {
        $rows = "[pscustomobject]@{ email = 'fay@example.com'; name = 'Fay' }, [pscustomobject]@{ email = ''; name = 'Nobody' }, [pscustomobject]@{ user_id = '1007'; name = 'Gil' }"
        $preview = Invoke-TestPwsh "$rows | New-IntercomUser -WhatIf -ErrorAction Continue 2>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.ErrorRecord]) { 'ERROR ' + `$_.FullyQualifiedErrorId + ' ' + `$_.TargetObject.name } else { `$_ } }"
        $preview.Lines | Should -Be @(
            'What if: Performing the operation "Create or update Intercom user" on target "fay@example.com".'
            'ERROR Intercom.invalid_argument,IntercomPS.Cmdlets.NewIntercomUserCommand Nobody'
            'What if: Performing the operation "Create or update Intercom user" on target "1007".'
        )
        $run = Invoke-TestPwsh "$rows | New-IntercomUser -ErrorAction Continue 2>&1 | ForEach-Object { if (`$_ -is [System.Management.Automation.ErrorRecord]) { 'ERROR ' + `$_.FullyQualifiedErrorId + ' ' + `$_.TargetObject.name } else { `$_.Name } }"
        $run.Lines | Should -Be @('Fay', 'ERROR Intercom.invalid_argument,IntercomPS.Cmdlets.NewIntercomUserCommand Nobody', 'Gil')
    }

    It 'refuses nested custom data as an invalid argument before sending it, and goes on with the next user' {
        $before = Get-TestRequestCount 'POST /v1/users'
        $rows = @(
            [pscustomobject]@{ email = 'nested@example.com'; custom_data = @{ plan = @{ name = 'pro' } } }
            [pscustomobject]@{ email = 'flat@example.com'; custom_data = @{ plan = 'pro' } }
        )
        $users = $rows | New-IntercomUser -ErrorAction SilentlyContinue -ErrorVariable failed
        $users.Email | Should -Be 'flat@example.com'
        $failed | Should -HaveCount 1
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failed[0].TargetObject.email | Should -Be 'nested@example.com'
        $failed[0].Exception.Message | Should -BeExactly 'CustomData.plan is a Hashtable; Intercom custom data is flat, so each value must be a string, number, boolean, date or $null.'
        (Get-TestRequestCount 'POST /v1/users') - $before | Should -Be 1 -Because 'only the flat row is sent'
        { Get-IntercomUser -Email 'nested@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'refuses an input that names no user' {
        { [pscustomobject]@{ name = 'Nobody' } | New-IntercomUser -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument*' -ExpectedMessage 'A user needs an Email or a UserId; neither was given.'
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

    It 'never creates an unknown user, and says which request failed' {
        { Set-IntercomUser -Email 'gone@example.com' -Name 'Gone' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_found,IntercomPS.Cmdlets.SetIntercomUserCommand' -ExpectedMessage '*(404 not_found from PUT /v1/users)*'
        Get-IntercomUser -Email 'gone@example.com' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf, and says what it would do' {
        $before = Get-TestRequestCount 'PUT /v1/users'
        (Invoke-TestPwsh "Set-IntercomUser -Email 'ben@intercom.io' -Name 'What If' -WhatIf").Lines |
            Should -Be 'What if: Performing the operation "Update Intercom user" on target "ben@intercom.io".'
        Get-TestRequestCount 'PUT /v1/users' | Should -Be $before
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

    It 'binds CSV cells by their snake_case column names; blank cells change nothing' {
        New-IntercomUser -UserId 'csv-1' -Email 'old-csv1@example.com' -Name 'Kept Name' | Out-Null
        New-IntercomUser -UserId 'csv-2' | Out-Null
        @(
            [pscustomobject]@{ user_id = 'csv-1'; email = 'csv1@example.com'; name = ''; created_at = '1257553080'; last_seen_ip = '10.0.0.1'; last_seen_user_agent = 'curl/8'; unsubscribed_from_emails = 'true' }
            [pscustomobject]@{ user_id = 'csv-2'; email = ''; name = 'Second'; created_at = ''; last_seen_ip = ''; last_seen_user_agent = ''; unsubscribed_from_emails = 'no' }
        ) | Set-IntercomUser
        $one = Get-IntercomUser -UserId 'csv-1'
        $one.Email, $one.Name, $one.LastSeenIp, $one.LastSeenUserAgent | Should -Be 'csv1@example.com', 'Kept Name', '10.0.0.1', 'curl/8'
        $one.CreatedAt | Should -Be (ConvertFrom-UnixTime 1257553080)
        $one.UnsubscribedFromEmails | Should -BeTrue
        $two = Get-IntercomUser -UserId 'csv-2'
        $two.Name | Should -Be 'Second'
        $two.UnsubscribedFromEmails | Should -BeFalse
    }

    It 'fails only the row with a bad boolean cell, saying what a boolean is' {
        New-IntercomUser -UserId 'bool-1' | Out-Null
        New-IntercomUser -UserId 'bool-2' | Out-Null
        $updated = [pscustomobject]@{ user_id = 'bool-1'; unsubscribed_from_emails = 'maybe' }, [pscustomobject]@{ user_id = 'bool-2'; unsubscribed_from_emails = 'yes' } |
            Set-IntercomUser -PassThru -ErrorAction SilentlyContinue -ErrorVariable failed
        $updated.UserId | Should -Be 'bool-2'
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Match ([regex]::Escape("'maybe' is not a boolean: use true or false."))
    }

    It 'updates 97 rows and reports the 3 unknown ones, each on its own row' {
        Add-TestUsers -Count 97 -Prefix 'batch-'
        $ids = [System.Collections.Generic.List[string]] (1..97 | ForEach-Object { "batch-$_" })
        $ids.Insert(9, 'ghost-a'); $ids.Insert(49, 'ghost-b'); $ids.Insert(89, 'ghost-c')
        $rows = $ids | ForEach-Object { [pscustomobject]@{ user_id = $_; name = "Renamed $_" } }
        $rows | Set-IntercomUser -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 3
        $failed.FullyQualifiedErrorId | Should -Be (@('Intercom.not_found,IntercomPS.Cmdlets.SetIntercomUserCommand') * 3)
        $failed.CategoryInfo.Category | Should -Be (@('ObjectNotFound') * 3)
        foreach ($pair in @(@(0, 9), @(1, 49), @(2, 89))) { [object]::ReferenceEquals($failed[$pair[0]].TargetObject, $rows[$pair[1]]) | Should -BeTrue }
        (Get-IntercomUser | Where-Object { $_.UserId -like 'batch-*' -and $_.Name -eq "Renamed $($_.UserId)" }) | Should -HaveCount 97
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
        $run = Invoke-TestPwsh "Get-IntercomUser -Tag 'churned' | Remove-IntercomUser -WhatIf -Force; Remove-IntercomUser -UserId 7902 -WhatIf"
        $run.Lines | Should -Be @(
            1..3 | ForEach-Object { "What if: Performing the operation ""Remove Intercom user and all their conversations"" on target ""churned$_@example.com (churned$_)""." }
            'What if: Performing the operation "Remove Intercom user and all their conversations" on target "7902".'
        )
        Get-IntercomUser -Tag 'churned' | Should -HaveCount 3
        (Get-TestRequestCount 'DELETE /v1/users') | Should -Be 0
    }

    It 'deletes every piped user with -Force (Example 2, second run)' {
        (Get-IntercomUser -Tag 'churned' | Remove-IntercomUser -Force -PassThru).Email |
            Should -Be 'churned1@example.com', 'churned2@example.com', 'churned3@example.com'
        Get-IntercomUser -Tag 'churned' | Should -BeNullOrEmpty
        (Get-IntercomUser).Email | Should -Be 'ben@intercom.io'
    }

    It 'refuses to delete without -Force in a non-interactive run, and deletes nothing' {
        $run = Invoke-TestPwsh "Remove-IntercomUser -UserId 7902"
        $run.ExitCode | Should -Not -Be 0
        $run.Text | Should -Match 'NonInteractive mode'
        (Get-IntercomUser -UserId '7902').Email | Should -Be 'ben@intercom.io'
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

Describe 'How users look' {
    BeforeAll {
        Reset-TestApp
        New-IntercomUser -UserId 'format-1' -Email 'format1@example.com' -Name 'Format One' | Out-Null
    }

    It 'formats as a table with the columns people scan' {
        $lines = (Get-IntercomUser -UserId 'format-1' | Out-String -Width 120) -split '\r?\n' | ForEach-Object TrimEnd | Where-Object { $_ }
        $lines[0] | Should -Match '^Email\s+UserId\s+Name\s+Created \(UTC\)\s+Last seen \(UTC\)$'
        $lines[2] | Should -Match '^format1@example.com\s+format-1\s+Format One\s+\d{4}-\d\d-\d\d \d\d:\d\d$'
    }
}

Describe 'Several users in one -Email or -UserId, on every per-user cmdlet' {
    BeforeAll {
        Reset-TestApp
        Add-TestUsers 3 'many'
    }

    It '<command> takes -Email a,b' -ForEach @(
        @{ command = 'Set-IntercomUser'; arguments = @{ Name = 'Both'; PassThru = $true } }
        @{ command = 'Add-IntercomNote'; arguments = @{ Body = 'Called' } }
        @{ command = 'New-IntercomImpression'; arguments = @{} }
        @{ command = 'Get-IntercomMessageThread'; arguments = @{} }
    ) {
        $before = Get-TestRequestCount
        $null = & $command -Email 'many1@example.com', 'many2@example.com' @arguments -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        (Get-TestRequestCount) - $before | Should -Be 2
    }

    It 'Set-IntercomUser -UserId a,b updates both, in order' {
        (Set-IntercomUser -UserId 'many1', 'many2' -Name 'By id' -PassThru).UserId | Should -Be 'many1', 'many2'
        (Get-IntercomUser -UserId 'many1', 'many2').Name | Should -Be 'By id', 'By id'
    }

    It 'Remove-IntercomUser -Email a,b -Force removes both (it failed to bind)' {
        New-IntercomUser -Email 'gone1@example.com', 'gone2@example.com' | Out-Null
        (Remove-IntercomUser -Email 'gone1@example.com', 'gone2@example.com' -Force -PassThru).Email | Should -Be 'gone1@example.com', 'gone2@example.com'
        { Get-IntercomUser -Email 'gone1@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'Set-IntercomTag -Email a,b tags both in one request' {
        $before = Get-TestRequestCount 'POST /v1/tags'
        (Set-IntercomTag -Name 'many-tag' -Email 'many1@example.com', 'many3@example.com' -PassThru).TaggedUserCount | Should -Be 2
        (Get-TestRequestCount 'POST /v1/tags') - $before | Should -Be 1
    }

    It 'refuses -Email and -UserId lists of different lengths, saying how to pair them' {
        { Set-IntercomUser -Email 'many1@example.com', 'many2@example.com' -UserId 'many1' -Name x -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,IntercomPS.Cmdlets.SetIntercomUserCommand' `
                -ExpectedMessage '-Email has 2 values and -UserId 1; give one of them, or the same number of each to pair them up.'
    }
}

Describe 'Paging parameters with users named' {
    BeforeAll {
        Reset-TestApp
        Add-TestUsers 3 'page'
    }

    It 'Get-IntercomUser -Email a,b -First 1 gets only the first, with one request' {
        $before = Get-TestRequestCount
        (Get-IntercomUser -Email 'page1@example.com', 'page2@example.com' -First 1).Email | Should -Be 'page1@example.com'
        (Get-TestRequestCount) - $before | Should -Be 1
    }

    It '-Skip skips the first users named, piped or given' {
        (Get-IntercomUser -Email 'page1@example.com', 'page2@example.com', 'page3@example.com' -Skip 1 -First 1).Email | Should -Be 'page2@example.com'
        ('page1@example.com', 'page2@example.com', 'page3@example.com' | Get-IntercomUser -Skip 2).Email | Should -Be 'page3@example.com'
    }

    It 'refuses -IncludeTotalCount with users named, saying why' {
        { Get-IntercomUser -Email 'page1@example.com' -IncludeTotalCount } |
            Should -Throw -ErrorId 'Intercom.invalid_argument*' -ExpectedMessage '-IncludeTotalCount counts the users of a listing*'
    }
}
