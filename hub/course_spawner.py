"""Every student's server in a cgroup of its own: `./course hub` and `./course bench class`.

JupyterHub's local-process spawners only *announce* `mem_limit` and `cpu_limit` (as MEM_LIMIT
and CPU_LIMIT in the server's environment); nothing enforces them. On Kubernetes the pod's
container is the limit, and on The Littlest JupyterHub the systemd spawner puts each server in a
systemd unit, which is a cgroup. `CgroupSpawner` does the same with the cgroup files directly:
before a student's server starts it makes a cgroup for that student (memory limit = mem_limit,
no swap, a CPU quota = cpu_limit), the server joins it before it runs a line, and so does every
process the server starts: its kernels and their worker JVMs. Two things follow:

- each JVM sizes its heap from the student's limit, not from the whole machine (the JVM reads
  the cgroup it runs in: a 1 GiB student gets a 256 MiB kernel heap, as on Binder);
- what runs out of memory is that student's largest process, killed inside that student's
  cgroup (Jupyter then restarts the kernel and the notebook says so), never a neighbour's.

When the server stops, the spawner records the cgroup's peak memory and its OOM kills in
COURSE_HUB_DIR/student-memory.csv (one row per server run: the instructor's view, and the
figures `./course bench class` reports), kills whatever the server left behind, and removes
the cgroup.

Where the cgroups go: under the directories named in COURSE_CGROUP_PARENTS when it is set
(tools/cgroup-run.sh sets it for what it runs: the class cgroup of `./course bench class`, so
the students' cgroups sit inside the class's); otherwise, on cgroup v1, under the hub's own
memory and cpu cgroups, and on cgroup v2 at the root when the hub runs there. Anywhere else, or
without the rights to write cgroup files (not root), the hub logs why once and the servers run
without enforced limits, as with the plain local spawner.
"""
import asyncio
import csv
import os
import signal
import time
from pathlib import Path

from jupyterhub.spawner import SimpleLocalProcessSpawner
from traitlets import Unicode

CGROUP_ROOT = Path("/sys/fs/cgroup")
CPU_PERIOD_US = 100_000


def cgroup_version() -> int:
    if (CGROUP_ROOT / "cgroup.controllers").is_file():
        return 2
    if (CGROUP_ROOT / "memory").is_dir() and (CGROUP_ROOT / "cpu").is_dir():
        return 1
    return 0


def own_cgroups() -> dict[str, str]:
    """This process's cgroup path per controller ('memory', 'cpu'; '' for the v2 hierarchy)."""
    paths = {}
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        for c in controllers.split(",") if controllers else [""]:
            paths[c] = path
    return paths


def parent_dirs() -> tuple[list[Path], str]:
    """(the directories a student's cgroup is made in, one per hierarchy; or [] and why not)."""
    version = cgroup_version()
    if version == 0:
        return [], "no cgroup v1 (memory, cpu) or v2 hierarchy is mounted under /sys/fs/cgroup"
    if os.environ.get("COURSE_CGROUP_PARENTS"):
        dirs = [Path(p) for p in os.environ["COURSE_CGROUP_PARENTS"].split(":") if p]
    elif version == 1:
        own = own_cgroups()
        dirs = [CGROUP_ROOT / "memory" / own.get("memory", "/").lstrip("/"),
                CGROUP_ROOT / "cpu" / own.get("cpu", "/").lstrip("/")]
    else:
        own = own_cgroups().get("", "/")
        if own != "/":
            # v2 lets a cgroup with processes in it (the hub's) have no child with limits
            return [], (f"on cgroup v2 the hub's cgroup {own} holds processes, so it cannot have "
                        "limited children; run the hub under tools/cgroup-run.sh (it sets "
                        "COURSE_CGROUP_PARENTS) or at the root cgroup")
        dirs = [CGROUP_ROOT]
    for d in dirs:
        if not os.access(d, os.W_OK):
            return [], f"{d} is not writable (not root, or no delegated cgroup)"
    return dirs, ""


