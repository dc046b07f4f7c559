"""Planning chunks and reading inputs, in this process (no cluster)."""
from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from communique.batch.sources import (Failure, Fields, Report, plan_chunks, read_chunk)
from communique.inputs import MAX_REPORT_BYTES, BadInput, iso_date
from communique.reader import extract_report

from .conftest import UNDATED_REPORT, html_page, wire_report, write_jsonl, write_warc


def read_all(paths: list[str], chunk_size: int = 500, fields: Fields = Fields()) -> list[Report | Failure]:
    return [item for chunk in plan_chunks(paths, fields, chunk_size) for item in read_chunk(chunk)]


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 7, 1000])
def test_jsonl_byte_ranges_read_every_line_once(tmp_path, chunk_size):
    items = [{"id": f"r{i}", "text": wire_report(i) * (1 + i % 3)} for i in range(23)]
    path = write_jsonl(tmp_path / "feed.jsonl", items)
    chunks = plan_chunks([str(path)], Fields(), chunk_size)
    read = [item for chunk in chunks for item in read_chunk(chunk)]
    assert [r.id for r in read] == [f"r{i}" for i in range(23)]
    assert all(isinstance(r, Report) and r.text == items[int(r.id[1:])]["text"] for r in read)
    assert len(chunks) == len({c.id for c in chunks})


def test_jsonl_fields_metadata_and_bad_lines(tmp_path):
    path = write_jsonl(tmp_path / "feed.jsonl", [
        {"key": "a", "body": UNDATED_REPORT, "when": "2024-03-05T08:00:00Z", "agency": "Feed Agency"},
        "{not json",
        ["a", "list"],
        {"key": "b", "headline": "no body"},
        {"key": "c", "body": "   "},
        {"body": wire_report(3), "when": "yesterday"},
    ])
    read = read_all([str(path)], fields=Fields(text="body", id="key", date="when", source="agency"))
    assert len(read) == 6
    first, not_json, a_list, no_text, blank, no_id = read
    assert isinstance(first, Report) and (first.id, first.published, first.source) == ("a", "2024-03-05", "Feed Agency")
    assert isinstance(not_json, Failure) and "not a JSON line" in not_json.reason
    assert isinstance(a_list, Failure) and "not a JSON object" in a_list.reason
    assert isinstance(no_text, Failure) and no_text.id == "b" and "'body'" in no_text.reason
    assert isinstance(blank, Failure) and "empty report" in blank.reason
    assert isinstance(no_id, Report) and no_id.id.startswith("feed@") and no_id.published is None
    assert all(r.reason.startswith(f"{path}@") and "\n" not in r.reason for r in read if isinstance(r, Failure))


