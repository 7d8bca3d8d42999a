BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Connect-TestIntercom
}

AfterAll { Disconnect-Intercom }

Describe 'Recipe: sync users from CSV-shaped rows' {
    BeforeAll {
        Reset-TestApp
        New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann Archer' -CustomData @{ plan = 'free' }
        New-IntercomUser -UserId '1002' -Email 'bob@example.com' -Name 'Bob Baker'
    }

    It 'upserts every row: existing users change, new ones are created' {
        $rows = @(
            [pscustomobject]@{ user_id = '1001'; email = 'ann@example.com'; name = 'Ann Archer-Smith'; created_at = '1700000000' }
            [pscustomobject]@{ user_id = '1003'; email = 'carl@example.com'; name = 'Carl Cooper'; created_at = '1700000100' }
        )
        $synced = $rows | New-IntercomUser
        $synced.UserId | Should -Be '1001', '1003'
        $users = Get-IntercomUser
        $users.Email | Should -Be 'ann@example.com', 'bob@example.com', 'carl@example.com'
        $users[0].Name | Should -Be 'Ann Archer-Smith'
        $users[0].CustomData['plan'] | Should -Be 'free'
    }

    It 'updates only known users with Set-IntercomUser, keeps the failed rows and creates them on a retry' {
        $rows = @(
            [pscustomobject]@{ email = 'bob@example.com'; name = 'Robert Baker'; last_seen_ip = '10.0.0.2' }
            [pscustomobject]@{ email = 'dora@example.com'; name = 'Dora Diaz'; last_seen_ip = '10.0.0.4' }
            [pscustomobject]@{ email = 'carl@example.com'; name = 'Carl Cooper'; last_seen_ip = '10.0.0.3' }
        )
        $rows | Set-IntercomUser -ThrottleLimit 8 -ErrorAction SilentlyContinue -ErrorVariable failed
        $retry = @($failed | ForEach-Object { $_.TargetObject })
        $retry | Should -HaveCount 1
        $retry[0].email | Should -Be 'dora@example.com'
        (Get-IntercomUser -Email 'bob@example.com').LastSeenIp | Should -Be '10.0.0.2'

        ($retry | New-IntercomUser).Name | Should -Be 'Dora Diaz'
        Get-IntercomUser | Should -HaveCount 4
    }

    It 'round-trips an export: users to rows and back' {
        $export = Get-IntercomUser | ForEach-Object { [pscustomobject]@{ user_id = $_.UserId; email = $_.Email; name = $_.Name.ToUpperInvariant() } }
        $export | Set-IntercomUser
        (Get-IntercomUser | ForEach-Object { $_.Name }) | Should -Be 'ANN ARCHER-SMITH', 'ROBERT BAKER', 'CARL COOPER', 'DORA DIAZ'
    }
}

Describe 'Recipe: tag a segment' {
    BeforeAll {
        Reset-TestApp
        Add-TestUsers -Count 230 -Prefix 'trial' -Tag 'trial'
        Add-TestUsers -Count 20 -Prefix 'paid'
    }

    It 'tags 230 trial users as vip in ceil(230 / 100) = 3 requests' {
        $trial = Get-IntercomUser -Tag 'trial'
        $before = Get-TestRequestCount
        $tag = $trial | Set-IntercomTag -Name 'vip' -Color 'gold' -PassThru
        (Get-TestRequestCount) - $before | Should -Be 3
        $tag.TaggedUserCount | Should -Be 230
        $tag.Color | Should -Be 'gold'
    }

    It 'tags a segment chosen with Where-Object straight from the list' {
        $tag = Get-IntercomUser | Where-Object { $_.Email -like 'paid1*' } | Set-IntercomTag -Name 'paid-1x' -PassThru
        $tag.TaggedUserCount | Should -Be 11
        (Get-IntercomUser -Tag 'paid-1x' -First 1).Email | Should -Be 'paid1@example.com'
    }

    It 'moves the segment from trial to paid: untag and tag' {
        $segment = Get-IntercomUser -Tag 'trial' -First 30
        $segment | Set-IntercomTag -Name 'trial' -Untag
        $segment | Set-IntercomTag -Name 'converted'
        (Get-IntercomTag -Name 'trial').TaggedUserCount | Should -Be 200
        (Get-IntercomTag -Name 'converted').TaggedUserCount | Should -Be 30
        (Get-IntercomUser -Tag 'converted' -First 1).Email | Should -Be 'trial1@example.com'
    }
}

