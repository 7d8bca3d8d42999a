# Notes on companies (Intercom-Version 2.16 on): Add-IntercomCompanyNote and Get-IntercomCompanyNote against the
# emulator, each company found once per command by the id the workspace gave it; sessions on older versions and v1
# are refused before anything is sent (Capabilities.Tests holds the v1 rows).

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

AfterAll { Disconnect-Intercom }

Describe 'Notes on companies' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2 -ApiVersion 2.16
        $null = New-IntercomCompany -CompanyId 'noted-1' -Name 'Noted One'
        $null = New-IntercomCompany -CompanyId 'noted-2' -Name 'Noted Two'
    }

    It 'leaves a note on a piped company and lists them newest first, each on the whole company' {
        $first = Get-IntercomCompany -CompanyId 'noted-1' | Add-IntercomCompanyNote 'Renewal due in May'
        $first | Should -BeOfType ([IntercomPS.Note])
        $first.Html | Should -BeExactly '<p>Renewal due in May</p>'
        $first.Company.CompanyId | Should -BeExactly 'noted-1'
        $first.Company.Name | Should -BeExactly 'Noted One'
        $first.User | Should -BeNullOrEmpty
        $first.Author.Id | Should -BeExactly (Get-IntercomSession).AdminId
        $second = Add-IntercomCompanyNote -CompanyId 'noted-1' -Body 'Called the buyer'

        $notes = @(Get-IntercomCompanyNote -CompanyId 'noted-1')
        $notes.Id | Should -Be @($second.Id, $first.Id)
        $notes.Company.Name | Should -Be @('Noted One', 'Noted One')
        @(Get-IntercomCompany -CompanyId 'noted-1' | Get-IntercomCompanyNote -First 1).Id | Should -Be $second.Id
        @(Get-IntercomCompanyNote -CompanyId 'noted-2') | Should -HaveCount 0
    }

    It 'finds a company''s note by its id with Get-IntercomNote, naming the company and no user' {
        $note = Add-IntercomCompanyNote -CompanyId 'noted-2' -Body 'By id'
        $found = Get-IntercomNote -NoteId $note.Id
        $found.Company.Id | Should -BeExactly $note.Company.Id
        $found.User | Should -BeNullOrEmpty
        $found.Html | Should -BeExactly '<p>By id</p>'
    }

    It 'writes one note per CSV row, each company found once, the admin given writing them' {
        Reset-TestApp
        $null = New-IntercomCompany -CompanyId 'csv-a' -Name 'A'
        $null = New-IntercomCompany -CompanyId 'csv-b' -Name 'B'
        $admin = $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, 'Nia Notes', 'nia@example.com').GetAwaiter().GetResult()
        $before = Get-TestRequestCount 'GET /companies'
        $rows = 'csv-a', 'csv-b', 'csv-a' | ForEach-Object { [pscustomobject]@{ company_id = $_ } }
        $made = @($rows | Add-IntercomCompanyNote 'Quarterly review' -AdminId $admin)
        $made.Company.CompanyId | Should -Be @('csv-a', 'csv-b', 'csv-a')
        $made.Author.Id | Should -Be @($admin, $admin, $admin)
        (Get-TestRequestCount 'GET /companies') - $before | Should -Be 2
        @(Get-IntercomCompanyNote -CompanyId 'csv-a') | Should -HaveCount 2
    }

    It 'reports a company that is not there as company_not_found, in its place, and goes on with the rest' {
        $rows = 'csv-b', 'no-such-company' | ForEach-Object { [pscustomobject]@{ company_id = $_ } }
        $made = @($rows | Add-IntercomCompanyNote 'Checked' -ErrorAction SilentlyContinue -ErrorVariable failed)
        $made.Company.CompanyId | Should -Be 'csv-b'
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.company_not_found,*'
        $failed[0].TargetObject | Should -BeExactly 'no-such-company'
        Get-IntercomCompanyNote -CompanyId 'no-such-company' -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.company_not_found,*'
    }

    It 'writes nothing with -WhatIf' {
        $before = Get-TestRequestCount 'POST /companies/{company_id}/notes'
        Add-IntercomCompanyNote -CompanyId 'csv-b' -Body 'Not really' -WhatIf
        Get-TestRequestCount 'POST /companies/{company_id}/notes' | Should -Be $before
    }

    It 'refuses them on a session asking for a version before 2.16, naming the version to ask for, and sends nothing' {
        Connect-TestIntercomV2
        $before = Get-TestRequestCount
        Add-IntercomCompanyNote -CompanyId 'csv-b' -Body 'Too early' -ErrorAction SilentlyContinue -ErrorVariable added
        Get-IntercomCompanyNote -CompanyId 'csv-b' -ErrorAction SilentlyContinue -ErrorVariable listed
        $added[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $added[0].Exception.Message | Should -Be 'A note on a company needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16.'
        $listed[0].Exception.Message | Should -Be "Reading a company's notes needs Intercom-Version 2.16 or later, and this session asks for 2.14: connect with Connect-Intercom -ApiVersion 2.16."
        Get-TestRequestCount | Should -Be $before
    }
}
