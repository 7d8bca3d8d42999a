#Requires -Version 7.0
<#
.SYNOPSIS
Builds, tests, documents and packages IntercomPS. Every task wraps the dotnet CLI, which stays the source of truth.

.DESCRIPTION
Build    dotnet build of the solution; stages the importable module in out/IntercomPS/.
Test     Build, then dotnet test of the solution (which also runs tests/*.Tests.ps1 through PesterCompat). When
         Pester 5+ is installed it then starts the emulator and runs tests/*.Tests.ps1 with the real Pester too.
Docs     Builds the module, which generates the MAML help from docs/ into out/IntercomPS/en-US/.
Package  Build, then a PowerShell Gallery ready IntercomPS.<version>.nupkg of out/IntercomPS in out/packages/.

.EXAMPLE
./build.ps1 -Task Test

.EXAMPLE
./build.ps1 -Task Package -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$Stage = Join-Path $Root 'out/IntercomPS'
$Manifest = Join-Path $Stage 'IntercomPS.psd1'

function Invoke-Dotnet {
    Write-Host "> dotnet $($args -join ' ')" -ForegroundColor Cyan
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args[0]) failed with exit code $LASTEXITCODE." }
}

function Invoke-BuildTask {
    Invoke-Dotnet build (Join-Path $Root 'IntercomPS.sln') --configuration $Configuration
    if (-not (Test-Path $Manifest)) { throw "The build did not stage the module: $Manifest is missing." }
}

function Invoke-DocsTask {
    # The module's build generates the help from docs/ (tools/IntercomPS.HelpGen) and stages it.
    Invoke-Dotnet build (Join-Path $Root 'src/IntercomPS/IntercomPS.csproj') --configuration $Configuration
    $help = Join-Path $Stage 'en-US/IntercomPS.dll-Help.xml'
    if (-not (Test-Path $help)) { throw "The build did not generate the help: $help is missing." }
    Write-Host "Help: $help"
}

function Invoke-TestTask {
    Invoke-BuildTask
    Invoke-Dotnet test (Join-Path $Root 'IntercomPS.sln') --configuration $Configuration --no-build

    $pester = Get-Module -ListAvailable Pester | Where-Object Version -GE ([version] '5.0') |
        Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning ('Pester 5 or later is not installed, so tests/*.Tests.ps1 ran only through PesterCompat in ' +
            'dotnet test. Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser to run them with Pester too.')
        return
    }
    $scripts = @(Get-ChildItem (Join-Path $Root 'tests') -Filter '*.Tests.ps1' -File)
    if ($scripts.Count -eq 0) { Write-Host 'No tests/*.Tests.ps1 files to run with Pester.'; return }

    $emulator = Start-Emulator
    try {
        Import-Module $pester -Force
        $config = New-PesterConfiguration
        $config.Run.Path = $scripts.FullName
        $config.Run.Throw = $true # a failed test fails this task, and so the exit code
        $config.Output.Verbosity = 'Detailed'
        $config.TestResult.Enabled = $true
        $config.TestResult.OutputPath = Join-Path $Root 'out/pester-results.xml'
        Invoke-Pester -Configuration $config
    }
    finally {
        Stop-Emulator $emulator
    }
}

function Start-Emulator {
    # Runs the built emulator directly (not dotnet run, whose child process would outlive Stop-Process) on a
    # free loopback port chosen here, so nothing has to be parsed from its output.
    $dll = Join-Path $Root "src/IntercomPS.Emulator/bin/$Configuration/net10.0/IntercomPS.Emulator.dll"
    if (-not (Test-Path $dll)) { throw "The emulator is not built: $dll is missing." }
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()

    $appId = 'intercomps-tests'
    $apiKey = [guid]::NewGuid().ToString('N')
    $log = Join-Path $Root 'out/emulator.log'
    $process = Start-Process dotnet -ArgumentList "`"$dll`"", '--port', $port, '--app', "${appId}:$apiKey" -PassThru -NoNewWindow `
        -RedirectStandardOutput $log -RedirectStandardError "$log.err"

    $health = "http://127.0.0.1:$port/admin/health"
    $deadline = [datetime]::UtcNow.AddSeconds(30)
    while ($true) {
        try { $null = Invoke-RestMethod $health -TimeoutSec 2; break }
        catch {
            if ($process.HasExited) { throw "The emulator exited with code $($process.ExitCode); see $log and $log.err." }
            if ([datetime]::UtcNow -gt $deadline) { Stop-Process -Id $process.Id; throw "The emulator did not answer $health within 30 seconds." }
            Start-Sleep -Milliseconds 200
        }
    }

    # What tests/TestSetup.ps1 reads; the base URI is the API root, as Connect-Intercom -BaseUri takes it.
    $env:INTERCOMPS_MODULE = $Manifest
    $env:INTERCOMPS_TEST_BASEURI = "http://127.0.0.1:$port/v1/"
    $env:INTERCOMPS_TEST_APPID = $appId
    $env:INTERCOMPS_TEST_APIKEY = $apiKey
    Write-Host "Emulator on http://127.0.0.1:$port/ (process $($process.Id))"
    $process
}

function Stop-Emulator($Process) {
    foreach ($name in 'INTERCOMPS_MODULE', 'INTERCOMPS_TEST_BASEURI', 'INTERCOMPS_TEST_APPID', 'INTERCOMPS_TEST_APIKEY') {
        Remove-Item "env:$name" -ErrorAction SilentlyContinue
    }
    if (-not $Process.HasExited) { Stop-Process -Id $Process.Id }
}

function Invoke-PackageTask {
    Invoke-BuildTask
    $packages = Join-Path $Root 'out/packages'
    $null = New-Item -ItemType Directory -Force -Path $packages
    $version = (Import-PowerShellDataFile $Manifest).ModuleVersion
    Remove-Item (Join-Path $packages "IntercomPS.$version.nupkg") -ErrorAction SilentlyContinue # republish the same version

    # Publish into a throwaway local repository: the .nupkg it writes is what the Gallery accepts.
    $repository = "IntercomPS-build-$PID"
    if (Get-Command Publish-PSResource -ErrorAction SilentlyContinue) {
        Register-PSResourceRepository -Name $repository -Uri $packages -Trusted
        try { Publish-PSResource -Path $Stage -Repository $repository }
        finally { Unregister-PSResourceRepository -Name $repository }
    }
    elseif (Get-Command Publish-Module -ErrorAction SilentlyContinue) {
        Register-PSRepository -Name $repository -SourceLocation $packages -PublishLocation $packages -InstallationPolicy Trusted
        try { Publish-Module -Path $Stage -Repository $repository }
        finally { Unregister-PSRepository -Name $repository }
    }
    else {
        throw ('Package needs Microsoft.PowerShell.PSResourceGet (Publish-PSResource, part of PowerShell 7.4+) or ' +
            'PowerShellGet (Publish-Module). Install-Module Microsoft.PowerShell.PSResourceGet -Scope CurrentUser.')
    }

    $package = Join-Path $packages "IntercomPS.$version.nupkg"
    if (-not (Test-Path $package)) { throw "Publishing did not produce $package." }
    Write-Host "Package: $package"
}

try {
    switch ($Task) {
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
