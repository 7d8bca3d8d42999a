BeforeAll { . $PSScriptRoot/TestSetup.ps1 }

Describe 'Connect-Intercom' {
    AfterAll { Disconnect-Intercom }

    It 'returns the session with -PassThru, pointed at the app and URL given' {
        $session = Connect-TestIntercom -PassThru
        $session | Should -BeOfType ([IntercomPS.IntercomSession])
        $session.AppId | Should -Be $IntercomTestAppId
        $session.BaseUri.AbsoluteUri | Should -Be $IntercomTestBaseUri.AbsoluteUri
        $session.IsClosed | Should -BeFalse
        $session.ConnectedAt.Kind | Should -Be ([System.DateTimeKind]::Utc)
    }

    It 'writes nothing to the pipeline without -PassThru' {
        $output = Connect-TestIntercom
        $output | Should -BeNullOrEmpty
        (Get-IntercomSession).AppId | Should -Be $IntercomTestAppId
    }

    It 'takes the app id and key from a credential (Example 1)' {
        $credential = [pscredential]::new($IntercomTestAppId, (ConvertTo-SecureString $env:INTERCOMPS_TEST_APIKEY -AsPlainText -Force))
        $session = Connect-Intercom -Credential $credential -BaseUri $IntercomTestBaseUri -PassThru
        $session.AppId | Should -Be $IntercomTestAppId
        [object]::ReferenceEquals((Get-IntercomSession), $session) | Should -BeTrue
    }

    It 'tells what it checks with -Verbose, never the key' {
        $verbose = @(Connect-TestIntercom -Verbose 4>&1 | ForEach-Object { "$_" })
        $verbose | Should -Contain "Connected to Intercom app '$IntercomTestAppId' at $($IntercomTestBaseUri.AbsoluteUri)"
        ($verbose | Where-Object { $_.Contains($env:INTERCOMPS_TEST_APIKEY) }) | Should -BeNullOrEmpty
    }

    It 'shows its request and its retries with -Verbose, like every other cmdlet' {
        Set-TestFaults @{ failure_rate = 1; failure_status = 503 }
        $verbose = [System.Collections.Generic.List[string]]::new()
        try { Connect-TestIntercom -MaxRetry 1 -Verbose 4>&1 | ForEach-Object { $verbose.Add("$_") } }
        catch { $failure = $_ }
        finally { Clear-TestFaults }
        $failure.FullyQualifiedErrorId | Should -BeLike 'Intercom.server_error*'
        @($verbose | Where-Object { $_ -like 'GET /v1/users?page=1&per_page=1 -> 503 *' }) | Should -HaveCount 2
        @($verbose | Where-Object { $_ -like 'GET /v1/users?page=1&per_page=1: 503 server_error; retry 1 of 1 in *' }) | Should -HaveCount 1
        Connect-TestIntercom
    }

    It 'honours -TimeoutSec' {
        $session = Connect-TestIntercom -TimeoutSec 42 -PassThru
        $session.Timeout | Should -Be ([timespan]::FromSeconds(42))
    }

    It 'refuses a wrong API key with a terminating unauthorized error that says what to do' {
        Disconnect-Intercom
        { Connect-Intercom -AppId $IntercomTestAppId -ApiKey (ConvertTo-SecureString 'not-the-key' -AsPlainText -Force) -BaseUri $IntercomTestBaseUri } |
            Should -Throw -ErrorId 'Intercom.unauthorized,IntercomPS.Cmdlets.ConnectIntercomCommand'
        try { Connect-Intercom -AppId $IntercomTestAppId -ApiKey (ConvertTo-SecureString 'not-the-key' -AsPlainText -Force) -BaseUri $IntercomTestBaseUri } catch { $failure = $_ }
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.ErrorDetails.RecommendedAction | Should -BeExactly 'Check the app id and API key, then run Connect-Intercom again.'
        Get-IntercomSession | Should -BeNullOrEmpty
    }

    It 'keeps the previous session current when a connection is refused' {
        $good = Connect-TestIntercom -PassThru
        try { Connect-Intercom -AppId 'no-such-app' -ApiKey (ConvertTo-SecureString 'x' -AsPlainText -Force) -BaseUri $IntercomTestBaseUri -ErrorAction Stop } catch { $failure = $_ }
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.Message | Should -Not -Match 'not-the-key'
        [object]::ReferenceEquals((Get-IntercomSession), $good) | Should -BeTrue
        (Get-IntercomSession).IsClosed | Should -BeFalse
    }

    It 'refuses Basic authentication over plain http to a remote host, saying why' {
        { Connect-Intercom -AppId $IntercomTestAppId -ApiKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri 'http://intercom.example.com/v1/' } |
            Should -Throw -ErrorId 'Intercom.invalid_base_uri*' -ExpectedMessage "The base URI 'http://intercom.example.com/v1/' is plain http to another machine, which would send the API key unencrypted.* pass -AllowUnencryptedAuthentication."
    }

    It 'refuses an API key given as plain text, saying how to give it, and takes a PSCredential''s password' {
        { Connect-Intercom -AppId $IntercomTestAppId -ApiKey $env:INTERCOMPS_TEST_APIKEY -BaseUri $IntercomTestBaseUri } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError*' -ExpectedMessage '*-ApiKey takes a SecureString or a PSCredential, not plain text: use (Read-Host -AsSecureString), Get-Secret, or set INTERCOM_API_KEY for a scheduled script.'
        $key = [pscredential]::new('key', (ConvertTo-SecureString $env:INTERCOMPS_TEST_APIKEY -AsPlainText -Force))
        (Connect-Intercom -AppId $IntercomTestAppId -ApiKey $key -BaseUri $IntercomTestBaseUri -PassThru).AppId | Should -Be $IntercomTestAppId
    }

    It 'rejects an -AppId without -ApiKey at binding, before any request' {
        { Connect-Intercom -AppId $IntercomTestAppId -ApiKey $null -BaseUri $IntercomTestBaseUri } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe 'Connect-Intercom with an access token (REST API 2.14)' {
    BeforeAll {
        $token = ConvertTo-SecureString $env:INTERCOMPS_TEST_APIKEY -AsPlainText -Force
    }
    AfterAll { Disconnect-Intercom }

    It 'checks the token with GET /me and shows the workspace and admin it connected as (Example 1)' {
        Reset-TestApp
        $session = Connect-Intercom -AccessToken $token -BaseUri $IntercomTestV2Uri -PassThru
        $session.ApiVersion | Should -BeExactly '2.14'
        $session.AppId | Should -BeExactly $IntercomTestAppId
        $session.WorkspaceName | Should -Not -BeNullOrEmpty
        $session.AdminId | Should -Match '^[0-9]+$'
        $session.AdminEmail | Should -Match '@'
        $session.BaseUri.AbsoluteUri | Should -BeExactly $IntercomTestV2Uri.AbsoluteUri
        "$session" | Should -BeExactly "$($session.WorkspaceName) as $($session.AdminName) at $($IntercomTestV2Uri.AbsoluteUri) (REST API 2.14)"
        Get-TestRequestCount 'GET /me' | Should -Be 1
        Get-TestRequestCount | Should -Be 1
    }

    It 'takes a PSCredential whose password is the token (Example 3)' {
        $session = Connect-Intercom -AccessToken ([pscredential]::new('token', $token)) -BaseUri $IntercomTestV2Uri -PassThru
        $session.ApiVersion | Should -BeExactly '2.14'
        [object]::ReferenceEquals((Get-IntercomSession), $session) | Should -BeTrue
    }

    It 'checks -AdminId as it connects, refusing an id of no admin rather than failing every note later' {
        Reset-TestApp
        $annId = $IntercomTestAdmin.AddAdminAsync($IntercomTestAppId, 'Ann Agent', 'ann@example.com', $false).GetAwaiter().GetResult()
        $null = Connect-Intercom -AccessToken $token -BaseUri $IntercomTestV2Uri -AdminId $annId
        Get-TestRequestCount "GET /admins/{admin_id}" | Should -Be 1
        $good = Get-IntercomSession
        try { Connect-Intercom -AccessToken $token -BaseUri $IntercomTestV2Uri -AdminId 999 } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'Intercom.not_found,IntercomPS.Cmdlets.ConnectIntercomCommand'
        $failure.Exception.Message | Should -BeLike "No admin of the workspace has the id '999': -AdminId names the admin that notes, replies and conversation actions are written by (Get-IntercomAdmin lists them).*"
        [object]::ReferenceEquals((Get-IntercomSession), $good) | Should -BeTrue
    }

    It 'refuses a token given as plain text, saying how to give it' {
        { Connect-Intercom -AccessToken $env:INTERCOMPS_TEST_APIKEY -BaseUri $IntercomTestV2Uri } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError*' -ExpectedMessage '*-AccessToken takes a SecureString or a PSCredential, not plain text: use (Read-Host -AsSecureString), Get-Secret, or set INTERCOM_ACCESS_TOKEN for a scheduled script.'
    }

    It 'refuses a wrong token with a terminating unauthorized error that names the request and says what to do' {
        Disconnect-Intercom
        try { Connect-Intercom -AccessToken (ConvertTo-SecureString 'not-the-token' -AsPlainText -Force) -BaseUri $IntercomTestV2Uri } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'Intercom.unauthorized,IntercomPS.Cmdlets.ConnectIntercomCommand'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.Message | Should -Match '^Access Token Invalid \(401 unauthorized from GET /me, request \S+\)$'
        $failure.Exception.Message | Should -Not -Match 'not-the-token'
        $failure.ErrorDetails.RecommendedAction | Should -BeExactly "Check the access token (a token works only at its own region's host: see -Region), then run Connect-Intercom again."
        Get-IntercomSession | Should -BeNullOrEmpty
    }

    It 'sends -ApiVersion as Intercom-Version, which the emulator refuses for a version the real service does not know' {
        try { Connect-Intercom -AccessToken $token -BaseUri $IntercomTestV2Uri -ApiVersion 2.99 } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'Intercom.intercom_version_invalid,IntercomPS.Cmdlets.ConnectIntercomCommand'
        (Connect-Intercom -AccessToken $token -BaseUri $IntercomTestV2Uri -ApiVersion 2.13 -PassThru).ApiVersion | Should -BeExactly '2.13'
        (Connect-Intercom -AccessToken $token -BaseUri $IntercomTestV2Uri -ApiVersion 2.14 -PassThru).ApiVersion | Should -BeExactly '2.14'
    }

    It 'refuses an -ApiVersion that is not a version, before any request' {
        Reset-TestApp
        { Connect-Intercom -AccessToken $token -BaseUri $IntercomTestV2Uri -ApiVersion 'latest' } |
            Should -Throw -ErrorId 'Intercom.invalid_argument*' -ExpectedMessage "'latest' is not an Intercom API version: give one like 2.14."
        Get-TestRequestCount | Should -Be 0
    }

    It 'refuses -Region with -BaseUri, and the 2.x parameters with v1 credentials, instead of ignoring them' {
        { Connect-Intercom -AccessToken $token -BaseUri $IntercomTestV2Uri -Region EU } |
            Should -Throw -ErrorId 'Intercom.invalid_argument*' -ExpectedMessage 'Give -Region or -BaseUri, not both: a region is a base URI.'
        foreach ($v2Only in @{ Region = 'EU' }, @{ ApiVersion = '2.14' }, @{ AdminId = '1' }) {
            $name = @($v2Only.Keys)[0]
            { Connect-TestIntercom @v2Only } | Should -Throw -ErrorId 'Intercom.invalid_argument*' `
                -ExpectedMessage "-$name is for REST API 2.x sessions (Connect-Intercom -AccessToken); an app id and API key connect to the v1 API."
        }
    }

    It 'refuses a token no header can carry, saying what is wrong but never the token, before any request (<why>)' -TestCases @(
        @{ text = "t$([char]0xF8)ken-5e1c"; why = 'contains a character that is not ASCII (the 2nd)' }
        @{ text = "token-5e1c`n"; why = 'ends with a line break' }
    ) {
        Reset-TestApp
        try { Connect-Intercom -AccessToken (ConvertTo-SecureString $text -AsPlainText -Force) -BaseUri $IntercomTestV2Uri } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_credentials,IntercomPS.Cmdlets.ConnectIntercomCommand'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.Message | Should -BeLike "The access token $why*"
        "$failure $($failure.Exception)" | Should -Not -Match 'ken-5e1c'
        Get-TestRequestCount | Should -Be 0 -Because 'nothing can have been sent, so nothing is reported as lost or retried'
    }

    It 'offers only the three regions' {
        { Connect-Intercom -AccessToken $token -Region Mars } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'refuses to send the token over plain http to a remote host, saying why' {
        { Connect-Intercom -AccessToken $token -BaseUri 'http://intercom.example.com/' } |
            Should -Throw -ErrorId 'Intercom.invalid_base_uri*' -ExpectedMessage "The base URI 'http://intercom.example.com/' is plain http to another machine, which would send the access token unencrypted.* pass -AllowUnencryptedAuthentication."
    }

    It 'refuses a base URI with a password in it, never showing the password, before any request' {
        Reset-TestApp
        $withPassword = "http://ops:pw-7d2f@$($IntercomTestV2Uri.Authority)/"
        try { Connect-Intercom -AccessToken $token -BaseUri $withPassword -Verbose 4>&1 } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_base_uri,IntercomPS.Cmdlets.ConnectIntercomCommand'
        $failure.Exception.Message | Should -BeExactly "The base URI carries a user name or password, which would be shown wherever the URL is and is sent nowhere: give it as http://$($IntercomTestV2Uri.Authority)/."
        "$failure $($failure.Exception) $($failure.TargetObject)" | Should -Not -Match 'pw-7d2f'
        Get-TestRequestCount | Should -Be 0
    }

    It 'refuses a relative -BaseUri as an invalid base URI, not a .NET failure' {
        { Connect-Intercom -AccessToken $token -BaseUri 'intercom/api' } |
            Should -Throw -ErrorId 'Intercom.invalid_base_uri*' -ExpectedMessage "The base URI 'intercom/api' must be an absolute http or https URL."
    }

    It 'tells what it checks with -Verbose, never the token' {
        $verbose = @(Connect-Intercom -AccessToken $token -BaseUri $IntercomTestV2Uri -Verbose 4>&1 | ForEach-Object { "$_" })
        $verbose[0] | Should -BeExactly "Checking the access token at $($IntercomTestV2Uri.AbsoluteUri) (REST API 2.14)"
        $verbose | Should -Contain ($verbose | Where-Object { $_ -match '^GET /me -> 200 OK in \d+ ms$' })
        $verbose[-1] | Should -Match "^Connected to Intercom workspace '.+' \($IntercomTestAppId\) as .+ <.+@.+> at $([regex]::Escape($IntercomTestV2Uri.AbsoluteUri)), REST API 2.14$"
        $verbose -join "`n" | Should -Not -Match ([regex]::Escape($env:INTERCOMPS_TEST_APIKEY))
    }

    It 'connects a scheduled script from INTERCOM_ACCESS_TOKEN (Example 2)' {
        $run = Invoke-TestPwsh -Api V2 '$s = Get-IntercomSession; "$($s.ApiVersion) $($s.AppId) $($s.BaseUri)"'
        $run.ExitCode | Should -Be 0
        $run.Lines | Should -Be @("2.14 $IntercomTestAppId $($IntercomTestV2Uri.AbsoluteUri)")
    }

    It 'refuses to guess when both INTERCOM_ACCESS_TOKEN and INTERCOM_API_KEY are set' {
        $run = Invoke-TestPwsh -NoConnect 'try { Connect-Intercom } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }' -Environment @{ INTERCOM_ACCESS_TOKEN = $env:INTERCOMPS_TEST_APIKEY }
        $run.Lines | Should -Be @(
            'Intercom.ambiguous_credentials,IntercomPS.Cmdlets.ConnectIntercomCommand',
            'Both INTERCOM_ACCESS_TOKEN (REST API 2.x) and INTERCOM_API_KEY (v1) are set, so which API to use is unclear: unset one, or pass -AccessToken or -Credential.')
    }
}

Describe 'Connect-Intercom from the environment (Example 2)' {
    BeforeAll {
        $savedAppId = $env:INTERCOM_APP_ID
        $savedApiKey = $env:INTERCOM_API_KEY
        $savedBaseUri = $env:INTERCOM_BASE_URI
    }
    AfterAll {
        $env:INTERCOM_APP_ID = $savedAppId
        $env:INTERCOM_API_KEY = $savedApiKey
        $env:INTERCOM_BASE_URI = $savedBaseUri
        Disconnect-Intercom
    }

    It 'reads INTERCOM_APP_ID and INTERCOM_API_KEY when no credential is given' {
        $env:INTERCOM_APP_ID = $IntercomTestAppId
        $env:INTERCOM_API_KEY = $env:INTERCOMPS_TEST_APIKEY
        $env:INTERCOM_BASE_URI = $null
        $session = Connect-Intercom -BaseUri $IntercomTestBaseUri -PassThru
        $session.AppId | Should -Be $IntercomTestAppId
        $session.BaseUri.AbsoluteUri | Should -Be $IntercomTestBaseUri.AbsoluteUri
    }

    It 'reads INTERCOM_BASE_URI when -BaseUri is not given' {
        $env:INTERCOM_APP_ID = $IntercomTestAppId
        $env:INTERCOM_API_KEY = $env:INTERCOMPS_TEST_APIKEY
        $env:INTERCOM_BASE_URI = $IntercomTestBaseUri.AbsoluteUri
        (Connect-Intercom -PassThru).BaseUri.AbsoluteUri | Should -Be $IntercomTestBaseUri.AbsoluteUri
    }

    It 'refuses an INTERCOM_BASE_URI that is no URL, naming the variable but not its text' {
        $env:INTERCOM_APP_ID = $IntercomTestAppId
        $env:INTERCOM_API_KEY = $env:INTERCOMPS_TEST_APIKEY
        $env:INTERCOM_BASE_URI = 'ops:pw-7d2f@intercom-gateway'
        try { Connect-Intercom } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_base_uri,IntercomPS.Cmdlets.ConnectIntercomCommand'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -BeExactly 'INTERCOM_BASE_URI is not an absolute http or https URL: set it to one like https://api.eu.intercom.io/, or unset it to use the default host.'
        "$failure" | Should -Not -Match 'pw-7d2f'
    }

    It 'names the variable a credential no header can carry came from, for the scheduled script that set it' {
        $env:INTERCOM_APP_ID = $null
        $env:INTERCOM_API_KEY = $null
        $env:INTERCOM_ACCESS_TOKEN = "$($env:INTERCOMPS_TEST_APIKEY)`n"
        try { Connect-Intercom -BaseUri $IntercomTestV2Uri } catch { $failure = $_ }
        finally { $env:INTERCOM_ACCESS_TOKEN = $null }
        $failure.FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_credentials,IntercomPS.Cmdlets.ConnectIntercomCommand'
        $failure.Exception.Message | Should -BeLike 'The access token ends with a line break*It was read from INTERCOM_ACCESS_TOKEN: check what sets it (a secret file read with its line break, say).'
        $env:INTERCOM_APP_ID = $IntercomTestAppId
        $env:INTERCOM_API_KEY = " $($env:INTERCOMPS_TEST_APIKEY)"
        { Connect-Intercom -BaseUri $IntercomTestBaseUri } | Should -Throw -ErrorId 'Intercom.invalid_credentials*' -ExpectedMessage '*It was read from INTERCOM_APP_ID and INTERCOM_API_KEY: check what sets them (a secret file read with its line break, say).'
    }

    It 'says how to give credentials when there are none' {
        $env:INTERCOM_APP_ID = $null
        $env:INTERCOM_API_KEY = $null
        $env:INTERCOM_ACCESS_TOKEN = $null
        { Connect-Intercom -BaseUri $IntercomTestBaseUri } | Should -Throw -ErrorId 'Intercom.no_credentials*' `
            -ExpectedMessage 'No credentials: pass -AccessToken (REST API 2.x), or -Credential, or -AppId and -ApiKey (v1), or set INTERCOM_ACCESS_TOKEN, or INTERCOM_APP_ID and INTERCOM_API_KEY.'
    }
}

Describe 'Get-IntercomSession' {
    AfterAll { Disconnect-Intercom }

    It 'returns nothing when not connected' {
        Disconnect-Intercom
        Get-IntercomSession | Should -BeNullOrEmpty
    }

    It 'connects only when not connected yet (Example 2)' {
        Disconnect-Intercom
        if (-not (Get-IntercomSession)) { Connect-TestIntercom }
        $lines = Get-IntercomSession | ForEach-Object { "Using app $($_.AppId) at $($_.BaseUri)" }
        $lines | Should -Be "Using app $IntercomTestAppId at $($IntercomTestBaseUri.AbsoluteUri)"
    }

    It 'shows the app id and URL, never the key' {
        $session = Connect-TestIntercom -PassThru
        "$session" | Should -Be "$IntercomTestAppId at $($IntercomTestBaseUri.AbsoluteUri)"
        $names = $session.PSObject.Properties | ForEach-Object { $_.Name }
        $names | Should -Contain 'AppId'
        $names | Should -Not -Contain 'ApiKey'
        $values = $session.PSObject.Properties | Where-Object { $_.Name -ne 'Client' } | ForEach-Object { "$($_.Value)" }
        $values | Should -Not -Contain $env:INTERCOMPS_TEST_APIKEY
    }
}

Describe 'Sessions side by side (-Session, Connect-Intercom Example 3)' {
    BeforeAll {
        $dummy = Connect-Intercom -AppId 'dummy-app-id' -ApiKey (ConvertTo-SecureString 'any key' -AsPlainText -Force) -BaseUri $IntercomTestBaseUri -PassThru
        $test = Connect-TestIntercom -PassThru
        New-IntercomUser -Email 'local@example.com' -Name 'Local Only'
    }
    AfterAll { $dummy, $test | Disconnect-Intercom }

    It 'the last session connected is the current one' {
        (Get-IntercomSession).AppId | Should -Be $IntercomTestAppId
    }

    It '-Session sends a cmdlet to the other app' {
        (Get-IntercomUser -Email 'somebody@example.com' -Session $dummy).Name | Should -Be 'Somebody'
        { Get-IntercomUser -Email 'somebody@example.com' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }

    It 'each app keeps its own data' {
        (Get-IntercomUser -Email 'local@example.com').Name | Should -Be 'Local Only'
        (Get-IntercomUser -Email 'local@example.com' -Session $test).Name | Should -Be 'Local Only'
        { Get-IntercomUser -Email 'not-found@example.com' -Session $dummy -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found*'
    }
}

Describe 'Disconnect-Intercom' {
    It 'says what it closed with -Verbose (Example 1)' {
        $null = Connect-TestIntercom
        $verbose = @(Disconnect-Intercom -Verbose 4>&1)
        $verbose | Should -HaveCount 1
        $verbose[0] | Should -BeOfType ([System.Management.Automation.VerboseRecord])
        $verbose[0].Message | Should -BeExactly "Disconnected from Intercom app '$IntercomTestAppId' at $($IntercomTestBaseUri.AbsoluteUri)"
    }

    It 'closes the current session and forgets it' {
        $session = Connect-TestIntercom -PassThru
        Disconnect-Intercom
        $session.IsClosed | Should -BeTrue
        Get-IntercomSession | Should -BeNullOrEmpty
    }

    It 'makes API cmdlets fail with a terminating no_session error that says to connect' {
        Disconnect-Intercom
        { 'a@example.com', 'b@example.com' | Get-IntercomUser -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'Intercom.no_session,IntercomPS.Cmdlets.GetIntercomUserCommand'
        try { Get-IntercomUser -Email 'anyone@example.com' } catch { $failure = $_ }
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        $failure.ErrorDetails.Message | Should -BeExactly 'There is no Intercom session. Run Connect-Intercom first, or pass -Session.'
    }

    It 'refuses a closed session passed with -Session, naming its app' {
        $session = Connect-TestIntercom -PassThru
        Disconnect-Intercom -Session $session
        { Get-IntercomUser -Session $session } | Should -Throw -ErrorId 'Intercom.no_session*' `
            -ExpectedMessage "The Intercom session for app '$IntercomTestAppId' was disconnected. Run Connect-Intercom again."
    }

    It 'still serves a kept session passed with -Session after the current one is closed' {
        $kept = Connect-TestIntercom -PassThru
        Connect-TestIntercom
        Disconnect-Intercom
        (New-IntercomUser -UserId 'session-param-1' -Session $kept).UserId | Should -Be 'session-param-1'
        $kept | Disconnect-Intercom
    }

    It 'closes every piped session; the current one too (Example 2)' {
        $sessions = @(
            Connect-TestIntercom -PassThru
            Connect-TestIntercom -PassThru
        )
        $sessions | Disconnect-Intercom
        ($sessions | Where-Object { $_.IsClosed }) | Should -HaveCount 2
        Get-IntercomSession | Should -BeNullOrEmpty
    }

    It 'leaves the current session alone when closing another one' {
        $other = Connect-TestIntercom -PassThru
        $current = Connect-TestIntercom -PassThru
        $other | Disconnect-Intercom
        [object]::ReferenceEquals((Get-IntercomSession), $current) | Should -BeTrue
        (Get-IntercomSession).IsClosed | Should -BeFalse
        Disconnect-Intercom
    }

    It 'does nothing, without an error, when there is no session' {
        Disconnect-Intercom
        { Disconnect-Intercom -ErrorAction Stop } | Should -Not -Throw
        Get-IntercomSession | Should -BeNullOrEmpty
    }
}

Describe 'Sessions belong to their runspace' {
    It 'a ForEach-Object -Parallel runspace has no session until it connects, and may connect on its own' {
        Connect-TestIntercom
        $module = $IntercomModulePath
        $seen = 1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:module
            $before = [bool] (Get-IntercomSession)
            $key = ConvertTo-SecureString $env:INTERCOMPS_TEST_APIKEY -AsPlainText -Force
            Connect-Intercom -AppId $env:INTERCOMPS_TEST_APPID -ApiKey $key -BaseUri $env:INTERCOMPS_TEST_BASEURI
            "$before $((Get-IntercomSession).AppId)"
        }
        $seen | Should -Be "False $IntercomTestAppId", "False $IntercomTestAppId"
        (Get-IntercomSession).IsClosed | Should -BeFalse
        Disconnect-Intercom
    }

    It 'a -Parallel runspace and a thread job use the parent''s session passed with -Session $using:session (README)' {
        $session = Connect-TestIntercom -PassThru
        Reset-TestApp
        Add-TestUsers 2 'par'
        $module = $IntercomModulePath
        $parallel = 1, 2 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:module
            (Get-IntercomUser -Email "par$_@example.com" -Session $using:session).UserId
        }
        $parallel | Sort-Object | Should -Be 'par1', 'par2'
        $threaded = Start-ThreadJob { Import-Module $using:module; (Get-IntercomUser -Email 'par1@example.com' -Session $using:session).UserId } |
            Receive-Job -Wait -AutoRemoveJob
        $threaded | Should -Be 'par1'
    }

    It 'a Start-Job process connects from the environment (README)' {
        $module = $IntercomModulePath
        $env:INTERCOM_APP_ID = $env:INTERCOMPS_TEST_APPID
        $env:INTERCOM_API_KEY = $env:INTERCOMPS_TEST_APIKEY
        $env:INTERCOM_BASE_URI = $env:INTERCOMPS_TEST_BASEURI
        try {
            $fromJob = Start-Job { Import-Module $using:module; Connect-Intercom; (Get-IntercomUser -Email 'par2@example.com').UserId } |
                Receive-Job -Wait -AutoRemoveJob
        }
        finally { Remove-Item env:INTERCOM_APP_ID, env:INTERCOM_API_KEY, env:INTERCOM_BASE_URI }
        $fromJob | Should -Be 'par2'
    }
}
