"""Installs the course kernelspec ("Java 25 · Concurrency Lab") into a Python prefix.

The kernel is JJava (PyPI `jjava`) run directly on JDK 25, not through JJava's launcher,
which would start whatever `java` is first on PATH. Preview features are on for both the
JVM and the JShell compiler; the lib jar and its dependencies are on the classpath; a
startup script imports the lib and calls concurrencylab.notebook.CourseKernel.start() (the
chart and table renderers, the exit with the kernel, the interrupt hook).

It also gives the kernel's JVM an AOT cache (JEP 483/514/515: classes loaded and linked ahead
of time, and method profiles), recorded from one training start of the kernel that runs the
startup script and TRAINING_CELLS. Measured with `./course bench kernel --runs 5 --notebooks
none --versus DIR`, DIR the same kernelspec without -XX:AOTCache, interleaved, 2 cores at load
1.4 to 2.6 (deploy/measurements/kernel-aot.csv): start to first result median 2.36 s with the
cache, 2.68 s without; a lesson's first chart 0.46 s against 0.84 s, first table 0.48 s against
0.65 s, first twenty lab-server downloads 0.29 s against 0.82 s; idle RSS 183 MiB against 161
MiB. The cache only helps: a JVM that
cannot use it (another JDK build, a deleted file) starts as if it were not there, silently
(-Xlog:aot=off). It is rebuilt when what it was recorded from changes (aot_fingerprint: the
JDK, jjava.jar, the kernelspec with its JVM options, compiler options and classpath, the
startup script, the training cells, the lib jar); COURSE_KERNEL_AOT=0 skips it.

Writes files only when their content changes, so re-running does nothing.
"""
import argparse
import copy
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from courselib import DISPLAY_NAME, KERNEL_NAME  # noqa: E402


def lib_classpath(root: Path) -> list[str]:
    jar = root / "lib" / "target" / "concurrency-lab.jar"
    deps = sorted((root / "lib" / "target" / "lib").glob("*.jar"))
    if not jar.is_file() or not deps:
        sys.exit(f"course setup: {jar} or its dependencies are missing; build lib first "
                 "(bash kernel-setup/build-lib.sh)")
    return [str(jar)] + [str(d) for d in deps]


# The kernel JVM's memory (issue 17; `./course bench kernel` measures it, README "Teaching a
# class" has the runs). Without these it sized itself from the whole machine: 1.1 GiB resident
# idle and 1.7 to 3.2 GiB after a lesson on a 24 GiB machine. The heap stays a percentage of
# the container's (or machine's) memory, the JVM's default 25 %, so the kernel adapts to
# Binder's 2 GiB as before; what changes is that it gives memory back:
#   G1PeriodicGCInterval + -G1PeriodicGCInvokesConcurrent: after 5 to 10 s without any GC (a
#     student reading, not running), one full GC that shrinks the heap and uncommits it (a
#     pause of a few hundred ms; a cell that allocates nothing for 5 s may see it once);
#   Min/MaxHeapFreeRatio 5/20: the heap keeps at most 20 % free after a GC, not 70 %;
#   UseCompactObjectHeaders (JDK 25 product flag): 8-byte object headers, a smaller heap.
KERNEL_MEMORY_FLAGS = [
    "-XX:+UseCompactObjectHeaders",
    "-XX:G1PeriodicGCInterval=5000",
    "-XX:-G1PeriodicGCInvokesConcurrent",
    "-XX:MinHeapFreeRatio=5",
    "-XX:MaxHeapFreeRatio=20",
]


# The kernel's main class (kernel-setup/launcher/PortGuard.java): holds the kernel's ports from
# the JVM's first milliseconds until JJava binds them, then runs JJava's main. Without it a
# kernel that starts slowly (a class of 20 at once on 2 cores) could find a port taken by a
# connection to itself and end (`./course bench class`). Compiled by build_launcher.
LAUNCHER_SOURCE = Path(__file__).resolve().parent / "launcher" / "PortGuard.java"
LAUNCHER_MAIN = "concurrencylab.kernel.launch.PortGuard"
LAUNCHER_JAR = "course-launcher.jar"


