"""The fault drill (bench/fault_drill.py, `make chaos`): a short baseline phase of it runs
end to end (its own PostgreSQL, Redis and gunicorn), and its verdict fails on a lost write,
an accepted write without a revision, or a stale answer."""

import sys
from collections import Counter

from bench import fault_drill


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


def test_a_short_drill_runs_and_would_see_a_stale_answer():
    with (
        fault_drill.temporary_directory() as directory,
        open(directory / "gunicorn.log", "wb") as log,
        fault_drill.site(directory, log) as drill,
    ):
        baseline = fault_drill.run_phase("baseline", drill, 1)
        assert baseline.accepted > 0
        assert not fault_drill.failed([baseline]), baseline
        # A change the cache is not told of (written behind the site's back): the drill sees
        # the visitors' answers that still show the old value.
        person = next(t for t in drill.targets if t.kind == "person")
        with drill.postgres.connect() as connection:
            assert fault_drill.stale_reads(drill.port, connection, [person]) == []
            connection.execute(
                "UPDATE catalog_person SET name = 'Behind its back' WHERE id = %s", [person.pk]
            )
            stale = fault_drill.stale_reads(drill.port, connection, [person])
        # Which stored answers are still served depends on which worker answers (and on a
        # Redis call that may time out under load, making a worker render afresh), so the
        # drill must report the old value on some of the answers that show it, and no other.
        seen = {path for path, _, _ in stale}
        assert seen
        assert seen <= {person.page_path, fault_drill.SEASON_PATH, person.api_path}
    report = fault_drill.report([baseline], out=sys.stdout)
    assert report is None
