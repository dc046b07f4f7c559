"""Questions to the knowledge base: meetings by organisation, body, person,
state and dates; a person's roles over time, meetings and counterparts.
Each answer takes a fixed number of queries, whatever the number of meetings."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .db import Database
from .models import Adopted, Meeting, MeetingSource, Participant, Person, PersonKey, PersonName, PersonRole, Report
from .people import _chunks, name_keys, names_agree


def find_people(session: Session, name: str) -> list[Person]:
    """Every person whose names agree with `name` across spellings and scripts
    ("Muhriddin" finds Sirojiddin Mukhriddin; "Kim" every Kim; "Ilham Aliyev"
    not Heydar Aliyev)."""
    keys = name_keys(name)
    if not keys:
        return []
    ids = sorted(set(session.scalars(select(PersonKey.person_id).where(PersonKey.key.in_(keys)))))
    forms: dict[int, list[str]] = {}
    for chunk in _chunks(ids):
        for person_id, form in session.execute(select(PersonName.person_id, PersonName.name)
                                               .where(PersonName.person_id.in_(chunk))):
            forms.setdefault(person_id, []).append(form)
    found = [i for i in ids if names_agree([name], forms.get(i, []))]
    if not found:
        return []
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(found)))}
    return [people[i] for i in found]


def meetings(db: Database, org: str | None = None, body: str | None = None, person: str | None = None,
             country: str | None = None, since: str | None = None, until: str | None = None) -> list[dict]:
    """Meetings, oldest first, filtered: organisation (its acronym, any case),
    words of the body's name, a participant's name in any spelling, a
    participant's state (ISO alpha-3), dates from `since` to `until` (a partial
    date stands for its month or year)."""
    with db.session() as session:
        query = select(Meeting)
        if org:
            query = query.where(func.lower(Meeting.org) == org.lower())
        if body:
            query = query.where(func.lower(Meeting.body).contains(body.lower(), autoescape=True))
        if since:
            query = query.where(Meeting.date >= since)
        if until:
            query = query.where(Meeting.date <= until + "\uffff")
        if country:
            query = query.where(Meeting.id.in_(select(Participant.meeting_id)
                                               .where(Participant.country == country.upper())))
        if person:
            ids = [p.id for p in find_people(session, person)]
            query = query.where(Meeting.id.in_(select(Participant.meeting_id).where(Participant.person_id.in_(ids))))
        rows = session.scalars(query.order_by(Meeting.date, Meeting.id)).all()
        return meeting_rows(session, rows)


def meeting_rows(session: Session, found: list[Meeting]) -> list[dict]:
    """Each meeting as a row: the values shown, its participants (one line a
    person, their role and state or organisation), what it adopted, its
    sources, and where sources disagree, every value with the sources stating
    it and the reason for the one shown."""
    ids = [m.id for m in found]
    parts: dict[int, dict[int, dict]] = {}
    sources: dict[int, list[tuple]] = {}
    adopted: dict[int, dict[tuple, None]] = {}
    for chunk in _chunks(ids):
        for meeting_id, person_id, name, role, country, org in session.execute(
                select(Participant.meeting_id, Participant.person_id, Person.name, Participant.role,
                       Participant.country, Participant.org)
                .join(Person, Person.id == Participant.person_id)
                .where(Participant.meeting_id.in_(chunk)).order_by(Participant.id)):
            parts.setdefault(meeting_id, {}).setdefault(
                person_id, {"person_id": person_id, "name": name, "role": role, "for": country or org})
        for row in session.execute(
                select(MeetingSource.meeting_id, Report.name, MeetingSource.kind, MeetingSource.org,
                       MeetingSource.body, MeetingSource.date, MeetingSource.location, MeetingSource.chair_id)
                .join(Report, Report.id == MeetingSource.report_id)
                .where(MeetingSource.meeting_id.in_(chunk)).order_by(MeetingSource.id)):
            sources.setdefault(row[0], []).append(row[1:])
        for meeting_id, kind, subject in session.execute(
                select(Adopted.meeting_id, Adopted.kind, Adopted.subject)
                .where(Adopted.meeting_id.in_(chunk)).order_by(Adopted.id)):
            adopted.setdefault(meeting_id, {})[(kind, subject)] = None
    chair_ids = {m.chair_id for m in found if m.chair_id} | {s[-1] for ss in sources.values() for s in ss if s[-1]}
    chairs: dict[int, str] = {}
    for chunk in _chunks(sorted(chair_ids)):
        chairs.update(session.execute(select(Person.id, Person.name).where(Person.id.in_(chunk))).all())
    out = []
    for m in found:
        told = sources.get(m.id, [])
        out.append({"id": m.id, "date": m.date, "kind": m.kind, "org": m.org, "body": m.body,
                    "location": m.location, "chair": chairs.get(m.chair_id) if m.chair_id else None,
                    "participants": [{k: v for k, v in p.items() if k != "person_id"}
                                     for p in parts.get(m.id, {}).values()],
                    "participant_ids": list(parts.get(m.id, {})),
                    "adopted": [{"kind": k, "subject": s} for k, s in adopted.get(m.id, {})],
                    "sources": list(dict.fromkeys(s[0] for s in told)), "reasons": m.reasons or {},
                    "disagreements": _disagreements(m, told, chairs)})
    return out


def _disagreements(m: Meeting, told: list[tuple], chairs: dict[int, str]) -> dict[str, dict]:
    """For each value the sources disagree on: each value with the reports
    stating it, the value shown and why."""
    out: dict[str, dict] = {}
    for i, field_name in enumerate(("kind", "org", "body", "date", "location", "chair_id"), start=1):
        stated: dict[object, list[str]] = {}
        for source in told:
            if source[i] is not None:
                stated.setdefault(source[i], []).append(source[0])
        if len(stated) < 2:
            continue
        is_chair = field_name == "chair_id"
        shown = getattr(m, field_name)
        out["chair" if is_chair else field_name] = {
            "shown": chairs.get(shown, shown) if is_chair else shown,
            "reason": (m.reasons or {}).get(field_name),
            "values": [{"value": chairs.get(v, v) if is_chair else v, "sources": s} for v, s in stated.items()]}
    return out


@dataclass
class PersonView:
    id: int
    name: str
    names: list[str]
    roles: list[dict] = field(default_factory=list)  # role, for, first_seen, last_seen, sources
    meetings: list[dict] = field(default_factory=list)
    met_most: list[tuple[str, int]] = field(default_factory=list)


def person(db: Database, name: str) -> list[PersonView]:
    """Every person the name may be, each with their names, roles over time
    (first and last date seen, the reports stating it), meetings and the
    people they met most."""
    with db.session() as session:
        out = []
        for p in find_people(session, name):
            forms = session.scalars(select(PersonName.name).where(PersonName.person_id == p.id)
                                    .order_by(PersonName.id)).all()
            view = PersonView(p.id, p.name, sorted(set(forms)))
            roles = session.execute(
                select(PersonRole.role, PersonRole.country, PersonRole.org, func.min(PersonRole.seen),
                       func.max(PersonRole.seen), func.count(func.distinct(PersonRole.report_id)))
                .where(PersonRole.person_id == p.id)
                .group_by(PersonRole.role, PersonRole.country, PersonRole.org)
                .order_by(func.min(PersonRole.seen))).all()
            reports: dict[tuple, list[str]] = {}
            for role, country, org, report in session.execute(
                    select(PersonRole.role, PersonRole.country, PersonRole.org, Report.name)
                    .join(Report, Report.id == PersonRole.report_id).where(PersonRole.person_id == p.id)
                    .order_by(PersonRole.seen, PersonRole.id)):
                reports.setdefault((role, country, org), []).append(report)
            view.roles = [{"role": r, "for": c or o, "first_seen": a, "last_seen": b, "sources": n,
                           "reports": list(dict.fromkeys(reports.get((r, c, o), [])))}
                          for r, c, o, a, b, n in roles]
            meeting_ids = select(Participant.meeting_id).where(Participant.person_id == p.id)
            found = session.scalars(select(Meeting).where(Meeting.id.in_(meeting_ids))
                                    .order_by(Meeting.date, Meeting.id)).all()
            view.meetings = meeting_rows(session, list(found))
            others: Counter[int] = Counter()
            named: dict[int, str] = {}
            for m in view.meetings:
                for person_id, part in zip(m["participant_ids"], m["participants"], strict=True):
                    if person_id != p.id:
                        others[person_id] += 1
                        named[person_id] = part["name"]
            view.met_most = [(named[i], c) for i, c in others.most_common(10)]
            out.append(view)
        return out
