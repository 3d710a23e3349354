#!/bin/sh
# Builds Signet on the reference platform, Debian 13, and starts it with the
# demo register (a separate database; your own register is not touched). On
# another host it runs inside the Debian 13 system of
# build-aux/reference-env.sh, made on first use, and shows its window on
# this display.
set -eu
cd "$(dirname "$0")/.."

host=$(. /etc/os-release 2>/dev/null; echo "${ID:-}:${VERSION_CODENAME:-}")
if [ "$host" != "debian:trixie" ]; then
  exec build-aux/reference-env.sh build-aux/run-demo.sh "$@"
fi

build-aux/install-deps.sh
build-aux/setup-build.sh _build
ninja -C _build
# Inside the reference system there is no session bus of the desktop's.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec dbus-run-session -- _build/src/signet --demo "$@"
fi
exec _build/src/signet --demo "$@"
