"""Executes the course notebooks headless with the course kernel (`./course run`).

For each notebook: start the kernel (a kernel that fails to start is retried, it is not a
failed notebook), run every cell, write the executed notebook and an HTML page to
build/site/, and print one line: name, seconds, ok/failed. build/site/index.html links every
page. Exits 1 if any cell raised an error; the first error is printed under its line.
"""
import argparse
import html
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from courselib import KERNEL_NAME as KERNEL, NOTEBOOKS, SITE, notebook_paths

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


def write_html(nb, target: Path, names: set[str]) -> None:
    """Writes the page; links to other course notebooks point at their pages, not the .ipynb."""
    from nbconvert import HTMLExporter
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    for name in names:
        body = body.replace(f'href="{name}.ipynb', f'href="{name}.html')
    target.write_text(body, encoding="utf-8")


def write_index(site: Path, results: list[tuple[str, float, bool]], names: list[str]) -> None:
    """Lists every course notebook that has a page in the site: this run's results, and
    pages from earlier runs (marked as such) so a partial run keeps the links."""
    ran = {name for name, _, _ in results}
    results = results + [(n, float("nan"), None) for n in names
                         if n not in ran and (site / f"{n}.html").is_file()]
    results.sort(key=lambda r: r[0])
    rows = "\n".join(
        f'<tr><td><a href="{html.escape(name)}.html">{html.escape(name)}</a></td>'
        f'<td style="text-align:right">{"" if ok is None else f"{secs:.1f} s"}</td>'
        f'<td>{"earlier run" if ok is None else "ok" if ok else "failed"}</td></tr>'
        for name, secs, ok in results)
    site.joinpath("index.html").write_text(f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Java concurrency course · executed notebooks</title>
<style>body{{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto}}
td,th{{padding:.2rem .8rem;border-bottom:1px solid #ddd}}</style></head>
<body><h1>Java concurrency course (lesson 7)</h1>
<p>Every notebook, executed on the course kernel (JDK 25, preview features) with its outputs.</p>
<table><tr><th>notebook</th><th>time</th><th>result</th></tr>
{rows}
</table></body></html>
""", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", help="paths or name prefixes (default: all in notebooks/)")
    ap.add_argument("--site", type=Path, default=SITE, help="output folder")
    ap.add_argument("--cell-timeout", type=int, default=300, help="seconds one cell may take")
    args = ap.parse_args()

    site = args.site
    site.mkdir(parents=True, exist_ok=True)
    chosen = select(NOTEBOOKS, args.notebooks)
    names = sorted({p.stem for p in notebook_paths()} | {p.stem for p in chosen})
    results, failures = [], 0
    for path in chosen:
        start = time.monotonic()
        nb, error = execute(path, args.cell_timeout)
        secs = time.monotonic() - start
        nbformat.write(nb, site / path.name)
        write_html(nb, site / f"{path.stem}.html", set(names))
        ok = error is None
        failures += not ok
        results.append((path.stem, secs, ok))
        print(f"{path.stem:<28} {secs:6.1f} s  {'ok' if ok else 'failed'}", flush=True)
        if error:
            print("\n".join("    " + line for line in error.strip().splitlines()[-25:]), flush=True)
    write_index(site, results, names)
    print(f"notebooks: {len(results) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
