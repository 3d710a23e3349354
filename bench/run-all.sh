#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs every benchmark and prints what docs/benchmarks.md reports:
#   1. generation of a 100,000-contract / 2,000-client register (signet-bench-generate),
#   2. search-as-you-type latency on it against plain sqlite3 (signet-bench-search),
#   3. start-up time and memory against an empty libadwaita window (run-startup.sh),
#      with that register and with the small demo register,
#   4. calendar month switches in the store against plain sqlite3 (signet-bench-calendar),
#   5. the same in a real calendar view, with the frame after each (signet-bench-calendar-view),
#   6. XML export and import of the same size of register against xmllint (signet-bench-xml).
#
# Usage: bench/run-all.sh BUILD_DIR [WORK_DIR]
#   BUILD_DIR is a configured and built meson build directory; WORK_DIR (a new
#   temporary directory by default) receives the databases and is kept.
#   RUNS (default 7) and RENDERERS (default "cairo gl") can be set in the environment.

set -u

if [ $# -lt 1 ]; then
  echo "Usage: $0 BUILD_DIR [WORK_DIR]" >&2
  exit 1
fi

bench_dir=$(dirname "$(realpath "$0")")
source_dir=$(dirname "$bench_dir")
build_dir=$(realpath "$1")
work=${2:-$(mktemp -d /tmp/signet-bench-XXXXXX)}
runs=${RUNS:-7}
renderers=${RENDERERS:-cairo gl}
status=0

mkdir -p "$work"

echo "== Signet benchmarks"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "source:   $(git -C "$source_dir" describe --always --dirty 2>/dev/null || echo unknown)"
echo "machine:  $(nproc) cores, $(awk '/model name/ { sub(/.*: /, ""); print; exit }' /proc/cpuinfo)," \
     "$(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1048576 }' /proc/meminfo)"
echo "software: GTK $(pkg-config --modversion gtk4), libadwaita $(pkg-config --modversion libadwaita-1)," \
     "SQLite $(pkg-config --modversion sqlite3), GLib $(pkg-config --modversion glib-2.0)"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"
echo "work dir: $work"
echo

echo "== 1. Generating the registers"
rm -f "$work"/bench.db "$work"/bench.db-wal "$work"/bench.db-shm "$work"/demo.db "$work"/demo.db-wal "$work"/demo.db-shm
/usr/bin/time -f 'peak RSS %M KB' "$build_dir/bench/signet-bench-generate" \
  --contracts=100000 --clients=2000 --seed=1 "$work/bench.db" || status=1
"$build_dir/bench/signet-bench-generate" --demo "$work/demo.db" | tail -n 1 || status=1
echo

echo "== 2. Search as you type (100,000 contracts)"
"$build_dir/bench/signet-bench-search" --per-query --rounds=5 "$work/bench.db" || status=1
echo

echo "== 3a. Start-up with 100,000 contracts"
"$bench_dir/run-startup.sh" "$build_dir" "$work/bench.db" "$runs" "$renderers" || status=1
echo

echo "== 3b. Start-up with the demo register (96 contracts), cairo"
"$bench_dir/run-startup.sh" "$build_dir" "$work/demo.db" "$runs" cairo || status=1
echo

echo "== 4. Calendar month switches (100,000 contracts)"
"$build_dir/bench/signet-bench-calendar" --rounds=3 "$work/bench.db" || status=1
echo

echo "== 5. Calendar month switches in the view, and the frame after, cairo"
GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1400x900x24 -noreset" \
  "$build_dir/bench/signet-bench-calendar-view" --rounds=3 "$work/bench.db" || status=1
echo

echo "== 6. XML export and import (100,000 contracts) against xmllint --stream --schema"
"$build_dir/bench/signet-bench-xml" --runs=5 --dir="$work/xml" || status=1
echo

echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the end"
[ $status -ne 0 ] && echo "Some targets were not met or a step failed; see above."
exit $status
