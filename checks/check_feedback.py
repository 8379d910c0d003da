"""Reads a feedback page written by `./course grade --feedback DIR` the way a student sees it
and checks what it must show for one graded case (called by checks/test-homework.sh).

    python checks/check_feedback.py starter   PAGE
    python checks/check_feedback.py solutions PAGE [--attempt N]
    python checks/check_feedback.py planted   PAGE --src DIR
    python checks/check_feedback.py summary   SUMMARY.md PAGE

Every page: self-contained (no script, no stylesheet or image fetched, links only inside the
feedback folder), four parts whose status agrees with the overview and the verdict.
starter: every exercise FAIL, every test of it failed with a message and a written hint, scan PASS.
solutions: every part PASS, no failed test, no finding; with --attempt N, the page is attempt
N and lists the N-1 earlier attempts.
planted: exercises 1 and 3 PASS; exercise 2 FAIL with the off-by-one limit (StructuredTaskScope:
one probe more than the limit) and the missing cancellation (CompletableFuture) as assertion
messages, each with a hint; the scan FAIL with COMMAND_INJECTION in homework/AuthorLogo.java at
the line of DIR's planted Runtime.exec call, that line quoted and marked.
summary: the Markdown summary has one table row per part with the page's status, and every
failing test and finding of the page.
Prints one line per problem and exits 1 if there is any; stdlib only.
"""
import argparse
import re
import sys
from html.parser import HTMLParser
from pathlib import Path


