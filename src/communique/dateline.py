"""Stage 1, dateline: the place, date and agency a report states at its top
("DUSHANBE, 20.05.2021 (NIAT Khovar) –", "MOSCOW, April 11. /TASS/.", a date
line under a headline, a ministry release's origin line). The styles are
regular expressions in `data/datelines.toml`."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from . import dates
from .furniture import Furniture, read_furniture
from .gazetteer import Gazetteer, load_toml
from .text import Span

_BULLETS = "".join(w for data in load_toml("datelines.toml") for w in data.get("words", {}).get("line_bullets", []))
HEAD_LINES = 8
HEAD_CHARS = 800
MENU_ITEM_CHARS = 20


@dataclass(slots=True)
class DatelineFacts:
    place: str | None = None
    date: str | None = None
    source: str | None = None  # as printed ("TDI", "NIAT Khovar")
    agency: str | None = None  # the agency it names, as agencies.toml knows it
    evidence: dict[str, Span] = field(default_factory=dict)
    end: int = 0  # where the dateline ends: the body starts after it
    furniture: list[Span] = field(default_factory=list)  # headline, stamps, bylines, captions, sign-offs: not body
    page_lines: list[Span] = field(default_factory=list)  # of those, the lines whose dates are the page's own
    meetingless: list[Span] = field(default_factory=list)  # of those, the lines no meeting is read from


@dataclass(frozen=True, slots=True)
class Style:
    name: str
    regex: re.Pattern
    source_pick: str
    require_known_place: bool
    require_known_source: bool


@cache
def styles(where: str = "style") -> tuple[Style, ...]:
    """The dateline styles of the report's first lines ("style") or its last ones ("bottom")."""
    out: list[Style] = []
    files = load_toml("datelines.toml")
    parts: dict[str, str] = {}
    for data in files:
        parts.update(data.get("patterns", {}))
    for data in files:
        for style in data.get(where, []):
            pattern = style["regex"]
            for key, sub in parts.items():
                pattern = pattern.replace("{" + key + "}", sub)
            out.append(Style(style["name"], re.compile(pattern), style.get("source_pick", "first"),
                             style.get("require_known_place", False), style.get("require_known_source", False)))
    return tuple(out)


def find_dateline(text: str, gz: Gazetteer, published: str | None = None, source: str | None = None) -> DatelineFacts:
    facts = DatelineFacts()
    lines: list[tuple[int, str]] = []
    pos = 0
    counted = 0  # a page's menu ("- Français", "Politics") does not use up the header's lines
    for line in text[:HEAD_CHARS].splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            start, stripped = _after_repeated_headline(lines, start, stripped)
            # "?Jakarta: ...": a bullet or a glyph the page lost before the line
            bullet = len(stripped) - len(stripped.lstrip(_BULLETS))
            start, stripped = start + bullet, stripped[bullet:]
            lines.append((start, stripped))
            counted += len(stripped) >= MENU_ITEM_CHARS
        pos += len(line)
        if counted >= HEAD_LINES:
            break
    undated_year: tuple[int, int] | None = None
    leads: set[int] = set()
    for offset, line in lines:
        undated_year, lead = _read_line(facts, gz, offset, line, styles(), undated_year)
        if lead:
            leads.add(offset)
            if facts.place and facts.source and facts.date:
                break  # the body begins: its lines are in no dateline's style
    furniture = read_furniture(text, gz, frozenset(leads))
    _take_furniture(facts, furniture, gz)
    if facts.date is None or facts.place is None or facts.source is None:
        # a ministry's release signs off with its place and date
        for offset, line in _last_lines(text):
            undated_year, _ = _read_line(facts, gz, offset, line, styles("bottom"), undated_year, keep_end=True)
    if facts.source is None:
        _source_in_lead(facts, gz, text)
    if facts.date is None and not published:
        _today_in_lead(facts, text)
    if facts.date is None and undated_year is not None:
        facts.date = _complete_year(text, text[undated_year[0]:undated_year[1]])
    if published:
        facts.date = published
    if source:
        facts.source = source
    return facts


