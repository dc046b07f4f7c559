"""One reader behind every door: the same report gives the same record
through `extract`, `ingest`, `batch`, POST /api/extract and the extract page,
whichever kind of input carries it (a text file, a saved page by its suffix or
by its first tag, a JSONL line, a WARC record, standard input, a URL)."""
from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.batch.sources import Fields, plan_chunks
from communique.batch.tasks import run_chunk
from communique.cli import app
from communique.kb.db import open_db
from communique.kb.models import Report as StoredReport
from communique.reader import extract_report, read_text
from communique.web import create_app

from .conftest import PAGE, REPORT


def _warc(path: Path, kind: str, body: bytes, content_type: str) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        url = "https://steppe-herald.example/talks"
        if kind == "response":
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
        else:
            record = writer.create_warc_record(url, kind, payload=io.BytesIO(body), warc_content_type=content_type)
        writer.write_record(record)


def _input(kind: str, folder: Path, site: str) -> tuple[str, bytes | None]:
    """The command-line input that carries the report as `kind`, and what standard input holds."""
    if kind == "txt":
        (folder / "report.txt").write_text(REPORT, encoding="utf-8")
        return str(folder / "report.txt"), None
    if kind == "html":
        (folder / "page.html").write_text(PAGE, encoding="utf-8")
        return str(folder / "page.html"), None
    if kind == "page without suffix":
        (folder / "saved").write_text(PAGE, encoding="utf-8")
        return str(folder / "saved"), None
    if kind == "folder":
        (folder / "in").mkdir()
        (folder / "in" / "page.htm").write_text(PAGE, encoding="utf-8")
        return str(folder / "in"), None
    if kind == "jsonl":
        line = json.dumps({"id": "r1", "text": REPORT, "date": "2024-03-05", "source": "Steppe Herald"})
        (folder / "feed.jsonl").write_text(line + "\n", encoding="utf-8")
        return str(folder / "feed.jsonl"), None
    if kind == "warc response":
        _warc(folder / "crawl.warc.gz", "response", PAGE.encode("utf-8"), "text/html; charset=utf-8")
        return str(folder / "crawl.warc.gz"), None
    if kind == "warc text":
        _warc(folder / "crawl.warc.gz", "conversion", REPORT.encode("utf-8"), "text/plain")
        return str(folder / "crawl.warc.gz"), None
    if kind == "stdin text":
        return "-", REPORT.encode("utf-8")
    if kind == "stdin page":
        return "-", PAGE.encode("utf-8")
    if kind == "url":
        return f"{site}/page.html", None
    if kind == "url redirected":
        return f"{site}/moved", None
    if kind == "url text":
        return f"{site}/report.txt", None
    raise AssertionError(kind)


FILES = ["txt", "html", "page without suffix", "folder", "jsonl", "warc response", "warc text"]
COMMAND_LINE = FILES + ["stdin text", "stdin page", "url", "url redirected", "url text"]
PASTED = ["text", "page as text", "page as html"]
DOORS = ([("extract", kind) for kind in COMMAND_LINE] + [("ingest", kind) for kind in COMMAND_LINE]
         + [("batch", kind) for kind in FILES] + [("api", kind) for kind in PASTED]
         + [("extract page", kind) for kind in PASTED[:2]])


def _through(door: str, kind: str, folder: Path, site: str) -> list[dict]:
    """The records the door gives for the report carried as `kind`."""
    runner = CliRunner()
    if door == "extract":
        given, stdin = _input(kind, folder, site)
        result = runner.invoke(app, ["extract", given, "--format", "jsonl"], input=stdin)
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    if door == "ingest":
        given, stdin = _input(kind, folder, site)
        url = f"sqlite:///{folder / 'kb.db'}"
        result = runner.invoke(app, ["ingest", given, "--db", url], input=stdin)
        assert result.exit_code == 0, result.output
        with open_db(url).session() as session:
            return list(session.scalars(select(StoredReport.record)))
    if door == "batch":
        given, _ = _input(kind, folder, site)
        for chunk in plan_chunks([given], Fields(), 10):
            summary = run_chunk(chunk, str(folder / "out"))
            assert summary.errors == 0, summary.first_errors
        rows = ds.dataset(folder / "out" / "reports", format="parquet").to_table().to_pylist()
        return [json.loads(row["record"]) for row in rows]
    client = TestClient(create_app(open_db(f"sqlite:///{folder / 'web.db'}")))
    body = {"text": REPORT, "page as text": PAGE, "page as html": PAGE}[kind]
    if door == "api":
        got = client.post("/api/extract", json={"html" if kind == "page as html" else "text": body})
        assert got.status_code == 200, got.text
        return [got.json()]
    got = client.post("/extract", data={"text": body, "published": "", "source": ""})
    assert got.status_code == 200, got.text
    return [json.loads(html.unescape(re.search(r'<pre class="json" id="record-json">(.*?)</pre>', got.text, re.S)[1]))]


def _comparable(record: dict) -> dict:
    """The record less what names the input (its id, its URL) and the text included on request."""
    out = {k: v for k, v in record.items() if k not in ("doc_id", "url")}
    out["text"] = {k: v for k, v in record["text"].items() if k != "content"}
    return out


@pytest.fixture(scope="module")
def expected() -> dict:
    record = extract_report(read_text(REPORT, "report", "report")).model_dump(mode="json")
    # what the page tells: its dateline's agency, date and place, and one meeting, the talks
    assert (record["source"], record["published"], record["dateline_place"]) == ("Steppe Wire", "2024-03-05", "Astana")
    assert [m["kind"] for m in record["meetings"]] == ["talks"]
    assert {p["name"] for p in record["meetings"][0]["participants"]} == {"Aidos Bekmuratov", "Farrukh Tashkentov"}
    return _comparable(record)


@pytest.mark.parametrize("door, kind", DOORS, ids=[f"{d}-{k}".replace(" ", "_") for d, k in DOORS])
def test_every_door_gives_the_same_record(door, kind, expected, tmp_path, site):
    records = _through(door, kind, tmp_path, site)
    assert len(records) == 1
    assert _comparable(records[0]) == expected
    if kind.startswith("url"):
        assert records[0]["url"].startswith(site)
