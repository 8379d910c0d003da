"""Checks the course website that `./course run` builds (the `site` step of `./course test`).

From the executed notebooks in build/executed/ and the book in build/site/:
- every lesson (notebooks/*.ipynb) has an executed notebook free of error outputs, and a page;
  homework.html and instructors.html exist;
- index.html opens the root page, whose table of contents links every page; "next" leads from
  each lesson to the following one;
- every page embeds each chart of its notebook (an <img> of a PNG file in the site) and shows
  each Tablesaw table of it as an HTML table; 07.0-Opening has both;
- every lesson page has a Binder launch link of the README's pattern and a download link to
  its executed notebook, and no page shows an error output;
- the 7.7 mind map is a Mermaid block, with Mermaid bundled in the site;
- nothing is loaded from another host: no script, stylesheet, image, frame or CSS import
  with an http(s):// or // address (links a reader clicks, like Binder's, are allowed).
With --offline-rebuild it also builds the site again from the executed notebooks inside a
network namespace with no network at all (`unshare -n`, root only), into
BUILD_DIR/offline-check/, and checks that build the same way.
Usage: check_site.py [--offline-rebuild] [BUILD_DIR]   (default build/)
"""
import shutil
import subprocess
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from courselib import BUILD, ROOT, notebook_paths, read_notebook  # noqa: E402

EXTRA = ["homework", "instructors"]
EXTERNAL = re.compile(r"^(https?:)?//", re.I)
# Attributes that make the browser fetch something (an <a href> does not).
FETCHING = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"),
            ("audio", "src"), ("embed", "src"), ("object", "data"), ("link", "href")}


class Page(HTMLParser):
    """What the checks need from one page, read with the standard library's parser."""

    def __init__(self, text: str):
        super().__init__()
        self.links, self.fetches, self.output_imgs, self.output_tables = [], [], [], 0
        self.classes_seen, self.next_href, self.scripts = set(), None, []
        self._output_depth = 0      # > 0 inside a cell's output area
        self._stack = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        self.classes_seen |= classes
        void = tag in {"img", "link", "meta", "br", "hr", "input", "source", "embed"}
        if not void:
            inside = self._output_depth > 0 or "cell_output" in classes
            self._stack.append((tag, inside))
            self._output_depth = sum(1 for _, i in self._stack if i)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
            if "right-next" in classes:
                self.next_href = a["href"]
        if (tag, "src") in FETCHING and a.get("src"):
            self.fetches.append(a["src"])
        if tag == "link" and a.get("href") and (a.get("rel") or "") not in {"canonical"}:
            self.fetches.append(a["href"])
        if tag == "object" and a.get("data"):
            self.fetches.append(a["data"])
        if tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        if self._output_depth > 0 and tag == "img":
            self.output_imgs.append(a.get("src", ""))
        if self._output_depth > 0 and tag == "table":
            self.output_tables += 1

    def handle_endtag(self, tag):
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break
        self._output_depth = sum(1 for _, inside in self._stack if inside)


def outputs(nb: dict):
    for cell in nb["cells"]:
        yield from cell.get("outputs", [])


