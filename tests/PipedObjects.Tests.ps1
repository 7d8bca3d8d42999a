# A piped object of the module's binds its own Id and Name (and, into a [string] -Name, its text) by property name to
# whatever cmdlet it is piped into. Piped into a cmdlet for another kind of thing it would name another thing with the
# same id or name: a company deleted by a tag's Id, a tag deleted by a user's Name, an attribute archived by a tag's Id,
# a user removed by a data attribute's. Each is refused with Intercom.invalid_argument, the piped object as TargetObject
# and what to pipe instead, before -Confirm and before any request; the right kind, strings and CSV rows still bind.
# Where ids of two kinds cannot collide on the emulator, the piped object is made with the colliding id, as it can be
# on a real workspace (tags, admins, teams and attributes all have small integer ids).

BeforeAll { . $PSScriptRoot/TestSetup.ps1 }

AfterAll { Disconnect-Intercom -ErrorAction SilentlyContinue }

Describe 'Piped objects of another kind on REST API 2.14' {
    BeforeEach {
        Reset-TestApp
        Connect-TestIntercomV2
        $script:ada = New-IntercomUser -Email 'ada@example.com' -UserId 'ada' -Name 'Acme'
        $script:company = New-IntercomCompany -CompanyId 'co-1' -Name 'Acme'
        $script:tag = New-IntercomTag -Name 'Acme'
    }

    It 'Remove-IntercomCompany deletes no company by a piped tag''s or user''s Id' {
        $sameId = [IntercomPS.Tag]@{ Id = $company.Id; Name = 'vip' }
        $before = Get-TestRequestCount
        $sameId, $ada | Remove-IntercomCompany -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 2
        $failed[0].FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_argument,IntercomPS.Cmdlets.RemoveIntercomCompanyCommand'
        $failed[0].Exception.Message | Should -BeExactly "Tag 'vip' is not a company: pipe companies (Get-IntercomCompany), or pass a company's -Id or -CompanyId."
        $failed[0].TargetObject.Name | Should -BeExactly 'vip'
        $failed[1].Exception.Message | Should -BeExactly "User 'ada@example.com' is not a company: pipe companies (Get-IntercomCompany), or pass a company's -Id or -CompanyId."
        Get-TestRequestCount | Should -Be $before
        (Get-IntercomCompany -Id $company.Id).CompanyId | Should -BeExactly 'co-1'
        # The company itself, and a CSV row naming it, still do.
        [pscustomobject]@{ company_id = 'co-1' } | Remove-IntercomCompany -Force -PassThru | ForEach-Object Id | Should -Be $company.Id
    }

    It 'Remove-IntercomTag deletes no tag by a piped user''s, company''s or event''s name' {
        $event = [IntercomPS.DataEvent]@{ EventName = 'Acme'; Email = 'ada@example.com' }
        $before = Get-TestRequestCount
        $ada, $company, $event | Remove-IntercomTag -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 3
        $failed.FullyQualifiedErrorId | Should -Be (@('Intercom.invalid_argument,IntercomPS.Cmdlets.RemoveIntercomTagCommand') * 3)
        $failed[0].Exception.Message | Should -BeExactly "User 'ada@example.com' is not a tag: to tag or untag users, pipe them to Set-IntercomTag -Name (-Untag)."
        $failed[1].Exception.Message | Should -BeExactly "Company 'Acme' is not a tag: pipe tags (Get-IntercomTag) or tag names, or pass -Name."
        $failed[2].Exception.Message | Should -BeExactly "Data event 'Acme' is not a tag: pipe tags (Get-IntercomTag) or tag names, or pass -Name."
        $failed[2].TargetObject | Should -BeOfType IntercomPS.DataEvent
        Get-TestRequestCount | Should -Be $before
        (Get-IntercomTag -Name 'Acme').Id | Should -Be $tag.Id
        # A piped tag and a piped name still do.
        $tag | Remove-IntercomTag -Force -PassThru | ForEach-Object Name | Should -BeExactly 'Acme'
    }

    It 'a piped tag beside -Name naming another tag deletes neither' {
        $kept = New-IntercomTag -Name 'Keep'
        $deletes = Get-TestRequestCount 'DELETE /tags/{tag_id}'
        # PowerShell binds the command line's -Name and skips the piped tag's own: Keep would go while Beta was piped.
        $beta = New-IntercomTag -Name 'Beta'
        $beta | Remove-IntercomTag -Name 'Keep' -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $beta | Remove-IntercomTag -Name 'Beta', 'Keep' -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $failed | Should -HaveCount 2
        $failed.FullyQualifiedErrorId | Should -Be (@('Intercom.invalid_argument,IntercomPS.Cmdlets.RemoveIntercomTagCommand') * 2)
        $failed[0].Exception.Message | Should -BeExactly "Tag 'Beta' names its tag, and -Name names another (Keep): pipe it alone, or name the tags by -Name alone."
        $failed[1].Exception.Message | Should -BeExactly "Tag 'Beta' names its tag, and -Name names another (Beta, Keep): pipe it alone, or name the tags by -Name alone."
        $failed[0].TargetObject.Name | Should -BeExactly 'Beta'
        (Get-IntercomTag -Name 'Keep').Id | Should -Be $kept.Id
        (Get-IntercomTag -Name 'Beta').Id | Should -Be $beta.Id
        Get-TestRequestCount 'DELETE /tags/{tag_id}' | Should -Be $deletes
        # Beside its own name it still does.
        ($beta | Remove-IntercomTag -Name 'Beta' -Force -PassThru).Name | Should -BeExactly 'Beta'
        $kept | Remove-IntercomTag -Force
    }

    It 'Set-IntercomDataAttribute archives no attribute by a piped tag''s Id, and New-IntercomDataAttribute defines none by a user''s Name' {
        $plan = New-IntercomDataAttribute -Name 'plan'
        $sameId = [IntercomPS.Tag]@{ Id = "$($plan.Id)"; Name = 'trial' }
        $before = Get-TestRequestCount
        $sameId | Set-IntercomDataAttribute -Archived $true -ErrorAction SilentlyContinue -ErrorVariable failed
        $ada | New-IntercomDataAttribute -ErrorAction SilentlyContinue -ErrorVariable +failed
        $failed | Should -HaveCount 2
        $failed[0].FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_argument,IntercomPS.Cmdlets.SetIntercomDataAttributeCommand'
        $failed[0].Exception.Message | Should -BeExactly "Tag 'trial' is not a data attribute: pipe data attributes (Get-IntercomDataAttribute) or their names, or pass -Name."
        $failed[1].FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_argument,IntercomPS.Cmdlets.NewIntercomDataAttributeCommand'
        Get-TestRequestCount | Should -Be $before
        (Get-IntercomDataAttribute -Name 'plan' -Custom -IncludeArchived).Archived | Should -BeFalse
        Get-IntercomDataAttribute -Name 'Acme' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        # The attribute itself still does.
        (Get-IntercomDataAttribute -Name 'plan' -Custom | Set-IntercomDataAttribute -Description 'Plan' -PassThru).Description | Should -BeExactly 'Plan'
    }

    It 'New-IntercomCompany writes no piped user''s Name or CustomData as a company''s' {
        $before = Get-TestRequestCount
        $ada | New-IntercomCompany -CompanyId 'co-2' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_argument,IntercomPS.Cmdlets.NewIntercomCompanyCommand'
        $failed[0].Exception.Message | Should -BeExactly "User 'ada@example.com' is not a company: pipe companies (Get-IntercomCompany), or pass a company's -Id or -CompanyId."
        Get-TestRequestCount | Should -Be $before
        # A company piped back in still saves it.
        ($company | New-IntercomCompany -Plan 'pro').Plan | Should -BeExactly 'pro'
    }

    It 'a piped data attribute, thread part, admin author or a note beside -Email names no user to remove or write' {
        $attribute = New-IntercomDataAttribute -Name 'seats' -DataType integer
        $part = [IntercomPS.ThreadPart]@{ Id = $ada.Id; Type = 'comment' }
        $admin = [IntercomPS.MessageAuthor]@{ IsAdmin = $true; Type = 'admin'; Id = '7'; Name = 'Ann Agent'; Email = 'ada@example.com' }
        $note = Add-IntercomNote -Email 'ada@example.com' -Body 'Called'
        $before = Get-TestRequestCount
        $attribute, $part, $admin | Remove-IntercomUser -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $note | Set-IntercomUser -Email 'ada@example.com' -Name 'Ada' -ErrorAction SilentlyContinue -ErrorVariable +failed
        $failed | Should -HaveCount 4
        $failed[0..2].FullyQualifiedErrorId | Should -Be (@('Intercom.invalid_argument,IntercomPS.Cmdlets.RemoveIntercomUserCommand') * 3)
        $failed[0].Exception.Message | Should -BeExactly "Data attribute 'seats' is not a user: pipe users (Get-IntercomUser), or pass -Email, -UserId or -Id."
        $failed[1].TargetObject | Should -BeOfType IntercomPS.ThreadPart
        $failed[2].Exception.Message | Should -BeExactly "Message author 'Ann Agent' is not a user: pipe users (Get-IntercomUser), or pass -Email, -UserId or -Id."
        $failed[3].Exception.Message | Should -BeExactly "Note $($note.Id) names the user it is about only when piped alone, without -Email, -UserId or -Id: pipe the user instead."
        Get-TestRequestCount | Should -Be $before
        (Get-IntercomUser -Email 'ada@example.com').Name | Should -BeExactly 'Acme'
        # A user author and a note alone still name their user.
        [IntercomPS.MessageAuthor]@{ Type = 'user'; Id = $ada.Id } | Set-IntercomUser -Name 'Ada' -PassThru | ForEach-Object Name | Should -BeExactly 'Ada'
        $note | Get-IntercomUser | ForEach-Object Id | Should -Be $ada.Id
    }

    It 'a piped message of a thread, or the session, lists none of the workspace''s conversations' {
        $null = New-IntercomMessageThread -Email 'ada@example.com' -Body 'Hello'
        $message = (Get-IntercomMessageThread -Email 'ada@example.com').Messages[0]
        $before = Get-TestRequestCount
        $listed = $message, (Get-IntercomSession) | Get-IntercomMessageThread -ErrorAction SilentlyContinue -ErrorVariable failed
        $listed | Should -BeNullOrEmpty
        $failed | Should -HaveCount 2
        $failed.FullyQualifiedErrorId | Should -Be (@('Intercom.invalid_argument,IntercomPS.Cmdlets.GetIntercomMessageThreadCommand') * 2)
        $failed[0].Exception.Message | Should -BeLike "Message '*Hello*' is not a user: pipe users (Get-IntercomUser), or pass -Email, -UserId or -Id."
        $failed[1].TargetObject | Should -BeOfType IntercomPS.IntercomSession
        Get-TestRequestCount | Should -Be $before
    }

    It 'looks up no segment, team, company, tag or data attribute by another object''s Id or Name' {
        $admin = Get-IntercomAdmin -Id (Get-IntercomSession).AdminId
        $before = Get-TestRequestCount
        $ada | Get-IntercomSegmentUser -ErrorAction SilentlyContinue -ErrorVariable failed
        $ada | Get-IntercomSegment -ErrorAction SilentlyContinue -ErrorVariable +failed
        $admin | Get-IntercomTeam -ErrorAction SilentlyContinue -ErrorVariable +failed
        $tag | Get-IntercomCompany -ErrorAction SilentlyContinue -ErrorVariable +failed
        $company | Get-IntercomTag -ErrorAction SilentlyContinue -ErrorVariable +failed
        $company | New-IntercomTag -ErrorAction SilentlyContinue -ErrorVariable +failed
        $ada | Get-IntercomDataAttribute -ErrorAction SilentlyContinue -ErrorVariable +failed
        $failed | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*' } | Should -Be (@('Intercom.invalid_argument') * 7)
        $failed[0].Exception.Message | Should -BeExactly "User 'ada@example.com' is not a segment: pipe segments (Get-IntercomSegment), or pass a segment's -SegmentId."
        $failed[2].Exception.Message | Should -BeExactly "Admin '$($admin.Name)' is not a team: pipe teams (Get-IntercomTeam) or threads, or pass a team's -Id."
        $failed[2].TargetObject.Id | Should -Be $admin.Id
        Get-TestRequestCount | Should -Be $before
        # The right kinds still do.
        ($company | Get-IntercomCompany).CompanyId | Should -BeExactly 'co-1'
        ($tag | Get-IntercomTag).Name | Should -BeExactly 'Acme'
        ([pscustomobject]@{ name = 'Acme' } | Get-IntercomTag).Id | Should -Be $tag.Id
    }
    It 'a piped subscription type, user subscription, thread part or thread message deletes, blocks, redacts or unsubscribes nothing else' {
        $newsletters = $IntercomTestAdmin.AddSubscriptionTypeAsync($IntercomTestAppId, 'Acme', 'opt_out', @('email'), 'live', '').GetAwaiter().GetResult()
        $type = Get-IntercomSubscriptionType -Name 'Acme'
        $choice = Get-IntercomUserSubscription -Email 'ada@example.com' -IncludeDefault
        $null = New-IntercomMessageThread -Email 'ada@example.com' -Body 'Hello'
        $thread = Get-IntercomMessageThread -Email 'ada@example.com'
        $null = Add-IntercomMessageReply -ThreadId $thread.ThreadId -Body 'Hi Ada' -AsAdmin
        $thread = Get-IntercomMessageThread -ThreadId $thread.ThreadId
        $part = $thread.Parts | Select-Object -Last 1
        $before = Get-TestRequestCount
        $type | Remove-IntercomUser -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $type | Block-IntercomUser -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $type | Get-IntercomUserSubscription -ErrorAction SilentlyContinue -ErrorVariable +failed
        $type, $choice | Remove-IntercomTag -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $type, $choice | Remove-IntercomCompany -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $type, $choice, $part, $thread.Messages[0] | Remove-IntercomMessageThread -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $type, $choice, $ada, $thread.Messages[0] | Clear-IntercomMessagePart -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $part | Block-IntercomUser -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $part | Set-IntercomUserSubscription -SubscriptionType 'Acme' -Receive $false -ErrorAction SilentlyContinue -ErrorVariable +failed
        $failed | Should -HaveCount 17
        $failed | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*' } | Should -Be (@('Intercom.invalid_argument') * 17)
        $failed[0].Exception.Message | Should -BeExactly "Subscription type 'Acme' is not a user: pipe users to Set-IntercomUserSubscription -SubscriptionType '$($newsletters)', or pass -Email, -UserId or -Id."
        $failed[0].TargetObject | Should -BeOfType IntercomPS.SubscriptionType
        $failed[4].Exception.Message | Should -BeLike "User subscription 'ada@example.com: receives Acme' is not a tag: *"
        $failed[9].Exception.Message | Should -BeExactly "Thread part '$part' is a part of thread $($thread.ThreadId), not the thread: to redact the part, pipe it to Clear-IntercomMessagePart; to delete the thread, pipe threads (Get-IntercomMessageThread)."
        $failed[10].Exception.Message | Should -BeLike "Message '*Hello*' is not a thread: *"
        $failed[13].Exception.Message | Should -BeExactly "User 'ada@example.com' is not a thread's part: pipe a thread's Parts, or a thread with -Source, or pass -ThreadId with -PartId or -Source."
        $failed[16].TargetObject | Should -BeOfType IntercomPS.ThreadPart
        Get-TestRequestCount | Should -Be $before
        (Get-IntercomUser -Email 'ada@example.com').Id | Should -Be $ada.Id
        (Get-IntercomTag -Name 'Acme').Id | Should -Be $tag.Id
        (Get-IntercomMessageThread -ThreadId $thread.ThreadId).Parts.Redacted | Should -Not -Contain $true
        (Get-IntercomUserSubscription -Email 'ada@example.com') | Should -BeNullOrEmpty
        # The right kinds still do: the type names the type, the choice the user, the part its thread and itself.
        ($type | Set-IntercomUserSubscription -Email 'ada@example.com' -Receive $false -PassThru).Receives | Should -BeFalse
        ($choice | Set-IntercomUserSubscription -Receive $true -PassThru).Changed | Should -BeTrue
        ($part | Clear-IntercomMessagePart -Force -PassThru).Parts | Where-Object Id -eq $part.Id | ForEach-Object Redacted | Should -BeTrue
    }
    It 'a piped user, user subscription or thread beside -Email or -Id naming another user blocks, removes or unsubscribes neither' {
        $bob = New-IntercomUser -Email 'bob@example.com' -UserId 'bob'
        $null = $IntercomTestAdmin.AddSubscriptionTypeAsync($IntercomTestAppId, 'News', 'opt_out', @('email'), 'live', '').GetAwaiter().GetResult()
        $choice = Get-IntercomUserSubscription -Email 'ada@example.com' -IncludeDefault
        $null = New-IntercomMessageThread -Email 'ada@example.com' -Body 'Hello'
        $thread = Get-IntercomMessageThread -Email 'ada@example.com'
        $before = Get-TestRequestCount
        # PowerShell binds the piped object's other ids beside the command line's, and the lookup goes by the contact id:
        # each would act on Ada while -Confirm and the answer named Bob.
        $ada | Block-IntercomUser -Email 'bob@example.com' -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $choice | Remove-IntercomUser -Email 'bob@example.com' -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $choice | Set-IntercomUserSubscription -Email 'bob@example.com' -Receive $false -ErrorAction SilentlyContinue -ErrorVariable +failed
        $ada | Set-IntercomUserSubscription -Id $bob.Id -SubscriptionType 'News' -Receive $false -ErrorAction SilentlyContinue -ErrorVariable +failed
        $thread | Set-IntercomMessageThread -Email 'bob@example.com' -State Closed -ErrorAction SilentlyContinue -ErrorVariable +failed
        $failed | Should -HaveCount 5
        $failed | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*' } | Should -Be (@('Intercom.invalid_argument') * 5)
        $failed[0].Exception.Message | Should -BeExactly "User 'ada@example.com' names its user, and -Email names one too: pipe it alone, or name the user by -Email alone."
        $failed[0].TargetObject.Email | Should -BeExactly 'ada@example.com'
        $failed[3].Exception.Message | Should -BeExactly "User 'ada@example.com' names its user, and -Id names one too: pipe it alone, or name the user by -Id alone."
        $failed[4].TargetObject | Should -BeOfType IntercomPS.MessageThread
        Get-TestRequestCount | Should -Be $before
        (Get-IntercomUser -Email 'ada@example.com').Id | Should -Be $ada.Id
        (Get-IntercomUserSubscription -Email 'bob@example.com') | Should -BeNullOrEmpty
        (Get-IntercomUserSubscription -Email 'ada@example.com') | Should -BeNullOrEmpty
        (Get-IntercomMessageThread -ThreadId $thread.ThreadId).State | Should -Be 'open'
        # The object alone, or beside its own ids, still names its user; a user write still takes -Email as the new email.
        ($ada | Block-IntercomUser -Email 'ada@example.com' -Force -PassThru).Id | Should -Be $ada.Id
        ($choice | Set-IntercomUserSubscription -Receive $false -PassThru).ContactId | Should -Be $ada.Id
        ($bob | Set-IntercomUser -Email 'robert@example.com' -PassThru).Email | Should -BeExactly 'robert@example.com'
    }
}

