"""Checks the CI workflow that grades the homework (.github/workflows/grade.yml) against the
commands the test suite runs (checks/ci-commands.sh), so that editing one and not the other
fails `./course test`.

    python checks/check_workflow.py WORKFLOW --setup CMD --grade CMD [--summary-script FILE]

It checks that the file parses as YAML (PyYAML), runs on push on a GitHub-hosted Ubuntu runner
with a time limit, sets up Temurin JDK 25 and Python before anything runs, that its run steps
are exactly, in order: CMD of --setup, CMD of --grade, and one step appending the feedback
folder's summary.md to $GITHUB_STEP_SUMMARY (if: always()), and that it uploads that feedback
folder as an artifact (if: always()). With --summary-script it writes the summary step's script
to FILE, so the test can replay it on what the grade command wrote. Exit 0 if all is well, 1
with one line per problem, 2 on bad arguments.
"""
import argparse
import re
import shlex
import sys
from pathlib import Path

try:
    import yaml
except ImportError:
    sys.exit("check_workflow: PyYAML is missing; run ./course setup (kernel-setup/requirements.txt lists it)")


def action(step: dict) -> tuple[str, str]:
    """('actions/setup-java', 'v4') for a uses: step, ('', '') otherwise."""
    uses = str(step.get("uses", ""))
    name, _, version = uses.partition("@")
    return name, version


def feedback_dir(grade_cmd: str) -> str | None:
    words = shlex.split(grade_cmd)
    if "--feedback" in words and words.index("--feedback") + 1 < len(words):
        return words[words.index("--feedback") + 1].rstrip("/")
    return None


def check(doc, setup_cmd: str, grade_cmd: str) -> tuple[list[str], str | None]:
    problems: list[str] = []
    if not isinstance(doc, dict):
        return ["the workflow is not a YAML mapping"], None
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean True.
    triggers = doc.get("on", doc.get(True))
    names = set(triggers) if isinstance(triggers, (dict, list)) else {triggers}
    if "push" not in names:
        problems.append(f"it does not run on push (on: {triggers!r})")
    jobs = doc.get("jobs")
    if not isinstance(jobs, dict) or len(jobs) != 1:
        return problems + [f"expected exactly one job, found {list(jobs) if isinstance(jobs, dict) else jobs!r}"], None
    (job_name, job), = jobs.items()
    if not str(job.get("runs-on", "")).startswith("ubuntu-"):
        problems.append(f"job {job_name}: runs-on {job.get('runs-on')!r}, expected a GitHub-hosted ubuntu-* runner")
    limit = job.get("timeout-minutes")
    if not isinstance(limit, int) or not 1 <= limit <= 60:
        problems.append(f"job {job_name}: timeout-minutes {limit!r}, expected a bound of 1..60 minutes")
    steps = job.get("steps") or []
    if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        return problems + [f"job {job_name}: steps is not a list of mappings"], None

    first_run = next((i for i, s in enumerate(steps) if "run" in s), len(steps))
    found = {}
    for i, step in enumerate(steps):
        name, version = action(step)
        if name:
            found.setdefault(name, (i, step))
            if not re.fullmatch(r"v\d+", version):
                problems.append(f"step {i + 1} uses {name}@{version}: pin a major version (@vN)")
    for needed in ("actions/checkout", "actions/setup-java", "actions/setup-python"):
        if needed not in found:
            problems.append(f"no {needed} step")
        elif found[needed][0] > first_run:
            problems.append(f"{needed} comes after the first run step")
    if "actions/setup-java" in found:
        w = found["actions/setup-java"][1].get("with") or {}
        if w.get("distribution") != "temurin" or str(w.get("java-version")) != "25":
            problems.append(f"setup-java must install temurin 25, has distribution={w.get('distribution')!r} "
                            f"java-version={w.get('java-version')!r}")
    if "actions/setup-python" in found:
        version = str((found["actions/setup-python"][1].get("with") or {}).get("python-version", ""))
        if not re.fullmatch(r"3\.(1\d|[2-9]\d)", version):
            problems.append(f"setup-python must install Python 3.10 or newer (the course needs it), has {version!r}")

    runs = [(i, s) for i, s in enumerate(steps) if "run" in s]
    commands = [str(s["run"]).strip() for _, s in runs]
    fb = feedback_dir(grade_cmd)
    if fb is None:
        problems.append(f"the suite's grade command {grade_cmd!r} writes no feedback (--feedback DIR)")
    expected = [setup_cmd, grade_cmd]
    if commands[:2] != expected:
        problems.append(f"the first run steps are {commands[:2]!r}; the test suite runs {expected!r} "
                        "(checks/ci-commands.sh): change both or neither")
    summary_script = None
    if len(runs) != 3:
        problems.append(f"expected 3 run steps (set-up, grade, summary), found {len(runs)}: {commands!r}")
    else:
        _, summary = runs[2]
        summary_script = str(summary["run"])
        if "GITHUB_STEP_SUMMARY" not in summary_script or (fb and f"{fb}/summary.md" not in summary_script):
            problems.append(f"the summary step must append {fb}/summary.md to $GITHUB_STEP_SUMMARY")
        if str(summary.get("if", "")).strip("${} ") != "always()":
            problems.append("the summary step needs if: always(), so a failing grade still reports")
    upload = found.get("actions/upload-artifact")
    if upload is None:
        problems.append("no actions/upload-artifact step for the feedback page")
    else:
        i, step = upload
        path = str((step.get("with") or {}).get("path", "")).strip().rstrip("/")
        if fb and path != fb:
            problems.append(f"the artifact uploads {path!r}, but the grade command writes the feedback to {fb!r}")
        if str(step.get("if", "")).strip("${} ") != "always()":
            problems.append("the upload step needs if: always(), so a failing grade still uploads its page")
        if runs and i < runs[-1][0]:
            problems.append("the upload step runs before the grade and summary steps")
    return problems, summary_script


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("workflow", type=Path)
    p.add_argument("--setup", required=True, help="the set-up command the test suite runs")
    p.add_argument("--grade", required=True, help="the grade command the test suite runs")
    p.add_argument("--summary-script", type=Path, help="write the summary step's script here")
    args = p.parse_args()
    if not args.workflow.is_file():
        print(f"check_workflow: no workflow at {args.workflow}", file=sys.stderr)
        return 2
    try:
        doc = yaml.safe_load(args.workflow.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        print(f"check_workflow: {args.workflow} is not valid YAML: {e}")
        return 1
    problems, script = check(doc, args.setup.strip(), args.grade.strip())
    for problem in problems:
        print(f"check_workflow: {args.workflow.name}: {problem}")
    if script is not None and args.summary_script:
        args.summary_script.write_text(script, encoding="utf-8")
    if not problems:
        print(f"check_workflow: {args.workflow.name} parses; run steps: {args.setup!r}, {args.grade!r}, summary")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
