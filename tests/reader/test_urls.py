"""`communique extract URL...` and `communique ingest URL...` against a local
server on loopback: a good page, a redirect, a 404, an answer slower than the
timeout, a PDF and 20 MB answers, each failure one `error:` line while the
other inputs are still written."""
from __future__ import annotations

import json
import os
import subprocess
import time

import pytest

from communique.fetch import fetch
from communique.inputs import BadInput
from communique.webpage import MAX_HTML_BYTES

from .conftest import REPORT, SLOW_SECONDS

FAILURES = {  # path: what its one error line says
    "/missing": "HTTP 404",
    "/slow.html": "no answer within 1 s",
    "/paper.pdf": "application/pdf, not an HTML page",
    "/huge.html": f"over the {MAX_HTML_BYTES:,}-byte limit for one page",
    "/endless.html": f"over the {MAX_HTML_BYTES:,}-byte limit for one page",
}


@pytest.fixture
def run(communique_cmd, tmp_path):
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}

    def _run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*communique_cmd, *args], capture_output=True, cwd=tmp_path, env=env, timeout=120,
                              text=True)
    return _run


def test_extract_a_url(run, site):
    proc = run("extract", f"{site}/page.html", "--with-text")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["doc_id"] == record["url"] == f"{site}/page.html"
    assert (record["source"], record["published"], record["dateline_place"]) == ("Steppe Wire", "2024-03-05", "Astana")
    assert [m["kind"] for m in record["meetings"]] == ["talks"]
    # the offsets index the page's text, which the record carries: no need to read the page again
    text = record["text"]["content"]
    assert text == REPORT and record["text"]["chars"] == len(text)
    for m in record["meetings"]:
        for e in m["evidence"]:
            assert text[e["start"]:e["end"]] == e["text"]


def test_each_failed_url_is_one_error_line_and_the_rest_is_written(run, site, tmp_path):
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    urls = [f"{site}{path}" for path in FAILURES]
    started = time.monotonic()
    proc = run("extract", f"{site}/page.html", *urls, "report.txt", f"{site}/moved", "--timeout", "1",
               "--out", "records")
    assert time.monotonic() - started < 60
    assert proc.returncode == 1
    errors = proc.stderr.splitlines()
    assert len(errors) == len(FAILURES), proc.stderr
    for line, (path, says) in zip(errors, FAILURES.items()):
        assert line.startswith(f"error: {site}{path}: ") and says in line, line
    written = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "records").iterdir()}
    # a URL names its record's file, with each run of what a file name cannot hold as one "_"
    port = site.rsplit(":", 1)[1]
    assert sorted((name, record["url"]) for name, record in written.items()) == sorted([
        ("report.json", None),
        (f"http_127.0.0.1_{port}_page.html.json", f"{site}/page.html"),
        (f"http_127.0.0.1_{port}_moved.json", f"{site}/moved")])


def test_ingest_urls(run, site, tmp_path):
    proc = run("ingest", f"{site}/page.html", f"{site}/missing", f"{site}/report.txt", "--db",
               f"sqlite:///{tmp_path / 'kb.db'}")
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"error: {site}/missing: HTTP 404 Not Found"]
    # the page and the text are one report: stored once
    assert "1 stored, 1 already stored, 1 failed" in proc.stdout


def test_the_timeout_is_for_the_whole_answer(site):
    started = time.monotonic()
    with pytest.raises(BadInput, match="no answer within 0.5 s"):
        fetch(f"{site}/slow.html", timeout=0.5)
    assert time.monotonic() - started < SLOW_SECONDS


def test_nothing_listens(site):
    with pytest.raises(BadInput, match=r"^http://127\.0\.0\.1:1/x: cannot be fetched \("):
        fetch("http://127.0.0.1:1/x", timeout=2)
