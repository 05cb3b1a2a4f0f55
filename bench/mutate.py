"""Mutation testing of the rule modules with cosmic-ray; prints a score per module and the
surviving mutants.

    make mutate                                          # every module below, in turn
    make mutate ARGS='--module catalog/domain/ratings.py'  # one (repeat --module for more)
    make mutate ARGS='--list'                            # the modules and their tests

Each module is mutated only against the tests that cover it (MODULES below), run serially
(`pytest -p no:xdist -x -q`) on a throwaway SQLite database, so that a module takes minutes,
not the suite's time for each mutant. The work is done in a copy of the project under a
temporary directory (kept with --keep), never in this checkout: an interrupted run leaves no
mutated file behind. A survivor listed in bench/mutate_skip.toml (equivalent mutants: the
change cannot be seen from outside; each entry gives its reason) is counted as equivalent, not
as surviving. Not part of CI: see docs/testing.md, "Mutation testing".
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP_FILE = ROOT / "bench" / "mutate_skip.toml"

# Each rule module and the tests that cover it, smallest first.
MODULES = {
    "catalog/domain/prose_merge.py": ["tests/test_prose_merge.py"],
    "catalog/domain/ratings.py": ["tests/test_ratings.py", "tests/test_import_reviews.py"],
    # The published rule, and what every content model shares (timestamps, version, history).
    "catalog/models/base.py": ["tests/test_content_models.py", "tests/test_published_rule.py"],
    # The word diff is shown by the admin's history pages and the import preview; its rules are
    # tested on their own (test_history_agree and test_pages_changes never reached it).
    "catalog/history/diff.py": ["tests/test_word_diff.py"],
    "catalog/history/fields.py": [
        "tests/test_history_fields.py",
        "tests/test_history_agree.py",
        "tests/test_history_admin.py",
    ],
    "catalog/models/versions.py": ["tests/test_content_versions.py", "tests/test_caching.py"],
    "catalog/history/labels.py": [
        "tests/test_history_agree.py",
        "tests/test_history_admin.py",
        "tests/test_pages_changes.py",
    ],
    "catalog/history/visibility.py": [
        "tests/test_history_agree.py",
        "tests/test_history_admin.py",
        "tests/test_pages_changes.py",
    ],
    "catalog/history/revisions.py": [
        "tests/test_revisions.py",
        "tests/test_reverts.py",
        "tests/test_pages_changes.py",
    ],
    "catalog/domain/vocabulary.py": ["tests/test_vocabulary.py"],
    # The conflict checks (base_version) are tested in test_revisions and test_api_versions:
    # without them most of _merge's mutants survived (figures of 2026-12-07).
    "catalog/content/services.py": [
        "tests/test_services.py",
        "tests/test_write_paths.py",
        "tests/test_revisions.py",
        "tests/test_api_versions.py",
    ],
    "catalog/delivery/caching.py": ["tests/test_caching.py"],
}

# Per-mutant timeout: this many times the baseline run, and at least MIN_TIMEOUT seconds.
TIMEOUT_FACTOR = 3.0
MIN_TIMEOUT = 20.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", choices=sorted(MODULES), metavar="PATH",
                        help="a module to mutate (repeatable); all of them by default")
    parser.add_argument("--list", action="store_true", help="list the modules and their tests")
    parser.add_argument("--report", metavar="DIR", type=Path,
                        help="run nothing: report again from a work directory kept by --keep "
                             "(also one whose run was stopped), with the skip list as it is now")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--minutes", type=float, default=None,
                        help="stop each module after this many minutes and report the mutants "
                             "run so far (the rest are counted as 'other')")
    args = parser.parse_args()
    if args.list:
        for module, tests in MODULES.items():
            print(f"{module}: {' '.join(tests)}")
        return 0
    modules = args.module or list(MODULES)
    skips = load_skips()
    if args.report:
        results = []
        for module in modules:
            if session_path(args.report, module).exists():
                result = {"module": module, "error": None, "seconds": 0.0}
                result["mutants"] = collect(args.report, module, skips)
                result["stopped"] = any(m["outcome"] == "not run" for m in result["mutants"])
                results.append(result)
        print_report(results)
        return 0
    work = Path(tempfile.mkdtemp(prefix="mutate-"))
    try:
        copy_project(work)
        results = []
        for module in modules:
            results.append(run_module(work, module, skips, args.minutes))
            print_module(results[-1])
        print_report(results)
    finally:
        if args.keep:
            print(f"\nWork directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if any(r["error"] for r in results) else 0


def load_skips():
    if not SKIP_FILE.exists():
        return []
    with SKIP_FILE.open("rb") as f:
        return tomllib.load(f).get("equivalent", [])


def copy_project(work):
    """The checkout as it is (tracked and untracked files, not the ignored ones)."""
    names = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.decode().split("\0")
    for name in filter(None, names):
        source = ROOT / name
        if source.is_file():
            target = work / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def environment():
    env = dict(os.environ)
    # A throwaway SQLite database and the in-process caches, whatever this shell has.
    for name in ("DATABASE_URL", "REDIS_URL", "DJANGO_CACHE_PURGER", "PYTEST_ADDOPTS"):
        env.pop(name, None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def cosmic_ray(*args, cwd, check=True):
    command = [sys.executable, "-m", "cosmic_ray.cli", *args]
    return subprocess.run(command, cwd=cwd, env=environment(), check=check,
                          capture_output=True, text=True)


def run_module(work, module, skips, minutes=None):
    config = session_path(work, module).with_suffix(".toml")
    session = session_path(work, module)
    # Only pytest-django is loaded: the other plugins the venv has (Playwright, schemathesis,
    # hypothesis, ...) took most of each run's time at start-up. When the covering tests need
    # them, the baseline fails so, and the tests are run with every plugin instead.
    lean = ["env", "PYTEST_DISABLE_PLUGIN_AUTOLOAD=1", sys.executable, "-m", "pytest",
            "-p", "pytest_django.plugin"]
    full = [sys.executable, "-m", "pytest", "-p", "no:xdist"]
    options = ["-p", "no:cacheprovider", "-x", "-q", "-o", "addopts=", *MODULES[module]]
    result = {"module": module, "error": None, "mutants": [], "seconds": 0.0}
    started = time.monotonic()
    print(f"\n{module}: baseline ({' '.join(MODULES[module])})", flush=True)
    for test_command in (lean + options, full + options):
        baseline = subprocess.run(test_command, cwd=work, env=environment(),
                                  capture_output=True, text=True)
        if baseline.returncode == 0:
            break
    baseline_seconds = time.monotonic() - started
    if baseline.returncode != 0:
        result["error"] = "the covering tests fail without mutation:\n" + baseline.stdout[-2000:]
        result["seconds"] = baseline_seconds
        return result
    timeout = max(MIN_TIMEOUT, TIMEOUT_FACTOR * baseline_seconds)
    config.write_text(
        "[cosmic-ray]\n"
        f"module-path = {json.dumps(module)}\n"
        f"timeout = {timeout:.0f}\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(' '.join(test_command))}\n"
        "\n[cosmic-ray.distributor]\nname = \"local\"\n"
    )
    session.unlink(missing_ok=True)
    cosmic_ray("init", str(config), str(session), cwd=work)
    count = len(dump(work, session))
    print(f"{module}: baseline {baseline_seconds:.1f}s, {count} mutants, "
          f"timeout {timeout:.0f}s each", flush=True)
    run = subprocess.Popen([sys.executable, "-m", "cosmic_ray.cli", "exec", str(config),
                            str(session)], cwd=work, env=environment(), start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _, stderr = run.communicate(timeout=minutes * 60 if minutes else None)
        if run.returncode != 0:
            result["error"] = f"cosmic-ray exec failed:\n{stderr[-2000:]}"
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        # cosmic-ray and the test run it started: their own process group.
        os.killpg(run.pid, signal.SIGTERM)
        run.wait()
        result["stopped"] = True
        print(f"{module}: stopped; the mutants not run are counted as 'other'", flush=True)
    result["mutants"] = collect(work, module, skips)
    result["seconds"] = time.monotonic() - started
    return result


def session_path(work, module):
    return work / f"mutate-{module.replace('/', '_').removesuffix('.py')}.sqlite"


def collect(work, module, skips):
    """The session's mutants, each with its outcome (and the skip list's reason)."""
    mutants = []
    for item, outcome in dump(work, session_path(work, module)):
        mutation = item["mutations"][0]
        line = mutation["start_pos"][0]
        diff = outcome.get("diff") if outcome else None
        # The line as it read before the change: from the diff (the copy's file may be left
        # mutated by a stopped run), else from the file.
        source = old_lines(diff)[:1] or (work / module).read_text().splitlines()[line - 1:line]
        mutant = {
            "line": line,
            "operator": mutation["operator_name"],
            "occurrence": mutation["occurrence"],
            "source": source[0].strip() if source else "",
            "outcome": outcome["test_outcome"] if outcome else "not run",
            "change": changed_lines(diff),
        }
        if mutant["outcome"] == "survived" and (reason := skipped(module, mutant, skips)):
            mutant["outcome"] = "equivalent"
            mutant["reason"] = reason
        mutants.append(mutant)
    return mutants


def dump(work, session):
    out = cosmic_ray("dump", str(session), cwd=work).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def diff_lines(diff, sign):
    if not diff:
        return []
    lines = diff if isinstance(diff, list) else diff.splitlines()
    return [x[1:] for x in lines if x.startswith(sign) and not x.startswith(sign * 3)]


def old_lines(diff):
    return diff_lines(diff, "-")


def changed_lines(diff):
    """The diff's changed lines, as `old -> new`."""
    if not diff:
        return ""
    old = " / ".join(x.strip() for x in diff_lines(diff, "-"))
    new = " / ".join(x.strip() for x in diff_lines(diff, "+"))
    return f"{old}  ->  {new}"


