# The module against servers that misbehave on purpose (tests/IntercomPS.Testing/LoopbackServer.cs) and the emulator's
# lost answers: a stalled body, redirects, answers that are not what was asked for, answers cut off after the write.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    $UserJson = '{"type":"user","user_id":"u1","email":"ann@example.com","name":"Ann","custom_data":{}}'

    function Connect-Loopback($Server, [int] $TimeoutSec = 30) {
        Connect-Intercom -AppId app -ApiKey (ConvertTo-SecureString 'key' -AsPlainText -Force) -BaseUri $Server.ApiUri -TimeoutSec $TimeoutSec -MaxRetry 0
    }

    function Start-InRunspace([string] $Script, [hashtable] $Arguments) {
        # Runs $Script in a runspace of its own with the module imported, as a second user session would, so the
        # test thread can watch it, time it and stop it (Stop() is what Ctrl+C does).
        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$IntercomModulePath'").AddStatement().AddScript($Script)
        if ($Arguments) { $null = $shell.AddParameters($Arguments) }
        [pscustomobject]@{ Shell = $shell; Async = $shell.BeginInvoke() }
    }
}

Describe 'A stalled answer' {
    BeforeEach {
        $server = [IntercomPS.Testing.LoopbackServer]::new()
        $null = $server.Answer('GET /v1/users?email=', 200, $UserJson, '', 'Stall')
    }
    AfterEach { $server.Dispose() }

    It 'ends at -TimeoutSec with Intercom.timeout, though the headers arrived and the body stopped' {
        $run = Start-InRunspace -Arguments @{ Uri = $server.ApiUri; Key = (ConvertTo-SecureString 'key' -AsPlainText -Force) } -Script '
            param($Uri, $Key)
            Connect-Intercom -AppId app -ApiKey $Key -BaseUri $Uri -TimeoutSec 2 -MaxRetry 0
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            Get-IntercomUser -Email ann@example.com -ErrorAction SilentlyContinue -ErrorVariable failed
            [pscustomobject]@{ Seconds = $clock.Elapsed.TotalSeconds; Failed = $failed }'
        try {
            $run.Async.AsyncWaitHandle.WaitOne(15000) | Should -BeTrue -Because 'a 2 s timeout must bound the whole exchange, body included'
            $result = $run.Shell.EndInvoke($run.Async)
            $result.Seconds | Should -BeGreaterThan 1.9
            $result.Seconds | Should -BeLessThan 5
            $result.Failed | Should -HaveCount 1
            $result.Failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.timeout*'
            $result.Failed[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        }
        finally { $server.Dispose(); $run.Shell.Dispose() } # the server first: a read it stalls must end
    }

    It 'ends within a second of Ctrl+C (Stop) while the body is stalled' {
        $run = Start-InRunspace -Arguments @{ Uri = $server.ApiUri; Key = (ConvertTo-SecureString 'key' -AsPlainText -Force) } -Script '
            param($Uri, $Key)
            Connect-Intercom -AppId app -ApiKey $Key -BaseUri $Uri -TimeoutSec 600 -MaxRetry 0
            Get-IntercomUser -Email ann@example.com'
        try {
            $server.WaitFor('GET /v1/users?email=', 10000) | Should -BeTrue
            Start-Sleep -Milliseconds 300 # the headers and half the body are in; the client is waiting for the rest
            $stopping = $run.Shell.BeginStop($null, $null)
            $stopping.AsyncWaitHandle.WaitOne(1000) | Should -BeTrue -Because 'Ctrl+C must end the request within a second'
            $run.Shell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $server.Dispose(); $run.Shell.Dispose() } # the server first: a read it stalls must end
    }
}

Describe 'Redirects' {
    BeforeAll {
        $elsewhere = [IntercomPS.Testing.LoopbackServer]::new()
    }
    AfterAll {
        $elsewhere.Dispose()
        Disconnect-Intercom
    }
    BeforeEach {
        $server = [IntercomPS.Testing.LoopbackServer]::new()
        Connect-Loopback $server
    }
    AfterEach { $server.Dispose() }

    It 'a <status> from POST /v1/users is an error naming where it pointed; nothing is sent there and no user is output' -TestCases @(
        @{ status = 302 }, @{ status = 307 }, @{ status = 301 }
    ) {
        $target = "$($elsewhere.ApiUri)users"
        $null = $server.Answer('POST /v1/users', $status, '', "Location: $target")
        $before = $elsewhere.Requests.Count

        $created = New-IntercomUser -Email ann@example.com -Name Ann -ErrorAction SilentlyContinue -ErrorVariable failed

        $created | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.redirect*'
        $failed[0].Exception.Message | Should -BeLike "*$status*pointing to $target*never redirects*"
        $elsewhere.Requests.Count | Should -Be $before
        @($server.Requests | Where-Object { $_ -like 'POST*' }) | Should -HaveCount 1
    }

    It 'a 200 that is not a user (neither user_id nor email) is invalid_response, never output' {
        $null = $server.Answer('POST /v1/users', 200, '{}')
        $created = New-IntercomUser -Email ann@example.com -ErrorAction SilentlyContinue -ErrorVariable failed
        $created | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_response*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $failed[0].Exception.Message | Should -BeLike '*neither user_id nor email*'
    }
}

Describe 'A lost answer' {
    BeforeAll {
        Connect-TestIntercom -MaxRetry 0
        Reset-TestApp
        Add-TestUsers 3 'lost'
    }
    AfterEach { Clear-TestFaults }
    AfterAll { Disconnect-Intercom }

    It 'a note whose answer was cut off after it was applied is response_lost, "it may have been applied"' {
        Set-TestFaults @{ drop_rate = 1 }
        $note = Add-IntercomNote -Email lost1@example.com -Body 'Called' -ErrorAction SilentlyContinue -ErrorVariable failed
        $note | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.response_lost*'
        $failed[0].Exception.Message | Should -BeLike '*sent, but the answer was lost: it may have been applied*'
        $failed[0].Exception.MayHaveBeenApplied | Should -BeTrue
        $failed[0].ErrorDetails.RecommendedAction | Should -BeLike '*may have been applied*'
    }

    It 'a refused connection stays connection_failed, certainly not applied' {
        $server = [IntercomPS.Testing.LoopbackServer]::new()
        $session = Connect-Intercom -AppId app -ApiKey (ConvertTo-SecureString 'key' -AsPlainText -Force) -BaseUri $server.ApiUri -MaxRetry 0 -PassThru
        $server.Dispose()
        Add-IntercomNote -Email ann@example.com -Body 'Called' -Session $session -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.connection_failed*'
        $failed[0].Exception.CertainlyNotApplied | Should -BeTrue
        $failed[0].Exception.MayHaveBeenApplied | Should -BeFalse
        Connect-TestIntercom -MaxRetry 0 # Connect-Intercom made the dead server's session current
    }

    It 'the README retry recipe repeats only what was certainly not applied: no duplicate notes' {
        Reset-TestApp
        Add-TestUsers 3 'lost'
        Set-TestFaults @{ drop_rate = 1 }
        'lost1@example.com', 'lost2@example.com' | Add-IntercomNote -Body 'Called' -ErrorAction SilentlyContinue -ErrorVariable failed
        Set-TestFaults @{ drop_rate = 0; failure_rate = 1; failure_status = 503; retry_after_seconds = 1 }
        'lost3@example.com' | Add-IntercomNote -Body 'Called' -ErrorAction SilentlyContinue -ErrorVariable +failed
        Clear-TestFaults
        $failed | Should -HaveCount 3
        $failed.FullyQualifiedErrorId -replace ',.*' | Should -Be 'Intercom.response_lost', 'Intercom.response_lost', 'Intercom.server_error'

        # The recipe, as README.md has it:
        $retry = $failed | Where-Object { -not $_.Exception.MayHaveBeenApplied } | ForEach-Object TargetObject
        $retry | Should -Be 'lost3@example.com'
        $retry | Add-IntercomNote -Body 'Called' | Should -HaveCount 1

        Get-TestRequestCount 'POST /v1/users/notes' | Should -Be 4 # 2 applied with their answers lost, 1 refused, 1 retry
    }
}

Describe 'Values a server stores that PowerShell cannot hold' {
    # The emulator may refuse such values on input; a server that stores them is played by the loopback server.
    BeforeAll {
        $server = [IntercomPS.Testing.LoopbackServer]::new()
        $odd = '{"type":"user","user_id":"u3","email":"odd@example.com","created_at":253402300800,"custom_data":{"big":1e400,"plan":"pro"}}'
        $users = @(1, 2, 4, 5 | ForEach-Object { "{`"type`":`"user`",`"user_id`":`"u$_`",`"email`":`"user$_@example.com`",`"created_at`":1704067200}" })
        $page = '{"type":"user.list","total_count":5,"page":1,"next_page":null,"total_pages":1,"users":[' + (($users[0..1] + $odd + $users[2..3]) -join ',') + ']}'
        $null = $server.Answer('GET /v1/users?page=1&per_page=500', 200, $page)
        $null = $server.Answer('GET /v1/users?email=odd', 200, $odd)
        $null = $server.Answer('PUT /v1/users', 200, $odd)
        Connect-Loopback $server
    }
    AfterAll {
        $server.Dispose()
        Disconnect-Intercom
    }

    It 'lists every user when one has a created_at past the year 9999, with a warning for that one' {
        $listed = Get-IntercomUser -ErrorVariable failed -WarningVariable warned -WarningAction SilentlyContinue
        $listed | Should -HaveCount 5
        $listed.Email | Should -Be 'user1@example.com', 'user2@example.com', 'odd@example.com', 'user4@example.com', 'user5@example.com'
        $failed | Should -BeNullOrEmpty
        $warned | Should -HaveCount 1
        "$($warned[0])" | Should -BeLike 'User odd@example.com: Intercom sent the time 253402300800, which `[datetime`] cannot hold*'
        $listed[2].CreatedAt | Should -BeNullOrEmpty
        $listed[0].CreatedAt | Should -Be ([datetime]::new(2024, 1, 1, 0, 0, 0, [System.DateTimeKind]::Utc))
    }

    It 'keeps a custom data number beyond [double] exactly, and writes it back as it came' {
        $user = Get-IntercomUser -Email odd@example.com -WarningAction SilentlyContinue
        "$($user.CustomData['big'])" | Should -Be '1e400'
        $user | Set-IntercomUser -WarningAction SilentlyContinue -ErrorVariable failed
        $failed | Should -BeNullOrEmpty -Because 'the write was applied; reading its answer must not report it failed'
        @($server.Bodies)[-1] | Should -BeLike '*"custom_data":{*"big":1e400*'
        @($server.Bodies)[-1] | Should -Not -BeLike '*created_at*'
    }
}

Describe 'A 2.14 server whose answers lie (a loopback server)' {
    BeforeAll {
        $server = [IntercomPS.Testing.LoopbackServer]::new()
        $root = [uri]::new($server.ApiUri, '/')
        $null = $server.Answer('GET /me', 200, '{"type":"admin","id":"7","name":"Ada","email":"ada@example.com","app":{"id_code":"loop","name":"Loop"}}')
        function Contact([string] $Id) { '{"type":"contact","id":"' + $Id + '","role":"user","external_id":"u-' + $Id + '","email":"' + $Id + '@example.com","created_at":1700000000}' }
        $ids = 1..150 | ForEach-Object { '{0:x24}' -f $_ }
        $session = Connect-Intercom -AccessToken (ConvertTo-SecureString 'loop-token' -AsPlainText -Force) -BaseUri $root -MaxRetry 0 -PassThru
    }
    AfterAll { $server.Dispose() }

    It 'a search whose page and cursor repeat ends with invalid_response, and no user reaches the pipeline twice' {
        $page = '{"type":"list","total_count":450,"data":[' + (($ids | ForEach-Object { Contact $_ }) -join ',') + '],"pages":{"type":"pages","next":{"per_page":150,"starting_after":"c1"}}}'
        $null = $server.Answer('POST /contacts/search', 200, $page)
        $users = Get-IntercomUser -Session $session -ErrorAction SilentlyContinue -ErrorVariable failed
        @($users.Id | Sort-Object -Unique) | Should -HaveCount @($users).Count
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^Intercom\.invalid_response'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $failed[0].Exception.Message | Should -BeLike "*cursor 'c1' again*POST /contacts/search*"
    }

    It 'a user''s conversations whose cursor repeats end with invalid_response instead of never returning' {
        $null = $server.Answer('POST /conversations/search', 200, '{"type":"conversation.list","total_count":1,"conversations":[{"type":"conversation","id":"1"}],"pages":{"type":"pages","next":{"starting_after":"k1"}}}')
        $threads = Get-IntercomMessageThread -Id $ids[0] -Session $session -ErrorAction SilentlyContinue -ErrorVariable failed
        $threads | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^Intercom\.invalid_response'
        $failed[0].Exception.Message | Should -BeLike '*POST /conversations/search*'
    }

    It 'an error body with a null error is invalid_response for that user, and the next user is still read' {
        $null = $server.Answer("GET /contacts/$($ids[0])", 404, '{"type":"error.list","errors":[null]}')
        $null = $server.Answer("GET /contacts/$($ids[1])", 200, (Contact $ids[1]))
        $users = Get-IntercomUser -Id $ids[0], $ids[1] -Session $session -ErrorAction SilentlyContinue -ErrorVariable failed
        $users.Id | Should -Be $ids[1]
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Match '^Intercom\.invalid_response'
        $failed[0].Exception.Message | Should -BeLike "*an error in its list is null*GET /contacts/$($ids[0])*"
    }

    It 'a note stored with a 200 whose X-RateLimit-Reset is past the year 9999 is output, not reported as another error' {
        $null = $server.Answer("POST /contacts/$($ids[2])/notes", 200, '{"type":"note","id":"31","created_at":1704067200,"body":"<p>Called</p>","contact":{"type":"contact","id":"' + $ids[2] + '"}}',
            "X-RateLimit-Limit: 10`r`nX-RateLimit-Remaining: 9`r`nX-RateLimit-Reset: 999999999999")
        $note = Add-IntercomNote -Id $ids[2] -Body 'Called' -Session $session -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        $note.Id | Should -Be '31'
    }

    It 'says in Verbose which header set the wait after a 429' {
        $null = $server.Answer("GET /contacts/$($ids[3])", 200, (Contact $ids[3]))
        $null = $server.Answer("GET /contacts/$($ids[3])", 429, '{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"slow down"}]}', "Retry-After: 1`r`nX-RateLimit-Limit: 10`r`nX-RateLimit-Remaining: 0`r`nX-RateLimit-Reset: $([DateTimeOffset]::UtcNow.ToUnixTimeSeconds() + 30)", 'Whole', $null, 1)
        $retrying = Connect-Intercom -AccessToken (ConvertTo-SecureString 'loop-token' -AsPlainText -Force) -BaseUri $root -MaxRetry 1 -PassThru
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $verbose = Get-IntercomUser -Id $ids[3] -Session $retrying -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10 -Because 'Retry-After asked for 1 s; the window''s reset, 30 s away, must not add to it'
        ($verbose.Message -match 'retry 1 of 1 in 1\.0 s \(set by Retry-After\)') | Should -Not -BeNullOrEmpty
    }
}

Describe 'Behind a proxy' {
    # The runtime reads the environment's proxy settings once per process, so each case runs in a new pwsh. The proxy
    # forwards every request to a loopback server whatever host it names, and refuses CONNECT: nothing leaves the machine.
    BeforeAll {
        $server = [IntercomPS.Testing.LoopbackServer]::new()
        $null = $server.Answer('GET /me', 200, '{"type":"admin","id":"7","name":"Ada","email":"ada@example.com","app":{"id_code":"loop","name":"Loop"}}')
        $proxy = [IntercomPS.Testing.LoopbackProxy]::new($server.ApiUri)
        $connect = 'Connect-Intercom -BaseUri {0} -AllowUnencryptedAuthentication -MaxRetry 0 -PassThru | ForEach-Object AdminName'
    }
    AfterAll { $proxy.Dispose(); $server.Dispose() }

    It 'honours HTTP_PROXY from the environment' {
        $run = Invoke-TestPwsh -Api V2 -NoConnect ($connect -f 'http://intercom.test/') -Environment @{ HTTP_PROXY = $proxy.Uri.AbsoluteUri; NO_PROXY = '' }
        $run.Lines | Should -Be 'Ada'
        $proxy.Requests | Should -Contain 'GET http://intercom.test/me HTTP/1.1'
    }

    It 'honours HTTPS_PROXY for the real service: the request asks the proxy for a tunnel, and a refused tunnel is connection_failed, never sent' {
        $run = Invoke-TestPwsh -Api V2 -NoConnect 'try { Connect-Intercom -BaseUri https://api.intercom.io/ -MaxRetry 0 } catch { $_.FullyQualifiedErrorId; $_.Exception.CertainlyNotApplied }' `
            -Environment @{ HTTPS_PROXY = $proxy.Uri.AbsoluteUri; NO_PROXY = '' }
        $proxy.Requests | Should -Contain 'CONNECT api.intercom.io:443 HTTP/1.1'
        $run.Lines[0] | Should -BeExactly 'Intercom.connection_failed,IntercomPS.Cmdlets.ConnectIntercomCommand'
    }

    It 'honours NO_PROXY: a host it names is reached directly' {
        $before = $proxy.Requests.Count
        $run = Invoke-TestPwsh -Api V2 -NoConnect ($connect -f $server.ApiUri.GetLeftPart('Authority')) -Environment @{ HTTP_PROXY = $proxy.Uri.AbsoluteUri; NO_PROXY = '127.0.0.1' }
        $run.Lines | Should -Be 'Ada'
        $proxy.Requests.Count | Should -Be $before
    }

    It 'goes through -Proxy with -ProxyCredential, which the proxy asked for, and says so in Verbose (Example 6)' {
        $guarded = [IntercomPS.Testing.LoopbackProxy]::new($server.ApiUri, 'ops', 'proxy-pw-4e2a')
        try {
            $credential = [pscredential]::new('ops', (ConvertTo-SecureString 'proxy-pw-4e2a' -AsPlainText -Force))
            $output = Connect-Intercom -AccessToken (ConvertTo-SecureString 'loop-token' -AsPlainText -Force) -BaseUri http://intercom.test/ -AllowUnencryptedAuthentication `
                -Proxy $guarded.Uri -ProxyCredential $credential -PassThru -Verbose 4>&1
            ($output | Where-Object { $_ -is [IntercomPS.IntercomSession] }).AdminName | Should -Be 'Ada'
            "$(($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })[0])" | Should -BeLike "*through the proxy $($guarded.Uri)*"
            $guarded.Requests | Should -Contain 'GET http://intercom.test/me HTTP/1.1'
            $guarded.Authorizations | Should -Contain 'Basic b3BzOnByb3h5LXB3LTRlMmE=' # ops:proxy-pw-4e2a
        }
        finally { $guarded.Dispose() }
    }

    It 'refuses a proxy URL carrying a password, and -ProxyCredential without -Proxy, before any request' {
        { Connect-Intercom -AccessToken (ConvertTo-SecureString 'loop-token' -AsPlainText -Force) -BaseUri $server.ApiUri -Proxy 'http://ops:pw-77d0@127.0.0.1:1/' } |
            Should -Throw -ErrorId 'Intercom.invalid_proxy*' -ExpectedMessage '*-ProxyCredential*'
        { Connect-Intercom -AccessToken (ConvertTo-SecureString 'loop-token' -AsPlainText -Force) -BaseUri $server.ApiUri -ProxyCredential ([pscredential]::new('ops', (ConvertTo-SecureString 'x' -AsPlainText -Force))) } |
            Should -Throw -ErrorId 'Intercom.invalid_proxy*' -ExpectedMessage '*give -Proxy too*'
    }
}
