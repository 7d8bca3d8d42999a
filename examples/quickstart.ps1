# IntercomPS quick start on REST API 2.14, the API of every live workspace: users created from CSV-shaped rows with
# custom attributes, tagged, listed, updated, noted, archived and restored, all through pipelines.
#
# Against an emulator it starts and stops for you, from the repository root:
#     ./build.sh -Task QuickStart
# On its own, in any pwsh 7.4+, against an emulator you started (its 2.14 face is at the root, and an app's key is
# also its access token) or a test workspace (this creates users and archives two of them):
#     dotnet run --project src/IntercomPS.Emulator -- --port 8080 --app myapp:mykey
#     $env:INTERCOM_ACCESS_TOKEN = 'mykey'; $env:INTERCOM_BASE_URI = 'http://127.0.0.1:8080/'; ./examples/quickstart.ps1
# The same on the v1 API (the legacy adapter): examples/quickstart-v1.ps1.

$ErrorActionPreference = 'Stop'
if (-not (Get-Module IntercomPS)) { Import-Module (Join-Path $PSScriptRoot '../out/IntercomPS/IntercomPS.psd1') }
# From INTERCOM_ACCESS_TOKEN and INTERCOM_BASE_URI (without it, api.intercom.io).
$session = Connect-Intercom -PassThru
"Connected to $session"

'== 1. Define the custom attributes the rows carry: 2.14 writes only attributes the workspace has defined'
# Each one the workspace does not have yet (a second run finds them defined).
$defined = (Get-IntercomDataAttribute -Model contact -Custom).Name
foreach ($attribute in [pscustomobject]@{ Name = 'plan'; DataType = 'string' }, [pscustomobject]@{ Name = 'seats'; DataType = 'integer' }) {
    if ($attribute.Name -notin $defined) { $null = $attribute | New-IntercomDataAttribute -Model contact }
    "Custom attribute $($attribute.Name): $($attribute.DataType)"
}

'== 2. Create users from rows shaped like Import-Csv output (snake_case columns bind by name; custom_data is JSON)'
$rows = @(
    [pscustomobject]@{ user_id = 'qs-1001'; email = 'ada@example.com';    name = 'Ada Lovelace';    created_at = '1257553080'; phone = '+44 20 7946 0001'; custom_data = '{"plan":"trial","seats":3}' }
    [pscustomobject]@{ user_id = 'qs-1002'; email = 'grace@example.com';  name = 'Grace Hopper';    created_at = '1270000000'; phone = '';                 custom_data = '{"plan":"trial","seats":5}' }
    [pscustomobject]@{ user_id = 'qs-1003'; email = 'alan@example.com';   name = 'Alan Turing';     created_at = '1300000000'; phone = '+44 20 7946 0003'; custom_data = '{"plan":"free"}' }
    [pscustomobject]@{ user_id = 'qs-1004'; email = 'edsger@example.com'; name = 'Edsger Dijkstra'; created_at = '1310000000'; phone = '';                 custom_data = '' }
)
# Blank cells are not sent; each user comes back with its contact id, so what it is piped to needs no search.
$users = $rows | New-IntercomUser
$users | Out-Default

'== 3. Tag the users on a trial (one request for the batch)'
$users | Where-Object { $_.CustomData['plan'] -eq 'trial' } | Set-IntercomTag -Name trial -PassThru | ForEach-Object { "Tag $($_.Name) has id $($_.Id)" }

'== 4. List everyone (oldest first), then the trial tag, then page to the second user'
Get-IntercomUser | ForEach-Object { "$($_.Email): $($_.Name)" + $(if ($_.Phone) { ", phone $($_.Phone)" }) }
Get-IntercomUser -Tag trial | ForEach-Object { "$($_.Name) is on a trial with $($_.CustomData['seats']) seats" }
Get-IntercomUser -Skip 1 -First 1 | ForEach-Object { "Second user: $($_.Email)" }

'== 5. Promote the trial users: tag them vip, move them to the pro plan, and leave each a note'
$trial = Get-IntercomUser -Tag trial
$trial | Set-IntercomTag -Name vip
$trial | Set-IntercomUser -CustomData @{ plan = 'pro' } -PassThru |
    Add-IntercomNote -Body 'Welcome to VIP support' | ForEach-Object { "Noted on $($_.User.Email): $($_.Html)" }

'== 6. Archive the users on no paid plan: first what it would do (-WhatIf changes nothing), then for real'
$leaving = Get-IntercomUser | Where-Object { $_.CustomData['plan'] -ne 'pro' }
$leaving | Remove-IntercomUser -Archive -WhatIf
$archived = $leaving | Remove-IntercomUser -Archive -Force -PassThru
$archived | ForEach-Object { "Archived $($_.Email)" }

'== 7. Who is listed now: archived users leave lists and searches'
Get-IntercomUser | ForEach-Object { "$($_.Email) ($($_.CustomData['plan']))" }

'== 8. Bring Alan back: Restore-IntercomUser unarchives by the contact id the archived user carries'
$archived | Where-Object Email -eq 'alan@example.com' | Restore-IntercomUser -PassThru | ForEach-Object { "Restored $($_.Email)" }

'== 9. Who is left'
Get-IntercomUser | ForEach-Object { "$($_.Email) ($($_.Name))" }
