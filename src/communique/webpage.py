"""A news page as a reader would copy it: the headline, the date line and the
byline (they carry the dateline's facts), then the article's paragraphs
(trafilatura), with the page's date, publisher, URL and title beside the text.
Menus, related links and comments are never read.

The cue words of page furniture are in `data/pages.toml`."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Iterator

from .gazetteer import load_toml
from .inputs import BadInput, check_text, iso_date, one_line, screen

MAX_HTML_BYTES = 5_000_000  # a page's markup is often several times its text
MIN_ARTICLE_WORDS = 5  # fewer words than a dateline holds is debris of broken markup, not an article
FURNITURE_CHARS = 160  # a date line or a byline is one short line; a longer element is a block holding more
BODY_WORDS = 12  # the first paragraph this long is the article's body: its furniture is above it
FURNITURE_LINES = 4  # date lines and bylines read at most: published, updated, by whom, where
ZONE_LEVELS = 4  # how far above the headline its date line and byline are looked for, without an <article>
HEAD_LINES = 6  # body lines that may repeat the furniture (trafilatura keeps some headlines)
MAX_SITE_NAME = 60  # a publisher's name is a few words; a longer "site name" is a headline

# elements a browser sets as lines of their own: a line holding one of them beside others is more than one line
LINE_TAGS = frozenset({"p", "div", "section", "header", "footer", "article", "aside", "nav", "main", "ul", "ol",
                       "li", "dl", "dt", "dd", "table", "tr", "figure", "br", "hr", "h1", "h2", "h3", "h4", "h5",
                       "h6", "blockquote", "pre", "address"})
_WORD = re.compile(r"[^\W\d_]{2,}")
_CLASS_WORDS = re.compile(r"[\s_-]+")
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|"
                         rb"article|div|p|h1)\b", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class Page:
    """The text of a page and what the page says about it."""

    text: str
    title: str | None = None
    published: str | None = None  # ISO date from the page's metadata
    source: str | None = None  # the site's name
    url: str | None = None  # the page's own canonical address, when it states one


@dataclass(frozen=True, slots=True)
class _Cues:
    date: frozenset[str]
    byline: frozenset[str]
    skip_tags: frozenset[str]
    skip: frozenset[str]


@cache
def _cues() -> _Cues:
    merged: dict[str, set[str]] = {"date_cues": set(), "byline_cues": set(), "skip_tags": set(), "skip_cues": set()}
    for data in load_toml("pages.toml"):
        for key, words in merged.items():
            words.update(w.lower() for w in data.get(key, []))
    return _Cues(frozenset(merged["date_cues"]), frozenset(merged["byline_cues"]), frozenset(merged["skip_tags"]),
                 frozenset(merged["skip_cues"]))


def looks_like_html(data: bytes | str) -> bool:
    """Markup by its first tag: a news report never starts with "<html" or "<p>"."""
    head = data[:4096].encode("utf-8", "replace") if isinstance(data, str) else data[:4096]
    return _HTML_START.match(head) is not None


def read_page(data: bytes | str, origin: str, url: str | None = None) -> Page:
    """The page's text and metadata; BadInput when it holds no article."""
    import trafilatura
    from trafilatura.utils import load_html

    screen(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data, origin, MAX_HTML_BYTES,
           "page", "an HTML page")
    try:
        tree = load_html(data)
        if tree is None:
            raise BadInput(f"{origin}: no article text found in the HTML")
        cues = _cues()
        headline = _headline(tree, cues)
        side = _side_parts(tree, headline, cues)
        furniture = _furniture(tree, headline, side, cues)
        for part in side:  # what is never the article's is taken away before trafilatura reads the page
            part.drop_tree()
        found = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                            date_extraction_params=_date_params())
    except BadInput:
        raise
    except Exception as exc:  # noqa: BLE001  lxml and trafilatura raise many kinds on broken markup
        raise BadInput(f"{origin}: HTML that cannot be parsed ({one_line(exc)})") from None
    body = (found.text or "") if found is not None else ""
    if len(_WORD.findall(body)) < MIN_ARTICLE_WORDS:
        raise BadInput(f"{origin}: no article text found in the HTML")
    title = _clean(found.title)
    if headline is None and title:
        furniture.insert(0, title)  # a page without an <h1>: its title stands for the headline
    text = "\n\n".join([*furniture, *_body_lines(body, furniture)])
    heading = _clean(headline.text_content()) if headline is not None else title
    return Page(check_text(text, origin), title=title, published=iso_date(found.date),
                source=_site_name(found.sitename, heading), url=_clean(found.url) or url)


def _date_params() -> dict:
    """htmldate reads the date the page's markup and address state; its
    search of the text would take "in 2018" for 1 January 2018, and a wrong
    date misplaces every relative date of the report."""
    return {"original_date": True, "extensive_search": False, "max_date": dt.date.today().isoformat()}


def _site_name(name: str | None, heading: str | None) -> str | None:
    """The site's name; not a piece of the headline, which trafilatura takes
    for it when the <title> has no other part with a dot."""
    name = _clean(name)
    if not name or len(name) > MAX_SITE_NAME or (heading and _key(name) in _key(heading)):
        return None
    return name


def _body_lines(body: str, furniture: list[str]) -> Iterator[str]:
    """The article's lines, less the furniture trafilatura kept at their top."""
    known = {_key(line) for line in furniture}
    for i, line in enumerate(body.splitlines()):
        if line.strip() and not (i < HEAD_LINES and _key(line) in known):
            yield line.strip()


