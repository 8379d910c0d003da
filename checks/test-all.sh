#!/usr/bin/env bash
# `./course test`: every test of the course, in order; each step prints its own result and
# the run ends with one summary line. Exits non-zero if any step failed.
#
#   ./course test                       all steps
#   ./course test --only lib,notebooks  the named steps only
#   ./course test --notebooks DIR       check and run the notebooks in DIR (tooling self-tests)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"

STEPS="setup outputs navigation tooling cgroup lib notebooks site solutions homework hub browser binder"
only="" nbdir="$ROOT/notebooks"
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="${2:-}"; shift 2 ;;
    --notebooks) nbdir="$(cd "${2:?--notebooks needs a folder}" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "course test: unknown option '$1'. Accepted: --only STEP[,STEP...] (steps: $STEPS), --notebooks DIR" >&2; exit 2 ;;
  esac
done
if [ -n "$only" ]; then
  for s in ${only//,/ }; do
    case " $STEPS " in *" $s "*) ;; *) echo "course test: unknown step '$s'. Steps: $STEPS" >&2; exit 2 ;; esac
  done
fi
wanted() { [ -z "$only" ] || case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

passed=0 failed=0 failed_names=""
step() {  # step NAME COMMAND...
  local name="$1"; shift
  wanted "$name" || return 0
  echo "=== course test: $name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); echo "=== $name: ok ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1)); failed_names="$failed_names $name"; echo "=== $name: FAILED ($((SECONDS - start)) s)"
  fi
}
optional() {  # a step another part of the course provides; absent means nothing to run
  local script="$1"
  if [ -x "$script" ] || [ -f "$script" ]; then bash "$script"; else echo "(not present: $script)"; fi
}

# The set-up is the CI workflow's set-up command (checks/ci-commands.sh), run from the root.
# shellcheck source=ci-commands.sh
source "$ROOT/checks/ci-commands.sh"
in_root() { (cd "$ROOT" && "$@"); }
# shellcheck disable=SC2086  # CI_SETUP is a command line, split into words as the workflow's shell does
step setup      in_root $CI_SETUP
if [ "$failed" -gt 0 ]; then echo "tests: $passed passed, $failed failed"; exit 1; fi
step outputs    python3 "$ROOT/tools/outputs.py" --check $(ls "$nbdir"/*.ipynb "$ROOT"/solutions/notebooks/*.ipynb 2>/dev/null)
step navigation python3 "$ROOT/tools/nav.py" --check --dir "$nbdir"
step tooling    "$PY" -m pytest -q -p no:cacheprovider "$ROOT/checks/tests"
step cgroup     bash "$ROOT/checks/test-cgroup.sh"
step lib        mvn -B -f "$ROOT/lib/pom.xml" test
# Binder's limits: the lessons run at quick scale inside a 2 GiB / 1 CPU cgroup (as root, or
# wherever a cgroup can be made; elsewhere they run unconfined and say so), so a notebook that
# needs more memory or dies on one CPU fails here. COURSE_TEST_CGROUP=0 runs them unconfined.
in_binder_limits() {
  if [ "${COURSE_TEST_CGROUP:-1}" = 0 ]; then "$@"; return; fi
  COURSE_SCALE=quick bash "$ROOT/tools/cgroup-run.sh" --memory 2G --cpus 1 --name "course-test-$$" -- "$@"
  local rc=$?
  if [ $rc -eq 3 ] && [ "$(id -u)" -ne 0 ]; then
    echo "notebooks: no cgroup can be made here (not root): running them without Binder's limits"
    "$@"; return
  fi
  return $rc
}
# The lessons' executed notebooks go to build/executed/ and their website to build/site/;
# notebooks from elsewhere (the tooling self-tests plant broken ones) write both beside that
# folder (DIR-build/), never beside the lessons.
if [ "$nbdir" = "$ROOT/notebooks" ]; then out="$ROOT/build"; else out="$nbdir-build"; fi
step notebooks  in_binder_limits "$PY" "$ROOT/tools/run_notebooks.py" --out "$out" $(ls "$nbdir"/*.ipynb)
[ "$nbdir" = "$ROOT/notebooks" ] && step site "$PY" "$ROOT/checks/check_site.py" --offline-rebuild
# The exercises' solutions (instructor material), executed so that they cannot rot.
solution_nbs() { ls "$ROOT"/solutions/notebooks/*.ipynb 2>/dev/null; }
[ "$nbdir" = "$ROOT/notebooks" ] && [ -n "$(solution_nbs)" ] && \
  step solutions "$PY" "$ROOT/tools/run_notebooks.py" --out "$ROOT/build/solutions" --no-site $(solution_nbs)
step homework   optional "$ROOT/checks/test-homework.sh"
# A class of two on the course's JupyterHub, each student's server in a cgroup of its own.
[ "$nbdir" = "$ROOT/notebooks" ] && step hub bash "$ROOT/checks/test-hub.sh"
step browser    optional "$ROOT/checks/test-browser.sh"
step binder     optional "$ROOT/checks/test-binder.sh"

[ -n "$failed_names" ] && echo "failed steps:$failed_names"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
