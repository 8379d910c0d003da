"""Interrupting a cell in the real course kernel stops what the cell started, and nothing else.

Drives the kernel with jupyter_client, as JupyterLab does: each case cell prints CELL-STARTED
as its first statement; 1.5 s after that line arrives, the test sends an interrupt (the
kernelspec's interrupt_mode is "message"), waits for the cell to end, then checks within 3 s of
the interrupt, in a new cell, that the kernel answers, that the next cell runs, and that the
platform and virtual threads, child JVMs and listening ports are the same as before the cell
(by identity, JVM-owned threads such as carriers and common-pool workers aside), and that what
earlier cells started (a thread, a virtual thread, a pool with a task, a lab server, a process
pool) is alive and was never interrupted.

A second test has a background thread of one cell print while the next cell runs, and checks
that its lines are marked with the cell and thread they came from.

Every wait is bounded. COURSE_INTERRUPT_REPS=5 repeats each case (the medians in the report);
the times are printed and written to build/bench/interrupt.csv.
"""
import csv
import os
import re
import statistics
import sys
import time
from pathlib import Path

import pytest
from jupyter_client.kernelspec import NoSuchKernel
from jupyter_client.manager import start_new_kernel

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from courselib import KERNEL_NAME as KERNEL  # noqa: E402
INTERRUPT_AFTER = 1.5   # seconds after the cell printed CELL-STARTED
CLEAN_WITHIN = 3.0      # seconds from the interrupt to everything back as before
REPS = int(os.environ.get("COURSE_INTERRUPT_REPS", "1"))
TIMES: dict[str, list[float]] = {}

STARTED = 'System.out.println("CELL-STARTED");\n'
SLEEPER = "() -> { Thread.sleep(30_000); return 1; }"
NAP = "() -> { try { Thread.sleep(30_000); } catch (InterruptedException e) { } }"

# Each case runs far longer than the test waits (30 s sleeps, 40 full scans) and is ended by
# the interrupt; `expect` is what its one-line report must say.
CASES = {
    "structured-scan": (
        # every port but 2024, which belongs to the machine (see notebook 7.6)
        "var scanner = new StructuredPortScanner();\n"
        "var everyPort = ScanRequest.loopback(PortSpec.all().without(2024));\n"
        "for (int i = 0; i < 40; i++) scanner.scan(everyPort);",
        r"interrupted: stopped \d+ threads \(virtual\) started by this cell"),
    "fixed-pool-closed": (
        "try (var pool = Executors.newFixedThreadPool(4)) {\n"
        f"    var fs = new ArrayList<Future<Integer>>();\n"
        f"    for (int i = 0; i < 4; i++) fs.add(pool.submit({SLEEPER}));\n"
        "    for (var f : fs) f.get();\n"
        "}",
        r"interrupted: stopped 4 threads, 1 executor started by this cell"),
    "fixed-pool-never-closed": (
        "var leakyPool = Executors.newFixedThreadPool(4);\n"
        f"var leakyFutures = new ArrayList<Future<Integer>>();\n"
        f"for (int i = 0; i < 4; i++) leakyFutures.add(leakyPool.submit({SLEEPER}));\n"
        "for (var f : leakyFutures) f.get();",
        r"interrupted: stopped 4 threads, 1 executor started by this cell"),
    "virtual-executor": (
        "try (var vexec = Executors.newVirtualThreadPerTaskExecutor()) {\n"
        f"    for (int i = 0; i < 4; i++) vexec.submit({SLEEPER});\n"
        "}",
        r"interrupted: stopped 4 threads \(virtual\), 1 executor started by this cell"),
    "raw-virtual-threads": (
        f"for (int i = 0; i < 4; i++) Thread.ofVirtual().name(\"raw-v-\" + i).start({NAP});\n"
        "Thread.sleep(30_000);",
        r"interrupted: stopped 4 threads \(virtual\) started by this cell"),
    "raw-platform-threads": (
        f"for (int i = 0; i < 4; i++) new Thread({NAP}, \"raw-p-\" + i).start();\n"
        "Thread.sleep(30_000);",
        r"interrupted: stopped 4 threads started by this cell"),
    "process-pool": (
        "var procs = ProcessPool.of(2);\n"
        "var busy1 = procs.submit(LabTasks.sleep(30_000));\n"
        "var busy2 = procs.submit(LabTasks.sleep(30_000));\n"
        "busy1.get(); busy2.get();",
        r"interrupted: stopped \d+ threads, 2 worker JVMs started by this cell"),
    "lab-server": (
        "var cellServer = LabServer.start();\n"
        # one request over a raw socket: an HttpClient would start worker threads of its own
        "try (var s = new java.net.Socket(\"127.0.0.1\", cellServer.port())) {\n"
        "    s.getOutputStream().write(\"GET /img/1 HTTP/1.0\\r\\n\\r\\n\".getBytes());\n"
        "    s.getInputStream().readAllBytes();\n"
        "}\n"
        "Thread.sleep(30_000);",
        r"interrupted: stopped .*1 lab server.* started by this cell"),
    "completable-future-chain": (
        "CompletableFuture.supplyAsync(() -> {\n"
        "    try { Thread.sleep(30_000); } catch (InterruptedException e) { throw new CompletionException(e); }\n"
        "    return 1;\n"
        "}).thenApply(x -> x + 1).thenApply(x -> x * 2).join();",
        r"interrupted: .*interrupted 1 task of this cell on shared threads \(ForkJoinPool\.commonPool-worker-\d+\)"),
    "platform-acceptor": (
        "var listener = new java.net.ServerSocket(0);\n"
        "new Thread(() -> { try { listener.accept(); } catch (IOException e) { } }, \"acceptor\").start();\n"
        "Thread.sleep(30_000);",
        r"interrupted: stopped 1 thread, 1 listening socket started by this cell"),
}

