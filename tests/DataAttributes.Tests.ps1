# Data attributes on REST API 2.14: listing, defining and changing them, their types enforced on every contact write,
# and -CustomAttributeColumns, which binds a CSV's flat columns to custom attributes by name and declared type (the
# README's CSV-sync recipe). v1's refusals are tests/Capabilities.Tests.ps1's. Effects are read back over raw HTTP.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Invoke-RawV2([string] $Path, [string] $Method = 'GET', $Body) {
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14' }
        $request = @{ Uri = [uri]::new($IntercomTestV2Uri, $Path); Headers = $headers; Method = $Method }
        if ($Body) { $request.Body = $Body | ConvertTo-Json -Depth 5; $request.ContentType = 'application/json' }
        Invoke-RestMethod @request
    }

    function Get-RawAttribute([string] $Name) {
        # The custom one: a standard attribute of the other model may share its name (company's plan).
        (Invoke-RawV2 'data_attributes?include_archived=true').data | Where-Object { $_.name -ceq $Name -and $_.custom }
    }

    function Get-RawContact([string] $ExternalId) { Invoke-RawV2 "contacts/find_by_external_id/$ExternalId" }
}

AfterAll {
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'Data attributes on REST API 2.14' {
    BeforeEach {
        Reset-TestApp
        Connect-TestIntercomV2
    }

    It 'defines attributes of each type, a list one and a company one, read back raw' {
        New-IntercomDataAttribute -Name seats -DataType integer -Description 'Paid seats' | Select-Object -ExpandProperty Id | Should -BeGreaterThan 0
        $null = New-IntercomDataAttribute -Name plan -Options free, pro, team
        $null = 'mrr', 'paid', 'renewal' | ForEach-Object -Begin { $types = @{ mrr = 'float'; paid = 'boolean'; renewal = 'date' } } -Process {
            New-IntercomDataAttribute -Name $_ -DataType $types[$_] }
        $null = New-IntercomDataAttribute -Name tier -DataType string -Model company

        (Get-RawAttribute seats).data_type | Should -Be 'integer'
        (Get-RawAttribute seats).description | Should -Be 'Paid seats'
        (Get-RawAttribute plan).options | Should -Be 'free', 'pro', 'team'
        (Get-RawAttribute renewal).data_type | Should -Be 'date'
        (Get-RawAttribute tier).model | Should -Be 'company'
    }

    It 'binds definitions from a CSV by property name' {
        $csv = Join-Path $TestDrive 'attributes.csv'
        'name,data_type,description', 'mrr,float,Monthly revenue', 'renewal_date,date,' | Set-Content $csv
        $defined = Import-Csv $csv | New-IntercomDataAttribute
        $defined.Name | Should -Be 'mrr', 'renewal_date'
        $defined.DataType | Should -Be 'float', 'date'
        (Get-RawAttribute mrr).description | Should -Be 'Monthly revenue'
    }

    It 'takes -Model and -DataType in any case, as their sets do, and sends the API''s own spelling' {
        $csv = Join-Path $TestDrive 'typed.csv'
        'name,data_type,model', 'Seats,Integer,Contact', 'Region,STRING,Company' | Set-Content $csv
        $defined = Import-Csv $csv | New-IntercomDataAttribute
        $defined.DataType | Should -BeExactly 'integer', 'string'
        $defined.Model | Should -BeExactly 'contact', 'company'
        (New-IntercomDataAttribute -Name Tier -DataType String -Options gold, silver).Options | Should -Be 'gold', 'silver'
        (Get-IntercomDataAttribute -Model Company -Custom).Name | Should -BeExactly 'Region'
    }

    It 'refuses a name that exists, in either model, and a list of one option, naming each' {
        $null = New-IntercomDataAttribute -Name tier -Model company
        New-IntercomDataAttribute -Name tier -ErrorAction SilentlyContinue -ErrorVariable taken
        New-IntercomDataAttribute -Name size -Options only -ErrorAction SilentlyContinue -ErrorVariable few
        $taken[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_invalid,*'
        $taken[0].Exception.Message | Should -BeLike "You already have 'tier' in your company data*"
        $taken[0].TargetObject | Should -Be 'tier'
        $few[0].Exception.Message | Should -BeLike 'A list attribute needs at least two -Options*'
        Get-TestRequestCount 'POST /data_attributes' | Should -Be 2
    }

    It 'lists standard and custom attributes of both models, custom only, by name with wildcards, in one request' {
        $null = New-IntercomDataAttribute -Name seats -DataType integer
        $null = New-IntercomDataAttribute -Name seats_max -DataType integer
        $null = New-IntercomDataAttribute -Name tier -Model company
        $before = Get-TestRequestCount 'GET /data_attributes'
        (Get-IntercomDataAttribute).Name | Should -Contain 'email'
        (Get-IntercomDataAttribute -Model company).Name | Should -Contain 'monthly_spend'
        (Get-IntercomDataAttribute -Custom).Name | Should -Be 'seats', 'seats_max', 'tier'
        (Get-IntercomDataAttribute -Model contact -Custom).Name | Should -Be 'seats', 'seats_max'
        $found = Get-IntercomDataAttribute 'seats*', 'nope', 'signed_up_at' -ErrorAction SilentlyContinue -ErrorVariable missing
        $found.Name | Should -Be 'seats', 'seats_max', 'signed_up_at'
        $found[0].FullName | Should -Be 'custom_attributes.seats'
        $found[2].Custom | Should -BeFalse
        $missing.TargetObject | Should -Be 'nope'
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        (Get-TestRequestCount 'GET /data_attributes') - $before | Should -Be 5
    }

    It 'checks a CSV''s piped column names with one listing, the unknown ones each its own error (the help''s example)' {
        $null = New-IntercomDataAttribute -Name plan
        $before = Get-TestRequestCount 'GET /data_attributes'
        $found = 'email', 'plan', 'mrr' | Get-IntercomDataAttribute -Model contact -ErrorAction SilentlyContinue -ErrorVariable unknown
        $found.Name | Should -Be 'email', 'plan'
        $unknown.TargetObject | Should -Be 'mrr'
        (Get-TestRequestCount 'GET /data_attributes') - $before | Should -Be 1
    }

    It 'changes a description and options by name, and archives piped attributes, read back raw' {
        $null = New-IntercomDataAttribute -Name plan -Options free, pro
        $null = New-IntercomDataAttribute -Name legacy_score -DataType integer
        $null = New-IntercomDataAttribute -Name legacy_region
        $changed = Set-IntercomDataAttribute -Name plan -Description 'Billing plan' -Options free, pro, team -PassThru
        $changed.Options | Should -Be 'free', 'pro', 'team'
        (Get-RawAttribute plan).description | Should -Be 'Billing plan'

        Get-IntercomDataAttribute -Name legacy_* | Set-IntercomDataAttribute -Archived $true
        (Get-RawAttribute legacy_score).archived | Should -BeTrue
        (Get-RawAttribute legacy_region).archived | Should -BeTrue
        (Get-IntercomDataAttribute -Custom).Name | Should -Be 'plan'
        (Get-IntercomDataAttribute -Custom -IncludeArchived).Name | Should -Be 'plan', 'legacy_score', 'legacy_region'

        Set-IntercomDataAttribute -Name legacy_score -Archived 'no'
        (Get-RawAttribute legacy_score).archived | Should -BeFalse
    }

    It 'refuses a standard attribute, a name nothing has and a change of nothing, each before a write' {
        Set-IntercomDataAttribute -Name email -Description x -ErrorAction SilentlyContinue -ErrorVariable standard
        Set-IntercomDataAttribute -Name nope -Description x -ErrorAction SilentlyContinue -ErrorVariable missing
        Set-IntercomDataAttribute -Name plan -ErrorAction SilentlyContinue -ErrorVariable nothing
        $standard[0].Exception.Message | Should -BeLike "'email' is a standard attribute*"
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $nothing[0].Exception.Message | Should -BeLike 'Nothing to change*'
        Get-TestRequestCount 'PUT /data_attributes/{data_attribute_id}' | Should -Be 0
    }

    It 'shows the API''s refusal to archive an attribute a contact holds a value in' {
        $null = New-IntercomDataAttribute -Name seats -DataType integer
        $null = New-IntercomUser -UserId 'holder' -Email 'holder@example.com' -CustomData @{ seats = 3 }
        Set-IntercomDataAttribute -Name seats -Archived $true -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.data_invalid,*'
        $refused[0].Exception.Message | Should -BeLike '*has a dependant object*'
    }

    It 'is refused by the workspace when a write gives an attribute a value of another type (seats = notanumber)' {
        $null = New-IntercomDataAttribute -Name seats -DataType integer
        $null = New-IntercomUser -UserId 'typed' -Email 'typed@example.com' -CustomData @{ seats = 3 }
        Set-IntercomUser -UserId 'typed' -CustomData @{ seats = 'notanumber' } -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.parameter_invalid,*'
        $refused[0].Exception.Message | Should -BeLike '*custom_attributes.seats must be an integer*'
        (Get-RawContact 'typed').custom_attributes.seats | Should -Be 3
    }
}

Describe '-CustomAttributeColumns on REST API 2.14' {
    BeforeEach {
        Reset-TestApp
        Connect-TestIntercomV2
        $null = New-IntercomDataAttribute -Name plan -Options free, pro, team
        $null = New-IntercomDataAttribute -Name seats -DataType integer
        $null = New-IntercomDataAttribute -Name mrr -DataType float
        $null = New-IntercomDataAttribute -Name paid -DataType boolean
        $null = New-IntercomDataAttribute -Name renewal -DataType date
        $csv = Join-Path $TestDrive 'users.csv'
        @(
            'user_id,email,name,plan,seats,mrr,paid,renewal,notes'
            'ann,ann@example.com,Ann,pro,40,99.5,yes,2027-01-31,likes tea'
            'ben,ben@example.com,Ben,free,lots,0,no,2027-02-01,'
            'cy,cy@example.com,Cy,team,3,,1,,'
        ) | Set-Content $csv
    }

    It 'sends each column named as a custom attribute as its declared type, a blank cell not at all (the README''s CSV-sync recipe)' {
        $null = Import-Csv $csv | New-IntercomUser -ErrorAction SilentlyContinue
        $before = Get-TestRequestCount 'GET /data_attributes'

        # The recipe, as the README writes it.
        Import-Csv $csv | Set-IntercomUser -CustomAttributeColumns -ThrottleLimit 8 -ErrorAction SilentlyContinue -ErrorVariable failed

        $ann = (Get-RawContact 'ann').custom_attributes
        $ann.plan | Should -BeExactly 'pro'
        $ann.seats -is [string] | Should -BeFalse -Because 'seats is an integer attribute'
        $ann.seats | Should -Be 40
        $ann.mrr | Should -Be 99.5
        $ann.paid | Should -BeTrue
        $ann.renewal | Should -Be ([DateTimeOffset]::new(2027, 1, 31, 0, 0, 0, [TimeSpan]::Zero).ToUnixTimeSeconds())
        $ann.PSObject.Properties.Name | Should -Not -Contain 'notes'
        $cy = (Get-RawContact 'cy').custom_attributes
        $cy.paid | Should -BeTrue
        $cy.PSObject.Properties.Name | Should -Not -Contain 'mrr'
        (Get-TestRequestCount 'GET /data_attributes') - $before | Should -Be 1
    }

    It 'makes a value of the wrong type that row''s error, before anything of it is sent, and goes on with the rest' {
        $null = Import-Csv $csv | New-IntercomUser -ErrorAction SilentlyContinue
        $puts = Get-TestRequestCount 'PUT /contacts/{contact_id}'

        Import-Csv $csv | Set-IntercomUser -CustomAttributeColumns -ErrorAction SilentlyContinue -ErrorVariable failed

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $failed[0].TargetObject.email | Should -Be 'ben@example.com'
        $failed[0].Exception.Message | Should -BeExactly "Column 'seats' is the custom attribute seats, an integer, and 'lots' is not one, so nothing of this row was sent."
        (Get-TestRequestCount 'PUT /contacts/{contact_id}') - $puts | Should -Be 2
        (Get-RawContact 'ben').custom_attributes.PSObject.Properties.Name | Should -Not -Contain 'plan'
    }

    It 'creates users with typed attributes from objects too, and -CustomData keeps its own keys' {
        $user = [pscustomobject]@{ email = 'dee@example.com'; user_id = 'dee'; seats = '7'; plan = 'pro' } |
            New-IntercomUser -CustomAttributeColumns -CustomData @{ plan = 'team' }
        $user.CustomData['seats'] | Should -BeOfType ([long])
        $user.CustomData['seats'] | Should -Be 7
        (Get-RawContact 'dee').custom_attributes.seats -is [string] | Should -BeFalse
        (Get-RawContact 'dee').custom_attributes.plan | Should -Be 'team'
    }
}
