"""Answers to identical GETs are kept per state of the knowledge base
(web/cache.py): the same state answers from memory without a query, and a
report stored by anyone (this process, another connection, another process)
is seen by the next request."""
from __future__ import annotations

import os
import subprocess
import sys

import httpx
import pytest
from sqlalchemy import event, text

from communique.kb import ingest_text, open_db
from communique.web.cache import Answers, Generation

from .conftest import serve

# Written for these tests, in the shape of an agency's report.
SCO_COUNCIL = ("ASTANA, 3 March 2025 (Kazinform) - The SCO Council of Foreign Ministers met in Astana on Monday, "
               "chaired by Foreign Minister of Kazakhstan Murat Nurtleu.\n")
CSTO_COUNCIL = ("YEREVAN, 12 May 2025 (Armenpress) - The CSTO Council of Foreign Ministers met in Yerevan on Monday, "
                "chaired by Foreign Minister of Armenia Ararat Mirzoyan.\n")
CIS_COUNCIL = ("MINSK, 9 October 2025 (BelTA) - The CIS Council of Foreign Ministers met in Minsk on Thursday, "
               "chaired by Foreign Minister of Belarus Maxim Ryzhenkov.\n")

# what a reader sees of the knowledge base, page and API alike
LOOKS = ["/", "/?org=CSTO", "/organisations", "/reports", "/people", "/search?q=Mirzoyan",
         "/api/meetings", "/api/meetings?org=csto", "/api/organisations", "/api/reports", "/api/people",
         "/api/search?q=Mirzoyan"]


@pytest.fixture
def fresh(tmp_path):
    db = open_db(f"sqlite:///{tmp_path / 'kb.db'}")
    ingest_text(db, SCO_COUNCIL, "sco", published="2025-03-03")
    yield db
    db.engine.dispose()


def _statements(db) -> list[str]:
    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def test_identical_gets_are_answered_from_memory(fresh):
    seen = _statements(fresh)
    with serve(fresh) as url, httpx.Client(base_url=url) as http:
        first = {path: http.get(path) for path in LOOKS}
        assert all(r.status_code == 200 for r in first.values()), {p: r.status_code for p, r in first.items()}
        assert seen  # the first answers were computed
        seen.clear()
        again = {path: http.get(path) for path in LOOKS}
        assert seen == []  # not one query: every answer was kept
        for path in LOOKS:
            assert again[path].content == first[path].content, path
            assert again[path].headers["content-type"] == first[path].headers["content-type"]


def test_a_stored_report_is_seen_by_the_next_request(fresh):
    with serve(fresh) as url, httpx.Client(base_url=url) as http:
        for _ in range(2):  # computed, then kept
            assert http.get("/api/meetings").json()["total"] == 1
            assert http.get("/api/meetings?org=csto").json()["total"] == 0
            assert [o["name"] for o in http.get("/api/organisations").json()] == ["SCO"]
            assert http.get("/api/search?q=Mirzoyan").json()["people"] == []
            assert '<option value="CSTO">' not in http.get("/").text
        ingest_text(fresh, CSTO_COUNCIL, "csto", published="2025-05-12")  # another connection of this process
        assert http.get("/api/meetings").json()["total"] == 2
        assert http.get("/api/meetings?org=csto").json()["total"] == 1
        assert [o["name"] for o in http.get("/api/organisations").json()] == ["CSTO", "SCO"]
        assert [p["name"] for p in http.get("/api/search?q=Mirzoyan").json()["people"]] == ["Ararat Mirzoyan"]
        assert '<option value="CSTO">' in http.get("/").text
        assert http.get("/api/reports").json()["total"] == 2


def test_a_report_stored_by_another_process_is_seen(fresh, tmp_path):
    report = tmp_path / "csto.txt"
    report.write_text(CSTO_COUNCIL, encoding="utf-8")
    with serve(fresh) as url, httpx.Client(base_url=url) as http:
        assert http.get("/api/meetings").json()["total"] == 1
        assert http.get("/api/meetings").json()["total"] == 1
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        subprocess.run([sys.executable, "-m", "communique.cli", "ingest", str(report), "--db", str(fresh.engine.url)],
                       check=True, capture_output=True, env=env, timeout=120)
        assert http.get("/api/meetings").json()["total"] == 2
        assert "Ararat Mirzoyan" in http.get("/people").text


