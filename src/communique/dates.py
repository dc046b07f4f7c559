"""Stage 2, dates: every date expression of the report, resolved against the
report's own date ("yesterday", "on Tuesday", "on the 20th", "on July 17",
"since December 2020", "for the second half of 2021").

One compiled pattern finds the candidates and each form resolves directly:
measured on the founding report, dateparser took about 1 ms per expression
against microseconds here, for no expression this pattern cannot read."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .text import CASE_BLIND_EXTRAS, phrase_alternation

MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"], 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

# A point follows only an abbreviated month ("Jul."), never "July." at a sentence's end.
_MONTH = (r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|December|"
          r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?![a-z]))")
# A day, or the first of a range ("May 19-21, 2023", "on 17th and 18th August"): a meeting is dated by its first day
_RANGE = r"(?:\s*[-–]\s*|\s+(?:and|to|&)\s+)"
_DAY = r"(?P<{0}>[0-3]?\d)(?: ?(?:st|nd|rd|th))?(?:" + _RANGE + r"[0-3]?\d(?: ?(?:st|nd|rd|th))?)?"  # "7th", "7 th"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# "on the afternoon of October 1": the day's part is of the date, not "the Declaration of 1 October"
_PART_OF_DAY = r"(?:(?:morning|afternoon|evening|night)\s+of\s+)?"

PATTERN = re.compile("|".join([
    rf"(?P<iso>{_YEAR.format('iy')}-(?P<im>[01]\d)-(?P<id>[0-3]\d))",
    # "12.02.2021", "12. 02. 2021", "21-06-2018"
    rf"(?P<num>(?P<nd>[0-3]?\d)(?:\. ?|/|-(?=[01]?\d-))(?P<nm>[01]?\d)(?:\. ?|/|-){_YEAR.format('ny')}(?!\d))",
    rf"(?P<dmy>{_PART_OF_DAY}(?:(?:on\s+)?{_WEEKDAY.replace('wd', 'wd1')},?\s+)?{_DAY.format('d1')}\s+(?:of\s+)?{_MONTH.format('m1')}(?:,?\s+{_YEAR.format('y1')})?)",
    rf"(?P<mdy>{_PART_OF_DAY}(?:(?:on\s+)?{_WEEKDAY.replace('wd', 'wd2')},?\s+)?{_MONTH.format('m2')}\s+{_DAY.format('d2')}(?!\d)(?:,?\s+{_YEAR.format('y2')})?)",
    rf"(?P<my>{_MONTH.format('m3')}\s+(?:of\s+)?{_YEAR.format('y3')})",
    rf"(?P<half>(?P<which>first|second)\s+half\s+of\s+{_YEAR.format('y4')})",
    r"(?P<rel>\b(?:yesterday|today|tomorrow|earlier today|this morning|tonight|last night)\b)",
    r"(?P<same>\b(?:on\s+)?(?:the\s+same|that)\s+day\b)",
    r"(?P<period>\b(?P<which_period>last|this|earlier\s+this)\s+(?P<unit>week|month|year)\b(?!['’]))",
    rf"(?P<thatyear>\b{_MONTH.format('m7')}\s+(?:of\s+)?(?:that|the\s+same)\s+year\b)",
    rf"(?P<wday>\b(?:on\s+|last\s+|this\s+)?{_WEEKDAY}(?:{_RANGE}{_WEEKDAY.replace('?P<wd>', '?:')})?\b)",
    r"(?P<nth>\bon\s+the\s+(?P<nthd>[0-3]?\d)(?:st|nd|rd|th))",
    rf"(?P<year>\b(?:in|since|of|for|during)\s+{_YEAR.format('y5')}\b)",
    rf"(?P<month>\b(?:in|since|during|last|this|early|late|mid-?|(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+"
    rf"{_MONTH.format('m6')}(?!\s*\d))",
]), re.IGNORECASE)


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # ISO date, YYYY-MM or YYYY; None when it cannot be resolved
    relative: bool  # resolved against the report's date rather than stated


# Every date expression holds a digit, a month, a weekday or a relative word:
# the full pattern is tried only there (and up to two words before, for "on
# the 20th" or "since 2020"), which is an order of magnitude faster than
# scanning the whole text with it.
_ANCHOR_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "wed",
                 "thu", "fri", "sat", "sun", "yesterday", "today", "tomorrow", "tonight", "earlier", "this", "last", "first",
                 "second", "same", "that")
# (?<!\w)(?:\d|(?i:jan|feb|...)) written so the engine skips ahead to a digit or a word's first letter
# (a class of them, its fast scan), checks the word's start behind it and tells the word by that letter
_ANCHOR_FIRSTS = sorted({w[0] for w in _ANCHOR_WORDS})
_ANCHOR = re.compile(
    "[\\d" + "".join(c + c.upper() + CASE_BLIND_EXTRAS.get(c, "") for c in _ANCHOR_FIRSTS) + r"](?<!\w[\s\S])"
    r"(?:(?<=\d)|(?i:" + "|".join(rf"(?<={c})(?:{phrase_alternation([w[1:] for w in _ANCHOR_WORDS if w[0] == c])})"
                                  for c in _ANCHOR_FIRSTS) + "))")
# the one or two words right before an anchor, read backwards from it in the reversed text: its
# longest match there is the leftmost start of `(?:\w+\s+){1,2}$` before the anchor
_WORDS_BEFORE_REVERSED = re.compile(r"(?:\s+\w+){1,2}")
_GAP = re.compile(r"\s+")  # after the first of the two words before an anchor


def find_dates(text: str, reference: dt.date | None) -> list[DateMention]:
    out: list[DateMention] = []
    for best in _expressions(text):
        if best.lastgroup == "same":
            # "on the same day": the day last stated; not a month ("in June 2022"), nor a day
            # still to come ("the summit on 9 August"), as the news is of what has happened
            value = next((d.value for d in reversed(out) if d.value and len(d.value) == 10
                          and (reference is None or d.value <= reference.isoformat())), None)
            relative = True
        elif best.lastgroup == "thatyear":  # "in May of that year": the year last stated
            year = next((d.value[:4] for d in reversed(out) if d.value and not d.relative), None)
            value, relative = (f"{year}-{_month(best.group('m7')):02d}" if year else None), False
        else:
            value, relative = _resolve(best, reference)
        out.append(DateMention(best.start(), best.end(), best.group(), value, relative))
    return out


@lru_cache(maxsize=64)
def _expressions(text: str) -> tuple[re.Match, ...]:
    """Where the date expressions of a text are, whatever its reference date: a
    report's text is read for them by the dateline, the page's furniture and
    the dates stage, each with a reference of its own, and scanned once."""
    out: list[re.Match] = []
    done = 0
    reverse, length = text[::-1], len(text)
    for anchor in _ANCHOR.finditer(text):
        pos = anchor.start()
        if pos < done:
            continue
        before = _WORDS_BEFORE_REVERSED.match(reverse, length - pos, length - max(done, pos - 20))
        if before is None:
            starts = [pos]
        else:
            first = length - before.end()
            gap = _GAP.search(text, first, pos)
            starts = [first, gap.end() if gap else pos, pos]
        best = None
        for start in sorted(set(starts)):
            while start < pos and text[start].isspace():
                start += 1
            m = PATTERN.match(text, start)
            if m and m.end() > pos and (best is None or m.end() - m.start() > best.end() - best.start()):
                best = m
        if best is None:
            continue
        out.append(best)
        done = best.end()
    return tuple(out)


def parse_date(text: str, reference: dt.date | None = None) -> str | None:
    """The first date stated in `text`, as ISO (or YYYY-MM / YYYY)."""
    return next((d.value for d in find_dates(text, reference) if d.value), None)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower().rstrip(".")[:3]]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, reference: dt.date | None) -> str | None:
    if reference is None:
        return None
    candidate = _safe(reference.year, month, day)
    if candidate is None:
        return None
    # A report speaks of the recent past: a day months ahead is last year's.
    if candidate - reference > dt.timedelta(days=60):
        candidate = _safe(reference.year - 1, month, day)
    return candidate.isoformat() if candidate else None


def _month_before(month: int, ref: dt.date | None) -> str | None:
    """"in October": the latest October not after the report's month."""
    if ref is None:
        return None
    year = ref.year if month <= ref.month else ref.year - 1
    return f"{year:04d}-{month:02d}"


