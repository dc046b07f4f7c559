"""The knowledge base on real databases: reports once, people once across
spellings, meetings once across agencies, the queries and the export."""
import csv
import json
import subprocess

import pyarrow.parquet as pq
from sqlalchemy import func, select

from communique.kb import ingest_paths
from communique.kb.export import export
from communique.kb.models import Meeting, MeetingSource, Person, Report
from communique.kb.queries import meetings, person

from .conftest import REPORTS


def test_each_report_once(db):
    first = ingest_paths(db, [str(REPORTS)])
    again = ingest_paths(db, [str(REPORTS / "tass-csto-cfm.txt")])
    assert first.stored == 5 and again.stored == 0 and again.already == 1
    with db.session() as s:
        assert s.scalar(select(func.count(Report.id))) == 5


def test_one_meeting_from_three_agencies(db):
    ingest_paths(db, [str(REPORTS)])
    rows = meetings(db, org="CSTO")
    assert len(rows) == 1
    row = rows[0]
    assert row["date"] == "2024-06-14" and row["location"] == "Dushanbe"
    assert set(row["sources"]) == {"khovar-csto-cfm", "tass-csto-cfm", "belta-csto-cfm"}
    with db.session() as s:
        assert s.scalar(select(func.count(MeetingSource.id)).where(MeetingSource.meeting_id == row["id"])) == 3


def test_one_person_across_spellings(db):
    ingest_paths(db, [str(REPORTS)])
    views = person(db, "Muhriddin")
    assert len(views) == 1
    view = views[0]
    assert {"Sirojiddin Mukhriddin", "Sirojiddin Muhriddin"} <= set(view.names)
    assert {(r["role"], r["for"]) for r in view.roles} == {("foreign_minister", "TJK")}
    lavrov = person(db, "Sergei Lavrov")
    assert len(lavrov) == 1 and {"Sergei Lavrov", "Sergey Lavrov"} <= set(lavrov[0].names)


def test_different_people_stay_apart(db):
    ingest_paths(db, [str(REPORTS)])
    kims = person(db, "Kim")
    assert {v.name for v in kims} >= {"Kim Min-seok", "Kim Song"}
    sergeis = {v.name for v in person(db, "Sergei")}
    assert len({n.split()[-1] for n in sergeis}) == len(sergeis)  # Lavrov and Aleinik, never one
    with db.session() as s:
        names = [p.name for p in s.scalars(select(Person))]
    assert len([n for n in names if n.endswith("Lavrov")]) == 1


def test_filters(db):
    ingest_paths(db, [str(REPORTS)])
    assert {r["org"] for r in meetings(db, body="foreign ministers")} == {"CSTO"}
    assert len(meetings(db, person="Kim Song")) == 1
    assert all(any(p["for"] == "PRK" for p in r["participants"]) for r in meetings(db, country="PRK"))
    assert [r["date"] for r in meetings(db, since="2024-03-04", until="2024-03-31")] == ["2024-03-05"]
    assert meetings(db, org="NATO") == []


def test_disagreeing_sources_keep_both_and_a_reason(db):
    ingest_paths(db, [str(REPORTS)])
    row = meetings(db, org="CSTO")[0]
    with db.session() as s:
        chairs = set(s.scalars(select(MeetingSource.chair_id).where(MeetingSource.meeting_id == row["id"])))
        meeting = s.get(Meeting, row["id"])
    assert meeting.chair_id in chairs
    assert all(isinstance(v, str) and "source" in v for v in meeting.reasons.values())


def test_export_all_formats(db, tmp_path):
    ingest_paths(db, [str(REPORTS)])
    for fmt in ("jsonl", "csv", "parquet"):
        written = export(db, fmt, tmp_path / fmt)
        assert set(written) >= {"meetings", "participants", "adopted", "people", "reports"}
    lines = (tmp_path / "jsonl" / "meetings.jsonl").read_text().splitlines()
    assert len(lines) == len(meetings(db))
    assert json.loads(lines[0])["kind"]
    with (tmp_path / "csv" / "reports.csv").open() as fh:
        assert len(list(csv.DictReader(fh))) == 5
    assert pq.read_table(tmp_path / "parquet" / "people.parquet").num_rows >= 8


def test_cli_commands(communique_cmd, db_url, tmp_path):
    def run(*args):
        return subprocess.run([*communique_cmd, *args, "--db", db_url], capture_output=True, text=True, timeout=300)

    ingested = run("ingest", str(REPORTS))
    assert ingested.returncode == 0, ingested.stderr
    assert "5 stored" in ingested.stdout
    shown = run("person", "Mukhriddin")
    assert "foreign_minister of TJK" in shown.stdout and "Muhriddin" in shown.stdout
    listed = run("meetings", "--org", "CSTO", "--format", "json")
    assert len(json.loads(listed.stdout)) == 1
    as_csv = run("meetings", "--format", "csv")
    assert as_csv.stdout.splitlines()[0].startswith("id,date,kind")
    exported = run("export", "--format", "parquet", str(tmp_path / "out"))
    assert exported.returncode == 0 and (tmp_path / "out" / "meetings.parquet").exists()


def test_meetings_one_report_tells_apart_stay_apart(db, tmp_path):
    report = tmp_path / "two.txt"
    report.write_text(
        "SEOUL, March 9, 2024 (Yonhap) -- Foreign Minister Cho Tae-yul held talks with his Japanese counterpart "
        "Yoko Kamikawa in Seoul on Saturday. After the bilateral talks, Cho and Kamikawa held a trilateral meeting "
        "with U.S. Secretary of State Antony Blinken.\n")
    ingest_paths(db, [str(report)])
    rows = meetings(db, since="2024-03-09", until="2024-03-09")
    assert len(rows) == 2
