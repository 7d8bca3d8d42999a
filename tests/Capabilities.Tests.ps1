# What each protocol can do is one table ([IntercomPS.Client.Capabilities]::All). Every row is tried here on the
# protocol that cannot do it: the input is refused with the table's own words as an Intercom.not_supported error
# (Connect-Intercom's, with v1 credentials, as the invalid_argument that ends it) and nothing is sent. A row added
# without a case here fails the first test.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    # One refused invocation per row of the table, keyed as the row prints itself.
    $script:Cases = @{
        'Connect-Intercom -Region'                 = { Connect-TestIntercom -Region EU }
        'Connect-Intercom -ApiVersion'             = { Connect-TestIntercom -ApiVersion 2.14 }
        'Connect-Intercom -AdminId'                = { Connect-TestIntercom -AdminId 7 }
        'Remove-IntercomUser -Archive'             = { Remove-IntercomUser -UserId 'cap1' -Archive -Force }
        'Restore-IntercomUser'                     = { Restore-IntercomUser -UserId 'cap1' }
        'Block-IntercomUser'                       = { Block-IntercomUser -UserId 'cap1' -Force }
        'Add-IntercomNote -AdminId'                = { Add-IntercomNote -UserId 'cap1' -Body 'Hi' -AdminId 7 }
        'Get-IntercomTag without -Name'            = { Get-IntercomTag }
        'Set-IntercomMessageThread -State'         = { Set-IntercomMessageThread -UserId 'cap1' -ThreadId 1 -State Closed }
        'New-IntercomUser -Phone'                  = { New-IntercomUser -UserId 'cap1' -Phone '+1 555 0100' }
        'Set-IntercomUser -Phone'                  = { Set-IntercomUser -UserId 'cap1' -Phone '+1 555 0100' }
        'New-IntercomImpression'                   = { New-IntercomImpression -UserId 'cap1' }
        'New-IntercomUser -LastSeenIp'             = { New-IntercomUser -UserId 'cap1' -LastSeenIp '1.2.3.4' }
        'New-IntercomUser -LastSeenUserAgent'      = { New-IntercomUser -UserId 'cap1' -LastSeenUserAgent 'curl' }
        'New-IntercomUser -Companies'              = { New-IntercomUser -UserId 'cap1' -Companies @{ id = 'c1' } }
        'Set-IntercomUser -LastSeenIp'             = { Set-IntercomUser -UserId 'cap1' -LastSeenIp '1.2.3.4' }
        'Set-IntercomUser -LastSeenUserAgent'      = { Set-IntercomUser -UserId 'cap1' -LastSeenUserAgent 'curl' }
        'Set-IntercomUser -Companies'              = { Set-IntercomUser -UserId 'cap1' -Companies @{ id = 'c1' } }
        'New-IntercomTag -Color'                   = { New-IntercomTag -Name 'cap' -Color red }
        'Set-IntercomTag -Color'                   = { 'cap1@example.com' | Set-IntercomTag -Name 'cap' -Color red }
        'Get-IntercomMessageThread -CurrentUrl'    = { Get-IntercomMessageThread -UserId 'cap1' -CurrentUrl 'https://example.com/' }
        'New-IntercomMessageThread -Url'           = { New-IntercomMessageThread -UserId 'cap1' -Body 'Hi' -Url 'https://example.com/' }
        'Add-IntercomMessageReply -Url'            = { Add-IntercomMessageReply -UserId 'cap1' -ThreadId 1 -Body 'Hi' -Url 'https://example.com/' }
        'Get-IntercomMessageThread without a user' = { Get-IntercomMessageThread }
        'Set-IntercomMessageThread without a user' = { Set-IntercomMessageThread -ThreadId 1 -Read $true }
        'Add-IntercomMessageReply without a user'  = { Add-IntercomMessageReply -ThreadId 1 -Body 'Hi' }
        'Get-IntercomMessageThread -State'         = { Get-IntercomMessageThread -UserId 'cap1' -State Open }
        'Get-IntercomMessageThread -AssigneeId'    = { Get-IntercomMessageThread -UserId 'cap1' -AssigneeId 7 }
        'Get-IntercomMessageThread -TeamId'        = { Get-IntercomMessageThread -UserId 'cap1' -TeamId 5 }
        'Get-IntercomMessageThread -Unassigned'    = { Get-IntercomMessageThread -UserId 'cap1' -Unassigned }
        'Get-IntercomMessageThread -Tag'           = { Get-IntercomMessageThread -UserId 'cap1' -Tag 'vip' }
        'Get-IntercomMessageThread -Read'          = { Get-IntercomMessageThread -UserId 'cap1' -Read $false }
        'Get-IntercomMessageThread -CreatedSince'  = { Get-IntercomMessageThread -UserId 'cap1' -CreatedSince '2026-01-01' }
        'Get-IntercomMessageThread -UpdatedSince'  = { Get-IntercomMessageThread -UserId 'cap1' -UpdatedSince '2026-01-01' }
        'Get-IntercomMessageThread -Text'          = { Get-IntercomMessageThread -UserId 'cap1' -Text 'refund' }
        'Get-IntercomMessageThread -PlainText'     = { Get-IntercomMessageThread -UserId 'cap1' -PlainText }
        'Set-IntercomMessageThread -Title'         = { Set-IntercomMessageThread -UserId 'cap1' -ThreadId 1 -Title 'Refund' }
        'Set-IntercomMessageThread -CustomData'    = { Set-IntercomMessageThread -UserId 'cap1' -ThreadId 1 -CustomData @{ issue_type = 'Billing' } }
        'Set-IntercomMessageThread -AssigneeId'    = { Set-IntercomMessageThread -UserId 'cap1' -ThreadId 1 -AssigneeId 7 }
        'Set-IntercomMessageThread -TeamId'        = { Set-IntercomMessageThread -UserId 'cap1' -ThreadId 1 -TeamId 5 }
        'Set-IntercomMessageThread -AddTag'        = { Set-IntercomMessageThread -UserId 'cap1' -ThreadId 1 -AddTag 'vip' }
        'Set-IntercomMessageThread -RemoveTag'     = { Set-IntercomMessageThread -UserId 'cap1' -ThreadId 1 -RemoveTag 'vip' }
        'Set-IntercomMessageThread -AdminId'       = { Set-IntercomMessageThread -UserId 'cap1' -ThreadId 1 -Read $true -AdminId 7 }
        'Add-IntercomMessageReply -AdminId'        = { Add-IntercomMessageReply -UserId 'cap1' -ThreadId 1 -Body 'Hi' -AdminId 7 }
        'Add-IntercomMessageReply -AsAdmin'        = { Add-IntercomMessageReply -UserId 'cap1' -ThreadId 1 -Body 'Hi' -AsAdmin }
        'Add-IntercomMessageReply -Note'           = { Add-IntercomMessageReply -UserId 'cap1' -ThreadId 1 -Body 'Hi' -Note }
        'Send-IntercomMessage'                     = { Send-IntercomMessage -UserId 'cap1' -Body 'Hi' -Confirm:$false }
        'Get-IntercomNote'                         = { Get-IntercomNote -UserId 'cap1' }
        'Get-IntercomAdmin'                        = { Get-IntercomAdmin }
        'Get-IntercomTeam'                         = { Get-IntercomTeam }
        'Get-IntercomTeamMetric'                   = { Get-IntercomTeamMetric }
        'Get-IntercomAdminActivity'                = { Get-IntercomAdminActivity }
        'Get-IntercomDataAttribute'                = { Get-IntercomDataAttribute }
        'New-IntercomDataAttribute'                = { New-IntercomDataAttribute -Name 'cap' -DataType integer }
        'Set-IntercomDataAttribute'                = { Set-IntercomDataAttribute -AttributeId 1 -Description 'cap' }
        # Conversation attributes and macros: 2.16 on (tried on a 2.11 session).
        'Get-IntercomDataAttribute -Model=conversation' = { Get-IntercomDataAttribute -Model conversation }
        'New-IntercomDataAttribute -Model=conversation' = { New-IntercomDataAttribute -Name 'cap' -Model conversation }
        'Set-IntercomDataAttribute -Model=conversation' = { Set-IntercomDataAttribute -AttributeId 1 -Model conversation -Description 'cap' }
        'Get-IntercomMacro'                        = { Get-IntercomMacro }
        'New-IntercomUser -CustomAttributeColumns' = { [pscustomobject]@{ user_id = 'cap1'; plan = 'pro' } | New-IntercomUser -CustomAttributeColumns }
        'Set-IntercomUser -CustomAttributeColumns' = { [pscustomobject]@{ user_id = 'cap1'; plan = 'pro' } | Set-IntercomUser -CustomAttributeColumns }
        'Remove-IntercomTag'                       = { Remove-IntercomTag -Name 'cap' -Force }
        'Get-IntercomUser -Filter'                 = { Get-IntercomUser -Filter "plan -eq 'pro'" }
        'Get-IntercomUser -Query'                  = { Get-IntercomUser -Query @{ field = 'email'; operator = '='; value = 'a@example.com' } }
        # Workspace data: companies, events, segments and leads exist on REST API 2.x only.
        'Get-IntercomCompany'                      = { Get-IntercomCompany }
        'New-IntercomCompany'                      = { New-IntercomCompany -CompanyId 'cap-co' -Name 'Cap' }
        'Remove-IntercomCompany'                   = { Remove-IntercomCompany -CompanyId 'cap-co' -Force }
        'Add-IntercomCompanyUser'                  = { Add-IntercomCompanyUser -CompanyId 'cap-co' -UserId 'cap1' }
        'Remove-IntercomCompanyUser'               = { Remove-IntercomCompanyUser -CompanyId 'cap-co' -UserId 'cap1' -Confirm:$false }
        'Get-IntercomCompanyUser'                  = { Get-IntercomCompanyUser -CompanyId 'cap-co' }
        'Add-IntercomCompanyNote'                  = { Add-IntercomCompanyNote -CompanyId 'cap-co' -Body 'cap' }
        'Get-IntercomCompanyNote'                  = { Get-IntercomCompanyNote -CompanyId 'cap-co' }
        'Get-IntercomUserCompany'                  = { Get-IntercomUserCompany -UserId 'cap1' }
        'Get-IntercomUserMergeHistory'             = { Get-IntercomUserMergeHistory -UserId 'cap1' }
        'New-IntercomEvent'                        = { New-IntercomEvent -UserId 'cap1' -EventName 'placed-order' }
        'Get-IntercomEvent'                        = { Get-IntercomEvent -UserId 'cap1' }
        'New-IntercomEventSummary'                 = { New-IntercomEventSummary -UserId 'cap1' -EventName 'placed-order' -Count 2 -First '2024-01-01' }
        'Get-IntercomSegment'                      = { Get-IntercomSegment }
        'Get-IntercomSegmentUser'                  = { Get-IntercomSegmentUser -SegmentId 'cap-seg' }
        'Get-IntercomSubscriptionType'             = { Get-IntercomSubscriptionType }
        'Get-IntercomUserSubscription'             = { Get-IntercomUserSubscription -UserId 'cap1' }
        'Set-IntercomUserSubscription'             = { Set-IntercomUserSubscription -UserId 'cap1' -SubscriptionType 'Newsletters' -Receive $false }
        'Get-IntercomArticle'                      = { Get-IntercomArticle }
        'New-IntercomArticle'                      = { New-IntercomArticle -Title 'Cap' -Body 'Body' -AuthorId 1 }
        'Set-IntercomArticle'                      = { Set-IntercomArticle -Id 1 -State draft }
        'Set-IntercomArticle -AddTag'              = { Set-IntercomArticle -Id 1 -AddTag 'cap' }
        'Set-IntercomArticle -RemoveTag'           = { Set-IntercomArticle -Id 1 -RemoveTag 'cap' }
        'Remove-IntercomArticle'                   = { Remove-IntercomArticle -Id 1 -Force }
        # An article's draft and versions: 2.16 on (tried on a 2.11 session).
        'Get-IntercomArticle -Draft'               = { Get-IntercomArticle -Id 1 -Draft }
        'Set-IntercomArticle -Draft'               = { Set-IntercomArticle -Id 1 -Title 'Cap' -Draft }
        'Publish-IntercomArticle'                  = { Publish-IntercomArticle -Id 1 -Force }
        'Get-IntercomArticleVersion'               = { Get-IntercomArticleVersion -Id 1 }
        'Get-IntercomInternalArticle'              = { Get-IntercomInternalArticle }
        'New-IntercomInternalArticle'              = { New-IntercomInternalArticle -Title 'Cap' -Body 'Body' -OwnerId 1 -AuthorId 1 }
        'Set-IntercomInternalArticle'              = { Set-IntercomInternalArticle -Id 1 -Title 'Cap' }
        'Set-IntercomInternalArticle -AddTag'      = { Set-IntercomInternalArticle -Id 1 -AddTag 'cap' }
        'Set-IntercomInternalArticle -RemoveTag'   = { Set-IntercomInternalArticle -Id 1 -RemoveTag 'cap' }
        'Remove-IntercomInternalArticle'           = { Remove-IntercomInternalArticle -Id 1 -Force }
        'Get-IntercomContentSnippet'               = { Get-IntercomContentSnippet }
        'New-IntercomContentSnippet'               = { New-IntercomContentSnippet -Title 'Cap' -Body 'Body' }
        'Set-IntercomContentSnippet'               = { Set-IntercomContentSnippet -Id 1 -Title 'Cap' }
        'Remove-IntercomContentSnippet'            = { Remove-IntercomContentSnippet -Id 1 -Force }
        'Get-IntercomHelpCenterCollection'         = { Get-IntercomHelpCenterCollection }
        'Get-IntercomLead'                         = { Get-IntercomLead }
        'New-IntercomLead'                         = { New-IntercomLead -Email 'cap-lead@example.com' }
        'Set-IntercomLead'                         = { Set-IntercomLead -Email 'cap-lead@example.com' -Name 'Cap' }
        'Merge-IntercomLead'                       = { Merge-IntercomLead -Email 'cap-lead@example.com' -IntoUserId 'cap1' -Confirm:$false }
        'Merge-IntercomLead -SkipDuplicateCheck'   = { Merge-IntercomLead -Email 'cap-lead@example.com' -IntoUserId 'cap1' -SkipDuplicateCheck -Confirm:$false }
        'New-IntercomLead -LastSeenIp'             = { New-IntercomLead -Email 'cap-lead@example.com' -LastSeenIp '1.2.3.4' }
        'New-IntercomLead -LastSeenUserAgent'      = { New-IntercomLead -Email 'cap-lead@example.com' -LastSeenUserAgent 'curl' }
        'New-IntercomLead -Companies'              = { New-IntercomLead -Email 'cap-lead@example.com' -Companies @{ id = 'c1' } }
        'Set-IntercomLead -LastSeenIp'             = { Set-IntercomLead -Email 'cap-lead@example.com' -LastSeenIp '1.2.3.4' }
        'Set-IntercomLead -LastSeenUserAgent'      = { Set-IntercomLead -Email 'cap-lead@example.com' -LastSeenUserAgent 'curl' }
        'Set-IntercomLead -Companies'              = { Set-IntercomLead -Email 'cap-lead@example.com' -Companies @{ id = 'c1' } }
        # Admins' away mode: REST API 2.x only, its reasons from 2.14 (tried on a 2.11 session, below).
        'Set-IntercomAdmin'                        = { Set-IntercomAdmin -AdminId 7 -Away }
        'Set-IntercomAdmin -ReasonId'              = { Set-IntercomAdmin -AdminId 7 -Away -ReasonId 101 }
        'Set-IntercomAdmin -Reason'                = { Set-IntercomAdmin -AdminId 7 -Away -Reason 'On holiday' }
        'Get-IntercomAwayReason'                   = { Get-IntercomAwayReason }
        # Deleting a thread (2.13 on: tried on a 2.11 session) and redacting its parts.
        'Remove-IntercomMessageThread'             = { Remove-IntercomMessageThread -ThreadId 1 -Force }
        'Clear-IntercomMessagePart'                = { Clear-IntercomMessagePart -ThreadId 1 -PartId 2 -Force }
        # Merging threads: 2.16 on (tried on a 2.11 session).
        'Merge-IntercomMessageThread'              = { Merge-IntercomMessageThread -Id 1 -IntoId 2 -Force }
        'Get-IntercomMessageThread -Deleted'       = { Get-IntercomMessageThread -Deleted }
        # A thread's handling events and side conversations: 2.16 on (tried on a 2.11 session).
        'Get-IntercomHandlingEvent'                = { Get-IntercomHandlingEvent -ThreadId 1 }
        'Get-IntercomSideConversation'             = { Get-IntercomSideConversation -ThreadId 1 }
        # Office hours and their exceptions: 2.16 on (tried on a 2.11 session).
        'Get-IntercomOfficeHours'                  = { Get-IntercomOfficeHours }
        'New-IntercomOfficeHours'                  = { New-IntercomOfficeHours -Name 'Cap' -TimeZone 'Europe/Dublin' -Hours 'Mon-Fri 09:00-17:00' }
        'Set-IntercomOfficeHours'                  = { Set-IntercomOfficeHours -Schedule 'Cap' -NewName 'Cap 2' }
        'Remove-IntercomOfficeHours'               = { Remove-IntercomOfficeHours -Schedule 'Cap' -Force }
        'Get-IntercomOfficeHoursException'         = { Get-IntercomOfficeHoursException -Schedule 'Cap' }
        'Add-IntercomOfficeHoursException'         = { Add-IntercomOfficeHoursException -Schedule 'Cap' -Start 2026-12-25 }
        'Remove-IntercomOfficeHoursException'      = { Remove-IntercomOfficeHoursException -Schedule 'Cap' -Id 1 -Force }
        'Add-IntercomMessageThreadUser'            = { Add-IntercomMessageThreadUser -ThreadId 1 -UserId 'cap1' }
        'Remove-IntercomMessageThreadUser'         = { Remove-IntercomMessageThreadUser -ThreadId 1 -UserId 'cap1' -Confirm:$false }
        # Tickets: REST API 2.x only, as 2.14 made them (tried on a 2.11 session; v1's own words are Tickets.Tests'); type changes and links from 2.16.
        'Get-IntercomTicketType'                   = { Get-IntercomTicketType }
        'Get-IntercomTicket'                       = { Get-IntercomTicket -State submitted }
        'New-IntercomTicket'                       = { New-IntercomTicket -TicketType Bug -UserId 'cap1' -Title 'Cap' }
        'Set-IntercomTicket'                       = { Set-IntercomTicket -Id 1 -State resolved }
        'Set-IntercomTicket -TicketType'           = { Set-IntercomTicket -Id 1 -TicketType Bug }
        'Set-IntercomTicket -LinkThreadId'         = { Set-IntercomTicket -Id 1 -LinkThreadId 2 }
        'Set-IntercomTicket -UnlinkThreadId'       = { Set-IntercomTicket -Id 1 -UnlinkThreadId 2 }
        'Remove-IntercomTicket'                    = { Remove-IntercomTicket -Id 1 -Force }
        'Add-IntercomTicketReply'                  = { Add-IntercomTicketReply -Id 1 -Body 'Hi' }
        'ConvertTo-IntercomTicket'                 = { ConvertTo-IntercomTicket -Id 1 -TicketType Bug }
    }
}

