# Should for PesterCompat.psm1 (dot-sourced into it): the operators of the subset, with Pester 5's semantics and
# failure messages. A failing assertion throws an ErrorRecord with ErrorId PesterAssertionFailed.
Set-StrictMode -Version Latest

$script:Operators = 'Be', 'BeExactly', 'BeNullOrEmpty', 'BeTrue', 'BeFalse', 'HaveCount', 'Contain', 'Match', 'Throw',
'BeOfType', 'BeGreaterThan', 'BeLessThan'

function Should {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)] $ActualValue,
        [Parameter(Position = 0)] $ExpectedValue,
        [switch] $Not,
        [switch] $Be, [switch] $BeExactly, [switch] $BeNullOrEmpty, [switch] $BeTrue, [switch] $BeFalse,
        [switch] $HaveCount, [switch] $Contain, [switch] $Match, [switch] $Throw, [switch] $BeOfType,
        [switch] $BeGreaterThan, [switch] $BeLessThan,
        [string] $ExpectedMessage, [string] $ErrorId, [Alias('RegularExpression')] $Pattern, $ExpectedType,
        [string] $Because,
        [Parameter(ValueFromRemainingArguments)] $Unsupported)

    begin { $inputs = [System.Collections.Generic.List[object]]::new() }
    process { $inputs.Add($ActualValue) }
    end {
        # Pester 5: one piped item is the value itself, several are an array, none (@() | Should) an empty array.
        # (Assignments, not if-expressions, so an array value is never unrolled.)
        if ($inputs.Count -eq 1) { $actual = $inputs[0] } else { $actual = $inputs.ToArray() }

        Assert-PcNoExtraArguments 'Should' $Unsupported
        $operators = @(foreach ($name in $script:Operators) { if ($PSBoundParameters[$name]) { $name } })
        if ($operators.Count -ne 1) {
            throw "PesterCompat does not support Should with $($operators.Count) operators; use exactly one of: -$($script:Operators -join ', -')."
        }
        $operator = $operators[0]
        foreach ($filter in 'ExpectedMessage', 'ErrorId') {
            if ($PSBoundParameters.ContainsKey($filter) -and ($operator -ne 'Throw' -or $Not)) {
                throw "PesterCompat does not support -$filter with Should$(if ($Not) { ' -Not' }) -$operator."
            }
        }

        $expected = $ExpectedValue
        if ($operator -eq 'Match' -and $PSBoundParameters.ContainsKey('Pattern')) { $expected = $Pattern }
        if ($operator -eq 'BeOfType' -and $PSBoundParameters.ContainsKey('ExpectedType')) { $expected = $ExpectedType }
        if ($operator -eq 'BeOfType') { $expected = ConvertTo-PcType $expected }
        if ($operator -eq 'Throw' -and $PSBoundParameters.ContainsKey('ExpectedMessage')) { $expected = $ExpectedMessage }
        $because = if ($Because) { " because $Because," } else { '' }
        $message = & "Test-Pc$operator" $actual $expected ([bool] $Not) $because $ErrorId
        if ($message) {
            $record = [System.Management.Automation.ErrorRecord]::new(
                [System.Exception]::new($message), 'PesterAssertionFailed', 'InvalidResult', $actual)
            $PSCmdlet.ThrowTerminatingError($record)
        }
    }
}

# Each Test-Pc<operator> returns $null when the assertion holds, or the failure message.

function Test-PcBe($Actual, $Expected, [bool] $Not, [string] $Because) {
    Test-PcEquality $Actual $Expected $Not $Because $false
}

function Test-PcBeExactly($Actual, $Expected, [bool] $Not, [string] $Because) {
    Test-PcEquality $Actual $Expected $Not $Because $true
}

function Test-PcEquality($Actual, $Expected, [bool] $Not, [string] $Because, [bool] $Exactly) {
    $equal = Compare-PcValues $Actual $Expected $Exactly
    if ($Not) {
        if ($equal) { return "Expected $(Format-PcValue $Expected) to be different from the actual value,$Because but got the same value." }
        return
    }
    if ($equal) { return }
    if ($Actual -is [string] -and $Expected -is [string]) { return Get-PcStringDifference $Actual $Expected $Because $Exactly }
    $qualifier = if ($Exactly) { 'exactly ' } else { '' }
    "Expected $qualifier$(Format-PcValue $Expected),$Because but got $(Format-PcValue $Actual)."
}

