"""`./course bench kernel`: the course kernel's start time and its memory.

Start time: starts the kernel N times (default 5); each time measures wall time from the start
request to the result of `1 + 1`, and the time of a trivial cell after that.

Memory (resident set, VmRSS from /proc, summed over the kernel JVM and its descendants, i.e.
the process pool's worker JVMs): idle, 15 s after the first result of each start (a student
reading; the kernel gives memory back 5 to 10 s after its last GC); and, with
--notebooks (default: every lesson), for each notebook run at COURSE_SCALE (default quick) in a
fresh kernel: the kernel's RSS 15 s after the last cell, and the peak of the kernel with its
workers while the notebook ran (sampled every 100 ms).

Prints the runs and the medians; writes build/bench/kernel.csv (start runs) and
build/bench/kernel-memory.csv (one row per notebook). --notebooks none skips the notebooks.
"""
import argparse
import csv
import os
import statistics
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from courselib import KERNEL_NAME, NOTEBOOKS, ROOT, notebook_paths
from procmem import MIB, PeakSampler, rss_tree

IDLE_SETTLE_S = 15.0  # longer than twice the kernel's G1PeriodicGCInterval (5 s): idle, as a student reading
START_BOUND_S = 2.5
IDLE_BOUND_MIB = 300
AFTER_NOTEBOOK_BOUND_MIB = 1024


def kernel_pid(km: KernelManager) -> int:
    pid = getattr(km.provisioner, "pid", None) if km.provisioner else None
    if not pid:
        sys.exit("bench kernel: cannot find the kernel's process id (not a local kernel?)")
    return pid


def one_run() -> tuple[float, float, int]:
    """(start to first result s, trivial cell s, idle RSS of the kernel tree in bytes)."""
    t0 = time.monotonic()
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=300)
        reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
        first = time.monotonic() - t0
        if reply["content"]["status"] != "ok":
            sys.exit(f"bench kernel: the first cell failed: {reply['content']}")
        t1 = time.monotonic()
        kc.execute_interactive('"trivial"', timeout=60, output_hook=lambda msg: None)
        trivial = time.monotonic() - t1
        time.sleep(IDLE_SETTLE_S)
        _, idle, _ = rss_tree(kernel_pid(km))
        return first, trivial, idle
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def run_notebook(path: Path, timeout: int) -> dict:
    """Runs one notebook in a fresh kernel; its memory after the last cell and its peak."""
    nb = nbformat.read(path, as_version=4)
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel(cwd=str(path.parent))
    error = ""
    t0 = time.monotonic()
    try:
        pid = kernel_pid(km)
        client = NotebookClient(nb, km=km, timeout=timeout, kernel_name=KERNEL_NAME,
                                resources={"metadata": {"path": str(path.parent)}})
        with PeakSampler(pid) as peak:
            try:
                with client.setup_kernel():
                    for index, cell in enumerate(nb.cells):
                        client.execute_cell(cell, index)
                    seconds = time.monotonic() - t0
                    time.sleep(IDLE_SETTLE_S)
                    own_after, tree_after, _ = rss_tree(pid)
            except Exception as e:  # noqa: BLE001 - recorded in the row, the run goes on
                seconds = time.monotonic() - t0
                own_after, tree_after = rss_tree(pid)[:2]
                error = f"{type(e).__name__}: {str(e).strip().splitlines()[-1] if str(e).strip() else ''}"[:300]
        return {"notebook": path.stem, "seconds": round(seconds, 1),
                "kernel_rss_after_mib": round(own_after / MIB), "tree_rss_after_mib": round(tree_after / MIB),
                "kernel_rss_peak_mib": round(peak.peak_own / MIB),
                "tree_rss_peak_mib": round(peak.peak_tree / MIB), "peak_child_processes": peak.peak_procs,
                "error": error}
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)


def choose_notebooks(spec: str) -> list[Path]:
    lessons = [p for p in notebook_paths(NOTEBOOKS) if p.name.startswith("07.")]
    if spec == "none":
        return []
    if spec == "all":
        return lessons
    chosen = []
    for prefix in spec.split(","):
        hits = [p for p in lessons if p.name.startswith(prefix.strip())]
        if not hits:
            sys.exit(f"bench kernel: --notebooks: no lesson matches '{prefix}'. Accepted: 'all', 'none' or "
                     f"comma-separated name prefixes such as 07.1,07.3; lessons: "
                     f"{', '.join(p.stem for p in lessons)}")
        chosen += hits
    return chosen


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="kernel starts to time (default 5)")
    ap.add_argument("--notebooks", default="all",
                    help="lessons to run for memory: 'all' (default), 'none', or prefixes like 07.1,07.3")
    ap.add_argument("--cell-timeout", type=int, default=600, help="seconds per cell (default 600)")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    args = ap.parse_args()
    if args.runs < 1:
        sys.exit("bench kernel: --runs must be at least 1")
    notebooks = choose_notebooks(args.notebooks)
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; COURSE_SCALE={os.environ.get('COURSE_SCALE', 'quick')}",
          flush=True)
    rows = []
    for i in range(1, args.runs + 1):
        first, trivial, idle = one_run()
        rows.append((i, first, trivial, idle))
        print(f"run {i}: start to first result {first:.2f} s, trivial cell {trivial * 1000:.0f} ms, "
              f"idle RSS {idle / MIB:.0f} MiB", flush=True)
    med_first = statistics.median(r[1] for r in rows)
    med_trivial = statistics.median(r[2] for r in rows)
    med_idle = statistics.median(r[3] for r in rows)
    print(f"median of {args.runs}: start to first result {med_first:.2f} s (bound {START_BOUND_S:.2f} s, "
          f"ratio {med_first / START_BOUND_S:.2f}), trivial cell {med_trivial * 1000:.0f} ms, "
          f"idle RSS {med_idle / MIB:.0f} MiB (bound {IDLE_BOUND_MIB} MiB)")
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "kernel.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["run", "start_to_first_result_s", "trivial_cell_s", "idle_rss_mib"])
        w.writerows((r[0], f"{r[1]:.3f}", f"{r[2]:.3f}", round(r[3] / MIB)) for r in rows)
        w.writerow(["median", f"{med_first:.3f}", f"{med_trivial:.3f}", round(med_idle / MIB)])
        w.writerow(["load_average_1min", f"{load[0]:.2f}", "", ""])
    results = []
    for path in notebooks:
        r = run_notebook(path, args.cell_timeout)
        results.append(r)
        print(f"{r['notebook']}: {r['seconds']} s, kernel RSS after {r['kernel_rss_after_mib']} MiB "
              f"(bound {AFTER_NOTEBOOK_BOUND_MIB}), peak {r['kernel_rss_peak_mib']} MiB, with workers "
              f"{r['tree_rss_peak_mib']} MiB ({r['peak_child_processes']} processes)"
              + (f", ERROR {r['error']}" if r["error"] else ""), flush=True)
    if results:
        with open(args.out / "kernel-memory.csv", "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(results[0]))
            w.writeheader()
            w.writerows(results)
    failed = [r["notebook"] for r in results if r["error"]]
    if failed:
        print(f"bench kernel: notebooks with errors: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
