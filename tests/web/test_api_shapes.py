"""The API's answers are written to JSON straight from our queries' values
(web/api.py `_answer`), not validated by FastAPI on the way out: each answer
must therefore be exactly its route's response model, the schema /docs shows.
Validating it with the model and writing it again gives the same JSON: no
field missing, none extra, every type as declared."""
from __future__ import annotations

import json

import pytest
from pydantic import TypeAdapter

from communique.web import schemas


def _first_id(client, path: str, **params) -> int:
    return client.get(path, params=params).json()["items"][0]["id"]


def _paths(client) -> list[tuple[str, object]]:
    meeting = _first_id(client, "/api/meetings", org="CSTO")
    person = _first_id(client, "/api/people", q="Lavrov")
    report = _first_id(client, "/api/reports")
    return [
        ("/api/meetings", schemas.Page[schemas.MeetingOut]),
        ("/api/meetings?per_page=2&page=2", schemas.Page[schemas.MeetingOut]),
        ("/api/meetings?person=Muhriddin&country=TJK", schemas.Page[schemas.MeetingOut]),
        (f"/api/meetings/{meeting}", schemas.MeetingDetail),
        ("/api/people", schemas.Page[schemas.PersonItem]),
        ("/api/people?q=Kim", schemas.Page[schemas.PersonItem]),
        (f"/api/people/{person}", schemas.PersonDetail),
        ("/api/organisations", list[schemas.OrgItem]),
        ("/api/organisations/CSTO", schemas.OrgDetail),
        ("/api/reports", schemas.Page[schemas.ReportItem]),
        (f"/api/reports/{report}", schemas.ReportDetail),
        ("/api/search?q=a", schemas.SearchOut),
    ]


def test_every_answer_is_its_response_model(client):
    for path, model in _paths(client):
        got = client.get(path)
        assert got.status_code == 200, (path, got.text)
        assert got.headers["content-type"] == "application/json"
        adapter = TypeAdapter(model)
        assert adapter.dump_python(adapter.validate_json(got.content), mode="json") == got.json(), path


@pytest.mark.parametrize("path", ["/api/meetings", "/api/people", "/api/organisations", "/api/reports",
                                  "/api/search?q=a"])
def test_answers_are_compact_utf8_json(client, path):
    """As pydantic writes them (what FastAPI sent before): no spaces, characters as UTF-8."""
    got = client.get(path)
    assert got.content == json.dumps(got.json(), separators=(",", ":"), ensure_ascii=False).encode()
