<#
.SYNOPSIS
    Syncs users from a CSV file to an Intercom workspace, for a scheduler (cron, systemd timer, Task Scheduler).

.DESCRIPTION
    Creates or updates one Intercom user per CSV row (New-IntercomUser: create, or update the user with the same
    user id, else email), optionally tags every synced user, and writes one log line per row. Rows that failed are
    written to a CSV of their own, with the reason and whether Intercom may have applied them, so the next run (or a
    person) can retry exactly what certainly was not applied.

    Connects from the environment, so no secret sits in the script or the scheduler's command line:
    INTERCOM_ACCESS_TOKEN for REST API 2.x (every live workspace), or INTERCOM_APP_ID and INTERCOM_API_KEY for v1;
    INTERCOM_BASE_URI optionally (the local emulator, say). The token is never written to the log.

    Columns bind by name, as Import-Csv gives them: user_id or email (at least one per row), and any of name,
    created_at, last_request_at, custom_data (a flat JSON object, as Export-Csv writes it),
    unsubscribed_from_emails. Blank cells are not sent, so they never wipe a value. Cells are trimmed (a space left
    by a hand edit would make " u-1" another user than "u-1"), rows whose every cell is blank are skipped, and the
    columns that are no user field are named in the log, since they are not synced. A file with no user_id, email or
    id column syncs nothing. Rows naming the same user are written in file order, so the last one wins, and
    that user is tagged, and counted in the log's tagged line, once.

    -WhatIf checks and logs every row and changes nothing (no user, tag or failures CSV): a row that would fail
    still fails the preview.

    Exit codes: 0 every row synced; 1 some rows failed (see the log and the failures CSV); 2 nothing was synced
    (the file could not be read or has no column that names a user, or the connection failed).

.EXAMPLE
    $env:INTERCOM_ACCESS_TOKEN = Get-Content /run/secrets/intercom-token
    pwsh -NoProfile -NonInteractive -File ./examples/sync-users-from-csv.ps1 -Path /data/users.csv -Tag synced

.EXAMPLE
    # Against the local emulator's 2.14 face:
    #   dotnet run --project src/IntercomPS.Emulator -- --port 8080 --app myapp:mykey
    $env:INTERCOM_ACCESS_TOKEN = 'mykey'; $env:INTERCOM_BASE_URI = 'http://127.0.0.1:8080/'
    ./examples/sync-users-from-csv.ps1 -Path ./users.csv -LogPath ./sync.log

.EXAMPLE
    # What would it do? Every row checked against the workspace, nothing written but the log.
    ./examples/sync-users-from-csv.ps1 -Path ./users.csv -Tag synced -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The CSV file to sync.
    [Parameter(Mandatory)] [string] $Path,

    # Where the log goes; one line per row, appended. Default: intercom-sync.log beside the CSV.
    [string] $LogPath,

    # Where the rows that failed go, with an error column; removed when none failed. Default: <csv>.failed.csv.
    [string] $FailedPath,

    # A tag every synced user gets (one request per 100 users).
    [string] $Tag,

    # Users written at once.
    [ValidateRange(1, 64)] [int] $ThrottleLimit = 8
)

$ErrorActionPreference = 'Stop'
$csvFolder = Split-Path -Parent ([IO.Path]::GetFullPath($Path))
if (-not $LogPath) { $LogPath = Join-Path $csvFolder 'intercom-sync.log' }
if (-not $FailedPath) { $FailedPath = [IO.Path]::ChangeExtension([IO.Path]::GetFullPath($Path), '.failed.csv') }

function Write-Log([string] $Message) {
    $line = '{0:yyyy-MM-ddTHH:mm:ssZ} {1}' -f [datetime]::UtcNow, $Message
    Add-Content -LiteralPath $LogPath -Value $line -WhatIf:$false
    Write-Host $line
}

# Setup: nothing is synced if any of this fails, so it all exits 2.
try {
    if (-not (Get-Module IntercomPS)) {
        $staged = Join-Path $PSScriptRoot '../out/IntercomPS/IntercomPS.psd1'
        if (Test-Path $staged) { Import-Module $staged } else { Import-Module IntercomPS }
    }
    $rows = @(Import-Csv -LiteralPath $Path)
    # The columns New-IntercomUser binds (names and aliases), and those of them that name the user.
    $fields = (Get-Command New-IntercomUser).Parameters.Values | Where-Object { $_.ParameterSets.Values.ValueFromPipelineByPropertyName -contains $true }
    $identities = $fields | Where-Object Name -in 'UserId', 'Email', 'Id'
    $columns = if ($rows) { @($rows[0].PSObject.Properties.Name) } else { @() }
    if ($rows -and -not ($columns | Where-Object { $_ -in ($identities.Name + $identities.Aliases) })) {
        throw "the CSV has no user_id, email or id column, so no row names a user (its columns: $($columns -join ', '))."
    }
    if (-not (Get-IntercomSession)) { Connect-Intercom }
    $session = Get-IntercomSession
}
catch {
    # A refusal of this script's own (a thrown text) has that text as its id: say it once.
    $why = if ($_.FullyQualifiedErrorId -eq $_.Exception.Message) { $_.Exception.Message }
        else { "$($_.FullyQualifiedErrorId -replace ',.*$'): $($_.Exception.Message)" }
    Write-Log "FAILED before syncing anything: $why"
    exit 2
}
# The session describes itself (workspace or app, where, which API), so the script does not branch on the API.
Write-Log "Syncing $($rows.Count) rows from $Path to $session"
$ignored = $columns | Where-Object { $_ -notin ($fields.Name + $fields.Aliases) }
if ($ignored) { Write-Log "not synced, no user field: columns $($ignored -join ', ') (custom attributes go in custom_data, as JSON)" }