def build_launcher(java_home: Path, kernel_jar: Path, target: Path) -> Path | None:
    """Compiles the launcher into target/course-launcher.jar when its source, jjava.jar or the
    JDK changed; returns the jar, or None (printing why) when it cannot be built, and the kernel
    then starts with `-jar jjava.jar` as JJava's own kernelspec does."""
    jar, stamp = target / LAUNCHER_JAR, target / (LAUNCHER_JAR + ".stamp")
    h = hashlib.sha256(LAUNCHER_SOURCE.read_bytes())
    h.update(kernel_jar.read_bytes())
    h.update((java_home / "release").read_bytes() if (java_home / "release").is_file() else str(java_home).encode())
    fingerprint = h.hexdigest()
    if jar.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == fingerprint:
        return jar
    with tempfile.TemporaryDirectory(prefix="course-launcher-") as tmp:
        classes = Path(tmp) / "classes"
        partial = jar.with_suffix(".jar.partial")
        steps = [[str(java_home / "bin" / "javac"), "--release", "25", "-cp", str(kernel_jar), "-d", str(classes),
                  str(LAUNCHER_SOURCE)],
                 [str(java_home / "bin" / "jar"), "--create", "--file", str(partial), "-C", str(classes), "."]]
        for step in steps:
            try:
                done = subprocess.run(step, capture_output=True, text=True, timeout=120)
            except (OSError, subprocess.TimeoutExpired) as e:
                done = subprocess.CompletedProcess(step, 1, "", str(e))
            if done.returncode != 0:
                partial.unlink(missing_ok=True)
                print(f"course setup: the kernel's launcher was not built, the kernel starts without it "
                      f"(its ports unguarded while it starts): {Path(step[0]).name}: "
                      f"{(done.stdout + done.stderr).strip()[-400:]}", file=sys.stderr)
                return None
        partial.replace(jar)
    stamp.write_text(fingerprint + "\n", encoding="utf-8")
    return jar


def kernel_spec(java_home: Path, kernel_jar: Path, root: Path, launcher: Path | None = None) -> dict:
    classpath = ":".join(lib_classpath(root))
    main = (["-cp", f"{kernel_jar}:{launcher}", LAUNCHER_MAIN] if launcher else ["-jar", str(kernel_jar)])
    return {
        "argv": [
            str(java_home / "bin" / "java"),
            *KERNEL_MEMORY_FLAGS,
            "--enable-preview",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8",
            "-Dstderr.encoding=UTF-8",
            "--sun-misc-unsafe-memory-access=allow",
            "--enable-native-access=ALL-UNNAMED",
            f"-Djava.util.logging.config.file={root / 'kernel-setup' / 'logging.properties'}",
            "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
            # Cell-scoped clean-up on interrupt (concurrencylab.kernel): list virtual threads
            # through the JDK's thread containers, and find the pool of a pool thread.
            "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
            *main,
            "{connection_file}",
        ],
        "display_name": DISPLAY_NAME,
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            # -source, not --release: with --release 25 JShell's compiler reopened the JDK's
            # lib/ct.sym over and over, 119 opens in one kernel start, none with -source
            # (strace). `./course
            # bench kernel --runs 5 --notebooks none --versus DIR`, DIR this kernelspec with
            # --release 25, interleaved, load 1.2 to 2.2: start to first result median 1.70 s
            # with -source, 5.80 s with --release; idle RSS 184 against 216 MiB
            # (deploy/measurements/kernel-source-vs-release.csv). -source 25 compiles against
            # the running JDK's own classes: the same API, as 25 is the release the kernel runs.
            "JJAVA_COMPILER_OPTS": "--enable-preview -source 25",
            "JJAVA_CLASSPATH": classpath,
            "JJAVA_STARTUP_SCRIPTS_PATH": str(root / "kernel-setup" / "startup.jshell"),
            "JJAVA_TIMEOUT": "-1",
            # The process pool starts worker JVMs with this classpath and this JDK.
            "COURSE_CLASSPATH": classpath,
            "COURSE_JAVA_HOME": str(java_home),
            "COURSE_ROOT": str(root),
        },
        "metadata": {"debugger": False},
    }


