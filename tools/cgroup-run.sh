#!/usr/bin/env bash
# Runs a command inside a fresh cgroup with a memory limit and a CPU quota, as a Binder
# session has (about 2 GiB and 1 CPU), then prints the cgroup's peak memory and OOM kills.
#
#   tools/cgroup-run.sh [--memory 2G] [--cpus 1] [--name NAME] -- COMMAND [ARGS...]
#
# cgroup v2 (unified, /sys/fs/cgroup/cgroup.controllers) or v1 (/sys/fs/cgroup/memory and
# /sys/fs/cgroup/cpu), whichever the machine has; needs root (or a delegated, writable
# hierarchy). Swap is limited too where the kernel allows it, so the limit is real.
# Exit status: the command's; 3 if no cgroup could be made (nothing was run); 137 if the
# command was OOM-killed. Every child of the command stays in the cgroup; when the command
# ends, whatever is left in the cgroup (or in cgroups the command made inside it) is killed
# and the cgroups removed. The command finds in COURSE_CGROUP_PARENTS (colon-separated) the
# directories where it may make limited cgroups of its own, inside this one.
set -uo pipefail

memory=2G cpus=1 name="course-$$"
while [ $# -gt 0 ]; do
  case "$1" in
    --memory) memory="${2:-}"; shift 2 ;;
    --cpus) cpus="${2:-}"; shift 2 ;;
    --name) name="${2:-}"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "cgroup-run: unknown option '$1'. Accepted: --memory SIZE (e.g. 2G, 512M), --cpus N (e.g. 1, 0.5), --name NAME, then -- COMMAND" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || { echo "cgroup-run: no command given; usage: tools/cgroup-run.sh [--memory 2G] [--cpus 1] -- COMMAND [ARGS...]" >&2; exit 2; }

to_bytes() {  # 2G, 512M, 1024K, 123 -> bytes
  local v="$1" n unit
  [[ "$v" =~ ^([0-9]+)([KkMmGg]?)$ ]] || return 1
  n="${BASH_REMATCH[1]}" unit="${BASH_REMATCH[2]}"
  case "$unit" in
    K|k) echo $((n * 1024)) ;; M|m) echo $((n * 1024 * 1024)) ;; G|g) echo $((n * 1024 * 1024 * 1024)) ;; *) echo "$n" ;;
  esac
}
bytes="$(to_bytes "$memory")" || { echo "cgroup-run: --memory '$memory' is not a size; accepted: a whole number with K, M or G, e.g. 2G" >&2; exit 2; }
[[ "$cpus" =~ ^[0-9]+(\.[0-9]+)?$ ]] && awk -v c="$cpus" 'BEGIN{exit !(c >= 0.01)}' || {
  echo "cgroup-run: --cpus '$cpus' is not accepted; accepted: a number of CPUs of at least 0.01, e.g. 1 or 0.5" >&2; exit 2; }
