"""Any text, however mangled, gives a record: no exception, and every
evidence offset inside the text and pointing at the text it names."""
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import communique

ROOT = Path(__file__).resolve().parents[1]
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))[:12]]


def evidence_in_bounds(value, text: str) -> None:
    if isinstance(value, dict):
        if {"start", "end", "text"} <= set(value) and isinstance(value["start"], int):
            assert 0 <= value["start"] <= value["end"] <= len(text)
            assert text[value["start"]:value["end"]] == value["text"]
        for v in value.values():
            evidence_in_bounds(v, text)
    elif isinstance(value, list):
        for v in value:
            evidence_in_bounds(v, text)


@st.composite
def mangled_reports(draw):
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "cut"]))
        if action == "insert":
            text = text[:at] + draw(st.text(min_size=1, max_size=8)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 30)):]
        else:
            text = text[at:] + text[:at]
    return text


@settings(max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled_reports())
def test_mangled_reports_extract_cleanly(text):
    record = communique.extract(text)
    evidence_in_bounds(record.model_dump(), text)


@settings(max_examples=100, derandomize=True, deadline=None)
@given(st.text(max_size=400))
def test_any_text_extracts_cleanly(text):
    evidence_in_bounds(communique.extract(text).model_dump(), text)