# What the training start runs after the startup script: a lesson's first cells, so that the
# cache holds the classes they load and link and the profiles of the code they run (JEP 483,
# JEP 515), for the compiler (declarations, lambdas, records, streams) and for the library (a
# lesson's start and leak check, executors and futures, a Tablesaw table as HTML, XChart charts
# as PNG, the lab server and twenty downloads on virtual threads, a structured scope).
# tools/bench_kernel.py times a first table, chart and download of its own, not these cells.
TRAINING_CELLS = [
    "1 + 1",
    'var lesson = Lesson.start("kernel training");',
    "double secondsFor(ExecutorService pool, int tasks) throws Exception {\n"
    "    long start = System.nanoTime();\n"
    "    try (pool) {\n"
    "        var futures = new ArrayList<Future<?>>();\n"
    "        for (int i = 0; i < tasks; i++) futures.add(pool.submit(() -> { Thread.sleep(10); return null; }));\n"
    "        for (var f : futures) f.get(10, TimeUnit.SECONDS);\n"
    "    }\n"
    "    return (System.nanoTime() - start) / 1e9;\n"
    "}",
    'var times = Table.create("ten waits", StringColumn.create("model"), DoubleColumn.create("seconds"));\n'
    'times.stringColumn("model").append("fixed pool of 2").append("virtual threads");\n'
    "times.doubleColumn(\"seconds\").append(secondsFor(Executors.newFixedThreadPool(2), 10))\n"
    "        .append(secondsFor(Executors.newVirtualThreadPerTaskExecutor(), 10));\n"
    "times",
    'var chart = new CategoryChartBuilder().width(640).height(320).title("ten waits").yAxisTitle("seconds").build();\n'
    "chart.getStyler().setLegendVisible(false);\n"
    'chart.addSeries("elapsed", times.stringColumn("model").asList(), times.doubleColumn("seconds").asList());\n'
    "chart",
    'var line = new XYChartBuilder().width(480).height(240).xAxisTitle("n").yAxisTitle("n²").build();\n'
    'line.addSeries("squares", new double[] {1, 2, 3, 4}, new double[] {1, 4, 9, 16});\n'
    "line",
    "var server = LabServer.start();\n"
    "DownloadReport report;\n"
    "try (ExecutorService pool = ExecutorKind.VIRTUAL.create(20)) {\n"
    "    report = Downloader.on(pool).withRequestTimeout(Duration.ofSeconds(5)).download(server.imageUris(20));\n"
    "}\n"
    "server.close();\n"
    "System.out.println(report);",
    "record Point(int x, int y) {}\n"
    "IntStream.range(0, 100).mapToObj(i -> new Point(i, i * i)).filter(p -> p.y() % 3 == 0)\n"
    '        .map(Point::toString).collect(Collectors.joining(", ")).length()',
    "int sum;\n"
    "try (var scope = StructuredTaskScope.open()) {\n"
    "    var a = scope.fork(() -> 20);\n"
    "    var b = scope.fork(() -> 22);\n"
    "    scope.join();\n"
    "    sum = a.get() + b.get();\n"
    "}\n"
    "sum",
    "CompletableFuture.supplyAsync(() -> 21).thenApply(n -> n * 2).get(5, TimeUnit.SECONDS)",
    "lesson.finish();",
]
AOT_FILE = "kernel.aot"


def jvm_options(argv: list[str]) -> list[str]:
    """The JVM options of a kernel argv: everything between the java binary and -cp or -jar."""
    return argv[1:argv.index("-cp" if "-cp" in argv else "-jar")]


def app_classpath(argv: list[str]) -> str:
    """The JVM's class path in a kernel argv: the -cp value, or the -jar file."""
    return argv[argv.index("-cp") + 1] if "-cp" in argv else argv[argv.index("-jar") + 1]


def aot_fingerprint(spec: dict, java_home: Path, kernel_jar: Path) -> str:
    """What the cache depends on: the JDK build, the kernel jar, the kernelspec (JVM options and
    the environment, which holds the compiler options and the classpath), and what the training
    start runs and loads: the startup script, the training cells and the lib jar."""
    h = hashlib.sha256()
    h.update((java_home / "release").read_bytes() if (java_home / "release").is_file() else str(java_home).encode())
    for entry in app_classpath(spec["argv"]).split(":"):   # jjava.jar and the launcher
        h.update(Path(entry).read_bytes() if Path(entry).is_file() else entry.encode())
    h.update(json.dumps(spec, sort_keys=True).encode())
    for name in (spec["env"]["JJAVA_STARTUP_SCRIPTS_PATH"], spec["env"]["JJAVA_CLASSPATH"].split(":")[0]):
        h.update(Path(name).read_bytes() if Path(name).is_file() else name.encode())
    h.update(json.dumps(TRAINING_CELLS).encode())
    return h.hexdigest()


def with_jvm_options(spec: dict, *options: str) -> dict:
    """A copy of spec whose JVM gets options first."""
    out = copy.deepcopy(spec)
    out["argv"][1:1] = options
    return out


