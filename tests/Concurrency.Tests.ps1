# Requests side by side: Get-IntercomUser -ThrottleLimit, Set-IntercomTag's concurrent batches, and the list
# read-ahead that grows only while the consumer waits for pages. Concurrency is proved with a loopback server that holds
# requests until enough wait at once (tests/IntercomPS.Testing/GateServer.cs), never with a stopwatch; request counts
# come from the emulator's /admin/requests.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    function Connect-Gate([IntercomPS.Testing.GateServer] $Server) {
        # A session of its own on the gate server; the shared one stays on the emulator.
        Connect-Intercom -AppId 'gate' -ApiKey (ConvertTo-SecureString 'gate-key' -AsPlainText -Force) -BaseUri $Server.ApiUri -PassThru
        Connect-TestIntercom
    }
}

AfterAll {
    Clear-TestFaults
    Disconnect-Intercom
}

Describe 'Get-IntercomUser -ThrottleLimit' {
    It 'looks up <limit> piped users at once, and no more, keeping their order' -TestCases @(
        @{ limit = 1 }, @{ limit = 4 }, @{ limit = 16 }
    ) {
        $server = [IntercomPS.Testing.GateServer]::new($limit)
        try {
            $session = Connect-Gate $server
            $emails = 1..($limit * 3) | ForEach-Object { "gate$_@example.com" }

            $users = $emails | Get-IntercomUser -ThrottleLimit $limit -Session $session

            $server.MaxWaiting | Should -Be $limit
            $users.Email | Should -Be $emails
        }
        finally { $server.Dispose() }
    }

    It 'looks up named users side by side too (-Email a,b,...)' {
        $server = [IntercomPS.Testing.GateServer]::new(8)
        try {
            $session = Connect-Gate $server
            $emails = 1..16 | ForEach-Object { "named$_@example.com" }

            $users = Get-IntercomUser -Email $emails -ThrottleLimit 8 -Session $session

            $server.MaxWaiting | Should -Be 8
            $users.Email | Should -Be $emails
        }
        finally { $server.Dispose() }
    }

    It 'looks up 4 at a time when -ThrottleLimit is not given' {
        $server = [IntercomPS.Testing.GateServer]::new(4)
        try {
            $session = Connect-Gate $server
            $null = 1..8 | ForEach-Object { "default$_@example.com" } | Get-IntercomUser -Session $session
            $server.MaxWaiting | Should -Be 4
        }
        finally { $server.Dispose() }
    }

    It 'buffers a bounded number of answers behind one that is slow (8 per request in flight)' {
        $server = [IntercomPS.Testing.GateServer]::new(1, 'email=slow1%40')
        $server.Patience = [timespan]::FromSeconds(5) # time enough for far more than 16 to arrive, on a busy machine
        try {
            $session = Connect-Gate $server
            $emails = 1..100 | ForEach-Object { "slow$_@example.com" }

            $users = $emails | Get-IntercomUser -ThrottleLimit 2 -Session $session

            # The first is held: the others go on (far more than 2 are sent) until 2 x 8 wait for their turn, the
            # held one included; only then does the cmdlet wait.
            $server.ArrivedWhileHeld | Should -Be 16
            $users.Email | Should -Be $emails
        }
        finally { $server.Dispose() }
    }

    It 'refuses -ThrottleLimit <limit>, outside 1-64' -TestCases @(@{ limit = 0 }, @{ limit = 65 }) {
        { Get-IntercomUser -Email 'a@example.com' -ThrottleLimit $limit } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IntercomPS.Cmdlets.GetIntercomUserCommand' -ExpectedMessage "*'ThrottleLimit'*$limit*"
    }

    Context 'against the emulator, answers arriving out of order' {
        BeforeAll {
            Reset-TestApp
            Add-TestUsers -Count 60 -Prefix 'look'
            Set-TestFaults @{ latency_ms = 1; jitter_ms = 20 }
        }
        AfterAll { Clear-TestFaults }

        It 'writes users and per-item errors in input order, each error naming its own input' {
            $emails = 1..60 | ForEach-Object { if ($_ % 6 -eq 0) { "missing$_@example.com" } else { "look$_@example.com" } }

            $out = $emails | Get-IntercomUser -ThrottleLimit 16 -ErrorVariable failed 2>&1 |
                ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { 'error ' + $_.TargetObject } else { $_.Email } }

            $out | Should -Be ($emails | ForEach-Object { if ($_ -like 'missing*') { "error $_" } else { $_ } })
            $failed | Should -HaveCount 10
            $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'Intercom.not_found,IntercomPS.Cmdlets.GetIntercomUserCommand' }
            (Get-TestRequestCount 'GET /v1/users') | Should -Be 60
        }
    }

    Context 'one at a time (-ThrottleLimit 1), 200 ms a request' {
        BeforeAll {
            Reset-TestApp
            Add-TestUsers -Count 3 -Prefix 'seq'
            Set-TestFaults @{ latency_ms = 200 }
        }
        AfterAll { Clear-TestFaults }

        It 'takes in the next input while a request is in flight, and writes each answer while the next request is in flight' {
            $log = [System.Collections.Generic.List[string]]::new()

            1..3 | ForEach-Object { $log.Add("in $_"); "seq$_@example.com" } |
                Get-IntercomUser -ThrottleLimit 1 |
                ForEach-Object { $log.Add('out ' + $_.Email.Split('@')[0]) }

            # Before: in 1, out seq1, in 2, ... (the pipeline stood still for every request).
            $log | Should -Be 'in 1', 'in 2', 'out seq1', 'in 3', 'out seq2', 'out seq3'
            (Get-TestRequestCount 'GET /v1/users') | Should -Be 3
        }
    }
}

