"""`communique serve` and `communique demo`, run for real in a subprocess."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx
import pytest

from communique.web.cli import EXAMPLES, build_demo

from .conftest import free_port


def _wait(url: str, proc: subprocess.Popen, seconds: float = 90) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "exited"
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


@pytest.fixture
def launch(communique_cmd, tmp_path):
    started: list[subprocess.Popen] = []

    def _launch(*args: str) -> subprocess.Popen:
        proc = subprocess.Popen([*communique_cmd, *args], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        started.append(proc)
        return proc

    yield _launch
    for proc in started:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_serve(launch, sqlite_db):
    port = free_port()
    proc = launch("serve", "--db", str(sqlite_db.engine.url), "--host", "127.0.0.1", "--port", str(port))
    got = _wait(f"http://127.0.0.1:{port}/api/reports", proc)
    assert got.status_code == 200 and got.json()["total"] == 6
    assert "<h1>Meetings</h1>" in httpx.get(f"http://127.0.0.1:{port}/").text


def _workers(pid: int) -> set[int]:
    """The worker processes `pid` started (Linux's /proc), its other helpers left out."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return {c for c in found if b"spawn_main" in _read(Path(f"/proc/{c}/cmdline"))}


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # the process is gone
        return b""


def _alive(pid: int) -> bool:
    status = _read(Path(f"/proc/{pid}/status"))
    return bool(status) and b"zombie" not in status


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts worker processes through Linux's /proc")
def test_serve_with_workers(launch, sqlite_db):
    port = free_port()
    proc = launch("serve", "--db", str(sqlite_db.engine.url), "--port", str(port), "--workers", "2")
    got = _wait(f"http://127.0.0.1:{port}/api/meetings", proc)
    assert got.status_code == 200 and got.json()["total"] == len(got.json()["items"]) > 0
    answers = [httpx.get(f"http://127.0.0.1:{port}/api/meetings?per_page=1&page={n}").json()["items"][0]["id"]
               for n in (1, 2, 3)]  # several connections, whichever worker takes each
    assert len(set(answers)) == 3
    workers = _workers(proc.pid)
    assert len(workers) == 2
    proc.terminate()
    proc.wait(timeout=30)
    deadline = time.monotonic() + 30
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers)  # the workers stop with it


def test_serve_bad_workers(launch, sqlite_db):
    proc = launch("serve", "--db", str(sqlite_db.engine.url), "--workers", "0")
    assert proc.wait(timeout=60) == 2
    assert b"--workers" in proc.stderr.read()


def test_demo_serves_the_examples(launch, tmp_path):
    port = free_port()
    proc = launch("demo", "--port", str(port), "--folder", str(tmp_path / "demo"))
    got = _wait(f"http://127.0.0.1:{port}/api/meetings", proc)
    assert got.status_code == 200
    meetings = got.json()["items"]
    assert len(meetings) >= 7
    multi = [m for m in meetings if len(m["sources"]) > 1]
    assert multi and multi[0]["org"] == "SCO"  # one meeting, two agencies
    reports = httpx.get(f"http://127.0.0.1:{port}/api/reports").json()
    assert reports["total"] == len(list(EXAMPLES.glob("*.txt"))) >= 6


def test_demo_database_is_fresh(tmp_path):
    first = build_demo(tmp_path)
    again = build_demo(tmp_path)
    assert first == again and Path(first.removeprefix("sqlite:///")).is_file()
    from communique.kb import open_db
    from communique.web.catalog import list_reports

    db = open_db(again)
    with db.session() as s:
        assert list_reports(s)["total"] == len(list(EXAMPLES.glob("*.txt")))
    db.engine.dispose()
