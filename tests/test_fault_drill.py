"""The fault drill (bench/fault_drill.py, `make chaos`): a short baseline phase of it runs
end to end (its own PostgreSQL, Redis and gunicorn), and its verdict fails on a lost write,
an accepted write without a revision, or a stale answer."""

import subprocess
import sys
from collections import Counter
from pathlib import Path

from bench import fault_drill

ROOT = Path(__file__).resolve().parent.parent


def result(**problems):
    fields = {"lost": [], "unrecorded": [], "stale": [], **problems}
    return fault_drill.Result(
        "baseline", Counter({200: 3}), Counter(accepted=1), 1, notes=[], **fields
    )


def test_the_verdict_fails_on_a_lost_write_a_missing_revision_or_a_stale_answer():
    target = fault_drill.Target("person", 1, "/api/v1/people/a/", "/people/a/", "name")
    write = fault_drill.Write(target, "Drill a 1", base=3, version=4)
    assert not fault_drill.failed([result()])
    assert fault_drill.failed([result(), result(lost=[(write, "why")])])
    assert fault_drill.failed([result(unrecorded=[(write, "why")])])
    assert fault_drill.failed([result(stale=[("/people/a/", "Drill a 1", 200)])])


def test_a_short_drill_runs_and_prints_its_table():
    run = subprocess.run(
        [sys.executable, "bench/fault_drill.py", "--phase-seconds", "1", "--only", "baseline"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "phase     reads by status" in run.stdout
    assert "OK: no write lost" in run.stdout
