# Every example request of the v1 spec, made as the cmdlet call a user would write, against a stored app (so the
# answers are real behaviour, not canned), in the spec's order, each checked against the spec's example answer.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    function ConvertFrom-UnixTime([long] $Seconds) { [System.DateTimeOffset]::FromUnixTimeSeconds($Seconds).UtcDateTime }
    Connect-TestIntercom
}

AfterAll { Disconnect-Intercom }

Describe 'The spec''s examples, in order' {
    It 'POST /users (Creating a User)' {
        $user = New-IntercomUser -Email 'ben@intercom.io' -UserId 7902 -Name 'Ben McRedmond' -CreatedAt 1257553080 `
            -CustomData @{ plan = 'pro' } -LastSeenIp '1.2.3.4' -LastSeenUserAgent 'ie6' -LastRequestAt 1300000000 `
            -Companies @{ id = 6; name = 'Intercom'; created_at = 103201; plan = 'Messaging'; monthly_spend = 50 }
        $user.Email, $user.UserId, $user.Name | Should -Be 'ben@intercom.io', '7902', 'Ben McRedmond'
        $user.CreatedAt | Should -Be (ConvertFrom-UnixTime 1257553080)
        $user.LastImpressionAt | Should -Be (ConvertFrom-UnixTime 1300000000)
        $user.CustomData['plan'] | Should -Be 'pro'
        $user.LastSeenIp, $user.LastSeenUserAgent | Should -Be '1.2.3.4', 'ie6'
        $user.SessionCount | Should -Be 0
        $user.UnsubscribedFromEmails | Should -BeFalse
    }

    It 'PUT /users (Updating a User)' {
        $user = Set-IntercomUser -Email 'ben@intercom.io' -Name 'Benjamin McRedmond' -PassThru
        $user.Name, $user.UserId | Should -Be 'Benjamin McRedmond', '7902'
    }

    It 'GET /users?email= (Getting a User)' {
        (Get-IntercomUser -Email 'ben@intercom.io').Name | Should -Be 'Benjamin McRedmond'
    }

    It 'GET /users?per_page=3 (Getting all Users)' {
        'first', 'second', 'third' | ForEach-Object { New-IntercomUser -Email "$_.user@example.com" } | Out-Null
        $listed = @(Get-IntercomUser -PageSize 3 -IncludeTotalCount)
        [long] $listed[0] | Should -Be 4
        $listed[1..4].Email | Should -Be 'ben@intercom.io', 'first.user@example.com', 'second.user@example.com', 'third.user@example.com'
    }

    It 'POST /users/notes (Creating a Note)' {
        $note = Add-IntercomNote -Email 'ben@intercom.io' -Body 'This is the text of my note.'
        $note.Html | Should -Be '<p>This is the text of my note.</p>'
        $note.User.Email | Should -Be 'ben@intercom.io'
    }

    It 'POST /tags (Create a new tag) with user_ids, then GET /tags?name= (Getting a tag)' {
        New-IntercomUser -UserId 'abc123' | Out-Null
        New-IntercomUser -UserId 'def456' | Out-Null
        $tag = New-IntercomTag -Name 'Free Trial' -UserId 'abc123', 'def456'
        $tag.Name, $tag.Color, $tag.Segment, $tag.TaggedUserCount | Should -Be 'Free Trial', 'green', $false, 2
        $tag.Id | Should -BeOfType ([string])
        $tag.Id | Should -Match '^[0-9a-f]{24}$' -Because 'tag ids were 24-hex-digit strings on the real v1 service'
        (Get-IntercomTag -Name 'Free Trial').Id | Should -Be $tag.Id
    }

    It 'PUT /tags (Update an already existing tag): recolour and tag users' {
        $tag = [pscustomobject]@{ user_id = 'abc123' } | Set-IntercomTag -Name 'Free Trial' -Color red -PassThru
        $tag.Color, $tag.TaggedUserCount | Should -Be 'red', 2
    }

    It 'POST, PUT and GET /users/message_threads (Creating, Replying on and Getting Message Threads)' {
        $thread = New-IntercomMessageThread -Email 'ben@intercom.io' -Body 'Hey Intercom, What is up?' -Url 'http://example.com/my/sweet/url'
        $thread.Messages | Should -HaveCount 1
        $thread.Messages[0].Html, $thread.Messages[0].Url | Should -Be '<p>Hey Intercom, What is up?</p>', 'http://example.com/my/sweet/url'
        $thread.MessageType, $thread.Read | Should -Be 'inbox', $true

        $replied = Add-IntercomMessageReply -Email 'ben@intercom.io' -ThreadId $thread.ThreadId -Body 'Not much either :(' -Url 'http://example.com/my/sweet/url'
        $replied.Messages.Html | Should -Be '<p>Hey Intercom, What is up?</p>', '<p>Not much either :(</p>'

        (Get-IntercomMessageThread -Email 'ben@intercom.io').ThreadId | Should -Be $thread.ThreadId
        (Get-IntercomMessageThread -Email 'ben@intercom.io' -ThreadId $thread.ThreadId).Messages | Should -HaveCount 2
    }

    It 'POST /users/impressions (Creating an Impression)' {
        (New-IntercomImpression -Email 'ben@intercom.io' -UserAgent 'my-awesome-android-app-v0.0.1').UnreadMessages | Should -Be 0
    }

    It 'DELETE /users (Deleting a User), identified by email and user_id; their threads go too' {
        $deleted = Remove-IntercomUser -Email 'ben@intercom.io' -UserId 7902 -Force -PassThru
        $deleted.Email, $deleted.UserId | Should -Be 'ben@intercom.io', '7902'
        { Get-IntercomMessageThread -Email 'ben@intercom.io' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_found,IntercomPS.Cmdlets.GetIntercomMessageThreadCommand'
    }
}

Describe 'The dummy app answers with the spec''s canned data' {
    BeforeAll {
        $dummy = Connect-Intercom -AppId 'dummy-app-id' -ApiKey (ConvertTo-SecureString 'dummy-api-key' -AsPlainText -Force) -BaseUri $IntercomTestBaseUri -PassThru
    }
    AfterAll { $dummy | Disconnect-Intercom }

    It 'somebody@example.com is Somebody from Santiago with two social profiles' {
        $somebody = Get-IntercomUser -Email 'somebody@example.com' -Session $dummy
        $somebody.Name | Should -Be 'Somebody'
        $somebody.LocationData.CityName | Should -Be 'Santiago'
        $somebody.SocialProfiles | Should -HaveCount 2
    }

    It 'not-found@example.com is not found and server-error@example.com a server error' {
        { Get-IntercomUser -Email 'not-found@example.com' -Session $dummy -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found,*'
        { Get-IntercomUser -Email 'server-error@example.com' -Session $dummy -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.server_error,*'
    }
}
