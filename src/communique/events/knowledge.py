"""The knowledge base's meetings as PLOVER records (`communique export --format
plover`, `GET /api/events`): one CONSULT record per real meeting, however many
reports tell of it, with the values the knowledge base shows (date, place),
every participant any report names, and the words of the first report that
told of it; each adopted document once, cited from the report that states it."""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..kb.models import Adopted, Meeting, MeetingSource, Participant, Person, Report
from ..record import Adopted as AdoptedValue
from ..record import Evidence, Place
from ..record import Meeting as MeetingValue
from ..record import Participant as ParticipantValue
from .plover import Citation, Event, meeting_events

CHUNK = 500  # meeting ids per IN (...) list: far under SQLite's and PostgreSQL's limits


def event_id(meeting_id: int) -> str:
    return f"communique-m{meeting_id}"


def knowledge_events(session: Session, meetings: list[Meeting]) -> list[Event]:
    """The records of these meetings, in their order, in a few queries per 500 meetings."""
    events: list[Event] = []
    for start in range(0, len(meetings), CHUNK):
        chunk = meetings[start:start + CHUNK]
        ids = [m.id for m in chunk]
        sources = _sources(session, ids)
        participants = _participants(session, ids)
        adopted = _adopted(session, ids)
        for m in chunk:
            if m.id not in sources:
                continue  # a meeting no stored report tells of any more
            told, citation = sources[m.id][0]
            value = MeetingValue.model_validate(told.values)
            documents = adopted.get(m.id, [])
            value = value.model_copy(update={
                "date": m.date, "location": _place(m, value.location),
                "chair_person": str(m.chair_id) if m.chair_id else None,
                "participants": participants.get(m.id, []), "adopted": [d for d, _ in documents]})
            reports = [c.name for _, c in sources[m.id]]
            comment = f"told by {len(reports)} reports: {', '.join(reports)}" if len(reports) > 1 else None
            events += meeting_events(value, event_id(m.id), citation, [c for _, c in documents], comment)
    return events


def _place(meeting: Meeting, told: Place | None) -> Place | None:
    """The place shown, with the first report's evidence when that report names it."""
    if meeting.location is None:
        return None
    if told is not None and told.name == meeting.location:
        return told.model_copy(update={"country": meeting.location_country})
    return Place(name=meeting.location, country=meeting.location_country)


def _sources(session: Session, ids: list[int]) -> dict[int, list[tuple[MeetingSource, Citation]]]:
    found: dict[int, list[tuple[MeetingSource, Citation]]] = {}
    for told, name, publication in session.execute(
            select(MeetingSource, Report.name, Report.source).join(Report, Report.id == MeetingSource.report_id)
            .where(MeetingSource.meeting_id.in_(ids)).order_by(MeetingSource.id)):
        found.setdefault(told.meeting_id, []).append((told, Citation(name=name, publication=publication)))
    return found


def _participants(session: Session, ids: list[int]) -> dict[int, list[ParticipantValue]]:
    """Each meeting's people once, with the first role, state and organisation any report gives them."""
    found: dict[int, dict[int, ParticipantValue]] = {}
    for p, name in session.execute(select(Participant, Person.name).join(Person, Person.id == Participant.person_id)
                                   .where(Participant.meeting_id.in_(ids)).order_by(Participant.id)):
        people = found.setdefault(p.meeting_id, {})
        known = people.get(p.person_id)
        if known is None:
            people[p.person_id] = ParticipantValue(person=str(p.person_id), name=name, role=p.role, country=p.country,
                                                   org=p.org, evidence=[Evidence(**e) for e in p.evidence])
        else:
            people[p.person_id] = known.model_copy(update={k: getattr(known, k) or getattr(p, k)
                                                           for k in ("role", "country", "org")})
    return {meeting_id: list(people.values()) for meeting_id, people in found.items()}


def _adopted(session: Session, ids: list[int]) -> dict[int, list[tuple[AdoptedValue, Citation]]]:
    """Each meeting's documents once (by kind and subject), from the first report stating each."""
    found: dict[int, dict[tuple[str, str], tuple[AdoptedValue, Citation]]] = {}
    for a, name, publication in session.execute(
            select(Adopted, Report.name, Report.source).join(Report, Report.id == Adopted.report_id)
            .where(Adopted.meeting_id.in_(ids)).order_by(Adopted.id)):
        found.setdefault(a.meeting_id, {}).setdefault(
            (a.kind, a.subject), (AdoptedValue(kind=a.kind, subject=a.subject, evidence=[Evidence(**e) for e in a.evidence]),
                                  Citation(name=name, publication=publication)))
    return {meeting_id: list(docs.values()) for meeting_id, docs in found.items()}


def all_events(session: Session) -> tuple[list[Event], int]:
    """Every meeting's records, oldest first, and how many meetings gave none
    (no date, or no actor)."""
    meetings = list(session.scalars(select(Meeting).order_by(Meeting.date, Meeting.id)))
    events = knowledge_events(session, meetings)
    return events, len(meetings) - len({e.link or e.id for e in events})


def write_jsonl(events: list[Event], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for e in events:
            fh.write(json.dumps(e.as_json(), ensure_ascii=False) + "\n")
