"""Reports written for these tests, several agencies telling of the same
meetings with their own spellings and details, on SQLite and PostgreSQL:
meetings once with every source, values disagreeing kept with a reason,
people once across spellings and apart where their states or offices say so.

tests/kb/agencies/:
  CIS Council of Foreign Ministers, Minsk, 12 October 2023: BelTA, TASS
    (Sergey, Muhriddin), Khovar (Mukhriddinov, "in Belarus in October 2023"),
    Kazinform (a day off: October 11)
  CSTO Council of Foreign Ministers, Minsk, the day before, the same ministers: BelTA
  Lavrov and Saidov in Tashkent, 20 February 2024: TASS, UzA, Dunyo ("yesterday")
  Kim Song of North Korea and Kim Song of South Korea, the same day
  Aibek Temirov, Kyrgyz foreign minister and Aibek Temirov, Kyrgyz defence minister, the same day
  Dovlet Orazov, Turkmen foreign minister in 2019, president in 2023
"""
import csv
import json
import subprocess

import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select

from communique.kb import ingest_paths
from communique.kb.export import export
from communique.kb.models import Meeting, MeetingSource, Person, Report
from communique.kb.queries import meetings, person

from .conftest import REPORTS

AGENCIES = REPORTS.parent / "agencies"
CIS = {"belta-cis-cfm", "tass-cis-cfm", "khovar-cis-cfm", "kazinform-cis-cfm"}


@pytest.fixture
def kb(db):
    summary = ingest_paths(db, [str(AGENCIES)])
    assert summary.stored == 14 and not summary.failed
    return db


def test_one_meeting_from_four_agencies_and_its_disagreements(kb):
    [cis] = meetings(kb, org="CIS")
    assert set(cis["sources"]) == CIS
    assert (cis["date"], cis["location"], cis["body"]) == ("2023-10-12", "Minsk", "Council of Foreign Ministers")
    date = cis["disagreements"]["date"]
    assert date["shown"] == "2023-10-12" and date["reason"] == "stated or implied by 3 of 4 sources"
    assert {v["value"]: set(v["sources"]) for v in date["values"]} == {
        "2023-10-12": {"belta-cis-cfm", "tass-cis-cfm"}, "2023-10": {"khovar-cis-cfm"},
        "2023-10-11": {"kazinform-cis-cfm"}}
    place = cis["disagreements"]["location"]
    assert place["shown"] == "Minsk" and {v["value"] for v in place["values"]} == {"Minsk", "Belarus"}
    assert cis["adopted"] == [{"kind": "statement", "subject": "80th anniversary of the liberation of Belarus"}]
    with kb.session() as s:
        told = s.scalars(select(MeetingSource.date).where(MeetingSource.meeting_id == cis["id"])).all()
    assert sorted(told) == ["2023-10", "2023-10-11", "2023-10-12", "2023-10-12"]  # every source's own value kept


def test_the_same_ministers_the_day_before_at_another_organisation_stay_apart(kb):
    [csto] = meetings(kb, org="CSTO")
    assert csto["date"] == "2023-10-11" and csto["sources"] == ["belta-csto-cfm-eve"]
    assert len(meetings(kb, body="Council of Foreign Ministers")) == 2


def test_talks_from_three_agencies_once(kb):
    [talks] = meetings(kb, person="Saidov", since="2024-02-01", until="2024-02-29")
    assert set(talks["sources"]) == {"tass-lavrov-saidov", "uza-lavrov-saidov", "dunyo-lavrov-saidov"}
    assert {p["name"] for p in talks["participants"]} == {"Bakhtiyor Saidov", "Sergei Lavrov"}
    assert talks["disagreements"] == {}


def test_people_once_across_spellings(kb):
    [tajik] = person(kb, "Muhriddin")
    assert set(tajik.names) == {"Sirojiddin Mukhriddin", "Sirojiddin Muhriddin", "Sirojiddin Mukhriddinov"}
    assert [(r["role"], r["for"], r["sources"]) for r in tajik.roles] == [("foreign_minister", "TJK", 3)]
    [lavrov] = person(kb, "Sergey Lavrov")
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= set(lavrov.names)
    assert len(lavrov.meetings) == 3
    assert dict(lavrov.met_most)["Sergei Aleinik"] == 2
    assert [v.name for v in person(kb, "Сергей Лавров")] == ["Sergei Lavrov"]  # Cyrillic finds him


def test_two_people_of_one_name_stay_apart(kb):
    kims = person(kb, "Kim Song")
    assert sorted(r["for"] for v in kims for r in v.roles) == ["KOR", "PRK"]
    temirovs = person(kb, "Aibek Temirov")
    assert sorted(r["role"] for v in temirovs for r in v.roles) == ["defence_minister", "foreign_minister"]
    assert len(temirovs) == 2
    with kb.session() as s:
        assert s.scalar(select(func.count(Person.id)).where(Person.name == "Sergei Aleinik")) == 1


def test_one_person_through_offices_over_time(kb):
    [orazov] = person(kb, "Orazov")
    assert [(r["role"], r["first_seen"]) for r in orazov.roles] == [("foreign_minister", "2019-03-04"),
                                                                     ("head_of_state", "2023-09-08")]