Describe 'Piped objects and help center articles on REST API 2.14' {
    BeforeEach {
        Reset-TestApp
        Connect-TestIntercomV2
        $script:ada = New-IntercomUser -Email 'ada@example.com' -UserId 'ada' -Name 'Acme'
        $script:company = New-IntercomCompany -CompanyId 'co-1' -Name 'Acme'
        $script:tag = New-IntercomTag -Name 'Acme'
        $script:article = New-IntercomArticle -Title 'Acme' -Body 'Keep me.' -State published
    }

    It 'a piped object of every other kind changes or deletes no article, even one with the article''s Id' {
        $id = $article.Id
        $null = New-IntercomMessageThread -Email 'ada@example.com' -Body 'Hello'
        $thread = Get-IntercomMessageThread -Email 'ada@example.com'
        $note = Add-IntercomNote -Email 'ada@example.com' -Body 'Called'
        $admin = Get-IntercomAdmin -Id (Get-IntercomSession).AdminId
        $others = @(
            $ada, $company, $tag, $note, $admin, $thread, [IntercomPS.ThreadPart]@{ Id = $id; ThreadId = $thread.ThreadId }, $thread.Messages[0], (Get-IntercomSession),
            [IntercomPS.Tag]@{ Id = $id; Name = 'Acme' }, [IntercomPS.Company]@{ Id = $id; Name = 'Acme' },
            [IntercomPS.Admin]@{ Id = $id; Name = 'Acme' }, [IntercomPS.Team]@{ Id = $id; Name = 'Acme' },
            [IntercomPS.Segment]@{ Id = $id; Name = 'Acme' }, [IntercomPS.DataAttribute]@{ Id = $id; Name = 'Acme' },
            [IntercomPS.Note]@{ Id = $id }, [IntercomPS.HelpCenterCollection]@{ Id = $id; Name = 'Acme' },
            [IntercomPS.User]@{ Id = $id; Email = 'x@example.com' })
        $before = Get-TestRequestCount
        $others | Set-IntercomArticle -State draft -Title 'Gone' -ErrorAction SilentlyContinue -ErrorVariable failed
        $others | Remove-IntercomArticle -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $others | New-IntercomArticle -Title 'Copy' -ErrorAction SilentlyContinue -ErrorVariable +failed
        $failed | Should -HaveCount (3 * $others.Count)
        # A thread's State (open) fails New-IntercomArticle's -State set as PowerShell binds it, before the cmdlet runs.
        $failed | Where-Object { $_.FullyQualifiedErrorId -notlike 'Intercom.invalid_argument,*' -and $_.TargetObject -isnot [IntercomPS.MessageThread] } | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" } | Should -BeNullOrEmpty
        $failed[10].Exception.Message | Should -BeExactly "Company 'Acme' is not an article: pipe articles (Get-IntercomArticle), or pass an article's -Id."
        $failed[10].TargetObject | Should -BeOfType IntercomPS.Company
        Get-TestRequestCount | Should -Be $before
        $kept = Get-IntercomArticle -Id $id
        $kept.Title | Should -BeExactly 'Acme'
        $kept.State | Should -Be 'published'
        @(Get-IntercomArticle) | Should -HaveCount 1
        # The article itself still does.
        ($article | Set-IntercomArticle -State draft -PassThru).State | Should -Be 'draft'
    }

    It 'a piped article beside -Id naming another article changes or deletes neither' {
        $other = New-IntercomArticle -Title 'Other' -Body 'Keep me too.' -State published
        $before = Get-TestRequestCount
        # PowerShell binds the command line's -Id and skips the piped article's own: each would act on the other
        # article while -Confirm named the piped one's title.
        $article | Set-IntercomArticle -Id $other.Id -State draft -ErrorAction SilentlyContinue -ErrorVariable failed
        $article | Remove-IntercomArticle -Id $other.Id -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $failed | Should -HaveCount 2
        $failed | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*' } | Should -Be 'Intercom.invalid_argument', 'Intercom.invalid_argument'
        $failed[1].Exception.Message | Should -BeExactly "Article 'Acme' ($($article.Id)) names its article, and -Id names another ($($other.Id)): pipe it alone, or name the article by -Id alone."
        $failed[1].TargetObject.Id | Should -Be $article.Id
        Get-TestRequestCount | Should -Be $before
        (Get-IntercomArticle -Id $other.Id).State | Should -Be 'published'
        @(Get-IntercomArticle) | Should -HaveCount 2
        # Beside its own Id it still does.
        ($article | Set-IntercomArticle -Id $article.Id -State draft -PassThru).State | Should -Be 'draft'
    }

    It 'a piped article deletes, blocks, redacts, archives or writes no user, company, tag, thread, attribute or admin with its Id' {
        $null = New-IntercomMessageThread -Email 'ada@example.com' -Body 'Hello'
        $thread = Get-IntercomMessageThread -Email 'ada@example.com'
        $plan = New-IntercomDataAttribute -Name 'plan'
        $admin = Get-IntercomAdmin -Id (Get-IntercomSession).AdminId
        $asUser = [IntercomPS.Article]@{ Id = $ada.Id; Title = 'ada@example.com'; AuthorId = [long] $admin.Id }
        $asCompany = [IntercomPS.Article]@{ Id = $company.Id; Title = 'Acme' }
        $asTag = [IntercomPS.Article]@{ Id = $tag.Id; Title = 'Acme' }
        $asThread = [IntercomPS.Article]@{ Id = $thread.ThreadId; Title = 'Hello' }
        $asAttribute = [IntercomPS.Article]@{ Id = "$($plan.Id)"; Title = 'plan' }
        $asAdmin = [IntercomPS.Article]@{ Id = $admin.Id; Title = 'Acme'; AuthorId = [long] $admin.Id }
        $before = Get-TestRequestCount
        $asUser | Remove-IntercomUser -Force -ErrorAction SilentlyContinue -ErrorVariable failed
        $asUser | Block-IntercomUser -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $asUser | Set-IntercomUser -Name 'Gone' -ErrorAction SilentlyContinue -ErrorVariable +failed
        $asUser | Add-IntercomNote -Body 'Not hers' -ErrorAction SilentlyContinue -ErrorVariable +failed
        $asUser | Set-IntercomTag -Name 'Acme' -ErrorAction SilentlyContinue -ErrorVariable +failed
        $asCompany | Remove-IntercomCompany -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $asTag | Remove-IntercomTag -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $asThread | Remove-IntercomMessageThread -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $asThread | Clear-IntercomMessagePart -Force -ErrorAction SilentlyContinue -ErrorVariable +failed
        $asAttribute | Set-IntercomDataAttribute -Archived $true -ErrorAction SilentlyContinue -ErrorVariable +failed
        $asAdmin | Set-IntercomAdmin -Away $true -ErrorAction SilentlyContinue -ErrorVariable +failed
        $asCompany | Get-IntercomHelpCenterCollection -ErrorAction SilentlyContinue -ErrorVariable +failed
        $failed | Should -HaveCount 12
        $failed | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*' } | Should -Be (@('Intercom.invalid_argument') * 12)
        $failed[0].TargetObject | Should -BeOfType IntercomPS.Article
        Get-TestRequestCount | Should -Be $before
        (Get-IntercomUser -Email 'ada@example.com').Name | Should -BeExactly 'Acme'
        (Get-IntercomCompany -Id $company.Id).CompanyId | Should -BeExactly 'co-1'
        (Get-IntercomTag -Name 'Acme').Id | Should -Be $tag.Id
        (Get-IntercomMessageThread -ThreadId $thread.ThreadId).State | Should -Be 'open'
        (Get-IntercomAdmin -Id $admin.Id).Away | Should -BeFalse
    }
}
