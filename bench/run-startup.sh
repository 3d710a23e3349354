#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Start-up benchmark: time from spawn to exit and peak RSS of
#   (a) bench-floor: an empty AdwApplicationWindow that quits after its first frame;
#   (b) signet --database=DB with SIGNET_EXIT_AFTER_FIRST_FRAME=1: quits after the
#       first frame that shows the register, printing "first-frame contracts=N";
# and, as references, of
#   (c) bench-floor-list DB: the first 22 contracts of DB in a bare GtkColumnView;
#   (d) bench-floor-list --header-bar DB: the same under a bare AdwHeaderBar;
#   (e) bench-floor-list --split-view DB: the same laid out as Signet's window
#       lays out its list: the sidebar of an AdwNavigationSplitView, in an
#       AdwToolbarView under a bare header bar, beside an empty content page.
# All run on the same X server (xvfb-run -a), with the same renderer and
# environment, interleaved (floor, signet, list, list+hb, list+sv, floor, ...) after one
# untimed warm-up run each. Targets: median time <= 1.25 x floor, RSS <= floor
# + 60 MB.
#
# DATABASE may be a team register's postgresql:// address: then (c)-(e), which read
# a file, are not run, and the floor is (a) alone.
#
# Usage: bench/run-startup.sh BUILD_DIR DATABASE [RUNS] [RENDERERS] [BASELINE_BUILD_DIR]
#   RUNS defaults to 7, RENDERERS to "cairo gl" (gl is skipped when it does not work).
#   With BASELINE_BUILD_DIR, the signet of that build (an earlier commit's) runs too,
#   interleaved with the others, so that a change is measured in the same conditions.

set -u

if [ $# -lt 2 ]; then
  echo "Usage: $0 BUILD_DIR DATABASE [RUNS] [RENDERERS]" >&2
  exit 1
fi

build_dir=$(realpath "$1")
case $2 in
  postgresql:* | postgres:*) database=$2; on_server=1 ;;
  *) database=$(realpath "$2"); on_server="" ;;
esac
runs=${3:-7}
renderers=${4:-cairo gl}
baseline_bin=${5:+$(realpath "$5")/src/signet}
floor_bin="$build_dir/bench/bench-floor"
list_bin="$build_dir/bench/bench-floor-list"
signet_bin="$build_dir/src/signet"

for program in "$floor_bin" "$list_bin" "$signet_bin" ${baseline_bin:+"$baseline_bin"} /usr/bin/time; do
  if [ ! -x "$program" ]; then
    echo "$program is missing (build first; /usr/bin/time is in the package 'time')." >&2
    exit 1
  fi
done
if [ -z "$on_server" ] && [ ! -f "$database" ]; then
  echo "$database does not exist; make it with signet-bench-generate." >&2
  exit 1
fi

# The whole benchmark runs on one X server, so re-run this script under Xvfb.
if [ -z "${SIGNET_BENCH_IN_XVFB:-}" ]; then
  export SIGNET_BENCH_IN_XVFB=1
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -n "$on_server" ]; then
  expected=$(psql "$database" -Atc "SELECT count(*) FROM contracts" 2>/dev/null || echo "")
else
  expected=$(sqlite3 "$database" "SELECT count(*) FROM contracts" 2>/dev/null || echo "")
fi

# The same clean environment for both programs: no dconf, no user files.
run_env=(env GSETTINGS_BACKEND=memory
         XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
         LC_ALL=C.UTF-8)

# run_once RENDERER WHICH -> prints "SECONDS RSS_KB CPU_SECONDS" or "fail REASON"
run_once () {
  local renderer=$1 which=$2 out="$work/out" tm="$work/time" start end
  local command
  case $which in
    floor)   command=("$floor_bin") ;;
    list)    command=("$list_bin" "$database") ;;
    list+hb) command=("$list_bin" --header-bar "$database") ;;
    list+sv) command=("$list_bin" --split-view "$database") ;;
    baseline) command=("$baseline_bin" "--database=$database") ;;
    *)       command=("$signet_bin" "--database=$database") ;;
  esac

  start=$(date +%s%N)
  "${run_env[@]}" GSK_RENDERER="$renderer" SIGNET_EXIT_AFTER_FIRST_FRAME=1 \
    timeout 120 /usr/bin/time -f '%e %M %U %S' -o "$tm" "${command[@]}" >"$out" 2>"$work/err"
  local status=$?
  end=$(date +%s%N)

  if [ $status -ne 0 ]; then
    echo "fail exit-status-$status"
    return
  fi
  if [ "$which" != signet ] && [ "$which" != baseline ]; then
    grep -q '^first-frame' "$out" || { echo "fail no-first-frame-line"; return; }
  else
    local line
    line=$(grep '^first-frame contracts=' "$out" | head -n1)
    if [ -z "$line" ]; then
      echo "fail no-first-frame-line"
      return
    fi
    # The list must have been filled when the frame was drawn.
    if [ -n "$expected" ] && [ "${line#first-frame contracts=}" != "$expected" ]; then
      echo "fail list-had-${line#first-frame contracts=}-of-$expected"
      return
    fi
  fi

  awk -v ns=$((end - start)) '{ printf "%.3f %d %.2f\n", ns / 1e9, $2, $3 + $4 }' "$tm"
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "method: spawn-to-exit wall time (date +%s%N around /usr/bin/time), peak RSS (%M) and"
echo "  user+system CPU time (%U + %S, less sensitive to other load on the machine) of bench-floor and of signet --database=$(basename "${database%%\?*}")"
echo "  ($expected contracts) with SIGNET_EXIT_AFTER_FIRST_FRAME=1, under xvfb-run, $runs runs"
echo "  each after one warm-up, interleaved; GSETTINGS_BACKEND=memory, empty XDG dirs."
echo "machine: $(nproc) cores, $(awk '/model name/ { sub(/.*: /, ""); print; exit }' /proc/cpuinfo)"
echo

