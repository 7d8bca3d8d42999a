# Tags, notes and impressions on both APIs: the same assertions against a v1 session and a REST API 2.14 session
# (the emulator serves both over one store), then what only one of them can do, with its exact error.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Get-TestNotes([string] $ContactId) {
        # The notes of a contact, read straight from the emulator's 2.14 face (what Get-IntercomNote is tested against).
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14' }
        @((Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, "contacts/$ContactId/notes")) -Headers $headers).data)
    }
}

AfterAll {
    Clear-TestFaults
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'Tags on <Api>' -ForEach @(@{ Api = 'V1' }, @{ Api = 'V2' }) {
    BeforeEach {
        Reset-TestApp
        Add-TestUsers -Count 42 -Prefix 'trial' -Tag 'trial'
        Add-TestUsers -Count 2 -Prefix 'paid'
        # Read back through v1, which counts a tag's users: the store is shared, so it shows what either API wrote.
        $v1 = Connect-TestIntercom -PassThru
        Connect-TestApi $Api
    }

    It 'gets a tag by name with its id, and reports an unknown name as not found' {
        $tags = Get-IntercomTag -Name 'nope', 'trial' -ErrorAction SilentlyContinue -ErrorVariable failed
        $tags.Name | Should -BeExactly 'trial'
        $tags.Id | Should -BeOfType ([string])
        $tags.Id | Should -Match $(if ($Api -eq 'V2') { '^[0-9]+$' } else { '^[0-9a-f]{24}$' })
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 'nope'
    }

    It 'gets several tags in the order named, a not_found per missing name, with one listing on 2.14 (v1 asks per name)' {
        $null = New-IntercomTag -Name 'vip' -Session $v1
        $null = New-IntercomTag -Name 'churned' -Session $v1
        $route = if ($Api -eq 'V2') { 'GET /tags' } else { 'GET /v1/tags' }
        $before = Get-TestRequestCount $route
        $tags = Get-IntercomTag -Name 'vip', 'nope', 'trial', 'gone', 'churned' -ErrorAction SilentlyContinue -ErrorVariable failed
        $tags.Name | Should -BeExactly 'vip', 'trial', 'churned'
        $failed.TargetObject | Should -Be 'nope', 'gone'
        $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*' }
        (Get-TestRequestCount $route) - $before | Should -Be $(if ($Api -eq 'V2') { 1 } else { 5 })
    }

    It 'creates a tag and tags two users by email and user id' {
        $tag = New-IntercomTag -Name 'vip' -Email 'trial1@example.com' -UserId 'paid1'
        $tag.Name | Should -Be 'vip'
        (Get-IntercomUser -Tag 'vip' -Session $v1).Email | Should -Be 'trial1@example.com', 'paid1@example.com'
    }

    It 'tags a segment in batches of -BatchSize: 42 users, batches of 10, take 5 tag requests' {
        $trial = Get-IntercomUser -Tag 'trial' -Session $v1
        $route = if ($Api -eq 'V2') { 'POST /tags' } else { 'POST /v1/tags' }
        $trial | Set-IntercomTag -Name 'vip' -BatchSize 10
        Get-TestRequestCount $route | Should -Be 5
        (Get-IntercomTag -Name 'vip' -Session $v1).TaggedUserCount | Should -Be 42
    }

    It 'untags only the users given' {
        'trial1@example.com', 'trial2@example.com' | Set-IntercomTag -Name 'trial' -Untag
        (Get-IntercomTag -Name 'trial' -Session $v1).TaggedUserCount | Should -Be 40
        (Get-IntercomUser -Tag 'trial' -First 1 -Session $v1).Email | Should -Be 'trial3@example.com'
    }

    It 'tags the users that piped notes are about (a note''s own Id is not a user''s)' {
        $notes = 'trial1@example.com', 'paid2@example.com' | Add-IntercomNote -Body 'Renewal call'
        $notes | Set-IntercomTag -Name 'called'
        (Get-IntercomUser -Tag 'called' -Session $v1).Email | Should -Be 'trial1@example.com', 'paid2@example.com'
    }

    It 'refuses a piped tag as a user, saying how to reach its users, and sends nothing' {
        $tag = Get-IntercomTag -Name 'trial'
        $before = Get-TestRequestCount
        $tag | Set-IntercomUser -Name 'Renamed' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'Intercom.invalid_argument,IntercomPS.Cmdlets.SetIntercomUserCommand'
        $failed[0].Exception.Message | Should -Be "Tag 'trial' is not a user: to act on the users it tags, pipe Get-IntercomUser -Tag 'trial'."
        $failed[0].TargetObject.Name | Should -Be 'trial'
        Get-TestRequestCount | Should -Be $before
    }

    It 'still tags the rest of a batch when one user does not exist' {
        'trial1@example.com', 'ghost@example.com', 'paid2@example.com' | Set-IntercomTag -Name 'vip' -ErrorAction SilentlyContinue
        (Get-IntercomUser -Tag 'vip' -Session $v1).Email | Should -Be 'trial1@example.com', 'paid2@example.com'
    }

    It 'leaves a note on each piped user and returns it' {
        $notes = 'trial1@example.com', 'paid1@example.com' | Add-IntercomNote -Body 'Called about renewal'
        $notes | Should -HaveCount 2
        $notes[0] | Should -BeOfType ([IntercomPS.Note])
        $notes.Html | Should -Be '<p>Called about renewal</p>', '<p>Called about renewal</p>'
        $notes.User.Email | Should -Be 'trial1@example.com', 'paid1@example.com'
        $notes[0].CreatedAt | Should -BeOfType ([datetime])
        $contact = (Get-IntercomUser -Email 'paid1@example.com' -Session $v1).Id
        (Get-TestNotes $contact).body | Should -Be '<p>Called about renewal</p>'
    }

    It 'reports a note for an unknown user as not found, with that input, and notes the others' {
        $notes = 'ghost@example.com', 'paid1@example.com' | Add-IntercomNote -Body 'Hello' -ErrorAction SilentlyContinue -ErrorVariable failed
        $notes.User.Email | Should -Be 'paid1@example.com'
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].TargetObject | Should -Be 'ghost@example.com'
    }
}

