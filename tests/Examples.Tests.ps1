BeforeAll { . $PSScriptRoot/TestSetup.ps1 }

# The quick starts as a user runs them: a new pwsh that imports the module and connects from INTERCOM_* itself,
# judged by what it prints and what the emulator holds afterwards.
Describe 'The quick start on REST API 2.14 (examples/quickstart.ps1)' {
    BeforeAll {
        Reset-TestApp
        $run = Invoke-TestPwsh -Api V2 -NoConnect "& '$PSScriptRoot/../examples/quickstart.ps1'"
        $lines = $run.Lines
        function Get-Section([string] $Heading) {
            # The lines printed under the one '== N. ...' heading that starts with $Heading.
            @($lines | Where-Object { $_ -like "== $Heading*" }) | Should -HaveCount 1 -Because "the quick start prints '== $Heading' once"
            $inside = $false
            foreach ($line in $lines) {
                if ($line -like '== *') { $inside = $line -like "== $Heading*" }
                elseif ($inside) { $line }
            }
        }
        Connect-TestIntercomV2
    }
    AfterAll { Disconnect-Intercom }

    It 'exits 0, connected with the access token, and prints no error' {
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $lines | Where-Object { $_ -match 'Exception|Error' } | Should -BeNullOrEmpty
        $lines[0] | Should -BeLike 'Connected to * (REST API 2.14)'
        $lines[-4] | Should -Be '== 9. Who is left'
    }

    It 'defines the two custom attributes the rows carry before it creates anyone' {
        Get-Section '1.' | Should -Be 'Custom attribute plan: string', 'Custom attribute seats: integer'
    }

    It 'creates the four users from the rows and lists them oldest first, phones where the cell was not blank' {
        Get-Section '4.' | Select-Object -First 4 | Should -Be @(
            'ada@example.com: Ada Lovelace, phone +44 20 7946 0001'
            'grace@example.com: Grace Hopper'
            'alan@example.com: Alan Turing, phone +44 20 7946 0003'
            'edsger@example.com: Edsger Dijkstra'
        )
    }

    It 'tags the trial users, lists them with their seats, and pages to the second user' {
        Get-Section '3.' | Should -Match '^Tag trial has id [0-9]+$'
        Get-Section '4.' | Select-Object -Skip 4 | Should -Be 'Ada Lovelace is on a trial with 3 seats', 'Grace Hopper is on a trial with 5 seats', 'Second user: grace@example.com'
    }

    It 'notes each promoted user' {
        Get-Section '5.' | Should -Be 'Noted on ada@example.com: <p>Welcome to VIP support</p>', 'Noted on grace@example.com: <p>Welcome to VIP support</p>'
    }

    It 'archives the users on no paid plan after a -WhatIf, leaving only the pro ones listed, then restores Alan' {
        Get-Section '6.' | Should -Be @(
            'What if: Performing the operation "Archive Intercom user" on target "alan@example.com (qs-1003)".'
            'What if: Performing the operation "Archive Intercom user" on target "edsger@example.com (qs-1004)".'
            'Archived alan@example.com'
            'Archived edsger@example.com'
        )
        Get-Section '7.' | Should -Be 'ada@example.com (pro)', 'grace@example.com (pro)'
        Get-Section '8.' | Should -Be 'Restored alan@example.com'
        Get-Section '9.' | Should -Be 'ada@example.com (Ada Lovelace)', 'grace@example.com (Grace Hopper)', 'alan@example.com (Alan Turing)'
    }

    It 'leaves the workspace as it says: two pro users tagged trial and vip, each with one note, Alan back, Edsger archived' {
        $left = @(Get-IntercomUser)
        $left.Email | Should -Be 'ada@example.com', 'grace@example.com', 'alan@example.com'
        $left[0].CustomData['plan'] | Should -BeExactly 'pro'
        $left[0].CustomData['seats'] | Should -Be 3
        $left[0].Phone | Should -BeExactly '+44 20 7946 0001'
        $left[0].CreatedAt | Should -Be ([System.DateTimeOffset]::FromUnixTimeSeconds(1257553080).UtcDateTime)
        $left[2].Archived | Should -Not -BeTrue
        (Get-IntercomUser -Tag trial).Email | Should -Be 'ada@example.com', 'grace@example.com'
        (Get-IntercomUser -Tag vip).Email | Should -Be 'ada@example.com', 'grace@example.com'
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14' }
        foreach ($user in $left[0, 1]) {
            (Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, "contacts/$($user.Id)/notes")) -Headers $headers).data.body |
                Should -Be '<p>Welcome to VIP support</p>' -Because $user.Email
        }
        { Get-IntercomUser -Email 'edsger@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }
}

