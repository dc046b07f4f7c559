"""SQL metacharacters, NUL and other scripts in every filter of the API, the
pages and the `meetings`/`person` commands: never a 500, no injection (every
table still there, as full as before), and `%` and `_` matched literally."""
from __future__ import annotations

import gc
import json

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from communique.cli import app
from communique.kb.models import Meeting, Person, PersonName, Report
from communique.kb.queries import find_people
from communique.kb.queries import meetings as cli_meetings

from .hostile import PERCENT_BODY, SQL_META, UNDERSCORE_BODY

TABLES = (Report, Meeting, Person, PersonName)


def counts(db) -> list[int]:
    with db.session() as s:
        return [s.scalar(select(func.count()).select_from(t)) for t in TABLES]


def api_ids(client, path: str, **params) -> set[int]:
    got = client.get(path, params={**params, "per_page": 200})
    assert got.status_code == 200, (path, params, got.text)
    return {item["id"] for item in got.json()["items"]}


def bodies_holding(db, fragment: str) -> set[int]:
    """Meetings whose body holds `fragment` as plain text, found in Python."""
    with db.session() as s:
        return {i for i, body in s.execute(select(Meeting.id, Meeting.body))
                if body and fragment.lower() in body.lower()}


def test_every_filter_of_the_api_and_the_pages(hostile_client, hostile_db):
    before = counts(hostile_db)
    for value in SQL_META:
        for name in ("org", "body", "person"):
            assert hostile_client.get("/api/meetings", params={name: value}).status_code == 200, (name, value)
        for name in ("country", "since", "until"):  # each has a pattern: a clear 422, never a query
            assert hostile_client.get("/api/meetings", params={name: value}).status_code == 422, (name, value)
        for path in ("/api/people", "/api/search", "/people", "/search"):
            assert hostile_client.get(path, params={"q": value}).status_code == 200, (path, value)
        got = hostile_client.get("/", params=dict.fromkeys(("org", "body", "person", "country", "since", "until"),
                                                           value))
        assert got.status_code == 200 and "meeting(s)" in got.text, value
        assert hostile_client.get("/api/organisations/" + value.replace("%", "%25")).status_code in (200, 404)
        assert hostile_client.get("/organisations/" + value.replace("%", "%25")).status_code in (200, 404)
    assert counts(hostile_db) == before


@pytest.mark.parametrize("value", ["%", "_", "\\", "_%", "a\\%b", "' OR 1=1 --", "100%", "p_o"])
def test_like_wildcards_match_literally(hostile_client, hostile_db, value):
    assert api_ids(hostile_client, "/api/meetings", body=value) == bodies_holding(hostile_db, value)
    with hostile_db.session() as s:
        holding = {i for i, n in s.execute(select(PersonName.person_id, PersonName.name)) if value.lower() in n.lower()}
        named = {p.id for p in find_people(s, value)}
    assert api_ids(hostile_client, "/api/people", q=value) == holding | named


def test_percent_and_underscore_find_only_their_meetings(hostile_client, hostile_db):
    with hostile_db.session() as s:
        ids = dict(s.execute(select(Meeting.body, Meeting.id).where(Meeting.body.in_([PERCENT_BODY, UNDERSCORE_BODY]))).all())
    assert ids[PERCENT_BODY] in api_ids(hostile_client, "/api/meetings", body="100%")
    assert api_ids(hostile_client, "/api/meetings", body="0% m") == {ids[PERCENT_BODY]}
    assert api_ids(hostile_client, "/api/meetings", body="p_of") == {ids[UNDERSCORE_BODY]}
    assert api_ids(hostile_client, "/api/meetings", body="group_") == {ids[UNDERSCORE_BODY]}
    assert api_ids(hostile_client, "/api/meetings", body="groupXof") == set()  # "_" is no wildcard


@pytest.mark.parametrize("name", ["%", "_", "' OR 1=1 --", "Лавров"])
def test_person_filter_as_the_cli(hostile_client, hostile_db, name):
    expected = {r["id"] for r in cli_meetings(hostile_db, person=name)}
    assert api_ids(hostile_client, "/api/meetings", person=name) == expected


def test_nul_is_a_clear_422(hostile_client):
    for path, params in [("/api/meetings", {"person": "a\x00b"}), ("/api/people", {"q": "\x00"}),
                         ("/api/search", {"q": "x\x00"}), ("/", {"org": "\x00"}), ("/search", {"q": "\x00"})]:
        got = hostile_client.get(path, params=params)
        assert got.status_code == 422 and "NUL" in got.text, path
    got = hostile_client.get("/api/organisations/a%00b")
    assert got.status_code == 422 and "NUL" in got.json()["detail"]


def test_meetings_and_person_commands(hostile_db):
    url = hostile_db.engine.url.render_as_string(hide_password=False).replace("+psycopg", "")
    before = counts(hostile_db)
    runner = CliRunner()
    for value in SQL_META:
        done = runner.invoke(app, ["meetings", "--body", value, "--format", "json", "--db", url])
        assert done.exit_code == 0 and done.exception is None, (value, done.output)
        assert {r["id"] for r in json.loads(done.stdout)} == bodies_holding(hostile_db, value), value
        done = runner.invoke(app, ["meetings", "--org", value, "--person", value, "--country", value,
                                   "--since", value, "--until", value, "--db", url])
        assert done.exit_code == 0 and done.stdout.rstrip().endswith("0 meeting(s)"), (value, done.output)
        done = runner.invoke(app, ["person", "--db", url, "--", value])  # "--": a name may start with "-"
        assert done.exit_code in (0, 1) and "Traceback" not in done.output, (value, done.output)
        assert done.exit_code == 0 or "error: no person named" in done.output
        gc.collect()  # each command opens the database anew: let go of its connections
    assert counts(hostile_db) == before
