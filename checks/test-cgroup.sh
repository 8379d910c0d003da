#!/usr/bin/env bash
# `./course test --only cgroup`: the Binder-sized cgroup the notebooks step runs in really
# limits what runs inside it (tools/cgroup-run.sh, cgroup v1 or v2):
#   1. a JVM inside a 2 GiB / 1 CPU cgroup sees 1 CPU and a 2 GiB memory limit;
#   2. a process that allocates more than its cgroup's memory is OOM-killed (exit 137).
# Skipped (passes, with a message) when the machine lets nobody make a cgroup and we are not
# root; as root (CI) a missing cgroup is a failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"
RUN="$ROOT/tools/cgroup-run.sh"

out="$("$RUN" --memory 2G --cpus 1 --name course-test-jvm -- "$JAVA_HOME/bin/java" -XshowSettings:system -version 2>&1)"
rc=$?
if [ $rc -eq 3 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "cgroup: skipped, not root and no cgroup can be made here: $out"; exit 0; fi
  echo "cgroup: FAILED, running as root but no cgroup could be made: $out"; exit 1
fi
bad=0
echo "$out" | grep -q "Effective CPU Count: 1$" && echo "ok: the JVM inside sees 1 CPU" \
  || { echo "FAILED: the JVM inside does not see 1 CPU:"; echo "$out"; bad=1; }
echo "$out" | grep -q "Memory Limit: 2.00G" && echo "ok: the JVM inside sees a 2 GiB memory limit" \
  || { echo "FAILED: the JVM inside does not see a 2 GiB memory limit:"; echo "$out"; bad=1; }

"$RUN" --memory 64M --name course-test-oom -- python3 -c "b = bytearray(256 * 1024 * 1024); print('not killed')" >/dev/null 2>&1
rc=$?
[ $rc -eq 137 ] && echo "ok: 256 MiB allocated inside a 64 MiB cgroup is OOM-killed" \
  || { echo "FAILED: 256 MiB allocated inside a 64 MiB cgroup ended with exit $rc, not 137 (OOM kill)"; bad=1; }
exit $bad
