"""Organisations, reports and search for the web."""
from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from .. import gazetteer
from ..kb.models import Meeting, MeetingSource, Report
from .limits import SEARCH_HITS
from .meetings import Filters, list_meetings, page_of
from .memo import remembered
from .people import list_people


def _org_info(name: str) -> gazetteer.OrgInfo | None:
    return gazetteer.load().orgs.get(name)


def list_orgs(session: Session) -> list[dict[str, Any]]:
    """Every organisation that met, with its meetings, bodies and dates."""
    return remembered(session, ("orgs",), lambda: _list_orgs(session))


def _list_orgs(session: Session) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Meeting.org, func.count(Meeting.id), func.count(func.distinct(Meeting.body)),
               func.min(Meeting.date), func.max(Meeting.date))
        .where(Meeting.org.is_not(None)).group_by(Meeting.org).order_by(Meeting.org))
    return [{"name": n, "full_name": info.name if (info := _org_info(n)) else None, "meetings": c,
             "bodies": b, "first": a, "last": z} for n, c, b, a, z in rows]


def org_detail(session: Session, name: str, page: int = 1, per_page: int = 50) -> dict[str, Any] | None:
    """An organisation: its bodies (those known and those that met) and its sessions."""
    stored = session.scalar(select(Meeting.org).where(func.lower(Meeting.org) == name.lower()).limit(1))
    if stored is None:
        return None
    info = _org_info(stored)
    met = {b: (c, a, z) for b, c, a, z in session.execute(
        select(Meeting.body, func.count(Meeting.id), func.min(Meeting.date), func.max(Meeting.date))
        .where(Meeting.org == stored).group_by(Meeting.body))}
    known = [b.name for b in info.bodies] if info else []
    bodies = [{"name": b, "meetings": met.get(b, (0, None, None))[0], "first": met.get(b, (0, None, None))[1],
               "last": met.get(b, (0, None, None))[2]}
              for b in known + sorted(b for b in met if b and b not in known)]
    if None in met:
        c, a, z = met[None]
        bodies.append({"name": None, "meetings": c, "first": a, "last": z})
    members = sorted(info.members) if info else []
    return {"name": stored, "full_name": info.name if info else None,
            "members": [{"code": m, "name": gazetteer.load().state_name(m)} for m in members],
            "bodies": bodies, "sessions": list_meetings(session, Filters(org=stored), page, per_page)}


def list_reports(session: Session, page: int = 1, per_page: int = 50) -> dict[str, Any]:
    total = remembered(session, ("reports",), lambda: session.scalar(select(func.count(Report.id))) or 0)
    rows = session.execute(
        select(Report.id, Report.name, Report.source, Report.published, Report.dateline_place)
        .order_by(Report.published.desc(), Report.id.desc()).limit(per_page).offset((page - 1) * per_page)).all()
    counts = dict(session.execute(  # the page's reports only, through the index on report_id
        select(MeetingSource.report_id, func.count(func.distinct(MeetingSource.meeting_id)))
        .where(MeetingSource.report_id.in_([r[0] for r in rows])).group_by(MeetingSource.report_id)).all())
    return page_of(total, page, per_page, [
        {"id": i, "name": n, "source": s, "published": p, "dateline_place": d, "meetings": counts.get(i, 0)}
        for i, n, s, p, d in rows])


def report_detail(session: Session, report_id: int) -> dict[str, Any] | None:
    report = session.get(Report, report_id)
    if report is None:
        return None
    meetings = session.execute(
        select(Meeting.id, Meeting.date, Meeting.kind, Meeting.org, Meeting.body, Meeting.location).distinct()
        .join(MeetingSource, MeetingSource.meeting_id == Meeting.id)
        .where(MeetingSource.report_id == report_id).order_by(Meeting.id))
    return {"id": report.id, "name": report.name, "source": report.source, "published": report.published,
            "dateline_place": report.dateline_place, "text": report.text, "record": report.record,
            "meetings": [{"id": i, "date": d, "kind": k, "org": o, "body": b, "location": loc}
                         for i, d, k, o, b, loc in meetings]}


def search(session: Session, q: str, limit: int = SEARCH_HITS) -> dict[str, Any]:
    """People, organisations and bodies whose names hold `q`."""
    q = q.strip()
    if not q:
        return {"q": q, "people": [], "organisations": [], "bodies": []}
    low = q.lower()
    people = list_people(session, q, 1, limit)["items"]
    orgs = [o for o in list_orgs(session)
            if low in o["name"].lower() or low in (o["full_name"] or "").lower()][:limit]
    bodies = session.execute(_BODIES, {"part": low.replace("/", "//").replace("%", "/%").replace("_", "/_"),
                                       "limit": limit})
    return {"q": q, "people": people, "organisations": orgs,
            "bodies": [{"org": o, "name": b, "meetings": c} for o, b, c in bodies]}



_m = Meeting.__table__.c
_BODIES = (select(_m.org, _m.body, func.count(_m.id))  # the value escaped as contains(autoescape=True) escapes it
           .where(_m.body.is_not(None), func.lower(_m.body).contains(bindparam("part"), escape="/"))
           .group_by(_m.org, _m.body).order_by(_m.org, _m.body).limit(bindparam("limit")))
