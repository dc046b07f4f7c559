"""People for the web: a paginated list, and one person with names, roles
over time, meetings and the people they met."""
from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from ..kb.models import Participant, Person, PersonName, PersonRole
from .meetings import MEETINGS, NEWEST_FIRST, meeting_rows, page_of, people_named
from .memo import remembered


_persons, _names, _roles, _participants = (Person.__table__, PersonName.__table__, PersonRole.__table__,
                                          Participant.__table__)
_PAGE = (select(_persons.c.id, _persons.c.name).order_by(_persons.c.name, _persons.c.id)
         .limit(bindparam("limit")).offset(bindparam("offset")))
_PAGE_OF = _PAGE.where(_persons.c.id.in_(bindparam("ids", expanding=True)))
_COUNT = select(func.count(_persons.c.id))
_MEETINGS_OF = (select(_participants.c.person_id, func.count(func.distinct(_participants.c.meeting_id)))
                .where(_participants.c.person_id.in_(bindparam("ids", expanding=True)))
                .group_by(_participants.c.person_id))
_NAMED = (select(_names.c.person_id).distinct()  # the value escaped as contains(autoescape=True) escapes it
          .where(func.lower(_names.c.name).contains(bindparam("q"), escape="/")).limit(bindparam("limit")))


def list_people(session: Session, q: str | None = None, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    """People by name, with how many meetings each took part in; `q` matches
    any of their names, in part or across spellings."""
    window = {"limit": per_page, "offset": (page - 1) * per_page}
    if q:
        ids = matching_people(session, q)  # stored people, each once
        total, rows = len(ids), session.execute(_PAGE_OF, {**window, "ids": ids}).all()
    else:
        total = remembered(session, ("people",), lambda: session.scalar(_COUNT) or 0)
        rows = session.execute(_PAGE, window).all()
    counts = dict(session.execute(_MEETINGS_OF, {"ids": [i for i, _ in rows]}).all())  # the page's people only
    return page_of(total, page, per_page, [{"id": i, "name": n, "meetings": counts.get(i, 0)} for i, n in rows])


def matching_people(session: Session, q: str, limit: int = 200) -> list[int]:
    """Ids of people one of whose names contains `q`, or agrees with it across spellings."""
    part = q.strip().lower().replace("/", "//").replace("%", "/%").replace("_", "/_")
    found = list(session.scalars(_NAMED, {"q": part, "limit": limit}))
    return list(dict.fromkeys(found + people_named(session, q)))[:limit]


_PERSON = select(_persons.c.id, _persons.c.name).where(_persons.c.id == bindparam("person"))
_NAMES = select(_names.c.name).where(_names.c.person_id == bindparam("person"))
_ROLES = (select(_roles.c.role, _roles.c.country, _roles.c.org, func.min(_roles.c.seen), func.max(_roles.c.seen),
                 func.count(func.distinct(_roles.c.report_id)))
          .where(_roles.c.person_id == bindparam("person"))
          .group_by(_roles.c.role, _roles.c.country, _roles.c.org)
          .order_by(func.min(_roles.c.seen)))
_MEETINGS = (MEETINGS.where(MEETINGS.selected_columns.id.in_(
                 select(_participants.c.meeting_id).where(_participants.c.person_id == bindparam("person"))))
             .order_by(*NEWEST_FIRST))


def person_detail(session: Session, person_id: int, met_limit: int = 16) -> dict[str, Any] | None:
    person = session.execute(_PERSON, {"person": person_id}).first()
    if person is None:
        return None
    given = {"person": person_id}
    roles = session.execute(_ROLES, given).all()
    rows = meeting_rows(session, session.execute(_MEETINGS, given).all())
    return {"id": person.id, "name": person.name, "names": sorted(set(session.scalars(_NAMES, given))),
            "roles": [{"role": r, "country": c, "org": o, "first_seen": a, "last_seen": b, "sources": n}
                      for r, c, o, a, b, n in roles],
            "meetings": rows, **met(rows, person.id, met_limit)}


def met(rows: list[dict[str, Any]], person_id: int, limit: int) -> dict[str, Any]:
    """Who `person_id` met most across `rows`, and how often those people met each other there."""
    counts: Counter[int] = Counter()
    named: dict[int, str] = {}
    for row in rows:
        for p in row["participants"]:
            if p["id"] != person_id:
                counts[p["id"]] += 1
                named[p["id"]] = p["name"]
    top = [i for i, _ in counts.most_common(limit)]
    pairs: Counter[tuple[int, int]] = Counter()
    for row in rows:
        present = sorted(p["id"] for p in row["participants"] if p["id"] in top)
        pairs.update(combinations(present, 2))
    return {"met": [{"id": i, "name": named[i], "meetings": counts[i]} for i in top],
            "met_pairs": [{"a": a, "b": b, "meetings": n} for (a, b), n in sorted(pairs.items())]}
