# Dot-sourced by every tests/*.Tests.ps1 in its top-level BeforeAll:
#     BeforeAll { . $PSScriptRoot/TestSetup.ps1 }
# Imports the staged module and points the tests at the emulator their runner started: the xunit adapter
# (dotnet test) or build.ps1 -Task Test (real Pester), then defines the helpers the files share. Uses only the language and .NET, no Utility cmdlets,
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
    # Connects the shared session to the test emulator; extra arguments go to Connect-Intercom.
    Connect-Intercom -AppId $env:INTERCOMPS_TEST_APPID -ApiKey (New-TestSecureString $env:INTERCOMPS_TEST_APIKEY) -BaseUri $env:INTERCOMPS_TEST_BASEURI @args
}

# Helpers the test files share. Like Connect-TestIntercom they are defined in the file's top-level BeforeAll
# (where this script is dot-sourced), so every Describe, It and AfterAll of the file sees them.

function New-TestSecureString([string] $Text) {
    # A SecureString holding $Text; ConvertTo-SecureString isn't in the hosted engine.
    $secure = [System.Security.SecureString]::new()
    foreach ($letter in $Text.ToCharArray()) { $secure.AppendChar($letter) }
    $secure
}

function Invoke-TestAdmin([string] $Method, [string] $Path, [string] $Json) {
    # The emulator's /admin endpoints (no auth), next to the API root. Returns the response body; throws on a non-2xx.
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), [uri]::new($IntercomTestBaseUri, "../admin/$Path"))
        if ($Json) { $request.Content = [System.Net.Http.StringContent]::new($Json, [System.Text.Encoding]::UTF8, 'application/json') }
        $response = $http.SendAsync($request).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) { throw "admin $Method $Path answered $([int] $response.StatusCode): $text" }
        $text
    }
    finally { $http.Dispose() }
}

function Reset-TestApp {
    # Empties the test app again, as at the start of the file: its data, request counts and rate limit (not faults).
    $null = Invoke-TestAdmin POST "reset?app_id=$([uri]::EscapeDataString($IntercomTestAppId))"
}

function Add-TestUsers([int] $Count, [string] $Prefix, [string] $Tag) {
    # Creates users ${Prefix}1..${Prefix}$Count straight in the emulator (no /v1 requests), all tagged $Tag if given.
    $tagJson = if ($Tag) { ", `"tag`": `"$Tag`"" } else { '' }
    $null = Invoke-TestAdmin POST 'seed' "{`"app_id`": `"$IntercomTestAppId`", `"count`": $Count, `"prefix`": `"$Prefix`"$tagJson}"
}

function Get-TestRequestCount([string] $Route) {
    # /v1 requests of the test app since its last reset, for one route ("GET /v1/users") or all of them.
    $document = [System.Text.Json.JsonDocument]::Parse((Invoke-TestAdmin GET "requests?app_id=$([uri]::EscapeDataString($IntercomTestAppId))"))
    try {
        if (-not $Route) { return $document.RootElement.GetProperty('total').GetInt32() }
        $count = 0
        foreach ($property in $document.RootElement.GetProperty('by_route').EnumerateObject()) {
            if ($property.Name -eq $Route) { $count = $property.Value.GetInt32() }
        }
        $count
    }
    finally { $document.Dispose() }
}

function Add-TestAdminReply([string] $Email, [long] $ThreadId, [string] $Body) {
    # An admin's answer in a thread: unread for the user until they read the thread.
    $json = "{`"app_id`": `"$IntercomTestAppId`", `"email`": `"$Email`", `"thread_id`": $ThreadId, `"body`": `"$Body`"}"
    $null = Invoke-TestAdmin POST 'message_threads/reply' $json
}
