"""Tests of the grading checks: the workflow check fails when the workflow and the suite's
commands drift apart, and the feedback page (homework/grading/) shows what a run's reports
say, checked on reports made up here (no Maven run)."""
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "checks"
WORKFLOW = ROOT / ".github" / "workflows" / "grade.yml"
sys.path.insert(0, str(CHECKS))
import check_feedback  # noqa: E402


def ci_commands() -> dict:
    text = (CHECKS / "ci-commands.sh").read_text(encoding="utf-8")
    return {k: shlex.split(v)[0] for k, v in re.findall(r"^(CI_\w+)=(.+)$", text, re.M)}


def check_workflow(path: Path) -> subprocess.CompletedProcess:
    cmds = ci_commands()
    return subprocess.run([sys.executable, str(CHECKS / "check_workflow.py"), str(path),
                           "--setup", cmds["CI_SETUP"], "--grade", cmds["CI_GRADE"]],
                          capture_output=True, text=True, timeout=60)


def test_the_committed_workflow_runs_the_suites_commands():
    result = check_workflow(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("old, new, complaint", [
    ("--all-failures --feedback build/feedback", "--feedback build/feedback", "change both or neither"),
    ('java-version: "25"', 'java-version: "21"', "temurin 25"),
    ("run: ./course setup", "run: ./course setup --quick", "change both or neither"),
    ("path: build/feedback/", "path: build/site/", "the grade command writes the feedback to"),
    ("timeout-minutes: 30", "timeout-minutes: 600", "timeout-minutes"),
])
def test_the_workflow_check_fails_when_one_side_is_edited(tmp_path, old, new, complaint):
    text = WORKFLOW.read_text(encoding="utf-8")
    assert old in text
    edited = tmp_path / "grade.yml"
    edited.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check_workflow(edited)
    assert result.returncode == 1
    assert complaint in result.stdout


def test_the_workflow_check_wants_the_summary_even_when_grading_fails(tmp_path):
    text = WORKFLOW.read_text(encoding="utf-8")
    edited = tmp_path / "grade.yml"
    # drop the first `if: always()` (the summary step's)
    edited.write_text(text.replace("        if: always()\n", "", 1), encoding="utf-8")
    result = check_workflow(edited)
    assert result.returncode == 1 and "needs if: always()" in result.stdout


def test_the_workflow_check_rejects_invalid_yaml(tmp_path):
    bad = tmp_path / "grade.yml"
    bad.write_text("jobs: [\n", encoding="utf-8")
    result = check_workflow(bad)
    assert result.returncode == 1 and "not valid YAML" in result.stdout


# ---- the feedback page, from made-up reports ---------------------------------------------------

SUREFIRE = """<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="{suite}" tests="{n}" failures="{f}">
{cases}
</testsuite>
"""
SPOTBUGS = """<?xml version="1.0" encoding="UTF-8"?>
<BugCollection>
  <BugInstance type="COMMAND_INJECTION" cweid="78" category="SECURITY">
    <ShortMessage>Potential Command Injection</ShortMessage>
    <LongMessage>This usage of Runtime.exec can be vulnerable to Command Injection</LongMessage>
    <Method classname="homework.AuthorLogo" name="banner">
      <SourceLine classname="homework.AuthorLogo" start="2" end="3" sourcepath="homework/AuthorLogo.java"/>
    </Method>
    <SourceLine classname="homework.AuthorLogo" start="3" end="3" sourcepath="homework/AuthorLogo.java" primary="true"/>
  </BugInstance>
</BugCollection>
"""


def java() -> str:
    home = os.environ.get("JAVA_HOME", "")
    if not (Path(home) / "bin" / "java").exists():
        pytest.skip("no JAVA_HOME with a JDK 25 (run through ./course test)")
    return str(Path(home) / "bin" / "java")


def grade_report(target: Path, src: Path, feedback: Path) -> subprocess.CompletedProcess:
    return subprocess.run([java(), f"-Dgrade.feedback={feedback}", f"-Dgrade.src={src}", "-Dgrade.case=made-up",
                           f"-Dgrade.hints={ROOT / 'homework' / 'grading' / 'hints.md'}",
                           str(ROOT / "homework" / "grading" / "GradeReport.java"), str(target), str(target / "grade.log")],
                          capture_output=True, text=True, timeout=120)


def made_up_run(tmp_path: Path) -> tuple[Path, Path]:
    target, src = tmp_path / "target", tmp_path / "src"
    (target / "classes" / "homework").mkdir(parents=True)
    (target / "surefire-reports").mkdir()
    (target / "grade.log").write_text("[INFO] BUILD SUCCESS\n", encoding="utf-8")
    failing = ('<testcase name="never runs more than `limit` probes at once, and does run `limit` at once '
               'StructuredTaskScope"><failure message="peak number of probes running at once ==&gt; '
               'expected: &lt;4&gt; but was: &lt;5&gt;" type="org.opentest4j.AssertionFailedError"/></testcase>\n'
               '<testcase name="a made-up test nobody wrote a hint for"><failure message="it broke"/></testcase>')
    passing = '<testcase name="the three variants agree with each other on the same ports"/>'
    (target / "surefire-reports" / "TEST-homework.Exercise1X.xml").write_text(
        SUREFIRE.format(suite="1", n=1, f=0, cases=passing), encoding="utf-8")
    (target / "surefire-reports" / "TEST-homework.Exercise2X.xml").write_text(
        SUREFIRE.format(suite="2", n=3, f=2, cases=passing + "\n" + failing), encoding="utf-8")
    (target / "surefire-reports" / "TEST-homework.Exercise3X.xml").write_text(
        SUREFIRE.format(suite="3", n=1, f=0, cases=passing), encoding="utf-8")
    (target / "spotbugsXml.xml").write_text(SPOTBUGS, encoding="utf-8")
    (src / "homework").mkdir(parents=True)
    (src / "homework" / "AuthorLogo.java").write_text(
        'class AuthorLogo {\n  static void banner(String t) throws Exception {\n'
        '    Runtime.getRuntime().exec(new String[] {"sh", "-c", "figlet " + t});\n  }\n}\n', encoding="utf-8")
    return target, src


def test_the_feedback_page_shows_messages_hints_and_findings(tmp_path):
    target, src = made_up_run(tmp_path)
    result = grade_report(target, src, tmp_path / "fb")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Exercise 2  the scanner three ways" in result.stdout and "FAIL  1/3 tests" in result.stdout
    page, problems = check_feedback.read(tmp_path / "fb" / "feedback.html")
    assert problems == []
    assert [p["status"] for p in page.parts] == ["PASS", "FAIL", "PASS", "FAIL"]
    limit, nohint = page.parts[1]["failed"]
    assert "expected: <4> but was: <5>" in limit["message"] and "Semaphore(limit)" in limit["hint"]
    assert nohint["hint_missing"]  # a test without a hint says so, and the starter check flags it
    (finding,) = page.parts[3]["findings"]
    assert (finding["type"], finding["file"], finding["line"]) == ("COMMAND_INJECTION", "homework/AuthorLogo.java", 3)
    assert "Runtime.getRuntime().exec(" in finding["marked"] and finding["hint"]
    assert check_feedback.summary(tmp_path / "fb" / "summary.md", page) == []
    # a second attempt in the same folder is attempt 2 and lists attempt 1
    grade_report(target, src, tmp_path / "fb")
    second, _ = check_feedback.read(tmp_path / "fb" / "feedback.html")
    assert second.attempt == 2 and second.history_rows == 1
    assert (tmp_path / "fb" / "attempt-1.html").is_file() and (tmp_path / "fb" / "attempt-2.html").is_file()


def test_the_page_check_rejects_anything_fetched(tmp_path):
    target, src = made_up_run(tmp_path)
    grade_report(target, src, tmp_path / "fb")
    html = (tmp_path / "fb" / "feedback.html").read_text(encoding="utf-8")
    for planted in ('<img src="https://example.org/x.png">', '<link rel="stylesheet" href="/x.css">',
                    '<a href="https://example.org/">more</a>', "<style>@import 'x.css';</style>"):
        bad = tmp_path / "bad.html"
        bad.write_text(html.replace("</main>", planted + "</main>"), encoding="utf-8")
        assert check_feedback.read(bad)[1], planted


def test_a_build_that_does_not_compile_gets_a_page_saying_so(tmp_path):
    target, src = tmp_path / "target", tmp_path / "src"
    target.mkdir()
    src.mkdir()
    (target / "grade.log").write_text(
        "[ERROR] COMPILATION ERROR :\n[ERROR] /x/homework/ScopeScanner.java:[12,5] ';' expected\n", encoding="utf-8")
    result = grade_report(target, src, tmp_path / "fb")
    assert result.returncode == 1
    page, problems = check_feedback.read(tmp_path / "fb" / "feedback.html")
    assert problems == [] and all(p["status"] == "FAIL" for p in page.parts)
    text = (tmp_path / "fb" / "feedback.html").read_text(encoding="utf-8")
    assert "The code does not compile" in text and "ScopeScanner.java:[12,5] &#39;;&#39; expected" in text
    assert "The code does not compile" in (tmp_path / "fb" / "summary.md").read_text(encoding="utf-8")
