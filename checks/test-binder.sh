#!/usr/bin/env bash
# Replays Binder's build of the course without conda: what repo2docker does with
# environment.yml and postBuild, in a clean Python venv under build/binder-replay/.
#   1. a fresh copy of the repository's files (as Binder clones it)
#   2. a new venv standing in for the conda env; the pip part of environment.yml, read from the
#      file, installed into it; conda-forge's openjdk=25 stood in for by the local JDK 25 linked
#      where conda puts it (<env>/lib/jvm), and maven by the local mvn
#   3. ./postBuild run in the copy, with the venv as NB_PYTHON_PREFIX
#   4. checks: the kernelspec is in the environment (and nowhere else is needed), the RISE
#      extension is there, no .venv was made, and 07.0-Opening executes on the kernel with no
#      error output and with its chart.
# Also checks that environment.yml's pip list agrees with kernel-setup/requirements.txt.
# Called by `./course test`.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"
REPLAY="$ROOT/build/binder-replay"
NOTEBOOK="${BINDER_TEST_NOTEBOOK:-07.0-Opening}"
say() { echo "test-binder: $*" >&2; }
start=$SECONDS
require_jdk25   # stands in for conda-forge's openjdk=25
command -v mvn >/dev/null || { say "mvn not found (stands in for conda-forge's maven)"; exit 1; }
BASE_PY="$(command -v python3)"

# --- environment.yml: its conda and pip dependencies, read from the file -------------------
# A small reader for the shape environment.yml has (a dependencies list with one pip: list),
# so the replay needs no YAML library.
read_env() {  # read_env conda|pip
  "$BASE_PY" - "$ROOT/environment.yml" "$1" <<'PY'
import sys
path, want = sys.argv[1], sys.argv[2]
conda, pip, section, pip_indent = [], [], None, None
for raw in open(path, encoding="utf-8"):
    line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
    if not line.strip():
        continue
    indent = len(line) - len(line.lstrip())
    text = line.strip()
    if indent == 0:
        section = text[:-1] if text.endswith(":") else None
        continue
    if section != "dependencies" or not text.startswith("- "):
        continue
    item = text[2:].strip()
    if pip_indent is not None and indent > pip_indent:
        pip.append(item)
        continue
    pip_indent = None
    if item == "pip:":
        pip_indent = indent
    else:
        conda.append(item)
print("\n".join(conda if want == "conda" else pip))
PY
}
mapfile -t CONDA_DEPS < <(read_env conda)
mapfile -t PIP_DEPS < <(read_env pip)
[ "${#PIP_DEPS[@]}" -gt 0 ] || { say "environment.yml has no pip: list"; exit 1; }
for need in python openjdk maven pip; do
  printf '%s\n' "${CONDA_DEPS[@]}" | grep -Eq "^$need([=<>!~ ]|$)" || {
    say "environment.yml lacks the conda dependency '$need' (has: ${CONDA_DEPS[*]})"; exit 1; }
done
printf '%s\n' "${CONDA_DEPS[@]}" | grep -Eq '^openjdk *=+ *25' || {
  say "environment.yml must pin openjdk=25 (has: ${CONDA_DEPS[*]})"; exit 1; }
want_py="$(printf '%s\n' "${CONDA_DEPS[@]}" | sed -n 's/^python *=* *\([0-9][0-9.]*\).*/\1/p')"
have_py="$("$BASE_PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
[ "$have_py" = "$want_py" ] || say "note: environment.yml asks for python $want_py; replaying with $have_py"

# Same specifier for every package both lists name; every requirement but the test tools on Binder.
"$BASE_PY" - "$ROOT/kernel-setup/requirements.txt" "${PIP_DEPS[@]}" <<'PY'
import re, sys
def parse(lines):
    out = {}
    for l in lines:
        l = l.split("#", 1)[0].strip()
        if l:
            m = re.match(r"([A-Za-z0-9_.\-]+)(.*)", l)
            out[m.group(1).lower().replace("_", "-")] = m.group(2).replace(" ", "")
    return out
req = parse(open(sys.argv[1], encoding="utf-8"))
env = parse(sys.argv[2:])
test_only = {"pytest"}
bad = [f"{n}: environment.yml '{env[n]}' vs requirements.txt '{req[n]}'" for n in env if n in req and env[n] != req[n]]
bad += [f"{n}: in environment.yml only" for n in env if n not in req]
bad += [f"{n}: in requirements.txt only" for n in req if n not in env and n not in test_only]
if bad:
    sys.exit("test-binder: environment.yml's pip list and kernel-setup/requirements.txt disagree:\n  " + "\n  ".join(bad))