def skipped(module, mutant, skips):
    """The reason the skip list gives for this survivor, if it lists it.

    An entry names the module, the operator, and the source line as it reads (stripped), so
    that it holds when lines move; `occurrence` narrows it to one of several mutants of the
    same operator in the module, `change` to the mutated line as it reads after mutation."""
    for entry in skips:
        if entry["module"] != module or entry["operator"] != mutant["operator"]:
            continue
        if entry.get("source") is not None and entry["source"] != mutant["source"]:
            continue
        if "occurrence" in entry and entry["occurrence"] != mutant["occurrence"]:
            continue
        if "change" in entry and entry["change"] not in mutant["change"]:
            continue
        return entry["reason"]
    return None


def counts(result):
    tally = {"killed": 0, "survived": 0, "equivalent": 0, "other": 0}
    for mutant in result["mutants"]:
        outcome = mutant["outcome"]
        tally[outcome if outcome in tally else "other"] += 1
    scored = len(result["mutants"]) - tally["equivalent"] - tally["other"]
    tally["score"] = 100.0 * tally["killed"] / scored if scored else None
    return tally


def print_module(result):
    if result["error"]:
        print(f"{result['module']}: ERROR {result['error']}", flush=True)
    elif result.get("stopped"):
        print(f"{result['module']}: stopped before the end (--minutes or Ctrl-C)", flush=True)
    t = counts(result)
    score = "-" if t["score"] is None else f"{t['score']:.1f}%"
    print(f"{result['module']}: {len(result['mutants'])} mutants, {t['killed']} killed, "
          f"{t['survived']} survived, {t['equivalent']} equivalent, {score}, "
          f"{result['seconds']:.0f}s", flush=True)


