"""PLOVER records: how each kind of meeting becomes events (modes, sides,
CAMEO codes), the founding report and the knowledge base exported through the
command, and every record valid against docs/plover-event.schema.json.

The reports here are written for these tests."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from communique.events.plover import Citation, date_range, meeting_events
from communique.record import Evidence, Meeting, Participant
from conftest import plover_errors

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "dushanbe-csto-cfm-2021-05-20.txt"
KB_REPORTS = ROOT / "tests" / "kb" / "reports"
CSTO_MEMBERS = {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}

REPORTS = {
    "tashkent-visit": ("TASHKENT, April 2, 2024 (Dunyo) – Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov "
                       "held talks with Minister of Foreign Affairs of Kyrgyzstan Jeenbek Kulubaev in Tashkent on "
                       "Tuesday.\nThe ministers discussed water sharing and signed a protocol on border demarcation.\n"),
    "almaty-talks": ("ALMATY, May 10, 2024 (Kazinform) – Foreign Minister of Armenia Ararat Mirzoyan and Foreign "
                     "Minister of Azerbaijan Jeyhun Bayramov held talks in Almaty on Friday.\n"),
    "almaty-negotiations": ("ALMATY, May 11, 2024 (Kazinform) – Foreign Minister of Armenia Ararat Mirzoyan and "
                            "Foreign Minister of Azerbaijan Jeyhun Bayramov held negotiations in Almaty on Saturday.\n"),
    "moscow-call": ("MOSCOW, June 3, 2024 (TASS) – Russian Foreign Minister Sergey Lavrov had a telephone "
                    "conversation with Chinese Foreign Minister Wang Yi on Monday.\n"),
}


def events_of(extract, name: str) -> list[dict]:
    record = extract(REPORTS[name], doc_id=name)
    return [e.as_json() for i, m in enumerate(record.meetings)
            for e in meeting_events(m, f"{name}-m{i}", Citation(name, record.source))]


def consult(events: list[dict]) -> dict:
    [found] = [e for e in events if e["event"] == ["CONSULT"]]
    return found


def codes(actors: list[dict]) -> list[str]:
    return sorted(a["code"] for a in actors)


def assert_offsets_in(text: str, record: dict) -> None:
    """The record's offsets point at its words in the report it cites."""
    info = record["text_info"]
    assert text[info["start"]:info["end"]] in record["event_text"]
    assert {text[s["start"]:s["end"]] for s in info["spans"]} == set(record["event_text"])


def test_talks_at_home_are_a_visit_from_the_visitor_and_the_protocol_is_signed_by_both(extract):
    events = events_of(extract, "tashkent-visit")
    talks = consult(events)
    assert (talks["mode"], talks["cameo"], talks["quad_code"]) == ("visit", "042", 1)
    assert codes(talks["source"]) == ["KGZ"] and codes(talks["recipient"]) == ["UZB"]
    assert talks["source"][0]["identifier_text"] == "Jeenbek Kulubaev"
    assert (talks["source"][0]["sector"], talks["source"][0]["office"]) == ("GOV", "foreign_minister")
    assert talks["event_loc"] == {"name": "Tashkent", "country code": "UZ", "cc3": "UZB"}
    [protocol] = [e for e in events if e["event"] == ["SUPPORT"]]
    assert (protocol["cameo"], protocol["link"], protocol["document"]["kind"]) == ("057", talks["id"], "protocol")
    assert codes(protocol["source"]) == ["KGZ", "UZB"] and protocol["recipient"] == []
    for e in events:
        assert_offsets_in(REPORTS["tashkent-visit"], e)
        assert plover_errors(e) == []


def test_talks_at_a_third_state_and_negotiations(extract):
    third = consult(events_of(extract, "almaty-talks"))
    assert (third["mode"], third["cameo"]) == ("third-party", "044")
    assert codes(third["source"]) == ["ARM", "AZE"] and third["recipient"] == []
    negotiated = consult(events_of(extract, "almaty-negotiations"))
    assert negotiated["cameo"] == "046" and "negotiations" in negotiated["event_text"]


def test_a_call_is_by_phone_with_every_side_a_source(extract):
    call = consult(events_of(extract, "moscow-call"))
    assert (call["mode"], call["cameo"], call["event_loc"]) == ("phone", "041", None)
    assert codes(call["source"]) == ["CHN", "RUS"] and call["recipient"] == []
    assert_offsets_in(REPORTS["moscow-call"], call)


