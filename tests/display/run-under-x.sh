#!/bin/sh
# Runs a display test on the X server it is given ($DISPLAY, as under
# build-aux/run-tests.sh) or, without one, on a private Xvfb.
if [ -n "$DISPLAY" ]; then
  exec "$@"
fi
exec xvfb-run -a -s "-screen 0 1400x900x24 -noreset" "$@"
