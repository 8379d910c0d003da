#!/usr/bin/env bash
# Installs what the local hub needs, skipping what is already there: the course setup, then
# hub/requirements.txt into the course venv and hub/package-lock.json into hub/node_modules.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"
say() { echo "course hub: $*" >&2; }
bash "$ROOT/kernel-setup/setup.sh"
REQ="$ROOT/hub/requirements.txt" STAMP="$ROOT/.venv/.course-hub-requirements.sha256"
want="$(sha256sum "$REQ" | cut -d' ' -f1)"
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$want" ]; then
  say "installing JupyterHub and the idle culler (pip)"
  "$PY" -m pip install -q --disable-pip-version-check -r "$REQ"
  echo "$want" > "$STAMP"
fi
LOCK="$ROOT/hub/package-lock.json" NSTAMP="$ROOT/hub/node_modules/.course-lock.sha256"
want="$(sha256sum "$LOCK" | cut -d' ' -f1)"
if [ "$(cat "$NSTAMP" 2>/dev/null || true)" != "$want" ]; then
  command -v npm >/dev/null || { say "npm not found; install Node.js 18 or newer (it brings npm) for the hub's proxy"; exit 1; }
  say "installing configurable-http-proxy (npm ci)"
  (cd "$ROOT/hub" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$want" > "$NSTAMP"
fi
