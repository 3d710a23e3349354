#!/bin/sh
# Runs an end-to-end test with a private session bus (for the accessibility
# bus) on the X server it is given, or on a private Xvfb without one.
if [ -z "$DISPLAY" ]; then
  exec xvfb-run -a -s "-screen 0 1400x900x24 -noreset" dbus-run-session -- "$@"
fi
exec dbus-run-session -- "$@"