# Import-Csv keeps the spaces around a cell; Intercom would too. A row of blank cells (a spreadsheet's ",,,") is no user.
$toSync = [Collections.Generic.List[object]]::new(); $blank = [Collections.Generic.List[int]]::new()
for ($i = 0; $i -lt $rows.Count; $i++) {
    foreach ($cell in $rows[$i].PSObject.Properties) { if ($cell.Value -is [string]) { $cell.Value = $cell.Value.Trim() } }
    if ($rows[$i].PSObject.Properties.Value -ne '') { $toSync.Add($rows[$i]) } else { $blank.Add($i + 1) }
}
if ($blank.Count) { Write-Log "skipped rows $($blank -join ', '): every cell blank" }

# Each row's outcome: the user it became, or an error that names the row (TargetObject) and why. A terminating
# error (the token revoked mid-run, say) stops the sync: it is logged with the failures so far, and exits 1.
$synced = @(); $failed = @(); $tagFailed = @(); $stopped = $null
try {
    $toSync | New-IntercomUser -ThrottleLimit $ThrottleLimit -ErrorAction SilentlyContinue -ErrorVariable failed | ForEach-Object {
        $synced += $_
        Write-Log "synced $($_.Email) ($($_.UserId))"
    }
    if ($Tag -and $synced.Count -gt 0) {
        # Rows naming the same user synced one user: tag (and count, and fail) each user once, as its last row left it.
        $seen = [Collections.Generic.HashSet[string]]::new()
        $users = @($synced[($synced.Count - 1)..0] | Where-Object { $seen.Add($(if ($_.Id) { $_.Id } else { "$($_.UserId)|$($_.Email)" })) })
        [array]::Reverse($users)
        $users | Set-IntercomTag -Name $Tag -ThrottleLimit $ThrottleLimit -ErrorAction SilentlyContinue -ErrorVariable tagFailed
        Write-Log "tagged $($users.Count - $tagFailed.Count) of $($users.Count) users '$Tag'"
    }
}
catch {
    $stopped = $_
    Write-Log "STOPPED: $($_.FullyQualifiedErrorId -replace ',.*$'): $($_.Exception.Message)"
}

# A stop's own error lands in the error variable too, without a row: it was logged above.
$failures = foreach ($failure in @($failed) + @($tagFailed) | Where-Object { $null -ne $_.TargetObject }) {
    $row = $failure.TargetObject
    $maybe = [bool] $failure.Exception.PSObject.Properties['MayHaveBeenApplied'] -and $failure.Exception.MayHaveBeenApplied
    $what = if ($row -is [IntercomPS.User]) { "tagging $($row.Email ?? $row.UserId)" }
        else { "row $([array]::IndexOf($rows, $row) + 1) ($(@($row.email, $row.user_id, 'no email or user_id') | Where-Object { $_ } | Select-Object -First 1))" }
    Write-Log ("FAILED {0}: {1}: {2}{3}" -f $what, ($failure.FullyQualifiedErrorId -replace ',.*$'), $failure.Exception.Message,
        $(if ($maybe) { ' (it may have been applied: check before retrying)' } else { '' }))
    $line = [ordered]@{}
    if ($row -is [IntercomPS.User]) { $line.user_id = $row.UserId; $line.email = $row.Email }
    else { foreach ($property in $row.PSObject.Properties) { $line[$property.Name] = $property.Value } }
    $line.error = $failure.Exception.Message
    $line.may_have_been_applied = $maybe
    [pscustomobject]$line
}

if ($WhatIfPreference) {
    $wouldSync = $toSync.Count - @($failures).Count
    Write-Log "WhatIf: $wouldSync row$(if ($wouldSync -ne 1) { 's' }) would be synced, $(@($failures).Count) failed; nothing was changed"
    exit [int]($null -ne $failures)
}
if ($failures) { $failures | Export-Csv -LiteralPath $FailedPath -NoTypeInformation }
if ($stopped) {
    Write-Log "Done: $($synced.Count) synced, $(@($failures).Count) failed, stopped before the rest (see $FailedPath)"
    exit 1
}
if ($failures) {
    Write-Log "Done: $($synced.Count) synced, $(@($failures).Count) failed (see $FailedPath)"
    exit 1
}
if (Test-Path -LiteralPath $FailedPath) { Remove-Item -LiteralPath $FailedPath }
Write-Log "Done: $($synced.Count) synced, 0 failed"
exit 0