[[ "$name" =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "cgroup-run: --name '$name' is not accepted; accepted: letters, digits, _ . -" >&2; exit 2; }
period=100000
quota="$(awk -v c="$cpus" -v p=$period 'BEGIN{printf "%d", c * p}')"

fail() { echo "cgroup-run: cannot make a cgroup: $*" >&2; exit 3; }
dirs=()
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  version=2 cg="/sys/fs/cgroup/$name"
  for c in memory cpu; do
    grep -qw "$c" /sys/fs/cgroup/cgroup.controllers || fail "cgroup v2 has no '$c' controller"
    grep -qw "$c" /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null || echo "+$c" > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null \
      || fail "cannot enable the '$c' controller in /sys/fs/cgroup/cgroup.subtree_control (not root?)"
  done
  mkdir "$cg" 2>/dev/null || fail "mkdir $cg failed (not root, or no write access to /sys/fs/cgroup)"
  dirs=("$cg")
  echo "$bytes" > "$cg/memory.max" || fail "cannot write $cg/memory.max"
  [ -f "$cg/memory.swap.max" ] && echo 0 > "$cg/memory.swap.max"
  echo "$quota $period" > "$cg/cpu.max" || fail "cannot write $cg/cpu.max"
  # The command runs in a leaf, $cg/main: v2 lets only a cgroup without processes of its own
  # have limited children, and the command may make some (the hub's CgroupSpawner does).
  echo "+memory +cpu" > "$cg/cgroup.subtree_control" || fail "cannot enable memory and cpu for $cg's children"
  mkdir "$cg/main" || fail "mkdir $cg/main failed"
  procs_files=("$cg/main/cgroup.procs")
  parents="$cg"
elif [ -d /sys/fs/cgroup/memory ] && [ -d /sys/fs/cgroup/cpu ]; then
  version=1 mem="/sys/fs/cgroup/memory/$name" cpu="/sys/fs/cgroup/cpu/$name"
  mkdir "$mem" 2>/dev/null || fail "mkdir $mem failed (not root, or no write access)"
  dirs=("$mem")
  mkdir "$cpu" 2>/dev/null || { rmdir "$mem"; fail "mkdir $cpu failed"; }
  dirs+=("$cpu")
  echo "$bytes" > "$mem/memory.limit_in_bytes" || fail "cannot write $mem/memory.limit_in_bytes"
  [ -f "$mem/memory.memsw.limit_in_bytes" ] && echo "$bytes" > "$mem/memory.memsw.limit_in_bytes" 2>/dev/null
  echo "$period" > "$cpu/cpu.cfs_period_us" && echo "$quota" > "$cpu/cpu.cfs_quota_us" || fail "cannot write the CPU quota in $cpu"
  procs_files=("$mem/cgroup.procs" "$cpu/cgroup.procs")
  parents="$mem:$cpu"
else
  fail "neither cgroup v2 (/sys/fs/cgroup/cgroup.controllers) nor v1 (/sys/fs/cgroup/memory and /sys/fs/cgroup/cpu) is mounted"
fi

cleanup() {  # whatever is left in the cgroup or its children is killed, then the cgroups removed
  local d p f sub
  for d in "${dirs[@]}"; do
    for f in $(find "$d" -name cgroup.procs 2>/dev/null); do
      for p in $(cat "$f" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
    done
  done
  for d in "${dirs[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      for sub in $(find "$d" -mindepth 1 -depth -type d 2>/dev/null); do rmdir "$sub" 2>/dev/null; done
      rmdir "$d" 2>/dev/null && break; sleep 0.5
    done
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "cgroup-run: cgroup v$version '$name': memory $memory, $cpus CPU" >&2
# The child joins the cgroup(s) first, then becomes the command: all it starts stays inside.
# COURSE_CGROUP_PARENTS tells the command where it may make cgroups of its own inside this one
# (hub/course_spawner.py makes one per student there).
COURSE_CGROUP_PARENTS="$parents" PROCS="${procs_files[*]}" bash -c 'for f in $PROCS; do echo $$ > "$f" || exit 3; done; exec "$@"' _ "$@"
rc=$?

if [ "$version" = 2 ]; then
  peak="$(cat "$cg/memory.peak" 2>/dev/null || echo "")"
  ooms="$(awk '$1=="oom_kill"{print $2}' "$cg/memory.events" 2>/dev/null)"
else
  peak="$(cat "$mem/memory.max_usage_in_bytes" 2>/dev/null || echo "")"
  ooms="$(awk '$1=="oom_kill"{print $2}' "$mem/memory.oom_control" 2>/dev/null)"
fi
peak_text="unknown"; [ -n "$peak" ] && peak_text="$(awk -v b="$peak" 'BEGIN{printf "%.2f GiB", b / 1073741824}')"
echo "cgroup-run: peak memory $peak_text of $memory, OOM kills: ${ooms:-unknown}, exit $rc" >&2
exit "$rc"
