"""The course kernel, started on a connection file whose shell port another process holds,
ends at once with status 1 and says why on its standard error (it used to end with status 0
and print nothing: Jupyter then restarted it on the same ports, over and over, and the
student's notebook never connected; `./course bench class` met it with 20 servers choosing
ports at once)."""
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from courselib import KERNEL_NAME  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_kernel_with_a_taken_port_exits_non_zero_and_says_why(tmp_path):
    spec = json.loads((Path(KernelSpecManager().get_kernel_spec(KERNEL_NAME).resource_dir) / "kernel.json").read_text())
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        taken = blocker.getsockname()[1]
        conn = {"shell_port": taken, "iopub_port": free_port(), "stdin_port": free_port(),
                "control_port": free_port(), "hb_port": free_port(), "ip": "127.0.0.1", "key": "k",
                "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "java-concurrency"}
        conn_file = tmp_path / "kernel.json"
        conn_file.write_text(json.dumps(conn))
        argv = [a.replace("{connection_file}", str(conn_file)) for a in spec["argv"]]
        done = subprocess.run(argv, env=dict(os.environ, **spec.get("env", {})), capture_output=True,
                              text=True, timeout=120)
    err = done.stderr
    assert done.returncode == 1, f"exit {done.returncode}; stderr: {err[-2000:]}"
    assert "course kernel: the kernel stopped before it could serve Jupyter" in err, err[-2000:]
    assert "taken by another process" in err, err[-2000:]
