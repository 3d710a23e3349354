#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer target for the XML importer with clang
# (-fsanitize=fuzzer,address) and runs it.
#
#   fuzz/run-fuzz.sh [SECONDS] [extra libFuzzer options]
#
# SECONDS defaults to 600. Needs clang and libFuzzer:
#   sudo apt-get install clang libclang-rt-14-dev   (Debian 12: clang 14)
# The seed corpus is written by the bad-input tests (every case of
# tests/io/test-xml-bad-input.c and test-xml-bad-dates.c, and the valid
# files they start from); what
# libFuzzer finds is kept in $BUILD/corpus, crashes in $BUILD/artifacts.
set -eu

seconds=${1:-600}
[ $# -gt 0 ] && shift

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build=${SIGNET_FUZZ_BUILD:-/tmp/signet-fuzz-build}
cc=${CC:-clang}

# A build of the libraries with the sanitizers and the fuzzer's coverage
# counters; GLib, SQLite and libxml2 are the system's.
if [ ! -f "$build/build.ninja" ]; then
  CC="$cc" CFLAGS="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer -g" \
    LDFLAGS="-fsanitize=address" \
    meson setup "$build" "$source_dir" --buildtype=debugoptimized >/dev/null
fi
ninja -C "$build" src/core/libsignet-core.a src/io/libsignet-io.a tests/io/test-xml-bad-input \
  tests/io/test-xml-bad-dates

deps=$(pkg-config --cflags --libs gio-2.0 gio-unix-2.0 libxml-2.0 sqlite3)
# shellcheck disable=SC2086
"$cc" -fsanitize=fuzzer,address -fno-omit-frame-pointer -g -O1 \
  -I"$build" -I"$build/src/core" -I"$source_dir/src/core" -I"$source_dir/src/io" \
  "$source_dir/fuzz/fuzz-xml-import.c" \
  "$build/src/io/libsignet-io.a" "$build/src/core/libsignet-core.a" \
  $deps -lm -o "$build/fuzz-xml-import"

mkdir -p "$build/corpus" "$build/seeds" "$build/artifacts"
"$build/tests/io/test-xml-bad-input" --write-corpus="$build/seeds"
"$build/tests/io/test-xml-bad-dates" --write-corpus="$build/seeds"

# GLib's one-off allocations (types, quarks) are not leaks; everything an
# input allocates must be freed again.
ASAN_OPTIONS=detect_leaks=1 \
  "$build/fuzz-xml-import" "$build/corpus" "$build/seeds" \
  -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
  -dict="$source_dir/fuzz/xml.dict" \
  -artifact_prefix="$build/artifacts/" "$@"
