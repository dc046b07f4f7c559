"""The web pages, rendered on the server from Jinja2 templates (autoescaped)."""
from __future__ import annotations

import json
import weakref
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, pass_context
from markupsafe import Markup
from sqlalchemy.orm import Session
from starlette.datastructures import URL, URLPath

from ..reader import extract_report
from . import catalog, charts
from .api import read_pasted
from .highlight import LEGEND, highlight, meeting_spans, record_spans
from .limits import DEFAULT_PER_PAGE, MAX_PAGE, MAX_QUERY_CHARS
from .meetings import Filters, list_meetings, meeting_detail, timeline
from .memo import remembered, request_session
from .people import list_people, person_detail

PER_PAGE = DEFAULT_PER_PAGE
_DICT_ATTRIBUTES = frozenset(dir(dict))


class PageEnvironment(Environment):
    """Jinja2's environment, reading `row.name` off the plain dicts the pages are
    given by key at once: the same value Jinja2 finds, without the AttributeError
    it raises and catches first on every such read (a tenth of a page's time)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:  # `d.items` stays the method, as in Jinja2
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


env = PageEnvironment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                  auto_reload=False,  # the templates ship with the package: no look at their files on each render
                  trim_blocks=True, lstrip_blocks=True)
env.filters["label"] = lambda value: (value or "").replace("_", " ")
env.filters["pretty"] = lambda value: json.dumps(value, ensure_ascii=False, indent=2)
env.globals["legend"] = LEGEND


def query_string(params: dict[str, Any], **extra: Any) -> str:
    """`params` and `extra` as a query string, blanks left out."""
    return urlencode({k: v for k, v in {**params, **extra}.items() if v not in (None, "")})


env.globals["qs"] = query_string


@pass_context
def url_for(context: Any, name: str, /, **path_params: Any) -> URL:
    """Starlette's `url_for` of the templates, the route's path found once per
    application (a search through every route otherwise, on every page)."""
    request: Request = context["request"]
    app = request.app
    paths = _paths.get(app)
    if paths is None:
        paths = _paths.setdefault(app, {})
    key = (name, tuple(sorted(path_params.items())))
    path = paths.get(key)
    if path is None:
        path = paths.setdefault(key, app.url_path_for(name, **path_params))
    return path.make_absolute_url(base_url=request.base_url)


_paths: weakref.WeakKeyDictionary[Any, dict[tuple, URLPath]] = weakref.WeakKeyDictionary()
env.globals["url_for"] = url_for
templates = Jinja2Templates(env=env)
router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def _page(value: str | None) -> int:
    return int(value) if value and value.isdigit() and 0 < int(value) <= MAX_PAGE else 1


def _session(request: Request) -> Session:
    return request_session(request)


def _found(value: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if value is None:
        raise HTTPException(404, f"No such {what}.")
    return value


@router.get("/", response_class=HTMLResponse)
def meetings_page(request: Request, org: str | None = None, body: str | None = None, person: str | None = None,
                  country: str | None = None, since: str | None = None, until: str | None = None,
                  page: str | None = None) -> HTMLResponse:
    f, problems = Filters.of(org=org, body=body, person=person, country=country, since=since, until=until).cleaned()
    with _session(request) as s:
        orgs = [o["name"] for o in catalog.list_orgs(s)]
        result = list_meetings(s, f, _page(page), PER_PAGE)
        figure = timeline_figure(s, f)
    return render(request, "meetings.html", f=f, result=result, timeline_figure=figure, orgs=orgs, problems=problems)


def timeline_figure(session: Session, f: Filters) -> Markup:
    """The timeline of the meetings `f` selects, as HTML: a bar and a link a
    month, the same for every reader until the knowledge base changes."""
    return remembered(session, ("timeline.html", f.key()), lambda: Markup(
        env.get_template("_timeline.html").render(f=f, bars=charts.timeline(timeline(session, f)))))


@router.get("/meetings/{meeting_id}", response_class=HTMLResponse)
def meeting_page(request: Request, meeting_id: int) -> HTMLResponse:
    with _session(request) as s:
        m = _found(meeting_detail(s, meeting_id), "meeting")
    for source in m["sources"]:
        spans = meeting_spans(source["values"]) + record_spans(source["record"] or {}, meetings=False)
        source["marked"] = highlight(source["text"], spans)
    return render(request, "meeting.html", m=m)


@router.get("/people", response_class=HTMLResponse)
def people_page(request: Request, q: str | None = None, page: str | None = None) -> HTMLResponse:
    q = (q or "").strip()[:MAX_QUERY_CHARS] or None
    with _session(request) as s:
        result = list_people(s, q, _page(page), PER_PAGE)
    return render(request, "people.html", q=q, result=result)


@router.get("/people/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, person_id: int) -> HTMLResponse:
    with _session(request) as s:
        p = _found(person_detail(s, person_id), "person")
    return render(request, "person.html", p=p, roles=charts.roles_chart(p["roles"]),
                  graph=charts.met_graph(p, p["met"], p["met_pairs"]))


@router.get("/organisations", response_class=HTMLResponse)
def organisations_page(request: Request) -> HTMLResponse:
    with _session(request) as s:
        orgs = catalog.list_orgs(s)
    return render(request, "organisations.html", orgs=orgs)


@router.get("/organisations/{name:path}", response_class=HTMLResponse)
def organisation_page(request: Request, name: str, page: str | None = None) -> HTMLResponse:
    with _session(request) as s:
        o = _found(catalog.org_detail(s, name, _page(page), PER_PAGE), "organisation")
    return render(request, "organisation.html", o=o, f=Filters(org=o["name"]))


@router.get("/reports", response_class=HTMLResponse)
def reports_page(request: Request, page: str | None = None) -> HTMLResponse:
    with _session(request) as s:
        result = catalog.list_reports(s, _page(page), PER_PAGE)
    return render(request, "reports.html", result=result)


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(request: Request, report_id: int) -> HTMLResponse:
    with _session(request) as s:
        r = _found(catalog.report_detail(s, report_id), "report")
    marked = highlight(r["text"], record_spans(r["record"] or {}))
    return render(request, "report.html", r=r, marked=marked)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str | None = None) -> HTMLResponse:
    q = (q or "").strip()[:MAX_QUERY_CHARS]
    with _session(request) as s:
        found = catalog.search(s, q)
    return render(request, "search.html", q=q, found=found)


@router.get("/extract", response_class=HTMLResponse)
def extract_form(request: Request) -> HTMLResponse:
    return render(request, "extract.html", form={}, record=None, marked=None, error=None)


@router.post("/extract", response_class=HTMLResponse)
async def extract_page(request: Request) -> HTMLResponse:
    """The pasted report's record: its text highlighted, and the JSON."""
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        raise HTTPException(415, "Send the form as application/x-www-form-urlencoded.")
    fields = parse_qs((await request.body()).decode("utf-8", "replace"), keep_blank_values=True)
    form = {k: (fields.get(k) or [""])[0] for k in ("text", "published", "source")}
    try:
        report = await run_in_threadpool(read_pasted, form["text"].replace("\r\n", "\n"), None)
    except HTTPException as exc:
        return render(request, "extract.html", status_code=exc.status_code, form=form, record=None, marked=None,
                      error=exc.detail)
    published = form["published"].strip() or None
    if published and not _iso_day(published):
        return render(request, "extract.html", status_code=422, form=form, record=None, marked=None,
                      error="published: expected YYYY-MM-DD")
    record = await run_in_threadpool(extract_report, report, published=published,
                                     source=form["source"].strip() or None)
    data = record.model_dump(mode="json")
    return render(request, "extract.html", form=form, record=data, marked=highlight(report.text, record_spans(data)),
                  error=None)


def _iso_day(value: str) -> bool:
    parts = value.split("-")
    return len(parts) == 3 and [len(p) for p in parts] == [4, 2, 2] and all(p.isdigit() for p in parts)