class CgroupSpawner(SimpleLocalProcessSpawner):
    """SimpleLocalProcessSpawner whose servers run inside a cgroup each (see the module)."""

    record_file = Unicode("", config=True,
                          help="CSV file that gets a row per stopped server: its cgroup's peak memory and OOM kills")
    cgroup_prefix = Unicode("course-", config=True, help="name prefix of the students' cgroups")

    _warned = False
    _cgroup_dirs: list = []

    def _dirs(self) -> list[Path]:
        parents, why = parent_dirs()
        if not parents:
            if not CgroupSpawner._warned:
                self.log.warning("CgroupSpawner: servers run without enforced limits: %s", why)
                CgroupSpawner._warned = True
            return []
        name = f"{self.cgroup_prefix}{self.user.name}"
        return [p / name for p in parents]

    def _files(self, dirs: list[Path]) -> dict[str, Path]:
        """The files this spawner uses, whichever version the cgroup hierarchy is."""
        if cgroup_version() == 2:
            d = dirs[0]
            return {"limit": d / "memory.max", "swap": d / "memory.swap.max", "cpu": d / "cpu.max",
                    "peak": d / "memory.peak", "events": d / "memory.events"}
        mem, cpu = dirs
        return {"limit": mem / "memory.limit_in_bytes", "swap": mem / "memory.memsw.limit_in_bytes",
                "cpu_quota": cpu / "cpu.cfs_quota_us", "cpu_period": cpu / "cpu.cfs_period_us",
                "peak": mem / "memory.max_usage_in_bytes", "events": mem / "memory.oom_control"}

    async def _make(self, dirs: list[Path]) -> None:
        for d in dirs:
            if d.is_dir():
                await self._kill_all(d)   # left over from a hub that died without stopping this server
            d.mkdir(exist_ok=True)
        f = self._files(dirs)
        limit = int(self.mem_limit) if self.mem_limit else None
        quota = int(self.cpu_limit * CPU_PERIOD_US) if self.cpu_limit else None
        if cgroup_version() == 2:
            f["limit"].write_text(str(limit) if limit else "max")
            if f["swap"].exists():
                f["swap"].write_text("0")
            f["cpu"].write_text(f"{quota if quota else 'max'} {CPU_PERIOD_US}")
        else:
            f["limit"].write_text(str(limit) if limit else "-1")
            if limit and f["swap"].exists():
                try:
                    f["swap"].write_text(str(limit))   # memory + swap = memory: no swap
                except OSError:
                    pass
            f["cpu_period"].write_text(str(CPU_PERIOD_US))
            f["cpu_quota"].write_text(str(quota) if quota else "-1")

    def make_preexec_fn(self, name):
        chdir_home = super().make_preexec_fn(name)
        procs = [d / "cgroup.procs" for d in self._cgroup_dirs]

        def preexec():
            for p in procs:   # in the child, before exec: the server and all it starts live here
                with open(p, "w") as f:
                    f.write(str(os.getpid()))
            chdir_home()

        return preexec

    async def start(self):
        self._cgroup_dirs = self._dirs()
        if self._cgroup_dirs:
            await self._make(self._cgroup_dirs)
            self.log.info("CgroupSpawner: %s runs in %s (memory %s, CPU %s)", self.user.name,
                          ", ".join(map(str, self._cgroup_dirs)), self.mem_limit or "unlimited",
                          self.cpu_limit or "unlimited")
        return await super().start()

    async def stop(self, now=False):
        await super().stop(now=now)
        dirs = getattr(self, "_cgroup_dirs", None) or []
        if not dirs:
            return
        f = self._files(dirs)
        peak = _read_int(f["peak"])
        ooms = _oom_kills(f["events"])
        for d in dirs:
            await self._kill_all(d)
        for d in dirs:
            for _ in range(20):
                try:
                    d.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    await asyncio.sleep(0.25)
        self.log.info("CgroupSpawner: %s stopped; peak memory %s MiB of %s, OOM kills %s", self.user.name,
                      peak // 2**20 if peak is not None else "?", self.mem_limit or "unlimited", ooms)
        if self.record_file:
            path = Path(self.record_file)
            new = not path.exists()
            with open(path, "a", newline="") as out:
                w = csv.writer(out)
                if new:
                    w.writerow(["student", "stopped_at", "memory_limit_mib", "cpu_limit", "peak_mib", "oom_kills"])
                w.writerow([self.user.name, time.strftime("%Y-%m-%dT%H:%M:%S"),
                            int(self.mem_limit) // 2**20 if self.mem_limit else "", self.cpu_limit or "",
                            round(peak / 2**20) if peak is not None else "", ooms if ooms is not None else ""])
        self._cgroup_dirs = []

    async def _kill_all(self, d: Path) -> None:
        """SIGKILL whatever is still in cgroup d (a worker JVM whose parent is gone, say)."""
        kill_file = d / "cgroup.kill"
        if kill_file.exists():
            try:
                kill_file.write_text("1")
                return
            except OSError:
                pass
        for _ in range(10):
            try:
                pids = [int(p) for p in (d / "cgroup.procs").read_text().split()]
            except FileNotFoundError:
                return
            if not pids:
                return
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            await asyncio.sleep(0.2)


def _read_int(path: Path):
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _oom_kills(events: Path):
    try:
        for line in events.read_text().splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return int(value)
    except (OSError, ValueError):
        pass
    return None
