"""Checks what `./course run` wrote to build/site/ (run after the notebooks step).

- index.html links every notebook's HTML page, and every page exists;
- every executed notebook is free of error outputs;
- 07.0-Opening shows an XChart chart as image/png and a Tablesaw table as text/html;
- every page whose notebook has an image/png output embeds it (data:image/png).
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from courselib import SITE, notebook_paths, read_notebook  # noqa: E402


def outputs(nb: dict):
    for cell in nb["cells"]:
        yield from cell.get("outputs", [])


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else SITE
    problems = []
    index = site / "index.html"
    links = set(re.findall(r'href="([^"]+\.html)"', index.read_text(encoding="utf-8"))) if index.is_file() else set()
    if not index.is_file():
        problems.append(f"{index} is missing")
    names = [p.stem for p in notebook_paths()]
    for name in names:
        page, executed = site / f"{name}.html", site / f"{name}.ipynb"
        if f"{name}.html" not in links:
            problems.append(f"index.html does not link {name}.html")
        if not page.is_file() or not executed.is_file():
            problems.append(f"{name}: executed notebook or page missing")
            continue
        nb = read_notebook(executed)
        outs = list(outputs(nb))
        if any(o["output_type"] == "error" for o in outs):
            problems.append(f"{name}: has an error output")
        pngs = sum("image/png" in o.get("data", {}) for o in outs)
        has_png = pngs > 0
        embedded = len(re.findall(r'<img[^>]+src="data:image/png', page.read_text(encoding="utf-8")))
        if embedded < pngs:
            problems.append(f"{name}.html: the notebook has {pngs} charts but the page embeds {embedded}")
        if name.startswith("07.0"):
            if not has_png:
                problems.append(f"{name}: no image/png (XChart) output")
            if not any("text/html" in o.get("data", {}) and "<table" in "".join(o["data"]["text/html"]) for o in outs):
                problems.append(f"{name}: no Tablesaw table as text/html")
    for p in problems:
        print("site check: " + p)
    bad = {n for n in names if any(n in p for p in problems)}
    print(f"site check: {len(names) - len(bad)} passed, {len(bad)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
