"""Installs the course kernelspec ("Java 25 · Concurrency Lab") into a Python prefix.

The kernel is JJava (PyPI `jjava`) run directly on JDK 25, not through JJava's launcher,
which would start whatever `java` is first on PATH. Preview features are on for both the
JVM and the JShell compiler; the lib jar and its dependencies are on the classpath; a
startup script imports the lib and registers the chart and table renderers.

Writes files only when their content changes, so re-running does nothing.
"""
import argparse
import json
import shutil
import sys
from pathlib import Path

KERNEL_NAME = "java-concurrency"
DISPLAY_NAME = "Java 25 · Concurrency Lab"


def lib_classpath(root: Path) -> list[str]:
    jar = root / "lib" / "target" / "concurrency-lab.jar"
    deps = sorted((root / "lib" / "target" / "lib").glob("*.jar"))
    if not jar.is_file() or not deps:
        sys.exit(f"course setup: {jar} or its dependencies are missing; build lib first "
                 "(bash kernel-setup/build-lib.sh)")
    return [str(jar)] + [str(d) for d in deps]


def kernel_spec(java_home: Path, kernel_jar: Path, root: Path) -> dict:
    classpath = ":".join(lib_classpath(root))
    return {
        "argv": [
            str(java_home / "bin" / "java"),
            "--enable-preview",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8",
            "-Dstderr.encoding=UTF-8",
            "--sun-misc-unsafe-memory-access=allow",
            f"-Djava.util.logging.config.file={root / 'kernel-setup' / 'logging.properties'}",
            "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
            "-jar", str(kernel_jar),
            "{connection_file}",
        ],
        "display_name": DISPLAY_NAME,
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "JJAVA_COMPILER_OPTS": "--enable-preview --release 25",
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

    kernels = args.prefix / "share" / "jupyter" / "kernels"
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

    spec = kernel_spec(args.java_home, kernel_jar, args.root.resolve())
    if write_if_changed(target / "kernel.json", json.dumps(spec, indent=2, ensure_ascii=False) + "\n"):
        print(f"course setup: kernelspec '{KERNEL_NAME}' ({DISPLAY_NAME}) written to {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