function Compare-PcValues($Actual, $Expected, [bool] $Exactly) {
    # Pester's ArraysAreEqual: $null, @() and @($null) are equal; collections compare element by element.
    $actualEmpty = Test-PcNullish $Actual
    $expectedEmpty = Test-PcNullish $Expected
    if ($actualEmpty -or $expectedEmpty) { return $actualEmpty -and $expectedEmpty }
    if ((Test-PcCollection $Actual) -or (Test-PcCollection $Expected)) {
        $a = @($Actual)
        $e = @($Expected)
        if ($a.Count -ne $e.Count) { return $false }
        for ($i = 0; $i -lt $a.Count; $i++) {
            if (-not (Compare-PcValues $a[$i] $e[$i] $Exactly)) { return $false }
        }
        return $true
    }
    if ($Exactly) { [bool]($Expected -ceq $Actual) } else { [bool]($Expected -eq $Actual) }
}

function Test-PcNullish($Value) {
    $items = @($Value)
    $items.Count -eq 0 -or ($items.Count -eq 1 -and $null -eq $items[0])
}

function Test-PcCollection($Value) {
    $Value -is [System.Collections.IEnumerable] -and $Value -isnot [string] -and $Value -isnot [System.Collections.IDictionary]
}

function Get-PcStringDifference([string] $Actual, [string] $Expected, [string] $Because, [bool] $Exactly) {
    $comparison = if ($Exactly) { [System.StringComparison]::Ordinal } else { [System.StringComparison]::OrdinalIgnoreCase }
    $index = 0
    while ($index -lt $Actual.Length -and $index -lt $Expected.Length -and
        [string]::Compare($Actual, $index, $Expected, $index, 1, $comparison) -eq 0) { $index++ }
    $lengths = if ($Actual.Length -eq $Expected.Length) { , "String lengths are both $($Actual.Length)." }
    else { "Expected length: $($Expected.Length)", "Actual length:   $($Actual.Length)" }
    @(
        "Expected strings to be the same,$Because but they were different."
        $lengths
        "Strings differ at index $index."
        "Expected: '$Expected'"
        "But was:  '$Actual'"
        (' ' * 11) + ('-' * $index) + '^'
    ) -join [System.Environment]::NewLine
}

function Test-PcBeNullOrEmpty($Actual, $Expected, [bool] $Not, [string] $Because) {
    $empty = if ($null -eq $Actual) { $true }
    elseif ($Actual -is [string]) { $Actual.Length -eq 0 }
    elseif ($Actual -is [System.Collections.IDictionary]) { $Actual.Count -eq 0 }
    elseif (Test-PcCollection $Actual) { @($Actual).Count -eq 0 -or (@($Actual).Count -eq 1 -and [string]::IsNullOrEmpty(@($Actual)[0])) }
    else { $false }
    if ($Not -and $empty) { return "Expected a value,$Because but got `$null or empty." }
    if (-not $Not -and -not $empty) { return "Expected `$null or empty,$Because but got $(Format-PcValue $Actual)." }
}

function Test-PcBeTrue($Actual, $Expected, [bool] $Not, [string] $Because) {
    Test-PcTruth $Actual (-not $Not) $Because
}

function Test-PcBeFalse($Actual, $Expected, [bool] $Not, [string] $Because) {
    Test-PcTruth $Actual $Not $Because
}

function Test-PcTruth($Actual, [bool] $Want, [string] $Because) {
    if ([bool] $Actual -ne $Want) { "Expected $(Format-PcValue $Want),$Because but got $(Format-PcValue $Actual)." }
}

function Test-PcHaveCount($Actual, $Expected, [bool] $Not, [string] $Because) {
    $count = if ($null -eq $Actual) { 0 } else { @($Actual).Count }
    if ($Not -and $count -eq $Expected) {
        return "Expected a collection with size different from $Expected,$Because but got collection with that size $(Format-PcValue @($Actual))."
    }
    if (-not $Not -and $count -ne $Expected) {
        return "Expected a collection with size $Expected,$Because but got collection with size $count $(Format-PcValue @($Actual))."
    }
}

function Test-PcContain($Actual, $Expected, [bool] $Not, [string] $Because) {
    $found = @($Actual) -contains $Expected
    if ($Not -and $found) { return "Expected $(Format-PcValue $Expected) to not be found in collection $(Format-PcValue @($Actual)),$Because but it was found." }
    if (-not $Not -and -not $found) { return "Expected $(Format-PcValue $Expected) to be found in collection $(Format-PcValue @($Actual)),$Because but it was not found." }
}

function Test-PcMatch($Actual, $Expected, [bool] $Not, [string] $Because) {
    $matched = [bool]($Actual -match $Expected)
    if ($Not -and $matched) { return "Expected regular expression $(Format-PcValue $Expected) to not match $(Format-PcValue $Actual),$Because but it did match." }
    if (-not $Not -and -not $matched) { return "Expected regular expression $(Format-PcValue $Expected) to match $(Format-PcValue $Actual),$Because but it did not match." }
}

