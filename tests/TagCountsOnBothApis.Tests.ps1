# Users per tag counted on both APIs (TaggedUserCount, and `Get-IntercomUser -Tag X -IncludeTotalCount -First 0`), the
# tags on 2.14 user objects with their names, and Remove-IntercomTag (2.14; v1's refusal is Capabilities.Tests.ps1's).

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Invoke-RawV2([string] $Path) {
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14' }
        Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, $Path)) -Headers $headers
    }
}

AfterAll {
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'Users per tag on <Api>' -ForEach @(@{ Api = 'V1' }, @{ Api = 'V2' }) {
    BeforeEach {
        Reset-TestApp
        Add-TestUsers -Count 42 -Prefix 'trial' -Tag 'trial'
        Add-TestUsers -Count 3 -Prefix 'vip' -Tag 'vip'
        Connect-TestApi $Api
    }

    It 'says how many users carry each tag, by name and in a listing' {
        $tags = Get-IntercomTag -Name 'trial', 'vip'
        $tags.Name | Should -Be 'trial', 'vip'
        $tags.TaggedUserCount | Should -Be 42, 3
        if ($Api -eq 'V2') { (Get-IntercomTag | Sort-Object Name).TaggedUserCount | Should -Be 42, 3 }
    }

    It 'finds a tag made upstream in the same pipeline (each piped name is looked up on its own)' {
        ('fresh-1', 'fresh-2' | New-IntercomTag | Get-IntercomTag).Name | Should -Be 'fresh-1', 'fresh-2'
    }

    It 'counts the users of a tag without reading them (the documented -IncludeTotalCount -First 0)' {
        $result = @(Get-IntercomUser -Tag 'trial' -IncludeTotalCount -First 0)
        $result | Should -HaveCount 1
        [long] $result[0] | Should -Be 42
        $result[0] | Should -Not -BeOfType ([IntercomPS.User])
        @(Get-IntercomUser -IncludeTotalCount -First 0)[0] | Should -Be 45
    }
}

Describe 'Tags on users on REST API 2.14' {
    BeforeEach {
        Reset-TestApp
        Add-TestUsers -Count 5 -Prefix 'trial' -Tag 'trial'
        Connect-TestIntercomV2
    }

    It 'names every user''s tags from one tag listing per command' {
        'trial1@example.com', 'trial2@example.com' | Set-IntercomTag -Name 'vip'
        $before = Get-TestRequestCount 'GET /tags'
        $users = Get-IntercomUser
        (Get-TestRequestCount 'GET /tags') - $before | Should -Be 1
        $users[0].Tags.Names | Sort-Object | Should -Be 'trial', 'vip'
        $users[0].Tags[0].Id | Should -Match '^[0-9]+$'
        $users[4].Tags.Names | Should -Be 'trial'
        "$($users[4].Tags)" | Should -Be 'trial'
    }

    It 'reads the tags past the ten a contact lists from the contact''s own tag list' {
        $names = 1..12 | ForEach-Object { "t$_" }
        foreach ($name in $names) { 'trial1@example.com' | Set-IntercomTag -Name $name }
        (Invoke-RawV2 "contacts/$((Get-IntercomUser -UserId trial1).Id)").tags.has_more | Should -BeTrue
        $before = Get-TestRequestCount 'GET /contacts/{contact_id}/tags'

        $user = Get-IntercomUser -UserId 'trial1'

        $user.Tags | Should -HaveCount 13
        $user.Tags.Names | Sort-Object | Should -Be (@($names) + 'trial' | Sort-Object)
        (Get-TestRequestCount 'GET /contacts/{contact_id}/tags') - $before | Should -Be 1
    }

    It 'keeps the tags'' names in an export' {
        $path = Join-Path $TestDrive 'users.csv'
        Get-IntercomUser -UserId 'trial3' | Export-Csv $path
        (Import-Csv $path).Tags | Should -Be 'trial'
    }

    It 'leaves Tags null on v1, whose users do not list their tags' {
        Connect-TestIntercom
        (Get-IntercomUser -UserId 'trial1').Tags | Should -BeNullOrEmpty
    }
}

Describe 'Remove-IntercomTag on REST API 2.14' {
    BeforeEach {
        Reset-TestApp
        Add-TestUsers -Count 3 -Prefix 'trial' -Tag 'trial'
        Add-TestUsers -Count 2 -Prefix 'old' -Tag 'import-2023'
        Connect-TestIntercomV2
    }

    It 'deletes tags by name, untagging their users, read back raw; an unknown name is its own error' {
        $removed = 'import-2023', 'nope' | Remove-IntercomTag -Force -PassThru -ErrorAction SilentlyContinue -ErrorVariable failed
        $removed.Name | Should -Be 'import-2023'
        $failed.TargetObject | Should -Be 'nope'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        (Invoke-RawV2 'tags').data.name | Should -Be 'trial'
        (Invoke-RawV2 'contacts/find_by_external_id/old1').tags.total_count | Should -Be 0
    }

    It 'finds the names given together with one listing' {
        $before = Get-TestRequestCount 'GET /tags'
        Remove-IntercomTag -Name 'import-2023', 'trial' -Force
        (Get-TestRequestCount 'GET /tags') - $before | Should -Be 1
        @((Invoke-RawV2 'tags').data) | Should -HaveCount 0
    }

    It 'removes a tag named twice (given or piped) once, with no error for the repeat' {
        Remove-IntercomTag -Name 'trial', 'trial' -Force -PassThru -ErrorVariable failed | Select-Object -ExpandProperty Name | Should -Be 'trial'
        'import-2023', 'import-2023' | Remove-IntercomTag -Force -ErrorVariable +failed
        $failed | Should -BeNullOrEmpty
        Get-TestRequestCount 'DELETE /tags/{tag_id}' | Should -Be 2
        @((Invoke-RawV2 'tags').data) | Should -HaveCount 0
    }

    It 'previews under -WhatIf and deletes nothing' {
        $run = Invoke-TestPwsh -Api V2 -Script "Remove-IntercomTag -Name 'import-2023' -WhatIf"
        $run.ExitCode | Should -Be 0
        $run.Text | Should -BeLike '*What if: Performing the operation "Remove Intercom tag from every user and delete it" on target "tag import-2023"*'
        (Invoke-RawV2 'tags').data.name | Should -Contain 'import-2023'
        Get-TestRequestCount 'DELETE /tags/{tag_id}' | Should -Be 0
    }
}
