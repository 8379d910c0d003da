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
import time
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


def test_the_launcher_holds_the_ports_until_jjava_binds_them(tmp_path):
    """While the kernel starts, its shell port is already listening (kernel-setup/launcher/
    PortGuard.java), so no connection can be given that port as its own; the first connection
    meets the guard, which sends nothing, not JJava's ZeroMQ socket, which greets at once."""
    spec = json.loads((Path(KernelSpecManager().get_kernel_spec(KERNEL_NAME).resource_dir) / "kernel.json").read_text())
    assert "concurrencylab.kernel.launch.PortGuard" in spec["argv"], spec["argv"]
    ports = {name: free_port() for name in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}
    conn_file = tmp_path / "kernel.json"
    conn_file.write_text(json.dumps({**ports, "ip": "127.0.0.1", "key": "k", "transport": "tcp",
                                     "signature_scheme": "hmac-sha256", "kernel_name": KERNEL_NAME}))
    argv = [a.replace("{connection_file}", str(conn_file)) for a in spec["argv"]]
    kernel = subprocess.Popen(argv, env=dict(os.environ, **spec.get("env", {})),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        first = None
        while first is None and time.monotonic() < deadline and kernel.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", ports["shell_port"]), timeout=1) as s:
                    s.settimeout(0.3)
                    try:
                        first = s.recv(1) or b""      # b"": the guard let go (reset)
                    except (socket.timeout, ConnectionResetError):
                        first = b""                   # the guard: listening, silent
            except OSError:
                time.sleep(0.01)                      # nobody listens yet
        assert first is not None, "the shell port never listened"
        assert first != b"\xff", "the first connection met JJava's socket: the port was not held before it bound"
        # and JJava binds the port right after: a later connection is greeted
        greeted = False
        while not greeted and time.monotonic() < deadline and kernel.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", ports["shell_port"]), timeout=1) as s:
                    s.settimeout(1)
                    greeted = s.recv(1) == b"\xff"
            except OSError:
                time.sleep(0.05)
        assert greeted, "JJava's socket never took the port over"
    finally:
        kernel.kill()
        kernel.wait(timeout=30)
