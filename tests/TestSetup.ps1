# Dot-sourced by every tests/*.Tests.ps1 in its top-level BeforeAll:
#     BeforeAll { . $PSScriptRoot/TestSetup.ps1 }
# Imports the staged module, points the tests at the emulator that `build.ps1 -Task Test` started, empties the test
# app, and defines the helpers the files share. See tests/README.md.

$IntercomModulePath = if ($env:INTERCOMPS_MODULE) { $env:INTERCOMPS_MODULE } else { Join-Path $PSScriptRoot '../out/IntercomPS/IntercomPS.psd1' }
if (-not (Test-Path $IntercomModulePath)) {
    throw "The IntercomPS module is not staged at $IntercomModulePath. Build first: './build.sh'."
}
if (-not $env:INTERCOMPS_TEST_BASEURI -or -not $env:INTERCOMPS_TEST_APPID -or -not $env:INTERCOMPS_TEST_APIKEY) {
    throw ('These tests need the Intercom emulator and INTERCOMPS_TEST_BASEURI, INTERCOMPS_TEST_APPID and ' +
        "INTERCOMPS_TEST_APIKEY. Run them with './build.sh -Task Test -Suite Pester' (it starts an " +
        'emulator and sets them), not with Invoke-Pester alone.')
}
$IntercomTestingAssembly = if ($env:INTERCOMPS_TESTING_ASSEMBLY) { $env:INTERCOMPS_TESTING_ASSEMBLY }
else { Join-Path $PSScriptRoot 'IntercomPS.Testing/bin/Debug/net10.0/IntercomPS.Testing.dll' }

Import-Module $IntercomModulePath -Force -ErrorAction Stop
Add-Type -Path $IntercomTestingAssembly

# The emulator's API root (http://127.0.0.1:PORT/v1/), the test app, and the typed client of its /admin API.
$IntercomTestBaseUri = [uri] $env:INTERCOMPS_TEST_BASEURI
$IntercomTestAppId = $env:INTERCOMPS_TEST_APPID
$IntercomTestAdmin = [IntercomPS.Testing.EmulatorAdmin]::new($IntercomTestBaseUri)

# Helpers the test files share. Like Connect-TestIntercom they are defined in the file's top-level BeforeAll
# (where this script is dot-sourced), so every Describe, It and AfterAll of the file sees them.

# The emulator's REST API 2.14 face is at its root; the test app's key is also its bearer token.
$IntercomTestV2Uri = [uri]::new($IntercomTestBaseUri, '/')

function Connect-TestIntercom {
    # Connects the shared session to the test emulator's v1 API; extra arguments go to Connect-Intercom.
    $key = ConvertTo-SecureString $env:INTERCOMPS_TEST_APIKEY -AsPlainText -Force
    Connect-Intercom -AppId $env:INTERCOMPS_TEST_APPID -ApiKey $key -BaseUri $env:INTERCOMPS_TEST_BASEURI @args
}

function Connect-TestIntercomV2 {
    # Connects the shared session to the test emulator's REST API 2.14 face; extra arguments go to Connect-Intercom.
    $token = ConvertTo-SecureString $env:INTERCOMPS_TEST_APIKEY -AsPlainText -Force
    Connect-Intercom -AccessToken $token -BaseUri $IntercomTestV2Uri @args
}

function Connect-TestApi([ValidateSet('V1', 'V2')] [string] $Api, [hashtable] $With = @{}) {
    # Connects to the API a block runs on: `Describe ... -ForEach @(@{ Api = 'V1' }, @{ Api = 'V2' })` (a literal:
    # -ForEach data is read at discovery, before BeforeAll dot-sources this file); $With holds extra parameters.
    if ($Api -eq 'V2') { Connect-TestIntercomV2 @With } else { Connect-TestIntercom @With }
}

function Reset-TestApp {
    # Empties the test app: its data, request counts and rate-limit window (faults stay).
    $IntercomTestAdmin.ResetAsync($IntercomTestAppId).GetAwaiter().GetResult()
}

function Add-TestUsers([int] $Count, [string] $Prefix, [string] $Tag) {
    # Creates users ${Prefix}1..${Prefix}$Count straight in the emulator (no API requests), all tagged $Tag if given.
    $null = $IntercomTestAdmin.SeedAsync($IntercomTestAppId, $Count, $Prefix, $(if ($Tag) { $Tag } else { $null })).GetAwaiter().GetResult()
}

