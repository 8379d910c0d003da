"""`./course bench class --students N`: a class of N simulated students on one local hub.

Starts a JupyterHub on this machine (hub/jupyterhub_config.py: loopback, dummy authenticator,
local-process spawner), then drives N students at once through its REST API, as N browsers
would: each student gets a user and a single-user server, then, in that server, a kernel per
notebook (the Jupyter server's sessions API and its kernel websocket) that runs every code
cell of 07.0, then of 07.2, at quick scale (--notebooks), stopping at a notebook's first
error. Then each server is stopped and the hub with it. Every student's server runs in a cgroup
of its own (hub/course_spawner.py) with --student-memory and --student-cpus as its limits, as
on The Littlest JupyterHub or Kubernetes: every JVM sizes its heap from that limit, and what
runs out of memory is killed inside the student's cgroup, which the student's row shows.

Per student (build/bench/class.csv): seconds from asking for the server to the server being
ready; time to first result (asking for 07.0's kernel to its first cell's reply); each
notebook's time; the largest heap the first kernel JVM may take (Runtime.maxMemory(), asked
after its notebook: the student's limit reached the JVM); the peak memory of the student's
cgroup and its OOM kills (the spawner's record); errors. A cell whose kernel dies (Jupyter
restarts it) ends the student's run with an error, as the notebook would show it; a kernel that
died while starting and was started again is counted (kernel_restarts), not an error.
Summary: p50/p95 of time to first result, and the peak memory of the class: the hub's
process tree (hub, proxy, every student's server, kernels and worker JVMs; VmRSS summed, sampled every 0.5 s) and the machine's (MemTotal - MemAvailable, minus what was
in use before the hub started; other work on the machine counts in it). The whole class runs
inside one memory cgroup (--memory, default 16G; tools/cgroup-run.sh), the size of the server
it stands for: what runs out there is killed there, and the summary gives the cgroup's peak and
its OOM kills, so a larger N shows what runs out first.
Exit status 0 only if every student finished both notebooks without an error.
"""
import argparse
import asyncio
import csv
import datetime
import json
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import nbformat
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

from courselib import KERNEL_NAME, NOTEBOOKS, ROOT
from procmem import MIB, rss_tree

NOTEBOOK_PREFIXES = ("07.0", "07.2")
HEAP_PROBE = "System.out.print(Runtime.getRuntime().maxMemory() >> 20);"


def meminfo_used() -> int:
    info = {}
    for line in Path("/proc/meminfo").read_text().splitlines():
        k, v = line.split(":", 1)
        info[k] = int(v.split()[0]) * 1024
    return info["MemTotal"] - info["MemAvailable"]


