#!/bin/sh
# Builds Signet with AddressSanitizer and UndefinedBehaviorSanitizer in
# _build-asan and runs the suites of the C code under them: unit (core), io
# (XML and iCalendar), pdf, services and display. It takes several times as
# long as the normal suite, so it is not part of the timed CI run; run it
# before a release and after changing memory handling. Arguments go to
# meson test instead of the suites, e.g.
# build-aux/run-sanitizers.sh test-pdf-find-memory.
#
# A leak's stack ends in g_malloc, as GLib has no frame pointers; for the
# whole stack, run that test again with the slow unwinder:
#   ASAN_OPTIONS=fast_unwind_on_malloc=0 build-aux/run-sanitizers.sh test-store
set -eu
cd "$(dirname "$0")/.."

# On the reference platform (Debian 13), as every test.
host=$(. /etc/os-release 2>/dev/null; echo "${ID:-}:${VERSION_CODENAME:-}")
if [ "$host" != "debian:trixie" ]; then
  exec build-aux/reference-env.sh build-aux/run-sanitizers.sh "$@"
fi

build=_build-asan
# -Db_lundef=false: the sanitizer runtimes are linked into the programs,
# not into the libraries they load.
build-aux/setup-build.sh "$build" -Db_sanitize=address,undefined -Db_lundef=false
meson configure "$build" -Db_sanitize=address,undefined -Db_lundef=false
ninja -C "$build"

# Any error fails the test that made it: UBSan would otherwise print and go
# on. LeakSanitizer checks every program of the other suites as it exits; the
# PDF tests read their suppressions for fontconfig's and cairo's lifelong
# caches from tests/pdf/lsan*.supp. The display tests switch leak detection
# off in their own environment (tests/display/meson.build): GTK, fontconfig
# and Mesa keep caches until exit that would bury any real leak, and the
# code they drive is checked for leaks by the unit suite.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}halt_on_error=1:print_stacktrace=1"

if [ $# -eq 0 ]; then
  set -- --suite unit --suite io --suite pdf --suite services --suite display
fi

# One X server and one session bus for the whole run, as in run-tests.sh.
xvfb-run -a -s "-screen 0 1400x900x24 -noreset" \
  dbus-run-session -- meson test -C "$build" --print-errorlogs --timeout-multiplier 3 "$@"
