"""kill -9 at random moments: every answer a journey process acknowledged is there after,
and the database opens cleanly."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journey.core.model import Answered
from journey.store.database import DB_NAME, Store

from .helpers import start

ROOT = Path(__file__).resolve().parent.parent
KILLS = 40


@pytest.mark.posix  # the journey process is forked and killed with SIGKILL
def test_kill_9_at_random_moments_loses_nothing_acknowledged(words, store: Store,
                                                             journey_home: Path) -> None:
    journey_id = start(words, store).journey.id
    store.close()  # the journey process must be the only writer
    rng = random.Random(os.environ.get("KILL_SEED", "5"))
    driver = subprocess.Popen(
        [sys.executable, "-m", "tests.kill_driver", journey_id], cwd=ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
        env={**os.environ, "JOURNEY_HOME": str(journey_home)})
    assert driver.stdin and driver.stdout
    acknowledged: list[tuple[str, str]] = []
    rounds_with_answers = answering_rounds = 0
    try:
        for _ in range(KILLS):
            driver.stdin.write("go\n")
            kind, pid = driver.stdout.readline().split()
            assert kind == "CHILD"
            before = len(acknowledged)
            if rng.random() < 0.25:
                # While the journey opens: reading the file, taking the lock, the sitting.
                time.sleep(rng.uniform(0, 0.03))
            else:
                # Mid-journey. The moment is counted in answers, not in seconds, so a slow
                # or busy machine moves every kill later but never out of the journey.
                answering_rounds += 1
                for _ in range(rng.randint(1, 30)):
                    line = driver.stdout.readline().split()
                    if line[0] != "SAVED":
                        os.kill(int(pid), signal.SIGKILL)
                    assert line[0] == "SAVED", line
                    acknowledged.append((line[1], line[2]))
                time.sleep(rng.uniform(0, 0.01))  # somewhere inside saving the next one
            os.kill(int(pid), signal.SIGKILL)
            while (line := driver.stdout.readline().split())[0] != "DEAD":
                assert line[0] == "SAVED", line
                acknowledged.append((line[1], line[2]))
            rounds_with_answers += len(acknowledged) > before
    finally:
        driver.stdin.close()
        driver.wait(timeout=60)

    assert answering_rounds >= KILLS // 2
    assert rounds_with_answers >= answering_rounds  # the kills did land mid-journey
    db = sqlite3.connect(journey_home / DB_NAME)
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()
    again = Store(journey_home)
    journey = again.load(journey_id)
    saved = {(e.question, e.at.isoformat()) for e in journey.events if isinstance(e, Answered)}
    missing = [a for a in acknowledged if a not in saved]
    assert not missing, f"{len(missing)} of {len(acknowledged)} acknowledged answers lost"
    # The summary was written with each event, so it agrees with the events.
    summary = again.summary(journey_id)
    assert summary.updated == journey.updated
    assert summary.step == journey.position.step
    # And the journey can be written again: no lock was left behind by the dead.
    again.rename(journey_id, "Sam again")
    assert again.load(journey_id).name == "Sam again"
