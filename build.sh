#!/bin/sh
# The README's commands, ./build.sh -Task QuickStart|Test|Build|Docs|Package (and build.ps1's other parameters):
# installs the pinned pwsh as a local .NET tool, then runs build.ps1 in it, from the repository root.
# build.env's variables are exported first, before the first dotnet or pwsh starts: set any later, pwsh's own
# start-up would already have sent its telemetry and checked for updates. Every process after inherits them.
set -e
cd "$(dirname "$0")"
set -a
. ./build.env
set +a
dotnet tool restore
exec dotnet pwsh ./build.ps1 "$@"
