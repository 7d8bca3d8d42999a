@{
    RootModule           = 'IntercomPS.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '5b0f3c0e-7d43-4c1e-9a7e-2f5d6c8b9a41'
    Author               = 'IntercomPS contributors'
    CompanyName          = 'IntercomPS'
    Copyright            = '(c) IntercomPS contributors. MIT licence.'
    Description          = 'Drive Intercom from PowerShell on its REST API 2.14 (the v1 API kept as a legacy adapter): users, tags, notes and conversations as pipeline-friendly objects, with one shared session and a local emulator to test against.'
    # 5.1 for Windows PowerShell; on PowerShell (Core) the module needs 7.4+, whose .NET carries System.Text.Json 8.
    # A manifest cannot say that per edition, so the module refuses 7.0-7.3 itself on import, with that message.
    PowerShellVersion    = '5.1'
    FormatsToProcess     = @('IntercomPS.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Intercom'
        'Disconnect-Intercom'
        'Get-IntercomSession'
        'Get-IntercomUser'
        'New-IntercomUser'
        'Set-IntercomUser'
        'Remove-IntercomUser'
        'Restore-IntercomUser'
        'Block-IntercomUser'
        'Add-IntercomNote'
        'Get-IntercomNote'
        'Get-IntercomTag'
        'New-IntercomTag'
        'Set-IntercomTag'
        'Invoke-IntercomRequest'
        'Remove-IntercomTag'
        'Get-IntercomDataAttribute'
        'New-IntercomDataAttribute'
        'Set-IntercomDataAttribute'
        'New-IntercomImpression'
        'Get-IntercomMessageThread'
        'New-IntercomMessageThread'
        'Add-IntercomMessageReply'
        'Set-IntercomMessageThread'
        'Send-IntercomMessage'
        # GDPR on the team inbox (REST API 2.x): deleting a thread, redacting its parts.
        'Remove-IntercomMessageThread'
        'Clear-IntercomMessagePart'
        # Merging one thread into another (REST API 2.16).
        'Merge-IntercomMessageThread'
        # A thread's handling pauses and side conversations, read only (REST API 2.16).
        'Get-IntercomHandlingEvent'
        'Get-IntercomSideConversation'
        'Get-IntercomOfficeHours'
        'New-IntercomOfficeHours'
        'Set-IntercomOfficeHours'
        'Remove-IntercomOfficeHours'
        'Get-IntercomOfficeHoursException'
        'Add-IntercomOfficeHoursException'
        'Remove-IntercomOfficeHoursException'
        # Users joining and leaving a conversation (REST API 2.x).
        'Add-IntercomMessageThreadUser'
        'Remove-IntercomMessageThreadUser'
        'Get-IntercomAdmin'
        'Get-IntercomTeam'
        'Get-IntercomTeamMetric'
        # Macros, read only (REST API 2.16).
        'Get-IntercomMacro'
        # Admins' away mode (REST API 2.x).
        'Set-IntercomAdmin'
        'Get-IntercomAwayReason'
        # The admin activity log (REST API 2.x).
        'Get-IntercomAdminActivity'
        # Workspace data (REST API 2.x): companies, events, segments, leads.
        'Get-IntercomCompany'
        'New-IntercomCompany'
        'Remove-IntercomCompany'
        'Add-IntercomCompanyUser'
        'Remove-IntercomCompanyUser'
        'Get-IntercomCompanyUser'
        'Add-IntercomCompanyNote'
        'Get-IntercomCompanyNote'
        'Get-IntercomUserCompany'
        'New-IntercomEvent'
        'Get-IntercomEvent'
        'New-IntercomEventSummary'
        'Get-IntercomSegment'
        'Get-IntercomSegmentUser'
        'Get-IntercomLead'
        'New-IntercomLead'
        'Set-IntercomLead'
        'Merge-IntercomLead'
        'Get-IntercomUserMergeHistory'
        # Subscription types and users' choices about them (REST API 2.x).
        'Get-IntercomSubscriptionType'
        'Get-IntercomUserSubscription'
        'Set-IntercomUserSubscription'
        # Help center articles (REST API 2.x).
        'Get-IntercomArticle'
        'New-IntercomArticle'
        'Set-IntercomArticle'
        'Remove-IntercomArticle'
        'Publish-IntercomArticle'
        'Get-IntercomArticleVersion'
        'Get-IntercomInternalArticle'
        'New-IntercomInternalArticle'
        'Set-IntercomInternalArticle'
        'Remove-IntercomInternalArticle'
        'Get-IntercomContentSnippet'
        'New-IntercomContentSnippet'
        'Set-IntercomContentSnippet'
        'Remove-IntercomContentSnippet'
        'Get-IntercomHelpCenterCollection'
        # Tickets (REST API 2.14 on).
        'Get-IntercomTicketType'
        'Get-IntercomTicket'
        'New-IntercomTicket'
        'Set-IntercomTicket'
        'Remove-IntercomTicket'
        'Add-IntercomTicketReply'
        'ConvertTo-IntercomTicket'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    # REST API 2.x's names for the thread cmdlets (one cmdlet each, so one behaviour and one help page): see README.
    AliasesToExport      = @(
        'Get-IntercomConversation'
        'New-IntercomConversation'
        'Add-IntercomConversationReply'
        'Set-IntercomConversation'
        'Remove-IntercomConversation'
        'Clear-IntercomConversationPart'
        'Add-IntercomConversationUser'
        'Remove-IntercomConversationUser'
        'Merge-IntercomConversation'
    )
    PrivateData          = @{
        PSData = @{
            Tags         = @('Intercom', 'REST', 'API', 'CRM', 'Support', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # No ProjectUri, LicenseUri or HelpInfoURI until the project has a real home: the licence, the changelog and
            # the help ship in the module folder.
            ReleaseNotes = 'See CHANGELOG.md in the module folder.'
        }
    }
}
