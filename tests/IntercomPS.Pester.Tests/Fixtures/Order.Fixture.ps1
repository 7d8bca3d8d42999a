# Where setup and teardown run and what each scope sees. $Log is a List[string] the xunit test passes in as a
# global variable; BlockOrderTests.cs asserts the whole sequence.

BeforeAll { $Log.Add('root BeforeAll'); $rootVar = 'root' }
AfterAll { $Log.Add('root AfterAll') }

Describe 'Outer' {
    BeforeAll { $Log.Add('Outer BeforeAll'); $outerVar = 'outer' }
    BeforeEach { $Log.Add('Outer BeforeEach'); $eachVar = 'each' }
    AfterEach { $Log.Add("Outer AfterEach sees $eachVar") }
    AfterAll { $Log.Add('Outer AfterAll') }

    It 'sees BeforeAll and BeforeEach variables' { $Log.Add('It 1'); "$rootVar/$outerVar/$eachVar" | Should -Be 'root/outer/each'; $itVar = 'set by It 1' }
    It 'does not see the variables of the It before' { $Log.Add('It 2'); $itVar | Should -BeNullOrEmpty }
    It 'fails' { $Log.Add('It 3'); throw 'It 3 failed' }

    Context 'Inner' {
        BeforeAll { $Log.Add('Inner BeforeAll'); $outerVar = 'shadowed' }
        BeforeEach { $Log.Add('Inner BeforeEach') }
        AfterEach { $Log.Add('Inner AfterEach') }
        AfterAll { $Log.Add('Inner AfterAll') }
        It 'runs inside the outer BeforeEach and AfterEach' { $Log.Add('It 4'); $outerVar | Should -Be 'shadowed' }
    }

    It 'sees the outer variable again after Inner' { $Log.Add('It 5'); $outerVar | Should -Be 'outer' }
}

Describe 'Failing BeforeAll' {
    BeforeAll { $Log.Add('Failing BeforeAll'); throw 'setup broke' }
    AfterAll { $Log.Add('Failing AfterAll') }
    It 'fails without running' { $Log.Add('never') }
    Context 'Nested' {
        BeforeAll { $Log.Add('never') }
        It 'fails too' { $Log.Add('never') }
    }
}

Describe 'Skipped' -Skip {
    BeforeAll { $Log.Add('never') }
    It 'is skipped with its block' { $Log.Add('never') }
}

Describe 'Test cases' {
    It 'expands <Name> and <Count>' -TestCases @(@{ Name = 'one'; Count = 1 }, @{ Name = 'two'; Count = 2 }) {
        $Log.Add("case $Name $Count $($_.Name)")
    }
    It 'passes <_> as $_' -ForEach 'a', 'b' { $Log.Add("item $_") }
    It 'keeps <unknown> as written' -ForEach @{ Name = 'x' } { }
    It 'is skipped alone' -Skip { $Log.Add('never') }
}

Describe 'Failing AfterAll' {
    AfterAll { throw 'teardown broke' }
    It 'passes' { }
}