def test_reingesting_stores_nothing(kb):
    again = ingest_paths(kb, [str(AGENCIES), str(AGENCIES / "tass-cis-cfm.txt")])
    assert (again.stored, again.already) == (0, 15)
    with kb.session() as s:
        assert s.scalar(select(func.count(Report.id))) == 14
        assert s.scalar(select(func.count(Meeting.id))) == 9


def test_every_filter(kb):
    assert {m["org"] for m in meetings(kb, org="cis")} == {"CIS"}
    assert len(meetings(kb, body="foreign ministers")) == 2
    assert len(meetings(kb, person="Mukhriddinov")) == 1
    assert {m["location"] for m in meetings(kb, country="KOR")} == {"Seoul"}
    assert [m["date"] for m in meetings(kb, since="2024-04", until="2024-04")] == ["2024-04-02", "2024-04-02"]
    assert [m["date"] for m in meetings(kb, until="2019")] == ["2019-03-04"]
    assert meetings(kb, org="CIS", country="KOR") == []


def test_export_every_table_in_every_format(kb, tmp_path):
    for fmt in ("jsonl", "csv", "parquet"):
        written = export(kb, fmt, tmp_path / fmt)
        assert set(written) == {"meetings", "meeting_sources", "participants", "adopted", "people", "roles", "reports"}
    parquet = {name: pq.read_table(tmp_path / "parquet" / f"{name}.parquet") for name in written}
    assert parquet["reports"].num_rows == 14 and parquet["meetings"].num_rows == 9
    assert parquet["meeting_sources"].num_rows == 4 + 1 + 3 + 2 + 2 + 2
    with (tmp_path / "csv" / "participants.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == parquet["participants"].num_rows and all(json.loads(r["evidence"]) for r in rows)
    lines = [json.loads(line) for line in (tmp_path / "jsonl" / "meetings.jsonl").read_text().splitlines()]
    cis = next(m for m in lines if m["org"] == "CIS")
    assert len(json.loads(cis["report_ids"])) == 4 and "date" in json.loads(cis["reasons"])
    people = pq.read_table(tmp_path / "parquet" / "people.parquet").to_pylist()
    assert any(set(json.loads(p["names"])) >= {"Sirojiddin Muhriddin", "Sirojiddin Mukhriddinov"} for p in people)


def test_the_commands(communique_cmd, db_url, tmp_path):
    def run(*args):
        done = subprocess.run([*communique_cmd, *args, "--db", db_url], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "14 stored, 0 already stored" in run("ingest", str(AGENCIES))
    assert "0 stored, 1 already stored" in run("ingest", str(AGENCIES / "dunyo-lavrov-saidov.txt"))
    table = run("meetings", "--org", "CIS", "--format", "table")
    assert "Minsk" in table and "Sergei Aleinik" in table and table.endswith("1 meeting(s)\n")
    [row] = csv.DictReader(run("meetings", "--org", "CIS", "--format", "csv").splitlines())
    assert "date: 2023-10-12 (stated or implied by 3 of 4 sources)" in row["disagreements"] and row["sources"] == "4"
    [cis] = json.loads(run("meetings", "--person", "Muhriddin", "--format", "json"))
    assert len(cis["sources"]) == 4
    rows = list(csv.DictReader(run("meetings", "--country", "PRK", "--since", "2024-01-01", "--until", "2024-12-31",
                                   "--body", "", "--format", "csv").splitlines()))
    assert [r["location"] for r in rows] == ["Pyongyang"] and rows[0]["participants"].startswith("Kim Song (PRK)")
    shown = run("person", "Muhriddin")
    assert shown.count("Sirojiddin") == 3  # one person, the name and both other spellings
    assert "foreign_minister of TJK: 2023-10-12 to 2023-10-14 (3 report(s)" in shown
    assert "Sirojiddin Muhriddin" in shown and "Sirojiddin Mukhriddinov" in shown
    assert "met most: Sergei Aleinik (1)" in shown
    assert run("person", "Kim Song").count("Kim Song  (also: -)") == 2
    for fmt in ("jsonl", "csv", "parquet"):
        assert "meetings:" in run("export", "--format", fmt, str(tmp_path / fmt))
    assert pq.read_table(tmp_path / "parquet" / "participants.parquet").num_rows > 0


def test_two_processes_ingesting_at_once_store_each_report_person_and_meeting_once(communique_cmd, db_url, db):
    runs = [subprocess.Popen([*communique_cmd, "ingest", str(AGENCIES), "--db", db_url],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [r.communicate(timeout=300) for r in runs]
    assert all(r.returncode == 0 for r in runs), [err for _, err in outs]
    with db.session() as s:
        assert s.scalar(select(func.count(Report.id))) == 14
        assert s.scalar(select(func.count(Meeting.id))) == 9
        assert s.scalar(select(func.count(Person.id)).where(Person.name.like("%Lavrov"))) == 1
    assert len(person(db, "Muhriddin")) == 1
