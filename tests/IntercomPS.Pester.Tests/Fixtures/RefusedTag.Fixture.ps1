# Tags would need filtering PesterCompat doesn't do: the whole file is refused at discovery.
Describe 'Tagged' -Tag 'Slow' {
    It 'never runs' { }
}
