#!/usr/bin/env bash
# Builds lib/ (jar + runtime dependencies in lib/target/lib) when a source is newer than the jar.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"
jar="$ROOT/lib/target/concurrency-lab.jar"
if [ -f "$jar" ] && [ -d "$ROOT/lib/target/lib" ] && \
   [ -z "$(find "$ROOT/lib/src/main" "$ROOT/lib/pom.xml" -newer "$jar" -print -quit)" ]; then
  exit 0
fi
echo "course: building lib/ with $JAVA_HOME" >&2
command -v mvn >/dev/null || { echo "course: Maven (mvn) not found; install Maven 3.8+ (apt-get install maven, brew install maven, or conda install maven)" >&2; exit 1; }
# -q still lets Maven 3.8 print colour resets; strip them.
mvn -q -B -f "$ROOT/lib/pom.xml" package -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
# a new jar makes the AOT caches stale: rebuild them (a few seconds)
COURSE_JDK_CHECKED="$JAVA_HOME" bash "$ROOT/kernel-setup/build-aot.sh"

