"""Shared fixtures for the communique tests.

Every report used in these tests is written for them, in the style of wire
agencies and ministry press offices; none is taken from real coverage or from
the evaluation material.
"""
from __future__ import annotations

import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Callable, Iterator

import jsonschema
import pytest

import communique
from communique import gazetteer
from communique.kb.db import create_database
from communique.record import Meeting, Participant, Person, Record

VENV_BIN = Path(sys.executable).parent
TEST_PG = os.environ.get("COMMUNIQUE_TEST_PG")  # a PostgreSQL server for the tests, as .ci/run sets it


def fresh_database(kind: str, folder: Path, prefix: str) -> str:
    """The URL of a new, empty knowledge base: a SQLite file in `folder`, or a
    database on the COMMUNIQUE_TEST_PG server (the test is skipped without one)."""
    if kind == "sqlite":
        return f"sqlite:///{folder / 'kb.db'}"
    if not TEST_PG:
        pytest.skip("COMMUNIQUE_TEST_PG is not set (.ci/run sets it)")
    return create_database(TEST_PG, prefix=prefix)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh knowledge base on each database the tests run on."""
    return fresh_database(request.param, tmp_path, prefix="test")


@pytest.fixture(scope="session")
def gz() -> gazetteer.Gazetteer:
    return gazetteer.load()


@pytest.fixture(scope="session")
def extract() -> Callable[..., Record]:
    """communique.extract itself: the whole pipeline, nothing replaced."""
    return communique.extract


# ---------------------------------------------------------------- small finders


def find_person(record: Record, fragment: str) -> Person:
    """The one person of the record with a name form containing `fragment`."""
    found = [p for p in record.people if any(fragment in n for n in [p.name, *p.names])]
    assert len(found) == 1, f"{fragment!r}: {[p.name for p in record.people]}"
    return found[0]


def find_people(record: Record, fragment: str) -> list[Person]:
    return [p for p in record.people if any(fragment in n for n in [p.name, *p.names])]


def find_participant(meeting: Meeting, fragment: str) -> Participant:
    found = [p for p in meeting.participants if fragment in p.name]
    assert len(found) == 1, f"{fragment!r}: {[p.name for p in meeting.participants]}"
    return found[0]


def participant_names(meeting: Meeting) -> set[str]:
    return {p.name for p in meeting.participants}


def meetings_of(record: Record, kind: str) -> list[Meeting]:
    return [m for m in record.meetings if m.kind == kind]


def only_meeting(record: Record, kind: str | None = None) -> Meeting:
    found = record.meetings if kind is None else meetings_of(record, kind)
    assert len(found) == 1, [(m.kind, [e.text for e in m.evidence]) for m in record.meetings]
    return found[0]


def walk_evidence(node, path: str = "$") -> Iterator[tuple[str, dict]]:
    """Every evidence object ({start, end, text}) anywhere in a dumped record."""
    if isinstance(node, dict):
        if set(node) == {"start", "end", "text"}:
            yield path, node
            return
        for key, value in node.items():
            yield from walk_evidence(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk_evidence(value, f"{path}[{i}]")


def dumped(record: Record) -> dict:
    """The record as the CLI writes it: through JSON and back."""
    return json.loads(record.model_dump_json())


@pytest.fixture(scope="session")
def helpers():
    """The finders above, for tests that prefer a fixture to an import."""

    class _Helpers:
        person = staticmethod(find_person)
        people = staticmethod(find_people)
        participant = staticmethod(find_participant)
        names = staticmethod(participant_names)
        meetings = staticmethod(meetings_of)
        only_meeting = staticmethod(only_meeting)
        walk_evidence = staticmethod(walk_evidence)
        dumped = staticmethod(dumped)

    return _Helpers


@pytest.fixture(scope="session")
def communique_cmd() -> list[str]:
    """The installed console script, or the module when it is not installed."""
    script = VENV_BIN / "communique"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "communique.cli"]


# ---------------------------------------------------------------- PLOVER records

PLOVER_SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "plover-event.schema.json"


@cache
def _plover_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(PLOVER_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def plover_errors(record: dict) -> list[str]:
    """What is wrong with one PLOVER record against docs/plover-event.schema.json."""
    return [f"{record.get('id')}: {'/'.join(map(str, e.path))}: {e.message}"
            for e in _plover_validator().iter_errors(record)]
