# Every Should operator of the subset, with and without -Not, passing and failing on purpose.
# ShouldOperatorTests.cs holds the expected outcome and message of each It.

Describe 'Be' {
    It 'passes' { 5 | Should -Be 5 }
    It 'passes across types' { '5' | Should -Be 5 }
    It 'passes ignoring case' { 'ABC' | Should -Be 'abc' }
    It 'compares arrays element by element' { @(1, 2, 3) | Should -Be @(1, 2, 3) }
    It 'treats $null and @() alike' { $null | Should -Be @() }
    It 'fails' { 4 | Should -Be 5 }
    It 'fails on strings' { 'abc' | Should -Be 'abd' }
    It 'fails on strings of other lengths' { 'ab' | Should -Be 'abc' }
    It 'fails on an array' { @(1, 2) | Should -Be @(1, 3) }
    It 'fails with -Because' { 4 | Should -Be 5 -Because 'we said so' }
    It 'passes -Not' { 4 | Should -Not -Be 5 }
    It 'fails -Not' { 5 | Should -Not -Be 5 }
    It 'takes -ActualValue' { Should -ActualValue 5 -Be 5 }
    It 'stops the It at the first failure' { 4 | Should -Be 5; throw 'not reached' }
}

Describe 'BeExactly' {
    It 'passes' { 'abc' | Should -BeExactly 'abc' }
    It 'fails on case' { 'ABC' | Should -BeExactly 'abc' }
    It 'fails on numbers' { 4 | Should -BeExactly 5 }
    It 'passes -Not' { 'ABC' | Should -Not -BeExactly 'abc' }
    It 'fails -Not' { 'abc' | Should -Not -BeExactly 'abc' }
}

Describe 'BeNullOrEmpty' {
    It 'passes on $null' { $null | Should -BeNullOrEmpty }
    It 'passes on an empty string' { '' | Should -BeNullOrEmpty }
    It 'passes on an empty pipeline' { @() | Should -BeNullOrEmpty }
    It 'fails' { 'x' | Should -BeNullOrEmpty }
    It 'passes -Not' { 'x' | Should -Not -BeNullOrEmpty }
    It 'fails -Not' { @() | Should -Not -BeNullOrEmpty }
}

Describe 'BeTrue and BeFalse' {
    It 'BeTrue passes' { $true | Should -BeTrue }
    It 'BeTrue fails' { $false | Should -BeTrue }
    It 'BeTrue -Not passes' { $false | Should -Not -BeTrue }
    It 'BeTrue -Not fails' { 1 | Should -Not -BeTrue }
    It 'BeFalse passes' { 0 | Should -BeFalse }
    It 'BeFalse fails' { 'x' | Should -BeFalse }
    It 'BeFalse -Not passes' { $true | Should -Not -BeFalse }
    It 'BeFalse -Not fails' { $false | Should -Not -BeFalse }
}

Describe 'HaveCount' {
    It 'passes' { @(1, 2, 3) | Should -HaveCount 3 }
    It 'passes on an empty pipeline' { @() | Should -HaveCount 0 }
    It 'fails' { @(1, 2) | Should -HaveCount 3 }
    It 'passes -Not' { @(1, 2) | Should -Not -HaveCount 3 }
    It 'fails -Not' { @(1, 2, 3) | Should -Not -HaveCount 3 }
}

Describe 'Contain' {
    It 'passes' { @(1, 2, 3) | Should -Contain 2 }
    It 'fails' { @(1, 2, 3) | Should -Contain 4 }
    It 'passes -Not' { @(1, 2, 3) | Should -Not -Contain 4 }
    It 'fails -Not' { @(1, 2, 3) | Should -Not -Contain 2 }
}

Describe 'Match' {
    It 'passes' { 'user-42' | Should -Match '^user-\d+$' }
    It 'fails' { 'admin' | Should -Match '^user' }
    It 'passes -Not' { 'admin' | Should -Not -Match '^user' }
    It 'fails -Not' { 'user-1' | Should -Not -Match 'user' }
}

Describe 'Throw' {
    BeforeAll {
        function Stop-WithId {
            [CmdletBinding()] param()
            $PSCmdlet.ThrowTerminatingError([System.Management.Automation.ErrorRecord]::new(
                    [System.InvalidOperationException]::new('nope'), 'Fixture.NotFound', 'ObjectNotFound', $null))
        }
    }
    It 'passes' { { throw 'boom' } | Should -Throw }
    It 'passes on a message pattern' { { throw 'user not found' } | Should -Throw -ExpectedMessage '*not found' }
    It 'passes on a positional message' { { throw 'boom' } | Should -Throw 'boom' }
    It 'passes on an ErrorId pattern' { { Stop-WithId } | Should -Throw -ErrorId 'Fixture.NotFound*' }
    It 'fails when nothing is thrown' { { } | Should -Throw }
    It 'fails on the message' { { throw 'y' } | Should -Throw -ExpectedMessage 'x' }
    It 'fails on the ErrorId' { { Stop-WithId } | Should -Throw -ErrorId 'Other' }
    It 'passes -Not' { { 1 } | Should -Not -Throw }
    It 'fails -Not' { { throw 'boom' } | Should -Not -Throw }
}

Describe 'BeOfType' {
    It 'passes' { 'a' | Should -BeOfType [string] }
    It 'passes on a subtype' { Should -ActualValue ([System.ArgumentException]::new()) -BeOfType ([System.Exception]) }
    It 'fails' { 'a' | Should -BeOfType [int] }
    It 'passes -Not' { 'a' | Should -Not -BeOfType [int] }
    It 'fails -Not' { 'a' | Should -Not -BeOfType [string] }
}

Describe 'BeGreaterThan and BeLessThan' {
    It 'BeGreaterThan passes' { 5 | Should -BeGreaterThan 4 }
    It 'BeGreaterThan fails' { 4 | Should -BeGreaterThan 4 }
    It 'BeGreaterThan -Not passes' { 4 | Should -Not -BeGreaterThan 4 }
    It 'BeGreaterThan -Not fails' { 5 | Should -Not -BeGreaterThan 4 }
    It 'BeLessThan passes' { 3 | Should -BeLessThan 4 }
    It 'BeLessThan fails' { 4 | Should -BeLessThan 4 }
    It 'BeLessThan -Not passes' { 4 | Should -Not -BeLessThan 4 }
    It 'BeLessThan -Not fails' { 3 | Should -Not -BeLessThan 4 }
}

Describe 'Refused' {
    It 'an unknown operator' { 1 | Should -BeLike 1 }
    It 'Should -Invoke' { Should -Invoke Get-Thing }
    It 'Mock' { Mock Get-Thing { } }
    It 'InModuleScope' { InModuleScope IntercomPS { } }
    It 'two operators' { $true | Should -Be $true -BeTrue }
    It 'a message filter without -Throw' { 1 | Should -Be 1 -ExpectedMessage 'x' }
    It 'Describe inside It' { Describe 'late' { } }
}
