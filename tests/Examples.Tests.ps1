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