def print_report(results):
    print("\nMutation score per module (equivalent mutants: bench/mutate_skip.toml)")
    header = (f"{'module':<34} {'mutants':>7} {'killed':>6} {'survived':>8} {'equiv':>5} "
              f"{'other':>5} {'score':>6} {'time':>6}")
    print(header)
    print("-" * len(header))
    for result in results:
        t = counts(result)
        score = "-" if t["score"] is None else f"{t['score']:.1f}%"
        name = result["module"] + (" *" if result.get("stopped") else "")
        print(f"{name:<34} {len(result['mutants']):>7} {t['killed']:>6} "
              f"{t['survived']:>8} {t['equivalent']:>5} {t['other']:>5} {score:>6} "
              f"{result['seconds']:>5.0f}s")
    print("(other: the mutant's tests were not run, or it made the module fail to import: "
          "cosmic-ray's 'incompetent'); *: stopped before all its mutants were run")
    for result in results:
        survivors = [m for m in result["mutants"] if m["outcome"] == "survived"]
        if result["error"]:
            print(f"\n{result['module']}: {result['error']}")
        if not survivors:
            continue
        print(f"\nSurviving mutants in {result['module']}:")
        for m in sorted(survivors, key=lambda m: (m["line"], m["operator"], m["occurrence"])):
            print(f"  {result['module']}:{m['line']}  {m['operator']}")
            print(f"      {m['change']}")


if __name__ == "__main__":
    sys.exit(main())