def _headline(tree, cues: _Cues):
    """The page's <h1>: the one that is its title, else the first in the
    article, else the first outside menus, sidebars and footers."""
    heads = [h for h in tree.iter("h1") if _clean(h.text_content())
             and not any(a.tag in cues.skip_tags for a in h.iterancestors())]
    if not heads:
        return None
    title = _page_title(tree)
    if title:
        key = _key(title)
        for h in heads:
            text = _key(h.text_content())
            if text == key or (len(text) > 15 and (text in key or key in text)):
                return h
    inside = [h for h in heads if any(a.tag in ("article", "main") for a in h.iterancestors())]
    return (inside or heads)[0]


def _page_title(tree) -> str | None:
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title"):
            return _clean(meta.get("content"))
    return next((_clean(t.text_content()) for t in tree.iter("title")), None)


def _side_parts(tree, headline, cues: _Cues) -> list:
    """The outermost menus, sidebars, related links, comments and footers: by
    their tags and cues, less what holds the headline or an <article> (a page
    may call its whole body "has-sidebar")."""
    holders = {a for node in [headline, *tree.iter("article")] if node is not None
               for a in (node, *node.iterancestors())}
    parts: dict = {}  # an ordered set
    for el in tree.iter():
        if not isinstance(el.tag, str) or el in holders:
            continue
        if (el.tag in cues.skip_tags or _class_words(el) & cues.skip) and \
                not any(a in parts for a in el.iterancestors()):
            parts[el] = None
    return list(parts)


def _furniture(tree, headline, side: list, cues: _Cues) -> list[str]:
    """The headline, date line and byline, in the order the page shows them."""
    order = {el: i for i, el in enumerate(tree.iter())}
    lines: dict[int, str] = {}
    if headline is not None:
        lines[order[headline]] = _clean(headline.text_content()) or ""
    start = order[headline] if headline is not None else None
    hidden = set(side)
    for zone in _zones(headline, tree):
        body_start = _body_start(zone, order, start)
        found = _date_and_byline(zone, order, body_start, hidden, headline, cues)
        if found:
            lines.update(found)
            break
    return [line for _, line in sorted(lines.items()) if line]


def _zones(headline, tree) -> list:
    """Where the date line and byline are sought: the headline's <article>, or
    its nearest few ancestors; without a headline, the page's first <article>."""
    if headline is None:
        return list(tree.iter("article"))[:1]
    ancestors = [a for a in headline.iterancestors() if a.tag not in ("body", "html")]
    article = next((a for a in ancestors if a.tag == "article"), None)
    return [article] if article is not None else ancestors[:ZONE_LEVELS]


def _body_start(zone, order: dict, after: int | None) -> int:
    """Where the article's body starts in the zone: its first long paragraph after the headline."""
    for p in zone.iter("p"):
        if (after is None or order[p] > after) and len((p.text_content() or "").split()) >= BODY_WORDS:
            return order[p]
    return len(order)


def _date_and_byline(zone, order: dict, body_start: int, hidden: set, headline, cues: _Cues) -> dict[int, str]:
    """The date lines and bylines above the body ("Published ...", "Updated
    ...", "By ..."), each the whole line that holds the element its cues mark
    ("Published: <span class=posted-on>5 March</span>"): a reader copies the line."""
    chosen: dict[int, str] = {}
    taken: list = []
    above = set() if headline is None else {headline, *headline.iterancestors()}
    for el in zone.iter():
        if not isinstance(el.tag, str) or order.get(el, body_start) >= body_start:
            continue
        kind = _furniture_kind(el, cues)
        if kind is None or any(a in taken or a in hidden for a in (el, *el.iterancestors())):
            continue
        text = _clean(el.text_content())
        if not text or len(text) > FURNITURE_CHARS:
            continue
        if (kind == "date" and not any(c.isdigit() for c in text)) or (kind == "byline" and not _WORD.search(text)):
            continue
        line = _whole_line(el, zone, above, taken)
        chosen[order[line]] = _clean(line.text_content()) or text
        taken.append(line)
        if len(chosen) == FURNITURE_LINES:
            break
    return chosen


def _whole_line(el, zone, above: set, taken: list):
    """The element, or the short line around it: up while the parent holds
    nothing else set as a line of its own, nor the headline, nor a line read already."""
    while True:
        parent = el.getparent()
        if parent is None or parent is zone or parent in above \
                or len(_clean(parent.text_content()) or "") > FURNITURE_CHARS \
                or any(child is not el and child.tag in LINE_TAGS for child in parent) \
                or any(parent in t.iterancestors() for t in taken):
            return el
        el = parent


def _furniture_kind(el, cues: _Cues) -> str | None:
    itemprop = (el.get("itemprop") or "").lower()
    if el.tag == "time" or itemprop in ("datepublished", "datecreated"):
        return "date"
    if itemprop == "author" or "author" in (el.get("rel") or "").lower().split():
        return "byline"
    words = _class_words(el)
    if words & cues.date:
        return "date"
    if words & cues.byline:
        return "byline"
    return None


def _class_words(el) -> set[str]:
    return set(_CLASS_WORDS.split(f"{el.get('class') or ''} {el.get('id') or ''}".lower())) - {""}


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _key(line: str) -> str:
    return " ".join(line.split()).casefold()
