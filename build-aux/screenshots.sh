#!/bin/sh
# Makes the README and metainfo screenshots of the demo register, in English
# and in Chinese, under Xvfb: build-aux/screenshots.sh [BUILD_DIR]
# (into docs/screenshots, or into $SIGNET_SCREENSHOT_DIR to look before replacing them)
set -eu
cd "$(dirname "$0")/.."
build=${1:-_build}
out=${SIGNET_SCREENSHOT_DIR:-docs/screenshots}
mkdir -p "$out"

shoot() {
  lang=$1
  name=$2
  home=$(mktemp -d)
  # The window opens at its default size at the origin of a screen of the
  # same size, so the whole screen is the window.
  XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
  LANGUAGE="$lang" LANG=C.UTF-8 GSK_RENDERER=cairo \
  xvfb-run -a -s "-screen 0 1200x760x24" sh -c "
    '$build/src/signet' --demo &
    app=\$!
    sleep 4
    # Select a contract so that the detail form shows too.
    xdotool mousemove 300 200 click 1
    sleep 1
    xdotool mousemove 1190 750
    import -window root '$out/$name'
    kill \$app
  "
  rm -rf "$home"
  echo "$out/$name"
}

shoot en main-en.png
shoot zh_CN main-zh_CN.png
