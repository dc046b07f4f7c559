"""Stage 1, page furniture: the lines a news page carries around an
article's body (headline, standfirst, time-stamp, byline, agency line, photo
caption, closing source line or sign-off), found in any order among the
report's first and last lines and told from the body by their shape. The
shapes live in `data/furniture.toml`.

What they give: the publisher the page names as its own origin, the date it
gives for itself and a place a time-stamp names; and the spans that are not
body, so that no meeting is read from a headline or a caption."""
from __future__ import annotations

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
    kinds = [_top_kind(text, span, gz, sh, first=i == 0, lead=span.start in leads) for i, span in enumerate(top)]
    header_end = _header_end(kinds)
    first_body: Span | None = None
    for i, (span, kind) in enumerate(zip(top, kinds)):
        if kind == "body" and i < header_end:
            kind = "headline" if i == 0 else "standfirst"
        elif kind == "headline" and i > header_end:
            kind = "body"
        elif kind == "label" and i > header_end:
            kind = "body"  # a short line among the body's: a subheading, read as body
        elif i == header_end and kind in ("body", "headline") and _headline_shaped(text[span.start:span.end], sh):
            kind = "headline"  # the headline under a time-stamp or an agency line
            header_end += 1
        found.lines.append(FurnitureLine(kind, span))
        if kind not in ("body", "lead"):
            _take_facts(found, text, span, kind, gz, sh)
        elif first_body is None:
            first_body = span
            if found.source is None and (m := sh.reports.search(text, span.start, span.end)):
                found.source = Fact(m.group("who"), Span(m.start("who"), m.end("who")))  # "... , reports Agency."
    # the closing lines, below the body's first line
    floor = first_body.end if first_body else (top[-1].end if top else 0)
    for span in _lines_from_end(text, floor, sh.bottom_lines):
        kind = _bottom_kind(text, span, gz, sh)
        if kind != "body":
            found.lines = [line for line in found.lines if line.span != span] + [FurnitureLine(kind, span)]
            _take_facts(found, text, span, kind, gz, sh)
    return found


def _headline_shaped(line: str, sh: _Shapes) -> bool:
    words = len(line.split())
    return words <= sh.headline_words_with_stop or \
        (words <= sh.headline_words and not line.rstrip("\"”’'").endswith((".", "!", "?", ":")))


def _header_end(kinds: list[str]) -> int:
    """The index after the last header line: the last marker with at most a
    standfirst or two of body-shaped lines above it, or the first line read as
    a dateline's (the lines above a dateline are its page's)."""
    end, sentences = 0, 0
    for i, kind in enumerate(kinds):
        if kind == "lead":
            return i
        if kind in MARKERS:
            end = i + 1
        elif kind == "body":
            sentences += 1
            if sentences > _STANDFIRSTS:
                break
    return end


def _top_kind(text: str, span: Span, gz: Gazetteer, sh: _Shapes, first: bool, lead: bool) -> str:
    line = text[span.start:span.end]
    if lead:
        return "lead"
    if sh.caption.search(line):
        return "caption"
    if sh.byline.match(line):
        return "byline"
    if sh.source_line.match(line):
        return "source"
    if _agency_only(line, gz, sh):
        return "agency"
    if sh.publisher.match(line):
        return "publisher"
    if _stamp_date(line, sh, labels_only=first, gz=gz) is not None:
        return "stamp"
    words = line.split()
    if len(words) <= sh.label_words and not line.endswith((".", "!", "?")):
        return "label"
    if first and _headline_shaped(line, sh):
        return "headline"
    return "body"


def _bottom_kind(text: str, span: Span, gz: Gazetteer, sh: _Shapes) -> str:
    line = text[span.start:span.end]
    if sh.source_line.match(line) or sh.signoff_dash.match(line) or sh.signoff_end.match(line) or \
            sh.agency_date.match(line) or _agency_only(line, gz, sh):
        return "signoff"
    if sh.caption.search(line) and len(line.split()) <= 40:
        return "caption"
    if _stamp_date(line, sh, labels_only=True, gz=gz) is not None:
        return "signoff"
    return "body"


def _take_facts(found: Furniture, text: str, span: Span, kind: str, gz: Gazetteer, sh: _Shapes) -> None:
    """What a furniture line says of its page, where nothing earlier said it."""
    line = text[span.start:span.end]
    at = span.start
    if found.source is None:
        who = _publisher(line, kind, gz, sh)
        if who is not None:
            name, start = who
            found.source = Fact(name, Span(at + start, at + start + len(name)))
    if found.date is None and kind not in ("caption", "headline", "standfirst", "label"):
        stamp = _stamp_date(line, sh, labels_only=False, gz=gz) if kind in ("stamp", "signoff") else None
        mention = stamp[0] if stamp else _any_full_date(line, sh)
        if mention is not None:
            found.date = Fact(mention.value, Span(at + mention.start, at + mention.end))
        if stamp and stamp[1] and found.place is None:
            place, start = stamp[1]
            found.place = Fact(place, Span(at + start, at + start + len(place)))
    if found.date is None and kind in ("headline", "standfirst"):
        mention = _timed_date(line, sh)  # "... Council 3.12.2020 08:53:51 EET | Press release"
        if mention is not None:
            found.date = Fact(mention.value, Span(at + mention.start, at + mention.end))