Describe 'Recipe: note many users' {
    BeforeAll {
        Reset-TestApp
        Add-TestUsers -Count 40 -Prefix 'vip' -Tag 'vip'
        Add-TestUsers -Count 5 -Prefix 'other'
    }

    It 'notes every vip user once, in list order, with requests in flight' {
        $before = Get-TestRequestCount
        $notes = Get-IntercomUser -Tag 'vip' | Add-IntercomNote 'Welcome to VIP support' -ThrottleLimit 8
        $notes | Should -HaveCount 40
        ($notes | ForEach-Object { $_.User.Email }) | Should -Be (1..40 | ForEach-Object { "vip$_@example.com" })
        ($notes | Where-Object { $_.Html -ne '<p>Welcome to VIP support</p>' }) | Should -BeNullOrEmpty
        (Get-TestRequestCount) - $before | Should -Be 41
    }

    It 'notes a list of emails, and reports the ones that are not users' {
        $emails = 'vip1@example.com', 'left@example.com', 'other1@example.com'
        $notes = $emails | Add-IntercomNote 'Renewal call scheduled' -ErrorAction SilentlyContinue -ErrorVariable failed
        ($notes | ForEach-Object { $_.User.Email }) | Should -Be 'vip1@example.com', 'other1@example.com'
        ($failed | ForEach-Object { $_.TargetObject }) | Should -Be 'left@example.com'
    }
}

Describe 'Recipe: triage threads' {
    BeforeAll {
        Reset-TestApp
        $null = 'ann@example.com', 'carl@example.com', 'dora@example.com' | New-IntercomUser -ThrottleLimit 1  # creation order = list order
        $null = New-IntercomTag -Name 'vip' -Email 'ann@example.com', 'carl@example.com'
        $annThread = 'ann@example.com' | New-IntercomMessageThread 'The export button does nothing.'
        $carlThread = 'carl@example.com' | New-IntercomMessageThread 'Where is my invoice?'
        $doraThread = 'dora@example.com' | New-IntercomMessageThread 'Can I change my plan?'
        Add-TestAdminReply -Email 'ann@example.com' -ThreadId $annThread.ThreadId -Body 'Which browser do you use?'
        Add-TestAdminReply -Email 'dora@example.com' -ThreadId $doraThread.ThreadId -Body 'Yes, in Settings.'
    }

    It 'finds who has unread messages by replaying impressions' {
        $unread = Get-IntercomUser | New-IntercomImpression | Where-Object UnreadMessages -gt 0
        $unread.Email | Should -Be 'ann@example.com', 'dora@example.com'
    }

    It 'finds the unread threads of the vip segment' {
        $unread = Get-IntercomUser -Tag 'vip' | Get-IntercomMessageThread | Where-Object { -not $_.Read }
        $unread | Should -HaveCount 1
        $unread[0].ThreadId | Should -Be $annThread.ThreadId
        $unread[0].Messages[-1].Html | Should -Be '<p>Which browser do you use?</p>'
    }

    It 'answers vip threads and marks the others read; nothing is left unread' {
        Get-IntercomUser -Tag 'vip' | Get-IntercomMessageThread | Where-Object { -not $_.Read } | Add-IntercomMessageReply 'Firefox 130.' | Should -HaveCount 1
        Get-IntercomUser | Get-IntercomMessageThread | Where-Object { -not $_.Read } | Set-IntercomMessageThread -Read $true
        (Get-IntercomUser | Get-IntercomMessageThread | Where-Object { -not $_.Read }) | Should -BeNullOrEmpty
        (Get-IntercomUser | New-IntercomImpression | Where-Object UnreadMessages -gt 0) | Should -BeNullOrEmpty
        (Get-IntercomMessageThread -Email 'ann@example.com' -ThreadId $annThread.ThreadId).Messages[-1].Html | Should -Be '<p>Firefox 130.</p>'
        (Get-IntercomMessageThread -Email 'dora@example.com' -ThreadId $doraThread.ThreadId).Messages | Should -HaveCount 2
    }
}

