#!/usr/bin/env bash
# `./course test --only hub`: a class of two on the course's own JupyterHub (hub/), as
# `./course bench class` drives it: two students log in at once, each gets a server and a
# kernel and runs 07.0 at quick scale. Checks that both finish without an error and, where
# cgroups can be made (root, as in CI), that each server ran in a cgroup of its own whose limit
# reached the kernel JVM: its heap is at most a quarter of the student's 1 GiB (the JVM's
# default share of the memory it sees; about 1/24 of this machine without the cgroup), and the
# student's peak memory stays inside the limit with no OOM kill.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"
out="$ROOT/build/test-hub"
rm -rf "$out"
"$ROOT/course" bench class --students 2 --notebooks 07.0 --student-memory 1G --memory 4G \
  --port 8317 --state "$out/state" --out "$out" --cell-timeout 300 --start-timeout 300
rc=$?
[ -f "$out/class.csv" ] || { echo "hub: FAILED, no $out/class.csv (exit $rc)"; exit 1; }
"$PY" - "$out/class.csv" "$rc" <<'PY'
import csv, os, re, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if re.fullmatch(r"student[0-9]+", r.get("student") or "")]
bad = 0
if sys.argv[2] != "0" or len(rows) != 2:
    print(f"FAILED: bench class exited {sys.argv[2]} with {len(rows)} student rows"); bad = 1
for r in rows:
    if r["error"]:
        print(f"FAILED: {r['student']}: {r['error']}"); bad = 1
        continue
    print(f"ok: {r['student']} ran 07.0 in {r['07.0_s']} s, first result after {r['first_result_s']} s")
    if r["peak_mib"] == "":
        if os.geteuid() == 0:
            print(f"FAILED: {r['student']}: running as root but the server had no cgroup of its own"); bad = 1
        else:
            print(f"skipped: {r['student']}: not root, no per-student cgroup to check")
        continue
    heap, peak, ooms = int(r["kernel_heap_max_mib"]), int(r["peak_mib"]), int(r["oom_kills"])
    if 0 < heap <= 1024 // 4:
        print(f"ok: {r['student']}'s kernel JVM may take at most {heap} MiB of heap (limit 1024 MiB)")
    else:
        print(f"FAILED: {r['student']}'s kernel heap may grow to {heap} MiB: the 1 GiB limit did not reach the JVM"); bad = 1
    if peak <= 1024 and ooms == 0:
        print(f"ok: {r['student']} peaked at {peak} MiB of 1024 MiB, no OOM kill")
    else:
        print(f"FAILED: {r['student']} peaked at {peak} MiB with {ooms} OOM kills"); bad = 1
sys.exit(bad)
PY