def _after_repeated_headline(lines: list[tuple[int, str]], start: int, line: str) -> tuple[int, str]:
    """A scraped page may glue its headline again before the dateline ("Title Havana, Mar 15. – ..."):
    the line is read from where the repeated headline ends."""
    for _, earlier in lines:
        if len(earlier) >= MENU_ITEM_CHARS and len(line) > len(earlier) and line.startswith(earlier):
            rest = line[len(earlier):]
            skipped = len(earlier) + len(rest) - len(rest.lstrip())
            return start + skipped, line[skipped:]
    return start, line


def _words(name: str) -> str:
    """The alternation of a `[words]` list of datelines.toml."""
    phrases = [p for data in load_toml("datelines.toml") for p in data.get("words", {}).get(name, [])]
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


# "..., a Kazinform correspondent reports": the agency that wrote the lead
_REPORTS = re.compile(rf"\b(?P<source>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){{0,3}}),?\s+(?:{_words('reports')})\b")
_REPORTS_WORDS = sorted({p.split()[0] for data in load_toml("datelines.toml") for p in data.get("words", {}).get("reports", [])})


def _take_furniture(facts: DatelineFacts, furniture: Furniture, gz: Gazetteer) -> None:
    """What the page's furniture says, where the dateline said nothing: its
    publisher (a byline, an agency line, a closing source line), its date (a
    time-stamp line), a place its time-stamp names."""
    facts.furniture = furniture.spans
    facts.meetingless = furniture.meetingless
    facts.page_lines = [line.span for line in furniture.lines if line.kind in _DATED_LINES]
    if facts.source is None and furniture.source is not None:
        facts.source, facts.agency = _source_name(furniture.source.value, gz, "first")
        facts.evidence["source"] = furniture.source.span
    if facts.date is None and furniture.date is not None:
        facts.date = furniture.date.value
        facts.evidence["date"] = furniture.date.span
    if facts.place is None and furniture.place is not None:
        facts.place = furniture.place.value
        facts.evidence["place"] = furniture.place.span


_DATED_LINES = frozenset({"stamp", "byline", "agency", "source", "publisher", "signoff", "label"})


def _source_in_lead(facts: DatelineFacts, gz: Gazetteer, text: str) -> None:
    """"..., Ukrinform reports": an agency the first paragraph names as reporting."""
    lead = text[:HEAD_CHARS]
    if not any(word in lead for word in _REPORTS_WORDS):
        return  # each match holds one of the words
    for m in _REPORTS.finditer(lead):
        name, agency = _source_name(m.group("source"), gz, "first")
        if agency is not None:
            facts.source, facts.agency = name, agency
            facts.evidence["source"] = Span(m.start("source"), m.end("source"))
            return


def _today_in_lead(facts: DatelineFacts, text: str) -> None:
    """"... held a bilateral meeting in Bali today, July 7, 2022": the day the lead calls today is the report's."""
    m = _TODAY_DATE.search(text, 0, HEAD_CHARS)
    if m is None:
        return
    found = next((d for d in dates.find_dates(m.group("date"), None) if d.value and len(d.value) == 10), None)
    if found is not None:
        facts.date = found.value
        facts.evidence["date"] = Span(m.start("date") + found.start, m.start("date") + found.end)


def _last_lines(text: str, count: int = 4) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    end = len(text)
    while end > 0 and len(out) < count:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip():
            out.insert(0, (start + len(line) - len(line.lstrip()), line.strip()))
        end = start - 1
    return out