SETUP = r'''
var earlierInterrupts = new java.util.concurrent.atomic.AtomicInteger();
Runnable earlierLoop = () -> {
    for (int i = 0; i < 6000; i++) {  // bounded: 10 minutes at most
        try { Thread.sleep(100); } catch (InterruptedException e) { earlierInterrupts.incrementAndGet(); }
    }
};
var earlierThread = Thread.ofPlatform().daemon().name("earlier-platform").start(earlierLoop);
var earlierVirtual = Thread.ofVirtual().name("earlier-virtual").start(earlierLoop);
var earlierPool = Executors.newFixedThreadPool(1);
var earlierTask = earlierPool.submit(earlierLoop);
var earlierServer = LabServer.start();
var earlierProcs = ProcessPool.of(1);
var earlierProcsTask = earlierProcs.submit(LabTasks.sleep(600_000));
var spinStop = new java.util.concurrent.atomic.AtomicBoolean();
// one client for the whole test, running on the caller's thread: no worker threads come and go
var probeClient = HttpClient.newBuilder().executor(Runnable::run).build();
// What a case is compared with: threads (platform and virtual, the JVM's own left out),
// child processes, listening ports; by identity (LeakCheck) and by count.
java.util.regex.Pattern jvmOwned = java.util.regex.Pattern.compile(
    "(ForkJoinPool-\\d+-worker-\\d+|ForkJoinPool\\.commonPool-worker-\\d+|.*Poller.*|process reaper.*|"
    + "Common-Cleaner|VirtualThread-.*|.*-delayScheduler|Reference Handler|Finalizer|Signal Dispatcher|"
    + "Notification Thread|Attach Listener|course-interrupt-cell-\\d+|course-stop-.*)");
String census() {
    var threads = ThreadDump.take().threads().stream().filter(t -> !jvmOwned.matcher(t.name()).matches()).toList();
    long platform = threads.stream().filter(t -> !t.virtual()).count();
    long virtual = threads.stream().filter(t -> t.virtual()).count();
    long children = ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
    return "platform=" + platform + " virtual=" + virtual + " children=" + children
        + " ports=" + concurrencylab.lab.debug.JvmListeningPorts.ofThisJvm().size();
}
String earlierState() {
    boolean serverAnswers;
    try {
        serverAnswers = probeClient.send(HttpRequest.newBuilder(earlierServer.imageUri(0))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (Exception e) { serverAnswers = false; }
    return "interrupts=" + earlierInterrupts.get() + " platform=" + earlierThread.isAlive()
        + " virtual=" + earlierVirtual.isAlive() + " pool=" + (!earlierPool.isShutdown() && !earlierTask.isDone())
        + " server=" + (!earlierServer.isClosed() && serverAnswers)
        + " procs=" + (!earlierProcs.isShutdown() && !earlierProcsTask.isDone() && earlierProcs.workerPids().size() == 1);
}
// Polls until the census equals `before` and nothing new is alive, or until `deadlineMillis`.
String waitClean(LeakCheck baseline, String before, long deadlineMillis) throws InterruptedException {
    while (true) {
        var leaks = baseline.leaksSince(Duration.ZERO);
        var now = census();
        long at = System.currentTimeMillis();
        if (leaks.isClean() && now.equals(before)) return "CLEAN at=" + at;
        if (at >= deadlineMillis) return "DIRTY census=" + now + " before=" + before + " leaks=" + leaks;
        Thread.sleep(25);
    }
}
"census=" + census() + " earlier=" + earlierState()
'''