Describe 'The quick start on the v1 API (examples/quickstart-v1.ps1)' {
    BeforeAll {
        Reset-TestApp
        $run = Invoke-TestPwsh -NoConnect "& '$PSScriptRoot/../examples/quickstart-v1.ps1'"
        $lines = $run.Lines
        Connect-TestIntercom
    }
    AfterAll { Disconnect-Intercom }

    It 'exits 0 and prints no error' {
        $run.ExitCode | Should -Be 0
        $lines | Where-Object { $_ -match 'Exception|Error' } | Should -BeNullOrEmpty
    }

    It 'runs to the end' {
        $lines | Should -Contain '== 7. Who is left'
    }

    It 'reports the two trial users, then the vip tag with both' {
        $lines | Should -Contain 'Ada Lovelace is on a trial'
        $lines | Should -Contain 'Grace Hopper is on a trial'
        $lines | Should -Contain 'Tag vip now has 2 users'
    }

    It 'notes each vip user' {
        $lines | Should -Contain 'Noted on ada@example.com: <p>Welcome to VIP support</p>'
        $lines | Should -Contain 'Noted on grace@example.com: <p>Welcome to VIP support</p>'
    }

    It 'pages to the second user, one line' {
        $second = @($lines | Where-Object { $_ -like 'Second user: *' })
        $second | Should -HaveCount 1
        $second[0] | Should -Match '^Second user: (ada|grace|alan|edsger)@example\.com$'
    }

    It 'removes only the users without an IP address, after a -WhatIf that removed nothing' {
        $lines | Should -Contain 'What if: Performing the operation "Remove Intercom user and all their conversations" on target "ada@example.com (qs-1001)".'
        $removed = @($lines | Where-Object { $_ -like 'Removed *' })
        $removed | Should -HaveCount 2
        $removed | Should -Contain 'Removed alan@example.com'
        $removed | Should -Contain 'Removed edsger@example.com'
        $lines[-3] | Should -Be '== 7. Who is left'
        $lines[-2, -1] | Should -Contain 'ada@example.com (Ada Lovelace)'
        $lines[-2, -1] | Should -Contain 'grace@example.com (Grace Hopper)'
    }

    It 'leaves the app as it says: two trial users with custom data, tagged trial and vip' {
        $left = Get-IntercomUser
        $left | Should -HaveCount 2
        $left.Email | Should -Contain 'ada@example.com'
        $left.Email | Should -Contain 'grace@example.com'
        $ada = Get-IntercomUser -Email 'ada@example.com'
        $ada.CustomData['plan'] | Should -Be 'trial'
        $ada.CustomData['seats'] | Should -Be 3
        $ada.CreatedAt | Should -Be ([System.DateTimeOffset]::FromUnixTimeSeconds(1257553080).UtcDateTime)
        (Get-IntercomTag -Name 'trial').Color | Should -Be 'gold'
        (Get-IntercomTag -Name 'vip').TaggedUserCount | Should -Be 2
    }
}