def test_dates_a_meeting_without_a_day_and_leaves_out_one_without_a_date():
    assert date_range("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_range("2023") == ("2023-01-01", "2023-12-31")
    assert date_range("2024-05-03") == ("2024-05-03", None)
    said = [Evidence(start=0, end=5, text="talks")]
    people = [Participant(person="p1", name="Ana Lima", role="foreign_minister", country="BRA", evidence=said),
              Participant(person="p2", name="Ilse Berg", role="foreign_minister", country="AUT", evidence=said)]
    in_march = meeting_events(Meeting(kind="talks", date="2024-03", participants=people, evidence=said), "x",
                              Citation("x"))
    assert [(e.date, e.enddate) for e in in_march] == [("2024-03-01", "2024-03-31")]
    assert meeting_events(Meeting(kind="talks", participants=people, evidence=said), "y", Citation("y")) == []
    nobody = Meeting(kind="talks", date="2024-03-01", participants=[p.model_copy(update={"country": None}) for p in people])
    assert meeting_events(nobody, "z", Citation("z")) == []


@pytest.fixture(scope="module")
def exported(tmp_path_factory, communique_cmd) -> tuple[list[dict], dict[str, str]]:
    """The knowledge-base test reports, these tests' reports and the founding
    report ingested through the command and exported as PLOVER: the records,
    and each report's text by name."""
    folder = tmp_path_factory.mktemp("plover")
    texts = {path.stem: path.read_text(encoding="utf-8") for path in KB_REPORTS.glob("*.txt")}
    for name, text in REPORTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        texts[name] = text
    paths = [str(KB_REPORTS), *(str(folder / f"{n}.txt") for n in REPORTS)]
    if SEED.exists():
        paths.append(str(SEED))
        texts[SEED.stem] = SEED.read_text(encoding="utf-8")
    db = ["--db", f"sqlite:///{folder / 'kb.db'}"]
    ingested = subprocess.run([*communique_cmd, "ingest", *paths, *db], capture_output=True, text=True, timeout=600)
    assert ingested.returncode == 0, ingested.stderr
    done = subprocess.run([*communique_cmd, "export", "--format", "plover", str(folder / "events.jsonl"), *db],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = (folder / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert f"{len(lines)} PLOVER records" in done.stdout
    return [json.loads(line) for line in lines], texts


def test_every_exported_record_validates_and_points_into_the_report_it_cites(exported):
    records, texts = exported
    assert len(records) >= 10 and len({r["id"] for r in records}) == len(records)
    for record in records:
        assert plover_errors(record) == []
        assert_offsets_in(texts[record["cite_info"]["citation"]], record)


@pytest.mark.skipif(not SEED.exists(), reason="the founding report is not beside the project")
def test_founding_report_session_reception_and_documents(exported, extract):
    records, _ = exported
    mine = [r for r in records if r["cite_info"]["citation"] == SEED.stem]
    [session] = [r for r in mine if r["event"] == ["CONSULT"] and r["mode"] == "multilateral"]
    assert session["date"] == "2021-05-19" and session["cameo"] == "040"
    assert CSTO_MEMBERS <= set(codes(session["source"]))
    assert {a["org"] for a in session["source"] if a["code"] == "IGO"} == {"CSTO"}
    [reception] = [r for r in mine if r["event"] == ["CONSULT"] and r["mode"] == "visit"]
    assert reception["date"] == "2021-05-19" and reception["cameo"] == "042"
    assert "head_of_state" in {a["office"] for a in reception["recipient"] if a["code"] == "TJK"}
    assert CSTO_MEMBERS - {"TJK"} <= set(codes(reception["source"]))
    adopted = [a for m in extract(SEED.read_text(encoding="utf-8")).meetings for a in m.adopted]
    documents = [r for r in mine if r["event"] == ["SUPPORT"]]
    assert sorted(r["document"]["subject"] for r in documents) == sorted(a.subject for a in adopted)
    assert all(r["link"] == session["id"] and r["cameo"] in ("050", "057") for r in documents)


def test_a_meeting_three_agencies_tell_is_one_record(exported):
    records, _ = exported
    [council] = [r for r in records if r["event"] == ["CONSULT"] and r["date"] == "2024-06-14"
                 and r["mode"] == "multilateral"]
    assert council["comment"].startswith("told by 3 reports")
    assert CSTO_MEMBERS <= set(codes(council["source"]))


def test_export_refuses_a_folder_an_unknown_level_and_an_unwritable_file(communique_cmd, tmp_path):
    db = ["--db", f"sqlite:///{tmp_path / 'kb.db'}"]
    to_folder = subprocess.run([*communique_cmd, "export", "--format", "plover", str(tmp_path), *db],
                               capture_output=True, text=True, timeout=120)
    assert to_folder.returncode == 2 and to_folder.stderr.startswith("error: ") and "Traceback" not in to_folder.stderr
    level = subprocess.run([*communique_cmd, "export", "--format", "gexf", str(tmp_path / "g.gexf"), "--level", "city",
                            *db], capture_output=True, text=True, timeout=120)
    assert level.returncode == 2 and level.stderr.startswith("error: --level")
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    unwritable = subprocess.run([*communique_cmd, "export", "--format", "plover", str(tmp_path / "a-file" / "e.jsonl"),
                                 *db], capture_output=True, text=True, timeout=120)
    assert unwritable.returncode == 1 and unwritable.stderr.startswith("error: cannot write")
    assert len(unwritable.stderr.splitlines()) == 1
