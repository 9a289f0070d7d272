#!/usr/bin/env bash
# Runs inside xvfb-run and dbus-run-session (see scripts/test): starts a throwaway, unlocked
# gnome-keyring for the QtKeychain tests, then CTest on both cores.
set -euo pipefail
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home"
printf 'switchboard-tests' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
cd "$(dirname "$0")/../../${SWITCHBOARD_BUILD_DIR:-build}"
exec ctest -j2 --output-on-failure "$@"
