"""`./course bench kernel`: the course kernel's start time, its first chart, table and download, and its memory.

Start time: starts the kernel N times (default 5); each time measures wall time from the start
request to the result of `1 + 1`, and the time of a trivial cell after that. Then, in the same
kernel, after the idle memory is read, the first cell of each kind a lesson has: a Tablesaw
table, an XChart chart (rendered to PNG by the kernel) and twenty downloads from the lab server
on virtual threads, each timed from its request to its reply. These cells are not the ones the
kernel's AOT cache was trained with (kernel-setup/install_kernel.py, TRAINING_CELLS).

--versus DIR also starts the kernelspec in DIR (a folder with a kernel.json, e.g. another
checkout's .venv/share/jupyter/kernels/java-concurrency) N times, interleaved with the course
kernel (A B, B A, A B, ...), so both see the same machine; the rows say which kernel ran.

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
from jupyter_client.kernelspec import KernelSpecManager
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


# The first cell of each kind a lesson has (07.0's table and chart, 07.2's downloads), written
# apart from the AOT training cells so that they measure a student's cell, not a replayed one.
FIRST_CELLS = {
    "table": 'Table.create("first table", StringColumn.create("pool", "fixed", "virtual"),\n'
             '        DoubleColumn.create("seconds", 1.5, 0.2))',
    "chart": 'var firstChart = new CategoryChartBuilder().width(600).height(300).title("first chart").build();\n'
             'firstChart.addSeries("seconds", List.of("fixed", "virtual"), List.of(1.5, 0.2));\n'
             'firstChart',
    "download": 'DownloadReport firstReport;\n'
                'try (var firstServer = LabServer.start(); var pool = ExecutorKind.VIRTUAL.create(20)) {\n'
                '    firstReport = Downloader.on(pool).withRequestTimeout(Duration.ofSeconds(5))\n'
                '            .download(firstServer.imageUris(20));\n'
                '}\n'
                'firstReport.outcomes().size()',
}
EXPECTED = {"table": "text/html", "chart": "image/png", "download": "text/plain"}


def kernel_manager(spec_dir: Path | None) -> KernelManager:
    """The course kernel, or the kernelspec in spec_dir."""
    if spec_dir is None:
        return KernelManager(kernel_name=KERNEL_NAME)
    return KernelManager(kernel_name=spec_dir.name,
                         kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec_dir.parent)]))


def timed_cell(kc, code: str, kind: str) -> float:
    """Runs one cell; its wall time from request to reply. Exits if it fails or lacks its output."""
    outputs = []
    t0 = time.monotonic()
    reply = kc.execute_interactive(code, timeout=60, output_hook=outputs.append)
    seconds = time.monotonic() - t0
    if reply["content"]["status"] != "ok":
        sys.exit(f"bench kernel: the first {kind} cell failed: {reply['content'].get('evalue', reply['content'])}")
    mimes = {m for o in outputs if o["msg_type"] == "execute_result" for m in o["content"]["data"]}
    if EXPECTED[kind] not in mimes:
        sys.exit(f"bench kernel: the first {kind} cell's result has {sorted(mimes)}, not {EXPECTED[kind]}")
    return seconds


def one_run(spec_dir: Path | None) -> dict:
    """Start to first result, trivial cell, idle RSS of the kernel tree, then the first cells' times."""
    t0 = time.monotonic()
    km = kernel_manager(spec_dir)
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
        row = {"first": first, "trivial": trivial, "idle": idle}
        for kind, code in FIRST_CELLS.items():
            row[kind] = timed_cell(kc, code, kind)
        return row
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
    ap.add_argument("--versus", type=Path, metavar="DIR",
                    help="also time the kernelspec in DIR, interleaved with the course kernel (A/B)")
    args = ap.parse_args()
    if args.runs < 1:
        sys.exit("bench kernel: --runs must be at least 1")
    notebooks = choose_notebooks(args.notebooks)
    versus = None
    if args.versus is not None:
        versus = args.versus.resolve()
        if not (versus / "kernel.json").is_file():
            ap.error(f"--versus {args.versus}: no kernel.json there. Accepted: a kernelspec folder, "
                     f"e.g. OTHER-CHECKOUT/.venv/share/jupyter/kernels/{KERNEL_NAME}")
    kernels = [("course", None)] + ([(f"versus {versus}", versus)] if versus else [])
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; COURSE_SCALE={os.environ.get('COURSE_SCALE', 'quick')}",
          flush=True)
    rows = []
    for i in range(1, args.runs + 1):
        for label, spec_dir in (kernels if i % 2 else kernels[::-1]):
            r = one_run(spec_dir) | {"run": i, "kernel": label, "load": os.getloadavg()[0]}
            rows.append(r)
            print(f"run {i} ({label}): start to first result {r['first']:.2f} s, trivial cell {r['trivial'] * 1000:.0f} ms, "
                  f"idle RSS {r['idle'] / MIB:.0f} MiB; first table {r['table']:.2f} s, chart {r['chart']:.2f} s, "
                  f"download {r['download']:.2f} s; load {r['load']:.2f}", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "kernel.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["kernel", "run", "start_to_first_result_s", "trivial_cell_s", "idle_rss_mib",
                    "first_table_s", "first_chart_s", "first_download_s", "load_average_1min"])
        for label, _ in kernels:
            mine = [r for r in rows if r["kernel"] == label]
            w.writerows((label, r["run"], f"{r['first']:.3f}", f"{r['trivial']:.3f}", round(r["idle"] / MIB),
                         f"{r['table']:.3f}", f"{r['chart']:.3f}", f"{r['download']:.3f}", f"{r['load']:.2f}")
                        for r in mine)
            med = {k: statistics.median(r[k] for r in mine) for k in ("first", "trivial", "idle", "table", "chart", "download")}
            w.writerow([label, "median", f"{med['first']:.3f}", f"{med['trivial']:.3f}", round(med["idle"] / MIB),
                        f"{med['table']:.3f}", f"{med['chart']:.3f}", f"{med['download']:.3f}",
                        f"{statistics.median(r['load'] for r in mine):.2f}"])
            print(f"median of {args.runs} ({label}): start to first result {med['first']:.2f} s "
                  f"(bound {START_BOUND_S:.2f} s, ratio {med['first'] / START_BOUND_S:.2f}), "
                  f"trivial cell {med['trivial'] * 1000:.0f} ms, idle RSS {med['idle'] / MIB:.0f} MiB "
                  f"(bound {IDLE_BOUND_MIB} MiB); first table {med['table']:.2f} s, chart {med['chart']:.2f} s, "
                  f"download {med['download']:.2f} s")
    end = os.getloadavg()
    print(f"load average at the end {end[0]:.2f} {end[1]:.2f} {end[2]:.2f}")
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
