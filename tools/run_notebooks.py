"""Executes the course notebooks headless with the course kernel (`./course run`).

For each notebook: start the kernel (a kernel that fails to start is retried, it is not a
failed notebook), run every cell, write the executed notebook to OUT/executed/ (default
build/executed/), and print one line: name, seconds, ok/failed. When all have run, builds the
course website from the executed notebooks into OUT/site/ (tools/build_site.py; --no-site
skips it): the lessons' site holds every lesson, those not run this time from earlier runs.
Exits 1 if any cell raised an error (the first error is printed under its line) or the site
build failed.
"""
import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

import build_site
from courselib import BUILD, KERNEL_NAME as KERNEL, NOTEBOOKS, notebook_paths

START_ATTEMPTS = 3


def select(notebooks_dir: Path, wanted: list[str]) -> list[Path]:
    all_nbs = notebook_paths(notebooks_dir)
    if not wanted:
        return all_nbs
    chosen = []
    for w in wanted:
        path = Path(w)
        if path.suffix == ".ipynb" and path.is_file():
            chosen.append(path.resolve())
            continue
        hits = [nb for nb in all_nbs if nb.name.startswith(w)]
        if not hits:
            names = ", ".join(nb.stem for nb in all_nbs)
            sys.exit(f"course run: no notebook matches '{w}'. Accepted: a path to an .ipynb or "
                     f"a name prefix such as 07.2; notebooks: {names}")
        chosen.extend(hits)
    return chosen


def never_ran(nb) -> bool:
    return all(c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")


def execute(path: Path, cell_timeout: int):
    """Returns (executed notebook, error text or None). Retries a kernel that fails to start."""
    last_error = None
    nb = nbformat.read(path, as_version=4)
    if not any(c.cell_type == "code" for c in nb.cells):
        return nb, None                 # nothing to run: no kernel needed
    for attempt in range(1, START_ATTEMPTS + 1):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=cell_timeout, startup_timeout=90, kernel_name=KERNEL,
                                resources={"metadata": {"path": str(path.parent)}})
        try:
            client.execute()
            return nb, None
        except (CellExecutionError, CellTimeoutError) as e:
            return nb, first_error(nb) or str(e)
        except (DeadKernelError, RuntimeError, TimeoutError) as e:
            if not never_ran(nb):       # the kernel died during a cell: a real failure
                return nb, f"kernel died while running a cell: {e}"
            last_error = e
            print(f"  kernel failed to start (attempt {attempt}/{START_ATTEMPTS}): {e}", file=sys.stderr)
    return nb, f"kernel did not start after {START_ATTEMPTS} attempts: {last_error}"


def first_error(nb) -> str | None:
    """The failing cell's source and its exception, without the kernel's own frames."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return f"cell:\n{cell.source}\n{out.get('ename')}: {out.get('evalue')}"
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", help="paths or name prefixes (default: all in notebooks/)")
    ap.add_argument("--out", type=Path, default=BUILD,
                    help="output folder: executed notebooks in OUT/executed, the website in OUT/site")
    ap.add_argument("--no-site", action="store_true", help="do not build the website")
    ap.add_argument("--cell-timeout", type=int, default=300, help="seconds one cell may take")
    args = ap.parse_args()

    executed, site = args.out.resolve() / "executed", args.out.resolve() / "site"
    executed.mkdir(parents=True, exist_ok=True)
    chosen = select(NOTEBOOKS, args.notebooks)
    results, failures = [], 0
    for path in chosen:
        start = time.monotonic()
        nb, error = execute(path, args.cell_timeout)
        secs = time.monotonic() - start
        nbformat.write(nb, executed / path.name)
        ok = error is None
        failures += not ok
        results.append((path.stem, secs, ok))
        print(f"{path.stem:<28} {secs:6.1f} s  {'ok' if ok else 'failed'}", flush=True)
        if error:
            print("\n".join("    " + line for line in error.strip().splitlines()[-25:]), flush=True)
    print(f"notebooks: {len(results) - failures} passed, {failures} failed", flush=True)
    if args.no_site:
        return 1 if failures else 0
    # The lessons' book holds every lesson; notebooks from elsewhere make a book of their own.
    lessons = notebook_paths(NOTEBOOKS)
    sources = lessons if all(p.parent == NOTEBOOKS.resolve() for p in chosen) else chosen
    site_failed = build_site.build(sources, executed, site, args.out.resolve()) != 0
    return 1 if failures or site_failed else 0


if __name__ == "__main__":
    sys.exit(main())
