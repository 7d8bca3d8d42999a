# The tag cmdlets on v1 (colours, counts, batches, -WhatIf). What TagsNotesOnBothApis.Tests.ps1 proves on both APIs,
# v1 included, is not repeated here.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Connect-TestIntercom
}

AfterAll {
    Clear-TestFaults
    Disconnect-Intercom
}

Describe 'Get-IntercomTag' {
    BeforeAll {
        Reset-TestApp
        Add-TestUsers -Count 42 -Prefix 'trial' -Tag 'trial'
        $null = New-IntercomTag -Name 'vip' -Color 'gold' -Email 'trial1@example.com', 'trial2@example.com'
    }

    It 'gets a tag with its id, colour and user count (Example 1)' {
        $tag = Get-IntercomTag -Name 'trial'
        $tag | Should -BeOfType ([IntercomPS.Tag])
        $tag.Name | Should -BeExactly 'trial'
        $tag.Id | Should -BeOfType ([string])
        $tag.Id | Should -Match '^[0-9a-f]{24}$'
        $tag.TaggedUserCount | Should -Be 42
        $tag.Segment | Should -BeFalse
        $tag.Color | Should -Not -BeNullOrEmpty
    }

    It 'gets several tags from the pipeline (Example 2)' {
        $lines = 'trial', 'vip' | Get-IntercomTag | ForEach-Object { '{0}: {1} users' -f $_.Name, $_.TaggedUserCount }
        $lines | Should -Be 'trial: 42 users', 'vip: 2 users'
    }

    It 'takes the name positionally and by property name' {
        (Get-IntercomTag 'vip').Color | Should -Be 'gold'
        ([pscustomobject]@{ Name = 'vip' } | Get-IntercomTag).TaggedUserCount | Should -Be 2
    }
}

