#!/bin/sh
# Installs what Signet needs to build, run and test on Debian 12 (bookworm).
# Run as root, or as a user who may use sudo.
set -eu

packages="
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libpoppler-glib-dev libxml2-dev libxml2-utils poppler-utils
  libical-dev libportal-dev libportal-gtk4-dev
  desktop-file-utils appstream sqlite3
  xvfb xauth dbus dbus-x11 at-spi2-core python3 python3-pyatspi
  xdotool xclip qpdf imagemagick fonts-noto-cjk time strace
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

echo "Installing:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
