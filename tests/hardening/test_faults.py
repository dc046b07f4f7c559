"""Faults while ingesting: `communique ingest` killed with SIGKILL at seeded
points leaves no half-stored report and, run again, stores every report
exactly once; four processes at once store each report once; a full disk is
one clear error line and exit status 1."""
from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from communique.kb import open_db
from communique.kb.models import Adopted, Meeting, MeetingSource, Participant, Person, PersonName, PersonRole, Report

KB = Path(__file__).parent.parent / "kb"
FOLDERS = [str(KB / "agencies"), str(KB / "reports")]
PER_REPORT = (MeetingSource, Participant, PersonRole, Adopted)


def rows_per_report(db) -> dict[str, tuple[int, ...]]:
    """For each stored report, how many rows of each kind it holds."""
    with db.session() as s:
        names = dict(s.execute(select(Report.id, Report.name)).all())
        counts = {i: [0] * len(PER_REPORT) for i in names}
        for k, table in enumerate(PER_REPORT):
            for report_id, n in s.execute(select(table.report_id, func.count()).group_by(table.report_id)):
                counts[report_id][k] = n
    return {names[i]: tuple(c) for i, c in counts.items()}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[dict[str, tuple[int, ...]], int]:
    """Rows per report and meetings of one undisturbed ingest."""
    db = open_db(f"sqlite:///{tmp_path_factory.mktemp('reference') / 'kb.db'}")
    from communique.kb import ingest_paths

    ingest_paths(db, FOLDERS)
    with db.session() as s:
        meetings = s.scalar(select(func.count(Meeting.id)))
    found = rows_per_report(db)
    db.engine.dispose()
    return found, meetings


def assert_consistent(db, url: str, reference: dict[str, tuple[int, ...]]) -> int:
    """No half-stored report, no meeting without a source, no person without a name; the number of reports."""
    stored = rows_per_report(db)
    for name, counts in stored.items():
        assert counts == reference[name], name  # a stored report holds every row it tells
    with db.session() as s:
        assert s.scalar(select(func.count(Meeting.id)).where(
            ~Meeting.id.in_(select(MeetingSource.meeting_id)))) == 0
        assert s.scalar(select(func.count(Person.id)).where(~Person.id.in_(select(PersonName.person_id)))) == 0
    if url.startswith("sqlite:///"):
        with closing(sqlite3.connect(url[len("sqlite:///"):])) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    return len(stored)


def stored_reports(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count(Report.id)))


def test_killed_ingest_leaves_whole_reports_and_resumes(communique_cmd, db_url, reference):
    per_report, meetings = reference
    db = open_db(db_url)
    rnd = random.Random(20240614)
    targets = sorted(rnd.sample(range(len(per_report)), 3))  # kill once this many reports are stored
    for target in targets:
        run = subprocess.Popen([*communique_cmd, "ingest", *FOLDERS, "--db", db_url],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while run.poll() is None and stored_reports(db) < target:
            time.sleep(0.01)
        time.sleep(rnd.uniform(0, 0.15))  # somewhere inside the next report's extraction or transaction
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert assert_consistent(db, db_url, per_report) >= target
    done = subprocess.run([*communique_cmd, "ingest", *FOLDERS, "--db", db_url], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert assert_consistent(db, db_url, per_report) == len(per_report)
    assert rows_per_report(db) == per_report
    with db.session() as s:
        assert s.scalar(select(func.count(Meeting.id))) == meetings
    db.engine.dispose()


def test_four_processes_at_once_store_each_report_once(communique_cmd, db_url, reference):
    per_report, meetings = reference
    runs = [subprocess.Popen([*communique_cmd, "ingest", *FOLDERS, "--db", db_url],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outs = [r.communicate(timeout=300) for r in runs]
    assert all(r.returncode == 0 for r in runs), [err for _, err in outs]
    stored = sum(int(out.split(" stored")[0]) for out, _ in outs)
    assert stored == len(per_report)  # each report stored by exactly one of the four
    db = open_db(db_url)
    assert rows_per_report(db) == per_report
    with db.session() as s:
        assert s.scalar(select(func.count(Meeting.id))) == meetings
        assert s.scalar(select(func.count(Person.id)).where(Person.name.like("%Lavrov"))) == 1
    db.engine.dispose()


@pytest.fixture
def tiny_disk(tmp_path):
    """A 1 MB tmpfs, mounted for the test (root only)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True,
                             text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill: {mounted.stderr.strip() or 'mount failed'}")
    yield disk
    subprocess.run(["umount", str(disk)], check=True)


def test_full_disk_is_one_clear_error(communique_cmd, tiny_disk, tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    corpus = sorted((Path(__file__).parents[2] / "corpus").glob("*.txt"))
    for i in range(12):  # about 80 KB each: the disk fills a few reports in
        text = "\n".join(p.read_text(encoding="utf-8") for p in corpus[i * 5:i * 5 + 5])
        (reports / f"big-{i}.txt").write_text(text * 12 + f"\nReport {i}.\n", encoding="utf-8")
    url = f"sqlite:///{tiny_disk / 'kb.db'}"
    done = subprocess.run([*communique_cmd, "ingest", str(reports), "--db", url], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith("error: the database's disk is full") and "Traceback" not in done.stderr
    with closing(sqlite3.connect(tiny_disk / "kb.db")) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
