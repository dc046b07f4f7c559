"""Questions to the knowledge base: meetings by organisation, body, person,
state and dates; a person's roles over time, meetings and counterparts."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import names
from .db import Database
from .models import Adopted, Meeting, MeetingSource, Participant, Person, PersonRole, Report


def find_people(session: Session, name: str) -> list[Person]:
    """Every person one of whose names agrees with `name` across spellings."""
    key = names.tokens(name)
    if not key:
        return []
    candidates = session.scalars(select(Person)).all() if len(key) == 1 else \
        session.scalars(select(Person).where(Person.surname_key == key[-1])).all()
    return [p for p in candidates if any(names.same_name(name, n.name) for n in p.names)]


def meetings(db: Database, org: str | None = None, body: str | None = None, person: str | None = None,
             country: str | None = None, since: str | None = None, until: str | None = None) -> list[dict]:
    with db.session() as session:
        query = select(Meeting)
        if org:
            query = query.where(func.lower(Meeting.org) == org.lower())
        if body:
            query = query.where(func.lower(Meeting.body).contains(body.lower()))
        if since:
            query = query.where(Meeting.date >= since)
        if until:
            query = query.where(Meeting.date <= until + "\uffff")
        if country:
            query = query.where(Meeting.id.in_(select(Participant.meeting_id).where(Participant.country == country.upper())))
        if person:
            ids = [p.id for p in find_people(session, person)]
            query = query.where(Meeting.id.in_(select(Participant.meeting_id).where(Participant.person_id.in_(ids))))
        rows = session.scalars(query.order_by(Meeting.date, Meeting.id)).all()
        return [_meeting_row(session, m) for m in rows]


def _meeting_row(session: Session, m: Meeting) -> dict:
    parts = session.execute(select(Person.name, Participant.role, Participant.country, Participant.org)
                            .join(Participant, Participant.person_id == Person.id)
                            .where(Participant.meeting_id == m.id)).all()
    seen: dict[str, tuple] = {}
    for name, role, country, org in parts:
        seen.setdefault(name, (role, country or org))
    sources = session.scalars(select(Report.name).join(MeetingSource, MeetingSource.report_id == Report.id)
                              .where(MeetingSource.meeting_id == m.id)).all()
    chair = session.get(Person, m.chair_id).name if m.chair_id else None
    adopted = session.execute(select(Adopted.kind, Adopted.subject).where(Adopted.meeting_id == m.id)).all()
    return {"id": m.id, "date": m.date, "kind": m.kind, "org": m.org, "body": m.body, "location": m.location,
            "chair": chair, "participants": [{"name": n, "role": r, "for": a} for n, (r, a) in seen.items()],
            "adopted": [{"kind": k, "subject": s} for k, s in dict.fromkeys(adopted)],
            "sources": list(dict.fromkeys(sources)), "reasons": m.reasons}


@dataclass
class PersonView:
    id: int
    name: str
    names: list[str]
    roles: list[dict] = field(default_factory=list)  # role, for, first_seen, last_seen, sources
    meetings: list[dict] = field(default_factory=list)
    met_most: list[tuple[str, int]] = field(default_factory=list)


def person(db: Database, name: str) -> list[PersonView]:
    with db.session() as session:
        out = []
        for p in find_people(session, name):
            view = PersonView(p.id, p.name, sorted({n.name for n in p.names}))
            roles = session.execute(
                select(PersonRole.role, PersonRole.country, PersonRole.org, func.min(PersonRole.seen),
                       func.max(PersonRole.seen), func.count(func.distinct(PersonRole.report_id)))
                .where(PersonRole.person_id == p.id)
                .group_by(PersonRole.role, PersonRole.country, PersonRole.org)
                .order_by(func.min(PersonRole.seen))).all()
            view.roles = [{"role": r, "for": c or o, "first_seen": a, "last_seen": b, "sources": n}
                          for r, c, o, a, b, n in roles]
            meeting_ids = session.scalars(select(Participant.meeting_id).where(Participant.person_id == p.id)
                                          .distinct()).all()
            view.meetings = [_meeting_row(session, session.get(Meeting, i)) for i in meeting_ids]
            view.meetings.sort(key=lambda m: m["date"] or "")
            others = Counter()
            for m in view.meetings:
                for part in m["participants"]:
                    if part["name"] != p.name and part["name"] not in view.names:
                        others[part["name"]] += 1
            view.met_most = others.most_common(10)
            out.append(view)
        return out
