#!/usr/bin/env bash
# `./course hub`: a real JupyterHub on this machine serving the course to local students.
#
#   ./course hub [--port 8017] [--users 30]
#
# Loopback only (http://127.0.0.1:PORT); log in as student01 ... studentNN with any password
# (or the one in COURSE_HUB_PASSWORD), or as instructor (admin). Installs what it needs on
# first use: JupyterHub and the idle culler into the course venv (hub/requirements.txt), npm's
# configurable-http-proxy into hub/node_modules (npm ci, hub/package-lock.json). State (database,
# cookie secret, the students' homes) lives in build/hub/. Ctrl-C stops the hub and every
# student's server. As root, each student's server runs in a cgroup of its own, 1 GiB and 1 CPU
# (COURSE_HUB_MEM_LIMIT, COURSE_HUB_CPU_LIMIT), and build/hub/student-memory.csv gets each
# server's peak memory and OOM kills when it stops. The configuration: hub/jupyterhub_config.py.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

port=8017 users=30
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="${2:-}"; shift 2 ;;
    --users) users="${2:-}"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "course hub: unknown option '$1'. Accepted: --port N (1024-65000, default 8017), --users N (1-500, default 30)" >&2; exit 2 ;;
  esac
done
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1024 ] && [ "$port" -le 65000 ] && [ "$port" -ne 2024 ] && [ "$port" -ne 2022 ] && [ "$port" -ne 2023 ] || {
  echo "course hub: --port '$port' is not accepted; accepted: 1024 to 65000 (the hub uses PORT, PORT+1 and PORT+2; not 2022-2024)" >&2; exit 2; }
[[ "$users" =~ ^[0-9]+$ ]] && [ "$users" -ge 1 ] && [ "$users" -le 500 ] || {
  echo "course hub: --users '$users' is not accepted; accepted: a whole number from 1 to 500" >&2; exit 2; }

bash "$ROOT/hub/install.sh"
export COURSE_HUB_PORT="$port" COURSE_HUB_USERS="$users"
mkdir -p "${COURSE_HUB_DIR:-$ROOT/build/hub}"
cd "${COURSE_HUB_DIR:-$ROOT/build/hub}"
echo "course hub: http://127.0.0.1:$port  (students: student01 ... student$(printf %02d "$users"), any password)" >&2
exec "$ROOT/.venv/bin/jupyterhub" -f "$ROOT/hub/jupyterhub_config.py"
