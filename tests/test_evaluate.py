"""`communique evaluate`: the figures of the evaluation's reference scorer, and findings with evidence.

The gold and predicted records below are written for these tests: the people
are real officials, the meetings, dates and documents are invented.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from communique.evaluate import GoldError, Report, same_person, score_records

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"

SCO = ["SCO", "Shanghai Cooperation Organisation"]


def ev(start: int, text: str) -> list[dict]:
    return [{"start": start, "end": start + len(text), "text": text}]


# ------------------------------------------------------------------ fixture records
# 1. A session: transliteration variants, org/body/location alternatives, formats, adopted overlap.
GOLD_SESSION = {
    "doc_id": "session", "source": "Kabar", "published": "2024-03-05", "dateline_place": "Bishkek",
    "meetings": [{
        "kind": "session", "org": SCO, "body": ["Council of Foreign Ministers", "CFM"], "date": "2024-03-04",
        "location": ["Bishkek"], "chair": "Jeenbek Kulubaev", "formats": ["narrow", "expanded"],
        "participants": [
            {"name": "Jeenbek Kulubaev", "country": "KGZ", "role": "foreign_minister"},
            {"name": "Sergei Lavrov", "country": "RUS", "role": "foreign_minister"},
            {"name": "Bakhtiyor Saidov", "country": "UZB", "role": "foreign_minister"},
            {"name": "Sirojiddin Muhriddin", "country": "TJK", "role": "foreign_minister"},
            {"name": "Murat Nurtleu", "country": "KAZ", "role": "foreign_minister"},
            {"name": "Zhang Ming", "org": SCO, "role": "secretary_general"},
        ],
        "adopted": [
            {"kind": "statement", "subject": "strengthening of regional transport connectivity"},
            {"kind": "plan", "subject": "joint action plan against drug trafficking for 2025-2027"},
            {"kind": "programme", "subject": "cooperation in the field of tourism"},
            {"kind": "decision", "subject": "the observer status of a partner state"},
        ],
    }],
    "topics": [["water", "resources"], ["Afghanistan"], ["tourism"]],
}
PRED_SESSION = {
    "source": "KABAR news agency", "published": "2024-03-05", "dateline_place": "Bishkek, Kyrgyzstan",
    "dateline": {"place": "Bishkek", "date": "2024-03-05", "source": "KABAR",
                 "evidence": ev(0, "BISHKEK") + ev(9, "5 March 2024") + ev(24, "KABAR")},
    "meetings": [{
        "kind": "session",
        "org": {"name": "SCO", "full_name": "Shanghai Cooperation Organisation", "evidence": ev(40, "SCO")},
        "body": {"name": "SCO Council of the Foreign Ministers", "aliases": ["CFM"], "evidence": ev(44, "CFM")},
        "date": "2024-03-05", "date_evidence": ev(60, "yesterday"),
        "location": {"name": "Bishkek, Kyrgyzstan", "evidence": ev(0, "BISHKEK")},
        "chair": "Dzheenbek Kulubayev", "chair_person": "p1",
        "formats": ["restricted format", "enlarged", "plenary"],
        "participants": [
            {"person": "p1", "name": "Dzheenbek Kulubayev", "country": "KGZ", "role": "foreign_minister",
             "evidence": ev(80, "Dzheenbek Kulubayev")},
            {"person": "p2", "name": "Sergey Lavrov", "country": "RUS", "role": "foreign_minister",
             "evidence": ev(120, "Sergey Lavrov")},
            {"person": "p3", "name": "Baxtiyor Saidov", "country": "UZB", "role": "minister",
             "evidence": ev(150, "Minister Baxtiyor Saidov")},
            {"person": {"name": "Sirodjiddin Mukhriddin", "country": {"iso3": "TJK"}, "role": "foreign_minister"}},
            {"person": "p5", "name": "Zhang Ming", "org": "Shanghai Cooperation Organisation",
             "role": "secretary_general"},
            {"person": "p6", "name": "Wang Yi", "country": "CHN", "role": "foreign_minister",
             "evidence": ev(300, "Wang Yi")},
        ],
        "adopted": [
            {"kind": "statement", "subject": "regional connectivity", "evidence": ev(400, "regional connectivity")},
            {"kind": "plan", "subject": "plan on trafficking", "evidence": ev(430, "plan on trafficking")},
            {"kind": "program", "subject": "tourism cooperation"},
            {"kind": "declaration", "subject": "observer status of a partner state"},
        ],
        "evidence": ev(30, "session"),
    }],
    "topics": ["water resources of the region", "trade", "the situation in Afghanistan"],
}

# 2. Several meetings: greedy pairing, an undated pairing by organisation, unpaired meetings on both sides.
GOLD_SEVERAL = {
    "doc_id": "several", "source": None, "published": "2023-11-20", "dateline_place": "Astana",
    "meetings": [
        {"kind": "talks", "org": [], "body": [], "date": "2023-11-19", "location": ["Astana"],
         "chair": "Murat Nurtleu", "participants": [
             {"name": "Murat Nurtleu", "country": "KAZ", "role": "foreign_minister"},
             {"name": "Ararat Mirzoyan", "country": "ARM", "role": "foreign_minister"}], "adopted": []},
        {"kind": "reception", "org": [], "body": [], "date": "2023-11-19", "location": ["Astana"],
         "chair": "Kassym-Jomart Tokayev", "participants": [
             {"name": "Kassym-Jomart Tokayev", "country": "KAZ", "role": "head_of_state"},
             {"name": "Ararat Mirzoyan", "country": "ARM", "role": "foreign_minister"}], "adopted": []},
        {"kind": "session", "org": ["CIS", "Commonwealth of Independent States"], "body": [], "date": None,
         "location": ["Minsk"], "chair": None, "participants": [], "adopted": [],
         "formats": []},
        {"kind": "call", "org": [], "body": [], "date": "2023-11-10", "location": [], "chair": None,
         "participants": [{"name": "Murat Nurtleu", "country": "KAZ", "role": "foreign_minister"},
                          {"name": "Jeyhun Bayramov", "country": "AZE", "role": "foreign_minister"}],
         "adopted": []},
    ],
    "topics": [["peace", "treaty"], ["transit"]],
}
PRED_SEVERAL = {
    "source": None, "dateline": {"place": "ASTANA", "date": "2023-11-20T09:00", "source": None},
    "meetings": [
        {"kind": "reception", "date": "2023-11-19", "location": {"name": "Astana"},
         "chair": "Tokayev", "participants": [{"name": "Tokayev", "country": "KAZ", "role": "head_of_state"},
                                               {"name": "Mirzoyan", "country": "ARM", "role": "foreign_minister"}],
         "evidence": ev(200, "received")},
        {"kind": "talks", "date": "2023-11-19", "location": "Astana",
         "participants": ["Murat Nurtleu", {"name": "Ararat Mirzoyan", "country": "arm", "role": "foreign_minister"},
                          {"name": "Nikol Pashinyan", "country": "ARM", "role": "head_of_government"}],
         "evidence": ev(40, "held talks")},
        {"kind": "session", "org": "Commonwealth of Independent States", "location": "Minsk", "formats": ["one-on-one"],
         "evidence": ev(500, "CIS meeting")},
        {"kind": "call", "date": "2023-11-02", "participants": [{"name": "Hakan Fidan", "country": "TUR"}],
         "evidence": ev(700, "telephone conversation")},
        "not a meeting",
    ],
    "topics": ["peace treaty negotiations"],
}

# 3. A gold record whose prediction is missing, and one whose prediction is not a JSON object.
GOLD_UNPREDICTED = {
    "doc_id": "unpredicted", "source": "TASS", "published": "2022-06-01", "dateline_place": "Moscow",
    "meetings": [{"kind": "talks", "org": [], "body": [], "date": "2022-05-31", "location": ["Moscow"],
                  "chair": "Sergei Lavrov",
                  "participants": [{"name": "Sergei Lavrov", "country": "RUS", "role": "foreign_minister"}],
                  "adopted": [{"kind": "memorandum", "subject": "consultations between the ministries"}]}],
    "topics": [["consultations"]],
}
GOLD_EMPTY = {"doc_id": "empty", "source": None, "published": None, "dateline_place": None,
              "meetings": [], "topics": []}

CASES: list[tuple[str, dict, object]] = [
    ("session", GOLD_SESSION, PRED_SESSION),
    ("several", GOLD_SEVERAL, PRED_SEVERAL),
    ("unpredicted", GOLD_UNPREDICTED, None),
    ("not-an-object", GOLD_UNPREDICTED, ["meetings"]),
    ("empty", GOLD_EMPTY, {"meetings": [{"kind": "talks", "date": "2020-01-01"}], "topics": ["weather"]}),
]

ROW = re.compile(r"^(\S+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+(\d+)$")


def run_reference(tmp_path: Path, cases, *flags: str) -> str:
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir(exist_ok=True)
    pred_dir.mkdir(exist_ok=True)
    for name, gold, pred in cases:
        (gold_dir / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
        if pred is not None:
            (pred_dir / f"{name}.json").write_text(json.dumps(pred), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SCORER), str(gold_dir), str(pred_dir), *flags],
                          capture_output=True, text=True, check=True)
    return proc.stdout


def counts_of_table(table: str) -> dict[str, tuple[int, int, int]]:
    return {m[1]: (int(m[5]), int(m[6]), int(m[7])) for m in map(ROW.match, table.splitlines()) if m}


def our_counts(report: Report) -> dict[str, tuple[int, int, int]]:
    return {slot: report.tally.counts(slot) for slot in report.tally.slots()}


# ------------------------------------------------------------------ same figures as the reference scorer
@pytest.mark.parametrize("subset", [[0], [1], [2], [4], [0, 1, 2, 3, 4]], ids=["session", "several", "unpredicted",
                                                                              "extra-only", "all"])
def test_same_counts_and_figures_as_the_reference_scorer(tmp_path, subset):
    if not SCORER.exists():
        pytest.skip("the reference scorer (../shared/eval/score.py) is not beside the project")
    cases = sorted(CASES[i] for i in subset)  # the reference scorer goes through the files in name order
    ours = score_records(cases)
    table = run_reference(tmp_path, cases)
    assert counts_of_table(table) == our_counts(ours)
    assert table.strip().splitlines()[-3:] == ours.table().strip().splitlines()[-3:]  # topics, overall P R, F1
    reference = json.loads(run_reference(tmp_path, cases, "--json"))
    assert ours.as_json() == reference  # every slot, overall, topics, missing, per-report F1


def test_whole_table_is_the_reference_table(tmp_path):
    if not SCORER.exists():
        pytest.skip("the reference scorer (../shared/eval/score.py) is not beside the project")
    cases = sorted(CASES)
    assert score_records(cases).table() == run_reference(tmp_path, cases).rstrip("\n")


# ------------------------------------------------------------------ the counts themselves
def test_transliteration_variants_are_one_person():
    assert same_person("Dzheenbek Kulubayev", "Jeenbek Kulubaev")
    assert same_person("Sirodjiddin Mukhriddin", "Sirojiddin Muhriddin")
    assert same_person("Baxtiyor Saidov", "Bakhtiyor Saidov")  # x/kh: one token differs a little
    assert same_person("Tokayev", "Kassym-Jomart Tokayev")
    assert not same_person("Wang Yi", "Zhang Ming")
    assert not same_person("Sergei Lavrov", "Sergei Lebedev")


def test_counts_of_the_session():
    t = score_records(CASES[:1]).tally
    assert t.counts("participant.name") == (5, 1, 1)  # Wang Yi is extra, Nurtleu missing
    assert t.counts("participant.role") == (4, 2, 2)  # Saidov is "minister"
    assert t.counts("participant.affiliation") == (5, 1, 1)  # Zhang Ming by the organisation's full name
    assert t.counts("meeting.chair") == (1, 0, 0)
    assert t.counts("doc.source") == (1, 0, 0)  # "KABAR news agency" holds "Kabar"
    assert t.counts("meeting.body") == (1, 0, 0)  # "SCO Council of the Foreign Ministers"
    assert t.counts("meeting.location") == (1, 0, 0)  # "Bishkek, Kyrgyzstan" holds "Bishkek"
    assert t.counts("meeting.date") == (0, 1, 1)
    assert t.counts("meeting.formats") == (2, 0, 0)  # three names, two formats
    # statement: Dice 0.67; plan: 0.4; programme/program; decision vs declaration
    assert t.counts("meeting.adopted") == (2, 2, 2)


def test_counts_of_unpaired_meetings():
    t = score_records(CASES[1:2]).tally
    # talks, reception and the undated CIS session pair; the calls do not (other date, nobody shared)
    assert t.counts("meeting.kind") == (3, 1, 1)
    assert t.counts("meeting.org") == (1, 0, 0)
    assert t.counts("meeting.formats") == (0, 1, 0)
    assert t.counts("participant.name") == (4, 2, 2)
    assert t.counts("participant.affiliation") == (3, 3, 3)  # "Murat Nurtleu" as a bare string has no country


def test_missing_prediction():
    report = score_records(CASES[2:4])
    assert report.missing == ["unpredicted", "not-an-object"]
    assert report.tally.tp.total() == report.tally.fp.total() == 0
    assert report.tally.fn["participant.name"] == 2 and report.tally.fn["meeting.adopted"] == 2
    assert report.as_json()["documents"] == {"unpredicted": 0.0, "not-an-object": 0.0}


def test_bad_gold_is_a_gold_error():
    with pytest.raises(GoldError, match="broken"):
        score_records([("broken", {"meetings": [{"participants": [{"country": "KAZ"}]}]}, {})])
    with pytest.raises(GoldError, match="not a JSON object"):
        score_records([("list", [], {})])


# ------------------------------------------------------------------ findings
def test_verbose_gives_each_wrong_or_missing_value_with_its_evidence():
    text = score_records(CASES).table(verbose=True)
    lines = text.splitlines()
    assert lines[-1].startswith("overall F1 ")
    assert "  0.000  unpredicted" in lines
    assert '  wrong meeting.date: predicted 2024-03-05 at [60:69] "yesterday", gold 2024-03-04' in text
    assert ('  wrong participant.role of Bakhtiyor Saidov: predicted minister at [150:174] '
            '"Minister Baxtiyor Saidov", gold foreign_minister') in text
    assert "  missing participant: Murat Nurtleu (KAZ, foreign_minister)" in text
    assert '  extra participant: Wang Yi (CHN, foreign_minister) at [300:307] "Wang Yi"' in text
    assert '  extra meeting.adopted: declaration "observer status of a partner state"' in text
    assert '  missing meeting.adopted: decision "the observer status of a partner state"' in text
    assert '  extra meeting: call 2023-11-02 at [700:722] "telephone conversation" (Hakan Fidan)' in text
    assert "  missing meeting: call 2023-11-10: Murat Nurtleu, Jeyhun Bayramov" in text
    assert "  missing topic: transit" in text
    assert text.count("in session 2024-03-04 (SCO, Council of Foreign Ministers, Bishkek):") == 1
    # a correct value is not a finding
    session = text.split("  0.788  session\n")[1].split("several")[0]
    assert "meeting.body" not in session and "Lavrov" not in session and "formats" not in session
    unpredicted = text.split("  0.000  unpredicted\n")[1].split("\n")[0]
    assert unpredicted.strip() == "missing prediction: no readable prediction for this report"


def test_findings_are_only_in_verbose():
    assert "missing participant" not in score_records(CASES).table()


# ------------------------------------------------------------------ the command
REPORT = ("TASHKENT, 14 May 2024 (Dunyo) - Foreign Minister of Uzbekistan Bakhtiyor Saidov held talks "
          "with Foreign Minister of Turkmenistan Rashid Meredov in Tashkent on 13 May. The ministers "
          "discussed water resources and transit through the region.\n")
GOLD = {"doc_id": "tashkent-talks", "source": "Dunyo", "published": "2024-05-14", "dateline_place": "Tashkent",
        "meetings": [{"kind": "talks", "org": [], "body": [], "date": "2024-05-13", "location": ["Tashkent"],
                      "chair": None, "participants": [
                          {"name": "Bakhtiyor Saidov", "country": "UZB", "role": "foreign_minister"},
                          {"name": "Rashid Meredov", "country": "TKM", "role": "foreign_minister"}],
                      "adopted": []}],
        "topics": [["water", "resources"], ["transit"]]}


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "tashkent-talks.txt").write_text(REPORT, encoding="utf-8")
    (folder / "tashkent-talks.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return folder


def test_cli_prints_the_table(communique_cmd, gold_dir):
    proc = subprocess.run([*communique_cmd, "evaluate", str(gold_dir)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert lines[0].split() == ["slot", "P", "R", "F1", "tp", "fp", "fn"]
    assert re.fullmatch(r"overall F1 [01]\.\d{3}", lines[-1])
    assert any(line.startswith("participant.name ") for line in lines)


def test_cli_json_and_verbose(communique_cmd, gold_dir):
    proc = subprocess.run([*communique_cmd, "evaluate", str(gold_dir), "--json"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(proc.stdout)
    assert set(figures["overall"]) == {"p", "r", "f1"} and figures["missing"] == []
    assert list(figures["documents"]) == ["tashkent-talks"]
    verbose = subprocess.run([*communique_cmd, "evaluate", str(gold_dir), "--verbose"], capture_output=True, text=True, check=False)
    assert verbose.returncode == 0 and "tashkent-talks" in verbose.stdout
    assert verbose.stdout.strip().splitlines()[-1].startswith("overall F1 ")


def test_cli_agrees_with_the_reference_on_its_own_output(communique_cmd, gold_dir, tmp_path):
    if not SCORER.exists():
        pytest.skip("the reference scorer (../shared/eval/score.py) is not beside the project")
    out = tmp_path / "out"
    subprocess.run([*communique_cmd, "extract", str(gold_dir), "--out", str(out)], check=True, capture_output=True)
    reference = subprocess.run([sys.executable, str(SCORER), str(gold_dir), str(out)], capture_output=True, text=True,
                               check=True).stdout
    ours = subprocess.run([*communique_cmd, "evaluate", str(gold_dir)], capture_output=True, text=True, check=False).stdout
    assert ours == reference


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"meetings": "none"}', b"\xff\xfe{}"])
def test_cli_unreadable_gold_is_one_error_line(communique_cmd, gold_dir, content):
    path = gold_dir / "broken.gold.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    proc = subprocess.run([*communique_cmd, "evaluate", str(gold_dir)], capture_output=True, text=True, check=False)
    assert proc.returncode != 0 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "broken.gold.json" in lines[0], proc.stderr


def test_cli_folder_without_gold(communique_cmd, tmp_path):
    proc = subprocess.run([*communique_cmd, "evaluate", str(tmp_path)], capture_output=True, text=True, check=False)
    assert proc.returncode != 0 and proc.stderr.startswith("error:") and len(proc.stderr.splitlines()) == 1
