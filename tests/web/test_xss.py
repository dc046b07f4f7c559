"""The OWASP filter-evasion payloads in report text, in people's names, in
stored values and in every query parameter: no page carries one as markup
(raw HTML parsed), the API answers JSON, and in Chromium none runs."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import quote

import httpx
import pytest

from communique.web.limits import MAX_QUERY_CHARS

from .hostile import SHORT_ORG, XSS

PAGE_FILTERS = {"/": ["org", "body", "person", "country", "since", "until", "page"], "/people": ["q", "page"],
                "/search": ["q"], "/reports": ["page"], "/organisations/CSTO": ["page"]}
API_FILTERS = {"/api/meetings": ["org", "body", "person"], "/api/people": ["q"], "/api/search": ["q"]}
# Tags no page of communique writes; a payload's tag among the parsed ones got through as markup.
FOREIGN_TAGS = {"script", "img", "iframe", "object", "embed", "style", "base", "body", "frameset"}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "background", "xlink:href", "content"}
SCRIPT_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)


class _Markup(HTMLParser):
    """What a browser would build from the page: tags and attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in FOREIGN_TAGS and not (tag == "body" and not attrs):
            self.found.append(f"<{tag}>")
        if tag == "meta" and any(k == "http-equiv" for k, _ in attrs):
            self.found.append("<meta http-equiv>")
        if tag == "input" and (dict(attrs).get("type") or "").lower() == "image":
            self.found.append("<input type=image>")
        for name, value in attrs:
            plain = re.sub(r"[\x00-\x20]", "", value or "")
            if name.startswith("on") or name in ("autofocus", "formaction"):
                self.found.append(f"<{tag} {name}>")
            elif name in URL_ATTRS and SCRIPT_SCHEME.match(plain):
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name == "style" and re.search(r"url\(|expression|javascript", plain, re.IGNORECASE):
                self.found.append(f"<{tag} style={value!r}>")


def assert_inert(html: str, where: str) -> None:
    parser = _Markup()
    parser.feed(html)
    assert parser.found == [], where
    for payload in XSS:
        if "<" in payload or '"' in payload:
            assert payload not in html, (where, payload)


def page_urls(client) -> list[str]:
    """Every page kind, over every stored meeting, report and payload person."""
    meetings = client.get("/api/meetings", params={"per_page": 200}).json()["items"]
    reports = client.get("/api/reports", params={"per_page": 200}).json()["items"]
    people = client.get("/api/people", params={"per_page": 200}).json()["items"]
    return (["/", "/?page=2", "/people", "/organisations", "/organisations/" + quote(SHORT_ORG), "/reports",
             "/reports?page=2", "/extract", "/search?q=script", "/search?q=alert"]
            + [f"/meetings/{m['id']}" for m in meetings] + [f"/reports/{r['id']}" for r in reports]
            + [f"/people/{p['id']}" for p in people])


def test_stored_payloads_stay_text_on_every_page(hostile_client):
    urls = page_urls(hostile_client)
    assert len(urls) > 100
    for url in urls:
        got = hostile_client.get(url)
        assert got.status_code == 200, url
        assert_inert(got.text, url)
    body = hostile_client.get("/reports?page=2").text + hostile_client.get("/").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body  # the payloads are there, as text


@pytest.mark.parametrize("payload", XSS, ids=range(len(XSS)))
def test_payloads_in_every_query_parameter(hostile_client, payload):
    for path, names in PAGE_FILTERS.items():
        for name in names:
            got = hostile_client.get(path, params={name: payload})
            assert got.status_code == 200, (path, name)
            assert_inert(got.text, f"{path}?{name}")
    for path in ("/meetings/" + quote(payload, safe=""), "/nowhere/" + quote(payload, safe="")):
        got = hostile_client.get(path)  # error pages repeat nothing of the path as markup
        assert got.status_code in (404, 422)
        assert_inert(got.text, path)
    for path, names in API_FILTERS.items():
        for name in names:
            got = hostile_client.get(path, params={name: payload})
            expected = 422 if len(payload) > MAX_QUERY_CHARS else 200
            assert got.status_code == expected and got.headers["content-type"] == "application/json", (path, name)
    got = hostile_client.get("/api/organisations/" + quote(payload, safe=""))
    assert got.status_code in (200, 404) and got.headers["content-type"] == "application/json"


def test_extract_page_with_payloads_in_every_field(hostile_client):
    from .hostile import payload_report

    for payload in XSS:
        got = hostile_client.post("/extract", data={"text": payload_report() + payload, "published": payload,
                                                    "source": payload})
        assert got.status_code == 422 and "published" in got.text  # the form comes back, escaped
        assert_inert(got.text, "/extract")
    got = hostile_client.post("/extract", data={"text": payload_report(), "source": XSS[0]})
    assert got.status_code == 200 and "mark" in got.text
    assert_inert(got.text, "/extract")


def test_no_payload_runs_in_chromium(page, hostile_db, hostile_url):
    if hostile_db.engine.dialect.name != "sqlite":
        pytest.skip("the browser sees the same pages over either database")
    with httpx.Client(base_url=hostile_url) as client:
        urls = [u for u in page_urls(client) if not u.startswith("/meetings/")][:40]
        meetings = client.get("/api/meetings", params={"per_page": 200}).json()["items"]
    urls += [f"/meetings/{m['id']}" for m in meetings[:20]]
    for i, payload in enumerate(XSS):  # each payload in one page's parameters, every page in turn
        path, names = list(PAGE_FILTERS.items())[i % len(PAGE_FILTERS)]
        urls.append(path + "?" + "&".join(f"{n}={quote(payload, safe='')}" for n in names))
    for url in urls:
        page.goto(hostile_url + url)
        page.mouse.move(300, 300)  # the onmouseover payloads, had they been markup
        page.mouse.move(600, 500)
        assert page.evaluate("window.__xss") is None, url
    page.goto(hostile_url + "/extract")
    page.locator("textarea[name=text]").fill("\n".join(XSS))
    page.get_by_role("button", name="Extract").click()
    page.wait_for_load_state()
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