Describe 'README recipes on <Api>: tag a segment, note many' -ForEach @(@{ Api = 'V1' }, @{ Api = 'V2' }) {
    BeforeEach {
        Reset-TestApp
        Add-TestUsers -Count 30 -Prefix 'trial' -Tag 'trial'
        Add-TestUsers -Count 5 -Prefix 'risk' -Tag 'churn-risk'
        $v1 = Connect-TestIntercom -PassThru
        1..3 | ForEach-Object { $null = Set-IntercomUser -Email "trial$_@example.com" -CustomData @{ plan = 'pro' } -Session $v1 }
        Connect-TestApi $Api
    }

    It 'tags everyone on trial as vip, then untags the pro ones from trial' {
        Get-IntercomUser -Tag trial | Set-IntercomTag -Name vip
        Get-IntercomUser -Tag trial | Where-Object { $_.CustomData['plan'] -eq 'pro' } | Set-IntercomTag -Name trial -Untag
        (Get-IntercomTag -Name 'vip' -Session $v1).TaggedUserCount | Should -Be 30
        (Get-IntercomUser -Tag 'trial' -Session $v1).Email | Should -Be (4..30 | ForEach-Object { "trial$_@example.com" })
    }

    It 'notes every churn-risk user once, and piped users need no lookup' {
        $before = Get-TestRequestCount 'POST /contacts/search'
        $null = Get-IntercomUser -Tag churn-risk
        $listing = (Get-TestRequestCount 'POST /contacts/search') - $before
        $before = Get-TestRequestCount 'POST /contacts/search'
        $notes = Get-IntercomUser -Tag churn-risk | Add-IntercomNote -Body 'Called about renewal' -ThrottleLimit 8
        $notes.User.Email | Should -Be (1..5 | ForEach-Object { "risk$_@example.com" })
        Get-IntercomUser -Tag churn-risk -Session $v1 | ForEach-Object { @(Get-TestNotes $_.Id).Count | Should -Be 1 }
        # On 2.14 the listing's searches and none per note: each piped User carries its contact id (v1 counts none).
        (Get-TestRequestCount 'POST /contacts/search') - $before | Should -Be $listing
    }
}

