#!/bin/sh
# Runs a command in Signet's reference environment, Debian 13 (trixie):
#
#   build-aux/reference-env.sh COMMAND [ARGS...]
#   e.g. build-aux/reference-env.sh meson setup _build-trixie
#
# On a Debian 13 machine the command simply runs. On another Debian machine
# (a Debian 12 developer's, CI's) it runs in a Debian 13 system that the
# first run makes with debootstrap and later runs reuse. The source tree and
# the ../shared folder beside it are mounted in at the same paths, /tmp is
# the host's, and the working directory is kept, so paths mean the same
# inside and out; with DISPLAY set, windows show on the host's X server.
#
# The system lives in /var/cache/signet/reference-trixie, or in
# $SIGNET_REFERENCE_DIR, and comes from the Debian mirror this machine's apt
# uses, or from $SIGNET_REFERENCE_MIRROR. It is kept outside the tree so that every clone on
# the machine (CI checks out a fresh one) shares it, `git clean -xdf` does
# not throw away minutes of setup, and the tree is never mounted inside a
# copy of itself. Making and entering it need root: a user is asked for sudo
# and the command then runs as that user, so the build files stay theirs.
#
# It holds the packages listed in build-aux/reference-packages.txt; a change
# to that list installs them on the next run. A system whose debootstrap was
# interrupted is made again, not used.
set -eu

suite=trixie
tree=$(cd "$(dirname "$0")/.." && pwd -P)
list=$tree/build-aux/reference-packages.txt
# What a command run inside gets from the caller's environment, besides
# SIGNET_* (the project's own settings) and HOME, USER, LOGNAME and PATH,
# which are the ones of the environment.
passed="DISPLAY XAUTHORITY TERM COLORTERM NO_COLOR LANG LANGUAGE LC_ALL CI
  MESON_TESTTHREADS G_DEBUG G_MESSAGES_DEBUG GSK_RENDERER GTK_DEBUG GDK_DEBUG
  ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS"

say() { echo "reference-env: $*" >&2; }
die() { say "$*"; exit 1; }

