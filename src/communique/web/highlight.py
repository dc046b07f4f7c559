"""A report's text with every extracted value marked at its evidence.

Markup is built from escaped pieces only: the text between offsets and each
title go through `markupsafe.escape`; classes come from `KINDS`."""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any, Iterable

from markupsafe import Markup, escape

KINDS = ("meeting", "org", "body", "date", "place", "participant", "chair", "adopted",
         "person", "role", "dateline", "state", "topic")
LEGEND = {"meeting": "words that state the meeting", "org": "organisation", "body": "body",
          "date": "date", "place": "place", "participant": "participant", "chair": "chair or host",
          "adopted": "adopted document", "person": "person", "role": "title", "dateline": "dateline",
          "state": "state", "topic": "topic"}


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    kind: str
    title: str
    said: str | None = None  # the evidence's text, checked against the report's


def _spans(evidence: Iterable[dict] | None, kind: str, title: str) -> list[Span]:
    return [Span(int(e["start"]), int(e["end"]), kind, title, e.get("text")) for e in evidence or []
            if isinstance(e, dict) and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)]


def _acting(p: dict) -> str:
    role = (p.get("role") or "").replace("_", " ")
    where = p.get("country") or p.get("org")
    return f"{role} of {where}" if role and where else role or (where or "")


def meeting_spans(m: dict) -> list[Span]:
    """Spans of one extracted meeting (a `record.Meeting` as JSON)."""
    org = (m.get("org") or {}).get("name")
    body = (m.get("body") or {}).get("name")
    what = " ".join(x for x in (m.get("kind"), org, body) if x)
    out = _spans(m.get("evidence"), "meeting", f"meeting: {what}")
    if m.get("org"):
        full = m["org"].get("full_name")
        out += _spans(m["org"].get("evidence"), "org", f"organisation: {org}" + (f" ({full})" if full else ""))
    if m.get("body"):
        out += _spans(m["body"].get("evidence"), "body", f"body: {body}")
    out += _spans(m.get("date_evidence"), "date", f"date of the meeting: {m.get('date')}")
    if m.get("location"):
        loc = m["location"]
        out += _spans(loc.get("evidence"), "place",
                      f"place: {loc.get('name')}" + (f" ({loc['country']})" if loc.get("country") else ""))
    for p in m.get("participants") or []:
        acting = _acting(p)
        chair = p.get("person") is not None and p.get("person") == m.get("chair_person")
        out += _spans(p.get("evidence"), "chair" if chair else "participant",
                      ("chair or host" if chair else "participant") + f": {p.get('name')}" +
                      (f", {acting}" if acting else ""))
    for a in m.get("adopted") or []:
        out += _spans(a.get("evidence"), "adopted", f"adopted {a.get('kind')}: {a.get('subject')}")
    return out


def record_spans(record: dict[str, Any], meetings: bool = True) -> list[Span]:
    """Spans of a whole record: dateline, people, titles, states, organisations,
    dates, topics and (unless `meetings` is false) every meeting."""
    d = record.get("dateline") or {}
    parts = ", ".join(str(d[k]) for k in ("place", "date", "source") if d.get(k))
    out = _spans(d.get("evidence"), "dateline", f"dateline: {parts}")
    for p in record.get("people") or []:
        out += _spans(p.get("mentions"), "person", f"person: {p.get('name')}")
        for r in p.get("roles") or []:
            out += _spans(r.get("evidence"), "role", f"title: {r.get('title')}, {_acting(r)}")
    for s in record.get("states") or []:
        out += _spans(s.get("evidence"), "state", f"state: {s.get('name')} ({s.get('code')})")
    for o in record.get("organisations") or []:
        full = o.get("full_name")
        out += _spans(o.get("evidence"), "org", f"organisation: {o.get('name')}" + (f" ({full})" if full else ""))
    for v in record.get("dates") or []:
        out += _spans(v.get("evidence"), "date", f"date: {v.get('value')}")
    for t in record.get("topic_evidence") or []:
        out += _spans(t.get("evidence"), "topic", f"topic: {t.get('text')}")
    if meetings:
        for m in record.get("meetings") or []:
            out += meeting_spans(m)
    return out


def _merge(text: str, spans: Iterable[Span]) -> list[Span]:
    """Valid spans only, one per range: the kinds and titles of a range joined."""
    ranges: dict[tuple[int, int], list[tuple[int, str, str]]] = {}
    for s in spans:
        if not (0 <= s.start < s.end <= len(text)) or s.kind not in KINDS:
            continue
        if s.said is not None and text[s.start:s.end] != s.said:
            continue
        ranges.setdefault((s.start, s.end), []).append((KINDS.index(s.kind), s.kind, s.title))
    out = []
    for (a, b), found in ranges.items():
        found.sort()
        kinds = " ".join(dict.fromkeys(k for _, k, _ in found))
        out.append(Span(a, b, kinds, "\n".join(dict.fromkeys(t for _, _, t in found))))
    return out


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """`text` escaped, each span wrapped in <mark class="KIND" title="WHAT">,
    nested where spans nest; a span crossing the end of another is split."""
    queue = [(s.start, -s.end, i, s) for i, s in enumerate(_merge(text, spans))]
    heapq.heapify(queue)
    out: list[str] = []
    stack: list[Span] = []
    pos = 0
    counter = len(queue)

    def close() -> None:
        nonlocal pos
        top = stack.pop()
        out.append(str(escape(text[pos:top.end])) + "</mark>")
        pos = top.end

    while queue:
        _, _, _, s = heapq.heappop(queue)
        while stack and stack[-1].end <= s.start:
            close()
        if stack and s.end > stack[-1].end:  # crosses the enclosing span's end: the rest comes later
            counter += 1
            rest = Span(stack[-1].end, s.end, s.kind, s.title)
            heapq.heappush(queue, (rest.start, -rest.end, counter, rest))
            s = Span(s.start, stack[-1].end, s.kind, s.title)
        out.append(str(escape(text[pos:s.start])))
        out.append(f'<mark class="{s.kind}" title="{escape(s.title)}">')
        pos = s.start
        stack.append(s)
    while stack:
        close()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
