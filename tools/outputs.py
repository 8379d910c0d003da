"""Keeps notebooks committed without outputs.

  python3 tools/outputs.py --check [NB ...]   exit 1 and list notebooks with outputs
  python3 tools/outputs.py --clean [NB ...]   strip outputs and execution counts

Default: every notebook under notebooks/. Plain json, so it runs without the venv.
"""
import argparse
import sys
from pathlib import Path

from courselib import check_or_fix, notebook_paths, read_notebook, write_notebook


def dirty_cells(nb: dict) -> list[int]:
    return [i for i, c in enumerate(nb.get("cells", []))
            if c.get("cell_type") == "code" and (c.get("outputs") or c.get("execution_count") is not None)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true")
    mode.add_argument("--clean", action="store_true")
    ap.add_argument("notebooks", nargs="*", type=Path)
    args = ap.parse_args()
    paths = args.notebooks or notebook_paths()

    def inspect(path: Path):
        nb = read_notebook(path)
        cells = dirty_cells(nb)
        if not cells:
            return None

        def clean() -> str:
            for i in cells:
                nb["cells"][i]["outputs"] = []
                nb["cells"][i]["execution_count"] = None
            write_notebook(path, nb)
            return f"cleaned {len(cells)} cells"
        return f"outputs in code cells {cells}; run ./course clean-outputs before committing", clean

    return check_or_fix(paths, inspect, args.check, "outputs")

if __name__ == "__main__":
    sys.exit(main())
