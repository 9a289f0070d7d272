#!/usr/bin/env bash
# The Debian packages as an administrator gets them: built with cpack from this build folder,
# checked by lintian (no errors), desktop-file-validate and appstreamcli; the systemd unit
# verified and its exposure scored; and the unit's own ExecStart line, run with the shipped
# configuration and key (as systemd would pass them), answers /healthz.
# Usage: check-package.sh <build dir>
set -euo pipefail
build="$(cd "$1" && pwd)"
work="$(mktemp -d)"
core_pid=""
cleanup() {
    # The subshell execs the core: this stops the core itself (SIGTERM, as systemd does).
    if [ -n "$core_pid" ]; then kill "$core_pid" 2>/dev/null && wait "$core_pid" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== cpack"
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack"; }
ls -1 "$work/out"/*.deb "$work/out"/*.ddeb
core_deb="$(ls "$work"/out/switchboard-core_*.deb)"
console_deb="$(ls "$work"/out/switchboard_*.deb)"
ls "$work"/out/switchboard-core-dbgsym_*.ddeb >/dev/null || fail "no -dbgsym package for the core"

echo "== lintian"
for deb in "$core_deb" "$console_deb"; do
    # Errors fail; warnings are printed for the reader.
    lintian --fail-on error --tag-display-limit 0 "$deb" || fail "lintian errors in $(basename "$deb")"
done

echo "== contents"
root="$work/root"
mkdir -p "$root"
dpkg-deb -x "$core_deb" "$root"
dpkg-deb -x "$console_deb" "$root"
dpkg-deb -f "$core_deb" Depends | grep -q "libqt6sql6-sqlite" || fail "switchboard-core does not depend on the SQLite driver"
dpkg-deb -f "$core_deb" Depends | grep -q "adduser" || fail "switchboard-core does not depend on adduser"
dpkg-deb -e "$core_deb" "$work/control"
grep -qx "/etc/switchboard/switchboard.env" "$work/control/conffiles" || fail "switchboard.env is not a conffile"
grep -q "adduser --system" "$work/control/postinst" || fail "postinst creates no system user"
for bin in switchboard switchboard-core switchboard-sim; do
    file "$root/usr/bin/$bin" | grep -q "stripped" || fail "$bin is not stripped"
    file "$root/usr/bin/$bin" | grep -q "not stripped" && fail "$bin is not stripped"
    [ -f "$root/usr/share/man/man1/$bin.1.gz" ] || fail "no man page for $bin"
done
for doc in switchboard switchboard-core; do
    [ -f "$root/usr/share/doc/$doc/copyright" ] || fail "no copyright in $doc"
    [ -f "$root/usr/share/doc/$doc/changelog.gz" ] || fail "no changelog in $doc"
done
grep -q "^#CIRCUIT_BREAKER_TIMEOUT=\"60000\"" "$root/etc/switchboard/switchboard.env" || fail "switchboard.env lacks the defaults"

echo "== desktop file and AppStream"
desktop-file-validate "$root/usr/share/applications/switchboard.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.switchboard.Switchboard.metainfo.xml"

echo "== systemd unit"
unit="$root/usr/lib/systemd/system/switchboard-core.service"
grep -q "^RestartPreventExitStatus=2" "$unit" || fail "a refused configuration would restart in a loop"
# verify wants the program at the path ExecStart names: a copy of the unit points into the
# extracted package (its man pages are not installed on this machine: --man=no).
mkdir -p "$work/unit"
sed "s|/usr/bin/switchboard-core|$root/usr/bin/switchboard-core|" "$unit" \
    > "$work/unit/switchboard-core.service"
systemd-analyze verify --man=no "$work/unit/switchboard-core.service" || fail "systemd-analyze verify"
systemd-analyze security --offline=yes --threshold=25 "$work/unit/switchboard-core.service" \
    | tail -1 || fail "the unit's exposure is above 2.5"

echo "== the unit's ExecStart, with the shipped configuration"
exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
state="$work/state"
mkdir -p "$state" "$work/credentials"
chmod 700 "$state"
head -c 32 /dev/urandom > "$work/credentials/switchboard.key"
cmd="${exec_start//\/usr\/bin\//$root/usr/bin/}"
cmd="${cmd//\/etc\/switchboard\//$root/etc/switchboard/}"
cmd="${cmd//\/var\/lib\/switchboard/$state}"
cmd="${cmd//127.0.0.1:8600/127.0.0.1:0}"
# /etc/default/switchboard-core sets no SWITCHBOARD_OPTIONS: systemd expands it to nothing.
cmd="${cmd//\$SWITCHBOARD_OPTIONS/}"
echo "$cmd"
# What systemd gives the service: no display, no session bus, the credential, UMask=0077.
(umask 0077 && exec env -i PATH=/usr/bin:/bin HOME="$state" CREDENTIALS_DIRECTORY="$work/credentials" \
    JOURNAL_STREAM=8:1 $cmd >"$work/core.out" 2>"$work/core.err") &
core_pid=$!
port=""
for _ in $(seq 1 150); do
    port="$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/core.out")"
    [ -n "$port" ] && break
    kill -0 "$core_pid" 2>/dev/null || { cat "$work/core.err"; fail "the core exited"; }
    sleep 0.1
done
[ -n "$port" ] || { cat "$work/core.err"; fail "the core did not listen"; }
curl -fsS "http://127.0.0.1:$port/healthz" | tee "$work/healthz"
echo
grep -q "secrets are kept in an encrypted file" "$work/core.err" || { cat "$work/core.err"; fail "no secrets backend line"; }
grep -q "$work/credentials/switchboard.key" "$work/core.err" || fail "the credential key was not used"
head -1 "$work/core.err" | grep -Eq "^<[0-7]>" || fail "log lines have no journald priority"
# Owner-only, whatever the system's umask.
[ "$(stat -c %a "$state/switchboard.db")" = "600" ] || fail "the database is not 0600"
echo "PASS"
