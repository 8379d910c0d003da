#!/usr/bin/env bash
# Real-browser test: JupyterLab from the project's .venv on a free loopback port, driven by
# Debian's Chromium through playwright-core (checks/browser-test/). Runs all cells of the
# lessons, checks charts, tables and no errors, then opens a lesson as RISE slides. Then the
# course website in build/site/ (built by ./course run), served by a small static server on
# another loopback port for as long as the test runs: search, next from 7.0 to 7.8, charts,
# tables, the mind map, the dark theme, and no request leaving loopback.
# Screenshots and report.json land in build/browser/. Called by `./course test`.
#
# Usage: checks/test-browser.sh [NOTEBOOK ...]   (names without .ipynb; default 07.0-Opening)
# Environment: BROWSER_TEST_VENV   a prepared environment to use instead of .venv (skips setup.sh)
#              CHROMIUM            browser executable (default /usr/bin/chromium)
#              RUN_TIMEOUT_S, STEP_TIMEOUT_S   bounds passed to the driver (see browser-test.js)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"
HERE="$ROOT/checks/browser-test"
OUT="$ROOT/build/browser"
NOTEBOOKS="${*:-07.0-Opening}"
say() { echo "test-browser: $*" >&2; }

# shellcheck source=chromium.sh
source "$ROOT/checks/chromium.sh"   # ensure_chromium, apt_install

ensure_driver() {
  command -v node >/dev/null && command -v npm >/dev/null || {
    say "node and npm are needed for the browser driver (Debian: apt-get install -y nodejs npm)"; return 1; }
  local stamp="$HERE/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$HERE/package-lock.json" -nt "$stamp" ]; then
    say "installing the browser driver (npm ci: playwright-core, no browser download)"
    (cd "$HERE" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 timeout 600 npm ci --no-audit --no-fund >&2)
  fi
}

ensure_chromium
ensure_driver
if [ -n "${BROWSER_TEST_VENV:-}" ]; then
  VENV="$BROWSER_TEST_VENV"
else
  VENV="$ROOT/.venv"
  bash "$ROOT/kernel-setup/setup.sh"
fi
[ -x "$VENV/bin/jupyter" ] || { say "no JupyterLab at $VENV/bin/jupyter (run ./course setup)"; exit 1; }

mkdir -p "$OUT"
rm -f "$OUT"/*.png "$OUT"/report.json
WORK="$(mktemp -d "${TMPDIR:-/tmp}/course-browser.XXXXXX")"
LAB_PID=""; DRIVER_PID=""; SITE_PID=""

stop_group() {  # stop_group PID: TERM its process group, wait up to 15 s, then KILL
  local pid="$1" i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop_group "$DRIVER_PID"
  stop_group "$LAB_PID"
  stop_group "$SITE_PID"
  [ -f "$WORK/jupyterlab.log" ] && cp "$WORK/jupyterlab.log" "$OUT/jupyterlab.log"
  [ -f "$WORK/site-server.log" ] && cp "$WORK/site-server.log" "$OUT/site-server.log"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A copy of the notebooks, so the committed files never get outputs; JupyterLab's config,
# settings, workspaces and runtime files in the same temporary place, so nothing from the
# user's own JupyterLab changes what the test sees. The news toast is switched off.
mkdir -p "$WORK/notebooks" "$WORK/config/labconfig" "$WORK/settings" "$WORK/workspaces" "$WORK/runtime" "$WORK/profile"
cp "$ROOT"/notebooks/*.ipynb "$WORK/notebooks/"
cat > "$WORK/config/labconfig/page_config.json" <<'JSON'
{"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": true}}
JSON
for nb in $NOTEBOOKS; do
  [ -f "$WORK/notebooks/$nb.ipynb" ] || { say "no notebook notebooks/$nb.ipynb"; exit 2; }
done

free_port() { "$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PORT="$(free_port)"
SITE_PORT="$(free_port)"
TOKEN="$("$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(24))')"
root_flag=(); [ "$(id -u)" -eq 0 ] && root_flag=(--allow-root)

say "starting JupyterLab on 127.0.0.1:$PORT (log: build/browser/jupyterlab.log)"
JUPYTER_CONFIG_DIR="$WORK/config" JUPYTERLAB_SETTINGS_DIR="$WORK/settings" \
JUPYTERLAB_WORKSPACES_DIR="$WORK/workspaces" JUPYTER_RUNTIME_DIR="$WORK/runtime" \
  setsid "$VENV/bin/jupyter" lab "${root_flag[@]}" --no-browser \
    --ServerApp.ip=127.0.0.1 --ServerApp.port="$PORT" --ServerApp.port_retries=0 \
    --IdentityProvider.token="$TOKEN" --ServerApp.root_dir="$WORK/notebooks" \
    --LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
    --LabApp.extension_manager=readonly \
    >"$WORK/jupyterlab.log" 2>&1 </dev/null &
LAB_PID=$!

# The website: Python's static file server on loopback, bounded like the driver.
SITE_DIR="$ROOT/build/site"
say "serving build/site on 127.0.0.1:$SITE_PORT (log: build/browser/site-server.log)"
setsid timeout -k 5 "${BROWSER_TEST_TIMEOUT_S:-1100}" "$VENV/bin/python" -m http.server --bind 127.0.0.1 \
  --directory "$SITE_DIR" "$SITE_PORT" >"$WORK/site-server.log" 2>&1 </dev/null &
SITE_PID=$!

start=$(date +%s)
LAB_URL="http://127.0.0.1:$PORT" LAB_TOKEN="$TOKEN" LAB_ROOT="$WORK/notebooks" OUT_DIR="$OUT" \
USER_DATA_DIR="$WORK/profile" NOTEBOOKS="$NOTEBOOKS" CHROMIUM="$CHROMIUM" \
SITE_URL="http://127.0.0.1:$SITE_PORT/" SITE_DIR="$SITE_DIR" EXECUTED_DIR="$ROOT/build/executed" \
  setsid timeout -k 15 "${BROWSER_TEST_TIMEOUT_S:-1100}" node "$HERE/browser-test.js" </dev/null &
DRIVER_PID=$!
rc=0; wait "$DRIVER_PID" || rc=$?
DRIVER_PID=""
say "browser test took $(( $(date +%s) - start ))s (exit $rc); screenshots in build/browser/"
if [ "$rc" -ne 0 ] && [ -f "$WORK/jupyterlab.log" ]; then
  say "last lines of the JupyterLab log:"; tail -n 15 "$WORK/jupyterlab.log" >&2
fi
exit "$rc"