class Page(HTMLParser):
    """Collects the page's parts, tests, findings, overview rows and links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.overview, self.problems = [], [], []
        self.links, self.tags = [], set()
        self.verdict = {}
        self.attempt = None
        self.history_rows = 0
        self._stack = []          # open elements we care about: (tag, role)
        self._text = None         # (target dict, key) collecting text
        self._row = None
        self._in_history = False
        self._item = None         # the test or finding being read
        self._attempt = {"text": ""}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        self.tags.add(tag)
        for name in ("src", "srcset", "poster", "data", "action"):
            if name in a:
                self.problems.append(f"<{tag} {name}=...> loads something: the page must be self-contained")
        if "href" in a:
            self.links.append(a["href"])
        if "style" in a and "url(" in a["style"]:
            self.problems.append(f"<{tag} style> loads a url(): the page must be self-contained")
        role = None
        if tag == "p" and a.get("id") == "verdict":
            self.verdict = {"passed": int(a["data-passed"]), "total": int(a["data-total"])}
        elif tag == "dd" and a.get("id") == "attempt":
            role = "attempt"
            self._text = (self._attempt, "text")
        elif tag == "section" and "part" in cls:
            self.parts.append({"title": a.get("data-title"), "status": a.get("data-status"),
                               "failed": [], "passed": [], "findings": []})
        elif tag == "section" and "history" in cls:
            self._in_history = True
            role = "history"
        elif tag == "li" and "test" in cls and self.parts:
            self._item = {"name": a.get("data-test"), "message": "", "hint": None, "hint_missing": False}
            self.parts[-1]["failed" if "failed" in cls else "passed"].append(self._item)
        elif tag == "li" and "finding" in cls and self.parts:
            self._item = {"type": a.get("data-type"), "file": a.get("data-file"),
                          "line": int(a.get("data-line") or 0), "hint": None, "hint_missing": False, "marked": ""}
            self.parts[-1]["findings"].append(self._item)
        elif tag == "pre" and "message" in cls and self.parts and self.parts[-1]["failed"]:
            role = "message"
            self._text = (self.parts[-1]["failed"][-1], "message")
        elif tag == "p" and "hint" in cls and self._item is not None:
            self._item["hint_missing"] = "missing" in cls
            self._item["hint"] = ""
            role = "hint"
            self._text = (self._item, "hint")
        elif tag == "mark" and self._item is not None and "marked" in self._item:
            role = "mark"
            self._text = (self._item, "marked")
        elif tag == "tr":
            self._row = []
            role = "tr"
        elif tag in ("td", "th") and self._row is not None:
            self._row.append("")
        self._stack.append((tag, role))

    def handle_endtag(self, tag):
        while self._stack:
            t, role = self._stack.pop()
            if role in ("message", "hint", "mark", "attempt"):
                self._text = None
                if role == "attempt":
                    self.attempt = int(self._attempt["text"].strip() or 0)
            if role == "tr" and self._row is not None:
                if self._in_history:
                    if self._row and self._row[0].strip().isdigit():
                        self.history_rows += 1
                elif len(self._row) == 3 and self._row[1].strip() in ("PASS", "FAIL"):
                    self.overview.append((self._row[0].strip(), self._row[1].strip()))
                self._row = None
            if role == "history":
                self._in_history = False
            if t == tag:
                break

    def handle_data(self, data):
        if self._text:
            target, key = self._text
            target[key] += data
        if self._row is not None and self._row:
            self._row[-1] += data


def read(page: Path) -> tuple[Page, list[str]]:
    text = page.read_text(encoding="utf-8")
    p = Page()
    p.feed(text)
    problems = list(p.problems)
    for tag in ("script", "link", "img", "iframe", "object", "embed", "video", "audio"):
        if tag in p.tags:
            problems.append(f"the page has a <{tag}>: it must be self-contained")
    if re.search(r"@import|url\(", text):
        problems.append("the page's CSS imports or loads a url(): it must be self-contained")
    for href in p.links:
        if not (href.startswith("#") or re.fullmatch(r"attempt-\d+\.html", href)):
            problems.append(f"a link leaves the feedback folder: {href!r}")
    if len(p.parts) != 4:
        problems.append(f"expected 4 parts (3 exercises and the scan), found {len(p.parts)}")
    if [s for _, s in p.overview] != [part["status"] for part in p.parts]:
        problems.append(f"the overview table {p.overview} disagrees with the parts {[x['status'] for x in p.parts]}")
    passed = sum(part["status"] == "PASS" for part in p.parts)
    if p.verdict != {"passed": passed, "total": len(p.parts)}:
        problems.append(f"the verdict says {p.verdict}, the parts say {passed} of {len(p.parts)}")
    for part in p.parts:
        if part["status"] == "PASS" and (part["failed"] or part["findings"]):
            problems.append(f"{part['title']}: PASS but lists failures or findings")
    return p, problems


def starter(p: Page) -> list[str]:
    problems = []
    for part in p.parts[:3]:
        if part["status"] != "FAIL":
            problems.append(f"{part['title']}: {part['status']}, the starter must fail it")
        if not part["failed"] or part["passed"]:
            problems.append(f"{part['title']}: {len(part['failed'])} failed, {len(part['passed'])} passed; "
                            "every test must fail on the stubs")
        for t in part["failed"]:
            if not t["message"].strip():
                problems.append(f"{t['name']}: failed with no message")
            if t["hint"] is None or t["hint_missing"] or not t["hint"].strip():
                problems.append(f"{t['name']}: no hint (add a '## {t['name']}' section to homework/grading/hints.md)")
    if p.parts[3:] and p.parts[3]["status"] != "PASS":
        problems.append("the starter's security scan is not clean")
    return problems


def solutions(p: Page, attempt: int | None) -> list[str]:
    problems = [f"{x['title']}: {x['status']}" for x in p.parts if x["status"] != "PASS"]
    problems += [f"{x['title']}: no passing test listed" for x in p.parts[:3] if not x["passed"]]
    if attempt is not None:
        if p.attempt != attempt:
            problems.append(f"the page is attempt {p.attempt}, expected {attempt}")
        if p.history_rows != attempt - 1:
            problems.append(f"the page lists {p.history_rows} earlier attempts, expected {attempt - 1}")
    return problems


def planted(p: Page, src: Path) -> list[str]:
    problems = []
    status = [x["status"] for x in p.parts]
    if status != ["PASS", "FAIL", "PASS", "FAIL"]:
        problems.append(f"statuses {status}, expected exercise 2 and the scan to fail, exercises 1 and 3 to pass")
        return problems
    failed = p.parts[1]["failed"]
    limit = [t for t in failed if t["name"].startswith("never runs more than `limit` probes")
             and t["name"].endswith("StructuredTaskScope")]
    m = re.search(r"peak number of probes running at once ==> expected: <(\d+)> but was: <(\d+)>",
                  limit[0]["message"]) if limit else None
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        problems.append("no 'peak number of probes ... but was: <limit + 1>' failure for StructuredTaskScope "
                        f"(failures: {[t['name'] for t in failed]})")
    cancel = [t for t in failed if t["name"].endswith("CompletableFuture")
              and "probes that were started but never interrupted" in t["message"]]
    if len(cancel) < 3:
        problems.append(f"expected the deadline, interrupt and failing-probe tests of CompletableFuture to fail "
                        f"with 'never interrupted'; found {len(cancel)}")
    for t in limit[:1] + cancel:
        if not t["hint"] or t["hint_missing"]:
            problems.append(f"{t['name']}: no hint")
    others = [t["name"] for t in failed if t not in limit and t not in cancel]
    if others:
        problems.append(f"exercise 2 also fails tests the planted bugs do not explain: {others}")
    source = src / "homework" / "AuthorLogo.java"
    lines = [i + 1 for i, l in enumerate(source.read_text(encoding="utf-8").splitlines())
             if "Runtime.getRuntime().exec(" in l]
    if len(lines) != 1:
        problems.append(f"{source}: expected one Runtime.getRuntime().exec( line, found {lines}")
        return problems
    findings = p.parts[3]["findings"]
    hits = [f for f in findings if f["type"] == "COMMAND_INJECTION" and f["file"] == "homework/AuthorLogo.java"]
    if not hits:
        problems.append(f"no COMMAND_INJECTION finding in homework/AuthorLogo.java: {findings}")
    elif hits[0]["line"] != lines[0]:
        problems.append(f"COMMAND_INJECTION is shown at line {hits[0]['line']}; the planted exec is on line {lines[0]}")
    else:
        if "Runtime.getRuntime().exec(" not in hits[0]["marked"] or not hits[0]["marked"].strip().startswith(str(lines[0])):
            problems.append(f"the finding does not quote and mark line {lines[0]}: {hits[0]['marked']!r}")
        if not hits[0]["hint"] or hits[0]["hint_missing"]:
            problems.append("COMMAND_INJECTION: no hint")
    return problems


def summary(md: Path, p: Page) -> list[str]:
    text = md.read_text(encoding="utf-8")
    problems = []
    rows = re.findall(r"^\| (.+?) \| (?:✅|❌) (PASS|FAIL) \| .* \|$", text, re.M)
    if [(t, s) for t, s in rows] != [(x["title"], x["status"]) for x in p.parts]:
        problems.append(f"the summary's table {rows} disagrees with the page's parts")
    head = re.search(r"^## Homework 7\.8: (\d+) of (\d+) passed", text, re.M)
    if not head or (int(head.group(1)), int(head.group(2))) != (p.verdict.get("passed"), p.verdict.get("total")):
        problems.append("the summary's heading does not give the page's verdict")
    for part in p.parts:
        for t in part["failed"]:
            name = t["name"].replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
            if f"- **{name}**: " not in text:
                problems.append(f"the summary does not list the failing test {t['name']!r}")
        for f in part["findings"]:
            if f"**{f['type']}** at `{f['file']}:{f['line']}`" not in text:
                problems.append(f"the summary does not list the finding {f['type']} at {f['file']}:{f['line']}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("case", choices=["starter", "solutions", "planted", "summary"])
    ap.add_argument("files", nargs="+", type=Path, help="PAGE, or SUMMARY.md PAGE for 'summary'")
    ap.add_argument("--attempt", type=int)
    ap.add_argument("--src", type=Path, help="the planted source tree (case planted)")
    args = ap.parse_args()
    want = 2 if args.case == "summary" else 1
    if len(args.files) != want:
        ap.error(f"{args.case} takes {'SUMMARY.md PAGE' if want == 2 else 'PAGE'}")
    if args.case == "planted" and not args.src:
        ap.error("planted needs --src DIR (the planted source tree)")
    for f in args.files:
        if not f.is_file():
            print(f"check_feedback: no file {f}")
            return 1
    page_file = args.files[-1]
    page, problems = read(page_file)
    if args.case == "starter":
        problems += starter(page)
    elif args.case == "solutions":
        problems += solutions(page, args.attempt)
    elif args.case == "planted":
        problems += planted(page, args.src)
    else:
        problems += summary(args.files[0], page)
    for problem in problems:
        print(f"check_feedback: {page_file.name} ({args.case}): {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
