"""JupyterHub for a class on one machine: `./course hub`.

Loopback only; the dummy authenticator (any password, or COURSE_HUB_PASSWORD); every student
gets a single-user JupyterLab started as a local process in a cgroup of its own (CgroupSpawner,
hub/course_spawner.py: the memory and CPU limits below are enforced, and each JVM sizes its heap
from the student's limit; no system users needed and no file isolation between students, so for
trying and measuring a class, not for a real one: a real class uses deploy/z2jh-values.yaml on
Kubernetes, or The Littlest JupyterHub). Each student's home is build/hub/home/NAME, with a copy of the lessons made at
first login, and the course opens on login (README, "Teaching a class"). Settings come from
the environment, set by `./course hub` and `./course bench class`:

  COURSE_HUB_PORT     the hub's port on 127.0.0.1 (default 8017)
  COURSE_HUB_DIR      where the hub keeps its database, secret and homes (default build/hub)
  COURSE_HUB_TOKEN    an API token for `./course bench class` (a service with admin rights)
  COURSE_HUB_USERS    how many students may log in: student01 ... studentNN (default 30)
  COURSE_HUB_MEM_LIMIT  each student's memory limit (default 1G), enforced by the student's
                        cgroup and shown by jupyter-resource-usage against their usage
  COURSE_HUB_CPU_LIMIT  each student's CPU quota, in CPUs (default 1, as Binder)

Every stopped server adds a row (peak memory, OOM kills) to COURSE_HUB_DIR/student-memory.csv.
"""
import os
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub

ROOT = Path(__file__).resolve().parents[1]
STATE = Path(os.environ.get("COURSE_HUB_DIR", ROOT / "build" / "hub")).resolve()
STATE.mkdir(parents=True, exist_ok=True)
PORT = int(os.environ.get("COURSE_HUB_PORT", "8017"))
USERS = int(os.environ.get("COURSE_HUB_USERS", "30"))
VENV_BIN = Path(sys.executable).parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from course_spawner import CgroupSpawner  # noqa: E402

c.JupyterHub.bind_url = f"http://127.0.0.1:{PORT}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("COURSE_HUB_API_PORT", str(PORT + 1)))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PORT + 2}"
c.ConfigurableHTTPProxy.command = [str(ROOT / "hub" / "node_modules" / ".bin" / "configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True

c.JupyterHub.authenticator_class = "dummy"
if os.environ.get("COURSE_HUB_PASSWORD"):
    c.DummyAuthenticator.password = os.environ["COURSE_HUB_PASSWORD"]
c.Authenticator.allowed_users = {f"student{i:02d}" for i in range(1, USERS + 1)}
c.Authenticator.admin_users = {"instructor"}

c.JupyterHub.spawner_class = CgroupSpawner
c.CgroupSpawner.record_file = str(STATE / "student-memory.csv")
c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "home" / "{username}")
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
# Kernel ports on one machine (README, "Kernel ports on one machine"): the server picks a
# kernel's five ports when it starts the JVM and connects to them at once, while JJava binds them
# only at the end of its start, 30 to 45 s later when a class of 20 starts on 2 cores; a retried
# connection could take one of them (TCP self-connect) and the kernel died. The kernel's launcher
# (kernel-setup/launcher/PortGuard.java) now holds the ports from the JVM's start. Should a
# kernel still die while starting (it says why on stderr: concurrencylab.notebook.KernelExit),
# stable_start_time=300 makes the restarter choose new ports for a kernel that dies in its first
# 5 minutes, not only in its first 10 s. The server's first kernel_info request then went to the
# dead kernel: it waits kernel_info_timeout before it opens the notebook's connection and asks
# the new kernel ("nudge"): 90 s, as a kernel's first answer took up to 45 s in a class of 20.
c.Spawner.args = ["--MappingKernelManager.kernel_info_timeout=90", "--KernelRestarter.stable_start_time=300"] + (["--allow-root"] if os.geteuid() == 0 else [])
c.Spawner.default_url = "/lab/tree/notebooks/00-Index.ipynb"
c.Spawner.notebook_dir = "~"
# 1G: every lesson passes at quick scale in a 1 GiB, 1 CPU cgroup (README, "Teaching a class").
c.Spawner.mem_limit = os.environ.get("COURSE_HUB_MEM_LIMIT", "1G")
c.Spawner.cpu_limit = float(os.environ.get("COURSE_HUB_CPU_LIMIT", "1"))
c.Spawner.environment = {"COURSE_SCALE": "quick", "PATH": f"{VENV_BIN}:{os.environ.get('PATH', '')}"}
c.Spawner.start_timeout = 300   # 20 students starting at once on 2 cores
c.Spawner.http_timeout = 300


def copy_lessons(spawner):
    """At a student's first start: their own copy of the lessons in their home."""
    home = Path(spawner.home_dir)
    home.mkdir(parents=True, exist_ok=True)
    target = home / "notebooks"
    if not target.exists():
        shutil.copytree(ROOT / "notebooks", target)
        for extra in ("datasets",):
            if (ROOT / extra).exists() and not (home / extra).exists():
                (home / extra).symlink_to(ROOT / extra)


c.Spawner.pre_spawn_hook = copy_lessons

services = [{"name": "idle-culler",
             "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600", "--cull-every=300"]}]
roles = [{"name": "idle-culler", "services": ["idle-culler"],
          "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]}]
if os.environ.get("COURSE_HUB_TOKEN"):
    services.append({"name": "course-bench", "api_token": os.environ["COURSE_HUB_TOKEN"]})
    roles.append({"name": "course-bench", "services": ["course-bench"],
                  "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users"]})
c.JupyterHub.services = services
c.JupyterHub.load_roles = roles
