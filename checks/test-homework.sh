#!/usr/bin/env bash
# Proves the homework grading means something (called by `./course test`):
#   0. the CI workflow (.github/workflows/grade.yml) parses and runs the suite's own commands
#      (checks/ci-commands.sh), checked by checks/check_workflow.py;
#   1. the starter code, graded with the workflow's command as CI runs it, fails every exercise
#      (the scan is clean: it is only stubs); the workflow's summary step, replayed, puts the
#      per-exercise table on the summary; the feedback page shows every failure with its
#      message and a hint;
#   2. the solutions with planted bugs (homework/planted/) are caught: a command injection by
#      the security scan, a missing cancellation and an off-by-one limit by exercise 2's tests;
#      the feedback page (attempt 1) shows those messages and the finding with its line, and a
#      headless Chromium screenshot of it lands in build/browser/feedback/;
#   3. the reference solutions pass every exercise and the scan is clean; their feedback page
#      (attempt 2, same folder) says so and lists attempt 1;
#   4. the nbgrader version of the homework grades right (checks/test-nbgrader.sh).
# One `./course grade` run per case. Prints "N passed, N failed"; exit 1 on any unexpected outcome.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"
# shellcheck source=ci-commands.sh
source "$ROOT/checks/ci-commands.sh"
say() { echo "test-homework: $*" >&2; }
# shellcheck source=chromium.sh
source "$ROOT/checks/chromium.sh"
GRADE="$ROOT/tools/grade.sh"
OUT="$ROOT/homework/target/proofs"
SHOTS="$ROOT/build/browser/feedback"
rm -rf "$OUT"
mkdir -p "$OUT"
passed=0
failed=0

check() {  # check DESCRIPTION COMMAND...: one expectation
  local what="$1"; shift
  if "$@"; then
    passed=$((passed + 1)); echo "  ok      $what"
  else
    failed=$((failed + 1)); echo "  FAILED  $what"
  fi
}
line_says() {  # line_says REPORT PREFIX WORD: the report line starting with PREFIX says WORD
  grep -E "^$2" "$1" | grep -qw "$3"
}
grade_case() {  # grade_case NAME ARGS...: runs grade.sh, keeps its report and exit code
  local name="$1"; shift
  local start=$SECONDS
  bash "$GRADE" "$@" >"$OUT/$name.txt" 2>&1
  echo $? >"$OUT/$name.rc"
  echo "$name: graded in $((SECONDS - start)) s (report: $OUT/$name.txt)"
}
rc_is() { [ "$(cat "$OUT/$1.rc")" "$2" 0 ]; }
png_ok() {  # png_ok FILE: a PNG of at least 800x600 and 20 KB (a page, not a blank error tab)
  python3 - "$1" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
ok = data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
w, h = struct.unpack(">II", data[16:24]) if ok else (0, 0)
print(f"  screenshot {sys.argv[1]}: {w}x{h}, {len(data)} bytes")
sys.exit(0 if ok and w >= 800 and h >= 600 else 1)
PY
}

echo "Homework grading proofs"

# --- 0. the CI workflow runs what this suite runs -------------------------------------------
check "CI workflow: parses as YAML; its run steps are '$CI_SETUP', '$CI_GRADE' and the summary" \
  "$PY" "$ROOT/checks/check_workflow.py" "$ROOT/.github/workflows/grade.yml" \
  --setup "$CI_SETUP" --grade "$CI_GRADE" --summary-script "$OUT/ci-summary.sh"

# --- 1. the starter code, graded as CI grades it ----------------------------------------------
# $CI_GRADE from the repository's root, as the workflow runs it; its feedback folder is fresh,
# as on a new runner. Then the workflow's summary step, replayed on what the command wrote.
ci_feedback="$(sed -n 's/.*--feedback \([^ ]*\).*/\1/p' <<<"$CI_GRADE")"
rm -rf "${ROOT:?}/${ci_feedback:?}"
start=$SECONDS
# shellcheck disable=SC2086  # CI_GRADE is a command line, split into words as the workflow's shell does
(cd "$ROOT" && $CI_GRADE) >"$OUT/starter.txt" 2>&1
echo $? >"$OUT/starter.rc"
echo "starter: graded in $((SECONDS - start)) s with '$CI_GRADE' (report: $OUT/starter.txt)"
for ex in 1 2 3; do
  check "starter: exercise $ex fails" line_says "$OUT/starter.txt" "Exercise $ex " FAIL