def _read_line(facts: DatelineFacts, gz: Gazetteer, offset: int, line: str, candidates: tuple[Style, ...],
               undated_year: tuple[int, int] | None, keep_end: bool = False) -> tuple[tuple[int, int] | None, bool]:
    """Take what the first style that fits `line` says, where `facts` has nothing yet;
    and whether the line opens with a dateline of a place or a source (the body's first line)."""
    for style in candidates:
        m = style.regex.search(line)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("date") and not dates.parse_date(_unglued(groups["date"]), dt.date(2000, 1, 1)):
            continue
        if groups.get("source") and _is_date(groups["source"]):
            continue  # "KUALA LUMPUR (May 10):" names no source
        place = groups.get("place")
        if place and style.require_known_place and _place_name(place) not in gz.places:
            continue
        if style.require_known_source and _source_name(groups.get("source") or "", gz, style.source_pick)[1] is None:
            continue
        took = (place and not facts.place) or (groups.get("source") and not facts.source) or \
            (groups.get("date") and not facts.date)
        if place and not facts.place:
            facts.place = _place_name(place)
            facts.evidence["place"] = Span(offset + m.start("place"), offset + m.start("place") + len(place.rstrip()))
        if groups.get("source") and not facts.source:
            facts.source, facts.agency = _source_name(groups["source"], gz, style.source_pick)
            facts.evidence["source"] = Span(offset + m.start("source"), offset + m.end("source"))
        if groups.get("date") and not facts.date:
            value = dates.parse_date(_unglued(groups["date"]), None)
            start = offset + m.start("date")
            facts.evidence["date"] = Span(start, start + len(groups["date"].rstrip(" ,.")))
            if value:
                facts.date = value
            else:
                undated_year = (start, start + len(groups["date"]))
        if took and not keep_end:  # a later line in a dateline's style that adds nothing is the body's
            facts.end = max(facts.end, offset + m.end())
        return undated_year, bool(took and (place or groups.get("source")))
    return undated_year, False


def _unglued(date: str) -> str:
    """"February 6/2022", "Sep 25,2021": the year set apart, so the date reads."""
    return re.sub(r"(?:(?<=[A-Za-z.] \d)|(?<=[A-Za-z.] \d\d))[,/](?=(?:19|20)\d\d\b)", " ", date)


def _is_date(raw: str) -> bool:
    raw = raw.strip(" ,.")
    return any(d.start == 0 and d.end == len(raw) for d in dates.find_dates(raw, None))


def _complete_year(text: str, day_month: str, mentions: list[dates.DateMention] | None = None,
                   told_at: dates.DateMention | None = None) -> str | None:
    """A day without its year ("10 October") takes its year from the dates the
    report states (`mentions`: those of the text's first _YEAR_CHARS, when the
    caller has them already). A report is written after the dates it tells of
    the past (but for a day it names up to _UNTOLD_AHEAD ahead without a
    future word: "the fair opens on 28 January") and before those it
    announces: the day falls in that window, on the weekday the report names
    ("on Friday", else told the day after), else nearest the announced date,
    else nearest the past one. A year alone ("founded in 1997", "the first
    summit in 2018") bounds too loosely to name the year without a weekday or
    an announced date; "since 2015" is a bound all the same."""
    text = text[:_YEAR_CHARS]
    if mentions is None:
        mentions = dates.find_dates(text, None)
    # not "a plan for 2025"
    found = [d for d in mentions if d.value and not d.relative and not re.match(r"(?:for|until|by|through)\b", d.text, re.I)]
    past: list[dates.DateMention] = []
    coming: list[str] = []
    for d in found:
        if _told_ahead(text, d):
            coming.append(d.value)
        else:
            past.append(d)
    # a day or month of the past, or a year time has passed since, over a year alone ("on 30 November
    # 2023 ... the chair passes to Malta in 2024")
    after = max((d.value for d in past if len(d.value) > 4 or d.text.lower().startswith("since")), default=None) or \
        max((d.value for d in past), default=None)
    before = min((v for v in coming if after is None or v > after), default=None)
    if after is None and before is None:
        return None
    # "since January 1, 2024" is passed: the report is no earlier, whatever days it names ahead
    since = any(d.value == after and _SINCE_BEFORE.search(text, max(0, d.start - 8), d.start) for d in past)
    low = _first_day(after) - (_UNTOLD_AHEAD if len(after) == 10 and not since else dt.timedelta(0)) if after else None
    high = _first_day(before) if before else None
    if high is None:
        high = dt.date(low.year + _YEARS_AHEAD, 1, 1)
    if low is None:
        low = high - (_YEAR if len(before) > 4 else 2 * _YEAR)
    days = [d for year in range(low.year, high.year + 1) if (d := _on_day(day_month, year)) is not None and low <= d < high]
    if before is not None:
        days.reverse()  # nearest the announced date first
    # a body's day is on the weekday named beside it ("on Thursday, July 9"), not on one of another event
    weekday = _WEEKDAY.search(text, max(0, told_at.start - _WEEKDAY_NEAR), told_at.end + _WEEKDAY_NEAR) \
        if told_at is not None else _WEEKDAY.search(text)
    if weekday:
        named = dates.WEEKDAYS[weekday.group(1).lower()]
        fits = [d for d in days if d.weekday() == named] or \
            [d for d in days if (d - dt.timedelta(days=1)).weekday() == named]  # told the day after
        if fits:
            return fits[0].isoformat()
    # "Laos' ASEAN Chairmanship in 2024": of the days that fit, one in a year the report names alone
    named_years = {int(d.value) for d in found if len(d.value) == 4}
    in_named = [d for d in days if d.year in named_years]
    if days and (before is not None or len(after) > 4):
        return (in_named or days)[0].isoformat()
    return None


