# IntercomPS quick start on the v1 API (the legacy adapter): users in, tagged with colours, filtered, noted, updated
# and removed, all through pipelines. The quick start for REST API 2.14, the API of every live workspace, is
# examples/quickstart.ps1 (what ./build.sh -Task QuickStart runs); tests/Examples.Tests.ps1 runs both.
#
# In any pwsh 7.4+, against an emulator you started (or a test app: this creates and deletes users):
#     dotnet run --project src/IntercomPS.Emulator -- --port 8080 --app myapp:mykey
#     $env:INTERCOM_APP_ID = 'myapp'; $env:INTERCOM_API_KEY = 'mykey'; $env:INTERCOM_BASE_URI = 'http://127.0.0.1:8080/v1/'; ./examples/quickstart-v1.ps1

$ErrorActionPreference = 'Stop'
if (-not (Get-Module IntercomPS)) { Import-Module (Join-Path $PSScriptRoot '../out/IntercomPS/IntercomPS.psd1') }
if (-not (Get-IntercomSession)) { Connect-Intercom } # from INTERCOM_APP_ID, INTERCOM_API_KEY and INTERCOM_BASE_URI

'== 1. Create users from rows shaped like Import-Csv output (snake_case columns bind by name)'
$rows = @(
    [pscustomobject]@{ user_id = 'qs-1001'; email = 'ada@example.com';   name = 'Ada Lovelace';    created_at = '1257553080'; last_seen_ip = '1.2.3.4' }
    [pscustomobject]@{ user_id = 'qs-1002'; email = 'grace@example.com'; name = 'Grace Hopper';    created_at = '1270000000'; last_seen_ip = '5.6.7.8' }
    [pscustomobject]@{ user_id = 'qs-1003'; email = 'alan@example.com';  name = 'Alan Turing';     created_at = '1300000000'; last_seen_ip = '' }
    [pscustomobject]@{ user_id = 'qs-1004'; email = 'edsger@example.com'; name = 'Edsger Dijkstra'; created_at = '1310000000'; last_seen_ip = '' }
)
# One at a time, so Intercom creates them in this order (lists come back in creation order).
$rows | New-IntercomUser -ThrottleLimit 1 | Out-Default

'== 2. Put the first two on a trial: custom data, and a tag (one batched request for both)'
Get-IntercomUser -Email ada@example.com, grace@example.com |
    Set-IntercomUser -CustomData @{ plan = 'trial'; seats = 3 } -PassThru |
    Set-IntercomTag -Name trial -Color gold -PassThru | Out-Default

'== 3. List everyone, then only the trial tag, then promote the trial segment to vip'
Get-IntercomUser | Out-Default
Get-IntercomUser -Tag trial | ForEach-Object { "$($_.Name) is on a trial" }
Get-IntercomUser -Tag trial | Set-IntercomTag -Name vip -PassThru | ForEach-Object { "Tag $($_.Name) now has $($_.TaggedUserCount) users" }
Get-IntercomUser -Tag vip | Add-IntercomNote -Body 'Welcome to VIP support' | ForEach-Object { "Noted on $($_.User.Email): $($_.Html)" }

'== 4. Page through the list: the second user only'
Get-IntercomUser -Skip 1 -First 1 | ForEach-Object { "Second user: $($_.Email)" }

'== 5. What would removing the trial users do? (-WhatIf changes nothing)'
Get-IntercomUser -Tag trial | Remove-IntercomUser -WhatIf

'== 6. Remove the users who never gave an IP address'
Get-IntercomUser | Where-Object { -not $_.LastSeenIp } | Remove-IntercomUser -Force -PassThru | ForEach-Object { "Removed $($_.Email)" }

'== 7. Who is left'
Get-IntercomUser | ForEach-Object { "$($_.Email) ($($_.Name))" }
