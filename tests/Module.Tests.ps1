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
        $exported = (Get-Command -Module IntercomPS -CommandType Cmdlet).Name | Sort-Object
        $listed = $manifest.ExportedCmdlets.Keys | Sort-Object
        $implemented = (Get-Module IntercomPS).ImplementingAssembly.GetTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" } | Sort-Object
        $exported | Should -Be $listed
        $exported | Should -Be $implemented
        $exported | Should -HaveCount 90 # 17, notes read 1, company notes 2, blocking 1, the team inbox 2, team metrics 1, macros 1, office hours 7, workspace data 5 + 17 (attributes, tags, the escape hatch; companies, events, segments, leads and their merges), away mode 2, the activity log 1, admin messages 1, deleting and redacting threads 2, merging threads 1, a thread's handling events and side conversations 2, users joining and leaving threads 2, subscriptions 3, help center articles and collections 5, article drafts and versions 2, internal articles 4, content snippets 4, tickets 7
    }

    It 'exports exactly the aliases the manifest lists, each declared on the cmdlet it names (REST API 2.x''s words)' {
        $declared = (Get-Module IntercomPS).ImplementingAssembly.GetTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.AliasAttribute], $false).AliasNames } | Sort-Object
        (Get-Command -Module IntercomPS -CommandType Alias).Name | Sort-Object | Should -Be ($manifest.ExportedAliases.Keys | Sort-Object)
        $declared | Should -Be ($manifest.ExportedAliases.Keys | Sort-Object)
        $declared | Should -Be 'Add-IntercomConversationReply', 'Add-IntercomConversationUser', 'Clear-IntercomConversationPart', 'Get-IntercomConversation',
            'Merge-IntercomConversation', 'New-IntercomConversation', 'Remove-IntercomConversation', 'Remove-IntercomConversationUser', 'Set-IntercomConversation'
    }

    It 'uses approved verbs only' {
        $approved = (Get-Verb).Verb
        Get-Command -Module IntercomPS -CommandType Cmdlet | Where-Object Verb -NotIn $approved | Should -BeNullOrEmpty
    }
}

Describe 'The package''s metadata' {
    BeforeAll {
        $manifest = Test-ModuleManifest -Path $IntercomModulePath -ErrorAction Stop
        $folder = Split-Path $IntercomModulePath
    }

    It 'names no web home it does not have (no project, licence or help URI), and points at its release notes' {
        # Until the project has a real home, a link would be invented: the licence, changelog and help ship with it.
        $manifest.ProjectUri | Should -BeNullOrEmpty
        $manifest.LicenseUri | Should -BeNullOrEmpty
        $manifest.HelpInfoUri | Should -BeNullOrEmpty
        $manifest.ReleaseNotes | Should -BeLike '*CHANGELOG.md*'
    }

    It 'ships the licence and the changelog in the module folder' {
        Join-Path $folder 'LICENSE' | Should -Exist
        Get-Content (Join-Path $folder 'LICENSE') -TotalCount 1 | Should -Be 'MIT License'
        Join-Path $folder 'CHANGELOG.md' | Should -Exist
    }

    It 'gives no cmdlet an online help link (Get-Help -Online has nowhere real to go yet)' {
        foreach ($command in Get-Command -Module IntercomPS) {
            (Get-Help $command.Name).relatedLinks.navigationLink | Where-Object linkText -eq 'Online Version:' |
                Should -BeNullOrEmpty -Because $command.Name
        }
    }
}

Describe 'Importing the module' {
    # Every scheduled script pays the import, so it loads nothing a cmdlet run needs; and PowerShell 7 must keep using
    # its own System.Text.Json: dependencies/ is only for Windows PowerShell 5.1 (a second copy would not even load).
    # What the import loads is what loads on the thread that runs it: pwsh's start-up goes on loading its own
    # assemblies on other threads for a while, so a before/after diff of the whole process depended on timing.
    It 'loads only IntercomPS.dll, and a cmdlet run on PowerShell 7 uses the in-box System.Text.Json, nothing from dependencies/' {
        $folder = Split-Path (Resolve-Path $IntercomModulePath)
        $run = Invoke-TestPwsh -NoImport -Api V2 @"
Add-Type -TypeDefinition 'public static class ImportLoads {
    public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Names = new System.Collections.Concurrent.ConcurrentQueue<string>();
    public static void WatchThisThread() {
        int thread = System.Environment.CurrentManagedThreadId;
        System.AppDomain.CurrentDomain.AssemblyLoad += (s, e) => { if (System.Environment.CurrentManagedThreadId == thread) Names.Enqueue(e.LoadedAssembly.GetName().Name); };
    }
}'
[ImportLoads]::WatchThisThread()
Import-Module '$($IntercomModulePath -replace "'", "''")'
'import: ' + (([ImportLoads]::Names | Sort-Object) -join ', ')
Connect-Intercom
`$null = Get-IntercomTag
`$fromFolder = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { -not `$_.IsDynamic -and `$_.Location.StartsWith('$folder') }
'from the module folder: ' + ((`$fromFolder | ForEach-Object { [IO.Path]::GetRelativePath('$folder', `$_.Location) } | Sort-Object) -join ', ')
'System.Text.Json from: ' + (Split-Path ([System.Text.Json.JsonSerializer].Assembly.Location))
"@
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Lines | Should -Be @(
            'import: IntercomPS'
            'from the module folder: IntercomPS.dll'
            "System.Text.Json from: $([System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory().TrimEnd('/'))"
        )
    }
}
