"""Batches on a local Dask cluster of two workers: every input kind into the
tables, bad documents as error rows, re-runs that complete an interrupted
run, a worker killed during the run, and the knowledge base fed once."""
from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

import communique
from communique.batch import output
from communique.batch.run import BatchOptions, dask_client, prepare, run_batch, warm_workers
from communique.batch.tasks import run_chunk
from communique.events.plover import Citation, meeting_events
from communique.inputs import MAX_REPORT_BYTES
from communique.kb import open_db
from communique.kb.models import Report as StoredReport
from communique.record import Record

from conftest import plover_errors

from .conftest import UNDATED_REPORT, html_page, read_table, wire_report, write_jsonl, write_warc


def corpus_of_every_kind(root: Path) -> tuple[list[str], set[str]]:
    """Inputs of every kind with seven bad documents among them: the paths to
    give and the ids of the good reports."""
    folder = root / "reports"
    (folder / "wire").mkdir(parents=True)
    for i in range(5):
        (folder / "wire" / f"r{i}.txt").write_text(wire_report(i), encoding="utf-8")
    (folder / "page.html").write_text(html_page(UNDATED_REPORT), encoding="utf-8")
    (folder / "wire" / "other.htm").write_text(html_page(wire_report(10), site=None), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"  \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "cp1251.txt").write_bytes("Переговоры министров".encode("cp1251"))
    (folder / "huge.txt").write_bytes(b"talks " * (MAX_REPORT_BYTES // 6 + 1))
    (folder / "broken.html").write_text("<html><body><table><tr><td><<<>>></span></body", encoding="utf-8")
    feed = write_jsonl(root / "feed.jsonl", [
        {"id": "j1", "text": wire_report(20)},
        "{\"id\": \"j2\", \"text\": ",
        {"id": "j3", "text": wire_report(21), "date": "2022-01-01", "source": "Feed"},
        {"id": "j4", "title": "no text"},
    ])
    crawl = write_warc(root / "crawl.warc.gz", [
        ("request", "https://wire.example/1", b"", ""),
        ("response", "https://wire.example/1", html_page(wire_report(30)).encode(), "text/html"),
        ("response", "https://wire.example/style.css", b"body {}", "text/css"),
        ("conversion", "https://wire.example/2", wire_report(31).encode(), "text/plain"),
    ])
    good = {f"wire/r{i}" for i in range(5)} | {"page", "wire/other", "j1", "j3",
                                                "https://wire.example/1", "https://wire.example/2"}
    return [str(folder), str(feed), str(crawl)], good


def batch(client, paths: list[str], out: Path, chunk_size: int = 3, **options):
    settings = BatchOptions(out=out, chunk_size=chunk_size, **options)
    chunks, already_done = prepare(paths, settings)
    return run_batch(client, chunks, settings), already_done


def report_ids(out: Path) -> Counter[str]:
    return Counter(row["id"] for row in read_table(out, "reports"))


def test_every_input_kind_becomes_rows_and_every_bad_document_one_error(client, tmp_path):
    paths, good = corpus_of_every_kind(tmp_path)
    summary, already_done = batch(client, paths, tmp_path / "out")
    assert already_done == 0 and not summary.failed_chunks
    assert report_ids(tmp_path / "out") == Counter(good)
    errors = read_table(tmp_path / "out", "errors")
    reasons = {Path(e["origin"]).name: e["reason"] for e in errors}
    assert len(errors) == 7 == summary.errors
    assert "empty report" in reasons["empty.txt"] and "binary data" in reasons["binary.txt"]
    assert "not UTF-8" in reasons["cp1251.txt"] and "byte limit" in reasons["huge.txt"]
    assert "no article text" in reasons["broken.html"]
    assert {e["id"] for e in errors if e["origin"].startswith(paths[1])} == {"j4", None}
    assert all("\n" not in e["reason"] and "Traceback" not in e["reason"] for e in errors)
    assert summary.reports == len(good)


def test_rows_agree_with_the_record(client, tmp_path):
    paths, _ = corpus_of_every_kind(tmp_path)
    batch(client, paths, tmp_path / "out")
    reports = {row["id"]: row for row in read_table(tmp_path / "out", "reports")}
    row = reports["wire/r2"]
    expected = communique.extract(wire_report(2), doc_id="wire/r2")
    assert Record.model_validate_json(row["record"]) == expected
    assert row["text"] == wire_report(2) and row["origin"].endswith("wire/r2.txt")
    assert (row["published"], row["source"], row["dateline_place"]) == (expected.published, expected.source,
                                                                        expected.dateline_place)
    assert row["meetings"] == len(expected.meetings) >= 1
    meetings = [m for m in read_table(tmp_path / "out", "meetings") if m["report_id"] == "wire/r2"]
    participants = [p for p in read_table(tmp_path / "out", "participants") if p["report_id"] == "wire/r2"]
    adopted = [a for a in read_table(tmp_path / "out", "adopted") if a["report_id"] == "wire/r2"]
    assert [m["kind"] for m in meetings] == [m.kind for m in expected.meetings]
    assert sorted(p["name"] for p in participants) == sorted(p.name for m in expected.meetings
                                                             for p in m.participants)
    assert [a["subject"] for a in adopted] == [a.subject for m in expected.meetings for a in m.adopted]
    # the page's date and site fill in what its text does not state
    assert (reports["page"]["published"], reports["page"]["source"]) == ("2024-03-05", "Steppe Wire")
    assert reports["https://wire.example/1"]["url"] == "https://wire.example/1"
    assert reports["j3"]["published"] != "2022-01-01"  # the report's own dateline comes first


def test_a_rerun_completes_an_interrupted_run_and_writes_each_report_once(client, tmp_path):
    paths, good = corpus_of_every_kind(tmp_path)
    out = tmp_path / "out"
    settings = BatchOptions(out=out, chunk_size=3)
    chunks, _ = prepare(paths, settings)
    for chunk in chunks[:2]:  # an earlier run finished two chunks...
        run_chunk(chunk, str(out))
    run_chunk(chunks[2], str(out))  # ...wrote a third one's parts and died before its marker
    (out / output.MARKERS / f"{chunks[2].id}.json").unlink()
    (out / "reports" / f".part-{chunks[3].id}.parquet.0123.tmp").write_bytes(b"half a file")  # and a fourth's start

    summary, already_done = batch(client, paths, out)
    assert already_done == 2 and summary.chunks == len(chunks) - 2
    assert report_ids(out) == Counter(good)
    assert len(read_table(out, "errors")) == 7
    assert not list((out / "reports").glob(".*"))
    again, already_done = batch(client, paths, out)
    assert already_done == len(chunks) and again.chunks == 0
    assert report_ids(out) == Counter(good)


def test_a_changed_input_replaces_the_rows_of_its_chunk(client, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(7):
        (folder / f"r{i}.txt").write_text(wire_report(i), encoding="utf-8")
    out = tmp_path / "out"
    batch(client, [str(folder)], out)
    changed = folder / "r4.txt"
    changed.write_text(wire_report(44), encoding="utf-8")
    os.utime(changed, ns=(0, 1))  # a new version whatever the clock's resolution
    summary, already_done = batch(client, [str(folder)], out)
    assert (already_done, summary.chunks) == (2, 1)
    assert report_ids(out) == Counter(f"r{i}" for i in range(7))
    texts = {row["id"]: row["text"] for row in read_table(out, "reports")}
    assert texts["r4"] == wire_report(44)


def test_ingest_stores_each_report_once(client, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(8):
        (folder / f"r{i}.txt").write_text(wire_report(i), encoding="utf-8")
    feed = write_jsonl(tmp_path / "feed.jsonl", [{"id": "same-as-r0", "text": wire_report(0)},
                                                 {"id": "j9", "text": wire_report(9)}])
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    out = tmp_path / "out"
    summary, _ = batch(client, [str(folder), str(feed)], out, ingest_url=url)
    assert summary.reports == 10 and not summary.failed_chunks
    for marker in list((out / output.MARKERS).glob("*.json"))[:2]:  # as if those chunks were lost
        marker.unlink()
    batch(client, [str(folder), str(feed)], out, ingest_url=url)
    db = open_db(url)
    with db.session() as session:
        stored = session.execute(select(StoredReport.name, func.count()).group_by(StoredReport.content_hash)).all()
    assert len(stored) == 9 and all(count == 1 for _, count in stored)  # one text twice in the corpus
    assert report_ids(out) == Counter([f"r{i}" for i in range(8)] + ["same-as-r0", "j9"])


def test_a_worker_killed_during_the_run_loses_no_report(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(1200):
        (folder / f"r{i:04}.txt").write_text(wire_report(i), encoding="utf-8")
    out = tmp_path / "out"
    settings = BatchOptions(out=out, chunk_size=30)
    chunks, _ = prepare([str(folder)], settings)
    with dask_client(workers=2) as client:
        warm_workers(client)
        result = {}
        runner = threading.Thread(target=lambda: result.update(summary=run_batch(client, chunks, settings)))
        runner.start()
        markers = out / output.MARKERS
        while len(list(markers.glob("*.json"))) < 3 and runner.is_alive():
            time.sleep(0.01)
        victim = next(iter(client.run(os.getpid).values()))
        os.kill(victim, signal.SIGKILL)
        done_at_kill = len(list(markers.glob("*.json")))
        runner.join(timeout=240)
        assert not runner.is_alive()
        assert victim not in client.run(os.getpid).values()  # the nanny started a new worker
    assert done_at_kill < len(chunks), "the run ended before the kill: make the corpus larger"
    summary = result["summary"]
    assert not summary.failed_chunks and summary.reports == 1200
    assert report_ids(out) == Counter(f"r{i:04}" for i in range(1200))
    assert len(list(markers.glob("*.json"))) == len(chunks)


@pytest.mark.parametrize("field", ["chunk", "reports"])
def test_markers_are_written_after_the_parts(tmp_path, field):
    """A marker names its chunk and counts its rows: a resumed run trusts it."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(wire_report(1), encoding="utf-8")
    out = tmp_path / "out"
    [chunk], _ = prepare([str(folder)], BatchOptions(out=out))
    summary = run_chunk(chunk, str(out))
    marker = json.loads((out / output.MARKERS / f"{chunk.id}.json").read_text(encoding="utf-8"))
    assert marker[field] == getattr(summary, field) and marker["inputs"] == [str(folder / "a.txt")]
    assert all((out / table / f"part-{chunk.id}.parquet").is_file() for table in output.TABLES)


def test_events_table_holds_the_plover_records_of_each_report(client, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.txt").write_text(wire_report(i), encoding="utf-8")
    batch(client, [str(folder)], tmp_path / "out")
    rows = read_table(tmp_path / "out", "events")
    assert {r["report_id"] for r in rows} == {"r0", "r1", "r2"}
    mine = sorted((r for r in rows if r["report_id"] == "r1"), key=lambda r: r["id"])
    record = communique.extract(wire_report(1), doc_id="r1")
    expected = [e.as_json() for i, m in enumerate(record.meetings)
                for e in meeting_events(m, f"r1-m{i}", Citation("r1", record.source))]
    assert [json.loads(r["plover"]) for r in mine] == sorted(expected, key=lambda e: e["id"])
    talks, memorandum = mine
    assert (talks["event"], talks["mode"], talks["cameo"], talks["quad_code"]) == (["CONSULT"], "visit", "042", 1)
    assert len(talks["source"]) == len(talks["recipient"]) == 1 and talks["location_cc3"] == talks["recipient"][0]
    assert (memorandum["event"], memorandum["cameo"], memorandum["link"]) == (["SUPPORT"], "057", talks["id"])
    text = wire_report(1)
    assert text[talks["start"]:talks["end"]] in json.loads(talks["plover"])["event_text"]
    assert all(plover_errors(json.loads(r["plover"])) == [] for r in rows)
