"""Meetings for the web: filtered and paginated in SQL, rows fetched in a few
batched queries per page, a timeline of months, one meeting with its sources."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ..events.knowledge import knowledge_events
from ..kb.models import Adopted, Meeting, MeetingSource, Participant, Person, Report
from ..kb.queries import find_people
from .limits import MAX_QUERY_CHARS
from .memo import remembered

PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
COUNTRY = r"^[A-Za-z]{3}$"


@dataclass
class Filters:
    """The filters of `communique meetings`, with the same meaning."""

    org: str | None = None
    body: str | None = None
    person: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None

    @classmethod
    def of(cls, **values: str | None) -> "Filters":
        """Blank values (an empty form field) are no filter; the pages cut long ones
        (the API refuses them first)."""
        return cls(**{k: (v.strip()[:MAX_QUERY_CHARS] or None) if isinstance(v, str) else None
                      for k, v in values.items()})

    def cleaned(self) -> tuple["Filters", list[str]]:
        """These filters less the malformed ones, and what is wrong with those."""
        bad = {k: "expected YYYY, YYYY-MM or YYYY-MM-DD" for k in ("since", "until")
               if getattr(self, k) and not re.match(PARTIAL_DATE, getattr(self, k))}
        if self.country and not re.match(COUNTRY, self.country):
            bad["country"] = "expected an ISO alpha-3 code such as RUS"
        return replace(self, **{k: None for k in bad}), [f"{k}: {v}" for k, v in bad.items()]

    def params(self) -> dict[str, str | None]:
        return asdict(self)

    def active(self) -> bool:
        return any(asdict(self).values())

    def key(self) -> tuple[str | None, ...]:
        return tuple(asdict(self).values())


def people_named(session: Session, name: str) -> list[int]:
    """Ids of every person one of whose names agrees with `name` across spellings
    and scripts: the knowledge base's own matching, as `communique meetings --person`."""
    return [p.id for p in find_people(session, name)]


def where(session: Session, query: Select, f: Filters) -> Select:
    if f.org:
        query = query.where(func.lower(Meeting.org) == f.org.lower())
    if f.body:
        query = query.where(func.lower(Meeting.body).contains(f.body.lower(), autoescape=True))
    if f.since:
        query = query.where(Meeting.date >= f.since)
    if f.until:
        query = query.where(Meeting.date <= f.until + "\uffff")
    if f.country:
        query = query.where(Meeting.id.in_(select(Participant.meeting_id)
                                           .where(Participant.country == f.country.upper())))
    if f.person:
        known = session.info.setdefault("people_named", {})  # once per request, not per query
        ids = known[f.person] if f.person in known else known.setdefault(f.person, people_named(session, f.person))
        query = query.where(Meeting.id.in_(select(Participant.meeting_id).where(Participant.person_id.in_(ids))))
    return query