def is_png(path: Path) -> bool:
    return path.is_file() and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def binder_pattern() -> str:
    """The launch URL the README's Binder badge uses, with {path} for the notebook's path."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"\((https://mybinder\.org/v2/gh/[^)\s]+?urlpath=lab/tree/)(notebooks/00-Index\.ipynb)\)", readme)
    return m.group(1) + "{path}" if m else ""


def check(executed_dir: Path, site: Path) -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}

    def problem(where: str, what: str) -> None:
        problems.setdefault(where, []).append(what)

    names = [p.stem for p in notebook_paths()]
    pages = {}
    for name in names + EXTRA:
        page = site / f"{name}.html"
        if page.is_file():
            pages[name] = Page(page.read_text(encoding="utf-8"))
        else:
            problem(name, f"{page} is missing")

    index = site / "index.html"
    if not index.is_file() or f'url={names[0]}.html' not in index.read_text(encoding="utf-8"):
        problem("index", f"{index} does not open {names[0]}.html")
    if names[0] in pages:
        linked = set(pages[names[0]].links)
        for name in names[1:] + EXTRA:
            if f"{name}.html" not in linked:
                problem("index", f"the contents of {names[0]}.html do not link {name}.html")

    pattern = binder_pattern()
    if not pattern:
        problem("README", "no Binder badge URL (https://mybinder.org/v2/gh/...urlpath=lab/tree/notebooks/00-Index.ipynb)")
    for i, name in enumerate(names):
        executed = executed_dir / f"{name}.ipynb"
        if not executed.is_file():
            problem(name, f"{executed} is missing (./course run {name})")
            continue
        outs = list(outputs(read_notebook(executed)))
        errors = [f"{o.get('ename')}: {o.get('evalue')}" for o in outs if o["output_type"] == "error"]
        if errors:
            problem(name, f"error output in the executed notebook: {errors[0]}")
        pngs = sum("image/png" in o.get("data", {}) for o in outs)
        tables = sum("<table" in "".join(o.get("data", {}).get("text/html", "")) for o in outs)
        if name.startswith("07.0"):
            if not pngs:
                problem(name, "no chart (image/png output) in the executed notebook")
            if not tables:
                problem(name, "no Tablesaw table (text/html output) in the executed notebook")
        page = pages.get(name)
        if page is None:
            continue
        shown = [src for src in page.output_imgs if is_png(site / src)]
        if len(shown) != pngs:
            problem(name, f"the notebook has {pngs} charts, the page embeds {len(shown)} PNG files "
                          f"({len(page.output_imgs)} <img> in outputs)")
        if page.output_tables < tables:
            problem(name, f"the notebook has {tables} HTML tables, the page shows {page.output_tables}")
        if "traceback" in page.classes_seen:
            problem(name, "the page shows an error output")
        if pattern and pattern.format(path=f"notebooks/{name}.ipynb") not in page.links:
            problem(name, f"no Binder launch link {pattern.format(path=f'notebooks/{name}.ipynb')}")
        download = f"_sources/{name}.ipynb"
        if download not in page.links or not (site / download).is_file():
            problem(name, f"no download link to {download}, or the file is missing")
        want_next = f"{names[i + 1]}.html" if i + 1 < len(names) else f"{EXTRA[0]}.html"
        if page.next_href != want_next:
            problem(name, f'"next" leads to {page.next_href}, not {want_next}')

    mind_map = next((n for n in names if n.startswith("07.7")), None)
    if mind_map in pages:
        page = pages[mind_map]
        if "course-mermaid" not in page.classes_seen:
            problem(mind_map, "no Mermaid block for the mind map")
        if not any(s.split("?")[0] == "_static/mermaid.min.js" for s in page.scripts) \
                or not (site / "_static" / "mermaid.min.js").is_file():
            problem(mind_map, "Mermaid is not bundled: _static/mermaid.min.js missing or not loaded "
                              "(./course setup installs it with npm ci in book/)")

    for html in sorted(site.rglob("*.html")):
        fetched = [u for u in Page(html.read_text(encoding="utf-8")).fetches if EXTERNAL.match(u)]
        if fetched:
            problem("offline", f"{html.relative_to(site)} loads {fetched[0]}")
    for css in sorted(site.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"""(@import\s+(url\()?|url\()\s*['"]?((https?:)?//[^'")\s]+)""", text)
        if m:
            problem("offline", f"{css.relative_to(site)} loads {m.group(3)}")
    return problems


def offline_rebuild(executed_dir: Path, work: Path) -> tuple[Path | None, str]:
    """Builds the site inside `unshare -n` (no network interface but a down loopback); returns
    the site folder, or None and why not."""
    if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode != 0:
        return None, "unshare -n is not allowed here (it needs root)"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    result = subprocess.run(["unshare", "-n", sys.executable, str(ROOT / "tools" / "build_site.py"),
                             "--executed", str(executed_dir), "--site", str(work / "site")],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        return None, f"the build without network failed: {result.stderr.strip()[-400:]}"
    return work / "site", result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--offline-rebuild"]
    build = Path(args[0]) if args else BUILD
    executed_dir, site = build / "executed", build / "site"
    problems = check(executed_dir, site)
    if "--offline-rebuild" in sys.argv[1:]:
        offline_site, note = offline_rebuild(executed_dir, build / "offline-check")
        if offline_site is None and "needs root" in note:
            print(f"site check: note: no build without network to prove it needs none: {note}")
        elif offline_site is None:
            problems.setdefault("offline", []).append(note)
        else:
            print(f"site check: built again with no network (unshare -n): {note}")
            for where, whats in check(executed_dir, offline_site).items():
                problems.setdefault(where, []).extend(f"(built with no network) {w}" for w in whats)

    for where, whats in problems.items():
        for what in whats:
            print(f"site check: {where}: {what}")
    checked = [p.stem for p in notebook_paths()] + EXTRA
    bad = {n for n in checked if n in problems}
    extra_bad = [w for w in problems if w not in checked]
    print(f"site check: {len(checked) - len(bad)} passed, {len(bad) + len(extra_bad)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
