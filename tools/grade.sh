#!/usr/bin/env bash
# Grades the homework (notebook 07.8): builds homework/, runs the JUnit 5 grading tests and the
# security scan (SpotBugs + Find Security Bugs) in one Maven run, prints a per-exercise report.
# Exit 0 only when every exercise and the scan pass. Run through `./course grade`.
#
#   ./course grade                       grade your code in homework/src/main/java
#   ./course grade --against solutions   grade the reference solutions in solutions/java
#   ./course grade --against DIR [--case NAME]   grade any source tree (package homework)
#   --all-failures                       list every failing test, not the first four
#   --feedback DIR                       also write the feedback page DIR/feedback.html (one
#                                        attempt-N.html per run) and DIR/summary.md (Markdown)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

against=starter
case_name=""
shown=4
feedback=""
while [ $# -gt 0 ]; do
  case "$1" in
    --against) [ $# -ge 2 ] || { echo "grade: --against needs starter, solutions or a directory" >&2; exit 2; }
               against="$2"; shift 2 ;;
    --case)    [ $# -ge 2 ] || { echo "grade: --case needs a name (letters, digits, - or _)" >&2; exit 2; }
               case_name="$2"; shift 2 ;;
    --all-failures) shown=1000; shift ;;
    --feedback) [ $# -ge 2 ] && [ -n "$2" ] || { echo "grade: --feedback needs a folder for the feedback page (e.g. build/feedback)" >&2; exit 2; }
                feedback="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "grade: unknown argument '$1'. Accepted: --against starter|solutions|DIR, --case NAME, --all-failures, --feedback DIR, --help" >&2; exit 2 ;;
  esac
done

case "$against" in
  starter)   src="$ROOT/homework/src/main/java"; case_name="${case_name:-starter}" ;;
  solutions) src="$ROOT/solutions/java";         case_name="${case_name:-solutions}" ;;
  *)         [ -d "$against" ] || { echo "grade: '$against' is not starter, solutions or a directory" >&2; exit 2; }
             src="$(cd "$against" && pwd)";      case_name="${case_name:-custom}" ;;
esac
[[ "$case_name" =~ ^[A-Za-z0-9_-]+$ ]] || { echo "grade: --case '$case_name': use letters, digits, - or _" >&2; exit 2; }
if [ -n "$feedback" ]; then
  [ ! -e "$feedback" ] || [ -d "$feedback" ] || { echo "grade: --feedback '$feedback' is a file; give a folder (it is created if missing)" >&2; exit 2; }
  mkdir -p "$feedback" 2>/dev/null || { echo "grade: --feedback '$feedback': cannot create that folder" >&2; exit 2; }
  feedback="$(cd "$feedback" && pwd)"
fi

# The homework depends on the lib (ProcessPool): install it in the local Maven repository
# whenever the installed copy is missing or older than lib's sources.
installed="$HOME/.m2/repository/org/concurrencylab/concurrency-lab/1.0-SNAPSHOT/concurrency-lab-1.0-SNAPSHOT.jar"
if [ ! -f "$installed" ] || [ -n "$(find "$ROOT/lib/src/main" "$ROOT/lib/pom.xml" -newer "$installed" -print -quit)" ]; then
  echo "grade: installing lib/ into the local Maven repository" >&2
  mkdir -p "$ROOT/homework/target"
  if ! mvn -q -B -Dstyle.color=never -f "$ROOT/lib/pom.xml" install -DskipTests >"$ROOT/homework/target/lib-install.log" 2>&1; then
    cat "$ROOT/homework/target/lib-install.log" >&2
    echo "grade: lib/ did not build; fix that first (./kernel-setup/build-lib.sh)" >&2
    exit 1
  fi
fi

target="$ROOT/homework/target/$case_name"
rm -rf "$target"
mkdir -p "$target"
log="$target/grade.log"
echo "Grading $src (case $case_name) with $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
start=$SECONDS
set +e
mvn -B -Dstyle.color=never -f "$ROOT/homework/pom.xml" verify \
  -Dhomework.src="$src" -Dhomework.case="$case_name" >"$log" 2>&1
mvn_rc=$?
set -e
echo "Build, tests and scan took $((SECONDS - start)) s (Maven exit $mvn_rc)"
echo
# The commit graded, for the feedback page: CI's, else the repository's (if any).
commit="${GITHUB_SHA:-$(git -C "$src" rev-parse --short HEAD 2>/dev/null || true)}"
"$JAVA_HOME/bin/java" -Dgrade.shown="$shown" -Dgrade.feedback="$feedback" -Dgrade.src="$src" \
  -Dgrade.case="$case_name" -Dgrade.commit="$commit" -Dgrade.hints="$ROOT/homework/grading/hints.md" \
  "$ROOT/homework/grading/GradeReport.java" "$target" "$log"
