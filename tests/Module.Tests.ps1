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
        $exported | Should -HaveCount 16
    }

    It 'uses approved verbs only' {
        $approved = (Get-Verb).Verb
        Get-Command -Module IntercomPS | Where-Object Verb -NotIn $approved | Should -BeNullOrEmpty
    }
}