Describe 'Set-IntercomTag -ThrottleLimit' {
    It 'sends <limit> batches at once, and no more' -TestCases @(@{ limit = 1 }, @{ limit = 4 }) {
        $server = [IntercomPS.Testing.GateServer]::new($limit)
        try {
            $session = Connect-Gate $server
            1..(10 * $limit * 2) | ForEach-Object { "tag$_@example.com" } | Set-IntercomTag -Name 'gated' -BatchSize 10 -ThrottleLimit $limit -Session $session

            $server.Gated | Should -Be ($limit * 2)
            $server.MaxWaiting | Should -Be $limit
        }
        finally { $server.Dispose() }
    }

    It 'reports a refused batch on each of its own users, in input order, and sends the other batches' {
        $server = [IntercomPS.Testing.GateServer]::new(4)
        $server.RefuseBodiesWith = 'user13@'
        try {
            $session = Connect-Gate $server
            $emails = 1..40 | ForEach-Object { "user$_@example.com" }

            $emails | Set-IntercomTag -Name 'gated' -BatchSize 10 -ThrottleLimit 4 -Session $session -ErrorAction SilentlyContinue -ErrorVariable failed

            $server.Gated | Should -Be 4
            $server.MaxWaiting | Should -Be 4
            $failed.TargetObject | Should -Be $emails[10..19]
            $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.bad_request,*' }
        }
        finally { $server.Dispose() }
    }

    Context 'against the emulator' {
        BeforeAll {
            Reset-TestApp
            Add-TestUsers -Count 450 -Prefix 'batch'
            Set-TestFaults @{ latency_ms = 1; jitter_ms = 20 }
        }
        AfterAll { Clear-TestFaults }

        It 'tags every piped user with ceil(N / BatchSize) requests, and -PassThru shows the final count' {
            $tag = 1..450 | ForEach-Object { [pscustomobject]@{ user_id = "batch$_" } } | Set-IntercomTag -Name 'side-by-side' -BatchSize 50 -ThrottleLimit 8 -PassThru

            (Get-TestRequestCount 'POST /v1/tags') | Should -Be 9
            $tag.TaggedUserCount | Should -Be 450
            (Get-IntercomUser -Tag 'side-by-side').UserId | Should -Be (1..450 | ForEach-Object { "batch$_" })
        }
    }
}

Describe 'Get-IntercomUser read-ahead' {
    BeforeAll {
        Reset-TestApp
        Add-TestUsers -Count 3000 -Prefix 'ramp'
    }

    BeforeEach { $before = Get-TestRequestCount 'GET /v1/users' }

    It 'keeps one page ahead of a consumer slower than the network: stopping inside page 6 costs 7 requests' {
        # The consumer does something with each user (10 ms here), so the next page is always there when it asks.
        $users = Get-IntercomUser -PageSize 20 | ForEach-Object { Start-Sleep -Milliseconds 10; $_ } | Select-Object -First 120
        $users[119].UserId | Should -Be 'ramp120'
        (Get-TestRequestCount 'GET /v1/users') - $before | Should -Be 7
    }

    It 'grows the read-ahead for a consumer faster than the network, bounded by the waits: <first> users cost at most <bound> requests' -TestCases @(
        @{ first = 150; bound = 4 }, @{ first = 600; bound = 14 }
    ) {
        # Select-Object drains each page at once, so it waits for every page and the read-ahead doubles with each
        # wait (1, 2, 4, 8): after n pages at most n + min(8, 2^(n-1)) requests, where the old ramp sent 9 for 150.
        Set-TestFaults @{ latency_ms = 30 }
        try {
            $users = Get-IntercomUser -PageSize 100 | Select-Object -First $first
        }
        finally { Clear-TestFaults }
        $users | Should -HaveCount $first
        $users[-1].UserId | Should -Be "ramp$first"
        (Get-TestRequestCount 'GET /v1/users') - $before | Should -BeLessOrEqual $bound
    }

    It 'reads the whole list once, every page once and in order' {
        $ids = Get-IntercomUser -PageSize 100 | ForEach-Object UserId
        (Get-TestRequestCount 'GET /v1/users') - $before | Should -Be 30
        $ids | Should -Be (1..3000 | ForEach-Object { "ramp$_" })
    }
}
