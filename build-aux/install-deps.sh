#!/bin/sh
# Installs what Signet needs to build, run and test on its reference
# platform, Debian 13 (trixie): the packages of
# build-aux/reference-packages.txt and the locales the tests run in.
#
# On Debian 13 they are installed into this system (as root, or with sudo).
# On any other host (Debian 12, where CI runs) they go into the Debian 13
# system that build-aux/reference-env.sh makes once and then reuses; run
# builds and tests there through that script.
set -eu
cd "$(dirname "$0")/.."

host=$(. /etc/os-release 2>/dev/null; echo "${ID:-}:${VERSION_CODENAME:-}")
if [ "$host" != "debian:trixie" ]; then
  exec build-aux/reference-env.sh true
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

list=build-aux/reference-packages.txt
packages=$(sed -e 's/#.*//' -e '/^locales:/d' "$list" | tr -s ' \t' '\n\n' | sed '/^$/d')
missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi

for locale in $(sed -n 's/^locales://p' "$list"); do
  if [ ! -d "/usr/lib/locale/$locale.utf8" ] &&
     ! locale -a 2>/dev/null | grep -qx "$locale.utf8"; then
    $sudo localedef --no-archive -i "$locale" -f UTF-8 "$locale.utf8"
  fi
done