AfterAll {
    Disconnect-Intercom -ErrorAction SilentlyContinue
}

Describe 'The capability table' {
    It 'has a refused invocation here for each of its rows, and no other' {
        $rows = [IntercomPS.Client.Capabilities]::All | ForEach-Object { "$_" }
        $rows | Sort-Object | Should -Be ($Cases.Keys | Sort-Object)
    }

    It 'names the parameters of real cmdlets' {
        foreach ($row in [IntercomPS.Client.Capabilities]::All) {
            $command = Get-Command $row.Cmdlet -Module IntercomPS
            # A row one value asks for names it as Parameter=value (-Model conversation).
            if ($row.Parameter) { $command.Parameters.Keys | Should -Contain $row.Parameter.Split('=')[0] -Because "$row" }
        }
    }
}

Describe 'Each row, on the protocol that cannot' {
    BeforeAll { Reset-TestApp }

    It 'refuses it before any request, with the table''s words' {
        foreach ($capability in [IntercomPS.Client.Capabilities]::All) {
            $row = "$capability"
            # A row 2.x has only from a later version than 2.0 is tried on a 2.11 session: v1 refuses the whole cmdlet too.
            $olderV2 = -not $capability.OnV1 -and [version] $capability.SinceV2 -gt [version] '2.0'
            if ($capability.OnV1) { Connect-TestIntercomV2 } elseif ($olderV2) { Connect-TestIntercomV2 -ApiVersion 2.11 } else { Connect-TestIntercom }
            $before = Get-TestRequestCount
            $failure = $null
            try { & { $ErrorActionPreference = 'Stop'; & $Cases[$row] } } catch { $failure = $_ }

            $failure | Should -Not -BeNullOrEmpty -Because "$row must be refused"
            if ($capability.Cmdlet -eq 'Connect-Intercom') {
                $failure.FullyQualifiedErrorId | Should -BeExactly 'Intercom.invalid_argument,IntercomPS.Cmdlets.ConnectIntercomCommand' -Because $row
                $failure.Exception.Message | Should -BeExactly $capability.Refusal -Because $row
            }
            else {
                $failure.FullyQualifiedErrorId | Should -BeLike 'Intercom.not_supported,*' -Because $row
                $failure.CategoryInfo.Category | Should -Be 'NotImplemented' -Because $row
                $failure.Exception.Message | Should -BeExactly -Because $row $(
                    # A too-old 2.x session is told the version, whatever the row says to v1.
                    if ($olderV2) {
                        # The version to ask for: the module's default (2.14), or the row's own when it is later.
                        $ask = if ([version] $capability.SinceV2 -gt [version] '2.14') { $capability.SinceV2 } else { '2.14' }
                        "$($capability.What) needs Intercom-Version $($capability.SinceV2) or later, and this session asks for 2.11: connect with Connect-Intercom -ApiVersion $ask."
                    }
                    elseif ($capability.Refusal) { $capability.Refusal }
                    elseif ($capability.ContactField) {
                        "REST API 2.x has no contact field for $($capability.ContactField) (-$($capability.Parameter)), so nothing was written: " +
                        'leave it out (for a CSV, drop the column) when writing to a 2.x workspace.'
                    }
                    else { "$($capability.What) needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it." })
            }
            Get-TestRequestCount | Should -Be $before -Because "$row sends nothing"
        }
    }
}

Describe 'Several refusals of one input' {
    It 'names every 2.x-less field at once' {
        Connect-TestIntercomV2
        { Set-IntercomUser -UserId 'cap1' -LastSeenIp '1.2.3.4' -Companies @{ id = 'c1' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'Intercom.not_supported,*' -ExpectedMessage ('REST API 2.x has no contact field for last_seen_ip (-LastSeenIp) or companies (-Companies), ' +
                'so nothing was written: leave them out (for a CSV, drop the column) when writing to a 2.x workspace.')
    }
}
