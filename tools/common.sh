# Sourced by every course script after its `set` line:
#   source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"
# Sets ROOT (the repository), finds JDK 25 (kernel-setup/find-jdk.sh: JAVA_HOME and PATH, or a
# message and exit 1), gives Maven the JVM flag JDK 25 wants, and names the venv's Python (PY).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../kernel-setup/find-jdk.sh
source "$ROOT/kernel-setup/find-jdk.sh"
require_jdk25 || exit 1
case " ${MAVEN_OPTS:-} " in
  *" --sun-misc-unsafe-memory-access=allow "*) ;;
  *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
esac
PY="${COURSE_VENV:-$ROOT/.venv}/bin/python"
