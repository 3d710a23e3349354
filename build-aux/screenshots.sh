#!/bin/sh
# Makes the README and metainfo screenshots of the demo register, in English
# and in Chinese, at a desktop's width (1200 × 760, the list beside a
# contract) and a phone's (360 × 640, the list alone), under Xvfb on the
# reference platform: build-aux/screenshots.sh [BUILD_DIR]
# (into docs/screenshots, or into $SIGNET_SCREENSHOT_DIR to look before
# replacing them). On another host it runs in the Debian 13 system of
# build-aux/reference-env.sh, as the tests do.
set -eu
cd "$(dirname "$0")/.."

host=$(. /etc/os-release 2>/dev/null; echo "${ID:-}:${VERSION_CODENAME:-}")
if [ "$host" != "debian:trixie" ]; then
  exec build-aux/reference-env.sh build-aux/screenshots.sh "$@"
fi

build=${1:-_build}
out=${SIGNET_SCREENSHOT_DIR:-docs/screenshots}
mkdir -p "$out"

# shoot LOCALE WIDTH HEIGHT NAME [X Y]: the window's content at WIDTH ×
# HEIGHT, after a click at X, Y in it (a contract in the list) if given.
shoot() {
  locale=$1
  width=$2
  height=$3
  name=$4
  click=${5:+$5 $6}
  home=$(mktemp -d)
  # Without a window manager GTK draws a 5-pixel border around the window:
  # the screen and the window are that much larger, and the border is cut
  # off the picture.
  screen_width=$((width + 10))
  screen_height=$((height + 10))
  # Chinese takes the Chinese locale: Debian 13's gettext ignores LANGUAGE
  # in C.UTF-8.
  XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
  LANG="$locale" LC_ALL="$locale" GSK_RENDERER=cairo \
  xvfb-run -a -s "-screen 0 ${screen_width}x${screen_height}x24" sh -c "
    '$build/src/signet' --demo &
    app=\$!
    xdotool search --sync --name '^Signet\$' windowsize $screen_width $screen_height >/dev/null
    sleep 3
    if [ -n '$click' ]; then
      set -- $click
      xdotool mousemove \$((\$1 + 5)) \$((\$2 + 5)) click 1
      sleep 1
    fi
    # The pointer rests on the border, where it lights up nothing.
    xdotool mousemove $((screen_width - 1)) $((screen_height - 1))
    sleep 0.5
    import -window root '$home/screen.png'
    kill \$app
  "
  convert "$home/screen.png" -shave 5x5 +repage "$out/$name"
  rm -rf "$home"
  echo "$out/$name"
}

shoot en_US.UTF-8 1200 760 main-en.png 300 200
shoot zh_CN.UTF-8 1200 760 main-zh_CN.png 300 200
shoot en_US.UTF-8 360 640 main-narrow-en.png
shoot zh_CN.UTF-8 360 640 main-narrow-zh_CN.png

# Contract pages the README shows (the approval panel, an amended
# contract, a renewal chain, and the payments, obligations, risks, reviews
# and paper original of contracts that show them at their fullest), found
# in the demo register and opened through the accessibility tree by
# build-aux/screenshot-pages.py.
for page_locale in en_US.UTF-8:en zh_CN.UTF-8:zh_CN; do
  xvfb-run -a -s "-screen 0 1210x770x24" dbus-run-session -- \
    /usr/bin/python3 build-aux/screenshot-pages.py "$build" "${page_locale%%:*}" "$out" "${page_locale##*:}"
done

# A team register whose server is away, with its banner: the display test
# starts a PostgreSQL server of its own, stops it under a window on a
# contract and draws the window at 1200 × 700.
LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
GSK_RENDERER=cairo GTK_A11Y=test DBUS_SESSION_BUS_ADDRESS=disabled: \
  xvfb-run -a -s "-screen 0 1400x900x24" "$build/tests/display/test-team-connect" -p /team-connect/banner >/dev/null
cp "$build/tests/display/team-connect-banner-en_US.UTF-8.png" "$out/team-banner-en.png"
echo "$out/team-banner-en.png"
