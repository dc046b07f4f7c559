"""`communique batch` run for real in a subprocess, with its own local cluster."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

from communique.batch import output

from .conftest import html_page, read_table, wire_report, write_jsonl

SUMMARY = re.compile(r"^(?P<reports>[\d,]+) reports, (?P<meetings>[\d,]+) meetings, (?P<errors>[\d,]+) errors in "
                     r"[\d.]+ s \([\d,.]+ reports/s\) on 2 worker\(s\) started in [\d.]+ s; "
                     r"(?P<chunks>\d+) chunk\(s\) done, (?P<before>\d+) done before$")


def environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR", "TERM")}


def run(cmd: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*cmd, "batch", *args], capture_output=True, text=True, cwd=cwd, env=environment(),
                          timeout=180)


def test_a_batch_writes_the_tables_and_says_what_it_did(communique_cmd, tmp_path):
    (tmp_path / "in").mkdir()
    for i in range(4):
        (tmp_path / "in" / f"r{i}.txt").write_text(wire_report(i), encoding="utf-8")
    (tmp_path / "in" / "page.html").write_text(html_page(wire_report(9)), encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\xff\xfe\x00\x01")
    write_jsonl(tmp_path / "feed.jsonl", [{"id": "j1", "text": wire_report(5)}, "not json"])
    done = run(communique_cmd, "in", "feed.jsonl", "--out", "out", "--workers", "2", "--chunk-size", "2",
               cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    summary = SUMMARY.match(done.stdout.strip())
    assert summary, done.stdout
    assert (summary["reports"], summary["errors"], summary["before"]) == ("6", "2", "0")
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2 and any("bad.txt: binary data" in e for e in errors)
    assert Counter(r["id"] for r in read_table(tmp_path / "out", "reports")) == Counter(
        ["r0", "r1", "r2", "r3", "page", "j1"])
    assert int(summary["meetings"]) == len(read_table(tmp_path / "out", "meetings")) > 0

    again = run(communique_cmd, "in", "feed.jsonl", "--out", "out", "--workers", "2", "--chunk-size", "2",
                cwd=tmp_path)
    assert again.returncode == 0
    assert again.stdout.startswith(f"nothing to do: the {summary['chunks']} chunk(s)"), again.stdout


def test_a_missing_input_is_one_line_before_any_work(communique_cmd, tmp_path):
    done = run(communique_cmd, "nope", "--out", "out", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == "error: nope: no such file or folder"


def test_a_killed_batch_run_again_writes_every_report_once(communique_cmd, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(1500):
        (folder / f"r{i:04}.txt").write_text(wire_report(i), encoding="utf-8")
    args = [*communique_cmd, "batch", "in", "--out", "out", "--workers", "2", "--chunk-size", "30"]
    # a session of its own: the kill takes the command's scheduler, nannies and workers with it
    first = subprocess.Popen(args, cwd=tmp_path, env=environment(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    markers = tmp_path / "out" / output.MARKERS
    deadline = time.monotonic() + 120
    while first.poll() is None and time.monotonic() < deadline and len(list(markers.glob("*.json"))) < 3:
        time.sleep(0.01)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    done_before = len(list(markers.glob("*.json")))
    assert 0 < done_before < 50, "the kill came too late: make the corpus larger"

    second = subprocess.run(args, cwd=tmp_path, env=environment(), capture_output=True, text=True, timeout=180)
    assert second.returncode == 0, second.stderr
    summary = SUMMARY.match(second.stdout.strip())
    assert summary and int(summary["before"]) >= done_before and int(summary["chunks"]) == 50 - int(summary["before"])
    assert Counter(r["id"] for r in read_table(tmp_path / "out", "reports")) == Counter(
        f"r{i:04}" for i in range(1500))