if [ $# -eq 0 ]; then
  echo "usage: build-aux/reference-env.sh COMMAND [ARGS...]" >&2
  echo "Runs COMMAND in Debian 13 ($suite): natively there, elsewhere in a" >&2
  echo "Debian 13 system made once with debootstrap and then reused." >&2
  exit 2
fi

host=$(. /etc/os-release 2>/dev/null; echo "${ID:-}:${VERSION_CODENAME:-}")
if [ "$host" = "debian:$suite" ]; then
  exec "$@"
fi

if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 ||
    die "making and entering the Debian 13 system needs root: run this as root, or install sudo"
  # sudo changes HOME, through which X clients find the authority file.
  if [ -n "${DISPLAY:-}" ] && [ -z "${XAUTHORITY:-}" ] && [ -f "$HOME/.Xauthority" ]; then
    export XAUTHORITY="$HOME/.Xauthority"
  fi
  keep=$(env | sed -n 's/^\(SIGNET_[A-Za-z0-9_]*\)=.*/\1/p' | tr '\n' ',')
  exec sudo --preserve-env="$keep$(echo $passed | tr ' ' ',')" -- \
    env SIGNET_REFERENCE_AS="$(id -u):$(id -g):$(id -un)" /bin/sh "$0" "$@"
fi

# Everything below mounts in a private mount namespace: no other process sees
# these mounts, two runs at once do not unmount each other's, and the kernel
# removes them when the last process in it ends, even one killed with
# SIGKILL, which no trap sees. A killed run can thus never leave the tree
# mounted inside the system, where removing the system would reach it.
if [ -z "${SIGNET_REFERENCE_NS:-}" ]; then
  export SIGNET_REFERENCE_NS=1
  exec unshare --mount --propagation private -- /bin/sh "$0" "$@"
fi

base=${SIGNET_REFERENCE_DIR:-/var/cache/signet/reference-$suite}
root=$base/root
stamp=$root/var/lib/signet-reference-packages
[ -r "$list" ] || die "the package list $list is missing"
mkdir -p "$base"

packages() { sed -e 's/#.*//' -e '/^locales:/d' "$list" | tr -s ' \t' '\n\n' | sed '/^$/d'; }
locales() { sed -n 's/^locales://p' "$list"; }
want=$( (packages; locales) | LC_ALL=C sort -u | sha256sum | cut -d' ' -f1)

# Mount points, newest first, one a line (paths may hold spaces).
nl='
'
mounted=""
mnt() {
  target=$1
  shift
  mount "$@" "$target"
  mounted="$target$nl$mounted"
}
unmount_all() {
  old_ifs=$IFS
  IFS=$nl
  for m in $mounted; do
    # A process the command left behind (an X server, a bus) may still hold
    # it; lazily detached, it goes when that process ends.
    umount "$m" 2>/dev/null || umount --lazy "$m" || say "could not unmount $m"
  done
  IFS=$old_ifs
  mounted=""
}
trap unmount_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

bind_same() {
  mkdir -p "$root$1"
  mnt "$root$1" --bind "$1"
}

system_mounted=""
mount_system() {
  [ -z "$system_mounted" ] || return 0
  mnt "$root/proc" -t proc proc
  mnt "$root/sys" --bind /sys
  mnt "$root/dev" --bind /dev
  mnt "$root/dev/pts" --bind /dev/pts
  mnt "$root/dev/shm" --bind /dev/shm
  system_mounted=1
}

# The host's own Debian mirror for suite $1, as its apt sources name it.
host_site() {
  apt-get indextargets --format '$(SITE)' "Release: $1" 'Identifier: Packages' \
    2>/dev/null | head -n 1
}

# Unmounts what is still mounted under $1 (a debootstrap stopped half-way
# leaves its /proc and /sys mounted), and refuses to go on otherwise.
unmount_under() {
  for m in $(awk -v d="$1" '$5 == d || index($5, d "/") == 1 { print $5 }' \
               /proc/self/mountinfo | sort -r); do
    umount "$m" || umount --lazy "$m" || true
  done
  if awk -v d="$1" '$5 == d || index($5, d "/") == 1' /proc/self/mountinfo | grep -q .; then
    die "file systems are still mounted under $1: not removing it"
  fi
}

bootstrap() {
  codename=${host#*:}
  mirror=${SIGNET_REFERENCE_MIRROR:-$(host_site "$codename")}
  [ -n "$mirror" ] ||
    die "found no Debian mirror in this machine's apt sources: set SIGNET_REFERENCE_MIRROR to one"
  security=$(host_site "$codename-security")
  if ! command -v debootstrap >/dev/null 2>&1; then
    say "installing debootstrap"
    if ! { apt-get update -qq &&
           DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
             --no-install-recommends debootstrap debian-archive-keyring; } \
         >"$base/debootstrap-install.log" 2>&1; then
      tail -n 20 "$base/debootstrap-install.log" >&2
      die "installing debootstrap failed; the whole log is $base/debootstrap-install.log"
    fi
  fi
  if [ -e "$root.new" ]; then
    say "removing the unfinished system $root.new"
    unmount_under "$root.new"
    rm -rf --one-file-system "$root.new"
  fi
  say "making a Debian 13 system in $root with debootstrap"
  start=$(date +%s)
  if ! debootstrap --variant=minbase "$suite" "$root.new" "$mirror" \
         >"$base/debootstrap.log" 2>&1; then
    tail -n 20 "$base/debootstrap.log" >&2
    die "debootstrap failed; its whole log is $base/debootstrap.log"
  fi
  # Point releases and security fixes too, as on an installed Debian 13.
  rm -f "$root.new/etc/apt/sources.list"
  {
    printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates\nComponents: main\n' \
      "$mirror" "$suite" "$suite"
    printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    if [ -n "$security" ]; then
      printf '\nTypes: deb\nURIs: %s\nSuites: %s-security\nComponents: main\n' \
        "$security" "$suite"
      printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    fi
  } >"$root.new/etc/apt/sources.list.d/debian.sources"
  # Packages that ship a service (D-Bus, later PostgreSQL) must not start it
  # from their install scripts here: the tests start what they need.
  printf '#!/bin/sh\nexit 101\n' >"$root.new/usr/sbin/policy-rc.d"
  chmod 755 "$root.new/usr/sbin/policy-rc.d"
  # Only a complete system gets the name that later runs use.
  mv "$root.new" "$root"
  say "debootstrap took $(($(date +%s) - start)) s"
}

in_root() {
  chroot "$root" /usr/bin/env -i DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
}

install_packages() {
  say "installing $(packages | wc -l) packages of build-aux/reference-packages.txt and what they need"
  start=$(date +%s)
  mount_system
  cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  rm -f "$stamp"
  # An install stopped half-way is finished first.
  if ! { in_root dpkg --configure -a &&
         in_root apt-get update -qq &&
         in_root apt-get install -y -qq --no-install-recommends $(packages) &&
         in_root apt-get clean; } >"$base/apt.log" 2>&1; then
    tail -n 20 "$base/apt.log" >&2
    die "installing the packages failed; the whole log is $base/apt.log"
  fi
  for locale in $(locales); do
    in_root localedef --no-archive -i "$locale" -f UTF-8 "$locale.utf8" >>"$base/apt.log" 2>&1 ||
      die "making the locale $locale.UTF-8 failed; see $base/apt.log"
  done
  echo "$want" >"$stamp"
  say "installing the packages took $(($(date +%s) - start)) s"
}

# Runs share the system; making or changing it waits for them all to end.
exec 9>"$base/lock"
flock --shared 9
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  if ! flock --exclusive --nonblock 9; then
    say "waiting for the other runs in $root to end"
    flock --exclusive 9
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    [ -d "$root" ] || bootstrap
    install_packages
  fi
  flock --shared 9
fi

cwd=$(pwd -P)
shared=""
if [ -d "$tree/../shared" ]; then
  shared=$(cd "$tree/../shared" && pwd -P)
fi
# Is $1 inside a folder that is mounted in?
mounted_in() {
  for d in "$tree" "$shared" /tmp; do
    [ -n "$d" ] || continue
    case $1 in "$d" | "$d"/*) return 0 ;; esac
  done
  return 1
}
mounted_in "$cwd" ||
  die "run it from inside the source tree ($tree): $cwd is not mounted in the Debian 13 system"

# The user the command runs as, with a home of its own in the system: the
# caches and settings of Debian 13's GLib and GTK stay apart from the host's.
as=${SIGNET_REFERENCE_AS:-0:0:root}
uid=${as%%:*}
gid=${as#*:}
gid=${gid%%:*}
name=${as#*:*:}
if [ "$uid" = 0 ]; then
  home=/root
else
  home=/home/$name
  grep -q "^[^:]*:[^:]*:$uid:" "$root/etc/passwd" ||
    echo "$name:x:$uid:$gid::$home:/bin/bash" >>"$root/etc/passwd"
  grep -q "^[^:]*:[^:]*:$gid:" "$root/etc/group" ||
    echo "$name:x:$gid:" >>"$root/etc/group"
  mkdir -p "$root$home"
  chown "$uid:$gid" "$root$home"
fi

# The system becomes the root of this mount namespace (below), so it must
# be a mount of its own; what is mounted in it already comes along.
mnt "$root" --rbind "$root"
mount_system
# The host's /tmp, not only its X sockets: `xvfb-run -a` picks a free display
# by the lock files in /tmp, and the X servers inside and outside share one
# socket namespace, so both sides must see every lock.
mnt "$root/tmp" --bind /tmp
bind_same "$tree"
[ -z "$shared" ] || bind_same "$shared"

if [ -n "${DISPLAY:-}" ]; then
  if [ -z "${XAUTHORITY:-}" ] && [ -f "$HOME/.Xauthority" ]; then
    XAUTHORITY=$HOME/.Xauthority
  fi
  if [ -n "${XAUTHORITY:-}" ] && [ -f "$XAUTHORITY" ] && ! mounted_in "$XAUTHORITY"; then
    mkdir -p "$root$(dirname "$XAUTHORITY")"
    [ -e "$root$XAUTHORITY" ] || : >"$root$XAUTHORITY"
    mnt "$root$XAUTHORITY" --bind "$XAUTHORITY"
  fi
else
  unset XAUTHORITY
fi

# Debian 13's gettext ignores LANGUAGE in the C.UTF-8 locale, so the
# caller's language shows only in the caller's own locale. The system starts
# with C.UTF-8 alone: a UTF-8 locale it lacks is made once, any other locale
# falls back to C.UTF-8.
usable_locale() {
  case $1 in C | POSIX | C.UTF-8 | C.utf8) return 0 ;; esac
  case $1 in *@*) return 1 ;; *.UTF-8 | *.utf8 | *.utf-8) ;; *) return 1 ;; esac
  locale=${1%%.*}
  if [ ! -d "$root/usr/lib/locale/$locale.utf8" ] &&
     [ -f "$root/usr/share/i18n/locales/$locale" ]; then
    say "making the locale $locale.UTF-8"
    in_root localedef --no-archive -i "$locale" -f UTF-8 "$locale.utf8" >/dev/null 2>&1 || true
  fi
  [ -d "$root/usr/lib/locale/$locale.utf8" ]
}
for v in LC_ALL LANG; do
  eval "value=\${$v:-}"
  if [ -n "$value" ] && ! usable_locale "$value"; then
    say "Debian 13's system has no locale $value: using C.UTF-8"
    unset "$v"
  fi
done
LANG=${LANG:-C.UTF-8}

set -- /bin/sh -c 'cd "$1" || exit 1; shift; exec "$@"' sh "$cwd" "$@"
for v in $passed $(env | sed -n 's/^\(SIGNET_[A-Za-z0-9_]*\)=.*/\1/p'); do
  case $v in SIGNET_REFERENCE_*) continue ;; esac
  eval "[ -z \"\${$v+set}\" ] || set -- \"$v=\$$v\" \"\$@\""
done

# The system becomes the root of the mount namespace (pivot_root), not only
# of the command (chroot): in a chroot, "/" is no mount point and the kernel
# refuses user namespaces, so nothing inside could make a namespace of its
# own, as the tests that fill a small disk do (unshare). The host's file
# systems are then detached; the mounts made above go with the namespace.
# Where pivot_root is refused (an initramfs root), a chroot still runs it.
cd "$root"
if pivot_root . mnt 2>/dev/null; then
  cd /
  umount --lazy /mnt
  mounted=""
  root=/
fi

set -- "$root" /usr/bin/env -i HOME="$home" USER="$name" LOGNAME="$name" \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
if [ "$uid" != 0 ]; then
  set -- --userspec="$uid:$gid" --groups="$gid" "$@"
fi

status=0
chroot "$@" 9>&- || status=$?
exit $status
