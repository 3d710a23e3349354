#!/bin/sh
# Builds Signet and runs the whole test suite headless on the reference
# platform, Debian 13: unit, display (under Xvfb), data and end-to-end
# tests. On Debian 13 it runs here; on any other host (Debian 12, where CI
# runs) it runs inside the Debian 13 system that build-aux/reference-env.sh
# makes on first use (about 4 minutes) and reuses after.
set -eu
cd "$(dirname "$0")/.."

host=$(. /etc/os-release 2>/dev/null; echo "${ID:-}:${VERSION_CODENAME:-}")
if [ "$host" != "debian:trixie" ]; then
  exec build-aux/reference-env.sh build-aux/run-tests.sh "$@"
fi

build-aux/install-deps.sh
build-aux/setup-build.sh _build
ninja -C _build
# One X server and one session bus for the whole run; the display and
# end-to-end tests need both, the unit tests ignore them. -noreset: by
# default the X server resets when its last client leaves, and a test that
# connects during the reset finds no display.
status=0
xvfb-run -a -s "-screen 0 1400x900x24 -noreset" \
  dbus-run-session -- meson test -C _build --print-errorlogs "$@" || status=$?

# One closing line that any reader of the log understands.
python3 - _build/meson-logs/testlog.json <<'PY'
import json, sys
counts = {"passed": 0, "failed": 0, "skipped": 0}
for line in open(sys.argv[1], encoding="utf-8"):
    result = json.loads(line).get("result")
    if result in ("OK", "EXPECTEDFAIL"):
        counts["passed"] += 1
    elif result == "SKIP":
        counts["skipped"] += 1
    else:
        counts["failed"] += 1
print(f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
PY
exit $status