def test_any_write_is_seen_by_the_next_request(fresh):
    """Not only an ingest: on SQLite any commit by any connection, here a renamed person, which adds no report."""
    with serve(fresh) as url, httpx.Client(base_url=url) as http:
        person = http.get("/api/people").json()["items"][0]
        for _ in range(2):
            assert http.get(f"/people/{person['id']}").text.count(person["name"]) >= 1
            assert http.get("/api/people").json()["items"][0]["name"] == person["name"]
        with fresh.engine.begin() as connection:
            connection.execute(text("UPDATE persons SET name = 'Renamed Person' WHERE id = :id"), {"id": person["id"]})
        assert http.get("/api/people").json()["items"][0]["name"] == "Renamed Person"
        assert "Renamed Person" in http.get(f"/people/{person['id']}").text


def test_answers_are_kept_per_host(fresh):
    """The pages' links to the stylesheet are absolute, built from the Host header: one answer per host."""
    with serve(fresh) as url, httpx.Client(base_url=url) as http:
        here = http.get("/").text
        there = http.get("/", headers={"Host": "kb.example.org"}).text
        assert f"{url}/static/style.css" in here
        assert "http://kb.example.org/static/style.css" in there and url not in there


def test_only_answers_of_200_are_kept(fresh):
    seen = _statements(fresh)
    with serve(fresh) as url, httpx.Client(base_url=url) as http:
        for _ in range(2):
            seen.clear()
            assert http.get("/meetings/999").status_code == 404
            assert seen  # computed each time
            assert http.get("/api/meetings?since=yesterday").status_code == 422


def test_generation_moves_with_every_write_and_only_then(fresh):
    generation = Generation(fresh.engine)
    assert generation.cheap  # a SQLite file: PRAGMA data_version, no query
    first = generation.current()
    assert generation.current() == first
    ingest_text(fresh, CSTO_COUNCIL, "csto", published="2025-05-12")
    second = generation.current()
    assert second != first
    assert generation.current() == second
    ingest_text(fresh, CSTO_COUNCIL, "csto-again", published="2025-05-12")  # the same text: nothing written
    assert generation.current() == second
    ingest_text(fresh, CIS_COUNCIL, "cis", published="2025-10-09")
    assert generation.current() not in (first, second)
    generation.close()


def test_generation_of_a_database_in_memory_is_read_each_time():
    db = open_db("sqlite://")
    generation = Generation(db.engine)
    assert not generation.cheap
    first = generation.current()
    ingest_text(db, SCO_COUNCIL, "sco", published="2025-03-03")
    assert generation.current() != first
    db.engine.dispose()


def test_answers_forget_a_past_generation_and_hold_their_size():
    answers = Answers(max_bytes=10)
    answers.put((1,), "a", (200, [], b"12345"))  # not this generation yet: not kept
    assert answers.get((1,), "a") is None
    answers.put((1,), "a", (200, [], b"12345"))
    answers.put((1,), "b", (200, [], b"12345"))
    assert answers.get((1,), "a") is not None and answers.get((1,), "b") is not None
    answers.put((1,), "c", (200, [], b"12345"))  # over 10 bytes: the least recently used goes
    assert answers.get((1,), "a") is None and answers.get((1,), "c") is not None
    assert answers.get((2,), "c") is None  # a new generation: everything forgotten
    assert answers.get((2,), "b") is None and answers.size == 0


def test_a_page_lists_what_the_url_asks(fresh):
    ingest_text(fresh, CSTO_COUNCIL, "csto", published="2025-05-12")
    with serve(fresh) as url, httpx.Client(base_url=url) as http:
        sco, csto = http.get("/?org=SCO").text, http.get("/?org=CSTO").text
        assert "Astana" in sco and "Yerevan" not in sco
        assert "Yerevan" in csto and "Astana" not in csto