printf "%-9s %-8s %5s %9s %9s %9s %9s %7s\n" renderer program runs median_s min_s max_s rss_MB cpu_s
summary=""
references=""
baselines=""
status=0

for renderer in $renderers; do
  if ! probe=$(run_once "$renderer" floor) || [ "${probe%% *}" = fail ]; then
    echo "$renderer: the floor does not start (${probe#fail }); skipped"
    [ "$renderer" = cairo ] && status=1
    continue
  fi
  warm=$(run_once "$renderer" signet)
  if [ "${warm%% *}" = fail ]; then
    echo "$renderer: signet did not reach its first frame (${warm#fail }); stderr:"
    sed 's/^/    /' "$work/err" | head -n 20
    status=1
    continue
  fi

  if [ -n "$on_server" ]; then
    programs="floor signet"
  else
    run_once "$renderer" list >/dev/null
    run_once "$renderer" list+hb >/dev/null
    run_once "$renderer" list+sv >/dev/null
    programs="floor signet list list+hb list+sv"
  fi
  if [ -n "$baseline_bin" ]; then
    run_once "$renderer" baseline >/dev/null
    programs="$programs baseline"
  fi
  for which in $programs; do : >"$work/$which.txt"; done
  failed=""
  for i in $(seq "$runs"); do
    for which in $programs; do
      result=$(run_once "$renderer" $which)
      if [ "${result%% *}" = fail ]; then
        failed="$failed $which:${result#fail }"
      else
        echo "$result" >>"$work/$which.txt"
      fi
    done
  done

  for which in $programs; do
    n=$(wc -l <"$work/$which.txt")
    t_med=$(cut -d' ' -f1 "$work/$which.txt" | median)
    t_min=$(cut -d' ' -f1 "$work/$which.txt" | sort -n | head -n1)
    t_max=$(cut -d' ' -f1 "$work/$which.txt" | sort -n | tail -n1)
    rss=$(cut -d' ' -f2 "$work/$which.txt" | median)
    cpu=$(cut -d' ' -f3 "$work/$which.txt" | median)
    printf "%-9s %-8s %5s %9.3f %9.3f %9.3f %9.1f %7.2f\n" "$renderer" "$which" "$n" "$t_med" "$t_min" "$t_max" \
      "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$cpu"
    # The mean CPU time too: /usr/bin/time gives it in steps of 10 ms, too
    # coarse for a median to tell two builds apart.
    cpu_mean=$(cut -d' ' -f3 "$work/$which.txt" | awk '{ s += $1 } END { if (NR) printf "%.4f", s / NR; else print "nan" }')
    var=${which/+/_}
    eval "${var}_time=\$t_med ${var}_rss=\$rss ${var}_cpu=\$cpu ${var}_cpu_mean=\$cpu_mean"
  done
  [ -n "$failed" ] && echo "  failed runs:$failed" && status=1

  summary="$summary$(awk -v r="$renderer" -v st="$signet_time" -v ft="$floor_time" -v sr="$signet_rss" -v fr="$floor_rss" -v sc="$signet_cpu" -v fc="$floor_cpu" 'BEGIN {
    ratio = st / ft; diff = (sr - fr) / 1024;
    printf "%-9s %9.3f %9.3f %7.2f %-8s %9.1f %9.1f %+8.1f %-8s %9.2f\n", r, st, ft, ratio,
      (ratio <= 1.25 ? "met" : "NOT met"), sr / 1024, fr / 1024, diff, (diff <= 60 ? "met" : "NOT met"),
      (fc > 0 ? sc / fc : 0) }')
"
  [ -z "$on_server" ] && references="$references$(awk -v r="$renderer" -v ft="$floor_time" -v lt="$list_time" -v ht="$list_hb_time" \
    -v vt="$list_sv_time" 'BEGIN {
    printf "%-9s %9.3f %7.2f %9.3f %7.2f %9.3f %7.2f\n", r, lt, lt / ft, ht, ht / ft, vt, vt / ft }')
"
  if [ -n "$baseline_bin" ]; then
    baselines="$baselines$(awk -v r="$renderer" -v ft="$floor_time" -v bt="$baseline_time" -v st="$signet_time" \
      -v fc="$floor_cpu_mean" -v bc="$baseline_cpu_mean" -v sc="$signet_cpu_mean" 'BEGIN {
      printf "%-9s %9.3f %7.2f %9.3f %7.2f %9.2f %9.2f\n", r, bt, bt / ft, st, st / ft, bc / fc, sc / fc }')
"
  fi
done

echo
printf "%-9s %9s %9s %7s %-8s %9s %9s %8s %-8s %9s\n" renderer signet_s floor_s ratio "<=1.25x" rss_MB floor_MB diff_MB "<=+60MB" cpu_ratio
printf "%s" "$summary"
[ -z "$on_server" ] && echo
[ -z "$on_server" ] && echo "references: the same first rows in a bare column view (list), under a bare header bar (list+hb),"
if [ -z "$on_server" ]; then
  echo "  and in the split view and toolbar views of Signet's window (list+sv)"
  printf "%-9s %9s %7s %9s %7s %9s %7s\n" renderer list_s ratio list+hb_s ratio list+sv_s ratio
  printf "%s" "$references"
fi
if [ -n "$baseline_bin" ]; then
  echo
  echo "baseline: the signet of $5"
  echo "  (times: medians; CPU: mean CPU time as a ratio to the floor's)"
  printf "%-9s %9s %7s %9s %7s %9s %9s\n" renderer before_s ratio after_s ratio cpu_before cpu_after
  printf "%s" "$baselines"
fi

exit $status