Describe 'New-IntercomTag' {
    BeforeAll {
        Reset-TestApp
        New-IntercomUser -UserId '7902' -Email 'ben@intercom.io' -Name 'Ben McRedmond'
        New-IntercomUser -UserId '1001' -Email 'ann@example.com' -Name 'Ann Archer'
        New-IntercomUser -UserId '1003' -Email 'carl@example.com' -Name 'Carl Cooper'
    }

    It 'creates a tag and tags two users (Example 1)' {
        $tag = New-IntercomTag -Name 'vip' -Color 'gold' -Email 'ben@intercom.io', 'ann@example.com'
        $tag.Name | Should -Be 'vip'
        $tag.Color | Should -Be 'gold'
        $tag.TaggedUserCount | Should -Be 2
        (Get-IntercomUser -Tag 'vip').Email | Should -Be 'ben@intercom.io', 'ann@example.com'
    }

    It 'creates tags from CSV-shaped rows with name and color columns (Example 2)' {
        $rows = @(
            [pscustomobject]@{ name = 'beta'; color = 'blue' }
            [pscustomobject]@{ name = 'churned'; color = 'red' }
        )
        $tags = $rows | New-IntercomTag
        $tags.Name | Should -Be 'beta', 'churned'
        $tags.Color | Should -Be 'blue', 'red'
        $tags.TaggedUserCount | Should -Be 0, 0
        (Get-IntercomTag -Name 'churned').Color | Should -Be 'red'
    }

    It 'updates the tag of the same name instead of making a second one' {
        $before = Get-IntercomTag -Name 'beta'
        $after = New-IntercomTag -Name 'beta' -Color 'teal'
        $after.Id | Should -Be $before.Id
        $after.Color | Should -Be 'teal'
    }

    It 'counts only the users that exist' {
        (New-IntercomTag -Name 'mixed' -Email 'ann@example.com', 'ghost@example.com').TaggedUserCount | Should -Be 1
    }

    It 'tab-completes the six colours' {
        $line = 'Set-IntercomTag -Name x -Color '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be 'blue', 'gold', 'green', 'purple', 'red', 'teal'
    }

    It 'refuses a colour outside the six Intercom has' {
        { New-IntercomTag -Name 'pink' -Color 'pink' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'creates nothing with -WhatIf' {
        (Invoke-TestPwsh "New-IntercomTag -Name 'whatif' -Email 'ann@example.com' -WhatIf").Lines |
            Should -Be 'What if: Performing the operation "Create Intercom tag" on target "whatif".'
        { Get-IntercomTag -Name 'whatif' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }
}

Describe 'Set-IntercomTag' {
    BeforeEach {
        Reset-TestApp
        Add-TestUsers -Count 42 -Prefix 'trial' -Tag 'trial'
        Add-TestUsers -Count 2 -Prefix 'paid'
        $null = New-IntercomTag -Name 'vip' -Color 'gold' -Email 'paid1@example.com', 'paid2@example.com'
    }

    It 'tags every trial user as vip in one request and returns the tag (Example 1)' {
        $trial = Get-IntercomUser -Tag 'trial'
        $before = Get-TestRequestCount
        $tag = $trial | Set-IntercomTag -Name 'vip' -PassThru
        (Get-TestRequestCount) - $before | Should -Be 1
        $tag.Name | Should -Be 'vip'
        $tag.Color | Should -Be 'gold'
        $tag.TaggedUserCount | Should -Be 44
        Get-IntercomUser -Tag 'vip' | Should -HaveCount 44
    }

    It 'writes nothing to the pipeline without -PassThru' {
        'trial1@example.com' | Set-IntercomTag -Name 'vip' | Should -BeNullOrEmpty
        (Get-IntercomTag -Name 'vip').TaggedUserCount | Should -Be 3
    }

    It 'untags CSV rows in batches: 42 rows with -BatchSize 20 take 3 requests (Example 2)' {
        $rows = 1..42 | ForEach-Object { [pscustomobject]@{ email = "trial$_@example.com"; user_id = "trial$_" } }
        $before = Get-TestRequestCount
        $rows | Set-IntercomTag -Name 'trial' -Untag -BatchSize 20
        (Get-TestRequestCount) - $before | Should -Be 3
        (Get-IntercomTag -Name 'trial').TaggedUserCount | Should -Be 0
        Get-IntercomUser -Tag 'trial' | Should -BeNullOrEmpty
    }

    It 'changes only the colour when no user is given, in one request (Example 3)' {
        $before = Get-TestRequestCount
        Set-IntercomTag -Name 'vip' -Color 'purple' | Should -BeNullOrEmpty
        (Get-TestRequestCount) - $before | Should -Be 1
        $tag = Get-IntercomTag -Name 'vip'
        $tag.Color | Should -Be 'purple'
        $tag.TaggedUserCount | Should -Be 2
    }

    It 'sends nothing and tags no one with -WhatIf' {
        $before = Get-TestRequestCount 'POST /v1/tags'
        $run = Invoke-TestPwsh "Get-IntercomUser -Tag 'trial' -First 2 | Set-IntercomTag -Name 'vip' -WhatIf -PassThru; Set-IntercomTag -Name 'vip' -Color 'red' -WhatIf"
        $run.Lines | Should -Contain 'What if: Performing the operation "Tag with ''vip''" on target "trial1@example.com (trial1)".'
        $run.Lines | Should -Contain 'What if: Performing the operation "Tag with ''vip''" on target "trial2@example.com (trial2)".'
        $run.Lines | Should -Contain 'What if: Performing the operation "Set the colour of tag to red" on target "vip".'
        $run.Lines | Where-Object { $_ -notlike 'What if: *' } | Should -BeNullOrEmpty
        Get-TestRequestCount 'POST /v1/tags' | Should -Be $before
        $tag = Get-IntercomTag -Name 'vip'
        $tag.TaggedUserCount | Should -Be 2
        $tag.Color | Should -Be 'gold'
    }

    It 'refuses to untag with a tag that does not exist, reporting each user' {
        'trial1@example.com', 'trial2@example.com' |
            Set-IntercomTag -Name 'never-made' -Untag -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 2
        $failed[0].FullyQualifiedErrorId | Should -Match '^Intercom\.bad_request'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        ($failed | ForEach-Object { $_.TargetObject }) | Should -Be 'trial1@example.com', 'trial2@example.com'
        { Get-IntercomTag -Name 'never-made' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'refuses a piped input that names no user, and still tags the others' {
        $inputs = @([pscustomobject]@{ name = 'no id' }, 'trial1@example.com')
        $tag = $inputs | Set-IntercomTag -Name 'vip' -PassThru -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^Intercom\.invalid_argument'
        $failed[0].TargetObject.name | Should -Be 'no id'
        $tag.TaggedUserCount | Should -Be 3
    }
}

Describe 'Set-IntercomTag with users that are all refused or declined' {
    BeforeAll { Reset-TestApp }

    It 'creates no tag when every piped row is refused (two blank CSV rows)' {
        $rows = 'email,user_id,name', ',,Ann', ',,Ben' | ConvertFrom-Csv
        $rows | Set-IntercomTag -Name 'ghost-tag' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 2
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument*'
        Get-TestRequestCount 'POST /v1/tags' | Should -Be 0
        { Get-IntercomTag -Name 'ghost-tag' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'says only what it would tag with -WhatIf (declined, like No at -Confirm), never "Save Intercom tag"' {
        $run = Invoke-TestPwsh "'ann@example.com', 'ben@example.com' | Set-IntercomTag -Name 'ghost-tag' -WhatIf"
        $run.ExitCode | Should -Be 0
        @($run.Lines | Where-Object { $_ -like 'What if:*' }) | Should -HaveCount 2
        $run.Text | Should -Not -BeLike '*Save Intercom tag*'
        { Get-IntercomTag -Name 'ghost-tag' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }
}

Describe 'Set-IntercomTag when a batch fails' {
    BeforeAll {
        Reset-TestApp
        Add-TestUsers -Count 3 -Prefix 'trial' -Tag 'trial'
        $null = New-IntercomTag -Name 'vip'
        Set-TestFaults @{ failure_rate = 1; failure_status = 400 }
    }
    AfterAll { Clear-TestFaults }

    It 'gives every user of the failed batch its own error' {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ email = "trial$_@example.com" } }
        $rows | Set-IntercomTag -Name 'vip' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 3
        ($failed | ForEach-Object { $_.TargetObject.email }) | Should -Be 'trial1@example.com', 'trial2@example.com', 'trial3@example.com'
        ($failed | Where-Object { $_.CategoryInfo.Category -eq 'InvalidArgument' }) | Should -HaveCount 3
        Clear-TestFaults
        (Get-IntercomTag -Name 'vip').TaggedUserCount | Should -Be 0
    }
}
