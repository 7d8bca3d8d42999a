# Dot-sourced by every tests/*.Tests.ps1 in its top-level BeforeAll:
#     BeforeAll { . $PSScriptRoot/TestSetup.ps1 }
# Imports the staged module and points the tests at the emulator their runner started: the xunit adapter
# (dotnet test) or build.ps1 -Task Test (real Pester). Uses only the language and .NET, no Utility cmdlets,
# so it runs the same in pwsh and in the hosted engine. See tests/README.md.

$IntercomModulePath = if ($env:INTERCOMPS_MODULE) { $env:INTERCOMPS_MODULE }
else { [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'IntercomPS', 'IntercomPS.psd1')) }

if (-not [System.IO.File]::Exists($IntercomModulePath)) {
    throw "The IntercomPS module is not staged at $IntercomModulePath. Build first: 'dotnet build' or './build.ps1'."
}
if (-not $env:INTERCOMPS_TEST_BASEURI -or -not $env:INTERCOMPS_TEST_APPID -or -not $env:INTERCOMPS_TEST_APIKEY) {
    throw ('These tests need the Intercom emulator and INTERCOMPS_TEST_BASEURI, INTERCOMPS_TEST_APPID and ' +
        "INTERCOMPS_TEST_APIKEY. Run them with './build.ps1 -Task Test' (starts an emulator, then Invoke-Pester) " +
        "or 'dotnet test tests/IntercomPS.Pester.Tests', not with Invoke-Pester alone.")
}

Import-Module $IntercomModulePath -Force -ErrorAction Stop

# The emulator's API root (http://127.0.0.1:PORT/v1/) and test app.
$IntercomTestBaseUri = [uri] $env:INTERCOMPS_TEST_BASEURI
$IntercomTestAppId = $env:INTERCOMPS_TEST_APPID

# Every file starts with an empty app: dotnet test gives each file its own emulator, build.ps1 shares one.
$resetUri = [uri]::new($IntercomTestBaseUri, "../admin/reset?app_id=$([uri]::EscapeDataString($IntercomTestAppId))")
$http = [System.Net.Http.HttpClient]::new()
try { $null = $http.PostAsync($resetUri, $null).GetAwaiter().GetResult().EnsureSuccessStatusCode() }
catch { throw "Cannot reset the test app at ${resetUri}: $($_.Exception.Message) Is the emulator running?" }
finally { $http.Dispose() }

function Connect-TestIntercom {
    # Connects the shared session to the test emulator; ConvertTo-SecureString isn't in the hosted engine.
    $key = [System.Security.SecureString]::new()
    foreach ($letter in $env:INTERCOMPS_TEST_APIKEY.ToCharArray()) { $key.AppendChar($letter) }
    Connect-Intercom -AppId $env:INTERCOMPS_TEST_APPID -ApiKey $key -BaseUri $env:INTERCOMPS_TEST_BASEURI @args
}
