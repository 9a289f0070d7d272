# Shared by scripts/demo and scripts/test: install missing Debian packages, configure, build.
# shellcheck shell=bash

SWITCHBOARD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

BUILD_PACKAGES=(
    cmake ninja-build g++ ccache pkg-config
    qt6-base-dev qt6-charts-dev qt6-websockets-dev qt6-declarative-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins libgl-dev
    qtkeychain-qt6-dev nlohmann-json3-dev libcurl4-openssl-dev libsodium-dev
    libqt6sql6-sqlite libsqlite3-dev libqt6sql6-psql libqt6svg6 fonts-dejavu-core
)
TEST_PACKAGES=(xvfb xauth dbus gnome-keyring appstream poppler-utils tzdata
    lintian desktop-file-utils systemd openssl file postgresql)

# Installs the packages that are not installed yet; silent when nothing is missing.
ensure_packages() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Switchboard needs these Debian packages: ${missing[*]}" >&2
        echo "Install them as root (apt-get install ${missing[*]}) or run this script as root." >&2
        exit 1
    fi
    echo "Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The receivers the tests start that come from the npm registry (tests/tools: s3rver), at the
# versions package-lock.json pins. npm itself comes from Debian when it is not there yet.
ensure_test_tools() {
    ensure_packages nodejs
    command -v npm >/dev/null || ensure_packages npm
    local tools="$SWITCHBOARD_ROOT/tests/tools"
    # Installed once per lock file: the copy in node_modules says which one is there.
    if ! cmp -s "$tools/package-lock.json" "$tools/node_modules/.installed-lock.json"; then
        echo "Installing the test receivers from the npm registry (tests/tools)"
        npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error >/dev/null
        cp "$tools/package-lock.json" "$tools/node_modules/.installed-lock.json"
    fi
}

# Configures (once) and builds the given targets, or everything.
build_switchboard() {
    cd "$SWITCHBOARD_ROOT"
    # ccache can cache the files built with precompiled headers. (No CCACHE_BASEDIR: relative
    # paths would make __FILE__ relative, and QFINDTESTDATA would not find the test data.)
    export CCACHE_SLOPPINESS="pch_defines,time_macros,include_file_mtime,include_file_ctime"
    if [ ! -f build/build.ninja ]; then
        cmake --preset default >/dev/null
    fi
    if [ $# -gt 0 ]; then
        cmake --build --preset default --target "$@"
    else
        cmake --build --preset default
    fi
}