PY

# --- 1. a fresh copy of the repository ------------------------------------------------------
rm -rf "$REPLAY"
mkdir -p "$REPLAY/repo" "$REPLAY/jupyter-data" "$REPLAY/jupyter-config"
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) \
  | tar -xf - -C "$REPLAY/repo"
[ -x "$REPLAY/repo/postBuild" ] || { say "postBuild is missing or not executable"; exit 1; }
say "copied the repository to build/binder-replay/repo"

# --- 2. the environment ---------------------------------------------------------------------
ENV="$REPLAY/env"
"$BASE_PY" -m venv "$ENV"
ln -s "$JAVA_HOME" "$ENV/lib/jvm"   # where conda-forge's openjdk lives in the env
say "pip part of environment.yml: ${PIP_DEPS[*]}"
timeout 1200 "$ENV/bin/python" -m pip install -q --disable-pip-version-check "${PIP_DEPS[@]}"

# --- 3. postBuild, as repo2docker runs it -----------------------------------------------------
# JUPYTER_DATA_DIR/CONFIG_DIR point at empty folders so only the environment's kernels count.
export PATH="$ENV/bin:$PATH" NB_PYTHON_PREFIX="$ENV" CONDA_PREFIX="$ENV"
export JUPYTER_DATA_DIR="$REPLAY/jupyter-data" JUPYTER_CONFIG_DIR="$REPLAY/jupyter-config"
unset VIRTUAL_ENV COURSE_VENV
say "running postBuild"
(cd "$REPLAY/repo" && unset JAVA_HOME COURSE_JAVA_HOME && timeout 1800 ./postBuild) >"$REPLAY/postBuild.log" 2>&1 || {
  say "postBuild failed; its last lines:"; tail -n 30 "$REPLAY/postBuild.log" >&2; exit 1; }

# --- 4. checks --------------------------------------------------------------------------------
[ ! -e "$REPLAY/repo/.venv" ] || { say "postBuild made a .venv; on Binder everything goes into the conda env"; exit 1; }
"$ENV/bin/jupyter" labextension list 2>&1 | grep -q 'jupyterlab-rise.*enabled' || {
  say "the jupyterlab-rise extension is not enabled in the environment"; exit 1; }
timeout 600 "$ENV/bin/python" - "$ENV" "$REPLAY/repo/notebooks/$NOTEBOOK.ipynb" "$REPLAY/$NOTEBOOK.executed.ipynb" <<'PY'
import sys, time
from pathlib import Path
from jupyter_client.kernelspec import KernelSpecManager
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

env, src, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2]), Path(sys.argv[3])
nb = nbformat.read(src, as_version=4)
name = nb.metadata["kernelspec"]["name"]
specs = KernelSpecManager().find_kernel_specs()
if name not in specs:
    sys.exit(f"test-binder: kernelspec '{name}' not found after postBuild; found: {sorted(specs)}")
if not Path(specs[name]).resolve().is_relative_to(env):
    sys.exit(f"test-binder: kernelspec '{name}' is at {specs[name]}, not inside the environment {env}")
java = KernelSpecManager().get_kernel_spec(name).argv[0]
if not java.startswith(str(env / "lib" / "jvm")):
    sys.exit(f"test-binder: the kernel runs {java}, not the environment's JDK under {env / 'lib' / 'jvm'}")
print(f"test-binder: kernelspec '{name}' at {specs[name]}, running {java}")
t0 = time.monotonic()
try:
    NotebookClient(nb, timeout=180, startup_timeout=120, kernel_name=name,
                   resources={"metadata": {"path": str(src.parent)}}).execute()
except CellExecutionError as e:
    nbformat.write(nb, out)
    sys.exit(f"test-binder: {src.name} stopped at a cell error: {str(e).strip().splitlines()[-1][:300]}")
nbformat.write(nb, out)
outs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
errors = [f"{o.ename}: {o.evalue}" for o in outs if o.output_type == "error"]
charts = sum(1 for o in outs if "image/png" in o.get("data", {}))
print(f"test-binder: {src.name} executed in {time.monotonic() - t0:.1f}s: {len(errors)} errors, {charts} charts")
if errors or charts == 0:
    sys.exit(f"test-binder: {src.name} on Binder's setup: errors {errors}, charts {charts}")
PY
say "ok: environment.yml + postBuild replayed in a clean venv ($((SECONDS - start)) s)"
