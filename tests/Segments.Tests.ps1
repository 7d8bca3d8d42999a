# Segments on REST API 2.14 (v1 refuses them: Capabilities.Tests): listed, with counts when asked, read by id, and
# their users listed. The emulator's segments are seeded through its /admin as lists of contacts.

BeforeAll { . $PSScriptRoot/TestSetup.ps1 }

AfterAll { Disconnect-Intercom }

Describe 'Segments on V2' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        $script:users = 1..160 | ForEach-Object { [pscustomobject]@{ user_id = "sg$_"; email = "sg$_@example.com" } } | New-IntercomUser -ThrottleLimit 8
        $script:active = $IntercomTestAdmin.AddSegmentAsync($IntercomTestAppId, 'Active', [string[]] ($users | Select-Object -First 155 | ForEach-Object Id), 'user').GetAwaiter().GetResult()
        $script:lead = New-IntercomLead -Email 'visitor@example.com'
        $script:leads = $IntercomTestAdmin.AddSegmentAsync($IntercomTestAppId, 'New leads', [string[]] @($lead.Id), 'contact').GetAwaiter().GetResult()
    }

    It 'lists the segments, with their counts only when asked' {
        $plain = Get-IntercomSegment
        $plain.Name | Should -Be 'Active', 'New leads'
        $plain.PersonType | Should -Be 'user', 'contact'
        $plain | ForEach-Object { $null -eq $_.Count } | Should -Be $true, $true
        Get-IntercomSegment -IncludeCount | ForEach-Object { $_.Count } | Should -Be 155, 1
    }

    It 'gets a segment by id, from the pipeline too, and names a missing one' {
        (Get-IntercomSegment -SegmentId $active).Count | Should -Be 155
        ([pscustomobject]@{ segment_id = $leads } | Get-IntercomSegment).Name | Should -BeExactly 'New leads'
        Get-IntercomSegment -SegmentId 'ffffffffffffffffffffffff' -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $missing[0].TargetObject | Should -BeExactly 'ffffffffffffffffffffffff'
    }

    It 'lists a segment''s users across pages, each once, oldest first' {
        $members = Get-IntercomSegment | Where-Object Name -eq 'Active' | Get-IntercomSegmentUser
        # Created 8 at a time, so in no fixed order: the members are the seeded ones, each once.
        $members.UserId | Sort-Object | Should -Be ($users | Select-Object -First 155 | ForEach-Object UserId | Sort-Object)
        $members.CreatedAt | Should -Be ($members.CreatedAt | Sort-Object)
        Get-TestRequestCount 'POST /contacts/search' | Should -BeGreaterOrEqual 2
        (Get-IntercomSegmentUser -SegmentId $leads).Role | Should -Be 'lead'
    }

    It 'names a segment that does not exist as not_found, and lists an empty one without an error' {
        Get-IntercomSegmentUser -SegmentId 'ffffffffffffffffffffffff' -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].TargetObject | Should -BeExactly 'ffffffffffffffffffffffff'
        $empty = $IntercomTestAdmin.AddSegmentAsync($IntercomTestAppId, 'Nobody yet', [string[]] @(), 'user').GetAwaiter().GetResult()
        Get-IntercomSegmentUser -SegmentId $empty -ErrorAction SilentlyContinue -ErrorVariable none | Should -BeNullOrEmpty
        $none | Should -BeNullOrEmpty
    }

    It 'refuses a piped segment as a user, saying how to reach its users, and sends nothing' {
        $segment = Get-IntercomSegment -SegmentId $active
        $before = Get-TestRequestCount
        $segment | Set-IntercomTag -Name 'active' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'Intercom.invalid_argument,IntercomPS.Cmdlets.SetIntercomTagCommand'
        $failed[0].Exception.Message | Should -Be "Segment 'Active' is not a user: to act on its users, pipe Get-IntercomSegmentUser -SegmentId '$active'."
        Get-TestRequestCount | Should -Be $before
    }
}
