"""Stage 1, page furniture: the lines a news page carries around an
article's body (headline, standfirst, time-stamp, byline, agency line, photo
caption, closing source line or sign-off), found in any order among the
report's first and last lines and told from the body by their shape. The
shapes live in `data/furniture.toml`.

What they give: the publisher the page names as its own origin, the date it
gives for itself and a place a time-stamp names; and the spans that are not
body, so that no meeting is read from a headline or a caption."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from . import dates
from .gazetteer import Gazetteer, load_toml
from .text import Span

# Shapes that close a page's header: what stands above them is headline or standfirst
# (a caption may stand anywhere, so it closes nothing)
MARKERS = frozenset({"stamp", "byline", "agency", "source", "publisher"})
# Of the lines in the header that are no marker, how many sentences may stand
# above a marker as a standfirst (more and the body has begun)
_STANDFIRSTS = 2


@dataclass(frozen=True, slots=True)
class FurnitureLine:
    kind: str  # headline | standfirst | stamp | byline | agency | source | publisher | caption | label | signoff | lead | body
    span: Span


@dataclass(frozen=True, slots=True)
class Fact:
    value: str
    span: Span  # where the text states it


@dataclass(slots=True)
class Furniture:
    lines: list[FurnitureLine] = field(default_factory=list)
    source: Fact | None = None
    date: Fact | None = None  # ISO date
    place: Fact | None = None

    @property
    def spans(self) -> list[Span]:
        """The lines that are not body (a dateline's line is body after its dateline)."""
        return [line.span for line in self.lines if line.kind not in ("body", "lead")]

    @property
    def meetingless(self) -> list[Span]:
        """The lines no meeting is read from."""
        kinds = shapes().meetingless
        return [line.span for line in self.lines if line.kind in kinds]


@dataclass(frozen=True, slots=True)
class _Shapes:
    meetingless: frozenset[str]
    top_lines: int
    top_chars: int
    bottom_lines: int
    headline_words: int
    headline_words_with_stop: int
    label_words: int
    stamp_labels: frozenset[str]
    time: re.Pattern
    zone: re.Pattern
    stamp_other_words: int
    date_time_gap: int
    month_first_zones: frozenset[str]
    byline: re.Pattern
    byline_ends: re.Pattern
    source_line: re.Pattern
    source_ends: re.Pattern
    caption: re.Pattern
    publisher_prefix: re.Pattern
    reports: re.Pattern
    publisher: re.Pattern
    signoff_dash: re.Pattern
    signoff_end: re.Pattern
    agency_date: re.Pattern
    not_publishers: frozenset[str]


@cache
def shapes() -> _Shapes:
    data: dict = {}
    for part in load_toml("furniture.toml"):
        for key, value in part.items():
            data[key] = {**data.get(key, {}), **value} if isinstance(value, dict) else value
    stamp, signoff = data["stamp"], data["signoff"]
    return _Shapes(
        frozenset(data["meetingless"]), data["top_lines"], data["top_chars"], data["bottom_lines"], data["headline_words"],
        data["headline_words_with_stop"], data["label_words"], frozenset(stamp["labels"]),
        re.compile(stamp["time"], re.I), re.compile(stamp["zone"]), stamp["other_words"], stamp["date_time_gap"],
        frozenset(stamp["month_first_zones"]),
        re.compile(data["byline"]["regex"]), re.compile(data["byline"]["ends"]),
        re.compile(data["source_line"]["regex"], re.I), re.compile(data["source_line"]["ends"]),
        re.compile(data["caption"]["markers"]), re.compile(data["headline"]["publisher_prefix"]),
        re.compile(data["reports"]["regex"]), re.compile(data["publisher"]["regex"]),
        re.compile(signoff["dash"]), re.compile(signoff["end"]), re.compile(signoff["agency_date"]),
        frozenset(data["words"]["not_publishers"]),
    )


def read_furniture(text: str, gz: Gazetteer, leads: frozenset[int] = frozenset()) -> Furniture:
    """The furniture of `text`'s first and last lines. `leads`: where lines start
    that a dateline style reads as the body's first line ("MOSCOW, May 5 (TASS) - ...")."""
    sh = shapes()
    found = Furniture()
    top = _lines(text, 0, min(len(text), sh.top_chars), sh.top_lines)
    page = _PageDates(text)
    kinds: list[str] = []
    sentences = 0
    for i, span in enumerate(top):  # up to where the header must have ended
        kinds.append(_top_kind(text, span, gz, sh, page, first=i == 0, lead=span.start in leads))
        sentences += kinds[-1] == "body"
        if kinds[-1] == "lead" or sentences > _STANDFIRSTS:
            break
    top = top[:len(kinds)]
    ends = _lines_from_end(text, 0, sh.bottom_lines)
    # in a short report the closing lines are among the first: a sign-off below a sentence closes no header
    header_end = _header_end(kinds, [span in ends for span in top])
    first_body: Span | None = None
    for i, (span, kind) in enumerate(zip(top, kinds)):
        if kind == "body" and i < header_end:
            kind = "headline" if i == 0 else "standfirst"
        elif kind == "headline" and i > header_end:
            kind = "body"
        elif kind == "label" and i > header_end:
            kind = "body"  # a short line among the body's: a subheading, read as body
        elif i == header_end and found.lines and found.lines[-1].kind in MARKERS and kind in ("body", "headline") and \
                _headline_shaped(text[span.start:span.end], sh):
            kind = "headline"  # the headline under a time-stamp or an agency line
            header_end += 1
        found.lines.append(FurnitureLine(kind, span))
        if kind not in ("body", "lead"):
            _take_facts(found, text, span, kind, gz, sh, page)
        elif first_body is None:
            first_body = span
            # a teaser that ends "…reports Agency" names the page's origin; ", reports Agency." in a sentence quotes it
            if found.source is None and (m := sh.reports.search(text, span.start, span.end)) and m.group().startswith(("…", "...")):
                found.source = Fact(m.group("who"), Span(m.start("who"), m.end("who")))
    # the closing lines, below the body's first line
    floor = first_body.end if first_body else (top[-1].end if top else 0)
    for span in (span for span in ends if span.start >= floor):
        kind = _bottom_kind(text, span, gz, sh, page)
        if kind != "body":
            found.lines = [line for line in found.lines if line.span != span] + [FurnitureLine(kind, span)]
            _take_facts(found, text, span, kind, gz, sh, page)
    return found


def _headline_shaped(line: str, sh: _Shapes) -> bool:
    words = _count_words(line, max(sh.headline_words_with_stop, sh.headline_words))
    return words <= sh.headline_words_with_stop or \
        (words <= sh.headline_words and not line.rstrip("\"”’'").endswith((".", "!", "?", ":")))


def _header_end(kinds: list[str], closing: list[bool]) -> int:
    """The index after the last header line: the last marker with at most a
    standfirst or two of body-shaped lines above it, or the first line read as
    a dateline's (the lines above a dateline are its page's). `closing`: which
    lines are among the report's last."""
    end, sentences = 0, 0
    for i, kind in enumerate(kinds):
        if (kind == "lead" or kind in MARKERS) and closing[i] and sentences and "body" not in kinds[i + 1:]:
            break  # the sign-off of a short report
        if kind == "lead":
            return i
        if kind in MARKERS:
            end = i + 1
        elif kind == "body":
            sentences += 1
            if sentences > _STANDFIRSTS:
                break
    return end


def _top_kind(text: str, span: Span, gz: Gazetteer, sh: _Shapes, page: "_PageDates", first: bool, lead: bool) -> str:
    if lead:
        return "lead"
    line = text[span.start:span.end]
    words = _count_words(line, max(_CAPTION_WORDS, _STAMP_WORDS, sh.label_words))
    if words <= _CAPTION_WORDS and sh.caption.search(line):
        return "caption"
    if sh.byline.match(line):
        return "byline"
    if sh.source_line.match(line):
        return "source"
    if _agency_only(line, gz, sh) or ((m := sh.agency_date.match(line)) and _is_publisher(m.group("who"), gz, sh)):
        return "agency"  # "PTI", "AGENCY 21 Apr 2021"
    if sh.publisher.match(line):
        return "publisher"
    # a headline may carry a date ("Council of Ministers: 4 May 2020"): a first line is a stamp with a place at most
    if words <= _STAMP_WORDS and _stamp_date(line, sh, page, gz, others=_FIRST_LINE_OTHERS if first else sh.stamp_other_words):
        return "stamp"
    if words <= sh.label_words and not line.endswith((".", "!", "?")):
        return "label"
    if first and _headline_shaped(line, sh):
        return "headline"
    return "body"


def _bottom_kind(text: str, span: Span, gz: Gazetteer, sh: _Shapes, page: "_PageDates") -> str:
    line = text[span.start:span.end]
    words = _count_words(line, max(_CAPTION_WORDS, _STAMP_WORDS))
    if sh.source_line.match(line) or sh.signoff_dash.match(line) or sh.signoff_end.match(line) or \
            sh.agency_date.match(line) or _agency_only(line, gz, sh):
        return "signoff"
    if words <= _CAPTION_WORDS and sh.caption.search(line):
        return "caption"
    if words <= _STAMP_WORDS and _stamp_date(line, sh, page, gz, others=0):
        return "signoff"
    return "body"


def _count_words(line: str, most: int) -> int:
    """The number of words of a line, or `most` + 1 for any more: all a test of "at most
    so many words" needs, without splitting a long paragraph into all its words."""
    return len(line.split(None, most))


_CAPTION_WORDS = 60  # a caption is a sentence or two; a longer line is the body's
_STAMP_WORDS = 16  # a date, a time, a few labels and a name
_FIRST_LINE_OTHERS = 1  # "Fiji 11 August 2017" is a stamp, "Council of Ministers: 4 May 2020" a headline


def _take_facts(found: Furniture, text: str, span: Span, kind: str, gz: Gazetteer, sh: _Shapes,
                page: "_PageDates") -> None:
    """What a furniture line says of its page, where nothing earlier said it."""
    line = text[span.start:span.end]
    at = span.start
    if found.source is None:
        who = _publisher(line, kind, gz, sh)
        if who is not None:
            name, start = who
            found.source = Fact(name, Span(at + start, at + start + len(name)))
    if found.date is None and kind not in ("caption", "headline", "standfirst", "label"):
        stamp = _stamp_date(line, sh, page, gz, others=sh.stamp_other_words) if kind in ("stamp", "signoff") else None
        mention = stamp[0] if stamp else _any_full_date(line, sh, page)
        if mention is not None:
            found.date = Fact(mention.value, Span(at + mention.start, at + mention.end))
        if stamp and stamp[1] and found.place is None:
            place, start = stamp[1]
            found.place = Fact(place, Span(at + start, at + start + len(place)))
    if found.date is None and kind in ("headline", "standfirst"):
        mention = _timed_date(line, sh, page)  # "... Council 3.12.2020 08:53:51 EET | Press release"
        if mention is not None:
            found.date = Fact(mention.value, Span(at + mention.start, at + mention.end))


_AND_MORE = re.compile(r"\s+and\s+")


def _publisher(line: str, kind: str, gz: Gazetteer, sh: _Shapes) -> tuple[str, int] | None:
    """The publisher a furniture line names, and where in the line."""
    who: tuple[str, int] | None = None
    if kind == "byline":
        m = sh.byline.match(line)
        name = sh.byline_ends.split(m.group("who"), maxsplit=1)[0].strip(" .,:")
        if _is_publisher(name, gz, sh):
            who = (name, m.start("who"))
    elif kind in ("source", "signoff") and (m := sh.source_line.match(line)):
        first = sh.source_ends.split(m.group("who"), maxsplit=1)[0]
        name = first.strip(" .,:")
        joined = _AND_MORE.match(m.group("who"), len(first))
        rest = sh.source_ends.split(m.group("who")[joined.end():], maxsplit=1)[0] if joined else ""
        if rest.split() and rest.split()[-1] in gz.names.get("institution_heads", ()):
            # "Reuters and AFP" are two; "Equatorial Guinea Press and Information Office" is one name
            name = (m.group("who")[:joined.end()] + rest).strip(" .,:")
        who = (name, m.start("who")) if name else None
    elif kind in ("agency", "signoff") and _agency_only(line, gz, sh):
        name = line.strip(_AROUND_AGENCY)
        who = (name, line.index(name))
    elif kind in ("agency", "signoff") and (m := sh.signoff_dash.match(line) or sh.agency_date.match(line)):
        who = (m.group("who"), m.start("who"))
    elif kind == "publisher":
        m = sh.publisher.match(line)
        who = (m.group("who").strip(), m.start("who"))
    elif kind == "headline" and (m := sh.publisher_prefix.match(line)):
        group = "who" if m.group("who") else "acronym"
        name = m.group(group)
        start = m.start(group)
        while name.split() and name.split()[0].lower() in sh.not_publishers:  # "Press Releases AGENCY : ..."
            word = name.split()[0]
            start += name.index(word) + len(word)
            name = name[name.index(word) + len(word):]
            start += len(name) - len(name.lstrip())
            name = name.lstrip()
        if name and _place_key(name, gz) is None:
            who = (name, start)
    if who is None and kind in ("headline", "standfirst", "label") and (m := sh.reports.search(line)):
        who = (m.group("who"), m.start("who"))
    return who


def _is_publisher(name: str, gz: Gazetteer, sh: _Shapes) -> bool:
    """An agency the gazetteer knows, or a short acronym ("PSCU"), not a person's name."""
    return _known_agency(name, gz) or (_ACRONYM.fullmatch(name) is not None and name.lower() not in sh.not_publishers)


_ACRONYM = re.compile(r"[A-Z]{2,5}")  # an agency's initials ("PSCU"); a longer word in capitals is a heading's


_AROUND_AGENCY = " -–—|./()"  # "- AGENCY", "(AGENCY)", "/AGENCY/"


def _agency_only(line: str, gz: Gazetteer, sh: _Shapes) -> bool:
    """A line that is only a publisher's name ("PTI", "- AGENCY", "(AGENCY)", "/AGENCY/")."""
    name = line.strip(_AROUND_AGENCY)
    return bool(name) and len(name) <= 60 and len(name.split()) <= 5 and _is_publisher(name, gz, sh)


def _known_agency(name: str, gz: Gazetteer) -> bool:
    lower = name.lower()
    for _, (length, entries, _acronym) in gz.automaton.iter(lower):
        if length == len(lower) and any(e.kind == "agency" for e in entries):
            return True
    return False


def _place_key(name: str, gz: Gazetteer) -> str | None:
    name = name.strip(" ,.-–—")
    for candidate in (name, " ".join(w.capitalize() for w in name.split())):
        if candidate in gz.places:
            return candidate
    return None


_GLUED_YEAR = re.compile(r"(?:(?<=[A-Za-z.] \d)|(?<=[A-Za-z.] \d\d))[,/](?=(?:19|20)\d\d\b)")  # "Sep 25,2021", "February 6/2022"
_AMBIGUOUS_NUMERIC = re.compile(r"^([01]?\d)/([01]?\d)/")


def _ambiguous(date: str) -> re.Match | None:
    """"7/6/2019": day or month first?"""
    m = _AMBIGUOUS_NUMERIC.match(date)
    return m if m and m.group(1) != m.group(2) and max(int(m.group(1)), int(m.group(2))) <= 12 else None


def _full_dates(line: str, sh: _Shapes, page: "_PageDates") -> list[dates.DateMention]:
    """The dates of a line as a page stamps its own day: not a range of days (a
    meeting's); a slashed day and month that could be either way round only as
    the line's time zone or the report's own dates make certain; a day without
    its year only as the report's own dates make certain."""
    if not _DIGIT.search(line):
        return []
    readable = _GLUED_YEAR.sub(" ", line)  # same length: offsets agree
    out = []
    for d in dates.find_dates(readable, None):
        if _RANGE.search(d.text) or (d.relative and d.value is not None):
            continue
        value = d.value
        m = _ambiguous(d.text)
        if value is None and _DIGIT.search(d.text) and not _YEAR.search(d.text):  # "10 October"
            value = page.certain([dates.parse_date(d.text, dt.date(year, 12, 31)) for year in page.years()])
        elif m:  # "7/6/2019"
            month_first = f"{value[:4]}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
            value = month_first if sh.month_first_zones & set(sh.zone.findall(line)) else page.certain([value, month_first])
        if value and len(value) == 10:
            out.append(dates.DateMention(d.start, d.end, d.text, value, False))
    return out


class _PageDates:
    """The full dates a report states, read once and only when a stamp needs them."""

    def __init__(self, text: str):
        self.text = text
        self._stated: list[str] | None = None

    def stated(self) -> list[str]:
        if self._stated is None:
            self._stated = [d.value for d in dates.find_dates(self.text[:_PAGE_CHARS], None)
                            if d.value and len(d.value) == 10 and not d.relative and not _ambiguous(d.text)]
        return self._stated

    def years(self) -> list[int]:
        return sorted({int(v[:4]) for v in self.stated()})

    def certain(self, candidates: list[str | None]) -> str | None:
        """The one reading the report makes certain: the day it states itself,
        or else the one on its latest date or within a month after it (a page
        is dated after what it reports, and soon after)."""
        readings = sorted({c for c in candidates if c and len(c) == 10})
        stated = [r for r in readings if r in self.stated()]
        if len(stated) == 1:
            return stated[0]
        if not self.stated() or stated:
            return None
        latest = dt.date.fromisoformat(max(self.stated()))
        after = [r for r in readings if 0 <= (dt.date.fromisoformat(r) - latest).days <= _PAGE_AFTER_DAYS]
        return after[0] if len(after) == 1 else None


_PAGE_CHARS = 20_000  # a report states its dates near the top
_PAGE_AFTER_DAYS = 31
_DIGIT = re.compile(r"\d")

_YEAR = re.compile(r"(?:19|20)\d\d")
_RANGE = re.compile(r"(?<![\d-])[0-3]?\d(?:st|nd|rd|th)?\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?(?![\d-])")  # "18-19 May", not "2024-03-05"


def _stamp_date(line: str, sh: _Shapes, page: "_PageDates", gz: Gazetteer, others: int
                ) -> tuple[dates.DateMention, tuple[str, int] | None] | None:
    """A time-stamp line's date, and the place it names: a line of a full date
    and little else (labels, a time, a zone, an author's or a place's name)."""
    found = _full_dates(line, sh, page)
    if not found:
        return None
    rest = list(line)
    for d in found:
        rest[d.start:d.end] = " " * (d.end - d.start)
    rest_text = sh.time.sub(lambda m: " " * len(m.group()), "".join(rest))
    rest_text = sh.zone.sub(lambda m: " " * len(m.group()), rest_text)
    words = [(m.group(), m.start()) for m in re.finditer(r"[^\W\d_][\w.'’-]*", rest_text)
             if m.group().lower().rstrip(".") not in sh.stamp_labels]
    if len(words) > others:
        return None
    place = None
    if words:
        name = " ".join(word for word, _ in words)
        key = _place_key(name, gz)
        if key is not None and line.find(name) >= 0:
            place = (key, line.find(name))
    return found[0], place


def _any_full_date(line: str, sh: _Shapes, page: "_PageDates") -> dates.DateMention | None:
    found = _full_dates(line, sh, page)
    return found[0] if found else None


def _timed_date(line: str, sh: _Shapes, page: "_PageDates") -> dates.DateMention | None:
    """A full date with a time next to it: a stamp inside a longer line."""
    for d in _full_dates(line, sh, page):
        tail = line[d.end:]
        skip = len(tail) - len(tail.lstrip(" ,|-–—"))
        after = sh.time.match(line, d.end + skip)
        before = [t for t in sh.time.finditer(line, max(0, d.start - 20), d.start) if d.start - t.end() <= sh.date_time_gap]
        if (after and skip <= sh.date_time_gap) or before:
            return d
    return None


def _lines(text: str, start: int, end: int, count: int) -> list[Span]:
    """The first `count` non-empty lines of text[start:end], stripped."""
    out: list[Span] = []
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            begin = pos + line.index(stripped[0])
            out.append(Span(begin, begin + len(stripped)))
            if len(out) >= count:
                break
        pos += len(line)
    if out and out[-1].end >= end and end < len(text):
        out.pop()  # cut short by the window: not a whole line
    return out


def _lines_from_end(text: str, floor: int, count: int) -> list[Span]:
    """The last `count` non-empty lines of text after `floor`, stripped."""
    out: list[Span] = []
    end = len(text)
    while end > floor and len(out) < count:
        start = text.rfind("\n", 0, end) + 1
        if start < floor:
            break
        line = text[start:end]
        if line.strip():
            begin = start + len(line) - len(line.lstrip())
            out.insert(0, Span(begin, begin + len(line.strip())))
        end = start - 1
    return out
