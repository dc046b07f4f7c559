"""Accuracy floors: the test fails when extraction gets worse than it is.

The project's own corpus (corpus/, invented reports with gold records) runs
everywhere; the real reports beside the project (development and check sets,
the founding report) run when present. Each floor is the figure measured when
it was set, rounded down: raise it as extraction improves."""
from pathlib import Path

import pytest

from communique.evaluate import evaluate_dir

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SEED = ROOT.parent / "shared" / "seed"

CORPUS_FLOOR = 0.93  # corpus/ (120 reports, gold re-checked against FORMAT.md; first contact of the 30 newest 0.627): 0.936
DEV_FLOOR = 0.83  # ../shared/eval/dev (92 real reports; 0.645 at first contact): 0.839
CHECK_FLOOR = 0.70  # ../shared/eval/check (30 real reports, never read; 0.564 at first contact): 0.710


def test_own_corpus():
    report = evaluate_dir(ROOT / "corpus")
    assert len(report.documents) >= 60
    assert report.tally.overall()[2] >= CORPUS_FLOOR


@pytest.mark.parametrize("name, floor", [("dev", DEV_FLOOR), ("check", CHECK_FLOOR)])
def test_real_reports(name, floor):
    if not (EVAL / name).exists():
        pytest.skip(f"../shared/eval/{name} is not beside the project")
    report = evaluate_dir(EVAL / name)
    assert report.tally.overall()[2] >= floor


@pytest.mark.skipif(not SEED.exists(), reason="the founding report is not beside the project")
def test_founding_report_is_right():
    report = evaluate_dir(SEED)
    assert report.tally.overall()[2] == 1.0
    assert report.topic_prf()[1] >= 0.8
