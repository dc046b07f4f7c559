"""Storing reports: each report once (by content hash), each real person and
each real meeting once, every value with its report and evidence."""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from typing import Callable, Iterable

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from .. import names
from ..inputs import BadInput, iter_paths, read_report
from ..pipeline import extract
from ..record import Meeting as MeetingRecord
from ..record import Record
from .db import Database
from .models import Adopted, Meeting, MeetingSource, Participant, Person, PersonName, PersonRole, Report

STATE_ROLES = {"head_of_state", "head_of_government", "foreign_minister", "deputy_foreign_minister",
               "defence_minister", "minister", "ambassador"}


@dataclass
class IngestSummary:
    stored: int = 0
    already: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest_paths(db: Database, paths: Iterable[str], progress: Callable[[str], None] | None = None) -> IngestSummary:
    summary = IngestSummary()
    for item in iter_paths(list(paths)):
        try:
            report = read_report(item)
        except BadInput as exc:
            summary.failed.append((str(item), str(exc)))
            continue
        _, new = ingest_text(db, report.text, report.name)
        summary.stored += new
        summary.already += not new
        if progress:
            progress(report.name)
    return summary


def ingest_text(db: Database, text: str, name: str, published: str | None = None,
                source: str | None = None) -> tuple[int, bool]:
    """Store one report; return its id and whether it was new."""
    digest = content_hash(text)
    with db.session() as session:
        known = session.scalar(select(Report.id).where(Report.content_hash == digest))
        if known is not None:
            return known, False
        session.rollback()
        record = extract(text, published=published, source=source, doc_id=name)
        try:
            with session.begin():
                report = Report(content_hash=digest, name=name, source=record.source, published=record.published,
                                dateline_place=record.dateline_place, text=text,
                                record=record.model_dump(mode="json"))
                session.add(report)
                session.flush()
                _store(session, report, record)
        except IntegrityError:
            # another process stored the same report first
            with db.session() as again:
                return again.scalar(select(Report.id).where(Report.content_hash == digest)), False
        return report.id, True


# ------------------------------------------------------------------ people
def surname_key(name: str) -> str:
    toks = names.tokens(name)
    return toks[-1] if toks else ""


@dataclass
class _Candidates:
    """The stored people a report's names may be: fetched once per report."""

    people: list[Person]
    acting: dict[int, set[str]]  # the states each acts for

    @classmethod
    def load(cls, session: Session, keys: set[str]) -> "_Candidates":
        if not keys:
            return cls([], {})
        people = list(session.scalars(select(Person).options(selectinload(Person.names))
                                      .where(Person.surname_key.in_(keys))).all())
        acting: dict[int, set[str]] = {}
        if people:
            for person_id, country in session.execute(
                    select(PersonRole.person_id, PersonRole.country).distinct()
                    .where(PersonRole.person_id.in_([p.id for p in people]), PersonRole.country.is_not(None),
                           PersonRole.role.in_(STATE_ROLES))):
                acting.setdefault(person_id, set()).add(country)
        return cls(people, acting)

    def find(self, forms: list[str], countries: set[str]) -> Person | None:
        """The stored person these name forms are, unless the states they act
        for contradict (two different Kims): both act for states, never the same one."""
        keys = {surname_key(f) for f in forms}
        full = [f for f in forms if len(names.tokens(f)) > 1] or forms
        for person in self.people:
            if person.surname_key not in keys:
                continue
            theirs = self.acting.get(person.id, set())
            if countries and theirs and not countries & theirs:
                continue
            if any(names.same_name(a, b) for a in full for b in (n.name for n in person.names)):
                return person
        return None


def _store(session: Session, report: Report, record: Record) -> None:
    seen = record.published
    countries: dict[str, set[str]] = {}
    for m in record.meetings:
        for p in m.participants:
            if p.country:
                countries.setdefault(p.person, set()).add(p.country)
    persons: dict[str, Person] = {}
    candidates = _Candidates.load(session, {surname_key(f) for p in record.people for f in p.names or [p.name]} - {""})
    for p in record.people:
        mine = countries.get(p.id, set()) | {r.country for r in p.roles if r.country and r.role in STATE_ROLES}
        person = candidates.find(p.names or [p.name], mine)
        if person is None:
            person = Person(name=p.name, surname_key=surname_key(p.name))
            session.add(person)
        elif len(names.tokens(p.name)) > len(names.tokens(person.name)):
            person.name = p.name
        stored = {n.name for n in person.names}
        for form in dict.fromkeys(p.names or [p.name]):
            if form not in stored:
                person.names.append(PersonName(name=form))
        persons[p.id] = person
    session.flush()
    # roles as the report settles them for its meetings, else as it states them
    roles: dict[tuple, dict] = {}
    for m in record.meetings:
        for part in m.participants:
            key = (part.person, part.role, part.country, part.org)
            if part.role and key not in roles:
                roles[key] = dict(person_id=persons[part.person].id, report_id=report.id, role=part.role,
                                  country=part.country, org=part.org, seen=m.date or seen,
                                  evidence=[e.model_dump() for e in part.evidence])
    settled = {key[0] for key in roles}
    rows = list(roles.values())
    for p in record.people:
        if p.id not in settled:
            rows += [dict(person_id=persons[p.id].id, report_id=report.id, role=r.role, country=r.country,
                          org=r.org, seen=seen, evidence=[e.model_dump() for e in r.evidence]) for r in p.roles]
    if rows:
        session.execute(insert(PersonRole), rows)  # one statement for all, not one object each
    told: set[int] = set()  # meetings this report has told: two it tells apart stay apart
    for m in record.meetings:
        told.add(_store_meeting(session, report, m, persons, told))