Describe 'Recipe: copy users from one app to another (-Session)' {
    BeforeAll {
        Reset-TestApp
        $old = Connect-Intercom -AppId 'dummy-app-id' -ApiKey (ConvertTo-SecureString 'any' -AsPlainText -Force) -BaseUri $IntercomTestBaseUri -PassThru
        $new = Connect-TestIntercom -PassThru
    }
    AfterAll { Disconnect-Intercom -Session $old }

    It 'pipes the users of one session into New-IntercomUser of the other' {
        $source = @(Get-IntercomUser -Session $old -First 3)
        $source | Should -Not -BeNullOrEmpty
        $copied = $source | New-IntercomUser -Session $new
        $copied.Email | Should -Be $source.Email
        # Created concurrently (-ThrottleLimit 4), so the new app may list them in another order.
        $target = Get-IntercomUser -Session $new
        $target | Should -HaveCount $source.Count
        foreach ($email in $source.Email) { $target.Email | Should -Contain $email }
        (Get-IntercomUser -Email $source[0].Email).Name | Should -Be $source[0].Name
    }
}

# The README's team inbox recipe, run as written there against REST API 2.14; each effect read back through raw HTTP.
Describe 'Recipe: triage the team inbox on REST API 2.14, as the README writes it' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        $readme = Get-Content (Join-Path $PSScriptRoot '../README.md') -Raw
        $block = [regex]::Match($readme, '```powershell\r?\n(# Triage the team inbox[\s\S]*?)```').Groups[1].Value
        function Get-RawConversation([long] $Id) {
            $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14' }
            Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, "conversations/$Id")) -Headers $headers
        }
        $me = (Get-IntercomSession).AdminId
        $annId = $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, 'Ann', 'ann@example.com', $false).GetAwaiter().GetResult()
        $billingId = $IntercomTestAdmin.AddTeamAsync($IntercomTestAppId, 'Billing', [string[]] @($annId)).GetAwaiter().GetResult()
        $null = 'a@example.com', 'b@example.com', 'c@example.com', 'd@example.com' | New-IntercomUser -ThrottleLimit 1
        $null = New-IntercomTag -Name 'billing'
        $refund = New-IntercomMessageThread -Email 'a@example.com' -Body 'Refund please'
        $invoice = New-IntercomMessageThread -Email 'b@example.com' -Body 'Wrong invoice'
        $taken = New-IntercomMessageThread -Email 'c@example.com' -Body 'Invoice question'
        $solved = New-IntercomMessageThread -Email 'd@example.com' -Body 'Never mind, I solved it'
        $refund, $invoice | Set-IntercomMessageThread -AddTag 'billing'
        Set-IntercomMessageThread -ThreadId $taken.ThreadId -AddTag 'billing' -AssigneeId $annId
    }

    It 'is in the README' { $block | Should -Match 'Get-IntercomConversation -State Open -Unassigned -Tag billing' }

    It 'answers as the admin, notes, assigns and snoozes the open unassigned billing conversations, and closes the solved one with words' {
        . ([scriptblock]::Create($block))
        $tomorrow = ([DateTimeOffset] (Get-Date).Date.AddDays(1).AddHours(9)).ToUnixTimeSeconds()
        foreach ($thread in $refund, $invoice) {
            $raw = Get-RawConversation $thread.ThreadId
            $parts = $raw.conversation_parts.conversation_parts
            $parts | ForEach-Object { "$($_.part_type) $($_.author.type) $($_.author.id)" } |
                Should -Be "comment admin $me", "note admin $me", "assignment admin $me", "assignment admin $me", "snoozed admin $me"
            $parts[0].body | Should -Be '<p>Thanks for writing in: Ann from Billing will follow up.</p>'
            $parts[1].body | Should -Be '<p>Triaged by the morning script.</p>'
            $raw.admin_assignee_id | Should -Be $annId
            $raw.team_assignee_id | Should -Be $billingId
            $raw.state | Should -Be 'snoozed'
            $raw.snoozed_until | Should -Be $tomorrow
        }
        (Get-RawConversation $taken.ThreadId).conversation_parts.conversation_parts.part_type | Should -Be 'assignment' # already Ann's: left alone
        $closed = Get-RawConversation $solved.ThreadId
        $closed.state | Should -Be 'closed'
        $closed.conversation_parts.conversation_parts.part_type | Should -Be 'close'
        $closed.conversation_parts.conversation_parts[0].body | Should -Be '<p>Glad it is solved: closing this.</p>'
    }
}

