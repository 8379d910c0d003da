"""The steps of checks/test-nbgrader.sh that read or write notebooks and the gradebook.

    nbgrader_check.py source NOTEBOOK
        the assignment's source: committed without outputs, on the course kernel, sound nbgrader
        metadata (unique grade_ids; test cells locked with points; solution cells with a
        `// BEGIN SOLUTION` ... `// END SOLUTION` region)
    nbgrader_check.py release SOURCE RELEASED
        the students' version: no solution text left, the stub in every solution region, every
        test cell there unchanged
    nbgrader_check.py submissions SOURCE RELEASED PLANTED_JSON SUBMITTED_DIR
        writes three submissions of the released notebook: solutions (each solution cell as in
        the source), release (untouched) and planted (the solutions with PLANTED_JSON's bugs)
    nbgrader_check.py scores COURSE_DIR PLANTED_JSON CSV
        reads every graded cell's score from the gradebook and the totals from `nbgrader
        export`'s CSV: solutions full marks, release zero on every cell, planted losing exactly
        the cells its bugs name; every solution cell runs in every autograded notebook (the
        release's stubs compile) and the solutions run every cell without error or stderr
    nbgrader_check.py feedback COURSE_DIR PLANTED_JSON
        the pages `nbgrader generate_feedback` wrote: one per student, each with the score the
        gradebook has; the planted student's shows the assertion message of each lost cell
    nbgrader_check.py lab VENV WORKDIR
        JupyterLab with nbgrader installed starts and serves /lab, whose page lists nbgrader's
        lab extension, and /formgrader, nbgrader's server extension (a free loopback port,
        60 s at most)

Prints what it checked; one line per problem and exit 1 if there is any.
"""
import copy
import csv
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from courselib import KERNEL_NAME, cell_source, read_notebook, write_notebook  # noqa: E402

ASSIGNMENT = "ps7"
BEGIN, END = "// BEGIN SOLUTION", "// END SOLUTION"
STUB = 'throw new UnsupportedOperationException("your code here");'
STUDENTS = ("solutions", "release", "planted")