def build_aot_cache(spec: dict, kernel_jar: Path, cache: Path) -> str | None:
    """Records one kernel start with its training cells, then assembles the cache.

    Returns None on success, else what went wrong (the kernel then runs without a cache).
    """
    try:
        from jupyter_client.kernelspec import KernelSpecManager
        from jupyter_client.manager import KernelManager
    except ImportError as e:
        return f"jupyter_client is not installed ({e})"
    java = spec["argv"][0]
    with tempfile.TemporaryDirectory(prefix="course-aot-") as tmp:
        conf = Path(tmp) / "kernel.aotconf"
        kdir = Path(tmp) / "kernels" / "course-aot-training"
        kdir.mkdir(parents=True)
        training = with_jvm_options(spec, "-XX:AOTMode=record", f"-XX:AOTConfiguration={conf}", "-Xlog:aot=off")
        (kdir / "kernel.json").write_text(json.dumps(training), encoding="utf-8")
        km = KernelManager(kernel_name="course-aot-training",
                           kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kdir.parent)]))
        km.shutdown_wait_time = 60  # the JVM writes the configuration as it exits: let it
        log_path = Path(tmp) / "kernel-stderr.log"
        log = log_path.open("w", encoding="utf-8")
        try:
            km.start_kernel(stdout=subprocess.DEVNULL, stderr=log)
            kc = km.client()
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=120)
                for cell in TRAINING_CELLS:
                    reply = kc.execute_interactive(cell, timeout=60, output_hook=lambda msg: None)
                    if reply["content"]["status"] != "ok":
                        return f"training cell {cell!r} failed: {reply['content'].get('evalue', '')}"
            finally:
                kc.stop_channels()
        except Exception as e:  # noqa: BLE001 - any failure only means no cache
            log.flush()
            said = log_path.read_text(encoding="utf-8", errors="replace").strip()[-500:]
            return f"the training start of the kernel failed: {e}" + (f"; the kernel said: {said}" if said else "")
        finally:
            if km.has_kernel:
                km.shutdown_kernel(now=False)
            log.close()
        if not conf.is_file() or conf.stat().st_size == 0:
            return "the training start wrote no AOT configuration"
        partial = cache.with_suffix(".aot.partial")
        create = [java, "-XX:AOTMode=create", f"-XX:AOTConfiguration={conf}", f"-XX:AOTCache={partial}",
                  "-Xlog:aot=off", *jvm_options(spec["argv"]), "-cp", app_classpath(spec["argv"])]
        try:
            done = subprocess.run(create, capture_output=True, text=True, timeout=600)
        except subprocess.TimeoutExpired:
            return "assembling the AOT cache took more than 10 minutes"
        if done.returncode != 0 or not partial.is_file() or partial.stat().st_size == 0:
            partial.unlink(missing_ok=True)
            return f"assembling the AOT cache failed (exit {done.returncode}): {(done.stdout + done.stderr)[-500:]}"
        partial.replace(cache)
    return None


def write_if_changed(path: Path, text: str) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--prefix", required=True, type=Path)
    ap.add_argument("--java-home", required=True, type=Path)
    ap.add_argument("--root", required=True, type=Path)
    args = ap.parse_args()

    kernels = args.prefix.resolve() / "share" / "jupyter" / "kernels"
    wheel_dir = kernels / "java"              # installed by the jjava wheel
    target = kernels / KERNEL_NAME
    target.mkdir(parents=True, exist_ok=True)
    kernel_jar = target / "jjava.jar"
    source_jar = wheel_dir / "jjava.jar"
    if source_jar.is_file():
        if not kernel_jar.is_file() or kernel_jar.read_bytes() != source_jar.read_bytes():
            shutil.copyfile(source_jar, kernel_jar)
        # The wheel's own kernelspec runs the default `java` (often 17): hide it so nobody
        # picks a kernel that cannot run the course.
        shutil.rmtree(wheel_dir)
    if not kernel_jar.is_file():
        sys.exit(f"course setup: {source_jar} not found; is the jjava wheel installed in {args.prefix}?")

    launcher = build_launcher(args.java_home, kernel_jar, target.resolve())
    spec = kernel_spec(args.java_home, kernel_jar, args.root.resolve(), launcher)
    cache, stamp = target.resolve() / AOT_FILE, target.resolve() / (AOT_FILE + ".stamp")
    if os.environ.get("COURSE_KERNEL_AOT", "1") != "0":
        fingerprint = aot_fingerprint(spec, args.java_home, kernel_jar)
        if not (cache.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == fingerprint):
            stamp.unlink(missing_ok=True)
            write_kernel_json(target, spec)  # the training start needs none of the cache flags
            print("course setup: building the kernel's AOT cache (one training start, about 15 s)", file=sys.stderr)
            problem = build_aot_cache(spec, kernel_jar, cache)
            if problem:
                cache.unlink(missing_ok=True)
                print(f"course setup: no AOT cache, the kernel will start without it: {problem}", file=sys.stderr)
            else:
                stamp.write_text(fingerprint + "\n", encoding="utf-8")
        if cache.is_file() and stamp.is_file():
            spec = with_jvm_options(spec, f"-XX:AOTCache={cache}", "-Xlog:aot=off")
    else:
        cache.unlink(missing_ok=True)
        stamp.unlink(missing_ok=True)
    write_kernel_json(target, spec)


def write_kernel_json(target: Path, spec: dict) -> None:
    if write_if_changed(target / "kernel.json", json.dumps(spec, indent=2, ensure_ascii=False) + "\n"):
        print(f"course setup: kernelspec '{KERNEL_NAME}' ({DISPLAY_NAME}) written to {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
