#!/bin/sh
# The fault suite: kill -9 at random moments of an import, of a save in the
# window and of adding a 150 MB attachment in the window, then check that
# the register is intact and that each operation happened all or nothing.
# The checks are first tried on registers broken on purpose. It takes
# about 30 minutes for 50 runs of each, so it is not part of meson test;
# see docs/reliability.md.
#
#   tests/fault/run-fault-suite.sh [BUILD_DIR] [RUNS] [more options]
#
# More options go to fault-suite.py (--seed=N to repeat a run of moments,
# --only=import,save,attach, --run=N, --duration=OP=MS, --keep,
# --no-self-test, --help).
set -eu
cd "$(dirname "$0")/../.."

# Like every test, on the reference platform (Debian 13).
host=$(. /etc/os-release 2>/dev/null; echo "${ID:-}:${VERSION_CODENAME:-}")
if [ "$host" != "debian:trixie" ]; then
  exec build-aux/reference-env.sh tests/fault/run-fault-suite.sh "$@"
fi

build_dir=${1:-_build}
runs=${2:-50}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift

build-aux/setup-build.sh "$build_dir"
# Only what the suite runs: the app, the generator of the import file and
# the compiled settings schema the window needs.
ninja -C "$build_dir" src/signet bench/signet-bench-generate data/gschemas.compiled >/dev/null

for tool in sqlite3 xdotool xvfb-run dbus-run-session; do
  if ! command -v "$tool" >/dev/null; then
    echo "The fault suite needs $tool (build-aux/install-deps.sh installs it)." >&2
    exit 2
  fi
done

# The suite imports the end-to-end tests' driver; no bytecode in the tree.
export PYTHONDONTWRITEBYTECODE=1

# The window needs an X server and a session bus for the accessibility
# tree: a private Xvfb and bus unless the caller already gives both.
if [ -n "${DISPLAY:-}" ] && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec /usr/bin/python3 tests/fault/fault-suite.py --build-dir="$build_dir" --runs="$runs" "$@"
fi
exec xvfb-run -a -s "-screen 0 1400x900x24 -noreset" dbus-run-session -- \
  /usr/bin/python3 tests/fault/fault-suite.py --build-dir="$build_dir" --runs="$runs" "$@"
