BeforeAll { . $PSScriptRoot/TestSetup.ps1 }

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

    It 'exits 2 when the file cannot be read, before connecting' {
        $sync = Invoke-Sync (Join-Path $TestDrive 'missing.csv')
        $sync.ExitCode | Should -Be 2
        $sync.Log | Should -HaveCount 1
        $sync.Log[0] | Should -BeLike "FAILED before syncing anything: FileOpenFailure: Could not find file '*missing.csv'."
        Get-TestRequestCount | Should -Be 0
    }
}