def _resolve(m: re.Match, ref: dt.date | None) -> tuple[str | None, bool]:
    kind = m.lastgroup
    g = m.group
    if kind == "iso":
        d = _safe(int(g("iy")), int(g("im")), int(g("id")))
        return (d.isoformat() if d else None), False
    if kind == "num":
        d = _safe(int(g("ny")), int(g("nm")), int(g("nd"))) or _safe(int(g("ny")), int(g("nd")), int(g("nm")))
        return (d.isoformat() if d else None), False
    if kind in ("dmy", "mdy"):
        i = "1" if kind == "dmy" else "2"
        month, day, year = _month(g("m" + i)), int(g("d" + i)), g("y" + i)
        if year:
            d = _safe(int(year), month, day)
            return (d.isoformat() if d else None), False
        return _infer_year(month, day, ref), True
    if kind == "my":
        return f"{int(g('y3')):04d}-{_month(g('m3')):02d}", False
    if kind == "month":
        return _month_before(_month(g("m6")), ref), True
    if kind == "half":
        return g("y4"), False
    if kind == "year":
        return g("y5"), False
    if ref is None:
        return None, True
    if kind == "rel":
        word = g("rel").lower()
        offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
        return (ref + dt.timedelta(days=offset)).isoformat(), True
    if kind == "wday":
        target = WEEKDAYS[g("wd").lower()]
        back = (ref.weekday() - target) % 7
        return (ref - dt.timedelta(days=back)).isoformat(), True
    if kind == "period":
        return _period(g("which_period").lower().split()[-1], g("unit").lower(), ref), True
    if kind == "nth":
        d = _safe(ref.year, ref.month, int(g("nthd")))
        if d and d > ref:  # "on the 28th" in a report of the 2nd: last month's
            prev = ref.replace(day=1) - dt.timedelta(days=1)
            d = _safe(prev.year, prev.month, int(g("nthd")))
        return (d.isoformat() if d else None), True
    return None, False


def _period(which: str, unit: str, ref: dt.date) -> str | None:
    """"last month", "earlier this year": the month or year; a week, as its month
    when the whole of it that is past falls in one month."""
    if unit == "year":
        return str(ref.year - (which == "last"))
    if unit == "month":
        day = ref.replace(day=1) - dt.timedelta(days=1) if which == "last" else ref
        return f"{day.year:04d}-{day.month:02d}"
    monday = ref - dt.timedelta(days=ref.weekday())
    first, last = (monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)) if which == "last" else (monday, ref)
    return f"{first.year:04d}-{first.month:02d}" if (first.year, first.month) == (last.year, last.month) else None