Describe 'Recipe: workspace data on REST API 2.14 (README)' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        Push-Location $TestDrive
        [pscustomobject]@{ company_id = 'acme'; name = 'Acme'; plan = 'Pro'; monthly_spend = '4900' },
        [pscustomobject]@{ company_id = 'beta'; name = 'Beta'; plan = 'Free'; monthly_spend = '0' } | Export-Csv accounts.csv
        New-IntercomUser -UserId 'u-1001' -Email 'ann@example.com' | Out-Null
        New-IntercomUser -UserId 'u-1002' -Email 'ben@example.com' | Out-Null
        [pscustomobject]@{ email = 'ann@example.com'; company_id = 'acme' },
        [pscustomobject]@{ email = 'ben@example.com'; company_id = 'beta' } | Export-Csv members.csv
        [pscustomobject]@{ email = 'ann@example.com'; event_name = 'placed-order'; created_at = '2024-05-02T09:30:00Z'; metadata = '{"order_id":"A-1"}' } | Export-Csv orders.csv
    }

    AfterAll {
        Pop-Location
        Connect-TestIntercom
    }

    It 'syncs companies and their users from CSV files, and exports every company' {
        Import-Csv accounts.csv | New-IntercomCompany -ThrottleLimit 8 | Out-Null
        Import-Csv members.csv | Add-IntercomCompanyUser
        Get-IntercomCompany | Select-Object CompanyId, Name, Plan, UserCount | Export-Csv companies.csv
        $exported = Import-Csv companies.csv | Sort-Object CompanyId
        $exported.CompanyId | Should -Be 'acme', 'beta'
        $exported.Plan | Should -Be 'Pro', 'Free'
        $exported.UserCount | Should -Be '1', '1'
    }

    It 'records the events of a file, and running the file again records nothing more' {
        Import-Csv orders.csv | New-IntercomEvent -ThrottleLimit 8
        Import-Csv orders.csv | New-IntercomEvent -ThrottleLimit 8
        $events = Get-IntercomEvent -Email 'ann@example.com'
        $events.EventName | Should -Be 'placed-order'
        $events.Metadata['order_id'] | Should -Be 'A-1'
    }

    It 'tags the users of a segment, and turns a lead into the user who signed up' {
        $null = $IntercomTestAdmin.AddSegmentAsync($IntercomTestAppId, 'Active', [string[]] (Get-IntercomUser).Id, 'user').GetAwaiter().GetResult()
        Get-IntercomSegment | Where-Object Name -eq Active | Get-IntercomSegmentUser | Set-IntercomTag -Name active
        (Get-IntercomUser -Tag active).UserId | Sort-Object | Should -Be 'u-1001', 'u-1002'
        New-IntercomLead -Email 'visitor@example.com' -Name 'Visitor' | Out-Null
        $user = Get-IntercomLead -Email visitor@example.com | Merge-IntercomLead -IntoUserId u-1001 -Confirm:$false
        $user.UserId | Should -Be 'u-1001'
        $user.Name | Should -Be 'Visitor'
        Get-IntercomLead | Should -BeNullOrEmpty
    }

    It 'exports the help center articles, takes back to draft those that name the old plan, then publishes the drafts' {
        $old = New-IntercomArticle -Title 'Moving off the old plan' -Body 'It ends in May.' -State published
        $new = New-IntercomArticle -Title 'Essential plan' -Body 'What it holds.'
        Get-IntercomArticle | Export-Csv articles.csv -NoTypeInformation
        (Import-Csv articles.csv).Title | Sort-Object | Should -Be 'Essential plan', 'Moving off the old plan'
        Get-IntercomArticle -Search 'old plan' | Set-IntercomArticle -State draft
        (Get-IntercomArticle -Id $old.Id).State | Should -Be 'draft'
        (Get-IntercomArticle -Id $new.Id).State | Should -Be 'draft'
        Get-IntercomArticle -State draft | Set-IntercomArticle -State published
        Get-IntercomArticle -State draft | Should -BeNullOrEmpty
    }
}
