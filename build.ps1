#Requires -Version 7.4
<#
.SYNOPSIS
Builds, tests, documents and packages IntercomPS, and runs the quick start. The one entry point: run it with
`./build.sh -Task <task>`, which exports build.env's variables before pwsh starts, restores pwsh as a local .NET tool
and runs this script in it. Run directly (`dotnet pwsh ./build.ps1 -Task <task>`), it sets the same variables for
everything it starts; only the pwsh running it started without them.

.DESCRIPTION
QuickStart  Build, start an in-memory emulator on a free port, run examples/quickstart.ps1 in a new pwsh against its
            REST API 2.14 face (INTERCOM_ACCESS_TOKEN, INTERCOM_BASE_URI), stop the emulator.
Build       dotnet build of the solution; stages the importable module in out/IntercomPS/.
Test        Build once, run the xunit projects, then real Pester (restored from NuGet) over tests/*.Tests.ps1 against
            an emulator started on a free port (always stopped). The emulator suite drives the inspector's page in
            Debian's chromium, installed here with apt-get where this runs as root on Debian (else those tests skip). Writes TRX and NUnit XML under out/test-results/,
            ends with one line "N passed, M failed" (", K skipped" when tests were skipped) and fails when anything
            failed or nothing ran. -Suite runs one suite alone.
Docs        Builds the module, which generates the MAML help from docs/ into out/IntercomPS/en-US/.
Package     Build, then a PowerShell Gallery ready IntercomPS.<version>.nupkg of out/IntercomPS in out/packages/.

.EXAMPLE
./build.sh -Task Test

.EXAMPLE
./build.sh -Task Test -Suite Pester -PesterPath tests/Tags.Tests.ps1
#>
[CmdletBinding()]
param(
    [ValidateSet('QuickStart', 'Build', 'Test', 'Docs', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # Test: which suite to run. All is every xunit project, then Pester.
    [ValidateSet('All', 'Client', 'Emulator', 'V2', 'Module', 'Help', 'Pester')]
    [string] $Suite = 'All',

    # Test: the Pester files to run (default every tests/*.Tests.ps1).
    [string[]] $PesterPath,

    # Test: skip the build (it already ran).
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# Nothing the build starts may reach out of the machine: build.env's variables (no telemetry, no update checks) are
# set in this process before any child starts, so every child inherits them, however this pwsh was started.
foreach ($setting in Get-Content (Join-Path $PSScriptRoot 'build.env') | Select-String '^([A-Z_]+)=(.*)$') {
    [Environment]::SetEnvironmentVariable($setting.Matches[0].Groups[1].Value, $setting.Matches[0].Groups[2].Value)
}

$Root = $PSScriptRoot
$Stage = Join-Path $Root 'out/IntercomPS'
$Manifest = Join-Path $Stage 'IntercomPS.psd1'
$Results = Join-Path $Root 'out/test-results'
$PesterVersion = '5.9.1' # pinned in tools/Pester/Pester.Restore.csproj

# The xunit projects, by suite name.
$XunitSuites = [ordered]@{
    Client   = 'tests/IntercomPS.Client.Tests/IntercomPS.Client.Tests.csproj'
    Emulator = 'tests/IntercomPS.Emulator.Tests/IntercomPS.Emulator.Tests.csproj'
    V2       = 'tests/IntercomPS.V2.Tests/IntercomPS.V2.Tests.csproj'
    Module   = 'tests/IntercomPS.Tests/IntercomPS.Tests.csproj'
    Help     = 'tests/IntercomPS.Help.Tests/IntercomPS.Help.Tests.csproj'
}

function Invoke-Dotnet {
    Write-Host "> dotnet $($args -join ' ')" -ForegroundColor Cyan
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args[0]) failed with exit code $LASTEXITCODE." }
}

function Get-PwshCommand {
    # The pwsh running this script, as a new process: `dotnet pwsh` runs pwsh.dll under the dotnet host.
    $path = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($path) -eq 'dotnet') { return @($path, [Environment]::GetCommandLineArgs()[0]) }
    @($path)
}

function Invoke-BuildTask {
    Invoke-Dotnet build (Join-Path $Root 'IntercomPS.sln') --configuration $Configuration --nologo '-clp:ErrorsOnly'
    if (-not (Test-Path $Manifest)) { throw "The build did not stage the module: $Manifest is missing." }
}

function Invoke-DocsTask {
    # The module's build generates the help from docs/ (tools/IntercomPS.HelpGen) and stages it.
    Invoke-Dotnet build (Join-Path $Root 'src/IntercomPS/IntercomPS.csproj') --configuration $Configuration --nologo '-clp:ErrorsOnly'
    $help = Join-Path $Stage 'en-US/IntercomPS.dll-Help.xml'
    if (-not (Test-Path $help)) { throw "The build did not generate the help: $help is missing." }
    Write-Host "Help: $help"
}

function Start-Emulator {
    # Runs the built emulator directly (not dotnet run, whose child process would outlive Stop-Process), in memory,
    # on a free loopback port chosen here, with one app whose key is made up for this run.
    $dll = Join-Path $Root "src/IntercomPS.Emulator/bin/$Configuration/net10.0/IntercomPS.Emulator.dll"
    if (-not (Test-Path $dll)) { throw "The emulator is not built: $dll is missing." }
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()

    $appId = 'intercomps-local'
    $apiKey = [guid]::NewGuid().ToString('N')
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $Root 'out')
    $log = Join-Path $Root 'out/emulator.log'
    $process = Start-Process dotnet -ArgumentList "`"$dll`"", '--port', $port, '--app', "${appId}:$apiKey" -PassThru `
        -RedirectStandardOutput $log -RedirectStandardError "$log.err"

    $health = "http://127.0.0.1:$port/admin/health"
    $deadline = [datetime]::UtcNow.AddSeconds(30)
    while ($true) {
        try { $null = Invoke-RestMethod $health -TimeoutSec 2; break }
        catch {
            if ($process.HasExited) { throw "The emulator exited with code $($process.ExitCode); see $log and $log.err." }
            if ([datetime]::UtcNow -gt $deadline) { Stop-Process -Id $process.Id; throw "The emulator did not answer $health within 30 seconds." }
            Start-Sleep -Milliseconds 100
        }
    }
    Write-Host "Emulator on http://127.0.0.1:$port/ (process $($process.Id), log $log)"
    # Its REST API 2.14 face is at the root, where the app's key is also its access token; its v1 face under /v1/.
    [pscustomobject]@{ Process = $process; RootUri = "http://127.0.0.1:$port/"; V1Uri = "http://127.0.0.1:$port/v1/"; AppId = $appId; ApiKey = $apiKey }
}

function Stop-Emulator($Emulator) {
    if ($Emulator -and -not $Emulator.Process.HasExited) { Stop-Process -Id $Emulator.Process.Id; $Emulator.Process.WaitForExit() }
}

function Invoke-Child([string[]] $Command, [hashtable] $Environment, [string[]] $Arguments) {
    # Runs a command with extra environment variables set for it alone; returns its exit code.
    $saved = @{}
    foreach ($name in $Environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $Environment[$name]) }
    try {
        $exe = $Command[0]
        $rest = @($Command | Select-Object -Skip 1) + $Arguments
        & $exe @rest | Out-Host
        $LASTEXITCODE
    }
    finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
}

function Invoke-QuickStartTask {
    Invoke-BuildTask
    $emulator = Start-Emulator
    try {
        # A new pwsh, as a user runs the script: it imports the module and connects to REST API 2.14 from these
        # variables. v1 credentials the caller's shell may hold are unset, since Connect-Intercom refuses to guess.
        $environment = @{
            INTERCOM_ACCESS_TOKEN = $emulator.ApiKey; INTERCOM_BASE_URI = $emulator.RootUri
            INTERCOM_APP_ID = $null; INTERCOM_API_KEY = $null
        }
        $code = Invoke-Child (Get-PwshCommand) $environment @('-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'examples/quickstart.ps1'))
        if ($code -ne 0) { throw "examples/quickstart.ps1 failed with exit code $code." }
    }
    finally { Stop-Emulator $emulator }
}

function Get-TrxCounts([string] $Path) {
    # Passed, failed and skipped counts from a dotnet test TRX file, and why tests were skipped (each reason once).
    # Its notExecuted counter stays 0 for skipped tests, so they are counted from the results.
    [xml] $trx = Get-Content -Raw $Path
    $counters = $trx.TestRun.ResultSummary.Counters
    $namespace = @{ t = $trx.DocumentElement.NamespaceURI }
    $skipped = "//t:UnitTestResult[@outcome='NotExecuted']"
    $reasons = Select-Xml -Xml $trx -XPath "$skipped/t:Output/t:ErrorInfo/t:Message" -Namespace $namespace | ForEach-Object { $_.Node.InnerText } | Sort-Object -Unique
    [pscustomobject]@{
        Passed = [int] $counters.passed; Failed = [int] $counters.failed + [int] $counters.error + [int] $counters.timeout
        Skipped = @(Select-Xml -Xml $trx -XPath $skipped -Namespace $namespace).Count; Note = @($reasons) -join ' '
    }
}

function Invoke-XunitSuite([string] $Name) {
    $trx = Join-Path $Results "$Name.trx"
    Remove-Item $trx -ErrorAction SilentlyContinue
    Write-Host "> dotnet test $($XunitSuites[$Name])" -ForegroundColor Cyan
    & dotnet test (Join-Path $Root $XunitSuites[$Name]) --configuration $Configuration --no-build --nologo `
        --logger "trx;LogFileName=$Name.trx" --logger 'console;verbosity=minimal' --results-directory $Results | Out-Host
    $exit = $LASTEXITCODE
    if (-not (Test-Path $trx)) { return [pscustomobject]@{ Suite = $Name; Passed = 0; Failed = 1; Skipped = 0; Note = "no results (exit code $exit)" } }
    $counts = Get-TrxCounts $trx
    $failed = if ($exit -ne 0 -and $counts.Failed -eq 0) { 1 } else { $counts.Failed } # a crash after the last test still fails
    [pscustomobject]@{ Suite = $Name; Passed = $counts.Passed; Failed = $failed; Skipped = $counts.Skipped; Note = $counts.Note }
}

function Restore-Pester {
    # Pester comes from NuGet (tools/Pester), never from the PowerShell Gallery.
    $project = Join-Path $Root 'tools/Pester/Pester.Restore.csproj'
    & dotnet restore $project --nologo --verbosity quiet
    if ($LASTEXITCODE -ne 0) { throw "Restoring Pester $PesterVersion from NuGet failed (dotnet restore $project)." }
    $packages = (& dotnet msbuild $project -getProperty:NuGetPackageRoot -nologo).Trim()
    $module = Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $module)) { throw "Pester $PesterVersion was restored, but $module is missing." }
    $module
}

function Invoke-PesterSuite {
    $pester = Restore-Pester
    $paths = if ($PesterPath) { $PesterPath -split "," | ForEach-Object { (Resolve-Path $_).Path } } # commas too: pwsh -File passes a list as one string
    else { @(Get-ChildItem (Join-Path $Root 'tests') -Filter '*.Tests.ps1' -File).FullName }
    $xml = Join-Path $Results 'pester.xml'
    $summary = Join-Path $Results 'pester-summary.json'
    Remove-Item $xml, $summary -ErrorAction SilentlyContinue

    $emulator = Start-Emulator
    try {
        # A new, non-interactive pwsh: a prompt a test did not expect fails the test instead of waiting for a key.
        $environment = @{
            INTERCOMPS_MODULE = $Manifest; INTERCOMPS_TEST_BASEURI = $emulator.V1Uri
            INTERCOMPS_TESTING_ASSEMBLY = Join-Path $Root "tests/IntercomPS.Testing/bin/$Configuration/net10.0/IntercomPS.Testing.dll"
            INTERCOMPS_TEST_APPID = $emulator.AppId; INTERCOMPS_TEST_APIKEY = $emulator.ApiKey
            INTERCOMPS_PESTER = $pester; INTERCOMPS_PESTER_PATHS = ($paths -join [IO.Path]::PathSeparator)
            INTERCOMPS_PESTER_XML = $xml; INTERCOMPS_PESTER_SUMMARY = $summary
        }
        $script = {
            Import-Module $env:INTERCOMPS_PESTER -ErrorAction Stop
            $config = New-PesterConfiguration
            $config.Run.Path = $env:INTERCOMPS_PESTER_PATHS -split [IO.Path]::PathSeparator
            $config.Run.PassThru = $true
            $config.Output.Verbosity = 'Normal'
            $config.TestResult.Enabled = $true
            $config.TestResult.OutputFormat = 'NUnitXml'
            $config.TestResult.OutputPath = $env:INTERCOMPS_PESTER_XML
            $run = Invoke-Pester -Configuration $config
            $failed = $run.FailedCount + $run.FailedBlocksCount + $run.FailedContainersCount
            @{ Passed = $run.PassedCount; Failed = $failed; Skipped = $run.SkippedCount } | ConvertTo-Json | Set-Content $env:INTERCOMPS_PESTER_SUMMARY
        }
        $exit = Invoke-Child (Get-PwshCommand) $environment @('-NoProfile', '-NonInteractive', '-Command', $script.ToString())
    }
    finally { Stop-Emulator $emulator }

    if (-not (Test-Path $summary)) { return [pscustomobject]@{ Suite = 'Pester'; Passed = 0; Failed = 1; Skipped = 0; Note = "Pester did not finish (exit code $exit)" } }
    $counts = Get-Content -Raw $summary | ConvertFrom-Json
    [pscustomobject]@{ Suite = 'Pester'; Passed = $counts.Passed; Failed = $counts.Failed; Skipped = $counts.Skipped; Note = '' }
}

function Install-Chromium {
    # The emulator suite drives the inspector's page in Debian's chromium (tests/IntercomPS.Emulator.Tests/Inspector). Where
    # it can (root on Debian) this installs it; elsewhere those tests are skipped, each with one line saying how to install it.
    if ($env:INTERCOMPS_CHROMIUM -or (Test-Path /usr/bin/chromium) -or (Test-Path /usr/bin/chromium-browser)) { return }
    if (-not ($IsLinux -and (Get-Command apt-get -ErrorAction SilentlyContinue) -and (& id -u) -eq '0')) {
        Write-Host 'No chromium: the inspector''s browser tests will be skipped (on Debian, as root: apt-get install -y chromium).' -ForegroundColor Yellow
        return
    }
    $env:DEBIAN_FRONTEND = 'noninteractive'
    Write-Host '> apt-get install -y chromium (for the inspector''s browser tests)' -ForegroundColor Cyan
    & apt-get install -y -qq chromium | Out-Host
    if ($LASTEXITCODE -ne 0) {
        & apt-get update -qq | Out-Host # a fresh machine has no package lists yet
        & apt-get install -y -qq chromium | Out-Host
    }
    if ($LASTEXITCODE -ne 0) { Write-Warning "apt-get install chromium failed (exit code $LASTEXITCODE): the inspector's browser tests will be skipped." }
}

function Invoke-TestTask {
    if (-not $NoBuild) { Invoke-BuildTask }
    $null = New-Item -ItemType Directory -Force -Path $Results
    $suites = if ($Suite -eq 'All') { @($XunitSuites.Keys) + 'Pester' } else { @($Suite) }
    if ($suites -contains 'Emulator') { Install-Chromium }
    $outcomes = foreach ($name in $suites) {
        if ($name -eq 'Pester') { Invoke-PesterSuite } else { Invoke-XunitSuite $name }
    }

    Write-Host ''
    foreach ($outcome in $outcomes) {
        $color = if ($outcome.Failed) { 'Red' } elseif ($outcome.Skipped) { 'Yellow' } else { 'Green' }
        Write-Host ('{0,-9} {1,5} passed, {2,3} failed, {3,3} skipped {4}' -f $outcome.Suite, $outcome.Passed, $outcome.Failed, $outcome.Skipped, $outcome.Note) -ForegroundColor $color
    }
    $passed = ($outcomes | Measure-Object Passed -Sum).Sum
    $failed = ($outcomes | Measure-Object Failed -Sum).Sum
    $skipped = ($outcomes | Measure-Object Skipped -Sum).Sum
    Write-Host "Results: $Results"
    # The one closing line CI reads; skips are named there too, so a run that skipped tests never reads as complete.
    Write-Host ("$passed passed, $failed failed" + $(if ($skipped) { ", $skipped skipped" }))
    if ($failed -gt 0) { throw "$failed test(s) failed." }
    if ($passed -eq 0) { throw 'No test ran.' }
}

function Invoke-PackageTask {
    Invoke-BuildTask
    $packages = Join-Path $Root 'out/packages'
    $null = New-Item -ItemType Directory -Force -Path $packages
    $version = (Import-PowerShellDataFile $Manifest).ModuleVersion
    Remove-Item (Join-Path $packages "IntercomPS.$version.nupkg") -ErrorAction SilentlyContinue # republish the same version

    # Publish into a throwaway local repository: the .nupkg it writes is what the Gallery accepts.
    $repository = "IntercomPS-build-$PID"
    Register-PSResourceRepository -Name $repository -Uri $packages -Trusted
    try { Publish-PSResource -Path $Stage -Repository $repository }
    finally { Unregister-PSResourceRepository -Name $repository }

    $package = Join-Path $packages "IntercomPS.$version.nupkg"
    if (-not (Test-Path $package)) { throw "Publishing did not produce $package." }
    Write-Host "Package: $package"
}

try {
    switch ($Task) {
        'QuickStart' { Invoke-QuickStartTask }
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Docs' { Invoke-DocsTask }
        'Package' { Invoke-PackageTask }
    }
    Write-Host "$Task succeeded." -ForegroundColor Green
    exit 0
}
catch {
    Write-Host "$Task failed: $($_.Exception.Message)" -ForegroundColor Red
    exit 1
}