def _publisher(line: str, kind: str, gz: Gazetteer, sh: _Shapes) -> tuple[str, int] | None:
    """The publisher a furniture line names, and where in the line."""
    who: tuple[str, int] | None = None
    if kind == "byline":
        m = sh.byline.match(line)
        name = sh.byline_ends.split(m.group("who"), maxsplit=1)[0].strip(" .,:")
        if _is_publisher(name, gz, sh):
            who = (name, m.start("who"))
    elif kind in ("source", "signoff") and (m := sh.source_line.match(line)):
        name = sh.source_ends.split(m.group("who"), maxsplit=1)[0].strip(" .,:")
        who = (name, m.start("who")) if name else None
    elif kind == "agency" or (kind == "signoff" and _agency_only(line, gz, sh)):
        name = line.strip(" -–—|.")
        who = (name, line.index(name))
    elif kind == "signoff" and (m := sh.signoff_dash.match(line) or sh.agency_date.match(line)):
        who = (m.group("who"), m.start("who"))
    elif kind == "publisher":
        m = sh.publisher.match(line)
        who = (m.group("who").strip(), m.start("who"))
    elif kind == "headline" and (m := sh.publisher_prefix.match(line)):
        group = "who" if m.group("who") else "acronym"
        name = m.group(group)
        if name.lower() not in sh.not_publishers and _place_key(name, gz) is None:
            who = (name, m.start(group))
    if who is None and kind in ("headline", "standfirst", "label") and (m := sh.reports.search(line)):
        who = (m.group("who"), m.start("who"))
    return who


def _is_publisher(name: str, gz: Gazetteer, sh: _Shapes) -> bool:
    """An agency the gazetteer knows, or a short acronym ("PSCU"), not a person's name."""
    return _known_agency(name, gz) or (re.fullmatch(r"[A-Z]{2,8}", name) is not None
                                       and name.lower() not in sh.not_publishers)


def _agency_only(line: str, gz: Gazetteer, sh: _Shapes) -> bool:
    """A line that is only a publisher's name ("PTI", "- AGENCY")."""
    name = line.strip(" -–—|.")
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
_AMBIGUOUS_NUMERIC = re.compile(r"^([01]?\d)/([01]?\d)/")  # "7/6/2019": day or month first?


def _full_dates(line: str, sh: _Shapes) -> list[dates.DateMention]:
    """The dates of a line stated in full, as a page stamps its own day: not a
    year-less day (nothing certain), not a range of days (a meeting's), not a
    slashed day and month that could be either way round, unless the line's
    time zone says which comes first."""
    if not _YEAR.search(line):
        return []
    readable = _GLUED_YEAR.sub(" ", line)  # same length: offsets agree
    out = []
    for d in dates.find_dates(readable, None):
        if not d.value or len(d.value) != 10 or d.relative or _RANGE.search(d.text):
            continue
        m = _AMBIGUOUS_NUMERIC.match(d.text)
        if m and m.group(1) != m.group(2) and max(int(m.group(1)), int(m.group(2))) <= 12:
            if not sh.month_first_zones & set(sh.zone.findall(line)):
                continue
            d = dates.DateMention(d.start, d.end, d.text, f"{d.value[:4]}-{int(m.group(1)):02d}-{int(m.group(2)):02d}",
                                  d.relative)
        out.append(d)
    return out


_YEAR = re.compile(r"(?:19|20)\d\d")
_RANGE = re.compile(r"(?<![\d-])[0-3]?\d(?:st|nd|rd|th)?\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?(?![\d-])")  # "18-19 May", not "2024-03-05"


def _stamp_date(line: str, sh: _Shapes, labels_only: bool, gz: Gazetteer
                ) -> tuple[dates.DateMention, tuple[str, int] | None] | None:
    """A time-stamp line's date, and the place it names: a line of a full date
    and little else (labels, a time, a zone, an author's or a place's name)."""
    found = _full_dates(line, sh)
    if not found or len(line.split()) > 16:
        return None
    rest = list(line)
    for d in found:
        rest[d.start:d.end] = " " * (d.end - d.start)
    rest_text = sh.time.sub(lambda m: " " * len(m.group()), "".join(rest))
    rest_text = sh.zone.sub(lambda m: " " * len(m.group()), rest_text)
    others = [(m.group(), m.start()) for m in re.finditer(r"[^\W\d_][\w.'’-]*", rest_text)
              if m.group().lower().rstrip(".") not in sh.stamp_labels]
    if labels_only and others:
        return None
    if len(others) > sh.stamp_other_words:
        return None
    place = None
    if others:
        name = " ".join(word for word, _ in others)
        key = _place_key(name, gz)
        if key is not None and line.find(name) >= 0:
            place = (key, line.find(name))
    return found[0], place


def _any_full_date(line: str, sh: _Shapes) -> dates.DateMention | None:
    found = _full_dates(line, sh)
    return found[0] if found else None


def _timed_date(line: str, sh: _Shapes) -> dates.DateMention | None:
    """A full date with a time next to it: a stamp inside a longer line."""
    for d in _full_dates(line, sh):
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
