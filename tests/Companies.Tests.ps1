# Companies on REST API 2.14 (v1 refuses them: Capabilities.Tests): create or update by company id, find, delete,
# attach and detach users, either side's list, and every company through the workspace's scroll, past the list's
# limit and by the scroll's rules (one at a time, expiry, a failed page restarts it without outputting a company twice).
# Effects are read back over raw HTTP.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Invoke-Raw([string] $Method, [string] $Path, $Body) {
        # The emulator's 2.14 face, straight: what the module's requests left behind.
        $request = @{ Method = $Method; Uri = "$($IntercomTestV2Uri)$($Path.TrimStart('/'))"; Headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14' } }
        if ($null -ne $Body) { $request.Body = $Body | ConvertTo-Json -Depth 5; $request.ContentType = 'application/json' }
        Invoke-RestMethod @request
    }

    function Get-RawError([scriptblock] $Request) {
        # The error body of a raw request that must fail (PowerShell keeps it in ErrorDetails).
        try { $null = & $Request } catch { return $_.ErrorDetails.Message }
        throw 'The request did not fail.'
    }

    function Set-TestCompanies([hashtable] $Settings) {
        $null = $IntercomTestAdmin.SetCompaniesAsync($IntercomTestAppId, $Settings).GetAwaiter().GetResult()
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Companies on V2' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
    }

    It 'creates a company, then updates the same one by its company id (New-IntercomCompany)' {
        $created = New-IntercomCompany -CompanyId 'acme-42' -Name 'Acme' -Plan 'Pro' -Size 120 -MonthlySpend 4900.7 -RemoteCreatedAt '2020-01-02T03:04:05Z' -CustomData @{ region = 'emea' }
        $created | Should -BeOfType ([IntercomPS.Company])
        $created.Id | Should -Match '^[0-9a-f]{24}$'
        $created.MonthlySpend | Should -Be 4900
        $updated = New-IntercomCompany -CompanyId 'acme-42' -Plan 'Enterprise' -CustomData @{ tier = 'gold' }
        $updated.Id | Should -BeExactly $created.Id

        $raw = Invoke-Raw GET "/companies/$($created.Id)"
        $raw.company_id | Should -BeExactly 'acme-42'
        $raw.name | Should -BeExactly 'Acme'
        $raw.plan.name | Should -BeExactly 'Enterprise'
        $raw.size | Should -Be 120
        $raw.remote_created_at | Should -Be 1577934245
        $raw.custom_attributes.region | Should -BeExactly 'emea'
        $raw.custom_attributes.tier | Should -BeExactly 'gold'
        (Invoke-Raw POST '/companies/list?per_page=50').total_count | Should -Be 1
    }

    It 'syncs a CSV of companies, blank cells keeping their value' {
        $rows = @(
            [pscustomobject]@{ company_id = 'csv-1'; name = 'One'; plan = 'Basic'; monthly_spend = '10'; custom_attributes = '{"seats":3}' }
            [pscustomobject]@{ company_id = 'csv-2'; name = 'Two'; plan = ''; monthly_spend = ''; custom_attributes = '' }
        )
        $rows | New-IntercomCompany -ThrottleLimit 2 | Select-Object -ExpandProperty CompanyId | Should -Be 'csv-1', 'csv-2'
        [pscustomobject]@{ company_id = 'csv-1'; name = ''; plan = ''; monthly_spend = ''; custom_attributes = '' } | New-IntercomCompany | Out-Null
        $one = (Invoke-Raw GET '/companies?company_id=csv-1').data[0]
        $one.name | Should -BeExactly 'One'
        $one.plan.name | Should -BeExactly 'Basic'
        $one.monthly_spend | Should -Be 10
        $one.custom_attributes.seats | Should -Be 3
    }

    It 'finds companies by -Id, -CompanyId and -Name, and from the pipeline' {
        $acme = Get-IntercomCompany -CompanyId 'acme-42'
        $acme.Name | Should -BeExactly 'Acme'
        (Get-IntercomCompany -Id $acme.Id).CompanyId | Should -BeExactly 'acme-42'
        (Get-IntercomCompany -Name 'Two').CompanyId | Should -BeExactly 'csv-2'
        ([pscustomobject]@{ company_id = 'csv-1' }, [pscustomobject]@{ company_id = 'csv-2' } | Get-IntercomCompany).Name | Should -Be 'One', 'Two'
    }

    It 'reports an unknown company as that input''s company_not_found error, and goes on' {
        $found = 'acme-42', 'nope-1', 'csv-1' | ForEach-Object { [pscustomobject]@{ company_id = $_ } } | Get-IntercomCompany -ErrorAction SilentlyContinue -ErrorVariable missing
        $found.CompanyId | Should -Be 'acme-42', 'csv-1'
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.company_not_found,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].TargetObject | Should -BeExactly 'nope-1'
    }

    It 'refuses bad input with the exact reason, and sends nothing' {
        $before = Get-TestRequestCount
        [pscustomobject]@{ company_id = 'x'; custom_attributes = 'plan=basic' } | New-IntercomCompany -ErrorAction SilentlyContinue -ErrorVariable bad
        $bad | Should -HaveCount 1
        $bad[0].Exception.Message | Should -BeLike "*CustomData 'plan=basic' is not a flat JSON object*"
        [pscustomobject]@{ row = 7; name = '' } | Get-IntercomCompany -ErrorAction SilentlyContinue -ErrorVariable blank
        $blank[0].Exception.Message | Should -BeExactly 'Name a company by -Id, -CompanyId or -Name (a blank cell names none).'
        $blank[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        # The error carries the row, so a script can say which one it was.
        $blank[0].TargetObject.row | Should -Be 7
        [pscustomobject]@{ row = 8; company_id = ''; id = '' } | Remove-IntercomCompany -Force -ErrorAction SilentlyContinue -ErrorVariable blankRemove
        $blankRemove[0].Exception.Message | Should -BeExactly 'Name the company to delete by -Id or -CompanyId (a blank cell names none).'
        $blankRemove[0].TargetObject.row | Should -Be 8
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'Company users on V2' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        New-IntercomCompany -CompanyId 'co-1' -Name 'Co One' | Out-Null
        New-IntercomCompany -CompanyId 'co-2' -Name 'Co Two' | Out-Null
        $script:ann = New-IntercomUser -UserId 'u1' -Email 'ann@example.com'
        $script:ben = New-IntercomUser -UserId 'u2' -Email 'ben@example.com'
    }

    It 'attaches users from a CSV, each to their own company, the company found once (Add-IntercomCompanyUser)' {
        $rows = @(
            [pscustomobject]@{ email = 'ann@example.com'; company_id = 'co-1' }
            [pscustomobject]@{ user_id = 'u2'; company_id = 'co-1' }
            [pscustomobject]@{ email = 'ann@example.com'; company_id = 'co-2' }
        )
        $rows | Add-IntercomCompanyUser
        Get-TestRequestCount 'GET /companies' | Should -Be 2
        (Invoke-Raw GET "/contacts/$($ann.Id)/companies").data.company_id | Sort-Object | Should -Be 'co-1', 'co-2'
        (Invoke-Raw GET '/companies?company_id=co-1').data[0].user_count | Should -Be 2
    }

    It 'lists a company''s users and a user''s companies' {
        (Get-IntercomCompanyUser -CompanyId 'co-1').Email | Should -Be 'ann@example.com', 'ben@example.com'
        (Get-IntercomCompany -CompanyId 'co-2' | Get-IntercomCompanyUser).UserId | Should -Be 'u1'
        (Get-IntercomUserCompany -Email 'ann@example.com').CompanyId | Should -Be 'co-1', 'co-2'
        ($ben | Get-IntercomUserCompany).Name | Should -Be 'Co One'
    }

    It 'lists every one of a user''s companies, page by page past the 50 a page holds' {
        $cy = New-IntercomUser -UserId 'u-many' -Email 'many@example.com'
        1..51 | ForEach-Object { New-IntercomCompany -CompanyId "many-$_" | Out-Null }
        1..51 | ForEach-Object { [pscustomobject]@{ user_id = 'u-many'; company_id = "many-$_" } } | Add-IntercomCompanyUser
        (Invoke-Raw GET "/contacts/$($cy.Id)/companies").data.Count | Should -Be 50
        @(Get-IntercomUserCompany -UserId 'u-many').Count | Should -Be 51
    }

    It 'attaches the users -Email names to a piped company, whose own Id is no user''s' {
        $company = Get-IntercomCompany -CompanyId 'co-2' | Add-IntercomCompanyUser -Email 'ben@example.com' -PassThru
        $company.CompanyId | Should -BeExactly 'co-2'
        (Invoke-Raw GET "/contacts/$($ben.Id)/companies").data.company_id | Sort-Object | Should -Be 'co-1', 'co-2'
        $null = Get-IntercomCompany -CompanyId 'co-2' | Remove-IntercomCompanyUser -Email 'ben@example.com' -Confirm:$false
        (Invoke-Raw GET "/contacts/$($ben.Id)/companies").data.company_id | Should -Be 'co-1'
    }

    It 'refuses a piped company as a user, even beside -Email, saying how to reach its users, and sends nothing' {
        $company = Get-IntercomCompany -CompanyId 'co-2'
        $before = Get-TestRequestCount
        $company | Get-IntercomUserCompany -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'Intercom.invalid_argument,IntercomPS.Cmdlets.GetIntercomUserCompanyCommand'
        $failed[0].Exception.Message | Should -Be "Company 'Co Two' is not a user: to act on its users, pipe Get-IntercomCompanyUser -CompanyId 'co-2'."
        $failed[0].TargetObject.CompanyId | Should -Be 'co-2'
        # Its Name would bind as the user's: refused rather than renaming Ben after the company.
        $company | Set-IntercomUser -Email 'ben@example.com' -ErrorAction SilentlyContinue -ErrorVariable write
        $write[0].Exception.Message | Should -Be "Company 'Co Two' is not a user: to act on its users, pipe Get-IntercomCompanyUser -CompanyId 'co-2'."
        $company | Add-IntercomCompanyUser -ErrorAction SilentlyContinue -ErrorVariable nobody
        $nobody[0].Exception.Message | Should -Be "Company 'Co Two' is the company: name the users to link to it with -Email, -UserId or -Id."
        Get-TestRequestCount | Should -Be $before
    }

    It 'detaches users, who stay (Remove-IntercomCompanyUser)' {
        $company = Remove-IntercomCompanyUser -CompanyId 'co-1' -Email 'ann@example.com' -Confirm:$false -PassThru
        $company.UserCount | Should -Be 1
        (Invoke-Raw GET "/contacts/$($ann.Id)/companies").data.company_id | Should -Be 'co-2'
        (Invoke-Raw GET "/contacts/$($ann.Id)").email | Should -BeExactly 'ann@example.com'
    }

    It 'names the missing user or company as that input''s error' {
        Add-IntercomCompanyUser -CompanyId 'co-9' -Email 'ann@example.com' -ErrorAction SilentlyContinue -ErrorVariable noCompany
        $noCompany[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.company_not_found,*'
        Add-IntercomCompanyUser -CompanyId 'co-1' -Email 'nobody@example.com', 'ann@example.com' -ErrorAction SilentlyContinue -ErrorVariable noUser
        $noUser | Should -HaveCount 1
        $noUser[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $noUser[0].TargetObject | Should -BeExactly 'nobody@example.com'
        (Invoke-Raw GET '/companies?company_id=co-1').data[0].user_count | Should -Be 2
    }

    It 'deletes a company by company id, detaching its users (Remove-IntercomCompany)' {
        $removed = Remove-IntercomCompany -CompanyId 'co-1' -Force -PassThru
        $removed.Name | Should -BeExactly 'Co One'
        Get-RawError { Invoke-Raw GET "/companies/$($removed.Id)" } | Should -BeLike '*Company Not Found*'
        (Invoke-Raw GET "/contacts/$($ben.Id)/companies").data | Should -BeNullOrEmpty
        (Invoke-Raw GET "/contacts/$($ben.Id)").id | Should -BeExactly $ben.Id
    }

    It 'refuses a company named by an -Id and a -CompanyId of two different companies (a piped company beside another''s -Id), and deletes neither' {
        $a = New-IntercomCompany -CompanyId 'co-a' -Name 'Co A'
        $b = New-IntercomCompany -CompanyId 'co-b' -Name 'Co B'
        $a | Remove-IntercomCompany -Id $b.Id -Force -ErrorAction SilentlyContinue -ErrorVariable piped
        Remove-IntercomCompany -Id $a.Id -CompanyId 'co-b' -Force -ErrorAction SilentlyContinue -ErrorVariable typed
        foreach ($failure in $piped[0], $typed[0]) { $failure.FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*' }
        $piped[0].Exception.Message | Should -BeExactly "Company $($b.Id) is co-b, not co-a: name the company to delete by -Id or by -CompanyId, or by both of the same company."
        (Invoke-Raw GET "/companies/$($a.Id)").company_id | Should -BeExactly 'co-a'
        (Invoke-Raw GET "/companies/$($b.Id)").company_id | Should -BeExactly 'co-b'
    }

    It 'asks before deleting, and -WhatIf deletes nothing' {
        $run = Invoke-TestPwsh -Api V2 -Script "Get-IntercomCompany -CompanyId co-2 | Remove-IntercomCompany -WhatIf"
        # A piped company is named by its company id too, not by Intercom's id alone.
        $id = (Invoke-Raw GET '/companies?company_id=co-2').data[0].id
        $run.Text | Should -BeLike "*What if: Performing the operation ""Remove Intercom company (its users are detached, not deleted)"" on target ""co-2 ($id)""*"
        (Invoke-Raw GET '/companies?company_id=co-2').data | Should -HaveCount 1
    }
}

Describe 'Every company, through the scroll' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        # The list stops at 5 here, a scroll page holds 3 and expires after 1 s: 11 companies take 4 pages and an empty one.
        Set-TestCompanies @{ list_limit = 5; scroll_page_size = 3; scroll_expiry_seconds = 1 }
        # One at a time, so they are created (and scrolled) in this order.
        1..11 | ForEach-Object { [pscustomobject]@{ company_id = "s-$_"; name = "Scroll $_" } } | New-IntercomCompany -ThrottleLimit 1 | Out-Null
    }

    AfterEach { Set-TestCompanies @{ fail_scroll_page = $null } }

    It 'lists every company once, past the list''s limit' {
        Get-RawError { Invoke-Raw POST '/companies/list?page=2&per_page=5' } | Should -BeLike '*stops at 5 companies*'
        $before = Get-TestRequestCount 'GET /companies/scroll'
        $all = Get-IntercomCompany
        $all.CompanyId | Should -Be (1..11 | ForEach-Object { "s-$_" })
        Get-TestRequestCount 'GET /companies/scroll' | Should -Be ($before + 5)
    }

    It 'starts the scroll again after a failed page, outputting no company twice' {
        Start-Sleep -Milliseconds 1100 # the last listing's scroll ended; nothing is open
        Set-TestCompanies @{ fail_scroll_page = 3 }
        $all = Get-IntercomCompany -Verbose 4>&1
        $companies = $all | Where-Object { $_ -is [IntercomPS.Company] }
        $said = $all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $companies.CompanyId | Should -Be (1..11 | ForEach-Object { "s-$_" })
        $said | Should -Contain 'GET /companies/scroll: a page failed (server_error: Request failed due to an internal network error. Please restart the scroll operation.); a scroll cannot go on from there, so it starts again (restart 1 of 3), and the companies already output are not output again.'
        # The failed scroll stays open until it expires, as the real one does: the restart waited for it.
        ($said | Where-Object { $_ -like 'GET /companies/scroll: scroll already exists for this app; *' }) | Should -Not -BeNullOrEmpty
    }

    It 'waits for another scroll of the workspace to expire' {
        Start-Sleep -Milliseconds 1100
        $open = Invoke-Raw GET '/companies/scroll'
        $open.data | Should -HaveCount 3
        (Get-IntercomCompany).CompanyId | Should -HaveCount 11
    }
}
