"""Resident memory of a process and its descendants, from /proc (Linux).

`rss_tree(pid)` is the sum of VmRSS over a process and every process below it (a kernel JVM
and the worker JVMs of its process pool); `PeakSampler` polls that sum in a thread and keeps
the highest value. Pages shared between processes count once per process, as `top` shows
them: an upper bound of what they take together.
"""
import os
import threading
from pathlib import Path

MIB = 1024 * 1024


def rss_bytes(pid: int) -> int:
    """VmRSS of one process in bytes; 0 if it is gone or has no memory (a zombie)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return 0


def children_map() -> dict[int, list[int]]:
    """Parent pid -> child pids, for every process visible in /proc."""
    out: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        # the command name may hold spaces and parentheses: the fields start after the last ')'
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        out.setdefault(ppid, []).append(int(entry))
    return out


def descendants(pid: int) -> list[int]:
    kids, seen, todo = children_map(), [], [pid]
    while todo:
        p = todo.pop()
        for c in kids.get(p, []):
            seen.append(c)
            todo.append(c)
    return seen


def rss_tree(pid: int) -> tuple[int, int, int]:
    """(RSS of pid, RSS of pid plus all its descendants, number of descendants), in bytes."""
    own = rss_bytes(pid)
    below = descendants(pid)
    return own, own + sum(rss_bytes(p) for p in below), len(below)


class PeakSampler:
    """Polls rss_tree(pid) every `interval` seconds in a daemon thread; keeps the peaks."""

    def __init__(self, pid: int, interval: float = 0.1):
        self.pid, self.interval = pid, interval
        self.peak_own = self.peak_tree = self.peak_procs = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name=f"rss-{pid}")

    def _run(self) -> None:
        while not self._stop.is_set():
            own, tree, procs = rss_tree(self.pid)
            self.peak_own = max(self.peak_own, own)
            self.peak_tree = max(self.peak_tree, tree)
            self.peak_procs = max(self.peak_procs, procs)
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
