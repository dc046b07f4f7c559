"""A page read as a reader would copy it: the headline, date lines and bylines
from <header>, <time> and byline elements, then the article; never menus,
related links, comments or footers."""
from __future__ import annotations

import pytest

from communique.inputs import BadInput
from communique.reader import extract_report, read_text
from communique.record import Record
from communique.webpage import MAX_HTML_BYTES, looks_like_html, read_page

from .conftest import BODY, BYLINE, DATE_LINE, HEADLINE, NOT_THE_ARTICLE, PAGE, REPORT, news_page


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_the_saved_page_reads_as_its_report():
    page = read_page(PAGE, "page.html")
    assert page.text == REPORT
    assert (page.title, page.published, page.source) == (HEADLINE, "2024-03-05", "Steppe Herald")
    assert not any(words in page.text for words in NOT_THE_ARTICLE)


def test_furniture_in_the_order_the_page_shows_it():
    markup = f"""<html><head><title>{HEADLINE}</title></head><body>
    <div class="site-header"><div class="date">Thursday, 7 March 2024</div><h2>Steppe Herald</h2></div>
    <div class="post"><div class="post-head">
      <span class="article__byline">{BYLINE}</span>
      <h1 class="entry-title">{HEADLINE}</h1>
      <div class="entry-meta">Published: <span class="posted-on">{DATE_LINE}</span></div>
      <div class="entry-meta"><span class="updated">Updated: 6 March 2024, 09:00</span></div>
    </div>
    <div class="entry-content">{''.join(f'<p>{line}</p>' for line in BODY)}</div></div>
    </body></html>"""
    got = lines(read_page(markup, "p").text)
    # the site's own date bar above the article is not the report's date line
    assert got == [BYLINE, HEADLINE, f"Published: {DATE_LINE}", "Updated: 6 March 2024, 09:00", *BODY]
    assert "Thursday, 7 March 2024" not in got


def test_a_byline_that_holds_the_date_is_one_line():
    markup = news_page().replace(f'<p class="meta"><time datetime="2024-03-05T10:20:00+05:00">{DATE_LINE}</time></p>',
                                 "").replace('<p class="byline">By <a rel="author" href="/authors/ds">Dana Serikova</a></p>',
                                             f'<div class="byline">By Dana Serikova, <time>{DATE_LINE}</time></div>')
    assert lines(read_page(markup, "p").text)[:3] == [HEADLINE, f"By Dana Serikova, {DATE_LINE}", BODY[0]]


def test_long_blocks_are_not_furniture():
    biography = "Dana Serikova has covered Central Asia for twenty years " * 5
    markup = news_page().replace('<p class="byline">', f'<div class="author-bio">{biography}</div><p class="byline">')
    got = read_page(markup, "p").text
    assert lines(got)[:3] == [HEADLINE, DATE_LINE, BYLINE]


def test_a_body_called_has_sidebar_is_still_read():
    markup = news_page().replace("<main>", '<main class="layout has-sidebar">')
    assert read_page(markup, "p").text == REPORT


def test_a_logo_in_h1_inside_the_menu_is_not_the_headline():
    markup = news_page().replace("<nav>", '<nav><h1 class="logo">Steppe Herald</h1>')
    assert read_page(markup, "p").text == REPORT


def test_a_page_without_h1_takes_its_title_for_the_headline():
    markup = news_page().replace(f"<h1>{HEADLINE}</h1>", f'<div class="kicker">{HEADLINE}</div>')
    assert lines(read_page(markup, "p").text)[0] == HEADLINE


def test_a_headline_trafilatura_keeps_is_not_read_twice():
    markup = (f"<html><body><article><h1>{HEADLINE}</h1>"
              + "".join(f"<p>{line}</p>" for line in BODY) + "</article></body></html>")
    assert lines(read_page(markup, "p").text) == [HEADLINE, *BODY]


def test_the_record_of_a_page_has_one_meeting_and_its_dateline():
    record = extract_report(read_text(PAGE, "page", "page"))
    assert (record.source, record.published, record.dateline_place) == ("Steppe Wire", "2024-03-05", "Astana")
    assert [m.kind for m in record.meetings] == ["talks"]


def test_the_page_date_completes_a_year_less_dateline():
    markup = news_page(date_line="10:20")
    assert "2024" not in read_page(markup, "page").text
    record = extract_report(read_text(markup, "page", "page"))
    assert record.published == "2024-03-05"  # from <meta name="date">: the dateline says "March 5" only
    assert record.meetings[0].date == "2024-03-04"  # "on Monday"


@pytest.mark.parametrize("start, is_html", [
    ("<!DOCTYPE html><html>", True), ("\ufeff  <html lang='en'>", True), ("<!-- saved --><HTML>", True),
    ("<p>ASTANA, March 5", True), ("<div class='x'>", True), ('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC', True),
    ("ASTANA, March 5 (Steppe Wire) - <b>talks</b>", False), ("<<< not markup", False), ("", False),
])
def test_markup_is_known_by_its_first_tag(start, is_html):
    assert looks_like_html(start) is is_html
    assert looks_like_html(start.encode("utf-8")) is is_html


@pytest.mark.parametrize("markup, says", [
    ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    ("<html>\x00\x00</html>", "binary data"),
    ("   ", "empty report"),
    ("<p>" + "x" * MAX_HTML_BYTES, "over the 5,000,000-byte limit for one page"),
])
def test_pages_without_an_article_are_one_clear_error(markup, says):
    with pytest.raises(BadInput, match=says) as caught:
        read_page(markup, "page.html")
    assert str(caught.value).startswith("page.html: ") and "\n" not in str(caught.value)


def test_the_encoding_the_page_declares_is_read():
    markup = news_page(headline="Kazakh and Uzbek ministers hold talks in Astana – Jürgen’s view")
    data = markup.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').encode("windows-1252")
    assert lines(read_page(data, "p").text)[0] == "Kazakh and Uzbek ministers hold talks in Astana – Jürgen’s view"


def test_records_without_the_new_fields_still_read():
    old = extract_report(read_text(REPORT, "r", "r")).model_dump(mode="json")
    del old["url"], old["text"]
    assert Record.model_validate(old).text is None
