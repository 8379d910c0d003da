#!/usr/bin/env bash
# The nbgrader version of the homework (homework/nbgrader/, assignment ps7) graded end to end
# on the course kernel "java-concurrency". Called by checks/test-homework.sh (so by
# `./course test`); works in build/nbgrader/, a copy of the course directory:
#   1. the source notebook: no outputs, sound nbgrader metadata (checks/nbgrader_check.py);
#   2. `./course nbgrader generate_assignment ps7` (nbgrader in the venv): every solution region replaced by the Java stub,
#      the tests unchanged and locked;
#   3. three submissions of the released notebook, then `nbgrader autograde ps7` and
#      `nbgrader export`: the reference solutions get full marks, the untouched release zero
#      on every graded cell, and the solutions with homework/nbgrader/planted.json's bugs lose
#      exactly the cells those bugs name (gradebook and CSV both); `nbgrader generate_feedback`
#      writes each student a page with the score and, for the planted bugs, their messages;
#   4. JupyterLab with nbgrader installed still serves /lab (listing nbgrader's lab extension)
#      and /formgrader (its server extension).
# Every command is bounded (timeout); nbgrader bounds each cell (nbgrader_config.py).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"
say() { echo "test-nbgrader: $*" >&2; }

VENV="$ROOT/.venv"
[ -x "$VENV/bin/nbgrader" ] || { say "nbgrader is not installed in $VENV: run ./course setup (kernel-setup/requirements.txt lists it)"; exit 1; }
SRC="$ROOT/homework/nbgrader"
SOURCE_NB="$SRC/source/ps7/homework7.ipynb"
WORK="$ROOT/build/nbgrader"
COURSE="$WORK/course"
CHECK=("$VENV/bin/python" "$ROOT/checks/nbgrader_check.py")

rm -rf "$WORK"
mkdir -p "$COURSE" "$WORK/jupyter-config" "$WORK/jupyter-data"
cp "$SRC/nbgrader_config.py" "$COURSE/"
cp -R "$SRC/source" "$COURSE/source"
# Only the course's configuration and the environment's kernels count, not the user's own.
export JUPYTER_CONFIG_DIR="$WORK/jupyter-config" JUPYTER_DATA_DIR="$WORK/jupyter-data"

nbgrader() {  # nbgrader LOGNAME TIMEOUT_S ARGS...: `./course nbgrader ARGS` on the copy, logged in build/nbgrader/
  local log="$WORK/$1.log" limit="$2" start=$SECONDS rc=0; shift 2
  COURSE_NBGRADER_DIR="$COURSE" timeout -k 15 "$limit" "$ROOT/course" nbgrader "$@" >"$log" 2>&1 || rc=$?
  say "nbgrader $1: exit $rc in $((SECONDS - start)) s (log: build/nbgrader/$(basename "$log"))"
  if [ "$rc" -ne 0 ]; then tail -n 20 "$log" >&2; fi
  return "$rc"
}

"${CHECK[@]}" source "$SOURCE_NB"
nbgrader generate 300 generate_assignment ps7 --force
RELEASED="$COURSE/release/ps7/homework7.ipynb"
"${CHECK[@]}" release "$SOURCE_NB" "$RELEASED"
"${CHECK[@]}" submissions "$SOURCE_NB" "$RELEASED" "$SRC/planted.json" "$COURSE/submitted"
nbgrader autograde 900 autograde ps7 --force
grep -E "\[AutogradeApp\] (ERROR|WARNING)" "$WORK/autograde.log" | head -n 10 >&2 || true
nbgrader export 120 export --to "$WORK/grades.csv"
"${CHECK[@]}" scores "$COURSE" "$SRC/planted.json" "$WORK/grades.csv"
nbgrader feedback 300 generate_feedback ps7 --force
"${CHECK[@]}" feedback "$COURSE" "$SRC/planted.json"
"${CHECK[@]}" lab "$VENV" "$WORK/lab"
say "ok: generate_assignment, autograde and export on kernel java-concurrency score as expected"