def _first_day(value: str) -> dt.date:
    """"2024" -> 1 January 2024, "2024-06" -> 1 June 2024."""
    return dt.date.fromisoformat((value + "-01-01")[:10])


def _on_day(day_month: str, year: int) -> dt.date | None:
    value = dates.parse_date(day_month, dt.date(year, 12, 31))
    return dt.date.fromisoformat(value) if value and len(value) == 10 and value.startswith(str(year)) else None


_TODAY_DATE = re.compile(r"\btoday\s*[,(]\s*(?:[A-Z][a-z]+day,?\s+)?(?P<date>[^,.;)]{4,20},?\s+(?:19|20)\d\d)", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
_WEEKDAY_NEAR = 20  # characters: "Thursday, 9 July", "9 July (Thursday)"
_YEARS_AHEAD = 4  # a weekday fits some year within four of the latest past date; no further is certain
_UNTOLD_AHEAD = dt.timedelta(days=90)  # how far ahead a report may name a day without a future word ("on 8 June")
_YEAR = dt.timedelta(days=365)


def undated_reference(text: str) -> dt.date | None:
    """For a report whose dateline states no date: the first day the body names
    without its year ("on Monday, February 12"), completed as a year-less
    dateline is, to resolve the body's other dates against."""
    mentions = dates.find_dates(text[:_YEAR_CHARS], None)
    for d in mentions:
        if d.value is None and re.search(r"\d", d.text):
            value = _complete_year(text, d.text, mentions, told_at=d)
            if value and len(value) == 10:
                return dt.date.fromisoformat(value)
    return None


def _told_ahead(text: str, date: dates.DateMention) -> bool:
    """"The next meeting will be held on April 11, 2025", "in 2026 the summit is
    to meet": a future cue in the date's own clause, not elsewhere in a long
    sentence ("the anniversary (1949-2024), the premier hoped the envoy will...")."""
    sentence_start = max(text.rfind(". ", 0, date.start), text.rfind("\n", 0, date.start)) + 1
    before = text[max(sentence_start, date.start - _CLAUSE_CHARS):date.start]
    after = re.match(r"[^,;.\n]{0,%d}" % _CLAUSE_CHARS, text[date.end:date.end + _CLAUSE_CHARS])
    return bool(_FUTURE.search(before) or _FUTURE.search(after.group()))


_CLAUSE_CHARS = 80
_YEAR_CHARS = 20_000  # a report tells its year near the top; a huge one is not read whole for it
_WEEKDAY = re.compile(rf"\b({_words('weekdays')})\b")
_FUTURE = re.compile(rf"\b(?:{_words('future')})\b", re.I)


def _place_name(place: str) -> str:
    place = place.strip(" ,.")
    # "ABU DHABI" -> "Abu Dhabi", "XI'AN" -> "Xi'an"
    return " ".join(w.capitalize() for w in place.split()) if place.isupper() else place


def _source_name(raw: str, gz: Gazetteer, pick: str) -> tuple[str, str | None]:
    """The publisher as printed, without quotes, and the agency it names."""
    parts = [p.strip() for p in raw.split("/") if p.strip()] or [raw.strip()]
    chosen = re.sub(r"[\"“”«»]", "", parts[-1] if pick == "last" else parts[0]).strip(" '.,:-–")
    lower = chosen.lower()
    for _, (length, entries, _acronym) in gz.automaton.iter(lower):
        agency = next((e for e in entries if e.kind == "agency"), None)
        if agency and length >= len(lower) - 4:
            # "KAZINFORM" is Kazinform; "TDI" stays as printed
            return (agency.key if agency.key.lower() == lower else chosen), agency.key
    return chosen, None
