@{
    RootModule           = 'IntercomPS.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '5b0f3c0e-7d43-4c1e-9a7e-2f5d6c8b9a41'
    Author               = 'IntercomPS contributors'
    CompanyName          = 'IntercomPS'
    Copyright            = '(c) IntercomPS contributors. MIT licence.'
    Description          = 'Drive the Intercom v1 REST API from PowerShell: users, notes, tags, impressions and message threads as pipeline-friendly objects, with one shared session and a local emulator to test against.'
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
        'Add-IntercomNote'
        'Get-IntercomTag'
        'New-IntercomTag'
        'Set-IntercomTag'
        'New-IntercomImpression'
        'Get-IntercomMessageThread'
        'New-IntercomMessageThread'
        'Add-IntercomMessageReply'
        'Set-IntercomMessageThread'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Intercom', 'REST', 'API', 'CRM', 'Support', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}
