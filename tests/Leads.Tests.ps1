# Leads on REST API 2.14 (v1 refuses them: Capabilities.Tests): the lead cmdlets take the user cmdlets' parameters,
# pipelines and CSV columns, and report failures per input in the same way; a lead is converted into a user by merging.
# Effects are read back over raw HTTP.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Get-RawContact([string] $Id) {
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14' }
        Invoke-RestMethod -Uri "$($IntercomTestV2Uri)contacts/$Id" -Headers $headers
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Leads on V2' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
    }

    It 'creates leads from a CSV, each a new lead (New-IntercomLead)' {
        $rows = @(
            [pscustomobject]@{ email = 'l1@example.com'; name = 'Lead One'; phone = '+1 555 0101' }
            [pscustomobject]@{ email = 'l2@example.com'; name = 'Lead Two'; phone = '' }
        )
        $created = $rows | New-IntercomLead
        $created.Role | Should -Be 'lead', 'lead'
        (Get-RawContact $created[0].Id).phone | Should -BeExactly '+1 555 0101'
        (Get-RawContact $created[1].Id).role | Should -BeExactly 'lead'
        # Leads may share an email: a second create is a second lead, never an update.
        $again = New-IntercomLead -Email 'l1@example.com'
        $again.Id | Should -Not -Be $created[0].Id
    }

    It 'finds a lead by id, refuses an ambiguous email, and lists every lead' {
        $one = Get-IntercomLead -Email 'l2@example.com'
        $one.Name | Should -BeExactly 'Lead Two'
        (Get-IntercomLead -Id $one.Id).Email | Should -BeExactly 'l2@example.com'
        Get-IntercomLead -Email 'l1@example.com' -ErrorAction SilentlyContinue -ErrorVariable ambiguous
        $ambiguous[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.ambiguous_lead,*'
        $ambiguous[0].Exception.Message | Should -BeLike "2 leads have email 'l1@example.com', so which one is meant is unclear; name it by -Id (the contact id), e.g. *"
        # Created in the same second: Intercom orders ties as it will, so the list is compared as a set.
        (Get-IntercomLead).Email | Sort-Object | Should -Be 'l1@example.com', 'l1@example.com', 'l2@example.com'
        New-IntercomUser -UserId 'not-a-lead' -Email 'user@example.com' | Get-IntercomLead -ErrorAction SilentlyContinue -ErrorVariable notLead
        $notLead[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
    }

    It 'updates a lead, and refuses a user id per input (Set-IntercomLead)' {
        Get-IntercomLead -Email 'l2@example.com' | Set-IntercomLead -Name 'Ann Lead' -CustomData @{} -PassThru | Select-Object -ExpandProperty Name | Should -BeExactly 'Ann Lead'
        Set-IntercomLead -UserId 'u-9' -Name 'x' -ErrorAction SilentlyContinue -ErrorVariable noUserId
        $noUserId[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $noUserId[0].Exception.Message | Should -BeExactly 'Leads have no user id: a contact with one is a user. To make a lead a user, merge it into one (Merge-IntercomLead).'
    }

    It 'refuses a custom attribute the workspace has not defined, saying how to define it, on create and update' {
        $expected = "Custom attribute 'lead_undefined' does not exist. REST API 2.x writes only the custom attributes the workspace has defined (v1 created them on first use): " +
            'define it with New-IntercomDataAttribute (model contact; POST /data_attributes) or in Intercom (Settings > Data > People), or leave it out of -CustomData.*'
        New-IntercomLead -Email 'l3@example.com' -CustomData @{ lead_undefined = 1 } -ErrorAction SilentlyContinue -ErrorVariable created
        $created[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_not_found,*'
        $created[0].Exception.Message | Should -BeLike $expected
        Set-IntercomLead -Email 'l2@example.com' -CustomData @{ lead_undefined = 1 } -ErrorAction SilentlyContinue -ErrorVariable updated
        $updated[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_not_found,*'
        $updated[0].Exception.Message | Should -BeLike $expected
    }

    It 'converts a lead into a user by merging it (Merge-IntercomLead)' {
        $lead = Get-IntercomLead -Email 'l2@example.com'
        Add-IntercomNote -Id $lead.Id -Body 'Asked about pricing' | Out-Null
        $user = New-IntercomUser -UserId 'signed-up' -Email 'new@example.com'
        $merged = $lead | Merge-IntercomLead -IntoUserId 'signed-up' -Confirm:$false
        $merged.Id | Should -BeExactly $user.Id
        $merged.Role | Should -BeExactly 'user'
        $merged.Name | Should -BeExactly 'Ann Lead'
        (Get-RawContact $user.Id).notes.total_count | Should -Be 1
        $gone = try { $null = Get-RawContact $lead.Id; 'found' } catch { $_.ErrorDetails.Message }
        $gone | Should -BeLike '*User Not Found*'
    }
}

Describe 'Leads with typed attribute columns on V2' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
    }

    It 'types a CSV''s attribute columns as the attributes are defined (-CustomAttributeColumns), a wrong-typed row sending nothing' {
        $null = New-IntercomDataAttribute -Name lead_seats -DataType integer
        $rows = @(
            [pscustomobject]@{ email = 'typed@example.com'; lead_seats = '12' }
            [pscustomobject]@{ email = 'wrong@example.com'; lead_seats = 'lots' }
        )
        $err = $null
        $created = @($rows | New-IntercomLead -CustomAttributeColumns -ErrorVariable err -ErrorAction SilentlyContinue)
        $created | Should -HaveCount 1
        (Get-RawContact $created[0].Id).custom_attributes.lead_seats | Should -Be 12
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument*'
        $err[0].TargetObject.email | Should -BeExactly 'wrong@example.com'
        @(Get-IntercomLead -Email 'wrong@example.com' -ErrorAction SilentlyContinue) | Should -HaveCount 0
        $updated = [pscustomobject]@{ Id = $created[0].Id; lead_seats = '13' } | Set-IntercomLead -CustomAttributeColumns -PassThru
        (Get-RawContact $created[0].Id).custom_attributes.lead_seats | Should -Be 13
    }
}
