"""The web application over a real database: the knowledge-base test reports
plus a hostile one, ingested into a fresh SQLite file (and PostgreSQL where
COMMUNIQUE_TEST_PG names a server, as .ci/run does)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from contextlib import contextmanager
from typing import Iterator

import httpx
import pytest
import uvicorn

from communique.kb import Database, ingest_paths, open_db
from conftest import fresh_database
from communique.web import create_app

KB_REPORTS = Path(__file__).parent.parent / "kb" / "reports"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# Written for these tests: a report whose text and values carry markup and script.
HOSTILE = """\
Ministers meet <script>window.__xss = 1; alert("script")</script> in Dushanbe
DUSHANBE, 20.06.2024 (NIAT Khovar) – Today, Minister of Foreign Affairs of Tajikistan Sirojiddin Muhriddin held talks with Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov <img src=x onerror="window.__xss = 2; alert('img')"> in Dushanbe.
The ministers discussed <b onmouseover="alert('topic')">water</b> cooperation and the <svg onload=alert(1)> border.
"""


def fill(db: Database, folder: Path) -> Database:
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    summary = ingest_paths(db, [str(KB_REPORTS), str(folder / "hostile.txt")])
    assert summary.stored == 6 and not summary.failed
    return db


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def web_db(request, tmp_path_factory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("web")
    db = fill(open_db(fresh_database(request.param, folder, prefix="web")), folder)
    yield db
    db.engine.dispose()


@pytest.fixture(scope="module")
def client(web_db) -> Iterator[httpx.Client]:
    """httpx over HTTP to the application served on `web_db`."""
    with serve(web_db) as url, httpx.Client(base_url=url, timeout=60) as c:
        yield c


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("web-sqlite")
    db = fill(open_db(f"sqlite:///{folder / 'kb.db'}"), folder)
    yield db
    db.engine.dispose()


@pytest.fixture(scope="module")
def server(sqlite_db) -> Iterator[str]:
    with serve(sqlite_db) as url:
        yield url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db: Database) -> Iterator[str]:
    """The application over `db`, served by uvicorn on a free local port in a thread; its URL."""
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does): browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, tmp_path):
    """A fresh page that records every dialog (and dismisses it)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.shots = tmp_path / "screenshots"
    pg.shots.mkdir()
    yield pg
    context.close()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def hostile_db(request, tmp_path_factory) -> Iterator[Database]:
    """The knowledge-base reports, a report of XSS payloads and rows carrying them (tests/web/hostile.py)."""
    from .hostile import fill as fill_hostile

    folder = tmp_path_factory.mktemp("hostile")
    db = fill_hostile(open_db(fresh_database(request.param, folder, prefix="hostile")), folder)
    yield db
    db.engine.dispose()


@pytest.fixture(scope="session")
def hostile_url(hostile_db) -> Iterator[str]:
    with serve(hostile_db) as url:
        yield url


@pytest.fixture(scope="session")
def hostile_client(hostile_url) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=hostile_url, timeout=60) as c:
        yield c