function Test-PcBeOfType($Actual, $Expected, [bool] $Not, [string] $Because) {
    $actualType = if ($null -eq $Actual) { '$null' } else { Format-PcValue $Actual.GetType() }
    $is = $Actual -is $Expected
    if ($Not -and $is) { return "Expected the value to not have type $(Format-PcValue $Expected) or any of its subtypes,$Because but got $(Format-PcValue $Actual) with type $actualType." }
    if (-not $Not -and -not $is) { return "Expected the value to have type $(Format-PcValue $Expected) or any of its subtypes,$Because but got $(Format-PcValue $Actual) with type $actualType." }
}

function Test-PcBeGreaterThan($Actual, $Expected, [bool] $Not, [string] $Because) {
    if ($Not -and $Actual -gt $Expected) { return "Expected the actual value to be less than or equal to $(Format-PcValue $Expected),$Because but got $(Format-PcValue $Actual)." }
    if (-not $Not -and -not ($Actual -gt $Expected)) { return "Expected the actual value to be greater than $(Format-PcValue $Expected),$Because but got $(Format-PcValue $Actual)." }
}

function Test-PcBeLessThan($Actual, $Expected, [bool] $Not, [string] $Because) {
    if ($Not -and $Actual -lt $Expected) { return "Expected the actual value to be greater than or equal to $(Format-PcValue $Expected),$Because but got $(Format-PcValue $Actual)." }
    if (-not $Not -and -not ($Actual -lt $Expected)) { return "Expected the actual value to be less than $(Format-PcValue $Expected),$Because but got $(Format-PcValue $Actual)." }
}

function Test-PcThrow($Actual, $Expected, [bool] $Not, [string] $Because, [string] $ErrorId) {
    if ($Actual -isnot [scriptblock]) {
        throw "PesterCompat does not support Should -Throw on a $(if ($null -eq $Actual) { '$null' } else { $Actual.GetType().Name }); pipe a script block: { ... } | Should -Throw."
    }
    # Only terminating errors count, as in Pester. Message and ErrorId filters are -like patterns, as in Pester 5.
    $thrown = $null
    try { $null = & $Actual } catch { $thrown = $_ }
    if ($Not) {
        if ($thrown) { return "Expected no exception to be thrown,$Because but an exception `"$($thrown.Exception.Message)`" was thrown." }
        return
    }

    $filters = [System.Collections.Generic.List[string]]::new()
    $buts = [System.Collections.Generic.List[string]]::new()
    if ($Expected) {
        $filters.Add("with message like $(Format-PcValue ([string] $Expected))")
        if ($thrown -and $thrown.Exception.Message -notlike $Expected) { $buts.Add("the message was $(Format-PcValue $thrown.Exception.Message)") }
    }
    if ($ErrorId) {
        $filters.Add("with FullyQualifiedErrorId $(Format-PcValue $ErrorId)")
        if ($thrown -and $thrown.FullyQualifiedErrorId -notlike $ErrorId) { $buts.Add("the FullyQualifiedErrorId was $(Format-PcValue $thrown.FullyQualifiedErrorId)") }
    }
    if (-not $thrown) { $buts.Add('no exception was thrown') }
    if ($buts.Count -gt 0) {
        $filter = if ($filters.Count) { ' ' + ($filters -join ' and ') } else { '' }
        "Expected an exception$filter to be thrown,$Because but $($buts -join ' and ')."
    }
}

function ConvertTo-PcType($Value) {
    $type = if ($Value -is [type]) { $Value } else { ([string] $Value).Trim('[', ']') -as [type] }
    if ($null -eq $type) { throw "PesterCompat: Should -BeOfType needs a type, but got '$Value'." }
    $type
}

function Format-PcValue($Value) {
    # Pester's Format-Nicely, for the values our tests compare.
    if ($null -eq $Value) { return '$null' }
    if ($Value -is [bool]) { return "`$$($Value.ToString().ToLowerInvariant())" }
    if ($Value -is [string]) { return "'$Value'" }
    if ($Value -is [type]) { return "[$([Microsoft.PowerShell.ToStringCodeMethods]::Type([psobject] $Value))]" }
    if ($Value -is [datetime]) { return $Value.ToString('o', [cultureinfo]::InvariantCulture) }
    if ($Value -is [System.Collections.IDictionary]) {
        return '@{' + (@($Value.Keys | Sort-PcKeys | ForEach-Object { "$_=$(Format-PcValue $Value[$_])" }) -join '; ') + '}'
    }
    if (Test-PcCollection $Value) { return '@(' + (@($Value | ForEach-Object { Format-PcValue $_ }) -join ', ') + ')' }
    [string]::Format([cultureinfo]::InvariantCulture, '{0}', $Value)
}

function Sort-PcKeys {
    # Sort-Object isn't in the hosted engine; hashtable keys print in a stable order anyway.
    $keys = [System.Collections.Generic.List[string]]::new()
    foreach ($key in $input) { $keys.Add([string] $key) }
    $keys.Sort([System.StringComparer]::Ordinal)
    $keys
}
