"""The pages in headless Chromium (Debian's, driven by Playwright): from the
list to a meeting to a person, highlighted evidence, search, the extract page,
and a report holding script and event handlers rendered as text."""
from __future__ import annotations

import re

from .conftest import HOSTILE


def shot(page, name: str) -> None:
    path = page.shots / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 1000


def test_list_to_meeting_to_person(page, server):
    page.goto(server + "/")
    rows = page.locator("table.meetings tbody tr")
    assert rows.count() >= 5
    assert page.locator("figure.timeline rect.bar").count() >= 2
    shot(page, "meetings")

    page.get_by_role("link", name=re.compile(r"CSTO Council of Foreign Ministers")).first.click()
    page.wait_for_url(re.compile(r"/meetings/\d+$"))
    assert page.locator("section.source").count() == 3  # three agencies, one meeting
    org = page.locator("mark.org", has_text=re.compile(r"^CSTO$"))
    assert org.count() >= 2 and "organisation: CSTO" in org.first.get_attribute("title")
    body = page.locator("mark.body", has_text="Council of Foreign Ministers")
    assert body.count() >= 2
    lavrov = page.locator("mark.participant", has_text=re.compile(r"^Serge[iy] Lavrov$"))
    assert lavrov.count() >= 2 and "foreign minister of RUS" in lavrov.first.get_attribute("title")
    chair = page.locator("mark.chair", has_text=re.compile(r"^Sirojiddin Mu(k)?hriddin$"))
    assert chair.count() >= 2
    assert page.locator("mark.place", has_text="Dushanbe").count() >= 2
    assert page.locator("mark.date").count() >= 3
    lavrov.first.hover()
    shot(page, "meeting")

    page.locator("ul.participants a.person-link", has_text="Mirzoyan").click()
    page.wait_for_url(re.compile(r"/people/\d+$"))
    assert page.locator("h1").inner_text() == "Ararat Mirzoyan"
    assert "foreign minister" in page.locator("table.roles").inner_text()
    assert page.locator("svg[aria-label='people met'] g.node").count() >= 5
    shot(page, "person")
    page.locator("svg[aria-label='people met'] a", has_text="Aleinik").first.click()
    page.wait_for_url(re.compile(r"/people/\d+$"))
    assert "Aleinik" in page.locator("h1").inner_text()
    assert page.dialogs == []


def test_search_box(page, server):
    page.goto(server + "/")
    page.get_by_label("Search").fill("mukhriddin")
    page.get_by_label("Search").press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=mukhriddin"))
    page.locator("ul.people-hits a").first.click()
    assert "Sirojiddin" in page.locator("h1").inner_text()
    page.goto(server + "/search?q=collective")
    page.locator("ul.org-hits a", has_text="CSTO").click()
    assert "Collective Security Treaty Organization" in page.locator("h1").inner_text()
    shot(page, "organisation")


def test_hostile_report_shows_as_text(page, server):
    page.goto(server + "/reports")
    page.get_by_role("link", name="hostile").click()
    page.wait_for_url(re.compile(r"/reports/\d+$"))
    text = page.locator("div.report-text").inner_text()
    assert '<script>window.__xss = 1; alert("script")</script>' in text
    assert "<img src=x onerror=" in text and "<svg onload=alert(1)>" in text
    assert page.locator("div.report-text img, div.report-text script, div.report-text svg, div.report-text b").count() == 0
    assert page.evaluate("window.__xss") is None
    topic = page.locator("mark.topic").first
    topic.hover()
    page.get_by_role("link", name=re.compile("talks")).first.click()
    page.wait_for_url(re.compile(r"/meetings/\d+$"))
    assert page.locator("mark.participant[title*='participant: Bakhtiyor Saidov']").count() >= 1
    assert "<script>" in page.locator("section.source div.report-text").inner_text()
    page.mouse.move(5, 5)
    shot(page, "hostile")
    assert page.dialogs == [] and page.evaluate("window.__xss") is None


def test_extract_page_highlights_and_shows_json(page, server):
    page.goto(server + "/extract")
    page.locator("textarea[name=text]").fill(HOSTILE)
    page.get_by_role("button", name="Extract").click()
    page.wait_for_selector("#record-json")
    # the host, at home in Dushanbe, is shown as the chair; his guest as a participant
    assert page.locator("mark.chair[title*='Sirojiddin Muhriddin']").count() >= 1
    assert page.locator("mark.participant[title*='Bakhtiyor Saidov']").count() >= 1
    assert page.locator("mark.person", has_text="Sirojiddin Muhriddin").count() >= 1
    assert '"kind": "talks"' in page.locator("#record-json").inner_text()
    assert "<script>" in page.locator("div.report-text").inner_text()
    shot(page, "extract")
    assert page.dialogs == [] and page.evaluate("window.__xss") is None
