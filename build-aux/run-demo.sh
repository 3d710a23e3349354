#!/bin/sh
# Sets up a fresh Debian 12 machine, builds Signet and starts it with the
# demo register (a separate database; your own register is not touched).
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
ninja -C _build
exec _build/src/signet --demo "$@"