def quantile(values: list[float], q: float) -> float:
    """Nearest-rank quantile."""
    s = sorted(values)
    return s[max(0, min(len(s) - 1, int(-(-q * len(s) // 1)) - 1))]


class Hub:
    def __init__(self, port: int, state: Path, students: int, memory: str, student_memory: str, student_cpus: float):
        self.port, self.state, self.students, self.memory = port, state, students, memory
        self.student_memory, self.student_cpus = student_memory, student_cpus
        self.records = state / "student-memory.csv"
        self.token = secrets.token_hex(24)
        self.url = f"http://127.0.0.1:{port}"
        self.proc = None
        self.http = AsyncHTTPClient(max_clients=4 * students + 10)

    def start(self) -> None:
        env = dict(os.environ, COURSE_HUB_PORT=str(self.port), COURSE_HUB_USERS=str(self.students),
                   COURSE_HUB_DIR=str(self.state), COURSE_HUB_TOKEN=self.token, COURSE_SCALE="quick",
                   COURSE_HUB_MEM_LIMIT=self.student_memory, COURSE_HUB_CPU_LIMIT=str(self.student_cpus))
        self.state.mkdir(parents=True, exist_ok=True)
        self.records.unlink(missing_ok=True)
        self.log = open(self.state / "hub.log", "w")
        command = [str(ROOT / ".venv" / "bin" / "jupyterhub"), "-f", str(ROOT / "hub" / "jupyterhub_config.py")]
        if self.memory != "none":
            # The whole class (hub, proxy, servers, kernels, workers) inside one memory cgroup:
            # the server's size; what runs out is killed there, not elsewhere on the machine.
            command = [str(ROOT / "tools" / "cgroup-run.sh"), "--memory", self.memory,
                       "--cpus", str(os.cpu_count() or 1), "--name", f"course-class-{os.getpid()}", "--", *command]
        (self.state / "jupyterhub.pid").unlink(missing_ok=True)
        self.proc = subprocess.Popen(command,
                                     cwd=self.state, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    async def api(self, method: str, path: str, body=None, timeout=120, ok=(200, 201, 202, 204)):
        req = HTTPRequest(self.url + path, method=method, headers={"Authorization": f"token {self.token}"},
                          body=None if body is None and method not in ("POST", "PUT", "PATCH") else json.dumps(body or {}),
                          request_timeout=timeout, connect_timeout=timeout)
        try:
            resp = await self.http.fetch(req)
        except HTTPClientError as e:
            if e.response is not None and e.code in ok:
                resp = e.response
            else:
                detail = e.response.body.decode(errors="replace")[:300] if e.response is not None else ""
                raise RuntimeError(f"{method} {path}: HTTP {e.code} {detail}") from None
        return json.loads(resp.body) if resp.body else None

    async def wait_up(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub exited with {self.proc.returncode}; see {self.state / 'hub.log'}")
            try:
                await self.api("GET", "/hub/api/", timeout=5)
                return
            except Exception:  # noqa: BLE001 - not up yet
                await asyncio.sleep(0.5)
        raise RuntimeError(f"the hub did not answer within {timeout:.0f} s; see {self.state / 'hub.log'}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            # the hub stops every student's server as it exits (cleanup_servers)
            try:
                os.kill(int((self.state / "jupyterhub.pid").read_text().strip()), signal.SIGTERM)
            except (FileNotFoundError, ValueError, ProcessLookupError):
                self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
        self.log.close()

    def cgroup_report(self) -> str:
        """cgroup-run's last line in the hub log: the class's peak memory and OOM kills."""
        lines = [l for l in (self.state / "hub.log").read_text(errors="replace").splitlines() if l.startswith("cgroup-run: peak")]
        return lines[-1].removeprefix("cgroup-run: ") if lines else ""

    def student_records(self) -> dict[str, dict]:
        """The spawner's row per stopped server (hub/course_spawner.py): peak memory, OOM kills."""
        if not self.records.exists():
            return {}
        with open(self.records, newline="") as f:
            return {r["student"]: r for r in csv.DictReader(f)}


def message(msg_type: str, content: dict, session: str) -> dict:
    return {"header": {"msg_id": uuid.uuid4().hex, "username": "student", "session": session,
                       "msg_type": msg_type, "version": "5.3",
                       "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}


async def run_notebook(hub: Hub, user: str, path: Path, cell_timeout: float,
                       probe: bool = False) -> tuple[float, float, str, str, int]:
    """(seconds to the first cell's reply, seconds for the notebook, error or '', what the
    heap probe printed after the notebook, or '' when probe is False or the notebook failed,
    how often Jupyter restarted the kernel before it first answered)."""
    nb = nbformat.read(path, as_version=4)
    cells = [c.source for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    if probe:
        cells.append(HEAP_PROBE)
    printed, restarts = [], 0
    t0 = time.monotonic()
    sess = await hub.api("POST", f"/user/{user}/api/sessions", timeout=300,
                         body={"path": f"notebooks/{path.name}", "type": "notebook", "name": path.name,
                               "kernel": {"name": KERNEL_NAME}})
    kid = sess["kernel"]["id"]
    ws_url = hub.url.replace("http", "ws", 1) + f"/user/{user}/api/kernels/{kid}/channels"
    # The server answers the websocket handshake only once the kernel answered kernel_info: when
    # a whole class starts at once on 2 cores that took over 5 minutes; wait as long as a cell.
    ws = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {hub.token}"},
                                             connect_timeout=cell_timeout, request_timeout=cell_timeout),
                                 max_message_size=256 * MIB)
    first, error, session = None, "", uuid.uuid4().hex
    try:
        # As jupyter_client's wait_for_ready: ask for kernel_info until the kernel answers (a
        # request sent while the kernel is still starting may be lost), at most cell_timeout.
        ready_deadline = time.monotonic() + cell_timeout
        while not error:
            info = message("kernel_info_request", {}, session)
            await ws.write_message(json.dumps(info))
            retry_at = time.monotonic() + 5
            answered = False
            while time.monotonic() < min(retry_at, ready_deadline):
                try:
                    raw = await asyncio.wait_for(ws.read_message(), timeout=max(0.05, retry_at - time.monotonic()))
                except asyncio.TimeoutError:
                    break
                if raw is None:
                    error = "the kernel's connection closed before the kernel was ready"
                    break
                msg = json.loads(raw)
                if msg.get("msg_type") == "status" and msg["content"].get("execution_state") in ("restarting", "autorestarting"):
                    restarts += 1   # died while starting (a port taken: hub/jupyterhub_config.py), started again
                if msg.get("msg_type") == "kernel_info_reply" and msg.get("parent_header", {}).get("msg_id") == info["header"]["msg_id"]:
                    answered = True
                    break
            if answered:
                break
            if time.monotonic() >= ready_deadline:
                error = f"the kernel did not answer kernel_info within {cell_timeout:.0f} s"
        for index, code in enumerate(cells if not error else []):
            req = message("execute_request", {"code": code, "silent": False, "store_history": True,
                                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
                          session)
            await ws.write_message(json.dumps(req))
            deadline = time.monotonic() + cell_timeout
            reply = None
            while reply is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    error = f"cell {index + 1}: no reply within {cell_timeout:.0f} s"
                    break
                try:
                    raw = await asyncio.wait_for(ws.read_message(), timeout=left)
                except asyncio.TimeoutError:
                    continue
                if raw is None:
                    error = f"cell {index + 1}: the kernel's connection closed (kernel died?)"
                    break
                msg = json.loads(raw)
                # The server's own status messages (no parent): the kernel process died and
                # Jupyter restarts it (JupyterLab says "the kernel appears to have died"); the
                # request is lost with it, so waiting for its reply would wait for ever.
                state = msg["content"].get("execution_state") if msg.get("msg_type") == "status" else None
                if state in ("restarting", "dead", "autorestarting"):
                    error = (f"cell {index + 1}: the kernel died ({state}); "
                             "an out-of-memory kill shows in the student's oom_kills")
                    break
                if msg.get("parent_header", {}).get("msg_id") != req["header"]["msg_id"]:
                    continue
                if msg.get("msg_type") == "stream" and probe and index == len(cells) - 1:
                    printed.append(msg["content"].get("text", ""))
                if msg.get("msg_type") == "execute_reply":
                    reply = msg
            if error:
                break
            if first is None:
                first = time.monotonic() - t0
            if reply["content"].get("status") != "ok":
                c = reply["content"]
                error = f"cell {index + 1}: {c.get('ename', c.get('status'))}: {c.get('evalue', '')}"[:300]
                break
    finally:
        ws.close()
        try:
            await hub.api("DELETE", f"/user/{user}/api/sessions/{sess['id']}", timeout=120)
        except Exception:  # noqa: BLE001 - the server is stopped next anyway
            pass
    return (first if first is not None else float("nan")), time.monotonic() - t0, error, "".join(printed).strip(), restarts


def dump_student_jvms(user: str, out: Path) -> str:
    """Thread dumps (jcmd Thread.print) of the Java processes in a student's cgroup, for a
    student whose run failed: a kernel that never answered shows where it stood. Returns the
    files written, or why none."""
    name = f"course-class-{os.getpid()}/course-{user}"
    procs = next((p for p in (Path("/sys/fs/cgroup/memory") / name / "cgroup.procs",
                              Path("/sys/fs/cgroup") / name / "cgroup.procs") if p.exists()), None)
    if procs is None:
        return "no cgroup of the student's to look in"
    jcmd = Path(os.environ.get("JAVA_HOME", "")) / "bin" / "jcmd"
    written = []
    for pid in procs.read_text().split():
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() != "java":
                continue
            command = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")[:400]
            dump = subprocess.run([str(jcmd), pid, "Thread.print", "-l"], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue  # the process ended while we looked (its /proc entry went away), or jcmd hung
        target = out / "dumps" / f"{user}-{pid}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(command + "\n\n" + dump.stdout + dump.stderr)
        written.append(str(target))
    return ", ".join(written) or "no Java process left in the student's cgroup"


async def student(hub: Hub, i: int, notebooks: list[Path], cell_timeout: float, start_timeout: float,
                  out: Path) -> dict:
    user = f"student{i:02d}"
    row = {"student": user, "server_start_s": "", "first_result_s": ""}
    row.update({f"{p.stem.split('-')[0]}_s": "" for p in notebooks})
    row.update({"kernel_heap_max_mib": "", "kernel_restarts": 0, "peak_mib": "", "oom_kills": "", "error": ""})
    try:
        await hub.api("POST", f"/hub/api/users/{user}", ok=(201, 409))
        t0 = time.monotonic()
        await hub.api("POST", f"/hub/api/users/{user}/server", timeout=start_timeout)
        while True:
            model = await hub.api("GET", f"/hub/api/users/{user}")
            server = (model.get("servers") or {}).get("", {})
            if server.get("ready"):
                break
            if not server.get("pending") and not server:
                raise RuntimeError("the server stopped while starting")
            if time.monotonic() - t0 > start_timeout:
                raise RuntimeError(f"the server was not ready within {start_timeout:.0f} s")
            await asyncio.sleep(1)
        row["server_start_s"] = round(time.monotonic() - t0, 2)
        for n, path in enumerate(notebooks):
            first, seconds, error, heap, restarts = await run_notebook(hub, user, path, cell_timeout, probe=(n == 0))
            row["kernel_restarts"] += restarts
            if n == 0:
                row["first_result_s"] = round(first, 2)
                row["kernel_heap_max_mib"] = heap
            row[f"{path.stem.split('-')[0]}_s"] = round(seconds, 1)
            if error:
                row["error"] = f"{path.stem}: {error}"
                break
    except Exception as e:  # noqa: BLE001 - one student's failure is a row, not the end of the class
        row["error"] = row["error"] or f"{type(e).__name__}: {e}"[:300]
    finally:
        if row["error"]:
            print(f"{user}: {row['error']}; thread dumps: {await asyncio.to_thread(dump_student_jvms, user, out)}", flush=True)
        try:
            await hub.api("DELETE", f"/hub/api/users/{user}/server", timeout=120)
        except Exception:  # noqa: BLE001
            pass
    return row


async def sample_memory(hub: Hub, base: int, peaks: dict, stop: asyncio.Event) -> None:
    while not stop.is_set():
        _, tree, procs = await asyncio.to_thread(rss_tree, hub.proc.pid)
        peaks["tree"] = max(peaks["tree"], tree)
        peaks["procs"] = max(peaks["procs"], procs)
        peaks["machine"] = max(peaks["machine"], meminfo_used() - base)
        try:
            await asyncio.wait_for(stop.wait(), timeout=0.5)
        except asyncio.TimeoutError:
            pass


async def main_async(args) -> int:
    notebooks = []
    for prefix in args.notebooks:
        hits = sorted(NOTEBOOKS.glob(f"{prefix}-*.ipynb"))
        if not hits:
            sys.exit(f"bench class: no notebook {prefix}-*.ipynb in {NOTEBOOKS}")
        notebooks.append(hits[0])
    load = os.getloadavg()
    base = meminfo_used()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; memory in use before the hub "
          f"{base / MIB / 1024:.1f} GiB; {args.students} students, notebooks "
          f"{', '.join(p.stem for p in notebooks)}", flush=True)
    hub = Hub(args.port, args.state, args.students, args.memory, args.student_memory, args.student_cpus)
    hub.start()
    peaks = {"tree": 0, "procs": 0, "machine": 0}
    stop = asyncio.Event()
    try:
        await hub.wait_up(120)
        sampler = asyncio.create_task(sample_memory(hub, base, peaks, stop))
        t0 = time.monotonic()
        rows = await asyncio.gather(*(student(hub, i, notebooks, args.cell_timeout, args.start_timeout, args.out)
                                      for i in range(1, args.students + 1)))
        wall = time.monotonic() - t0
        stop.set()
        await sampler
    finally:
        stop.set()
        hub.stop()
    records = hub.student_records()
    for r in rows:
        rec = records.get(r["student"], {})
        r["peak_mib"], r["oom_kills"] = rec.get("peak_mib", ""), rec.get("oom_kills", "")
    for r in rows:
        print(f"{r['student']}: server {r['server_start_s']} s, first result {r['first_result_s']} s, "
              + ", ".join(f"{p.stem} {r[p.stem.split('-')[0] + '_s']} s" for p in notebooks)
              + f", kernel heap at most {r['kernel_heap_max_mib'] or '?'} MiB"
              + (f", kernel restarted {r['kernel_restarts']} x while starting" if r["kernel_restarts"] else "")
              + f", peak {r['peak_mib'] or '?'} MiB of {args.student_memory}, OOM kills {r['oom_kills'] or '?'}"
              + (f", ERROR {r['error']}" if r["error"] else ""))
    ok = [r for r in rows if not r["error"]]
    firsts = [r["first_result_s"] for r in rows if isinstance(r["first_result_s"], float)]
    peaks_mib = [int(r["peak_mib"]) for r in rows if str(r["peak_mib"]).isdigit()]
    student_ooms = sum(int(r["oom_kills"]) for r in rows if str(r["oom_kills"]).isdigit())
    summary = {
        "students": args.students, "finished": len(ok), "wall_s": round(wall, 1),
        "first_result_p50_s": round(quantile(firsts, 0.5), 2) if firsts else "",
        "first_result_p95_s": round(quantile(firsts, 0.95), 2) if firsts else "",
        "hub_tree_peak_gib": round(peaks["tree"] / MIB / 1024, 2), "peak_processes": peaks["procs"],
        "machine_peak_gib": round(peaks["machine"] / MIB / 1024, 2), "load_average_1min": round(load[0], 2),
        "class_memory_limit": args.memory, "cgroup": hub.cgroup_report(),
        "student_memory_limit": args.student_memory, "student_cpus": args.student_cpus,
        "student_peak_p50_mib": quantile(peaks_mib, 0.5) if peaks_mib else "",
        "student_peak_max_mib": max(peaks_mib) if peaks_mib else "",
        "student_oom_kills": student_ooms if peaks_mib else "",
        "kernel_restarts": sum(r["kernel_restarts"] for r in rows),
    }
    print(f"class of {args.students}: {len(ok)} finished every notebook without an error in {wall:.0f} s; "
          f"time to first result p50 {summary['first_result_p50_s']} s, p95 {summary['first_result_p95_s']} s; "
          f"peak memory of the hub's processes {summary['hub_tree_peak_gib']} GiB ({peaks['procs']} processes), "
          f"of the machine {summary['machine_peak_gib']} GiB above what was in use before"
          + (f"; class cgroup ({args.memory}): {summary['cgroup']}" if summary["cgroup"] else "")
          + (f"; per student ({args.student_memory}, {args.student_cpus:g} CPU): peak p50 {summary['student_peak_p50_mib']} MiB, "
             f"max {summary['student_peak_max_mib']} MiB, OOM kills {student_ooms}" if peaks_mib
             else "; no per-student cgroups (see the hub log: CgroupSpawner)"))
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "class.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
        f.write("\n")
        sw = csv.writer(f)
        sw.writerow(list(summary))
        sw.writerow(list(summary.values()))
    return 0 if len(ok) == args.students else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--students", type=int, default=20, help="simulated students at once (default 20)")
    ap.add_argument("--port", type=int, default=8217, help="the hub's port on 127.0.0.1 (uses PORT..PORT+2)")
    ap.add_argument("--cell-timeout", type=float, default=900, help="seconds per cell (default 900)")
    ap.add_argument("--start-timeout", type=float, default=600, help="seconds for a server to start (default 600)")
    ap.add_argument("--memory", default="16G",
                    help="memory limit of the whole class (a cgroup around the hub), e.g. 16G; 'none' for no limit "
                         "(default 16G: the machine is shared, an OOM must hit the class, not the neighbours)")
    ap.add_argument("--student-memory", default="1G",
                    help="each student's memory limit, enforced by a cgroup per student (default 1G: every lesson "
                         "passes at quick scale inside it)")
    ap.add_argument("--student-cpus", type=float, default=1.0, help="each student's CPU quota in CPUs (default 1)")
    ap.add_argument("--notebooks", default=",".join(NOTEBOOK_PREFIXES),
                    help="the notebooks each student runs, in order, by number (default 07.0,07.2)")
    ap.add_argument("--state", type=Path, default=ROOT / "build" / "bench" / "class-hub")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "bench")
    args = ap.parse_args()
    if not 1 <= args.students <= 500:
        sys.exit(f"bench class: --students {args.students} is not accepted; accepted: 1 to 500")
    if not 1024 <= args.port <= 65000 or 2022 <= args.port <= 2026:
        sys.exit(f"bench class: --port {args.port} is not accepted; accepted: 1024 to 65000, not 2022-2026")
    if args.memory != "none" and not re.fullmatch(r"[0-9]+[KMG]", args.memory):
        sys.exit(f"bench class: --memory '{args.memory}' is not accepted; accepted: a size such as 12G or 8192M, or 'none'")
    if not re.fullmatch(r"[0-9]+[KMG]", args.student_memory):
        sys.exit(f"bench class: --student-memory '{args.student_memory}' is not accepted; accepted: a size such as 1G or 768M")
    if not 0.01 <= args.student_cpus <= 64:
        sys.exit(f"bench class: --student-cpus {args.student_cpus} is not accepted; accepted: 0.01 to 64")
    args.notebooks = [n.strip() for n in args.notebooks.split(",") if n.strip()]
    if not args.notebooks or not all(re.fullmatch(r"07\.[0-8]", n) for n in args.notebooks):
        sys.exit(f"bench class: --notebooks is not accepted; accepted: lesson numbers 07.0 to 07.8, comma-separated, e.g. 07.0,07.2")
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