class Kernel:
    """One course kernel with a blocking client; every wait has a timeout."""

    def __init__(self):
        try:
            self.km, self.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)
        except NoSuchKernel:
            pytest.fail(f"kernelspec {KERNEL!r} is not installed: run ./course setup first")

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def run(self, code: str, timeout: float = 120, interrupt_after_start: float | None = None):
        """Runs a cell; returns (reply content, stdout text, error texts, interrupt epoch or None)."""
        msg_id = self.kc.execute(code)
        stdout, errors = [], []
        deadline = time.monotonic() + timeout
        interrupt_at = None
        interrupted = None
        while True:
            now = time.monotonic()
            if now >= deadline:
                raise AssertionError(f"cell did not finish within {timeout} s:\n{code}\noutput so far:\n{''.join(stdout)}")
            if interrupt_at is not None and interrupted is None and now >= interrupt_at:
                self.km.interrupt_kernel()
                interrupted = time.time()
            wait = deadline - now if interrupt_at is None or interrupted is not None else max(0.01, interrupt_at - now)
            try:
                msg = self.kc.get_iopub_msg(timeout=min(wait, 5))
            except Exception:  # queue.Empty: nothing yet
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                stdout.append(content["text"])
                if interrupt_after_start is not None and interrupt_at is None and "CELL-STARTED" in "".join(stdout):
                    interrupt_at = time.monotonic() + interrupt_after_start
            elif kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}")
            elif kind == "status" and content["execution_state"] == "idle":
                break
        reply = self.kc.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=30)
        return reply["content"], "".join(stdout), errors, interrupted

    def value(self, code: str, timeout: float = 60) -> str:
        content, out, errors, _ = self.run(f'System.out.println({code});', timeout)
        assert content["status"] == "ok", f"{code} failed: {errors}"
        return out.strip()


@pytest.fixture(scope="module")
def kernel():
    k = Kernel()
    try:
        content, _, errors, _ = k.run(SETUP, timeout=180)
        assert content["status"] == "ok", f"setup cell failed: {errors}"
        yield k
    finally:
        try:
            k.run("spinStop.set(true); earlierProcs.shutdownNow(); earlierServer.close(); earlierPool.shutdownNow();", 30)
        finally:
            k.close()


def earlier_ok(k: Kernel) -> str:
    state = k.value("earlierState()", timeout=60)
    assert state == "interrupts=0 platform=true virtual=true pool=true server=true procs=true", \
        f"something an earlier cell started was touched: {state}"
    return state


@pytest.mark.parametrize("case", list(CASES))
def test_interrupt_stops_what_the_cell_started_and_nothing_else(kernel, case):
    code, expect = CASES[case]
    for rep in range(REPS):
        before = kernel.value("census()")
        content, _, errors, _ = kernel.run("var baseline = LeakCheck.snapshot();", 60)
        assert content["status"] == "ok", errors

        # one block, so one snippet: compiled before CELL-STARTED prints
        content, out, errors, interrupted = kernel.run("{\n" + STARTED + code + "\n}", timeout=90,
                                                       interrupt_after_start=INTERRUPT_AFTER)
        assert interrupted is not None, f"{case}: the cell ended before it was interrupted: {out} {errors}"
        assert content["status"] == "error" and any("Interrupted" in e for e in errors), \
            f"{case}: the cell was not interrupted: {content['status']} {errors}"
        report = [line for line in out.splitlines() if line.startswith("interrupted:")]
        assert len(report) == 1, f"{case}: expected one report line, got:\n{out}"
        assert re.search(expect, report[0]), f"{case}: report {report[0]!r} does not match {expect!r}"
        assert "still running" not in report[0], f"{case}: {report[0]}"

        # the kernel answers, and the next cell runs: within CLEAN_WITHIN of the interrupt,
        # everything the cell started is gone
        info = kernel.kc.kernel_info(reply=True, timeout=10)
        assert info["msg_type"] == "kernel_info_reply" and info["content"].get("protocol_version"), info
        deadline_ms = int((interrupted + CLEAN_WITHIN) * 1000)
        verdict = kernel.value(f'waitClean(baseline, "{before}", {deadline_ms}L)', timeout=30)
        assert verdict.startswith("CLEAN at="), f"{case}: not back to before {CLEAN_WITHIN} s after the interrupt: {verdict}"
        took = int(verdict.split("=")[1]) / 1000 - interrupted
        TIMES.setdefault(case, []).append(took)
        print(f"{case} #{rep + 1}: clean {took:.2f} s after the interrupt; {report[0]}")
        earlier_ok(kernel)


