#!/usr/bin/env bash
# The README's test command: installs what the tests need, builds with warnings as errors, runs every test
# project, and ends with one line "N passed, N failed, N skipped". Fails on any failure or skip.
set -uo pipefail
cd "$(dirname "$0")"

# Browser for the end-to-end tests: Debian's Chromium, never a downloaded build.
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
    if [ -r /etc/debian_version ] && [ "$(id -u)" = 0 ]; then
        echo "Installing Debian's chromium for the end-to-end tests..."
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || {
            echo "Could not install chromium with apt-get."; exit 1; }
    else
        echo "No browser at $CHROMIUM: install Debian/Ubuntu's 'chromium' package or set CHROMIUM_PATH to a Chromium binary."
        exit 1
    fi
fi
export CHROMIUM_PATH="$CHROMIUM"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; exit 1; }
dotnet restore SkillsAcademy.sln || { echo "restore failed"; exit 1; }
dotnet build SkillsAcademy.sln --no-restore -c Release -warnaserror || { echo "build failed"; exit 1; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Microsoft.Testing.Platform (global.json) runs every test project and sums them in one summary.
dotnet test --solution SkillsAcademy.sln --no-build -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

count() { grep -E "^\s+$1: [0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
total=$(count total); failed=$(count failed); passed=$(count succeeded); skipped=$(count skipped)
echo "$passed passed, $failed failed, $skipped skipped"

if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$skipped" -ne 0 ] || [ "$total" -eq 0 ]; then
    exit 1
fi
