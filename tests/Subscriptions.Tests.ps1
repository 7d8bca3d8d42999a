# Subscription types on REST API 2.14: Get-IntercomSubscriptionType, a user's preferences (Get-IntercomUserSubscription)
# and Set-IntercomUserSubscription -Receive, which turns "should this user receive it" into an attach, a detach or
# nothing by the type's consent. Each effect is read back through raw HTTP against the emulator's 2.14 face and the
# emulator's request counts, not through the cmdlets that made it. The types are defined through the emulator's /admin.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function Add-TestSubscriptionType([string] $Name, [string] $Consent, [string[]] $Content = @('email'), [string] $State = 'live') {
        $IntercomTestAdmin.AddSubscriptionTypeAsync($IntercomTestAppId, $Name, $Consent, $Content, $State, "About $Name").GetAwaiter().GetResult()
    }

    function Get-RawChoice([string] $ContactId) {
        # The ids of the types the contact is attached to, as the API lists them.
        $headers = @{ Authorization = "Bearer $env:INTERCOMPS_TEST_APIKEY"; 'Intercom-Version' = '2.14'; Accept = 'application/json' }
        @((Invoke-RestMethod -Uri ([uri]::new($IntercomTestV2Uri, "contacts/$ContactId/subscriptions")) -Headers $headers).data | ForEach-Object id)
    }

    function Get-SubscriptionWrites {
        (Get-TestRequestCount 'POST /contacts/{contact_id}/subscriptions') + (Get-TestRequestCount 'DELETE /contacts/{contact_id}/subscriptions/{subscription_id}')
    }

    function Initialize-SubscriptionWorld {
        Reset-TestApp
        Connect-TestIntercomV2
        $script:newsletters = Add-TestSubscriptionType 'Newsletters' 'opt_out'
        $script:updates = Add-TestSubscriptionType 'Product updates' 'opt_in' @('sms_message')
        $script:alertsEmail = Add-TestSubscriptionType 'Alerts' 'opt_out'
        $script:alertsSms = Add-TestSubscriptionType 'Alerts' 'opt_in' @('sms_message')
        $script:beta = Add-TestSubscriptionType 'Beta news' 'opt_in' @('email') 'draft'
        $script:users = @(
            [pscustomobject]@{ user_id = 'u-ben'; email = 'ben@example.com' }
            [pscustomobject]@{ user_id = 'u-ann'; email = 'ann@example.com' }
            [pscustomobject]@{ user_id = 'u-cat'; email = 'cat@example.com' }
        ) | New-IntercomUser -ThrottleLimit 1
        $users[1, 2] | Set-IntercomTag -Name complained
    }
}

AfterAll { Disconnect-Intercom }

Describe 'Get-IntercomSubscriptionType' {
    BeforeAll { Initialize-SubscriptionWorld }

    It 'lists the workspace''s types as typed objects, with the table ops people read' {
        $types = Get-IntercomSubscriptionType
        $types | ForEach-Object { $_ | Should -BeOfType ([IntercomPS.SubscriptionType]) }
        $types.Id | Should -Be $newsletters, $updates, $alertsEmail, $alertsSms, $beta
        $types[0].Name | Should -BeExactly 'Newsletters'
        $types[0].Description | Should -BeExactly 'About Newsletters'
        $types[0].ConsentType | Should -Be 'opt_out'
        $types[1].ContentTypes | Should -Be 'sms_message'
        $types[4].State | Should -Be 'draft'
        $types[0].Translations[0].Locale | Should -Be 'en'
        $table = ($types | Select-Object -First 2 | Out-String -Width 200) -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $table[0] | Should -Match '^Id\s+Name\s+ConsentType\s+ContentTypes\s+State$'
        $table[2] | Should -Match "^$newsletters\s+Newsletters\s+opt_out\s+email\s+live$"
        $table[3] | Should -Match "^$updates\s+Product updates\s+opt_in\s+sms_message\s+live$"
    }

    It 'keeps the types -Name matches, with wildcards and in any case, and names a name that matches none' {
        (Get-IntercomSubscriptionType -Name 'product*').Id | Should -Be $updates
        (Get-IntercomSubscriptionType -Name 'ALERTS').Id | Should -Be $alertsEmail, $alertsSms
        Get-IntercomSubscriptionType -Name 'Nothing*' | Should -BeNullOrEmpty
        Get-IntercomSubscriptionType -Name 'Fax news' -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $missing[0].TargetObject | Should -BeExactly 'Fax news'
    }

    It 'pages with -First, -Skip and -IncludeTotalCount over one listing' {
        Initialize-SubscriptionWorld
        $before = Get-TestRequestCount 'GET /subscription_types'
        (Get-IntercomSubscriptionType -Skip 1 -First 2).Id | Should -Be $updates, $alertsEmail
        $counted = Get-IntercomSubscriptionType -IncludeTotalCount -First 1
        $counted[0] | Should -Be 5
        $counted[1].Id | Should -Be $newsletters
        Get-TestRequestCount 'GET /subscription_types' | Should -Be ($before + 2)
    }
}

