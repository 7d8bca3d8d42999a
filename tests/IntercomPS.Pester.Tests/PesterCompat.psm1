# PesterCompat: runs the Pester 5 subset our tests/*.Tests.ps1 files use, on machines where Pester can't be
# installed. Anything outside the subset is refused with "PesterCompat does not support ...", so a test never
# passes because it was misunderstood. The subset is listed in tests/README.md.
#
# Like Pester 5 it runs a file in two phases. Discovery runs the file and the Describe/Context bodies to collect
# blocks, Its and setup/teardown script blocks; the run phase then executes them. Every script block from the
# test file is bound to the caller's session state, and the run phase gives each block and each It its own scope
# there through $Factory (see New-PcScopeFactory): BeforeAll variables are visible to the block's Its and nested
# blocks, and BeforeEach, the It and AfterEach share one scope per test.

Set-StrictMode -Version Latest

$script:Current = $null   # the block being discovered; $null outside discovery
$script:Results = $null   # one record per It, filled by the run phase
$script:Errors = $null    # failures not owned by an It: discovery, AfterAll

function Invoke-PesterCompat {
    <#
    .SYNOPSIS
    Discovers and runs one test file; returns @{ Tests = records with Path, Outcome, Message, Location; Errors }.
    .PARAMETER DiscoveryOnly
    Collect the Its without running them (Outcome is 'Discovered' or 'Skipped').
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Path, [switch] $DiscoveryOnly)

    $root = New-PcBlock -Name '' -Parent $null -Skip $false
    $script:Results = [System.Collections.Generic.List[object]]::new()
    $script:Errors = [System.Collections.Generic.List[string]]::new()
    $factory = New-PcScopeFactory $PSCmdlet.SessionState
    $script:Current = $root
    try {
        $null = & $factory $Path
    }
    catch {
        $script:Errors.Add("Discovery of '$Path' failed: $(Format-PcError $_)")
    }
    finally {
        $script:Current = $null
    }

    if ($script:Errors.Count -eq 0) {
        if ($DiscoveryOnly) {
            foreach ($test in (Get-PcTests $root)) {
                Add-PcResult $test $(if ($test.Skip) { 'Skipped' } else { 'Discovered' })
            }
        }
        else {
            Invoke-PcBlock $root $factory $null
        }
    }

    [pscustomobject]@{ Tests = $script:Results.ToArray(); Errors = $script:Errors.ToArray() }
}

function New-PcScopeFactory([System.Management.Automation.SessionState] $State) {
    # A script block created *in the caller's session state*. Each call makes a new scope there, child of the
    # caller's current scope, sets the test case variables, and calls back $__pcAction (module code, or a path
    # for discovery) while that scope is current, so dot-sourced test script blocks land in it.
    $text = '{
        param($__pcAction, $__pcCase)
        if ($null -ne $__pcCase) {
            $_ = $__pcCase.Item
            if ($_ -is [System.Collections.IDictionary]) {
                foreach ($__pcKey in $_.Keys) { $ExecutionContext.SessionState.PSVariable.Set([string]$__pcKey, $_[$__pcKey]) }
            }
        }
        & $__pcAction
    }'
    $State.InvokeCommand.InvokeScript($State, [scriptblock]::Create($text), @())[0]
}

#region Discovery

function New-PcBlock([string] $Name, $Parent, [bool] $Skip) {
    [pscustomobject]@{
        Kind = 'Block'; Name = $Name; Parent = $Parent; Skip = $Skip
        Path = if ($Parent -and $Parent.Path) { "$($Parent.Path) > $Name" } else { $Name }
        Items = [System.Collections.Generic.List[object]]::new()
        BeforeAll = [System.Collections.Generic.List[scriptblock]]::new()
        AfterAll = [System.Collections.Generic.List[scriptblock]]::new()
        BeforeEach = [System.Collections.Generic.List[scriptblock]]::new()
        AfterEach = [System.Collections.Generic.List[scriptblock]]::new()
    }
}

function Get-PcDiscoveryBlock([string] $Command) {
    if ($null -eq $script:Current) {
        throw "PesterCompat does not support $Command outside discovery (inside It, BeforeAll, ... or without Invoke-PesterCompat)."
    }
    $script:Current
}

