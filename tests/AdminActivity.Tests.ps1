# The admin activity log on REST API 2.x: Get-IntercomAdminActivity reading what a pipeline of away changes logged,
# windows (inclusive -Since, exclusive -Until, the 30-day default), filters by type and by piped admins, pages past
# one, -First stopping the reading, bad windows and piped objects refused before any request, and v1.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Add-TestAdmin([string] $Name, [string] $Email) {
        $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, $Name, $Email, $false).GetAwaiter().GetResult()
    }

    function Add-TestActivity([string] $Type, [string] $AdminId, [datetime] $At, [hashtable] $Metadata) {
        $seconds = [DateTimeOffset]::new($At.ToUniversalTime()).ToUnixTimeSeconds()
        $null = $IntercomTestAdmin.AddActivityLogAsync($IntercomTestAppId, $Type, $AdminId, $Metadata, $seconds).GetAwaiter().GetResult()
    }

    function Get-LogRequestCount { Get-TestRequestCount 'GET /admins/activity_logs' }
}

AfterAll {
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'The admin activity log on REST API 2.14' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercomV2
        $annId = Add-TestAdmin 'Ann Agent' 'ann@example.com'
        $bobId = Add-TestAdmin 'Bob Agent' 'bob@example.com'
        $t0 = [datetime]::new(2026, 1, 5, 9, 0, 0, [DateTimeKind]::Utc)
        Add-TestActivity admin_login_success $bobId $t0 @{ sign_in_method = 'email_password' }
        Add-TestActivity admin_login_failure $bobId $t0.AddMinutes(1) @{ sign_in_method = 'google_sso' }
        Add-TestActivity admin_logout $bobId $t0.AddMinutes(2) @{}
        Add-TestActivity admin_login_success $annId $t0.AddMinutes(3) @{ sign_in_method = 'email_password' }
    }

    It 'reads the away changes a pipeline made, newest first, each about its admin and with its reason' {
        Get-IntercomAdmin -Email ann@example.com | Set-IntercomAdmin -Away -Reason 'On holiday'
        Set-IntercomAdmin -AdminId $annId -Back

        $log = @(Get-IntercomAdminActivity -ActivityType admin_away_mode_change)
        $log | Should -HaveCount 2
        $log | ForEach-Object { $_ | Should -BeOfType IntercomPS.AdminActivity; $_.AdminId | Should -Be $annId; $_.AdminEmail | Should -Be 'ann@example.com' }
        $log[0].Metadata.away_mode | Should -BeFalse
        $log[0].Description | Should -BeLike '* set Ann Agent back from away.'
        $log[1].Metadata.away_mode | Should -BeTrue
        $log[1].Metadata.away_status_reason | Should -Be '🌴 On holiday'
        $log[1].Metadata.update_by | Should -Be ([long] (Get-IntercomSession).AdminId)
        $log[1].Description | Should -BeLike '* set Ann Agent away (On holiday).'
        $log[1].CreatedAt.Kind | Should -Be Utc
        $log[1].CreatedAt | Should -BeGreaterThan ([datetime]::UtcNow.AddMinutes(-5))
        ($log[0] | Format-Table | Out-String) | Should -Match 'CreatedAt\s+ActivityType\s+AdminEmail\s+Description'
    }

    It 'reads -Since inclusive and -Until exclusive, so consecutive windows read each activity once' {
        $window = @(Get-IntercomAdminActivity -Since $t0 -Until $t0.AddMinutes(2))
        $window.ActivityType | Should -Be @('admin_login_failure', 'admin_login_success')
        $window.CreatedAt | Should -Be @($t0.AddMinutes(1), $t0)

        $first = @(Get-IntercomAdminActivity -Since $t0 -Until $t0.AddMinutes(2))
        $second = @(Get-IntercomAdminActivity -Since $t0.AddMinutes(2) -Until $t0.AddHours(1))
        @($first + $second).Id | Sort-Object -Unique | Should -HaveCount 4
        $first.Count + $second.Count | Should -Be 4
    }

    It 'keeps the types -ActivityType matches and the admins piped in, reading the window once' {
        $before = Get-LogRequestCount
        $bobs = @(Get-IntercomAdmin -Email bob@example.com | Get-IntercomAdminActivity admin_LOGIN_* -Since $t0 -Until $t0.AddHours(1))
        $bobs.ActivityType | Should -Be @('admin_login_failure', 'admin_login_success')
        $bobs.Metadata.sign_in_method | Should -Be @('google_sso', 'email_password')
        (Get-LogRequestCount) - $before | Should -Be 1

        @(Get-IntercomAdminActivity -AdminId $annId, $bobId -Since $t0 -Until $t0.AddHours(1)) | Should -HaveCount 4
        @(Get-IntercomAdminActivity admin_deletion -Since $t0 -Until $t0.AddHours(1)) | Should -HaveCount 0
    }

    It 'reads the last 30 days when -Since is not given' {
        $cyId = Add-TestAdmin 'Cy Old' 'cy@example.com'
        Add-TestActivity admin_permission_change $cyId ([datetime]::UtcNow.AddDays(-31)) @{}
        Add-TestActivity admin_permission_change $cyId ([datetime]::UtcNow.AddDays(-29)) @{}
        $recent = @(Get-IntercomAdminActivity -AdminId $cyId)
        $recent | Should -HaveCount 1
        $recent[0].CreatedAt | Should -BeGreaterThan ([datetime]::UtcNow.AddDays(-30))
    }

    It 'reads every page of a long log once, and -First stops asking' {
        $dayId = Add-TestAdmin 'Dee Busy' 'dee@example.com'
        $t1 = [datetime]::new(2026, 2, 1, 0, 0, 0, [DateTimeKind]::Utc)
        0..159 | ForEach-Object { Add-TestActivity admin_two_factor_auth_change $dayId $t1.AddSeconds($_) @{} }

        $before = Get-LogRequestCount
        $all = @(Get-IntercomAdminActivity -Since $t1 -Until $t1.AddHours(1))
        $all | Should -HaveCount 160
        $all.Id | Sort-Object -Unique | Should -HaveCount 160
        $all[0].CreatedAt | Should -Be $t1.AddSeconds(159)
        $all[-1].CreatedAt | Should -Be $t1
        (Get-LogRequestCount) - $before | Should -Be 2 # 150 a page

        $before = Get-LogRequestCount
        @(Get-IntercomAdminActivity -Since $t1 -Until $t1.AddHours(1) -First 5).CreatedAt | Should -Be @(155..159 | Sort-Object -Descending | ForEach-Object { $t1.AddSeconds($_) })
        (Get-LogRequestCount) - $before | Should -Be 1
    }

    It 'refuses a window that ends before it starts, or starts before 1970, before any request' {
        $before = Get-LogRequestCount
        { Get-IntercomAdminActivity -Since $t0 -Until $t0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage '-Until (2026-01-05 09:00:00Z) must be later than -Since (2026-01-05 09:00:00Z).'
        { Get-IntercomAdminActivity -Since ([datetime]::new(1969, 12, 31, 0, 0, 0, [DateTimeKind]::Utc)) -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.invalid_argument,*' -ExpectedMessage 'The activity log starts in 1970: -Since must be later.'
        Get-LogRequestCount | Should -Be $before
    }

    It 'refuses a piped user or tag, whose Id is no admin''s, and reads nothing for them' {
        $before = Get-LogRequestCount
        $user = New-IntercomUser -Email pipe@example.com
        $tag = New-IntercomTag -Name Piped
        $user, $tag | Get-IntercomAdminActivity -ErrorAction SilentlyContinue -ErrorVariable failures | Should -BeNullOrEmpty
        $failures | Should -HaveCount 2
        $failures.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeExactly 'Intercom.invalid_argument,IntercomPS.Cmdlets.GetIntercomAdminActivityCommand' }
        Get-LogRequestCount | Should -Be $before
    }

    It 'refuses a piped object that binds no admin, and a piped admin beside an -AdminId naming another, reading nothing for them' {
        # Before, a piped thread read nothing and said nothing, and a piped admin beside -AdminId was silently replaced by it.
        $null = New-IntercomUser -Email threaded@example.com
        $thread = New-IntercomMessageThread -Email threaded@example.com -Body 'Who handled this?'
        $ann = Get-IntercomAdmin -Email ann@example.com
        $before = Get-LogRequestCount
        $thread | Get-IntercomAdminActivity -Since $t0 -ErrorAction SilentlyContinue -ErrorVariable unbound | Should -BeNullOrEmpty
        $unbound | Should -HaveCount 1
        $unbound[0].FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_argument,IntercomPS.Cmdlets.GetIntercomAdminActivityCommand'
        $unbound[0].Exception.Message | Should -BeLike '* names no admin by Id: pipe admins (Get-IntercomAdmin), or pass -AdminId.'
        $unbound[0].TargetObject | Should -Be $thread
        $ann | Get-IntercomAdminActivity -AdminId $bobId -Since $t0 -ErrorAction SilentlyContinue -ErrorVariable twice | Should -BeNullOrEmpty
        $twice | Should -HaveCount 1
        $twice[0].Exception.Message | Should -Be "Admin 'Ann Agent' names its admin ($annId), and -AdminId names another ($bobId): pipe it alone, or name the admins by -AdminId alone."
        Get-LogRequestCount | Should -Be $before
        ($ann | Get-IntercomAdminActivity -AdminId $annId -Since $t0 -Until $t0.AddMinutes(4)).ActivityType | Should -Be 'admin_login_success'
    }
}

Describe 'The admin activity log on v1' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercom
    }

    It 'is refused before any request' {
        $before = Get-TestRequestCount
        { Get-IntercomAdminActivity -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage 'Reading the admin activity log needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it.'
        Get-TestRequestCount | Should -Be $before
    }
}