Describe 'Set-IntercomUserSubscription' {
    BeforeEach { Initialize-SubscriptionWorld }

    It 'stops the newsletters for the users of a tag in one pipeline, with one listing of the types' {
        Get-IntercomUser -Tag complained | Set-IntercomUserSubscription -SubscriptionType Newsletters -Receive $false | Should -BeNullOrEmpty
        Get-RawChoice $users[1].Id | Should -Be $newsletters
        Get-RawChoice $users[2].Id | Should -Be $newsletters
        Get-RawChoice $users[0].Id | Should -BeNullOrEmpty
        Get-TestRequestCount 'GET /subscription_types' | Should -Be 1
        Get-TestRequestCount 'POST /contacts/{contact_id}/subscriptions' | Should -Be 2
        $mine = Get-IntercomUser -Tag complained | Get-IntercomUserSubscription
        $mine.Email | Should -Be 'ann@example.com', 'cat@example.com'
        $mine.SubscriptionTypeName | Should -Be 'Newsletters', 'Newsletters'
        $mine.Receives | Should -Be $false, $false
    }

    It 'attaches for opt_out and not receiving, detaches for opt_out and receiving, and sends no write when already so' {
        $ben = @{ Email = 'ben@example.com' }
        $out = Set-IntercomUserSubscription @ben -SubscriptionType Newsletters -Receive $false -PassThru
        $out.Receives, $out.Explicit, $out.Changed | Should -Be $false, $true, $true
        Get-RawChoice $users[0].Id | Should -Be $newsletters
        Get-SubscriptionWrites | Should -Be 1

        $again = Set-IntercomUserSubscription @ben -SubscriptionType Newsletters -Receive $false -PassThru -Verbose 4>&1
        $said = $again | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($said.Message -join "`n") | Should -BeLike "*ben@example.com already does not receive 'Newsletters' ($newsletters): nothing was sent.*"
        $result = $again | Where-Object { $_ -is [IntercomPS.UserSubscription] }
        $result.Receives, $result.Changed | Should -Be $false, $false
        Get-SubscriptionWrites | Should -Be 1

        $back = Set-IntercomUserSubscription @ben -SubscriptionType Newsletters -Receive $true -PassThru
        $back.Receives, $back.Explicit, $back.Changed | Should -Be $true, $false, $true
        Get-RawChoice $users[0].Id | Should -BeNullOrEmpty
        Get-TestRequestCount 'DELETE /contacts/{contact_id}/subscriptions/{subscription_id}' | Should -Be 1

        (Set-IntercomUserSubscription @ben -SubscriptionType Newsletters -Receive $true -PassThru).Changed | Should -BeFalse
        Get-SubscriptionWrites | Should -Be 2
    }

    It 'attaches for opt_in and receiving, detaches for opt_in and not receiving, and sends no write when already so' {
        $ann = @{ UserId = 'u-ann' }
        $out = Set-IntercomUserSubscription @ann -SubscriptionType 'product UPDATES' -Receive $true -PassThru
        $out.Receives, $out.Explicit, $out.Changed | Should -Be $true, $true, $true
        $out.UserId, $out.ContactId, $out.SubscriptionTypeId, $out.ConsentType | Should -Be 'u-ann', $users[1].Id, $updates, 'opt_in'
        Get-RawChoice $users[1].Id | Should -Be $updates
        Get-TestRequestCount 'POST /contacts/{contact_id}/subscriptions' | Should -Be 1

        (Set-IntercomUserSubscription @ann -SubscriptionType $updates -Receive $true -PassThru).Changed | Should -BeFalse
        Get-SubscriptionWrites | Should -Be 1

        $off = Set-IntercomUserSubscription @ann -SubscriptionType 'Product updates' -Receive $false -PassThru
        $off.Receives, $off.Explicit, $off.Changed | Should -Be $false, $false, $true
        Get-RawChoice $users[1].Id | Should -BeNullOrEmpty
        Get-TestRequestCount 'DELETE /contacts/{contact_id}/subscriptions/{subscription_id}' | Should -Be 1

        (Set-IntercomUserSubscription @ann -SubscriptionType 'Product updates' -Receive $false -PassThru).Changed | Should -BeFalse
        Get-SubscriptionWrites | Should -Be 2
    }

    It 'runs two inputs naming the same user in input order, so the second finds the first''s choice' {
        $out = 'ben@example.com', 'ben@example.com', 'ann@example.com' | Set-IntercomUserSubscription -SubscriptionType Newsletters -Receive $false -PassThru -ThrottleLimit 8
        $out.Changed | Should -Be $true, $false, $true
        Get-TestRequestCount 'POST /contacts/{contact_id}/subscriptions' | Should -Be 2
    }

    It 'takes a piped type with the users named beside it, and a piped user subscription as both' {
        Get-IntercomSubscriptionType -Name Newsletters | Set-IntercomUserSubscription -Email ben@example.com, ann@example.com -Receive $false
        Get-RawChoice $users[0].Id | Should -Be $newsletters
        Get-RawChoice $users[1].Id | Should -Be $newsletters

        # Undo every opt-out of Ben: his preferences piped back, each naming him and its type.
        Get-IntercomUserSubscription -Email ben@example.com | Where-Object { -not $_.Receives } | Set-IntercomUserSubscription -Receive $true
        Get-RawChoice $users[0].Id | Should -BeNullOrEmpty
        Get-RawChoice $users[1].Id | Should -Be $newsletters
    }

    It 'refuses an unknown type name before any user is read, ending the command' {
        $failure = $null
        try { Get-IntercomUser -Tag complained | Set-IntercomUserSubscription -SubscriptionType 'Newsleters' -Receive $false } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -Be 'Intercom.not_found,IntercomPS.Cmdlets.SetIntercomUserSubscriptionCommand'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.TargetObject | Should -BeExactly 'Newsleters'
        $failure.Exception.Message | Should -BeLike "No subscription type is named 'Newsleters' or has that id: Get-IntercomSubscriptionType lists them ('Newsletters' ($newsletters), *"
        Get-TestRequestCount 'GET /contacts/{contact_id}/subscriptions' | Should -Be 0
        Get-SubscriptionWrites | Should -Be 0
    }

    It 'refuses a name two types share, listing them, and takes either by id' {
        { Set-IntercomUserSubscription -Email ben@example.com -SubscriptionType Alerts -Receive $false -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.ambiguous_subscription_type,*' -ExpectedMessage "2 subscription types are named 'Alerts': $alertsEmail (opt_out, email, live), $alertsSms (opt_in, sms_message, live). Name one by its id. (ambiguous_subscription_type from GET /subscription_types)"
        Get-SubscriptionWrites | Should -Be 0
        Set-IntercomUserSubscription -Email ben@example.com -SubscriptionType $alertsSms -Receive $true
        Get-RawChoice $users[0].Id | Should -Be $alertsSms
    }

    It 'refuses a piped object of another kind, saying what to pipe, and sends nothing' {
        $tag = Get-IntercomTag -Name complained
        $before = Get-TestRequestCount
        $tag | Set-IntercomUserSubscription -SubscriptionType Newsletters -Receive $false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'Intercom.invalid_argument,IntercomPS.Cmdlets.SetIntercomUserSubscriptionCommand'
        $failed[0].Exception.Message | Should -Be "Tag 'complained' is not a user: to act on the users it tags, pipe Get-IntercomUser -Tag 'complained'."
        $failed[0].TargetObject | Should -Be $tag
        Get-TestRequestCount | Should -Be $before
    }

    It 'refuses a piped type without users, and an input with no type, and sends nothing' {
        $before = Get-TestRequestCount
        Get-IntercomSubscriptionType -Name Newsletters | Set-IntercomUserSubscription -Receive $false -ErrorAction SilentlyContinue -ErrorVariable noUser
        $noUser | Should -HaveCount 1
        $noUser[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.invalid_argument,*'
        $noUser[0].Exception.Message | Should -Be "Subscription type 'Newsletters' is the subscription type: name the users to set it for with -Email, -UserId or -Id."
        Set-IntercomUserSubscription -Email ben@example.com -Receive $false -ErrorAction SilentlyContinue -ErrorVariable noType
        $noType | Should -HaveCount 1
        $noType[0].Exception.Message | Should -Be 'Name the subscription type: -SubscriptionType <id or name> (Get-IntercomSubscriptionType lists them), or pipe one.'
        $noType[0].TargetObject | Should -BeExactly 'ben@example.com'
        Get-TestRequestCount | Should -Be ($before + 1) -Because 'only the listing the piped type was read from'
    }

    It 'makes an unknown user that input''s own error and carries on' {
        Set-IntercomUserSubscription -Email nobody@example.com, ben@example.com -SubscriptionType Newsletters -Receive $false -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
        $failed[0].TargetObject | Should -BeExactly 'nobody@example.com'
        Get-RawChoice $users[0].Id | Should -Be $newsletters
    }

    It 'sends nothing at all with -WhatIf, not even the listing of the types' {
        $before = Get-TestRequestCount 'GET /subscription_types'
        $run = Invoke-TestPwsh -Api V2 -Script "Get-IntercomUser -Tag complained | Set-IntercomUserSubscription -SubscriptionType Newsletters -Receive `$false -WhatIf"
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Lines | Where-Object { $_ -like 'What if:*' } | Should -Be @(
            'What if: Performing the operation "Stop receiving subscription type ''Newsletters''" on target "ann@example.com (u-ann)".'
            'What if: Performing the operation "Stop receiving subscription type ''Newsletters''" on target "cat@example.com (u-cat)".'
        )
        Get-TestRequestCount 'GET /subscription_types' | Should -Be $before
        Get-TestRequestCount 'GET /contacts/{contact_id}/subscriptions' | Should -Be 0
        Get-SubscriptionWrites | Should -Be 0
        Get-RawChoice $users[1].Id | Should -BeNullOrEmpty
    }
}

Describe 'Get-IntercomUserSubscription' {
    BeforeAll {
        Initialize-SubscriptionWorld
        Set-IntercomUserSubscription -Email ben@example.com -SubscriptionType Newsletters -Receive $false
        Set-IntercomUserSubscription -Email ben@example.com -SubscriptionType 'Product updates' -Receive $true
    }

    It 'writes the user''s explicit choices, each saying whether the user receives it' {
        $choices = Get-IntercomUserSubscription -Email ben@example.com
        $choices | ForEach-Object { $_ | Should -BeOfType ([IntercomPS.UserSubscription]) }
        $choices.SubscriptionTypeName | Should -Be 'Newsletters', 'Product updates'
        $choices.Receives | Should -Be $false, $true
        $choices.Explicit | Should -Be $true, $true
        $choices.ContactId | Should -Be $users[0].Id, $users[0].Id
        $table = ($choices | Out-String -Width 200) -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $table[0] | Should -Match '^User\s+SubscriptionType\s+ConsentType\s+Receives\s+Explicit$'
        $table[2] | Should -Match '^ben@example.com\s+Newsletters\s+opt_out\s+False\s+True$'
        Get-IntercomUserSubscription -Email ann@example.com | Should -BeNullOrEmpty
    }

    It 'adds every other live type with its default when asked, listing the types once' {
        $before = Get-TestRequestCount 'GET /subscription_types'
        $all = Get-IntercomUser | Get-IntercomUserSubscription -IncludeDefault
        Get-TestRequestCount 'GET /subscription_types' | Should -Be ($before + 1)
        $ben = $all | Where-Object Email -eq 'ben@example.com'
        $ben.SubscriptionTypeName | Should -Be 'Newsletters', 'Product updates', 'Alerts', 'Alerts'
        $ben.Receives | Should -Be $false, $true, $true, $false
        $ben.Explicit | Should -Be $true, $true, $false, $false
        $ann = $all | Where-Object Email -eq 'ann@example.com'
        $ann.SubscriptionTypeName | Should -Not -Contain 'Beta news' -Because 'a draft type is nobody''s default'
        ($ann | Where-Object SubscriptionTypeName -eq 'Newsletters').Receives | Should -BeTrue
        ($ann | Where-Object SubscriptionTypeName -eq 'Product updates').Receives | Should -BeFalse
    }

    It 'names an unknown user as that input''s not_found' {
        Get-IntercomUserSubscription -Email nobody@example.com, ben@example.com -ErrorAction SilentlyContinue -ErrorVariable failed | Should -HaveCount 2
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Intercom.not_found,*'
    }
}

Describe 'Subscription types on v1' {
    BeforeAll { Initialize-SubscriptionWorld }
    AfterAll { Connect-TestIntercomV2 }

    It 'refuses each cmdlet with not_supported and sends nothing' {
        Connect-TestIntercom
        $before = Get-TestRequestCount
        { Get-IntercomSubscriptionType -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
        { Get-IntercomUserSubscription -Email ben@example.com -ErrorAction Stop } | Should -Throw -ErrorId 'Intercom.not_supported,*'
        Set-IntercomUserSubscription -Email ben@example.com, ann@example.com -SubscriptionType Newsletters -Receive $false -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused | Should -HaveCount 2
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be 'Intercom.not_supported,IntercomPS.Cmdlets.SetIntercomUserSubscriptionCommand' }
        $refused[0].Exception.Message | Should -Be "Setting a user's subscriptions needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it."
        Get-TestRequestCount | Should -Be $before
    }
}

Describe 'The help examples' {
    BeforeAll { Initialize-SubscriptionWorld }

    It 'run as written, in a new pwsh, without an error' {
        $script = @'
foreach ($name in 'Get-IntercomSubscriptionType', 'Get-IntercomUserSubscription', 'Set-IntercomUserSubscription') {
    foreach ($example in (Get-Help $name -Full).examples.example) {
        "== $name $($example.title)"
        $null = & ([scriptblock]::Create($example.code)) | Out-String
    }
}
'@
        $run = Invoke-TestPwsh -Api V2 -Script $script
        $run.ExitCode | Should -Be 0 -Because $run.Text
        @($run.Lines | Where-Object { $_ -like '== *' }) | Should -HaveCount 10
        # The examples left Ben opted in to product updates, his opt-outs undone; Ann and Cat opted out of the newsletters.
        Get-RawChoice $users[0].Id | Should -Be $updates
        Get-RawChoice $users[1].Id | Should -Be $newsletters
    }
}