def test_folders_are_read_recursively_with_ids_from_their_paths(tmp_path):
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(wire_report(1), encoding="utf-8")
    (tmp_path / "a" / "deep" / "one.txt").write_text(wire_report(2), encoding="utf-8")
    (tmp_path / "a" / "deep" / "page.htm").write_text(html_page(wire_report(3)), encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("not a report", encoding="utf-8")
    # the same file named twice, in its folder and on its own, is read once
    read = read_all([str(tmp_path / "a"), str(tmp_path / "a" / "one.txt")], chunk_size=2)
    assert sorted(r.id for r in read) == ["deep/one", "deep/page", "one"]


def test_html_gives_article_text_date_and_site(tmp_path):
    page = tmp_path / "talks.html"
    page.write_text(html_page(UNDATED_REPORT), encoding="utf-8")
    [report] = read_all([str(tmp_path)])
    assert isinstance(report, Report)
    assert "Aidos Bekmuratov held talks" in report.text and "All rights reserved" not in report.text
    assert (report.published, report.source) == ("2024-03-05", "Steppe Herald")
    record = extract_report(report)
    # the dateline states no year: the page's date completes it; the dateline's agency stays the source
    assert record.published == "2024-03-05" and record.source == "Steppe Wire"
    assert record.meetings and record.meetings[0].date == "2024-03-04"


def test_a_dateline_date_wins_over_the_page_date(tmp_path):
    (tmp_path / "p.html").write_text(html_page(wire_report(0), date="2031-01-01", site="Other Site"), encoding="utf-8")
    [report] = read_all([str(tmp_path)])
    record = extract_report(report)
    assert record.published == "2015-01-01" and record.source == "Steppe Wire"


def test_bad_documents_are_one_failure_each(tmp_path):
    (tmp_path / "good.txt").write_text(wire_report(0), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes("Genève talks".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"word " * (MAX_REPORT_BYTES // 5 + 10))
    (tmp_path / "broken.html").write_text("<html><body><div><<<>>></p></table>", encoding="utf-8")
    (tmp_path / "nul.html").write_bytes(b"<html>\x00\x00\x00</html>")
    read = read_all([str(tmp_path)])
    reasons = {Path(r.origin).name: r.reason for r in read if isinstance(r, Failure)}
    assert [r.id for r in read if isinstance(r, Report)] == ["good"]
    assert "empty report" in reasons["empty.txt"]
    assert "binary data" in reasons["binary.txt"]
    assert "not UTF-8" in reasons["latin1.txt"]
    assert "over the 1,000,000-byte limit" in reasons["huge.txt"]
    assert "no article text" in reasons["broken.html"]
    assert "binary data" in reasons["nul.html"]
    assert all("\n" not in reason for reason in reasons.values())


def test_warc_responses_and_text_records(tmp_path):
    good = html_page(wire_report(5)).encode("utf-8")
    path = write_warc(tmp_path / "crawl.warc.gz", [
        ("request", "https://news.example/a", b"", ""),
        ("response", "https://news.example/a", good, "text/html; charset=utf-8"),
        ("response", "https://news.example/logo.png", b"\x89PNG\r\n", "image/png"),
        ("response", "https://news.example/empty", b"<html><body></body></html>", "text/html"),
        ("conversion", "https://news.example/b", wire_report(6).encode("utf-8"), "text/plain"),
        ("resource", "https://news.example/c", wire_report(7).encode("utf-8"), "text/plain; charset=utf-8"),
    ])
    read = read_all([str(path)])
    reports = [r for r in read if isinstance(r, Report)]
    failures = [r for r in read if isinstance(r, Failure)]
    assert [r.id for r in reports] == ["https://news.example/a", "https://news.example/b", "https://news.example/c"]
    assert reports[0].source == "Steppe Herald" and "dispatch 5" in reports[0].text
    assert reports[1].text == wire_report(6)
    assert [f.id for f in failures] == ["https://news.example/empty"]
    assert all(r.origin.startswith(f"{path}@") for r in read)


def test_an_uncompressed_warc_reads_too(tmp_path):
    path = write_warc(tmp_path / "crawl.warc", [("conversion", "urn:x", wire_report(1).encode(), "text/plain")],
                      gzip=False)
    assert [r.text for r in read_all([str(path)])] == [wire_report(1)]


@pytest.mark.parametrize("compressed", [True, False])
def test_a_truncated_warc_keeps_its_records_before_the_damage(tmp_path, compressed):
    records = [("conversion", f"urn:r{i}", wire_report(i).encode(), "text/plain") for i in range(3)]
    path = write_warc(tmp_path / "whole.warc", records, gzip=compressed)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc"
    for size in (len(data) - 40, len(data) - 150):
        cut.write_bytes(data[:size])
        read = read_all([str(cut)])
        assert [r.id for r in read if isinstance(r, Report)] == ["urn:r0", "urn:r1"]
        [failure] = [r for r in read if isinstance(r, Failure)]
        assert "cut short" in failure.reason and failure.id == "urn:r2"


@pytest.mark.parametrize("content", [b"hello, this is no archive\n", b"x" * 100])
def test_a_file_that_is_not_a_warc_is_one_failure(tmp_path, content):
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(content))
    [failure] = read_all([str(path)])
    assert isinstance(failure, Failure) and "not a readable WARC record" in failure.reason


def test_chunk_ids_are_stable_and_follow_the_inputs(tmp_path):
    for i in range(5):
        (tmp_path / f"r{i}.txt").write_text(wire_report(i), encoding="utf-8")
    first = [c.id for c in plan_chunks([str(tmp_path)], Fields(), 2)]
    assert first == [c.id for c in plan_chunks([str(tmp_path)], Fields(), 2)]
    changed = tmp_path / "r4.txt"
    changed.write_text(wire_report(40), encoding="utf-8")
    os.utime(changed, ns=(0, 1))
    assert [c.id for c in plan_chunks([str(tmp_path)], Fields(), 2)][:2] == first[:2]
    assert [c.id for c in plan_chunks([str(tmp_path)], Fields(), 2)][2] != first[2]


def test_a_missing_input_stops_before_any_work(tmp_path):
    with pytest.raises(BadInput, match="nope.jsonl: no such file or folder"):
        plan_chunks([str(tmp_path), str(tmp_path / "nope.jsonl")], Fields(), 10)


def test_iso_dates():
    assert iso_date("2024-03-05") == "2024-03-05"
    assert iso_date("2024-03-05T23:10:00+03:00") == "2024-03-05"
    assert iso_date("05/03/2024") is None and iso_date(20240305) is None and iso_date("2024-02-30") is None
