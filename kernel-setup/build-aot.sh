#!/usr/bin/env bash
# Builds the AOT caches of the lib's JVMs (JEP 483/514/515: classes parsed and linked ahead of
# time, and method profiles, recorded from a training run) in lib/target/aot/:
#   worker.aot  the process pool's worker JVMs (concurrencylab.exec.WorkerCache; a worker uses
#               it when it exists beside the lib jar: from a notebook kernel and from ./course)
#   cli.aot     the mains ./course runs (./course scan, the benchmarks); trained on one scan of
#               127.0.0.1's ports (2024 left out)
# Rebuilt when the fingerprint in lib/target/aot/stamp changes: the JDK build, the lib jar, the
# classpath, the JVM flags (kernel-setup/lib-jvm.sh) or this script. A JVM that cannot use a
# cache starts without it, silently; a cache that cannot be built is left out with a note.
# COURSE_LIB_AOT=0 removes them and builds none.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"
source "$ROOT/kernel-setup/lib-jvm.sh"
say() { echo "course setup: $*" >&2; }

if [ "${COURSE_LIB_AOT:-1}" = "0" ]; then
  rm -rf "$AOT_DIR"; exit 0
fi
jar="$ROOT/lib/target/concurrency-lab.jar"
[ -f "$jar" ] || { say "no $jar: build lib first (bash kernel-setup/build-lib.sh)"; exit 1; }
CP="$(lib_classpath)"
fingerprint=$({ cat "$JAVA_HOME/release" 2>/dev/null || echo "$JAVA_HOME"; sha256sum "$jar" "$0" | cut -d' ' -f1
                echo "$CP"; echo "$LIB_JVM_FLAGS"; echo "$CLI_JVM_FLAGS"; } | sha256sum | cut -d' ' -f1)
stamp="$AOT_DIR/stamp"
if [ "$(cat "$stamp" 2>/dev/null || true)" = "$fingerprint" ] && [ -s "$AOT_DIR/worker.aot" ] && [ -s "$AOT_DIR/cli.aot" ]; then
  exit 0
fi
mkdir -p "$AOT_DIR"; rm -f "$stamp"
say "building the AOT caches of the worker JVMs and of ./course's mains (lib/target/aot; a few seconds)"
start=$(date +%s)
ok=1
log="$AOT_DIR/build.log"   # the training JVMs' own messages, shown only when a build fails
# shellcheck disable=SC2086
if ! COURSE_CLASSPATH="$CP" timeout 600 "$JAVA_HOME/bin/java" $LIB_JVM_FLAGS -cp "$CP" \
     concurrencylab.cli.WorkerCacheTraining "$AOT_DIR/worker.aot" >"$log" 2>&1; then
  rm -f "$AOT_DIR/worker.aot"; ok=0
  say "no worker AOT cache; the process pool's workers will start without it: $(tail -3 "$log")"
fi
rm -f "$AOT_DIR/cli.aot"
# shellcheck disable=SC2086
if ! timeout 600 "$JAVA_HOME/bin/java" $CLI_JVM_FLAGS $LIB_JVM_FLAGS -XX:AOTCacheOutput="$AOT_DIR/cli.aot" -Xlog:aot=off \
     -cp "$CP" concurrencylab.cli.ScanCli --ports 1-2023,2025-65535 127.0.0.1 >"$log" 2>&1 || [ ! -s "$AOT_DIR/cli.aot" ]; then
  rm -f "$AOT_DIR/cli.aot"; ok=0
  say "no AOT cache for ./course's mains; they will start without it: $(tail -3 "$log")"
fi
rm -f "$log"
[ "$ok" = 1 ] && echo "$fingerprint" > "$stamp"
say "AOT caches built in $(( $(date +%s) - start )) s"