def page_of(total: int, page: int, per_page: int, items: list) -> dict[str, Any]:
    return {"total": total, "page": page, "per_page": per_page,
            "pages": max(1, -(-total // per_page)), "items": items}


def _page(session: Session, f: Filters, page: int, per_page: int) -> tuple[int, list[Meeting]]:
    """How many meetings `f` selects, and one page of them, newest first."""
    total = remembered(session, ("meetings", f.key()),
                       lambda: session.scalar(where(session, select(func.count(Meeting.id)), f)) or 0)
    query = where(session, select(Meeting), f).order_by(Meeting.date.desc(), Meeting.id.desc())
    return total, list(session.scalars(query.limit(per_page).offset((page - 1) * per_page)))


def list_meetings(session: Session, f: Filters, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    """One page of the meetings `f` selects, newest first."""
    total, rows = _page(session, f, page, per_page)
    return page_of(total, page, per_page, meeting_rows(session, rows))


def list_events(session: Session, f: Filters, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    """The PLOVER records of one page of the meetings `f` selects, newest first:
    `total`, `pages` and `per_page` count meetings, each giving its CONSULT
    record and one record per adopted document."""
    total, rows = _page(session, f, page, per_page)
    return page_of(total, page, per_page, knowledge_events(session, rows))


def meeting_rows(session: Session, meetings: list[Meeting]) -> list[dict[str, Any]]:
    """Each meeting's values, participants, adopted documents and sources."""
    ids = [m.id for m in meetings]
    if not ids:
        return []
    people: dict[int, dict[int, dict]] = {i: {} for i in ids}
    for meeting_id, person_id, name, role, country, org in session.execute(
            select(Participant.meeting_id, Person.id, Person.name, Participant.role, Participant.country,
                   Participant.org).join(Person, Person.id == Participant.person_id)
            .where(Participant.meeting_id.in_(ids)).order_by(Participant.id)):
        seen = people[meeting_id].setdefault(person_id, {"id": person_id, "name": name, "role": role,
                                                         "country": country, "org": org})
        for key, value in (("role", role), ("country", country), ("org", org)):
            seen[key] = seen[key] or value
    sources: dict[int, list[dict]] = {i: [] for i in ids}
    for meeting_id, report_id, name, agency, published in session.execute(
            select(MeetingSource.meeting_id, Report.id, Report.name, Report.source, Report.published)
            .join(Report, Report.id == MeetingSource.report_id)
            .where(MeetingSource.meeting_id.in_(ids)).order_by(MeetingSource.id)):
        if all(s["id"] != report_id for s in sources[meeting_id]):
            sources[meeting_id].append({"id": report_id, "name": name, "source": agency, "published": published})
    adopted: dict[int, list[dict]] = {i: [] for i in ids}
    for meeting_id, kind, subject in session.execute(
            select(Adopted.meeting_id, Adopted.kind, Adopted.subject).where(Adopted.meeting_id.in_(ids))
            .order_by(Adopted.id)):
        if {"kind": kind, "subject": subject} not in adopted[meeting_id]:
            adopted[meeting_id].append({"kind": kind, "subject": subject})
    chair_ids = {m.chair_id for m in meetings if m.chair_id}
    chairs: dict[int, str] = {}
    if chair_ids:
        chairs = {i: n for i, n in session.execute(select(Person.id, Person.name).where(Person.id.in_(chair_ids)))}
    return [{"id": m.id, "date": m.date, "kind": m.kind, "org": m.org, "body": m.body, "location": m.location,
             "chair": {"id": m.chair_id, "name": chairs[m.chair_id]} if m.chair_id in chairs else None,
             "participants": list(people[m.id].values()), "adopted": adopted[m.id], "sources": sources[m.id],
             "reasons": m.reasons or {}} for m in meetings]


def timeline(session: Session, f: Filters, max_bars: int = 120) -> list[dict[str, Any]]:
    """Meetings per month (per year when the months are too many), gaps included."""
    month = func.substr(Meeting.date, 1, 7)
    counts = dict(session.execute(where(session, select(month, func.count(Meeting.id)), f)
                                  .where(func.length(Meeting.date) >= 7).group_by(month)).all())
    if not counts:
        return []
    first, last = min(counts), max(counts)
    labels = _months(first, last)
    if len(labels) > max_bars:
        years: dict[str, int] = {}
        for key, n in counts.items():
            years[key[:4]] = years.get(key[:4], 0) + n
        labels = [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]
        counts = years
    return [{"label": label, "count": counts.get(label, 0), "since": label, "until": label} for label in labels]


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last and len(out) < 12 * 1000:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def meeting_detail(session: Session, meeting_id: int) -> dict[str, Any] | None:
    """One meeting, and each source with its report's text, record and values."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        return None
    row = meeting_rows(session, [meeting])[0]
    row["sources"] = [
        {"id": report.id, "name": report.name, "source": report.source, "published": report.published,
         "values": source.values, "text": report.text, "record": report.record}
        for source, report in session.execute(
            select(MeetingSource, Report).join(Report, Report.id == MeetingSource.report_id)
            .where(MeetingSource.meeting_id == meeting_id).order_by(MeetingSource.id))]
    return row
