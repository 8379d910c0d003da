"""What every course script shares: where the repository is, the kernel's name, the notebooks,
and reading and writing them in the one format the repository keeps (JSON, one-space indent,
UTF-8, a final newline). Plain json, so scripts that import it run without the venv."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"
EXECUTED = BUILD / "executed"     # executed notebooks (./course run)
SITE = BUILD / "site"             # the course website (./course site)
KERNEL_NAME = "java-concurrency"
DISPLAY_NAME = "Java 25 · Concurrency Lab"
KERNELSPEC = {"name": KERNEL_NAME, "display_name": DISPLAY_NAME, "language": "java"}


def notebook_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """Returns the notebooks in a folder, in file-name order (the course's order)."""
    return sorted(folder.glob("*.ipynb"))


def read_notebook(path: Path) -> dict:
    """Returns a notebook as the plain dict the JSON file holds."""
    return json.loads(path.read_text(encoding="utf-8"))


def dump_notebook(nb: dict) -> str:
    """Returns a notebook as the text the repository stores."""
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def write_notebook(path: Path, nb: dict) -> None:
    """Writes a notebook as the repository stores it."""
    path.write_text(dump_notebook(nb), encoding="utf-8")


def cell_source(cell: dict) -> str:
    """Returns a cell's source as one string (the file may hold a list of lines)."""
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def check_or_fix(paths: list[Path], inspect, check: bool, what: str) -> int:
    """Runs one notebook check over `paths`, or fixes what it finds.

    `inspect(path)` returns None for a notebook that is fine, else (problem, fix): the
    problem in words and a function that repairs the file. With `check`, each problem is
    printed and nothing is written; else each fix runs. Prints one summary line
    ("WHAT check: N passed, M failed") when checking; returns 1 if a check found problems.
    """
    bad = 0
    for path in paths:
        found = inspect(path)
        if found is None:
            continue
        problem, fix = found
        if check:
            bad += 1
            print(f"{path}: {problem}")
        else:
            print(f"{path}: {fix()}")
    if check:
        print(f"{what} check: {len(paths) - bad} passed, {bad} failed")
    return 1 if bad else 0
