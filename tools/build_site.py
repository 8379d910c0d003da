"""Builds the course website (`./course site`) from the executed notebooks, offline.

The book is Sphinx + MyST-NB + sphinx-book-theme (configuration in book/conf.py): sidebar
table of contents, full-text search, previous/next, a Binder launch and a download button
per lesson, copy buttons on code, light and dark themes, the 7.7 mind map drawn by the
bundled Mermaid. Nothing runs on the Java kernel here: every lesson page shows the outputs
that `./course run` saved in build/executed/.

  build/executed/NAME.ipynb   the executed lessons (written by tools/run_notebooks.py)
  build/book-src/             the book's sources, staged from them (rewritten only on change,
                              so Sphinx rebuilds only what changed)
  build/site/                 the website; index.html opens 00-Index.html
  build/book-doctrees/, build/jupyter_execute/   Sphinx's and MyST-NB's caches

A lesson with no executed notebook yet is staged from notebooks/ (no outputs) with a warning.
Exits non-zero if sphinx-build fails.
"""
import argparse
import copy
import shutil
import subprocess
import sys
import time
from pathlib import Path

from courselib import EXECUTED, NOTEBOOKS, ROOT, SITE, dump_notebook, notebook_paths, read_notebook

BOOK = ROOT / "book"
MERMAID_JS = BOOK / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
ROOT_DOC = "00-Index"
# Pages after the lessons: (staged name, source).
EXTRA_PAGES = [("homework", ROOT / "homework" / "README.md"),
               ("instructors", BOOK / "instructors.md")]


def say(msg: str) -> None:
    print(f"course site: {msg}", file=sys.stderr, flush=True)


def write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def toctree(caption: str, entries: list[str]) -> str:
    return "```{toctree}\n:hidden:\n:caption: " + caption + "\n\n" + "\n".join(entries) + "\n```\n"


def stage_notebook(nb: dict, toc: str | None) -> dict:
    """The book's copy: the "< prev | contents | next >" cells are dropped (the theme shows
    previous/next and the sidebar); the root page gets the hidden toctrees."""
    nb = copy.deepcopy(nb)
    nb["cells"] = [c for c in nb["cells"] if "nav" not in c.get("metadata", {}).get("tags", [])]
    if toc:
        nb["cells"].append({"cell_type": "markdown", "id": "book-toctree", "metadata": {}, "source": toc})
    return nb


def stage(sources: list[Path], executed: Path, src: Path) -> list[str]:
    """Writes the book's sources into src; returns the lesson names that had no executed copy."""
    src.mkdir(parents=True, exist_ok=True)
    names = [p.stem for p in sources]
    lessons = [n for n in names if n != ROOT_DOC]
    toc = toctree("Lesson 7", lessons) + "\n" + toctree("Course", [name for name, _ in EXTRA_PAGES])
    wanted, not_run = set(), []
    for path in sources:
        ran = executed / path.name
        if not ran.is_file():
            not_run.append(path.stem)
        nb = stage_notebook(read_notebook(ran if ran.is_file() else path), toc if path.stem == ROOT_DOC else None)
        write_if_changed(src / path.name, dump_notebook(nb))
        wanted.add(path.name)
    if ROOT_DOC not in names:       # notebooks from elsewhere (the tooling self-tests): a plain root page
        write_if_changed(src / f"{ROOT_DOC}.md", "# Notebooks\n\n" + toc)
        wanted.add(f"{ROOT_DOC}.md")
    for name, source in EXTRA_PAGES:
        write_if_changed(src / f"{name}.md", source.read_text(encoding="utf-8"))
        wanted.add(f"{name}.md")
    for stale in src.iterdir():
        if stale.is_file() and stale.name not in wanted:
            stale.unlink()
    return not_run


INDEX_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0; url={root}.html">
<title>Java Concurrency Lab · Lesson 7</title></head>
<body><p><a href="{root}.html">Java Concurrency Lab · Lesson 7</a></p></body></html>
"""


def build(sources: list[Path], executed: Path, site: Path, work: Path) -> int:
    if not MERMAID_JS.is_file():
        say(f"warning: {MERMAID_JS.relative_to(ROOT)} is missing, so the 7.7 mind map shows as "
            "Mermaid text: ./course setup installs it (npm ci in book/, needs Node.js and npm)")
    start = time.monotonic()
    src = work / "book-src"
    not_run = stage(sources, executed, src)
    for name in not_run:
        say(f"warning: {name} has no executed notebook in {executed}; its page shows no outputs "
            f"(./course run {name})")
    # A folder from before the book (bare nbconvert pages) is replaced, not mixed in.
    if site.is_dir() and not (site / ".buildinfo").is_file():
        shutil.rmtree(site)
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", "auto", "-c", str(BOOK),
           "-d", str(work / "book-doctrees"), str(src), str(site)]
    result = subprocess.run(cmd, cwd=ROOT)
    if result.returncode != 0:
        say(f"sphinx-build failed (exit {result.returncode})")
        return result.returncode
    (site / "index.html").write_text(INDEX_HTML.format(root=ROOT_DOC), encoding="utf-8")
    say(f"built {site} from {executed} in {time.monotonic() - start:.1f} s "
        f"({len(sources)} notebooks, open {site / 'index.html'})")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", type=Path,
                    help="the notebooks the book holds, in order (default: every one in notebooks/)")
    ap.add_argument("--executed", type=Path, default=EXECUTED, help="folder of executed notebooks")
    ap.add_argument("--site", type=Path, default=SITE, help="output folder of the website")
    args = ap.parse_args()
    sources = args.notebooks or notebook_paths(NOTEBOOKS)
    work = args.site.resolve().parent
    return build(sources, args.executed.resolve(), args.site.resolve(), work)


if __name__ == "__main__":
    sys.exit(main())
