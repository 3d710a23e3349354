#!/bin/sh
# Sets up a fresh Debian 12 machine, builds Signet and runs the whole test
# suite headless: unit, display (under Xvfb), data and end-to-end tests.
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
ninja -C _build
# One X server and one session bus for the whole run; the display and
# end-to-end tests need both, the unit tests ignore them.
exec xvfb-run -a -s "-screen 0 1400x900x24" \
  dbus-run-session -- meson test -C _build --print-errorlogs "$@"
