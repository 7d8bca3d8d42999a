# Every write changes only what it was given. For each writable field X of every cmdlet that writes, X is set,
# then only another field Y is updated, and X is read back from the server with a raw request (not through the
# module), so a client that sent a default for a field it was not given (say unsubscribed_from_emails: false on
# every update, re-subscribing everyone) fails here.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Connect-TestIntercom

    $credential = [pscredential]::new($IntercomTestAppId, (ConvertTo-SecureString $env:INTERCOMPS_TEST_APIKEY -AsPlainText -Force))
    function Invoke-RawApi([string] $Path) {
        # The emulator as stored, independent of the module's reader.
        Invoke-RestMethod ([uri]::new($IntercomTestBaseUri, $Path)) -Authentication Basic -Credential $credential -AllowUnencryptedAuthentication
    }
    function Get-RawUser([string] $UserId) { Invoke-RawApi "users?user_id=$([uri]::EscapeDataString($UserId))" }

    # Each writable user field: the parameter, a first and a second value, the JSON field it is stored in, and how
    # a stored value reads back in the same terms as the values given.
    $userFields = [ordered]@{
        Name                   = @{ First = 'First Name'; Second = 'Second Name'; Json = 'name' }
        Email                  = @{ First = 'first@example.com'; Second = 'second@example.com'; Json = 'email' }
        CreatedAt              = @{ First = [datetime]::new(2001, 2, 3, 4, 5, 6, [System.DateTimeKind]::Utc); Second = [datetime]::new(2002, 2, 3, 4, 5, 6, [System.DateTimeKind]::Utc); Json = 'created_at' }
        LastRequestAt          = @{ First = [datetime]::new(2011, 2, 3, 4, 5, 6, [System.DateTimeKind]::Utc); Second = [datetime]::new(2012, 2, 3, 4, 5, 6, [System.DateTimeKind]::Utc); Json = 'last_impression_at' }
        CustomData             = @{ First = @{ plan = 'pro' }; Second = @{ seats = 3 }; Json = 'custom_data' }
        LastSeenIp             = @{ First = '1.1.1.1'; Second = '2.2.2.2'; Json = 'last_seen_ip' }
        LastSeenUserAgent      = @{ First = 'agent/1'; Second = 'agent/2'; Json = 'last_seen_user_agent' }
        UnsubscribedFromEmails = @{ First = $true; Second = $false; Json = 'unsubscribed_from_emails' }
    }
    function ConvertTo-Stored($Value) {
        # What a given value looks like in the API's JSON: dates as UNIX seconds, custom data as its JSON text.
        if ($Value -is [datetime]) { return [System.DateTimeOffset]::new($Value).ToUnixTimeSeconds() }
        if ($Value -is [hashtable]) { return ($Value | ConvertTo-Json -Compress) }
        $Value
    }
    function Get-Stored($User, [string] $Json) {
        $value = $User.$Json
        if ($Json -eq 'custom_data') { return ($value | ConvertTo-Json -Compress) }
        $value
    }
}

AfterAll { Disconnect-Intercom }

Describe 'User writes keep the fields they were not given' {
    It '<Cmdlet> keeps <Field> when only another field changes' -ForEach @(
        foreach ($cmdlet in 'Set-IntercomUser', 'New-IntercomUser') {
            foreach ($field in 'Name', 'Email', 'CreatedAt', 'LastRequestAt', 'CustomData', 'LastSeenIp', 'LastSeenUserAgent', 'UnsubscribedFromEmails') {
                @{ Cmdlet = $cmdlet; Field = $field }
            }
        }
    ) {
        $userId = "keep-$Cmdlet-$Field"
        $set = $userFields[$Field]
        $created = @{ UserId = $userId; $Field = $set.First }
        New-IntercomUser @created | Out-Null
        $expected = ConvertTo-Stored $set.First
        (Get-Stored (Get-RawUser $userId) $set.Json) | Should -Be $expected -Because "$Field was just set"

        foreach ($other in $userFields.Keys | Where-Object { $_ -ne $Field }) {
            $update = @{ UserId = $userId; $other = $userFields[$other].Second }
            & $Cmdlet @update -ErrorAction Stop | Out-Null
            (Get-Stored (Get-RawUser $userId) $set.Json) | Should -Be $expected -Because "$Cmdlet -$other must not touch $Field"
        }
    }

    It 'New-IntercomImpression keeps every field but the visit ones' {
        $fields = @{ UserId = 'keep-impression'; Name = 'Visitor'; CustomData = @{ plan = 'pro' }; UnsubscribedFromEmails = $true; CreatedAt = [datetime]::new(2001, 2, 3, 0, 0, 0, [System.DateTimeKind]::Utc) }
        New-IntercomUser @fields | Out-Null
        New-IntercomImpression -UserId 'keep-impression' -UserIp '8.8.8.8' -UserAgent 'browser/9' | Out-Null
        $stored = Get-RawUser 'keep-impression'
        $stored.name | Should -Be 'Visitor'
        $stored.custom_data.plan | Should -Be 'pro'
        $stored.unsubscribed_from_emails | Should -BeTrue
        $stored.created_at | Should -Be 981158400
        $stored.last_seen_ip | Should -Be '8.8.8.8'
    }

    It 'custom data merges key by key: an update of one key keeps the others' {
        New-IntercomUser -UserId 'keep-custom' -CustomData @{ plan = 'pro'; seats = 3 } | Out-Null
        Set-IntercomUser -UserId 'keep-custom' -CustomData @{ seats = 5 }
        $stored = (Get-RawUser 'keep-custom').custom_data
        $stored.plan | Should -Be 'pro'
        $stored.seats | Should -Be 5
    }
}

