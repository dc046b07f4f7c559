"""The JSON API: /api/meetings, /api/events, /api/people, /api/organisations, /api/reports,
/api/search and POST /api/extract."""
from __future__ import annotations

from typing import Annotated, Any, Iterator

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy.orm import Session

from ..events.plover import Event
from ..inputs import BadInput, Report
from ..reader import extract_report, read_text
from ..record import Record
from ..webpage import MAX_HTML_BYTES
from . import catalog, schemas
from .limits import DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS, MAX_REPORT_BYTES
from .meetings import COUNTRY, PARTIAL_DATE, Filters, list_events, list_meetings, meeting_detail
from .people import list_people, person_detail

router = APIRouter(prefix="/api")


def session(request: Request) -> Iterator[Session]:
    """A session on the application's database, closed after the request."""
    with request.app.state.db.session() as s:
        yield s


Db = Annotated[Session, Depends(session)]
PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page, from 1")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description=f"items per page, at most {MAX_PER_PAGE}")]
DateQ = Annotated[str | None, Query(pattern=PARTIAL_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]
CountryQ = Annotated[str | None, Query(pattern=COUNTRY, description="ISO alpha-3 of a participant's state")]


def text_query(description: str) -> Any:
    """A text filter, at most MAX_QUERY_CHARS long (422 past it)."""
    return Query(max_length=MAX_QUERY_CHARS, description=description)


def _found(value: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


@router.get("/meetings", response_model=schemas.Page[schemas.MeetingOut], tags=["meetings"])
def meetings(db: Db, org: Annotated[str | None, text_query("organisation acronym, e.g. CSTO")] = None,
             body: Annotated[str | None, text_query("words of the body's name")] = None,
             person: Annotated[str | None, text_query("a participant's name, any spelling")] = None,
             country: CountryQ = None, since: DateQ = None, until: DateQ = None, page: PageNo = 1,
             per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """Meetings, newest first, filtered as `communique meetings` filters them."""
    f = Filters.of(org=org, body=body, person=person, country=country, since=since, until=until)
    return list_meetings(db, f, page, per_page)


@router.get("/events", response_model=schemas.Page[Event], response_model_by_alias=True, tags=["events"])
def events(db: Db, org: Annotated[str | None, text_query("organisation acronym, e.g. CSTO")] = None,
           body: Annotated[str | None, text_query("words of the body's name")] = None,
           person: Annotated[str | None, text_query("a participant's name, any spelling")] = None,
           country: CountryQ = None, since: DateQ = None, until: DateQ = None, page: PageNo = 1,
           per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """PLOVER event records (docs/event-data.md) of the meetings the filters of
    /api/meetings select, newest first. `total`, `pages` and `per_page` count
    meetings: each gives a CONSULT record and a SUPPORT record per document it adopted."""
    f = Filters.of(org=org, body=body, person=person, country=country, since=since, until=until)
    return list_events(db, f, page, per_page)


@router.get("/meetings/{meeting_id}", response_model=schemas.MeetingDetail, tags=["meetings"])
def meeting(db: Db, meeting_id: int) -> dict[str, Any]:
    """A meeting, with each source report's text and its values with evidence."""
    return _found(meeting_detail(db, meeting_id), "meeting")


@router.get("/people", response_model=schemas.Page[schemas.PersonItem], tags=["people"])
def people(db: Db, q: Annotated[str | None, text_query("part of a name, any spelling")] = None,
           page: PageNo = 1, per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """People by name."""
    return list_people(db, (q or "").strip() or None, page, per_page)


@router.get("/people/{person_id}", response_model=schemas.PersonDetail, tags=["people"])
def person(db: Db, person_id: int) -> dict[str, Any]:
    """A person: names, roles over time, meetings, who they met."""
    return _found(person_detail(db, person_id), "person")


@router.get("/organisations", response_model=list[schemas.OrgItem], tags=["organisations"])
def organisations(db: Db) -> list[dict[str, Any]]:
    """Every organisation that met."""
    return catalog.list_orgs(db)


@router.get("/organisations/{name:path}", response_model=schemas.OrgDetail, tags=["organisations"])
def organisation(db: Db, name: str, page: PageNo = 1, per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """An organisation: its members, bodies and sessions (paginated)."""
    return _found(catalog.org_detail(db, name, page, per_page), "organisation")


@router.get("/reports", response_model=schemas.Page[schemas.ReportItem], tags=["reports"])
def reports(db: Db, page: PageNo = 1, per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """Stored reports, newest first."""
    return catalog.list_reports(db, page, per_page)


@router.get("/reports/{report_id}", response_model=schemas.ReportDetail, tags=["reports"])
def report(db: Db, report_id: int) -> dict[str, Any]:
    """A report: its text and the record extracted from it."""
    return _found(catalog.report_detail(db, report_id), "report")


@router.get("/search", response_model=schemas.SearchOut, tags=["search"])
def search(db: Db, q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)]) -> dict[str, Any]:
    """People, organisations and bodies whose names hold `q`."""
    return catalog.search(db, q)


def read_pasted(text: str | None, html: str | None, name: str | None = None) -> Report:
    """The report of a pasted text (a page when it starts with markup) or of a
    page's HTML, or a 413 or 422 saying what is wrong with it."""
    given, limit, what = (html, MAX_HTML_BYTES, "page") if html is not None else (text or "", MAX_REPORT_BYTES, "report")
    size = len(given.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise HTTPException(413, f"{size:,} bytes is over the {limit:,}-byte limit for one {what}")
    try:
        return read_text(given, "html" if html is not None else "text", name or "", html=True if html is not None else None)
    except BadInput as exc:
        raise HTTPException(422, str(exc)) from None


@router.post("/extract", response_model=Record, tags=["extract"],  # app.BodyLimit answers 413 past MAX_BODY_BYTES
             responses={413: {"description": "the report is too large"}, 422: {"description": "bad input"}})
def extract_report_api(body: schemas.ExtractIn) -> Record:
    """Extract the record of one report, sent as `text` or as a page's `html` (nothing is stored).
    The record's `text.content` is the text its evidence offsets index: there for `html`, or when asked."""
    report = read_pasted(body.text, body.html, body.name)
    record = extract_report(report, published=body.published, source=body.source)
    if record.text is not None and (body.with_text if body.with_text is not None else body.html is not None):
        record.text.content = report.text
    return record
