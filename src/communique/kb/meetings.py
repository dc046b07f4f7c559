"""Meetings across reports: one stored meeting for every report of it (same
organisation and body, or the same people, within a day, at the same place),
every report's values kept in `meeting_sources`, and for each value the one
shown with the reason it was chosen."""
from __future__ import annotations

from collections import Counter
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache

from sqlalchemy import bindparam, insert, or_, select, update
from sqlalchemy.orm import Session

from .. import gazetteer
from .. import names as folding
from ..record import Meeting as MeetingRecord
from .models import Adopted, Meeting, MeetingSource, Participant

SHOWN = ("kind", "org", "body", "date", "location", "chair_id")
_KINDS_ALIKE = ({"talks", "reception"},)  # a reception is often reported as talks


# ------------------------------------------------------------------ matching
def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two dates; 0 when a partial date ("2021-05") contains the
    other, None when either is missing."""
    if not a or not b:
        return None
    if len(a) == 10 and len(b) == 10:
        return abs((Date.fromisoformat(a) - Date.fromisoformat(b)).days)
    return 0 if a.startswith(b) or b.startswith(a) else 99


def _fold(text: str | None) -> str:
    return " ".join(folding.tokens(text or ""))


@lru_cache(maxsize=4096)
def _is_state(place: str, country: str | None) -> bool:
    """Whether the place is the state itself ("Belarus", "BLR")."""
    if not country:
        return False
    info = gazetteer.load().states.get(country, {})
    return _fold(place) in {_fold(n) for n in info.get("names", [])}


def places_agree(a: str | None, a_country: str | None, b: str | None, b_country: str | None) -> bool:
    """The same place, or unknown on one side: the same name across spellings,
    one named within the other ("Dushanbe", "Palace of Nations, Dushanbe"), or
    one the state the other lies in ("Tajikistan", "Dushanbe")."""
    if not a or not b:
        return True
    fa, fb = _fold(a), _fold(b)
    if fa == fb or (fa and fb and (f" {fa} " in f" {fb} " or f" {fb} " in f" {fa} ")):
        return True
    if a_country and b_country and a_country != b_country:
        return False
    country = a_country or b_country
    return (_is_state(a, country) or _is_state(b, country)) and bool(a_country and b_country)


def _kinds_alike(a: str, b: str) -> bool:
    return a == b or any({a, b} <= group for group in _KINDS_ALIKE)


def match_score(existing: Meeting, m: MeetingRecord, people: set[int], stored_people: set[int]) -> tuple | None:
    """How well a stored meeting fits one a report tells of; None when it is
    another meeting. Same day, place agreeing, and either the same organisation
    and body or (organisations and bodies not differing) the same people: two
    or more in common, or all of them for a meeting of two."""
    days = days_apart(existing.date, m.date)
    if days is None or days > 1:
        return None
    location = m.location
    if not places_agree(existing.location, existing.location_country,
                        location.name if location else None, location.country if location else None):
        return None
    org, body = (m.org.name if m.org else None), (m.body.name if m.body else None)
    if existing.org and org and existing.org != org:
        return None
    if existing.body and body and _fold(existing.body) != _fold(body):
        return None
    same_body = bool(existing.org and org and (existing.body is None) == (body is None))
    shared = len(people & stored_people)
    same_people = shared >= 2 or (shared >= 1 and people == stored_people)
    if not (same_body or (same_people and _kinds_alike(existing.kind, m.kind))):
        return None
    return (same_body, shared, -days)


def near(value: str) -> tuple:
    """The query for stored meetings dated within a day of `value`, or in the
    month or year it is partial to, or partial to its month or year; and its
    parameters."""
    if len(value) == 10:
        day = Date.fromisoformat(value)
        return _NEAR_DAY, {"dates": [(day + timedelta(days=d)).isoformat() for d in (-1, 0, 1)] + [value[:7], value[:4]]}
    return _NEAR_PARTIAL, {"prefix": value + "%", "year": value[:4]}


_SHOWS = select(Meeting.id, Meeting.kind, Meeting.org, Meeting.body, Meeting.date, Meeting.location,
                Meeting.location_country)
_NEAR_DAY = _SHOWS.where(Meeting.date.in_(bindparam("dates", expanding=True)))
_NEAR_PARTIAL = _SHOWS.where(or_(Meeting.date.like(bindparam("prefix")), Meeting.date == bindparam("year")))
_PRESENT = (select(Participant.meeting_id, Participant.person_id).distinct()
            .where(Participant.meeting_id.in_(bindparam("meetings", expanding=True))))
_NEW_MEETING = insert(Meeting).returning(Meeting.id)
_NEW_SOURCE = insert(MeetingSource)
_NEW_PARTICIPANTS = insert(Participant)
_NEW_ADOPTED = insert(Adopted)
_SOURCES = (select(MeetingSource.kind, MeetingSource.org, MeetingSource.body, MeetingSource.date,
                   MeetingSource.location, MeetingSource.location_country, MeetingSource.chair_id)
            .where(MeetingSource.meeting_id == bindparam("meeting")).order_by(MeetingSource.id))
_SHOWN_COLUMNS = ("kind", "org", "body", "date", "location", "location_country", "chair_id")
_SHOW = (update(Meeting).where(Meeting.id == bindparam("meeting"))
         .values(reasons=bindparam("why"), **{c: bindparam("v_" + c) for c in _SHOWN_COLUMNS}))


def candidates(session: Session, m: MeetingRecord) -> tuple[list, dict[int, set[int]]]:
    """The stored meetings that may be `m` (rows of the values they show), with
    the people present at each: two queries."""
    if not m.date:
        return [], {}
    conn = session.connection()
    found = conn.execute(*near(m.date)).all()
    present: dict[int, set[int]] = {}
    if found:
        for meeting_id, person_id in conn.execute(_PRESENT, {"meetings": [c.id for c in found]}):
            present.setdefault(meeting_id, set()).add(person_id)
    return found, present


# ------------------------------------------------------------------ storing
def store(session: Session, report_id: int, m: MeetingRecord, persons: dict[str, int], told: set[int]) -> int:
    """Store one meeting of a report: into the stored meeting it is (never one
    this report already told of: meetings a report tells apart stay apart), or
    a new one. Returns the stored meeting's id."""
    people = {persons[p.person] for p in m.participants if p.person in persons}
    found, present = candidates(session, m)
    scored = [(score, c.id) for c in found if c.id not in told
              for score in [match_score(c, m, people, present.get(c.id, set()))] if score is not None]
    values = dict(kind=m.kind, org=m.org.name if m.org else None, body=m.body.name if m.body else None,
                  date=m.date, location=m.location.name if m.location else None,
                  location_country=m.location.country if m.location else None,
                  chair_id=persons.get(m.chair_person) if m.chair_person else None)
    conn = session.connection()  # Core statements, a fixed number a meeting
    if scored:
        meeting_id = max(scored)[1]
    else:  # a new meeting shows its one source's values
        meeting_id = conn.execute(_NEW_MEETING, [dict(values, reasons={})]).scalar_one()
    conn.execute(_NEW_SOURCE, [dict(values, meeting_id=meeting_id, report_id=report_id,
                                                 values=m.model_dump(mode="json"))])
    if m.participants:
        conn.execute(_NEW_PARTICIPANTS, [
            dict(meeting_id=meeting_id, person_id=persons[p.person], report_id=report_id, role=p.role,
                 country=p.country, org=p.org, evidence=[e.model_dump() for e in p.evidence])
            for p in m.participants if p.person in persons])
    if m.adopted:
        conn.execute(_NEW_ADOPTED, [
            dict(meeting_id=meeting_id, report_id=report_id, kind=a.kind, subject=a.subject,
                 evidence=[e.model_dump() for e in a.evidence]) for a in m.adopted])
    if scored:
        show(session, meeting_id)
    return meeting_id


