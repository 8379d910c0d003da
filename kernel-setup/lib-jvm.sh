# Sourced by ./course and kernel-setup/build-aot.sh: how the lib's mains are started, in one place.
#   lib_classpath        the lib jar, then its dependencies in C-locale order: the very string
#                        install_kernel.py gives the kernel (COURSE_CLASSPATH), so that a worker
#                        JVM started from a notebook and one started from a ./course main have the
#                        same classpath, which their AOT cache requires
#   LIB_JVM_FLAGS        every lib main's JVM flags
#   CLI_JVM_FLAGS        added for a short-lived command (./course scan): serial GC, the C1 compiler
#                        only (a command that ends within a second never reaches C2's payoff)
#   aot_cache_flags NAME the flags that make a JVM use lib/target/aot/NAME.aot, or nothing when that
#                        file is missing; a JVM that cannot use the file (another JDK build, a
#                        rebuilt jar, other flags) starts without it, silently
# ROOT must be set (the repository).
LIB_JVM_FLAGS="--enable-preview -Djava.awt.headless=true --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
CLI_JVM_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
AOT_DIR="$ROOT/lib/target/aot"

lib_classpath() {
  local LC_ALL=C f cp="$ROOT/lib/target/concurrency-lab.jar"
  for f in "$ROOT"/lib/target/lib/*.jar; do cp="$cp:$f"; done
  echo "$cp"
}

aot_cache_flags() {
  [ -s "$AOT_DIR/$1.aot" ] && echo "-XX:AOTCache=$AOT_DIR/$1.aot -Xlog:aot=off -Xlog:cds=off"
  return 0
}