Describe 'User writes on REST API 2.14 keep the fields they were not given' {
    BeforeAll {
        Connect-TestIntercomV2
        $bearer = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14' }
        # 2.14 writes only the custom attributes the workspace defined.
        foreach ($attribute in @{ name = 'tier'; data_type = 'string' }, @{ name = 'licences'; data_type = 'integer' }) {
            $null = Invoke-RestMethod -Method Post ([uri]::new($IntercomTestV2Uri, 'data_attributes')) -Headers $bearer -ContentType 'application/json' `
                -Body (($attribute + @{ model = 'contact' }) | ConvertTo-Json)
        }
        function Get-RawContact([string] $Id) { Invoke-RestMethod ([uri]::new($IntercomTestV2Uri, "contacts/$Id")) -Headers $bearer }

        # Each writable contact field: the parameter, a first and a second value, where 2.14 keeps it and how the first reads there.
        $contactFields = [ordered]@{
            Name                   = @{ First = 'First Name'; Second = 'Second Name'; Json = 'name'; Stored = 'First Name' }
            # 2.14 refuses an email another contact has: {0} is the user id, so each user's are its own.
            Email                  = @{ First = '{0}.first@example.com'; Second = '{0}.second@example.com'; Json = 'email'; Stored = '{0}.first@example.com' }
            Phone                  = @{ First = '+1 555 0100'; Second = '+1 555 0199'; Json = 'phone'; Stored = '+1 555 0100' }
            CreatedAt              = @{ First = [datetime]::new(2001, 2, 3, 4, 5, 6, [System.DateTimeKind]::Utc); Second = [datetime]::new(2002, 2, 3, 4, 5, 6, [System.DateTimeKind]::Utc); Json = 'signed_up_at'; Stored = 981173106 }
            LastRequestAt          = @{ First = [datetime]::new(2011, 2, 3, 4, 5, 6, [System.DateTimeKind]::Utc); Second = [datetime]::new(2012, 2, 3, 4, 5, 6, [System.DateTimeKind]::Utc); Json = 'last_seen_at'; Stored = 1296705906 }
            CustomData             = @{ First = @{ tier = 'pro' }; Second = @{ licences = 3 }; Json = 'custom_attributes'; Key = 'tier'; Stored = 'pro' }
            UnsubscribedFromEmails = @{ First = $true; Second = $false; Json = 'unsubscribed_from_emails'; Stored = $true }
        }
        function Get-StoredField($Contact, $Field) {
            $value = $Contact.($Field.Json)
            if ($Field.Key) { return $value.($Field.Key) }
            $value
        }
        function Resolve-Value($Value, [string] $UserId) { if ($Value -is [string]) { $Value -f $UserId } else { $Value } }
    }
    AfterAll { Connect-TestIntercom }

    It '<Cmdlet> keeps <Field> when only another field changes' -ForEach @(
        foreach ($cmdlet in 'Set-IntercomUser', 'New-IntercomUser') {
            foreach ($field in 'Name', 'Email', 'Phone', 'CreatedAt', 'LastRequestAt', 'CustomData', 'UnsubscribedFromEmails') {
                @{ Cmdlet = $cmdlet; Field = $field }
            }
        }
    ) {
        $userId = "keep2-$Cmdlet-$Field"
        $set = $contactFields[$Field]
        $expected = Resolve-Value $set.Stored $userId
        $created = @{ UserId = $userId; $Field = Resolve-Value $set.First $userId }
        $id = (New-IntercomUser @created -ErrorAction Stop).Id
        Get-StoredField (Get-RawContact $id) $set | Should -Be $expected -Because "$Field was just set"

        foreach ($other in $contactFields.Keys | Where-Object { $_ -ne $Field }) {
            $update = @{ UserId = $userId; $other = Resolve-Value $contactFields[$other].Second $userId }
            & $Cmdlet @update -ErrorAction Stop | Out-Null
            Get-StoredField (Get-RawContact $id) $set | Should -Be $expected -Because "$Cmdlet -$other must not touch $Field"
        }
    }

    # A thread, an event or an event summary names its user by Email/UserId, and also has a CreatedAt (and a summary a
    # Name) of its own: piped on to tag or annotate the user, those must not be written as the user's signed-up date
    # or name.
    It 'a piped <Kind> names the user and writes only what the command gives, not its own <Fields>' -ForEach @(
        @{ Kind = 'thread'; Fields = 'CreatedAt' }
        @{ Kind = 'event'; Fields = 'CreatedAt' }
        @{ Kind = 'event summary'; Fields = 'Name, CreatedAt' }
        @{ Kind = 'sent message'; Fields = 'none' }
    ) {
        $userId = "piped-$($Kind -replace ' ', '-')"
        $signedUp = [datetime]::new(2001, 2, 3, 4, 5, 6, [System.DateTimeKind]::Utc)
        $id = (New-IntercomUser -UserId $userId -Email "$userId@example.com" -Name 'Kept Name' -CreatedAt $signedUp -ErrorAction Stop).Id
        $piped = switch ($Kind) {
            'thread' { New-IntercomMessageThread -UserId $userId -Body 'Where is my invoice?' -ErrorAction Stop }
            'event' { New-IntercomEvent -UserId $userId -EventName 'invited-teammate' -ErrorAction Stop; Get-IntercomEvent -UserId $userId -ErrorAction Stop }
            'event summary' { New-IntercomEvent -UserId $userId -EventName 'invited-teammate' -ErrorAction Stop; Get-IntercomEvent -UserId $userId -Summary -ErrorAction Stop }
            'sent message' { Send-IntercomMessage -UserId $userId -Body 'Welcome aboard' -ErrorAction Stop }
        }
        $piped | Should -Not -BeNullOrEmpty

        $piped | Set-IntercomUser -CustomData @{ tier = 'pro' } -ErrorAction Stop | Out-Null

        $stored = Get-RawContact $id
        $stored.custom_attributes.tier | Should -Be 'pro' -Because 'the piped object names the user'
        $stored.name | Should -Be 'Kept Name'
        $stored.signed_up_at | Should -Be 981173106
    }
}

Describe 'Tag writes keep what they were not given' {
    BeforeAll {
        1..4 | ForEach-Object { New-IntercomUser -UserId "tagged-$_" | Out-Null }
        function Get-RawTag([string] $Name) { Invoke-RawApi "tags?name=$([uri]::EscapeDataString($Name))" }
    }

    It 'tagging piped users keeps the colour' {
        New-IntercomTag -Name 'keep-colour' -Color red | Out-Null
        [pscustomobject]@{ user_id = 'tagged-1' } | Set-IntercomTag -Name 'keep-colour'
        (Get-RawTag 'keep-colour').color | Should -Be 'red'
        [pscustomobject]@{ user_id = 'tagged-1' } | Set-IntercomTag -Name 'keep-colour' -Untag
        (Get-RawTag 'keep-colour').color | Should -Be 'red'
    }

    It 'New-IntercomTag on an existing name with users only keeps the colour and the users already tagged' {
        New-IntercomTag -Name 'keep-upsert' -Color teal -UserId 'tagged-1' | Out-Null
        New-IntercomTag -Name 'keep-upsert' -UserId 'tagged-2' | Out-Null
        $tag = Get-RawTag 'keep-upsert'
        $tag.color | Should -Be 'teal'
        $tag.tagged_user_count | Should -Be 2
    }

    It 'changing the colour keeps the tagged users' {
        New-IntercomTag -Name 'keep-users' -UserId 'tagged-3', 'tagged-4' | Out-Null
        Set-IntercomTag -Name 'keep-users' -Color purple
        $tag = Get-RawTag 'keep-users'
        $tag.color | Should -Be 'purple'
        $tag.tagged_user_count | Should -Be 2
        (Get-IntercomUser -Tag 'keep-users').UserId | Should -Be 'tagged-3', 'tagged-4'
    }
}

Describe 'Thread writes keep what they were not given' {
    BeforeAll {
        New-IntercomUser -UserId 'threads-1' -Email 'threads1@example.com' | Out-Null
        function Get-RawThread([long] $ThreadId) { Invoke-RawApi "users/message_threads?user_id=threads-1&thread_id=$ThreadId" }
    }

    It 'marking read or unread keeps the messages and their urls' {
        $thread = New-IntercomMessageThread -UserId 'threads-1' -Body 'First' -Url 'https://app.example.com/a'
        $thread | Set-IntercomMessageThread -Read $false
        $thread | Set-IntercomMessageThread -Read $true
        $stored = Get-RawThread $thread.ThreadId
        $stored.messages | Should -HaveCount 1
        $stored.messages[0].html | Should -Be '<p>First</p>'
        $stored.messages[0].url | Should -Be 'https://app.example.com/a'
        $stored.read | Should -BeTrue
    }

    It 'a reply keeps the messages before it, and a reply without a url leaves the others'' urls alone' {
        $thread = New-IntercomMessageThread -UserId 'threads-1' -Body 'Question' -Url 'https://app.example.com/q'
        $thread | Add-IntercomMessageReply -Body 'More detail' | Out-Null
        $stored = Get-RawThread $thread.ThreadId
        $stored.messages.html | Should -Be '<p>Question</p>', '<p>More detail</p>'
        $stored.messages[0].url | Should -Be 'https://app.example.com/q'
    }
}