function Get-TestRequestCount([string] $Route) {
    # API requests of the test app since its last reset, for one route ('GET /v1/users') or all of them.
    $counts = $IntercomTestAdmin.GetRequestsAsync($IntercomTestAppId).GetAwaiter().GetResult()
    if ($Route) { $counts.Of($Route) } else { $counts.Total }
}

function Get-TestProgress([string] $Command, [hashtable] $Parameters = @{}) {
    # The progress records a command writes on the current session, run in a runspace of its own (a nested pipeline
    # of this one keeps no progress stream); the command's output is dropped.
    $ps = [powershell]::Create()
    try {
        $null = $ps.AddCommand('Import-Module').AddArgument($IntercomModulePath).AddStatement()
        $null = $ps.AddCommand($Command).AddParameters($Parameters).AddParameter('Session', (Get-IntercomSession)).Invoke()
        , @($ps.Streams.Progress)
    }
    finally { $ps.Dispose() }
}

function Set-TestFaults([hashtable] $Faults) {
    # Fault rules for the whole emulator (snake_case fields of /admin/faults); undo them with Clear-TestFaults.
    $IntercomTestAdmin.SetFaultsAsync($Faults).GetAwaiter().GetResult()
}

function Clear-TestFaults {
    $IntercomTestAdmin.ClearFaultsAsync().GetAwaiter().GetResult()
}

function Add-TestAdminReply([string] $Email, [long] $ThreadId, [string] $Body) {
    # An admin's answer in a thread: unread for the user until they read the thread.
    $IntercomTestAdmin.AddAdminReplyAsync($IntercomTestAppId, $Email, $ThreadId, $Body).GetAwaiter().GetResult()
}

function Invoke-TestPwsh {
    # Runs a script in a new `pwsh -NonInteractive`, as a scheduled task would, with the module imported and, unless
    # -NoConnect, connected to the test app from INTERCOM_* variables (v1, or with -Api V2 REST API 2.14 through
    # INTERCOM_ACCESS_TOKEN). Returns its exit code and every line it printed (stdout, then stderr): what a user
    # would see, e.g. -WhatIf text, tables and prompts that fail. With -NoImport the script imports the module itself.
    param(
        [Parameter(Mandatory)] [string] $Script,
        [ValidateSet('V1', 'V2')] [string] $Api = 'V1',
        [hashtable] $Environment = @{},
        [switch] $NoConnect,
        [switch] $NoImport,
        [int] $TimeoutSec = 60
    )
    $start = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    # `dotnet pwsh` runs pwsh.dll under the dotnet host: start the same pwsh again.
    if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { $start.ArgumentList.Add([Environment]::GetCommandLineArgs()[0]) }
    # Plain text: what a log would hold, and no escape codes (which an NUnit report cannot carry) in failure messages.
    $preamble = "`$ErrorActionPreference = 'Stop'; `$PSStyle.OutputRendering = 'PlainText'"
    if (-not $NoImport) { $preamble += "; Import-Module '$($IntercomModulePath -replace "'", "''")'" }
    if (-not $NoConnect -and -not $NoImport) { $preamble += '; Connect-Intercom' }
    foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', "$preamble`n$Script") { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.RedirectStandardInput = $true
    if ($Api -eq 'V2') {
        $start.Environment['INTERCOM_ACCESS_TOKEN'] = $env:INTERCOMPS_TEST_APIKEY
        $start.Environment['INTERCOM_BASE_URI'] = $IntercomTestV2Uri.AbsoluteUri
        $null = $start.Environment.Remove('INTERCOM_API_KEY')
    }
    else {
        $start.Environment['INTERCOM_APP_ID'] = $env:INTERCOMPS_TEST_APPID
        $start.Environment['INTERCOM_API_KEY'] = $env:INTERCOMPS_TEST_APIKEY
        $start.Environment['INTERCOM_BASE_URI'] = $env:INTERCOMPS_TEST_BASEURI
        $null = $start.Environment.Remove('INTERCOM_ACCESS_TOKEN')
    }
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }

    $process = [System.Diagnostics.Process]::Start($start)
    try {
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSec * 1000)) { $process.Kill($true); throw "pwsh did not finish within $TimeoutSec s: $Script" }
        $text = $stdout.GetAwaiter().GetResult() + $stderr.GetAwaiter().GetResult()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Lines = @($text -split '\r?\n' | Where-Object { $_ -ne '' }); Text = $text }
    }
    finally { $process.Dispose() }
}

# Every file starts with an empty app: build.ps1 shares one emulator between the files.
try { Reset-TestApp }
catch { throw "Cannot reset the test app at $($IntercomTestAdmin.BaseUri): $($_.Exception.InnerException.Message) Is the emulator running?" }