# ------------------------------------------------------------------ meetings
def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    if len(a) == 10 and len(b) == 10:
        return abs((Date.fromisoformat(a) - Date.fromisoformat(b)).days)
    return 0 if a.startswith(b) or b.startswith(a) else 99


def _fold(text: str | None) -> str:
    return " ".join(names.tokens(text or ""))


def _same_meeting(existing: Meeting, m: MeetingRecord, people: set[int], stored_people: set[int]) -> bool:
    days = _days(existing.date, m.date)
    if days is None or days > 1:
        return False
    if existing.location and m.location and _fold(existing.location) != _fold(m.location.name):
        return False
    same_body = bool(existing.org and m.org and existing.org == m.org.name and
                     (existing.body or "") == (m.body.name if m.body else ""))
    shared = len(people & stored_people)
    same_people = shared >= 2 or (shared >= 1 and people == stored_people)
    return same_body or (same_people and (existing.kind == m.kind or {existing.kind, m.kind} <= {"talks", "reception"}))


def _store_meeting(session: Session, report: Report, m: MeetingRecord, persons: dict[str, Person],
                   told: set[int]) -> int:
    people = {persons[p.person].id for p in m.participants}
    candidates = session.scalars(select(Meeting).where(_near(m.date))).all() if m.date else []
    present: dict[int, set[int]] = {}
    if candidates:
        for meeting_id, person_id in session.execute(
                select(Participant.meeting_id, Participant.person_id)
                .where(Participant.meeting_id.in_([c.id for c in candidates]))):
            present.setdefault(meeting_id, set()).add(person_id)
    match = next((c for c in candidates if c.id not in told and _same_meeting(c, m, people, present.get(c.id, set()))),
                 None)
    meeting = match or Meeting(kind=m.kind, reasons={})
    if match is None:
        session.add(meeting)
        session.flush()
    chair = persons[m.chair_person].id if m.chair_person in persons else None
    session.add(MeetingSource(meeting_id=meeting.id, report_id=report.id, kind=m.kind,
                              org=m.org.name if m.org else None, body=m.body.name if m.body else None,
                              date=m.date, location=m.location.name if m.location else None, chair_id=chair,
                              values=m.model_dump(mode="json")))
    if m.participants:
        session.execute(insert(Participant), [
            dict(meeting_id=meeting.id, person_id=persons[p.person].id, report_id=report.id, role=p.role,
                 country=p.country, org=p.org, evidence=[e.model_dump() for e in p.evidence])
            for p in m.participants])
    if m.adopted:
        session.execute(insert(Adopted), [
            dict(meeting_id=meeting.id, report_id=report.id, kind=a.kind, subject=a.subject,
                 evidence=[e.model_dump() for e in a.evidence]) for a in m.adopted])
    session.flush()
    _show(session, meeting)
    return meeting.id


def _show(session: Session, meeting: Meeting) -> None:
    """The value shown for each field, and why, from every source of the meeting."""
    sources = session.scalars(select(MeetingSource).where(MeetingSource.meeting_id == meeting.id)).all()
    reasons: dict[str, str] = {}
    for field_name in ("kind", "org", "body", "date", "location", "chair_id"):
        values = [getattr(s, field_name) for s in sources if getattr(s, field_name) is not None]
        if not values:
            continue
        counts = Counter(values)
        top = max(counts.values())
        tied = [v for v in counts if counts[v] == top]
        # equal support: the most specific (longest) value, as a date "2021-05-19" over "2021-05"
        shown = max(tied, key=lambda v: len(str(v)))
        setattr(meeting, field_name, shown)
        if len(counts) > 1:
            reason = f"stated by {top} of {len(values)} sources"
            if len(tied) > 1:
                reason += ", the most specific of those equally supported"
            reasons[field_name] = reason
    meeting.reasons = reasons


def _near(value: str):
    """Meetings dated within a day of `value` (or sharing its month or year)."""
    if len(value) == 10:
        day = Date.fromisoformat(value)
        return Meeting.date.in_([(day + timedelta(days=d)).isoformat() for d in (-1, 0, 1)])
    return Meeting.date.like(value + "%")
