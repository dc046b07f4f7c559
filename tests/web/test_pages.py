"""The pages as HTML over HTTP: what each shows, and that report text and
values holding markup are escaped wherever they appear."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from communique.web import pages

from .conftest import HOSTILE

PAYLOADS = ["<script>", "<img src=x", "<b onmouseover", "<svg onload"]


def _id(client, path: str, **params) -> int:
    return client.get(path, params=params).json()["items"][0]["id"]


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[set[str], str, list[str]]] = []
        self.done: list[tuple[set[str], str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            a = dict(attrs)
            self.open.append((set((a.get("class") or "").split()), a.get("title") or "", []))

    def handle_endtag(self, tag):
        if tag == "mark" and self.open:
            kinds, title, text = self.open.pop()
            self.done.append((kinds, title, "".join(text)))
            if self.open:
                self.open[-1][2].append("".join(text))

    def handle_data(self, data):
        if self.open:
            self.open[-1][2].append(data)


def marks(html: str) -> list[tuple[set[str], str, str]]:
    """Every <mark> of the page: its classes, its title and all the text inside it."""
    parser = _Marks()
    parser.feed(html)
    return parser.done


def assert_inert(html: str) -> None:
    """No payload of the hostile report survives as markup; its text is there, escaped."""
    for payload in PAYLOADS:
        assert payload not in html, payload
    assert re.findall(r"<script\b", html) == []
    assert "&lt;script&gt;window.__xss = 1;" in html


def test_meetings_page(client):
    html = client.get("/").text
    total = client.get("/api/meetings").json()["total"]
    assert f"{total} meeting(s)." in html and html.count('class="meeting-link"') == total
    assert "<svg" in html and 'class="bar"' in html  # the timeline
    filtered = client.get("/", params={"org": "CSTO", "country": "", "since": "not a date"}).text
    assert filtered.count('class="meeting-link"') == 1 and "Ignored since" in filtered


def test_meetings_page_paginates(client, monkeypatch):
    monkeypatch.setattr(pages, "PER_PAGE", 2)  # the server runs in this process
    first = client.get("/", params={"body": ""}).text
    assert first.count('class="meeting-link"') == 2 and 'rel="next" href="/?page=2"' in first
    second = client.get("/", params={"page": "2", "org": "", "until": "2099"}).text
    assert 'rel="prev" href="/?until=2099&amp;page=1"' in second


def test_hostile_meeting_page_is_inert(client):
    meeting = _id(client, "/api/meetings", since="2024-06-20", until="2024-06-20")
    html = client.get(f"/meetings/{meeting}").text
    assert_inert(html)
    assert 'title="topic: &lt;b onmouseover=&#34;alert(&#39;topic&#39;)&#34;&gt;water&lt;/b&gt; cooperation"' in html
    values = client.get(f"/api/meetings/{meeting}").json()["sources"][0]["values"]
    found = marks(html)
    for p in values["participants"]:
        for e in p["evidence"]:  # each participant marked at its evidence, named in the mark's title
            assert any(({"participant", "chair"} & kinds) and p["name"] in title and text == e["text"]
                       for kinds, title, text in found), (p["name"], e)


def test_hostile_report_page_and_person_are_inert(client):
    reports = client.get("/api/reports").json()["items"]
    hostile = next(r["id"] for r in reports if r["name"] == "hostile")
    assert_inert(client.get(f"/reports/{hostile}").text)
    person = client.get("/api/people", params={"q": "Saidov"}).json()["items"][0]["id"]
    assert "<script" not in client.get(f"/people/{person}").text


def test_extract_page(client):
    assert 'name="text"' in client.get("/extract").text
    got = client.post("/extract", data={"text": HOSTILE, "published": "", "source": ""})
    assert got.status_code == 200
    assert_inert(got.text)
    assert '"kind": "talks"' in got.text.replace("&#34;", '"')
    assert '<mark class="' in got.text


@pytest.mark.parametrize("form, status, says", [({"text": ""}, 422, "empty report"),
                                                ({"text": "x" * 1_000_001}, 413, "limit"),
                                                ({"text": "Talks.", "published": "May"}, 422, "published")])
def test_extract_page_bad_input(client, form, status, says):
    got = client.post("/extract", data=form)
    assert got.status_code == status and says in got.text and "<textarea" in got.text


def test_person_page(client):
    person = _id(client, "/api/people", q="Muhriddin")
    html = client.get(f"/people/{person}").text
    assert "foreign minister" in html and "TJK" in html
    assert 'class="roles-chart"' in html and 'aria-label="people met"' in html
    assert re.search(r'<a href="/people/\d+"><g class="node">', html)


def test_organisation_pages(client):
    assert '/organisations/CSTO' in client.get("/organisations").text
    html = client.get("/organisations/CSTO").text
    assert "Collective Security Treaty Organization" in html and "Council of Foreign Ministers" in html
    assert "Sessions (1)" in html


def test_search_page(client):
    html = client.get("/search", params={"q": "lavrov"}).text
    assert re.search(r'<a href="/people/\d+">Serge[iy] Lavrov</a>', html)
    html = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_missing_page_is_html_404(client):
    for path in ("/meetings/999999", "/people/999999", "/organisations/NATO", "/reports/999999", "/nowhere"):
        got = client.get(path)
        assert got.status_code == 404 and got.headers["content-type"].startswith("text/html"), path
    assert client.get("/meetings/abc").status_code == 422


@pytest.mark.parametrize("expression", [
    "d.name", "d.missing", "d.items is callable", "d['items']", "d.get('name')", "d.keys is callable",
    "o.name", "o.missing", "d.nested.name", "n.real", "s.upper()", "l.0", "(d.name or '') ~ '!'",
    "d.values() | list | length"])
def test_page_environment_reads_values_as_jinja2(expression):
    """PageEnvironment reads a dict's key before trying it as an attribute: every
    expression renders as under Jinja2's own environment, a dict's own
    methods (`items`, `keys`, `get`) included."""
    from jinja2 import Environment

    class Thing:
        name = "thing"

    context = {"d": {"name": "<b>Ann</b>", "items": 3, "nested": {"name": "n"}}, "o": Thing(), "n": 4, "s": "ab",
               "l": [1, 2]}
    source = "{{ " + expression + " }}"
    plain = Environment(autoescape=True).from_string(source).render(**context)
    assert pages.env.from_string(source).render(**context) == plain
