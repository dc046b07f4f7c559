"""`communique evaluate`: the same figures as the evaluation's reference scorer."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique.evaluate import score_records

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"

GOLD_A = {
    "doc_id": "a", "source": "Kazinform", "published": "2024-04-12", "dateline_place": "Astana",
    "meetings": [
        {"kind": "session", "org": ["CIS", "Commonwealth of Independent States"],
         "body": ["Council of Foreign Ministers", "CFM"], "date": "2024-04-11", "location": ["Astana"],
         "chair": "Murat Nurtleu", "formats": ["narrow", "expanded"],
         "participants": [{"name": "Murat Nurtleu", "country": "KAZ", "role": "foreign_minister"},
                          {"name": "Sergei Lavrov", "country": "RUS", "role": "foreign_minister"},
                          {"name": "Sirojiddin Mukhriddin", "country": "TJK", "role": "foreign_minister"},
                          {"name": "Sergei Lebedev", "org": ["CIS", "Commonwealth of Independent States"],
                           "role": "secretary_general"}],
         "adopted": [{"kind": "statement", "subject": "the 80th anniversary of the Victory"},
                     {"kind": "programme", "subject": "cooperation in youth affairs for 2024-2026"}]},
        {"kind": "reception", "org": [], "body": [], "date": "2024-04-11", "location": ["Astana"],
         "chair": "Kassym-Jomart Tokayev",
         "participants": [{"name": "Kassym-Jomart Tokayev", "country": "KAZ", "role": "head_of_state"},
                          {"name": "Sergei Lavrov", "country": "RUS", "role": "foreign_minister"}],
         "adopted": []},
    ],
    "topics": [["regional security"], ["humanitarian"], ["transport", "connectivity"]],
}
PRED_A = {
    "source": "KAZINFORM", "published": "2024-04-12", "dateline_place": "Astana",
    "meetings": [
        {"kind": "session", "org": {"name": "CIS", "full_name": "Commonwealth of Independent States"},
         "body": {"name": "CIS Council of Foreign Ministers"}, "date": "2024-04-11",
         "location": {"name": "Astana, Kazakhstan"}, "chair": "Nurtleu", "formats": ["restricted"],
         "participants": [{"name": "Murat Nurtleu", "country": "KAZ", "role": "foreign_minister"},
                          {"name": "Sergey Lavrov", "country": "RUS", "role": "foreign_minister"},
                          {"name": "Sirojiddin Muhriddin", "country": "TJK", "role": "minister"},
                          {"name": "Sergei Lebedev", "org": "CIS", "role": "secretary_general"},
                          {"name": "Bakhtiyor Saidov", "country": "UZB", "role": "foreign_minister"}],
         "adopted": [{"kind": "statement", "subject": "80th anniversary of the Victory in the war"},
                     {"kind": "program", "subject": "youth affairs"}]},
        {"kind": "talks", "date": "2024-04-10", "participants": [{"name": "Someone Else"}], "adopted": []},
    ],
    "topics": ["regional security issues", "the weather"],
}
GOLD_B = {"doc_id": "b", "source": None, "published": None, "dateline_place": None,
          "meetings": [{"kind": "call", "org": [], "body": [], "date": "2022-09-22", "location": [], "chair": None,
                        "participants": [{"name": "Serdar Berdimuhamedov", "country": "TKM", "role": "head_of_state"}],
                        "adopted": []}],
          "topics": [["birthday"]]}
GOLD_C = {"doc_id": "c", "source": "TASS", "published": "2023-04-11", "dateline_place": "Moscow",
          "meetings": [], "topics": []}
CASES = [("a", GOLD_A, PRED_A), ("b", GOLD_B, {"meetings": [], "topics": ["birthday wishes"]}), ("c", GOLD_C, None)]


def test_scores_like_the_reference_scorer(tmp_path):
    if not SCORER.exists():
        pytest.skip("the reference scorer is not beside the project")
    gold_dir, pred_dir = tmp_path / "gold", tmp_path / "pred"
    gold_dir.mkdir()
    pred_dir.mkdir()
    for name, gold, pred in CASES:
        (gold_dir / f"{name}.gold.json").write_text(json.dumps(gold))
        if pred is not None:
            (pred_dir / f"{name}.json").write_text(json.dumps(pred))
    out = subprocess.run([sys.executable, str(SCORER), str(gold_dir), str(pred_dir), "--json"],
                         capture_output=True, text=True, check=True)
    reference = json.loads(out.stdout)
    ours = score_records(CASES).as_json()
    assert set(ours) == set(reference)
    for key, value in reference.items():
        if isinstance(value, dict) and "f1" in value:
            assert ours[key] == pytest.approx(value), key
    assert ours["missing"] == reference["missing"] == ["c"]
    assert ours["documents"] == pytest.approx(reference["documents"])


def test_counts_per_slot():
    report = score_records(CASES[:1])
    t = report.tally
    # the session pairs (Sergey/Sergei, Muhriddin/Mukhriddin match); the reception finds no partner
    assert (t.tp["participant.name"], t.fp["participant.name"], t.fn["participant.name"]) == (4, 2, 2)
    assert (t.tp["participant.role"], t.fp["participant.role"], t.fn["participant.role"]) == (3, 3, 3)
    assert (t.tp["meeting.adopted"], t.fp["meeting.adopted"], t.fn["meeting.adopted"]) == (2, 0, 0)
    assert t.tp["meeting.body"] == 1 and t.tp["meeting.location"] == 1 and t.tp["meeting.chair"] == 1


def test_verbose_names_what_is_wrong():
    report = score_records(CASES[:1])
    text = report.table(verbose=True)
    assert "extra participant: Bakhtiyor Saidov" in text
    assert "wrong participant: Sirojiddin Mukhriddin" in text
    assert "extra meeting: talks 2024-04-10" in text
    assert text.splitlines()[-1].startswith("overall F1 ")


def write_case(folder: Path) -> None:
    folder.mkdir()
    (folder / "call.txt").write_text(
        "BAKU, 16.05.2024 (Trend) - Azerbaijani Foreign Minister Jeyhun Bayramov held a telephone conversation "
        "with Georgian Foreign Minister Ilia Darchiashvili today. The ministers discussed regional transport.\n")
    (folder / "call.gold.json").write_text(json.dumps({
        "doc_id": "call", "source": "Trend", "published": "2024-05-16", "dateline_place": "Baku",
        "meetings": [{"kind": "call", "org": [], "body": [], "date": "2024-05-16", "location": [], "chair": None,
                      "participants": [
                          {"name": "Jeyhun Bayramov", "country": "AZE", "role": "foreign_minister"},
                          {"name": "Ilia Darchiashvili", "country": "GEO", "role": "foreign_minister"}],
                      "adopted": []}],
        "topics": [["transport"]]}))


def test_cli_table_and_json(communique_cmd, tmp_path):
    write_case(tmp_path / "gold")
    table = subprocess.run([*communique_cmd, "evaluate", str(tmp_path / "gold")], capture_output=True, text=True)
    assert table.returncode == 0, table.stderr
    assert table.stdout.strip().splitlines()[-1] == "overall F1 1.000"
    as_json = subprocess.run([*communique_cmd, "evaluate", str(tmp_path / "gold"), "--json"],
                             capture_output=True, text=True)
    assert json.loads(as_json.stdout)["overall"]["f1"] == 1.0


def test_cli_unreadable_gold_is_one_error_line(communique_cmd, tmp_path):
    folder = tmp_path / "gold"
    write_case(folder)
    (folder / "broken.gold.json").write_text("{not json")
    proc = subprocess.run([*communique_cmd, "evaluate", str(folder)], capture_output=True, text=True)
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "broken.gold.json" in lines[0]
