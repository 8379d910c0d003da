"""The course kernel's start: what the startup script sets up, and when the AOT cache is rebuilt.

The first test starts the real course kernel (every wait bounded) and checks what
concurrencylab.notebook.CourseKernel.start() registers: a chart and an image as a cell's value
render as PNG, a Tablesaw table and a thread dump as HTML with a text form, Notebook.display
shows mid-cell, and a second start() changes nothing. The other tests drive
kernel-setup/install_kernel.py with the training start replaced by a stand-in that writes a
file, so they check only the decision: when the cache is built, kept or rebuilt.
"""
import base64
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from jupyter_client.kernelspec import NoSuchKernel
from jupyter_client.manager import start_new_kernel

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from courselib import KERNEL_NAME  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def run_cell(kc, code: str) -> tuple[dict, list[dict]]:
    outputs = []
    reply = kc.execute_interactive(code, timeout=120, output_hook=outputs.append)
    return reply["content"], outputs


def result_data(outputs: list[dict]) -> dict:
    results = [o["content"]["data"] for o in outputs if o["msg_type"] == "execute_result"]
    assert len(results) == 1, f"expected one result, got {[o['msg_type'] for o in outputs]}"
    return results[0]


@pytest.fixture(scope="module")
def kc():
    try:
        km, client = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=120)
    except NoSuchKernel:
        pytest.fail(f"kernelspec {KERNEL_NAME!r} is not installed: run ./course setup first")
    try:
        yield client
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)


def test_a_chart_and_an_image_render_as_png(kc):
    content, outputs = run_cell(kc, 'var c = new XYChartBuilder().width(200).height(100).build();\n'
                                    'c.addSeries("s", new double[] {1, 2}, new double[] {3, 4});\nc')
    assert content["status"] == "ok", content
    assert base64.b64decode(result_data(outputs)["image/png"]).startswith(PNG_MAGIC)
    content, outputs = run_cell(kc, "new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)")
    assert content["status"] == "ok", content
    assert base64.b64decode(result_data(outputs)["image/png"]).startswith(PNG_MAGIC)


def test_a_table_and_a_thread_dump_render_as_html_with_a_text_form(kc):
    content, outputs = run_cell(kc, 'Table.create("pools", StringColumn.create("kind", "fixed", "virtual"))')
    assert content["status"] == "ok", content
    data = result_data(outputs)
    assert "<caption>pools</caption>" in data["text/html"] and "virtual" in data["text/html"]
    assert "virtual" in data["text/plain"] and "<" not in data["text/plain"]
    content, outputs = run_cell(kc, "ThreadDump.take()")
    assert content["status"] == "ok", content
    data = result_data(outputs)
    assert "<ul>" in data["text/html"] and "main" in data["text/html"]
    assert "[<root>]" in data["text/plain"]


def test_notebook_display_shows_mid_cell_and_a_second_start_changes_nothing(kc):
    content, outputs = run_cell(kc, 'Notebook.display(Table.create("shown", IntColumn.create("n", new int[] {7})));\n'
                                    "CourseKernel.start()")
    assert content["status"] == "ok", content
    shown = [o["content"]["data"] for o in outputs if o["msg_type"] == "display_data"]
    assert len(shown) == 1 and "<caption>shown</caption>" in shown[0]["text/html"], shown
    assert result_data(outputs)["text/plain"] == "started already"


def load_installer():
    spec = importlib.util.spec_from_file_location("install_kernel", ROOT / "kernel-setup" / "install_kernel.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A fake course checkout, JDK and venv, and an installer whose training start is a stand-in."""
    root, prefix, jdk = tmp_path / "course", tmp_path / "venv", tmp_path / "jdk"
    (root / "kernel-setup").mkdir(parents=True)
    (root / "kernel-setup" / "startup.jshell").write_text("import java.util.stream.*;\n", encoding="utf-8")
    (root / "lib" / "target" / "lib").mkdir(parents=True)
    (root / "lib" / "target" / "concurrency-lab.jar").write_bytes(b"lib v1")
    (root / "lib" / "target" / "lib" / "dep.jar").write_bytes(b"dep")
    (jdk / "bin").mkdir(parents=True)
    (jdk / "release").write_text('JAVA_VERSION="25.0.3"\n', encoding="utf-8")
    wheel = prefix / "share" / "jupyter" / "kernels" / "java"
    wheel.mkdir(parents=True)
    (wheel / "jjava.jar").write_bytes(b"jjava")
    installer = load_installer()
    trainings = []

    def stand_in(spec, kernel_jar, cache):
        trainings.append(spec["env"]["JJAVA_COMPILER_OPTS"])
        cache.write_bytes(b"cache")
        return None

    monkeypatch.setattr(installer, "build_aot_cache", stand_in)
    monkeypatch.delenv("COURSE_KERNEL_AOT", raising=False)

    def install():
        monkeypatch.setattr(sys, "argv", ["install_kernel.py", "--prefix", str(prefix), "--java-home", str(jdk),
                                          "--root", str(root)])
        installer.main()
        return json.loads((prefix / "share" / "jupyter" / "kernels" / KERNEL_NAME / "kernel.json").read_text())

    return root, installer, install, trainings


def test_the_cache_is_built_once_and_used_by_the_kernelspec(course):
    _, _, install, trainings = course
    spec = install()
    assert len(trainings) == 1
    assert any(a.startswith("-XX:AOTCache=") for a in spec["argv"])
    install()
    assert len(trainings) == 1, "an unchanged course retrained the cache"


@pytest.mark.parametrize("change", ["startup script", "lib jar", "training cells"])
def test_the_cache_is_rebuilt_when_what_the_training_ran_changes(course, change):
    root, installer, install, trainings = course
    install()
    if change == "startup script":
        (root / "kernel-setup" / "startup.jshell").write_text("import java.util.function.*;\n", encoding="utf-8")
    elif change == "lib jar":
        (root / "lib" / "target" / "concurrency-lab.jar").write_bytes(b"lib v2")
    else:
        installer.TRAINING_CELLS = installer.TRAINING_CELLS + ['"one more"']
    install()
    assert len(trainings) == 2, f"a changed {change} did not rebuild the cache"


def test_the_cache_is_rebuilt_when_the_compiler_options_change(course, monkeypatch):
    _, installer, install, trainings = course
    install()
    original = installer.kernel_spec

    def other_options(*args):
        spec = original(*args)
        spec["env"]["JJAVA_COMPILER_OPTS"] = "--enable-preview --release 25"
        return spec

    monkeypatch.setattr(installer, "kernel_spec", other_options)
    install()
    assert trainings == ["--enable-preview -source 25", "--enable-preview --release 25"]