done
check "starter: security scan is clean" line_says "$OUT/starter.txt" "Security scan" PASS
check "starter: grade exits non-zero" rc_is starter -ne
: >"$OUT/step-summary.md"
if [ -f "$OUT/ci-summary.sh" ]; then
  (cd "$ROOT" && GITHUB_STEP_SUMMARY="$OUT/step-summary.md" bash -e "$OUT/ci-summary.sh") \
    || echo "the workflow's summary step failed" >>"$OUT/starter.txt"
fi
check "starter: the workflow's summary step puts the per-exercise summary on the job summary" \
  cmp -s "$OUT/step-summary.md" "$ROOT/$ci_feedback/summary.md"
check "starter feedback: every exercise fails, each test with its assertion message and a hint" \
  python3 "$ROOT/checks/check_feedback.py" starter "$ROOT/$ci_feedback/feedback.html"
check "starter feedback: the Markdown summary agrees with the page" \
  python3 "$ROOT/checks/check_feedback.py" summary "$OUT/step-summary.md" "$ROOT/$ci_feedback/feedback.html"

# --- 2. planted bugs: attempt 1 in one feedback folder ----------------------------------------
planted_src="$OUT/planted-src"
mkdir -p "$planted_src"
cp -R "$ROOT/solutions/java/." "$planted_src/"
cp -R "$ROOT/homework/planted/java/." "$planted_src/"
grade_case planted --against "$planted_src" --case planted --all-failures --feedback "$OUT/feedback"
check "planted bugs: security scan fails" line_says "$OUT/planted.txt" "Security scan" FAIL
check "planted bugs: the scan names COMMAND_INJECTION" grep -q "COMMAND_INJECTION at homework/AuthorLogo.java" "$OUT/planted.txt"
check "planted bugs: exercise 2 fails" line_says "$OUT/planted.txt" "Exercise 2 " FAIL
check "planted bugs: CompletableFuture never cancelling is caught" grep -q "after cancelling every probe CompletableFuture: probes that were started but never interrupted" "$OUT/planted.txt"
check "planted bugs: limit + 1 in StructuredTaskScope is caught" grep -q "never runs more than .limit. probes at once.* StructuredTaskScope: peak number" "$OUT/planted.txt"
check "planted bugs: exercises 1 and 3 still pass (each bug caught where it belongs)" \
  eval 'line_says "$OUT/planted.txt" "Exercise 1 " PASS && line_says "$OUT/planted.txt" "Exercise 3 " PASS'
check "planted bugs: grade exits non-zero" rc_is planted -ne
check "planted feedback: exercise 2's assertion messages, and COMMAND_INJECTION at the planted line" \
  python3 "$ROOT/checks/check_feedback.py" planted "$OUT/feedback/attempt-1.html" --src "$planted_src"
check "planted feedback: the Markdown summary agrees with the page" \
  python3 "$ROOT/checks/check_feedback.py" summary "$OUT/feedback/summary.md" "$OUT/feedback/attempt-1.html"
shot="$SHOTS/feedback-planted.png"
check "planted feedback: Chromium screenshot of the page (build/browser/feedback/)" \
  eval 'ensure_chromium && screenshot_page "$OUT/feedback/attempt-1.html" "$shot" 1200,2100 && png_ok "$shot"'

# --- 3. the reference solutions: attempt 2 in the same folder ---------------------------------
grade_case solutions --against solutions --feedback "$OUT/feedback"
for ex in 1 2 3; do
  check "solutions: exercise $ex passes" line_says "$OUT/solutions.txt" "Exercise $ex " PASS
done
check "solutions: security scan is clean" line_says "$OUT/solutions.txt" "Security scan" PASS
check "solutions: grade exits 0" rc_is solutions -eq
check "solutions feedback: all parts pass; attempt 2, listing attempt 1" \
  python3 "$ROOT/checks/check_feedback.py" solutions "$OUT/feedback/feedback.html" --attempt 2

# --- 4. the nbgrader assignment ----------------------------------------------------------------
start=$SECONDS
bash "$ROOT/checks/test-nbgrader.sh" >"$OUT/nbgrader.txt" 2>&1
nb_rc=$?
sed 's/^/    /' "$OUT/nbgrader.txt"
echo "nbgrader: round trip in $((SECONDS - start)) s"
check "nbgrader: generate_assignment + autograde on the course kernel score as expected" test "$nb_rc" -eq 0

echo "homework grading: $passed passed, $failed failed"
if [ "$failed" -ne 0 ]; then
  echo "Reports kept in $OUT; the full Maven logs are in homework/target/<case>/grade.log" >&2
  exit 1
fi