def nbg(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def cells_by_id(nb: dict) -> dict:
    return {nbg(c)["grade_id"]: c for c in nb["cells"] if "grade_id" in nbg(c)}


def check_source(path: Path) -> list[str]:
    nb = read_notebook(path)
    problems = []
    if nb.get("metadata", {}).get("kernelspec", {}).get("name") != KERNEL_NAME:
        problems.append(f"kernelspec is {nb.get('metadata', {}).get('kernelspec')}, not {KERNEL_NAME}")
    ids = [nbg(c).get("grade_id") for c in nb["cells"] if nbg(c)]
    if len(ids) != len(set(ids)) or None in ids:
        problems.append(f"grade_ids missing or repeated: {ids}")
    tests = solutions = 0
    for c in nb["cells"]:
        m, gid, src = nbg(c), nbg(c).get("grade_id"), cell_source(c)
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count") is not None):
            problems.append(f"{gid}: committed with outputs (run ./course clean-outputs on it, or clear them)")
        if not m:
            problems.append(f"cell {c.get('id')}: no nbgrader metadata (every cell is read-only, a solution or a test)")
            continue
        if m.get("grade"):
            tests += 1
            if c["cell_type"] != "code" or not m.get("locked") or m.get("solution") or not m.get("points", 0) > 0:
                problems.append(f"{gid}: a test must be a locked code cell with points and no solution")
        if m.get("solution"):
            solutions += 1
            if src.count(BEGIN) == 0 or src.count(BEGIN) != src.count(END):
                problems.append(f"{gid}: a solution cell needs matching {BEGIN} / {END} lines")
        elif BEGIN in src:
            problems.append(f"{gid}: has {BEGIN} but is not a solution cell")
    if tests == 0 or solutions == 0:
        problems.append(f"{tests} test cells and {solutions} solution cells: expected some of each")
    print(f"source: {len(nb['cells'])} cells, {solutions} solution cells, {tests} test cells "
          f"({sum(nbg(c).get('points', 0) for c in nb['cells'])} points)")
    return problems


def check_release(source: Path, released: Path) -> list[str]:
    src, rel = cells_by_id(read_notebook(source)), cells_by_id(read_notebook(released))
    problems = []
    if set(src) != set(rel):
        problems.append(f"the release has cells {sorted(set(rel) ^ set(src))} the source has not, or lacks them")
    for gid, cell in src.items():
        if gid not in rel:
            continue
        out = cell_source(rel[gid])
        if nbg(cell).get("solution"):
            regions = cell_source(cell).count(BEGIN)
            if BEGIN in out or END in out or out.count(STUB) != regions:
                problems.append(f"{gid}: expected {regions} stub(s) and no solution markers, got:\n{out}")
            # Nothing between the markers may survive: every solution line that is not also
            # outside a region (a closing brace, say) must be gone.
            inside, outside = solution_lines(cell_source(cell))
            leaked = [line for line in inside if line.strip() and line.strip() not in outside and line in out.splitlines()]
            if leaked:
                problems.append(f"{gid}: solution lines left in the release: {leaked[:3]}")
        elif cell_source(cell) != out:
            problems.append(f"{gid}: changed by generate_assignment")
        if nbg(cell).get("grade") and not nbg(rel[gid]).get("locked"):
            problems.append(f"{gid}: a test cell is not locked in the release")
    print(f"release: {sum(1 for c in src.values() if nbg(c).get('solution'))} solution cells stubbed, tests unchanged")
    return problems


def solution_lines(text: str) -> tuple[list[str], set[str]]:
    inside, outside, within = [], set(), False
    for line in text.splitlines():
        if BEGIN in line:
            within = True
        elif END in line:
            within = False
        elif within:
            inside.append(line)
        else:
            outside.add(line.strip())
    return inside, outside


def planted_bugs(planted_json: Path) -> list[dict]:
    return json.loads(planted_json.read_text(encoding="utf-8"))["bugs"]


def write_submissions(source: Path, released: Path, planted_json: Path, submitted: Path) -> list[str]:
    src, rel_nb = read_notebook(source), read_notebook(released)
    src_cells = cells_by_id(src)
    problems = []

    def solved() -> dict:
        nb = copy.deepcopy(rel_nb)
        for cell in nb["cells"]:
            if nbg(cell).get("solution"):
                cell["source"] = cell_source(src_cells[nbg(cell)["grade_id"]])
        return nb

    planted = solved()
    planted_cells = cells_by_id(planted)
    for bug in planted_bugs(planted_json):
        cell = planted_cells.get(bug["cell"])
        if cell is None or not nbg(cell).get("solution"):
            problems.append(f"planted bug '{bug['bug']}': no solution cell {bug['cell']}")
            continue
        text = cell_source(cell)
        if text.count(bug["find"]) != 1:
            problems.append(f"planted bug '{bug['bug']}': {bug['find']!r} occurs {text.count(bug['find'])} times "
                            f"in {bug['cell']}, expected once")
            continue
        cell["source"] = text.replace(bug["find"], bug["replace"])
    for student, nb in (("solutions", solved()), ("release", rel_nb), ("planted", planted)):
        out = submitted / student / ASSIGNMENT / released.name
        out.parent.mkdir(parents=True, exist_ok=True)
        write_notebook(out, nb)
    print(f"submissions: {', '.join(STUDENTS)} ({len(planted_bugs(planted_json))} planted bugs)")
    return problems


def check_scores(course: Path, planted_json: Path, csv_file: Path) -> list[str]:
    from nbgrader.api import Gradebook, MissingEntry

    problems = []
    loses = {gid for bug in planted_bugs(planted_json) for gid in bug["loses"]}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        assignment = gb.find_assignment(ASSIGNMENT)
        cells = [(nb.name, gc.name, gc.max_score) for nb in assignment.notebooks for gc in nb.grade_cells]
        if not cells:
            return ["the gradebook has no graded cells for ps7"]
        unknown = loses - {name for _, name, _ in cells}
        if unknown:
            problems.append(f"planted.json names cells that are not graded: {sorted(unknown)}")
        totals = {}
        for student in STUDENTS:
            scores = {}
            for notebook, cell, max_score in cells:
                try:
                    grade = gb.find_grade(cell, notebook, ASSIGNMENT, student)
                except MissingEntry:
                    problems.append(f"{student}: no grade for {notebook}/{cell} (was it autograded?)")
                    continue
                scores[cell] = (grade.score, max_score)
            totals[student] = sum(s for s, _ in scores.values())
            expect = {
                "solutions": lambda cell, m: m,
                "release": lambda cell, m: 0,
                "planted": lambda cell, m: 0 if cell in loses else m,
            }[student]
            wrong = {c: f"{s:g} of {m:g} (expected {expect(c, m):g})" for c, (s, m) in scores.items() if s != expect(c, m)}
            if wrong:
                problems.append(f"{student}: cells scored otherwise than expected: {wrong}")
            print(f"gradebook: {student}: {totals[student]:g} of {sum(m for _, m in scores.values()):g} points"
                  + (f" (lost: {', '.join(sorted(c for c, (s, m) in scores.items() if s < m))})"
                     if student == "planted" else ""))
        most = sum(m for _, _, m in cells)
        lost = sum(m for _, name, m in cells if name in loses)
        if totals.get("solutions") != most or totals.get("release") != 0 or totals.get("planted") != most - lost:
            problems.append(f"totals {totals}: expected solutions {most:g}, release 0, planted {most - lost:g}")
    # The students' notebook must compile: every solution cell (a stub in the release) runs
    # without error in every submission but the planted one's bugs; and the reference
    # solutions run every cell without an error or anything on stderr.
    for student in STUDENTS:
        nb = read_notebook(course / "autograded" / student / ASSIGNMENT / "homework7.ipynb")
        for cell in nb["cells"]:
            m = nbg(cell)
            if cell["cell_type"] != "code" or not (m.get("solution") or student == "solutions"):
                continue
            bad = [o.get("evalue") or "".join(o.get("text", ""))[:200] for o in cell.get("outputs", [])
                   if o["output_type"] == "error" or (o["output_type"] == "stream" and o.get("name") == "stderr")]
            if bad:
                problems.append(f"{student}: cell {m.get('grade_id')} failed to run: {str(bad[0])[:300]}")
    with csv_file.open(encoding="utf-8", newline="") as f:
        rows = {r["student_id"]: r for r in csv.DictReader(f) if r["assignment"] == ASSIGNMENT}
    for student in STUDENTS:
        row = rows.get(student)
        if row is None:
            problems.append(f"export CSV: no row for {student}")
        elif float(row["raw_score"]) != totals.get(student) or float(row["max_score"]) != most:
            problems.append(f"export CSV: {student} has {row['raw_score']} of {row['max_score']}, "
                            f"the gradebook {totals.get(student)} of {most}")
    shown = ", ".join(f"{s} {rows[s]['raw_score']}/{rows[s]['max_score']}" for s in STUDENTS if s in rows)
    print(f"export CSV: {shown}")
    return problems


def check_feedback(course: Path, planted_json: Path) -> list[str]:
    import html

    problems = []
    loses = {gid for bug in planted_bugs(planted_json) for gid in bug["loses"]}
    autograded = read_notebook(course / "autograded" / "planted" / ASSIGNMENT / "homework7.ipynb")
    messages = {nbg(c)["grade_id"]: o["evalue"] for c in autograded["cells"] if nbg(c).get("grade_id") in loses
                for o in c.get("outputs", []) if o["output_type"] == "error"}
    points = {nbg(c)["grade_id"]: nbg(c)["points"] for c in autograded["cells"] if nbg(c).get("grade")}
    most, lost = sum(points.values()), sum(points[gid] for gid in loses if gid in points)
    for student, expected in (("solutions", f"{most:g} / {most:g}"), ("release", f"0 / {most:g}"),
                              ("planted", f"{most - lost:g} / {most:g}")):
        page = course / "feedback" / student / ASSIGNMENT / "homework7.html"
        if not page.is_file():
            problems.append(f"no feedback page for {student} at {page}")
            continue
        text = html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))
        text = re.sub(r"\s+", " ", text)
        score = re.search(r"Score: ([\d.]+) / ([\d.]+)", text)
        got = f"{float(score.group(1)):g} / {float(score.group(2)):g}" if score else None
        if student == "planted":
            for gid in sorted(loses):
                # JJava's evalue is "java.lang.AssertionError, MESSAGE"; the page shows the MESSAGE.
                msg = re.sub(r"\s+", " ", messages.get(gid, "").split(", ", 1)[-1]).strip()
                if not msg or msg[:60] not in text:
                    problems.append(f"planted: the feedback page does not show the message of {gid}: {msg[:80]!r}")
        if got != expected:
            problems.append(f"{student}: the feedback page says score {got}, expected {expected}")
    print("feedback: pages for " + ", ".join(STUDENTS) + " with their scores")
    return problems


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check_lab(venv: Path, work: Path) -> list[str]:
    problems = []
    jupyter = venv / "bin" / "jupyter"
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(work / "config"), JUPYTER_RUNTIME_DIR=str(work / "runtime"),
               JUPYTERLAB_SETTINGS_DIR=str(work / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(work / "workspaces"))
    root = work / "lab-root"
    root.mkdir(parents=True, exist_ok=True)
    port, token = free_port(), secrets.token_hex(16)
    cmd = [str(jupyter), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = (work / "jupyterlab.log").open("w")
    lab = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                           start_new_session=True)
    started = time.monotonic()
    try:
        page = None
        while time.monotonic() - started < 60 and lab.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=5) as r:
                    page = r.read().decode("utf-8", "replace")
                break
            except OSError:
                time.sleep(0.5)
        if page is None:
            problems.append(f"JupyterLab did not serve /lab within 60 s (log: {work / 'jupyterlab.log'})")
        else:
            if "@jupyter/nbgrader" not in page:
                problems.append("JupyterLab's /lab page does not list the @jupyter/nbgrader extension")
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/formgrader?token={token}", timeout=30) as r:
                if r.status != 200 or "formgrader" not in r.read().decode("utf-8", "replace").lower():
                    problems.append(f"/formgrader answered {r.status} without the formgrader page")
            print(f"lab: JupyterLab with nbgrader served /lab and /formgrader in {time.monotonic() - started:.1f} s")
    except OSError as e:
        problems.append(f"JupyterLab with nbgrader: {e}")
    finally:
        if lab.poll() is None:
            os.killpg(lab.pid, signal.SIGTERM)
            try:
                lab.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(lab.pid, signal.SIGKILL)
                lab.wait(timeout=15)
        log.close()
    return problems


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    cmd, args = sys.argv[1], [Path(a) for a in sys.argv[2:]]
    want = {"source": 1, "release": 2, "submissions": 4, "scores": 3, "feedback": 2, "lab": 2}
    if cmd not in want or len(args) != want[cmd]:
        print(f"nbgrader_check: unknown command or wrong arguments: {sys.argv[1:]}\n{__doc__}", file=sys.stderr)
        return 2
    problems = {"source": check_source, "release": check_release, "submissions": write_submissions,
                "scores": check_scores, "feedback": check_feedback, "lab": check_lab}[cmd](*args)
    for p in problems:
        print(f"nbgrader_check {cmd}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
