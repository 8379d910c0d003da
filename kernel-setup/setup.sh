#!/usr/bin/env bash
# Sets up the course: a project-local Python venv with JupyterLab, nbclient, the JJava kernel
# and the website's book tool; builds lib/; installs the "Java 25 · Concurrency Lab"
# kernelspec into the venv; installs the Mermaid the website bundles (npm ci in book/).
# Idempotent: each step is skipped when its inputs have not changed.
#
#   COURSE_VENV=DIR     venv location (default: .venv in the repository)
#   COURSE_VENV=system  install into the current Python environment (Binder's conda env)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"

say() { echo "course setup: $*" >&2; }

# --- 1. Python environment ---------------------------------------------------------------
if [ "${COURSE_VENV:-}" = "system" ]; then
  PY="$(command -v python3 || command -v python)"
  PREFIX="$("$PY" -c 'import sys; print(sys.prefix)')"
else
  VENV="${COURSE_VENV:-$ROOT/.venv}"
  PREFIX="$VENV"
  PY="$VENV/bin/python"
  if [ ! -x "$PY" ]; then
    BASE_PY="${COURSE_PYTHON:-$(command -v python3 || true)}"
    [ -n "$BASE_PY" ] || { say "python3 not found; install Python 3.11 or newer"; exit 1; }
    "$BASE_PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
      say "$BASE_PY is $("$BASE_PY" -V 2>&1); the course needs Python 3.11 or newer (the website's book tool, sphinx-book-theme 1.4, needs it)"; exit 1; }
    say "creating the Python venv in $VENV"
    "$BASE_PY" -m venv "$VENV"
  fi
fi
REQ="$ROOT/kernel-setup/requirements.txt"
STAMP="$PREFIX/.course-requirements.sha256"
want="$(sha256sum "$REQ" | cut -d' ' -f1)"
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$want" ]; then
  say "installing JupyterLab, nbclient, the JJava kernel and the website's book tool (pip)"
  "$PY" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
  "$PY" -m pip install -q --disable-pip-version-check -r "$REQ"
  echo "$want" > "$STAMP"
fi

# --- 2. The library, and the AOT caches of its JVMs (workers, ./course's mains) ------------
bash "$ROOT/kernel-setup/build-lib.sh"
bash "$ROOT/kernel-setup/build-aot.sh"

# --- 3. The kernelspec -------------------------------------------------------------------
"$PY" "$ROOT/kernel-setup/install_kernel.py" --prefix "$PREFIX" --java-home "$JAVA_HOME" --root "$ROOT"

# --- 4. JupyterLab settings: RISE scrolls long slides instead of cutting them off ----------
SETTINGS="$PREFIX/share/jupyter/lab/settings"
OVERRIDES='{"jupyterlab-rise:plugin": {"scroll": true}}'
if [ "$(cat "$SETTINGS/overrides.json" 2>/dev/null || true)" != "$OVERRIDES" ]; then
  mkdir -p "$SETTINGS"
  printf '%s\n' "$OVERRIDES" > "$SETTINGS/overrides.json"
fi

# --- 5. The website's Node packages (book/: Mermaid, bundled instead of loaded from a CDN) --
# Installed from book/package-lock.json when it changes. Without npm the website still
# builds, with the 7.7 mind map shown as its Mermaid text (the site check fails on that).
BOOK="$ROOT/book"
if command -v npm >/dev/null; then
  stamp="$BOOK/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$BOOK/package-lock.json" -nt "$stamp" ]; then
    say "installing the website's Node packages (npm ci in book/: Mermaid)"
    (cd "$BOOK" && timeout 600 npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
else
  say "note: npm not found; the website will show the 7.7 mind map as Mermaid text (install Node.js 20+ and npm)"
fi
