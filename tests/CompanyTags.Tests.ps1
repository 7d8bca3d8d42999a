# Tagging companies on REST API 2.14, which the module has no cmdlet for: through Invoke-IntercomRequest, the escape
# hatch, as a script would do it, on companies made and read by the company cmdlets.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

AfterAll { Disconnect-Intercom }

Describe 'Company tags through Invoke-IntercomRequest' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
    }

    It 'tags a company made by New-IntercomCompany, reads it back, lists it by tag_id and untags it' {
        $company = New-IntercomCompany -CompanyId 'tagged-1' -Name 'Tagged'
        $null = New-IntercomCompany -CompanyId 'plain-1' -Name 'Plain'

        $tag = Invoke-IntercomRequest POST /tags -Body @{ name = 'Key account'; companies = @(@{ company_id = 'tagged-1' }) }
        $tag.type | Should -BeExactly 'tag'
        $tag.name | Should -BeExactly 'Key account'

        $read = Get-IntercomCompany -CompanyId 'tagged-1'
        $read.Id | Should -BeExactly $company.Id
        $read.Name | Should -BeExactly 'Tagged'
        $answer = Invoke-IntercomRequest GET "/companies/$($read.Id)"
        $answer.tags.tags.name | Should -BeExactly 'Key account'
        $answer.tags.tags.id | Should -BeExactly $tag.id
        (Invoke-IntercomRequest GET /companies -Query @{ tag_id = $tag.id }).data.company_id | Should -BeExactly 'tagged-1'

        $null = Invoke-IntercomRequest POST /tags -Body @{ name = 'Key account'; companies = @(@{ id = $company.Id; untag = $true }) }
        (Invoke-IntercomRequest GET "/companies/$($company.Id)").tags.tags | Should -BeNullOrEmpty
        (Invoke-IntercomRequest GET /companies -Query @{ tag_id = $tag.id }).total_count | Should -Be 0
    }

    It 'reports an unknown company as company_not_found and tags none of the others' {
        Invoke-IntercomRequest POST /tags -Body @{ name = 'Half way'; companies = @(@{ company_id = 'tagged-1' }, @{ company_id = 'nope-1' }) } -ErrorAction SilentlyContinue -ErrorVariable failed |
            Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.company_not_found,*'
        (Invoke-IntercomRequest GET /tags).data.name | Should -Not -Contain 'Half way'
        (Invoke-IntercomRequest GET "/companies/$((Get-IntercomCompany -CompanyId 'tagged-1').Id)").tags.tags | Should -BeNullOrEmpty
    }
}