function Assert-PcNoExtraArguments([string] $Command, $Arguments) {
    if ($null -eq $Arguments) { return }
    $names = @($Arguments | Where-Object { $_ -is [string] -and $_ -like '-*' })
    if ($names.Count -gt 0) {
        throw "PesterCompat does not support $Command $($names[0].TrimEnd(':'))."
    }
    if (@($Arguments).Count -gt 0) {
        throw "PesterCompat does not support these arguments to ${Command}: $(@($Arguments) -join ' ')."
    }
}

function Add-PcBlock([string] $Kind, [string] $Name, [scriptblock] $Body, [bool] $Skip, $Extra) {
    $parent = Get-PcDiscoveryBlock $Kind
    Assert-PcNoExtraArguments $Kind $Extra
    if ($null -eq $Body) { throw "PesterCompat does not support $Kind '$Name' without a script block." }
    $block = New-PcBlock -Name $Name -Parent $parent -Skip ($Skip -or $parent.Skip)
    $parent.Items.Add($block)
    $script:Current = $block
    try { $null = & $Body } finally { $script:Current = $parent }
}

function Describe {
    param(
        [Parameter(Mandatory, Position = 0)][string] $Name,
        [Parameter(Position = 1)][scriptblock] $Fixture,
        [switch] $Skip,
        [Parameter(ValueFromRemainingArguments)] $Unsupported)
    Add-PcBlock 'Describe' $Name $Fixture $Skip $Unsupported
}

function Context {
    param(
        [Parameter(Mandatory, Position = 0)][string] $Name,
        [Parameter(Position = 1)][scriptblock] $Fixture,
        [switch] $Skip,
        [Parameter(ValueFromRemainingArguments)] $Unsupported)
    Add-PcBlock 'Context' $Name $Fixture $Skip $Unsupported
}

function It {
    param(
        [Parameter(Mandatory, Position = 0)][string] $Name,
        [Parameter(Position = 1)][scriptblock] $Test,
        [Alias('TestCases')][object[]] $ForEach,
        [switch] $Skip,
        [Parameter(ValueFromRemainingArguments)] $Unsupported)
    $block = Get-PcDiscoveryBlock 'It'
    Assert-PcNoExtraArguments 'It' $Unsupported
    if ($null -eq $block.Parent) { throw "PesterCompat does not support It '$Name' outside Describe or Context." }
    if ($null -eq $Test) { throw "PesterCompat does not support It '$Name' without a script block (pending tests)." }

    # One test per case; a missing -ForEach is one test without data, an empty one is no tests (as in Pester 5).
    $cases = @($null)
    if ($PSBoundParameters.ContainsKey('ForEach')) { $cases = @(foreach ($item in $ForEach) { [pscustomobject]@{ Item = $item } }) }
    foreach ($case in $cases) {
        $title = if ($null -eq $case) { $Name } else { Expand-PcName $Name $case.Item }
        $block.Items.Add([pscustomobject]@{
                Kind = 'It'; Name = $title; Block = $block; Body = $Test; Case = $case; Skip = ($Skip -or $block.Skip)
                Path = if ($block.Path) { "$($block.Path) > $title" } else { $title }
            })
    }
}

function Expand-PcName([string] $Name, $Item) {
    # <key> takes the case's value for key, <_> the case itself; anything else stays as written.
    [regex]::Replace($Name, '<([^<>]+)>', {
            param($m)
            $key = $m.Groups[1].Value
            if ($key -eq '_') { return "$Item" }
            if ($Item -is [System.Collections.IDictionary] -and $Item.Contains($key)) { return "$($Item[$key])" }
            $m.Value
        })
}

function BeforeAll { param([Parameter(Mandatory, Position = 0)][scriptblock] $Scriptblock) (Get-PcDiscoveryBlock 'BeforeAll').BeforeAll.Add($Scriptblock) }
function AfterAll { param([Parameter(Mandatory, Position = 0)][scriptblock] $Scriptblock) (Get-PcDiscoveryBlock 'AfterAll').AfterAll.Add($Scriptblock) }
function BeforeEach { param([Parameter(Mandatory, Position = 0)][scriptblock] $Scriptblock) (Get-PcDiscoveryBlock 'BeforeEach').BeforeEach.Add($Scriptblock) }
function AfterEach { param([Parameter(Mandatory, Position = 0)][scriptblock] $Scriptblock) (Get-PcDiscoveryBlock 'AfterEach').AfterEach.Add($Scriptblock) }