def choose_value(values: list, implies=None, specificity=None) -> tuple[object, str | None]:
    """The value to show among the sources' values of one field (in the order
    the sources were stored), and why when they disagree. The value stated or
    implied by most sources wins; between equally supported ones, the most
    specific, else the first stated. `implies(w, v)`: a source stating `w`
    also supports `v` (the date "2021-05" supports "2021-05-19"; the state
    "Belarus" supports "Minsk")."""
    counts = Counter(values)
    if len(counts) == 1:
        return values[0], None
    n = len(values)
    implies = implies or (lambda w, v: w == v)
    support = {v: sum(c for w, c in counts.items() if w == v or implies(w, v)) for v in counts}
    top = max(support.values())
    tied = [v for v in counts if support[v] == top]  # in the order first stated
    shown = max(tied, key=specificity) if specificity else tied[0]
    stated = counts[shown]
    if top == n:
        return shown, f"the most specific value; all {n} sources agree with it"
    reason = f"stated by {stated} of {n} sources" if top == stated else \
        f"stated or implied by {top} of {n} sources"
    if len(tied) > 1:
        reason += ", the most specific of those equally supported" if specificity else \
            ", the first stated of those equally supported"
    return shown, reason


def _date_implies(w: str, v: str) -> bool:
    return v.startswith(w)


def shown_values(sources: list) -> tuple[dict, dict[str, str]]:
    """The value shown for each field, and why where sources disagree, from
    the sources' rows (in the order they were stored)."""
    shown: dict = {}
    reasons: dict[str, str] = {}
    for field in SHOWN:
        if field == "location":
            values = [(s.location, s.location_country) for s in sources if s.location is not None]
            if not values:
                continue
            (shown["location"], shown["location_country"]), reason = choose_value(
                values, implies=_place_implies, specificity=lambda v: not _is_state(*v))
        else:
            values = [getattr(s, field) for s in sources if getattr(s, field) is not None]
            if not values:
                continue
            if field == "date":
                shown[field], reason = choose_value(values, implies=_date_implies, specificity=len)
            else:
                shown[field], reason = choose_value(values, specificity=len if field == "body" else None)
        if reason:
            reasons[field] = reason
    return shown, reasons


def show(session: Session, meeting_id: int) -> None:
    """Set the values a meeting shows, and why, from every source of it."""
    conn = session.connection()
    shown, reasons = shown_values(conn.execute(_SOURCES, {"meeting": meeting_id}).all())
    conn.execute(_SHOW, {"meeting": meeting_id, "why": reasons, **{"v_" + c: shown.get(c) for c in _SHOWN_COLUMNS}})


def _place_implies(w: tuple, v: tuple) -> bool:
    """A state supports a place within it."""
    return bool(w[1]) and w[1] == v[1] and _is_state(*w) and not _is_state(*v)
