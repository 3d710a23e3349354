#!/bin/sh
# Configures the build directory $1 (default _build) unless it is
# configured already for this system. A build directory made on another
# system (a Debian 12 one from before Signet moved to Debian 13, or the
# host's beside the reference system's) holds the other system's paths and
# versions: it is made again rather than half reused.
set -eu
cd "$(dirname "$0")/.."
build=${1:-_build}
shift 2>/dev/null || true

system=$(. /etc/os-release 2>/dev/null; echo "${ID:-}:${VERSION_ID:-}")
if [ -f "$build/build.ninja" ] && [ "$(cat "$build/.signet-system" 2>/dev/null)" = "$system" ]; then
  exit 0
fi

rm -rf "$build"
meson setup "$build" "$@"
echo "$system" >"$build/.signet-system"
