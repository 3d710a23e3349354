#!/bin/sh
# Runs a display test on the X server it is given ($DISPLAY, as under
# build-aux/run-tests.sh) or, without one, on a private Xvfb. Without
# either, the test is skipped with the reason, in TAP as the test speaks.
if [ -n "$DISPLAY" ]; then
  exec "$@"
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "1..0 # SKIP no X server: DISPLAY is not set and xvfb-run (package xvfb) is not installed"
  exit 0
fi
exec xvfb-run -a -s "-screen 0 1400x900x24 -noreset" "$@"
