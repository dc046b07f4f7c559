"""The JSON API: /api/meetings, /api/events, /api/people, /api/organisations, /api/reports,
/api/search and POST /api/extract."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Iterator

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic_core import to_json
from sqlalchemy.orm import Session

from ..events.plover import Event
from ..inputs import BadInput, Report
from ..reader import extract_report, read_text
from ..record import Record
from ..webpage import MAX_HTML_BYTES
from . import catalog, schemas
from .limits import DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS, MAX_REPORT_BYTES
from .meetings import COUNTRY, PARTIAL_DATE, Filters, list_events, list_meetings, meeting_detail
from .memo import request_session
from .people import list_people, person_detail

router = APIRouter(prefix="/api")


def session(request: Request) -> Iterator[Session]:
    """A session on the application's database, closed after the request."""
    with request_session(request) as s:
        yield s


Db = Annotated[Session, Depends(session)]
PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page, from 1")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description=f"items per page, at most {MAX_PER_PAGE}")]
DateQ = Annotated[str | None, Query(pattern=PARTIAL_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]
CountryQ = Annotated[str | None, Query(pattern=COUNTRY, description="ISO alpha-3 of a participant's state")]


def text_query(description: str) -> Any:
    """A text filter, at most MAX_QUERY_CHARS long (422 past it)."""
    return Query(max_length=MAX_QUERY_CHARS, description=description)


def _answer(request: Request, compute: Callable[[Session], Any], what: str | None = None) -> Response:
    """The JSON of `compute(session)`, or a 404 when it is None and `what` names the thing.

    The routes are plain functions that FastAPI runs in its thread pool: the
    session is opened there (not by a dependency, which would take the thread
    pool twice more), and the answer, built by our own queries in the shape of
    the route's response model (its schema at /docs; tests/web/test_api_shapes.py
    holds every answer to it), is written to JSON there, once, by pydantic's
    serialiser, without FastAPI validating it again in yet another turn of the pool."""
    with request_session(request) as s:
        value = compute(s)
    if value is None and what is not None:
        raise HTTPException(404, f"no such {what}")
    return Response(to_json(value), media_type="application/json")


@router.get("/meetings", response_model=schemas.Page[schemas.MeetingOut], tags=["meetings"])
def meetings(request: Request, org: Annotated[str | None, text_query("organisation acronym, e.g. CSTO")] = None,
             body: Annotated[str | None, text_query("words of the body's name")] = None,
             person: Annotated[str | None, text_query("a participant's name, any spelling")] = None,
             country: CountryQ = None, since: DateQ = None, until: DateQ = None, page: PageNo = 1,
             per_page: PerPage = DEFAULT_PER_PAGE) -> Response:
    """Meetings, newest first, filtered as `communique meetings` filters them."""
    f = Filters.of(org=org, body=body, person=person, country=country, since=since, until=until)
    return _answer(request, lambda s: list_meetings(s, f, page, per_page))


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


def _without_records(meeting: dict[str, Any] | None) -> dict[str, Any] | None:
    """A meeting's detail as the API gives it: each source's text and values, not the whole record."""
    if meeting is not None:
        for source in meeting["sources"]:
            del source["record"]
    return meeting


@router.get("/meetings/{meeting_id}", response_model=schemas.MeetingDetail, tags=["meetings"])
def meeting(request: Request, meeting_id: int) -> Response:
    """A meeting, with each source report's text and its values with evidence."""
    return _answer(request, lambda s: _without_records(meeting_detail(s, meeting_id)), "meeting")


@router.get("/people", response_model=schemas.Page[schemas.PersonItem], tags=["people"])
def people(request: Request, q: Annotated[str | None, text_query("part of a name, any spelling")] = None,
           page: PageNo = 1, per_page: PerPage = DEFAULT_PER_PAGE) -> Response:
    """People by name."""
    return _answer(request, lambda s: list_people(s, (q or "").strip() or None, page, per_page))


@router.get("/people/{person_id}", response_model=schemas.PersonDetail, tags=["people"])
def person(request: Request, person_id: int) -> Response:
    """A person: names, roles over time, meetings, who they met."""
    return _answer(request, lambda s: person_detail(s, person_id), "person")


@router.get("/organisations", response_model=list[schemas.OrgItem], tags=["organisations"])
def organisations(request: Request) -> Response:
    """Every organisation that met."""
    return _answer(request, catalog.list_orgs)


@router.get("/organisations/{name:path}", response_model=schemas.OrgDetail, tags=["organisations"])
def organisation(request: Request, name: str, page: PageNo = 1, per_page: PerPage = DEFAULT_PER_PAGE) -> Response:
    """An organisation: its members, bodies and sessions (paginated)."""
    return _answer(request, lambda s: catalog.org_detail(s, name, page, per_page), "organisation")


@router.get("/reports", response_model=schemas.Page[schemas.ReportItem], tags=["reports"])
def reports(request: Request, page: PageNo = 1, per_page: PerPage = DEFAULT_PER_PAGE) -> Response:
    """Stored reports, newest first."""
    return _answer(request, lambda s: catalog.list_reports(s, page, per_page))


@router.get("/reports/{report_id}", response_model=schemas.ReportDetail, tags=["reports"])
def report(request: Request, report_id: int) -> Response:
    """A report: its text and the record extracted from it."""
    return _answer(request, lambda s: catalog.report_detail(s, report_id), "report")


@router.get("/search", response_model=schemas.SearchOut, tags=["search"])
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)]) -> Response:
    """People, organisations and bodies whose names hold `q`."""
    return _answer(request, lambda s: catalog.search(s, q))


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
