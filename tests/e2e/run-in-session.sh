#!/bin/sh
# Runs an end-to-end test with a private session bus (for the accessibility
# bus) on the X server it is given, or on a private Xvfb without one.
# Without the tools for either, the test is skipped (77) with the reason.
if ! command -v dbus-run-session >/dev/null 2>&1; then
  echo "SKIP: dbus-run-session (package dbus-daemon) is not installed: the test needs a session bus of its own"
  exit 77
fi
if [ -z "$DISPLAY" ]; then
  if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "SKIP: no X server: DISPLAY is not set and xvfb-run (package xvfb) is not installed"
    exit 77
  fi
  exec xvfb-run -a -s "-screen 0 1400x900x24 -noreset" dbus-run-session -- "$@"
fi
exec dbus-run-session -- "$@"
