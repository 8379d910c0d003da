# Sourced by every course script after its `set` line:
#   source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"
# Sets ROOT (the repository), finds JDK 25 (kernel-setup/find-jdk.sh: JAVA_HOME and PATH, or a
# message and exit 1), gives Maven the JVM flag JDK 25 wants, and names the venv's Python (PY).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../kernel-setup/find-jdk.sh
source "$ROOT/kernel-setup/find-jdk.sh"
if [ -n "${COURSE_JDK_CHECKED:-}" ] && [ -x "$COURSE_JDK_CHECKED/bin/java" ]; then
  # the caller (./course) has just found and checked this JDK: do not check it again
  JAVA_HOME="$COURSE_JDK_CHECKED"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
else
  require_jdk25 || exit 1
fi
case " ${MAVEN_OPTS:-} " in
  *" --sun-misc-unsafe-memory-access=allow "*) ;;
  *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
esac
PY="${COURSE_VENV:-$ROOT/.venv}/bin/python"
