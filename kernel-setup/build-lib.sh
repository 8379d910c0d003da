#!/usr/bin/env bash
# Builds lib/ (jar + runtime dependencies in lib/target/lib) when a source is newer than the jar.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/kernel-setup/find-jdk.sh"
require_jdk25
jar="$ROOT/lib/target/concurrency-lab.jar"
if [ -f "$jar" ] && [ -d "$ROOT/lib/target/lib" ] && \
   [ -z "$(find "$ROOT/lib/src/main" "$ROOT/lib/pom.xml" -newer "$jar" -print -quit)" ]; then
  exit 0
fi
echo "course: building lib/ with $JAVA_HOME" >&2
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
mvn -q -B -f "$ROOT/lib/pom.xml" package -DskipTests
