BeforeAll { . $PSScriptRoot/TestSetup.ps1 }

Describe 'The staged module' {
    BeforeAll {
        $manifest = Test-ModuleManifest -Path $IntercomModulePath -ErrorAction Stop
    }

    It 'passes Test-ModuleManifest' {
        $manifest.Name | Should -Be 'IntercomPS'
        $manifest.Version | Should -Be (Get-Module IntercomPS).Version
    }

    It 'exports exactly the cmdlets the manifest lists, and every cmdlet the dll implements' {
        $exported = (Get-Command -Module IntercomPS).Name | Sort-Object
        $listed = $manifest.ExportedCmdlets.Keys | Sort-Object
        $implemented = (Get-Module IntercomPS).ImplementingAssembly.GetTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" } | Sort-Object
        $exported | Should -Be $listed
        $exported | Should -Be $implemented
        $exported | Should -HaveCount 17
    }

    It 'uses approved verbs only' {
        $approved = (Get-Verb).Verb
        Get-Command -Module IntercomPS | Where-Object Verb -NotIn $approved | Should -BeNullOrEmpty
    }
}

Describe 'The package''s metadata' {
    BeforeAll {
        $manifest = Test-ModuleManifest -Path $IntercomModulePath -ErrorAction Stop
        $folder = Split-Path $IntercomModulePath
    }

    It 'names its project, licence, help and release notes' {
        $manifest.ProjectUri | Should -Not -BeNullOrEmpty
        $manifest.LicenseUri | Should -Be "$($manifest.ProjectUri)/blob/main/LICENSE"
        $manifest.HelpInfoUri | Should -BeLike "$($manifest.ProjectUri)/*"
        $manifest.ReleaseNotes | Should -BeLike '*CHANGELOG.md*'
    }

    It 'ships the licence and the changelog in the module folder' {
        Join-Path $folder 'LICENSE' | Should -Exist
        Get-Content (Join-Path $folder 'LICENSE') -TotalCount 1 | Should -Be 'MIT License'
        Join-Path $folder 'CHANGELOG.md' | Should -Exist
    }

    It 'gives every cmdlet an online help page (Get-Help -Online)' {
        foreach ($command in Get-Command -Module IntercomPS) {
            $link = (Get-Help $command.Name).relatedLinks.navigationLink | Select-Object -First 1
            $link.uri | Should -Be "$($manifest.ProjectUri)/blob/main/docs/$($command.Name).md" -Because $command.Name
        }
    }
}
