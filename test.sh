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

# Load balancer for the scale-out tests (two app processes behind nginx): Debian's nginx-light, run by the tests
# in the foreground on loopback ports with deploy/nginx.conf.
NGINX="${NGINX_PATH:-/usr/sbin/nginx}"
if [ ! -x "$NGINX" ]; then
    if [ -r /etc/debian_version ] && [ "$(id -u)" = 0 ]; then
        echo "Installing Debian's nginx-light for the scale-out tests..."
        # The tests run their own nginx; keep the package from starting a system service on port 80.
        policy=""
        if [ ! -e /usr/sbin/policy-rc.d ]; then
            printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy=1
        fi
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null)
        installed=$?
        [ -n "$policy" ] && rm -f /usr/sbin/policy-rc.d
        [ "$installed" -eq 0 ] || { echo "Could not install nginx-light with apt-get."; exit 1; }
    else
        echo "No nginx at $NGINX: install Debian/Ubuntu's 'nginx-light' (or 'nginx') package or set NGINX_PATH to an nginx binary."
        exit 1
    fi
fi
export NGINX_PATH="$NGINX"

# HTTP load generator for the load harness's smoke test (LoadHarnessSmokeTests): Debian's wrk.
WRK="${WRK_PATH:-/usr/bin/wrk}"
if [ ! -x "$WRK" ]; then
    if [ -r /etc/debian_version ] && [ "$(id -u)" = 0 ]; then
        echo "Installing Debian's wrk for the load harness smoke test..."
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) || {
            echo "Could not install wrk with apt-get."; exit 1; }
    else
        echo "No wrk at $WRK: install Debian/Ubuntu's 'wrk' package or set WRK_PATH to a wrk binary."
        exit 1
    fi
fi
export WRK_PATH="$WRK"

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