# Pester commands outside the subset: fail loudly wherever they are called.
function Stop-PcUnsupported([string] $Command) { throw "PesterCompat does not support $Command." }
function Mock { Stop-PcUnsupported 'Mock' }
function InModuleScope { Stop-PcUnsupported 'InModuleScope' }
function Assert-MockCalled { Stop-PcUnsupported 'Assert-MockCalled' }
function Assert-VerifiableMock { Stop-PcUnsupported 'Assert-VerifiableMock' }
function New-MockObject { Stop-PcUnsupported 'New-MockObject' }
function BeforeDiscovery { Stop-PcUnsupported 'BeforeDiscovery' }
function Set-ItResult { Stop-PcUnsupported 'Set-ItResult' }
function Add-ShouldOperator { Stop-PcUnsupported 'Add-ShouldOperator' }

#endregion

#region Run

function Get-PcTests($Block) {
    foreach ($item in $Block.Items) {
        if ($item.Kind -eq 'It') { $item } else { Get-PcTests $item }
    }
}

function Invoke-PcBlock($Block, $Factory, $Failure) {
    # Setup and teardown run only where a test will run, as in Pester 5.
    $active = $null -eq $Failure -and @(Get-PcTests $Block | Where-Object { -not $_.Skip }).Count -gt 0
    $null = & $Factory {
        if ($active) {
            try { foreach ($sb in $Block.BeforeAll) { $null = . $sb } }
            catch { $Failure = $_ }
        }
        foreach ($item in $Block.Items) {
            if ($item.Kind -eq 'It') { Invoke-PcTest $item $Factory $Failure } else { Invoke-PcBlock $item $Factory $Failure }
        }
        if ($active) {
            foreach ($sb in $Block.AfterAll) {
                try { $null = . $sb }
                catch { $script:Errors.Add("AfterAll of '$($Block.Path)' failed: $(Format-PcError $_)") }
            }
        }
    }
}

function Invoke-PcTest($Test, $Factory, $Failure) {
    if ($Test.Skip) { return Add-PcResult $Test 'Skipped' }
    if ($null -ne $Failure) { return Add-PcResult $Test 'Failed' $Failure }

    $blocks = [System.Collections.Generic.List[object]]::new()
    for ($b = $Test.Block; $null -ne $b; $b = $b.Parent) { $blocks.Insert(0, $b) }
    $null = & $Factory {
        $err = $null
        try {
            foreach ($b in $blocks) { foreach ($sb in $b.BeforeEach) { $null = . $sb } }
            $null = . $Test.Body
        }
        catch { $err = $_ }
        # AfterEach runs innermost first, and even after a failure; the first error is the one reported.
        for ($i = $blocks.Count - 1; $i -ge 0; $i--) {
            foreach ($sb in $blocks[$i].AfterEach) {
                try { $null = . $sb } catch { if ($null -eq $err) { $err = $_ } }
            }
        }
        if ($null -eq $err) { Add-PcResult $Test 'Passed' } else { Add-PcResult $Test 'Failed' $err }
    } $Test.Case
}

function Add-PcResult($Test, [string] $Outcome, [System.Management.Automation.ErrorRecord] $ErrorRecord) {
    $script:Results.Add([pscustomobject]@{
            Path = $Test.Path
            Outcome = $Outcome
            Message = if ($ErrorRecord) { Format-PcError $ErrorRecord } else { '' }
            Location = if ($ErrorRecord -and $ErrorRecord.InvocationInfo) { $ErrorRecord.InvocationInfo.PositionMessage } else { '' }
        })
}

function Format-PcError([System.Management.Automation.ErrorRecord] $ErrorRecord) {
    # Assertion failures and refusals read as Pester's do; anything else says what kind of error it was.
    if ($ErrorRecord.FullyQualifiedErrorId -like 'PesterAssertionFailed*' -or $ErrorRecord.Exception.Message -like 'PesterCompat *') {
        return $ErrorRecord.Exception.Message
    }
    "$($ErrorRecord.Exception.GetType().Name): $($ErrorRecord.Exception.Message)"
}

#endregion

# Should and its operators.
. $PSScriptRoot/PesterCompat.Should.ps1

Export-ModuleMember -Function Invoke-PesterCompat, Describe, Context, It, BeforeAll, AfterAll, BeforeEach, AfterEach, Should,
Mock, InModuleScope, Assert-MockCalled, Assert-VerifiableMock, New-MockObject, BeforeDiscovery, Set-ItResult, Add-ShouldOperator
