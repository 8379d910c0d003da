"""`./course bench kernel`: time from starting the course kernel to the first cell's result.

Starts the kernel N times (default 5); each time measures wall time from the start request
to the result of `1 + 1`, and the time of a trivial cell after that. Prints the runs and the
medians; writes build/bench/kernel.csv.
"""
import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

from jupyter_client.manager import start_new_kernel

from courselib import KERNEL_NAME


def one_run() -> tuple[float, float]:
    t0 = time.monotonic()
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=90)
    try:
        reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
        first = time.monotonic() - t0
        if reply["content"]["status"] != "ok":
            sys.exit(f"bench kernel: the first cell failed: {reply['content']}")
        t1 = time.monotonic()
        kc.execute_interactive('"trivial"', timeout=60, output_hook=lambda msg: None)
        return first, time.monotonic() - t1
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    args = ap.parse_args()
    if args.runs < 1:
        sys.exit("bench kernel: --runs must be at least 1")
    rows = []
    for i in range(1, args.runs + 1):
        first, trivial = one_run()
        rows.append((i, first, trivial))
        print(f"run {i}: start to first result {first:.2f} s, trivial cell {trivial * 1000:.0f} ms", flush=True)
    med_first = statistics.median(r[1] for r in rows)
    med_trivial = statistics.median(r[2] for r in rows)
    print(f"median of {args.runs}: start to first result {med_first:.2f} s (bound 3.00 s, "
          f"ratio {med_first / 3.0:.2f}), trivial cell {med_trivial * 1000:.0f} ms")
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "kernel.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["run", "start_to_first_result_s", "trivial_cell_s"])
        w.writerows(rows)
        w.writerow(["median", f"{med_first:.3f}", f"{med_trivial:.3f}"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