Describe 'Tags on REST API 2.14' {
    BeforeEach {
        Reset-TestApp
        Add-TestUsers -Count 12 -Prefix 'trial' -Tag 'trial'
        $v1 = Connect-TestIntercom -PassThru
        $null = New-IntercomTag -Name 'vip' -Color 'gold' -Session $v1
        Connect-TestIntercomV2
    }

    It 'lists every tag without -Name, with the 2.14 numeric id, no colour, and its users counted by one search each' {
        $searches = Get-TestRequestCount 'POST /contacts/search'
        $tags = Get-IntercomTag
        $tags.Name | Should -Be 'trial', 'vip'
        $tags | ForEach-Object { $_.Id | Should -Match '^[0-9]+$' }
        $tags | ForEach-Object { $_.Color | Should -BeNullOrEmpty }
        $tags.TaggedUserCount | Should -Be 12, 0
        Get-TestRequestCount 'GET /tags' | Should -Be 1
        (Get-TestRequestCount 'POST /contacts/search') - $searches | Should -Be 2
    }

    It 'finds a name ignoring case, as Intercom does' {
        (Get-IntercomTag -Name 'VIP').Name | Should -BeExactly 'vip'
    }

    It 'takes a piped 2.14 tag, whose colour is empty, into New-IntercomTag as no colour given' {
        # 2.14 tags have no colour: piped on, their empty Color binds -Color by name and must read as not given.
        $tag = Get-IntercomTag -Name 'vip' -ErrorAction Stop
        ($tag | New-IntercomTag -ErrorAction Stop).Name | Should -Be 'vip'
        [pscustomobject]@{ Name = 'from-csv'; Color = '' } | New-IntercomTag -ErrorAction Stop | Select-Object -ExpandProperty Name | Should -Be 'from-csv'
        { [pscustomobject]@{ Name = 'pink'; Color = 'pink' } | New-IntercomTag -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'refuses -Color with not_supported and saves nothing' {
        $before = Get-TestRequestCount
        { New-IntercomTag -Name 'pink' -Color 'red' -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage 'Tags have no colour on REST API 2.x, so -Color cannot be set there: leave it out.'
        'trial1@example.com' | Set-IntercomTag -Name 'vip' -Color 'red' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $failed[0].TargetObject | Should -Be 'trial1@example.com'
        Get-TestRequestCount | Should -Be $before
        (Get-IntercomTag -Name 'vip' -Session $v1).TaggedUserCount | Should -Be 0
        { Get-IntercomTag -Name 'pink' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found,*'
    }

    It 'gives a user who cannot be found their own not_found error, in input order, and tags the rest' {
        $rows = 'trial1', 'ghost', 'trial2', 'nobody' | ForEach-Object { [pscustomobject]@{ email = "$_@example.com" } }
        $tag = $rows | Set-IntercomTag -Name 'vip' -PassThru -ErrorAction SilentlyContinue -ErrorVariable failed
        $tag.Name | Should -Be 'vip'
        $failed | Should -HaveCount 2
        ($failed | ForEach-Object { $_.TargetObject.email }) | Should -Be 'ghost@example.com', 'nobody@example.com'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].Exception.Message | Should -BeLike "No user (contact with role user) has email 'ghost@example.com'.*"
        Get-TestRequestCount 'POST /tags' | Should -Be 1
        (Get-IntercomUser -Tag 'vip' -Session $v1).Email | Should -Be 'trial1@example.com', 'trial2@example.com'
    }

    It 'reports New-IntercomTag users that cannot be found, and tags the others' {
        $tag = New-IntercomTag -Name 'beta' -Email 'trial3@example.com', 'ghost@example.com' -ErrorAction SilentlyContinue -ErrorVariable failed
        $tag.Name | Should -Be 'beta'
        $failed | Should -HaveCount 1
        $failed[0].TargetObject | Should -Be 'ghost@example.com'
        (Get-IntercomUser -Tag 'beta' -Session $v1).Email | Should -Be 'trial3@example.com'
    }

    It 'untags one contact per request, since 2.14 untags no more at once' {
        1..12 | ForEach-Object { "trial$_@example.com" } | Set-IntercomTag -Name 'trial' -Untag -ThrottleLimit 3
        Get-TestRequestCount 'DELETE /contacts/{contact_id}/tags/{tag_id}' | Should -Be 12
        Get-TestRequestCount 'POST /tags' | Should -Be 0
        (Get-IntercomTag -Name 'trial' -Session $v1).TaggedUserCount | Should -Be 0
    }

    It 'refuses to untag with a tag that does not exist, reporting each user' {
        'trial1@example.com', 'trial2@example.com' | Set-IntercomTag -Name 'never-made' -Untag -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 2
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].Exception.Message | Should -BeLike "No tag is named 'never-made'.*"
        ($failed | ForEach-Object { $_.TargetObject }) | Should -Be 'trial1@example.com', 'trial2@example.com'
        { Get-IntercomTag -Name 'never-made' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found,*'
    }
}

Describe 'What v1 cannot do: list every tag, choose who writes a note' {
    BeforeAll {
        Reset-TestApp
        Connect-TestIntercom
        $null = New-IntercomUser -Email 'ann@example.com'
    }

    It 'says that choosing the admin who writes a note needs REST API 2.x, and writes none' {
        { Add-IntercomNote -Email 'ann@example.com' -Body 'Hi' -AdminId '7' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*' `
            -ExpectedMessage 'Choosing the admin who writes a note (-AdminId) needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it.'
        Get-TestRequestCount 'POST /v1/users/notes' | Should -Be 0
    }

    It 'says that listing every tag needs REST API 2.x' {
        { Get-IntercomTag -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*' `
            -ExpectedMessage 'Listing every tag needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it.'
    }
}

Describe 'Notes on REST API 2.14' {
    BeforeAll {
        Reset-TestApp
        Add-TestUsers -Count 20 -Prefix 'risk'
        $v1 = Connect-TestIntercom -PassThru
        $session = Connect-TestIntercomV2 -PassThru
    }
    AfterEach { Clear-TestFaults }

    It 'gives the note its 2.14 id and the user their contact id, written by the session''s admin' {
        $contact = (Get-IntercomUser -Email 'risk1@example.com' -Session $v1).Id
        $note = Add-IntercomNote -Email 'risk1@example.com' -Body 'Renewal due'
        $note.Id | Should -Match '^[0-9]+$'
        $note.User.Id | Should -Be $contact
        $note.User.Email | Should -Be 'risk1@example.com'
        $stored = Get-TestNotes $contact | Where-Object id -eq $note.Id
        $stored.author.id | Should -Be $session.AdminId
    }

    It 'writes the note as the admin -AdminId names, and refuses an admin the workspace does not have' {
        $contact = (Get-IntercomUser -Email 'risk2@example.com' -Session $v1).Id
        $note = Add-IntercomNote -Email 'risk2@example.com' -Body 'By name' -AdminId $session.AdminId
        (Get-TestNotes $contact | Where-Object id -eq $note.Id).author.id | Should -Be $session.AdminId
        { Add-IntercomNote -Email 'risk2@example.com' -Body 'Nobody' -AdminId '999' -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_found,*'
        (Get-TestNotes $contact).body | Should -Be '<p>By name</p>'
    }

    It 'writes each note exactly once while answers are lost: no lost note is sent again' {
        $before = Get-TestRequestCount 'POST /contacts/{contact_id}/notes'
        Set-TestFaults @{ drop_rate = 0.3; fault_seed = 16 }
        $emails = 3..20 | ForEach-Object { "risk$_@example.com" }
        $notes = $emails | Add-IntercomNote -Body 'Called about renewal' -ThrottleLimit 1 -ErrorAction SilentlyContinue -ErrorVariable failed
        Clear-TestFaults
        $lost = @($failed | Where-Object { $_.Exception.RequestUri.AbsolutePath -like '*/notes' })
        $lost.Count | Should -BeGreaterThan 0
        $lost | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'Intercom.response_lost,*'
            $_.Exception.MayHaveBeenApplied | Should -BeTrue
        }
        $counts = $emails | ForEach-Object { @(Get-TestNotes (Get-IntercomUser -Email $_ -Session $v1).Id).Count }
        $counts | Where-Object { $_ -gt 1 } | Should -BeNullOrEmpty
        ($counts | Measure-Object -Sum).Sum | Should -Be ($notes.Count + $lost.Count)
        (Get-TestRequestCount 'POST /contacts/{contact_id}/notes') - $before | Should -Be ($notes.Count + $lost.Count)
    }
}

Describe 'Reading notes on REST API 2.14' {
    BeforeAll {
        Reset-TestApp
        $session = Connect-TestIntercomV2 -PassThru
        $reader = New-IntercomUser -Email 'reader@example.com'
        $other = New-IntercomUser -Email 'other@example.com'
        $null = 1..55 | ForEach-Object { Add-IntercomNote -Id $reader.Id -Body "Note $_" }
        $null = Add-IntercomNote -Id $other.Id -Body 'Only one'
    }

    It 'reads each piped user''s notes, newest first with their author, every page of 50, in input order' {
        $before = Get-TestRequestCount 'GET /contacts/{contact_id}/notes'
        $notes = $reader, $other | Get-IntercomNote
        $notes | Should -HaveCount 56
        $notes[0].Html | Should -BeExactly '<p>Note 55</p>'
        $notes[54].Html | Should -BeExactly '<p>Note 1</p>'
        $notes[55].Html | Should -BeExactly '<p>Only one</p>'
        $notes[55].User.Id | Should -Be $other.Id
        $notes[0].User.Id | Should -Be $reader.Id
        $notes[0].Author.Id | Should -Be $session.AdminId
        $notes[0].Author.IsAdmin | Should -BeTrue
        (Get-TestRequestCount 'GET /contacts/{contact_id}/notes') - $before | Should -Be 3 # two pages of the reader's, one of the other's
        ($notes.Id | Sort-Object -Unique) | Should -HaveCount 56
    }

    It 'stops at -First, asking for no page after it, and writes the total first with -IncludeTotalCount' {
        $before = Get-TestRequestCount 'GET /contacts/{contact_id}/notes'
        $latest = Get-IntercomNote -Email 'reader@example.com' -First 1
        $latest.Html | Should -BeExactly '<p>Note 55</p>'
        (Get-TestRequestCount 'GET /contacts/{contact_id}/notes') - $before | Should -Be 1
        $counted = @(Get-IntercomNote -Email 'reader@example.com' -Skip 50 -IncludeTotalCount)
        [long] $counted[0] | Should -Be 55
        $counted[1..5].Html | Should -Be ('<p>Note 5</p>', '<p>Note 4</p>', '<p>Note 3</p>', '<p>Note 2</p>', '<p>Note 1</p>')
    }

    It 'gets notes by -NoteId whoever they are about, and a missing one is that id''s own not_found' {
        $ids = (Get-IntercomNote -Id $other.Id).Id, '999999'
        $found = Get-IntercomNote -NoteId $ids -ErrorAction SilentlyContinue -ErrorVariable failed
        $found.Html | Should -BeExactly '<p>Only one</p>'
        $found.User.Id | Should -Be $other.Id
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].TargetObject | Should -Be '999999'
    }

    It 'refuses -NoteId with a user, and naming neither, before any request' {
        $before = Get-TestRequestCount
        $reader | Get-IntercomNote -NoteId '1' -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $refused[0].Exception.Message | Should -BeExactly '-NoteId names notes whoever they are about: give it without a user.'
        { Get-IntercomNote -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.invalid_argument,*' `
            -ExpectedMessage 'Name the users whose notes to get (-Email, -UserId, -Id, or piped users), or the notes (-NoteId).'
        Get-TestRequestCount | Should -Be $before
    }

    It 'reads the notes of the user a piped note is about' {
        (Get-IntercomNote -Id $other.Id | Get-IntercomNote).Html | Should -BeExactly '<p>Only one</p>'
    }

    It 'reports a user who cannot be found as that input''s not_found and reads the others' {
        $notes = 'nobody@example.com', 'other@example.com' | Get-IntercomNote -ErrorAction SilentlyContinue -ErrorVariable failed
        $notes.Html | Should -BeExactly '<p>Only one</p>'
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].TargetObject | Should -Be 'nobody@example.com'
    }

    It 'runs the help page''s examples as written, in a new pwsh, without an error' {
        $ben = New-IntercomUser -Email 'ben@example.com'
        $null = Add-IntercomNote -Id $ben.Id -Body 'Called about renewal'
        $null = $reader, $ben | Set-IntercomTag -Name 'churn-risk'
        $script = @'
Set-Location ([IO.Path]::GetTempPath())
foreach ($example in (Get-Help Get-IntercomNote -Full).examples.example) {
    "== $($example.title)"
    & ([scriptblock]::Create($example.code)) | ForEach-Object { "out: $($_.Html)" }
}
Import-Csv ./churn-risk-notes.csv | ForEach-Object { "csv: $($_.Email) $($_.Author) $($_.Html)" }
Remove-Item ./churn-risk-notes.csv
'@
        $run = Invoke-TestPwsh -Api V2 -Script $script
        $run.ExitCode | Should -Be 0 -Because $run.Text
        @($run.Lines | Where-Object { $_ -like '== *' }) | Should -HaveCount 3
        $run.Lines | Should -Contain 'out: <p>Called about renewal</p>'
        $csv = @($run.Lines | Where-Object { $_ -like 'csv: *' })
        $csv | Should -HaveCount 56 # the reader's 55 and Ben's one
        $csv | Should -Contain "csv: ben@example.com $((Get-IntercomSession).AdminName) <p>Called about renewal</p>"
        # Example 3: each tagged user's latest note alone.
        @($run.Lines | Where-Object { $_ -in 'out: <p>Note 55</p>', 'out: <p>Called about renewal</p>' }) | Should -HaveCount 3
    }
}

Describe 'New-IntercomImpression on REST API 2.14' {
    BeforeAll {
        Reset-TestApp
        Add-TestUsers -Count 2 -Prefix 'visitor'
        Connect-TestIntercomV2
    }

    It 'says impressions and their unread count do not exist there, for each user, and sends nothing' {
        $before = Get-TestRequestCount
        'visitor1@example.com', 'visitor2@example.com' | New-IntercomImpression -CurrentUrl 'https://example.com/pricing' -ErrorAction SilentlyContinue -ErrorVariable failed |
            Should -BeNullOrEmpty
        $failed | Should -HaveCount 2
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*'
        $failed[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $failed[0].Exception.Message | Should -BeExactly ('Impressions do not exist on REST API 2.x, and neither does the unread message count they answer with. ' +
            'To record that a user was seen, set their last seen time: Set-IntercomUser -LastRequestAt (Get-Date).')
        ($failed | ForEach-Object { $_.TargetObject }) | Should -Be 'visitor1@example.com', 'visitor2@example.com'
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'Set-IntercomTag -Untag on REST API 2.14 within -ThrottleLimit' {
    # 2.14 untags one contact per request: the lookups and untags of every batch in flight share -ThrottleLimit.
    # The server (tests/IntercomPS.Testing/GateServer.cs) holds each of them until one more than the limit wait at once,
    # which never happens when the limit holds, so each group is answered after its patience: the most that ever waited
    # together is the most the cmdlet had in flight (three batches with a throttle each would reach 4 at once).
    It 'has exactly -ThrottleLimit 3 per-user requests in flight across three batches of four users' {
        $server = [IntercomPS.Testing.GateServer]::new(4)
        $server.Patience = [timespan]::FromSeconds(1)
        try {
            $token = ConvertTo-SecureString 'gate-token' -AsPlainText -Force
            $gate = Connect-Intercom -AccessToken $token -BaseUri $server.RootUri -PassThru
            1..12 | ForEach-Object { "user$_@example.com" } | Set-IntercomTag -Name 'gated' -Untag -BatchSize 4 -ThrottleLimit 3 -Session $gate
            $server.MaxWaiting | Should -Be 3
            @($server.GatedPaths | Where-Object { $_ -eq '/contacts/search' }) | Should -HaveCount 12
            @($server.GatedPaths | Where-Object { $_ -like '/contacts/c-*/tags/17' }) | Should -HaveCount 12
        }
        finally {
            $server.Dispose()
        }
    }
}
