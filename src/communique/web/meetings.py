"""Meetings for the web: filtered and paginated in SQL, rows fetched in a few
batched queries per page, a timeline of months, one meeting with its sources."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import Select, bindparam, func, select
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


_meetings, _persons = Meeting.__table__, Person.__table__
_participants, _sources, _reports = Participant.__table__, MeetingSource.__table__, Report.__table__
_adopted = Adopted.__table__
_chair = _persons.alias("chair")
# the columns a meeting is shown with, its chair's name joined: plain rows, no ORM objects built
MEETINGS = (select(_meetings.c.id, _meetings.c.date, _meetings.c.kind, _meetings.c.org, _meetings.c.body,
                   _meetings.c.location, _meetings.c.chair_id, _chair.c.name.label("chair_name"),
                   _meetings.c.reasons)
            .select_from(_meetings.outerjoin(_chair, _chair.c.id == _meetings.c.chair_id)))
NEWEST_FIRST = (_meetings.c.date.desc(), _meetings.c.id.desc())
_IDS = bindparam("ids", expanding=True)
# built once: SQLAlchemy keeps their compiled form and their cache keys
_PARTICIPANTS = (select(_participants.c.meeting_id, _persons.c.id, _persons.c.name, _participants.c.role,
                        _participants.c.country, _participants.c.org)
                 .join(_persons, _persons.c.id == _participants.c.person_id)
                 .where(_participants.c.meeting_id.in_(_IDS)).order_by(_participants.c.id))
_SOURCES = (select(_sources.c.meeting_id, _reports.c.id, _reports.c.name, _reports.c.source, _reports.c.published)
            .join(_reports, _reports.c.id == _sources.c.report_id)
            .where(_sources.c.meeting_id.in_(_IDS)).order_by(_sources.c.id))
_ADOPTED = (select(_adopted.c.meeting_id, _adopted.c.kind, _adopted.c.subject)
            .where(_adopted.c.meeting_id.in_(_IDS)).order_by(_adopted.c.id))


_FILTERS = ("org", "body", "since", "until", "country", "person")


def _where(query: Select, active: tuple[str, ...]) -> Select:
    """`query` filtered by the filters named in `active`, their values left as
    bound parameters (`filter_values`): one statement per set of filters in use."""
    m = _meetings.c
    if "org" in active:
        query = query.where(func.lower(m.org) == bindparam("org"))
    if "body" in active:  # the value escaped by filter_values, as contains(autoescape=True) escapes it
        query = query.where(func.lower(m.body).contains(bindparam("body"), escape="/"))
    if "since" in active:
        query = query.where(m.date >= bindparam("since"))
    if "until" in active:
        query = query.where(m.date <= bindparam("until"))
    if "country" in active:
        query = query.where(m.id.in_(select(_participants.c.meeting_id)
                                     .where(_participants.c.country == bindparam("country"))))
    if "person" in active:
        query = query.where(m.id.in_(select(_participants.c.meeting_id)
                                     .where(_participants.c.person_id.in_(bindparam("people", expanding=True)))))
    return query


def filter_values(session: Session, f: Filters) -> dict[str, Any]:
    """The values of `f`'s bound parameters in `_where`'s statements."""
    values: dict[str, Any] = {}
    if f.org:
        values["org"] = f.org.lower()
    if f.body:
        values["body"] = f.body.lower().replace("/", "//").replace("%", "/%").replace("_", "/_")
    if f.since:
        values["since"] = f.since
    if f.until:
        values["until"] = f.until + "\uffff"
    if f.country:
        values["country"] = f.country.upper()
    if f.person:
        known = session.info.setdefault("people_named", {})  # once per request, not per query
        ids = known[f.person] if f.person in known else known.setdefault(f.person, people_named(session, f.person))
        values["people"] = ids
    return values


_statements: dict[tuple, Select] = {}


def filtered(shape: str, f: Filters, build: Callable[[], Select]) -> Select:
    """The statement `build()` filtered by the filters `f` uses, built once per
    shape and set of filters: SQLAlchemy then finds its compiled form by a cache
    key it computed once, instead of building and hashing a new tree per request."""
    active = tuple(name for name in _FILTERS if getattr(f, name))
    key = (shape, active)
    found = _statements.get(key)
    if found is None:
        found = _statements.setdefault(key, _where(build(), active))
    return found


def where(session: Session, query: Select, f: Filters) -> Select:
    """`query` filtered by `f`, the values in the statement (for one-off statements)."""
    active = tuple(name for name in _FILTERS if getattr(f, name))
    return _where(query, active).params(filter_values(session, f))


def page_of(total: int, page: int, per_page: int, items: list) -> dict[str, Any]:
    return {"total": total, "page": page, "per_page": per_page,
            "pages": max(1, -(-total // per_page)), "items": items}


def _total(session: Session, f: Filters) -> int:
    """How many meetings `f` selects."""
    return remembered(session, ("meetings", f.key()), lambda: session.scalar(
        filtered("count", f, lambda: select(func.count(_meetings.c.id))), filter_values(session, f)) or 0)


_LIMITED = (bindparam("limit"), bindparam("offset"))


def list_meetings(session: Session, f: Filters, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    """One page of the meetings `f` selects, newest first."""
    total = _total(session, f)
    query = filtered("page", f, lambda: MEETINGS.order_by(*NEWEST_FIRST).limit(_LIMITED[0]).offset(_LIMITED[1]))
    rows = session.execute(query, {**filter_values(session, f), "limit": per_page,
                                   "offset": (page - 1) * per_page}).all()
    return page_of(total, page, per_page, meeting_rows(session, rows))


def list_events(session: Session, f: Filters, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    """The PLOVER records of one page of the meetings `f` selects, newest first:
    `total`, `pages` and `per_page` count meetings, each giving its CONSULT
    record and one record per adopted document."""
    total = _total(session, f)
    query = where(session, select(Meeting), f).order_by(Meeting.date.desc(), Meeting.id.desc())
    rows = list(session.scalars(query.limit(per_page).offset((page - 1) * per_page)))
    return page_of(total, page, per_page, knowledge_events(session, rows))


def meeting_rows(session: Session, meetings: Sequence[Any]) -> list[dict[str, Any]]:
    """Each meeting's values, participants, adopted documents and sources; `meetings`
    are rows of MEETINGS (id, date, kind, org, body, location, chair_id, chair_name, reasons)."""
    ids = [m[0] for m in meetings]
    if not ids:
        return []
    people: dict[int, dict[int, dict]] = {i: {} for i in ids}
    for meeting_id, person_id, name, role, country, org in session.execute(_PARTICIPANTS, {"ids": ids}).all():
        seen = people[meeting_id].get(person_id)
        if seen is None:
            people[meeting_id][person_id] = {"id": person_id, "name": name, "role": role, "country": country,
                                             "org": org}
        else:  # a person told by several reports: the first value stated of each
            seen["role"] = seen["role"] or role
            seen["country"] = seen["country"] or country
            seen["org"] = seen["org"] or org
    sources: dict[int, dict[int, dict]] = {i: {} for i in ids}
    for meeting_id, report_id, name, agency, published in session.execute(_SOURCES, {"ids": ids}).all():
        sources[meeting_id].setdefault(report_id, {"id": report_id, "name": name, "source": agency,
                                                   "published": published})
    adopted: dict[int, dict[tuple[str, str], None]] = {i: {} for i in ids}
    for meeting_id, kind, subject in session.execute(_ADOPTED, {"ids": ids}).all():
        adopted[meeting_id][(kind, subject)] = None
    return [{"id": i, "date": date, "kind": kind, "org": org, "body": body, "location": location,
             "chair": {"id": chair_id, "name": chair_name} if chair_name is not None else None,
             "participants": list(people[i].values()),
             "adopted": [{"kind": k, "subject": s} for k, s in adopted[i]],
             "sources": list(sources[i].values()), "reasons": reasons or {}}
            for i, date, kind, org, body, location, chair_id, chair_name, reasons in meetings]


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
    found = session.execute(_MEETING, {"meeting": meeting_id}).first()
    if found is None:
        return None
    row = meeting_rows(session, [found])[0]
    row["sources"] = [
        {"id": report_id, "name": name, "source": agency, "published": published, "values": values, "text": text,
         "record": record}
        for report_id, name, agency, published, values, text, record in session.execute(_DETAIL_SOURCES,
                                                                                         {"meeting": meeting_id})]
    return row


_MEETING = MEETINGS.where(_meetings.c.id == bindparam("meeting"))
_DETAIL_SOURCES = (select(_reports.c.id, _reports.c.name, _reports.c.source, _reports.c.published,
                          _sources.c["values"], _reports.c.text, _reports.c.record)
                   .join(_reports, _reports.c.id == _sources.c.report_id)
                   .where(_sources.c.meeting_id == bindparam("meeting")).order_by(_sources.c.id))
