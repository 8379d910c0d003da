#!/usr/bin/env bash
# Proves the homework grading means something (called by `./course test`):
#   1. the reference solutions pass every exercise and the security scan is clean;
#   2. the starter code fails every exercise (and the scan is clean: it is only stubs);
#   3. the solutions with planted bugs (homework/planted/) are caught: a command injection by
#      the security scan, a missing cancellation and an off-by-one limit by exercise 2's tests.
# One `./course grade` run per case. Prints "N passed, N failed"; exit 1 on any unexpected outcome.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"
GRADE="$ROOT/tools/grade.sh"
OUT="$ROOT/homework/target/proofs"
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

echo "Homework grading proofs"

grade_case solutions --against solutions
for ex in 1 2 3; do
  check "solutions: exercise $ex passes" line_says "$OUT/solutions.txt" "Exercise $ex " PASS
done
check "solutions: security scan is clean" line_says "$OUT/solutions.txt" "Security scan" PASS
check "solutions: grade exits 0" rc_is solutions -eq

grade_case starter --against starter
for ex in 1 2 3; do
  check "starter: exercise $ex fails" line_says "$OUT/starter.txt" "Exercise $ex " FAIL
done
check "starter: security scan is clean" line_says "$OUT/starter.txt" "Security scan" PASS
check "starter: grade exits non-zero" rc_is starter -ne

planted_src="$OUT/planted-src"
mkdir -p "$planted_src"
cp -R "$ROOT/solutions/java/." "$planted_src/"
cp -R "$ROOT/homework/planted/java/." "$planted_src/"
grade_case planted --against "$planted_src" --case planted --all-failures
check "planted bugs: security scan fails" line_says "$OUT/planted.txt" "Security scan" FAIL
check "planted bugs: the scan names COMMAND_INJECTION" grep -q "COMMAND_INJECTION at homework/AuthorLogo.java" "$OUT/planted.txt"
check "planted bugs: exercise 2 fails" line_says "$OUT/planted.txt" "Exercise 2 " FAIL
check "planted bugs: CompletableFuture never cancelling is caught" grep -q "after cancelling every probe CompletableFuture: probes that were started but never interrupted" "$OUT/planted.txt"
check "planted bugs: limit + 1 in StructuredTaskScope is caught" grep -q "never runs more than .limit. probes at once.* StructuredTaskScope: peak number" "$OUT/planted.txt"
check "planted bugs: exercises 1 and 3 still pass (each bug caught where it belongs)" \
  eval 'line_says "$OUT/planted.txt" "Exercise 1 " PASS && line_says "$OUT/planted.txt" "Exercise 3 " PASS'
check "planted bugs: grade exits non-zero" rc_is planted -ne

echo "homework grading: $passed passed, $failed failed"
if [ "$failed" -ne 0 ]; then
  echo "Reports kept in $OUT; the full Maven logs are in homework/target/<case>/grade.log" >&2
  exit 1
fi
