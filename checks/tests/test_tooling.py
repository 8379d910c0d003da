"""Tests of the test tooling: a notebook committed with outputs, a notebook with a failing
cell, or stale navigation must each make `./course test` fail."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from courselib import EXECUTED, KERNELSPEC as SPEC, SITE  # noqa: E402

TOOLS = ROOT / "tools"
CHECKS = ROOT / "checks"


def notebook(path: Path, *sources: str, outputs=False) -> Path:
    cells = []
    for i, src in enumerate(sources):
        cell = {"cell_type": "code", "id": f"c{i}", "metadata": {}, "source": src,
                "outputs": [], "execution_count": None}
        if outputs:
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "left over\n"}]
            cell["execution_count"] = 1
        cells.append(cell)
    nb = {"cells": cells, "metadata": {"kernelspec": SPEC}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=600)


def test_outputs_check_rejects_a_notebook_committed_with_outputs(tmp_path):
    nb = notebook(tmp_path / "dirty.ipynb", "1 + 1", outputs=True)
    result = run(sys.executable, str(TOOLS / "outputs.py"), "--check", str(nb))
    assert result.returncode == 1
    assert "dirty.ipynb: outputs in code cells [0]" in result.stdout


def test_outputs_clean_makes_the_check_pass(tmp_path):
    nb = notebook(tmp_path / "dirty.ipynb", "1 + 1", outputs=True)
    assert run(sys.executable, str(TOOLS / "outputs.py"), "--clean", str(nb)).returncode == 0
    assert run(sys.executable, str(TOOLS / "outputs.py"), "--check", str(nb)).returncode == 0


def test_navigation_check_detects_a_hand_edited_nav_line(tmp_path):
    shutil.copytree(ROOT / "notebooks", tmp_path / "nbs")
    target = tmp_path / "nbs" / "07.0-Opening.ipynb"
    nb = json.loads(target.read_text(encoding="utf-8"))
    nb["cells"][0]["source"] = "< edited by hand"
    target.write_text(json.dumps(nb), encoding="utf-8")
    result = run(sys.executable, str(TOOLS / "nav.py"), "--check", "--dir", str(tmp_path / "nbs"))
    assert result.returncode == 1
    assert "07.0-Opening.ipynb: navigation" in result.stdout


def test_runner_reports_a_failing_cell_and_exits_non_zero(tmp_path):
    nb = notebook(tmp_path / "broken.ipynb", 'int answer = 42;',
                  'if (answer == 42) throw new IllegalStateException("planted failure");')
    result = run(sys.executable, str(TOOLS / "run_notebooks.py"), "--out", str(tmp_path / "build"), str(nb))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "broken" in result.stdout and "failed" in result.stdout
    assert "planted failure" in result.stdout


def test_runner_passes_a_good_notebook_and_writes_its_page(tmp_path):
    nb = notebook(tmp_path / "good.ipynb", 'var t = Table.create("t", IntColumn.create("n", 1, 2));', "t")
    result = run(sys.executable, str(TOOLS / "run_notebooks.py"), "--out", str(tmp_path / "build"), str(nb))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok" in result.stdout
    executed = json.loads((tmp_path / "build" / "executed" / "good.ipynb").read_text(encoding="utf-8"))
    assert "text/html" in executed["cells"][1]["outputs"][0]["data"]
    page = tmp_path / "build" / "site" / "good.html"
    assert page.is_file(), result.stderr
    assert "<table" in page.read_text(encoding="utf-8"), "the page does not show the table output"


@pytest.mark.parametrize("planted", ["outputs", "failing-cell"])
def test_course_test_fails_on_a_planted_bad_notebook(tmp_path, planted):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    if planted == "outputs":
        notebook(nbs / "01-Bad.ipynb", "1 + 1", outputs=True)
    else:
        notebook(nbs / "01-Bad.ipynb", 'throw new IllegalStateException("planted failure");')
    result = run("bash", str(CHECKS / "test-all.sh"), "--only", "outputs,notebooks", "--notebooks", str(nbs))
    assert result.returncode != 0, result.stdout
    assert "tests: " in result.stdout and " 0 failed" not in result.stdout.splitlines()[-1]
    assert not (SITE / "01-Bad.html").exists() and not (EXECUTED / "01-Bad.ipynb").exists(), \
        "a planted notebook was written into the lessons' site or executed notebooks"