def test_a_thread_that_ignores_interrupts_is_named_not_killed(kernel):
    code = ('Thread.ofPlatform().name("stubborn-spinner").start(() -> { while (!spinStop.get()) Thread.onSpinWait(); });\n'
            "Thread.sleep(30_000);")
    content, out, errors, interrupted = kernel.run("{\n" + STARTED + code + "\n}", timeout=90,
                                                   interrupt_after_start=INTERRUPT_AFTER)
    assert interrupted is not None and content["status"] == "error", errors
    report = [line for line in out.splitlines() if line.startswith("interrupted:")]
    assert len(report) == 1, out
    assert re.search(r"still running, it ignores interrupts: stubborn-spinner at \S*lambda\S*\(\S+:\d+\)", report[0]), report[0]
    assert kernel.value('Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("stubborn-spinner"))') == "true", \
        "the spinning thread must be left running, not killed"
    content, _, errors, _ = kernel.run('spinStop.set(true); Thread.sleep(300); '
                                       'System.out.println(Thread.getAllStackTraces().keySet().stream()'
                                       '.anyMatch(t -> t.getName().equals("stubborn-spinner")));', 30)
    assert content["status"] == "ok", errors
    earlier_ok(kernel)


def test_background_output_is_marked_with_its_cell_and_thread(kernel):
    start, _, errors, _ = kernel.run(
        'var printer = Thread.ofPlatform().name("bg-printer").start(() -> {\n'
        '    for (int i = 0; i < 40; i++) {\n'
        '        System.out.println("bg line " + i);\n'
        '        try { Thread.sleep(100); } catch (InterruptedException e) { return; }\n'
        '    }\n'
        '});', 30)
    assert start["status"] == "ok", errors
    cell_a = start["execution_count"]
    content, out, errors, _ = kernel.run('System.out.println("B starts"); Thread.sleep(1200); System.out.println("B ends");', 30)
    assert content["status"] == "ok", errors
    lines = out.splitlines()
    assert "B starts" in lines and "B ends" in lines, out          # the running cell's own lines: unmarked
    marked = [line for line in lines if line.startswith(f"[cell {cell_a} · bg-printer] bg line ")]
    assert len(marked) >= 5, f"expected cell {cell_a}'s thread lines marked in the running cell:\n{out}"
    # every other line is the thread's, marked (lines it printed after A ended and before B
    # started come first, marked as printed between cells)
    assert all(line in ("B starts", "B ends") or line.startswith(f"[cell {cell_a} · bg-printer") for line in lines), out
    between = [i for i, line in enumerate(lines) if "· between cells]" in line]
    assert all(i < lines.index("B starts") for i in between), out

    time.sleep(0.6)  # no cell runs: the thread's lines are held for the next cell
    content, out, errors, _ = kernel.run('System.out.println("C runs");', 30)
    assert content["status"] == "ok", errors
    held = [line for line in out.splitlines() if line.startswith(f"[cell {cell_a} · bg-printer · between cells] bg line ")]
    assert held, f"lines printed between cells should open the next cell, marked:\n{out}"
    content, _, errors, _ = kernel.run("printer.interrupt(); printer.join(5000); System.out.println(printer.isAlive());", 30)
    assert content["status"] == "ok", errors


def teardown_module(module):
    if not TIMES:
        return
    out = ROOT / "build" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "interrupt.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["case", "runs", "median_interrupt_to_clean_s", "max_s", "all_s"])
        for case, times in TIMES.items():
            w.writerow([case, len(times), f"{statistics.median(times):.3f}", f"{max(times):.3f}",
                        " ".join(f"{t:.3f}" for t in times)])
    for case, times in TIMES.items():
        print(f"interrupt-to-clean {case}: median {statistics.median(times):.2f} s of {len(times)}")