# examples/sync-users-from-csv.ps1 as a scheduler runs it: a new pwsh -NonInteractive, connected only through the
# environment, judged by its exit code, its log, its failures CSV and what the emulator then holds.
Describe 'The scheduled CSV sync example on <Api>' -ForEach @(@{ Api = 'V1' }, @{ Api = 'V2' }) {
    BeforeAll {
        $script = Join-Path $PSScriptRoot '../examples/sync-users-from-csv.ps1'
        function Invoke-Sync([string] $Csv, [string] $Arguments = '', [hashtable] $Environment = @{}) {
            $log = Join-Path $TestDrive "$Api-sync.log"
            Remove-Item $log -ErrorAction Ignore
            $run = Invoke-TestPwsh -Api $Api -NoConnect -Environment $Environment -TimeoutSec 120 `
                "& '$script' -Path '$Csv' -LogPath '$log' $Arguments; exit `$LASTEXITCODE"
            [pscustomobject]@{ ExitCode = $run.ExitCode; Log = @(Get-Content $log | ForEach-Object { $_ -replace '^\S+Z ' }); Output = $run.Text }
        }
    }
    BeforeEach { Reset-TestApp }

    It 'syncs every row, tags them, logs each one and exits 0' {
        $csv = Join-Path $TestDrive 'good.csv'
        @'
user_id,email,name,custom_data,created_at
s-1,s1@example.com,Sam One,"{""plan"":""pro""}",2024-01-01
s-2,s2@example.com,Sam Two,,
'@ | Set-Content $csv
        if ($Api -eq 'V2') {
            # 2.x writes only custom attributes the workspace defined: define 'plan' as its admin would.
            Invoke-RestMethod -Method Post ([uri]::new($IntercomTestV2Uri, 'data_attributes')) -ContentType 'application/json' `
                -Headers @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY" } -Body '{"name":"plan","model":"contact","data_type":"string"}' | Out-Null
        }
        $sync = Invoke-Sync $csv '-Tag synced'
        $sync.ExitCode | Should -Be 0 -Because $sync.Output
        $sync.Log[1..2] | Sort-Object | Should -Be @('synced s1@example.com (s-1)', 'synced s2@example.com (s-2)')
        $sync.Log[3] | Should -BeExactly "tagged 2 of 2 users 'synced'"
        $sync.Log[-1] | Should -BeExactly 'Done: 2 synced, 0 failed'
        Test-Path ([IO.Path]::ChangeExtension($csv, '.failed.csv')) | Should -BeFalse

        Connect-TestApi $Api
        $users = @(Get-IntercomUser -Tag synced | Sort-Object Email)
        $users.Email | Should -Be @('s1@example.com', 's2@example.com')
        $users[0].CustomData['plan'] | Should -BeExactly 'pro'
        $users[0].CreatedAt | Should -Be ([datetime]::new(2024, 1, 1, 0, 0, 0, [DateTimeKind]::Utc))
    }

    It 'counts a user two rows name as one user tagged, not two (the last row wins, the user is tagged once)' {
        $csv = Join-Path $TestDrive 'twice.csv'
        @'
user_id,email,name
d-1,d1@example.com,First Name
d-2,d2@example.com,Other
d-1,d1@example.com,Last Name
'@ | Set-Content $csv
        $sync = Invoke-Sync $csv '-Tag synced'
        $sync.ExitCode | Should -Be 0 -Because $sync.Output
        @($sync.Log | Where-Object { $_ -eq 'synced d1@example.com (d-1)' }) | Should -HaveCount 2 -Because 'each row is logged'
        $sync.Log | Should -Contain "tagged 2 of 2 users 'synced'"
        $sync.Log[-1] | Should -BeExactly 'Done: 3 synced, 0 failed'

        Connect-TestApi $Api
        $users = @(Get-IntercomUser -Tag synced | Sort-Object UserId)
        $users.UserId | Should -Be @('d-1', 'd-2')
        $users[0].Name | Should -BeExactly 'Last Name'
    }

    It 'reports each bad row with its row number and why, keeps them in a failures CSV, syncs the rest and exits 1' {
        $csv = Join-Path $TestDrive 'mixed.csv'
        @'
user_id,email,name,custom_data
m-1,m1@example.com,Good,
,,Nobody,
m-3,m3@example.com,Bad Data,plan=basic
'@ | Set-Content $csv
        $sync = Invoke-Sync $csv
        $sync.ExitCode | Should -Be 1 -Because $sync.Output
        $sync.Log | Should -Contain 'synced m1@example.com (m-1)'
        $sync.Log | Should -Contain 'FAILED row 2 (no email or user_id): Intercom.invalid_argument: A user needs an Email or a UserId; neither was given.'
        $sync.Log | Where-Object { $_ -like 'FAILED row 3 (m3@example.com): ParameterArgumentTransformationError: *CustomData ''plan=basic'' is not a flat JSON object*' } | Should -HaveCount 1
        $sync.Log[-1] | Should -BeLike 'Done: 1 synced, 2 failed (see *mixed.failed.csv)'

        $failed = @(Import-Csv ([IO.Path]::ChangeExtension($csv, '.failed.csv')))
        $failed.name | Sort-Object | Should -Be @('Bad Data', 'Nobody')
        $failed.may_have_been_applied | Should -Be @('False', 'False')
        Connect-TestApi $Api
        @(Get-IntercomUser).Email | Should -Be @('m1@example.com')
    }

    It 'syncs nothing and exits 2 when the credentials are refused, never logging the secret' {
        $csv = Join-Path $TestDrive 'good2.csv'
        "email`nx@example.com" | Set-Content $csv
        $wrong = if ($Api -eq 'V2') { @{ INTERCOM_ACCESS_TOKEN = 'wrong-token-value' } } else { @{ INTERCOM_API_KEY = 'wrong-key-value' } }
        $sync = Invoke-Sync $csv -Environment $wrong
        $sync.ExitCode | Should -Be 2
        $sync.Log | Should -HaveCount 1
        $sync.Log[0] | Should -BeLike 'FAILED before syncing anything: Intercom.unauthorized: *'
        ($sync.Log + $sync.Output) -join "`n" | Should -Not -Match 'wrong-(token|key)-value'
        Connect-TestApi $Api
        Get-IntercomUser | Should -BeNullOrEmpty
    }

    It 'reads a CSV as a spreadsheet or a hand edit leaves it: BOM, CRLF, blank lines, quoted commas and line breaks; a re-run changes nothing' {
        $csv = Join-Path $TestDrive 'odd.csv'
        $text = "user_id,email,name`r`no-1,o1@example.com,`"Smith, Jo`"`r`n`r`no-2,o2@example.com,`"Two`r`nLines`"`r`n`r`n"
        [IO.File]::WriteAllText($csv, $text, [Text.UTF8Encoding]::new($true))
        foreach ($run in 1, 2) {
            $sync = Invoke-Sync $csv
            $sync.ExitCode | Should -Be 0 -Because $sync.Output
            $sync.Log[-1] | Should -BeExactly 'Done: 2 synced, 0 failed'
        }
        Connect-TestApi $Api
        $users = @(Get-IntercomUser | Sort-Object UserId)
        $users.UserId | Should -Be @('o-1', 'o-2')
        $users.Name | Should -Be @('Smith, Jo', "Two`r`nLines")
    }

    It 'trims the spaces a hand edit leaves around cells, which would make " o-1" another user than "o-1"' {
        $csv = Join-Path $TestDrive 'spaces.csv'
        "user_id,email,name`n o-1 , o1@example.com ,  Padded Name  `n" | Set-Content $csv
        $sync = Invoke-Sync $csv
        $sync.ExitCode | Should -Be 0 -Because $sync.Output
        Connect-TestApi $Api
        $user = Get-IntercomUser -Email 'o1@example.com'
        $user.UserId | Should -BeExactly 'o-1'
        $user.Name | Should -BeExactly 'Padded Name'
    }

    It 'skips rows whose every cell is blank (a spreadsheet''s trailing ",,,"), saying so, rather than failing them' {
        $csv = Join-Path $TestDrive 'trailing.csv'
        "user_id,email,name`ne-1,e1@example.com,Edd`n,,`n , , `n" | Set-Content $csv
        $sync = Invoke-Sync $csv
        $sync.ExitCode | Should -Be 0 -Because $sync.Output
        $sync.Log | Should -Contain 'skipped rows 2, 3: every cell blank'
        $sync.Log[-1] | Should -BeExactly 'Done: 1 synced, 0 failed'
    }

    It 'exits 2 before sending anything when no column names a user, naming the columns it has' {
        $csv = Join-Path $TestDrive 'nokey.csv'
        "mail,name`na@example.com,Ann`n" | Set-Content $csv
        $sync = Invoke-Sync $csv
        $sync.ExitCode | Should -Be 2
        $sync.Log | Should -HaveCount 1
        $sync.Log[0] | Should -BeExactly 'FAILED before syncing anything: the CSV has no user_id, email or id column, so no row names a user (its columns: mail, name).'
        Get-TestRequestCount | Should -Be 0
    }

    It 'logs the columns it does not sync, so a column meant for Intercom is not dropped unseen' {
        $csv = Join-Path $TestDrive 'extra.csv'
        "email,name,plan,Notes`nx1@example.com,Xi,pro,called`n" | Set-Content $csv
        $sync = Invoke-Sync $csv
        $sync.ExitCode | Should -Be 0 -Because $sync.Output
        $sync.Log | Should -Contain 'not synced, no user field: columns plan, Notes (custom attributes go in custom_data, as JSON)'
    }

    It 'previews with -WhatIf: every row checked and logged, nothing changed, exit 0' {
        $csv = Join-Path $TestDrive 'preview.csv'
        "user_id,email,name`np-1,p1@example.com,Pat`n,,Nobody`n" | Set-Content $csv
        $sync = Invoke-Sync $csv '-Tag synced -WhatIf'
        $sync.ExitCode | Should -Be 1 -Because "a row that would fail still fails the preview: $($sync.Output)"
        $sync.Output | Should -Match 'What if: Performing the operation "Create or update Intercom user" on target "p1@example.com \(p-1\)"'
        $sync.Log | Should -Contain 'FAILED row 2 (no email or user_id): Intercom.invalid_argument: A user needs an Email or a UserId; neither was given.'
        $sync.Log[-1] | Should -BeExactly 'WhatIf: 1 row would be synced, 1 failed; nothing was changed'
        Test-Path ([IO.Path]::ChangeExtension($csv, '.failed.csv')) | Should -BeFalse
        Connect-TestApi $Api
        Get-IntercomUser | Should -BeNullOrEmpty
    }

    It 'exits 2 when the file cannot be read, before connecting' {
        $sync = Invoke-Sync (Join-Path $TestDrive 'missing.csv')
        $sync.ExitCode | Should -Be 2
        $sync.Log | Should -HaveCount 1
        $sync.Log[0] | Should -BeLike "FAILED before syncing anything: FileOpenFailure: Could not find file '*missing.csv'."
        Get-TestRequestCount | Should -Be 0
    }
}

# The README's scheduled script, as written there: it must stop at a failed connection, exit non-zero and print no secret.
Describe 'The README''s scheduled script on <Api>' -ForEach @(@{ Api = 'V1' }, @{ Api = 'V2' }) {
    BeforeAll {
        $readme = Get-Content (Join-Path $PSScriptRoot '../README.md') -Raw
        $block = [regex]::Match($readme, '```powershell\r?\n(# sync-users\.ps1:[\s\S]*?)```').Groups[1].Value
        $script = Join-Path $TestDrive 'sync-users.ps1'
        Set-Content -Path $script -Value $block
        Set-Content -Path (Join-Path $TestDrive 'users.csv') -Value "email,name`nreadme1@example.com,Readme One"
        function Invoke-Scheduled([hashtable] $Environment = @{}) {
            # As installed: Import-Module IntercomPS by name finds the staged module.
            $Environment.PSModulePath = (Split-Path (Split-Path $IntercomModulePath)) + [IO.Path]::PathSeparator + $env:PSModulePath
            Invoke-TestPwsh -Api $Api -NoConnect -NoImport -Environment $Environment "Set-Location '$TestDrive'; & '$script'; exit `$LASTEXITCODE"
        }
    }

    It 'is in the README' { $block | Should -Match 'Connect-Intercom' }

    It 'syncs and exits 0 when it connects' {
        Reset-TestApp
        $run = Invoke-Scheduled
        $run.ExitCode | Should -Be 0 -Because $run.Text
        Connect-TestApi $Api
        (Get-IntercomUser -Email readme1@example.com).Name | Should -BeExactly 'Readme One'
    }

    It 'stops at a failed connection, exits 1, and never prints the secret' {
        $secret = 'wrong-secret-8c3d'
        $environment = if ($Api -eq 'V2') { @{ INTERCOM_ACCESS_TOKEN = $secret } } else { @{ INTERCOM_API_KEY = $secret } }
        Reset-TestApp
        $run = Invoke-Scheduled $environment
        $run.ExitCode | Should -Be 1 -Because $run.Text
        $run.Text | Should -Match 'Cannot connect to Intercom: .*401 unauthorized'
        $run.Text | Should -Not -Match $secret
        Get-TestRequestCount 'POST /v1/users' | Should -Be 0
        Get-TestRequestCount 'POST /contacts' | Should -Be 0
    }
}
