"""Generates the navigation of the notebooks, so nobody keeps it by hand.

For every notebook in notebooks/ (in file-name order) it writes:
  - a "< previous | contents | next >" line as the first and the last cell (tagged "nav");
  - in 00-Index, the contents list (the cell tagged "toc"), from each notebook's `# ` title;
  - RISE slide metadata: a `#`/`##` heading starts a slide, `###` a sub-slide, navigation
    cells are skipped, everything else continues the current slide;
  - the course kernelspec in the notebook metadata and an id on every cell.

  python3 tools/nav.py            rewrite the notebooks
  python3 tools/nav.py --check    change nothing; exit 1 if any notebook is out of date
"""
import argparse
import hashlib
import json
import sys
from pathlib import Path

from courselib import KERNELSPEC, check_or_fix, NOTEBOOKS, cell_source as source, dump_notebook, notebook_paths, read_notebook

INDEX = "00-Index.ipynb"


def title(nb: dict, path: Path) -> str:
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in source(cell).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def md_cell(text: str, tag: str, cell_id: str) -> dict:
    return {"cell_type": "markdown", "id": cell_id, "metadata": {"tags": [tag]}, "source": text}


def nav_line(paths: list[Path], titles: dict, i: int) -> str:
    parts = []
    if i > 0:
        parts.append(f"< [{titles[paths[i - 1].name]}]({paths[i - 1].name})")
    if paths[i].name != INDEX:
        parts.append(f"[Contents]({INDEX})")
    if i + 1 < len(paths):
        parts.append(f"[{titles[paths[i + 1].name]}]({paths[i + 1].name}) >")
    return " | ".join(parts)


def slide_type(cell: dict, previous: dict | None = None) -> str:
    if "nav" in cell.get("metadata", {}).get("tags", []):
        return "skip"
    if (previous is not None and previous["cell_type"] == "code"
            and "Lesson.start" in source(previous) and source(cell).lstrip().startswith("# ")):
        return "-"              # the title shares the opening slide with the setup cell
    if cell["cell_type"] == "markdown":
        first = source(cell).lstrip().splitlines()[0] if source(cell).strip() else ""
        if first.startswith("# ") or first.startswith("## "):
            return "slide"
        if first.startswith("### "):
            return "subslide"
    return "-"


def stable_id(path: Path, n: int, cell: dict) -> str:
    return hashlib.sha1(f"{path.name}:{n}:{source(cell)[:200]}".encode()).hexdigest()[:8]


def rebuild(path: Path, nb: dict, paths: list[Path], titles: dict) -> dict:
    i = paths.index(path)
    body = [c for c in nb["cells"] if "nav" not in c.get("metadata", {}).get("tags", [])]
    line = nav_line(paths, titles, i)
    cells = [md_cell(line, "nav", "nav-top")] + body + [md_cell(line, "nav", "nav-bottom")]
    if path.name == INDEX:
        toc = "\n".join(f"{n}. [{titles[p.name]}]({p.name})" for n, p in enumerate(paths[1:], 1))
        for c in cells:
            if "toc" in c.get("metadata", {}).get("tags", []):
                c["source"] = "## Contents\n\n" + toc
    seen = set()
    for n, c in enumerate(cells):
        if not c.get("id") or c["id"] in seen:
            c["id"] = stable_id(path, n, c)
        seen.add(c["id"])
        c.setdefault("metadata", {})
        c["metadata"]["slideshow"] = {"slide_type": slide_type(c, cells[n - 1] if n else None)}
        if c["cell_type"] == "code":
            c.setdefault("outputs", [])
            c.setdefault("execution_count", None)
    nb["cells"] = cells
    nb["metadata"]["kernelspec"] = KERNELSPEC
    nb["metadata"]["language_info"] = {"name": "java"}
    nb["nbformat"], nb["nbformat_minor"] = 4, 5
    return nb


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--dir", type=Path, default=NOTEBOOKS)
    args = ap.parse_args()
    paths = notebook_paths(args.dir)
    books = {p: read_notebook(p) for p in paths}
    titles = {p.name: title(nb, p) for p, nb in books.items()}

    def inspect(path: Path):
        old = dump_notebook(books[path])
        new = dump_notebook(rebuild(path, json.loads(old), paths, titles))
        if new == old:
            return None

        def write() -> str:
            path.write_text(new, encoding="utf-8")
            return "navigation updated"
        return "navigation, contents or slide metadata out of date; run ./course nav", write

    return check_or_fix(paths, inspect, args.check, "navigation")


if __name__ == "__main__":
    sys.exit(main())
