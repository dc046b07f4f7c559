"""The pipeline, top to bottom: report text in, record out.

    dateline -> dates -> mentions -> roles -> coreference -> meetings -> adopted -> topics

Each stage is a module of its own that takes and returns typed values; this
module only runs them in order and turns their findings into the `Record`,
with the evidence (offsets and exact text) of every value.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_right

from . import gazetteer
from .adopted import AdoptedItem, find_adopted
from .coreference import People, Person, home_state, resolve_people
from .dateline import find_dateline, undated_reference
from .dates import find_dates
from .meetings import MeetingDraft, find_meetings
from .mentions import Mention, find_mentions
from .record import Record
from .roles import find_roles
from .text import Document, Span
from .topics import find_topics


def extract(text: str, published: str | None = None, source: str | None = None,
            doc_id: str | None = None) -> Record:
    """Extract every meeting a report describes.

    `published` (ISO date) and `source` are for reports whose date or
    publisher comes from outside the text (a feed's metadata); they take
    precedence over what the dateline says."""
    gz = gazetteer.load()
    doc = Document.from_text(text)
    dateline = find_dateline(text, gz, published, source)
    doc.set_furniture(dateline.meetingless)
    reference = dt.date.fromisoformat(dateline.date) if dateline.date and len(dateline.date) == 10 else \
        (undated_reference(text) if dateline.date is None else None)
    date_mentions = find_dates(text, reference)
    mentions = find_mentions(doc, gz)
    roles = find_roles(doc, mentions, gz)
    home = home_state(doc, mentions, gz, dateline.place, dateline.agency, roles, dateline.date)
    people = resolve_people(doc, mentions, roles, gz, home, dateline.date)
    # The dateline's date is when the report was filed, not when a meeting was held.
    # nor is a time-stamp's or a byline's
    body_dates = [d for d in date_mentions if d.start >= dateline.end and not _within(d.start, dateline.page_lines)]
    meetings = find_meetings(doc, mentions, roles, people, body_dates, dateline.date, dateline.place, gz)
    adopted = find_adopted(doc, gz)
    topics = find_topics(doc)

    builder = _RecordBuilder(text, gz)
    # The record is built as plain values and validated once, as a whole: one pass of pydantic's
    # validator over the tree instead of a model built (and validated) per value
    return Record.model_validate({
        "doc_id": doc_id,
        "source": dateline.source,
        "published": dateline.date,
        "dateline_place": dateline.place,
        "text": {"sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), "chars": len(text)},
        "dateline": {"place": dateline.place, "date": dateline.date, "source": dateline.source,
                     "evidence": [builder.evidence(s) for s in dateline.evidence.values()]},
        "meetings": [builder.meeting(m, items) for m, items in zip(meetings, _assign_adopted(meetings, adopted, doc, people))],
        "people": [builder.person(p) for p in people.people],
        "states": builder.states(mentions),
        "organisations": builder.organisations(mentions),
        "dates": [{"value": d.value, "evidence": [builder.evidence(Span(d.start, d.end))]} for d in date_mentions if d.value],
        "topics": [t.text for t in topics],
        "topic_evidence": [{"text": t.text, "evidence": [builder.evidence(Span(t.start, t.end))]} for t in topics],
    })


def _within(offset: int, spans: list[Span]) -> bool:
    return any(s.start <= offset < s.end for s in spans)


def _assign_adopted(meetings: list[MeetingDraft], adopted: list[AdoptedItem], doc: Document,
                    people: People) -> list[list[AdoptedItem]]:
    """Each adoption belongs to the meeting (not a reception or a call) of the
    people its sentence says adopted it ("The three ministers signed"), the
    last such stated or referred to before it ("Following the talks, ... were
    signed"); or to the first meeting for one told above them all."""
    owned: list[list[AdoptedItem]] = [[] for _ in meetings]
    if not meetings:
        return owned
    firsts = sorted((min(s.start for s in m.evidence), i) for i, m in enumerate(meetings))
    # a meeting named inside what a document is about ("the outcomes of the Xi'an summit") did not adopt it
    inside = [(a.start, a.end) for a in adopted]
    adopting = sorted((s.start, i) for i, m in enumerate(meetings) if m.kind in ("session", "summit", "talks")
                      for s in m.evidence if not any(start <= s.start < end for start, end in inside))
    for item in adopted:
        signers = _named_before(doc, people, item.evidence.start)
        at = max(item.start, item.evidence.start)  # "Following the talks, the Plan ... was signed": after "talks"
        theirs = [(start, i) for start, i in adopting if signers and signers <= set(meetings[i].participants)]
        told = theirs or adopting
        k = bisect_right([start for start, _ in told], at) - 1
        owned[told[k][1] if k >= 0 else theirs[0][1] if theirs else firsts[0][1]].append(item)
    return owned


def _named_before(doc: Document, people: People, pos: int) -> set[str]:
    """The people a sentence names, or refers to, before `pos`."""
    sentence = doc.sentence_of(pos)
    ids = {p.id for start, p in people.by_mention.items() if sentence.start <= start < pos}
    for start, persons in people.references.items():
        if sentence.start <= start < pos:
            ids |= {p.id for p in persons}
    return ids


class _RecordBuilder:
    """The values of the record, as the plain dicts and lists `Record` validates."""

    def __init__(self, text: str, gz: gazetteer.Gazetteer):
        self.text, self.gz = text, gz

    def evidence(self, span: Span) -> dict:
        return {"start": span.start, "end": span.end, "text": self.text[span.start:span.end]}

    def org(self, key: str | None, span: Span | None) -> dict | None:
        if not key:
            return None
        info = self.gz.orgs.get(key)
        return {"name": key, "full_name": info.name if info else None, "evidence": [self.evidence(span)] if span else []}

    def meeting(self, m: MeetingDraft, adopted: list[AdoptedItem]) -> dict:
        body = None
        if m.body is not None:
            printed = self.text[m.body_span.start:m.body_span.end] if m.body_span else None
            aliases = list(m.body.aliases) + ([printed] if printed and printed != m.body.name else [])
            body = {"name": m.body.name, "aliases": aliases, "evidence": [self.evidence(m.body_span)] if m.body_span else []}
        return {
            "kind": m.kind,
            "org": self.org(m.org, m.org_span),
            "body": body,
            "date": m.date,
            "date_evidence": [self.evidence(m.date_span)] if m.date_span else [],
            "location": {"name": m.location, "country": m.location_country,
                         "evidence": [self.evidence(m.location_span)] if m.location_span else []}
            if m.location else None,
            "chair": m.chair.name if m.chair else None,
            "chair_person": m.chair.id if m.chair else None,
            "formats": sorted(m.formats),
            "participants": [self.participant(p, span) for p, span in m.participants.values()],
            "adopted": [{"kind": a.kind, "subject": a.subject, "evidence": [self.evidence(Span(a.start, a.end))]}
                        for a in adopted],
            "evidence": [self.evidence(s) for s in m.evidence],
        }

    def participant(self, p: Person, span: Span) -> dict:
        return {"person": p.id, "name": p.name, "role": p.role, "country": p.country,
                "org": None if p.country else p.org, "evidence": [self.evidence(span)]}

    def person(self, p: Person) -> dict:
        return {
            "id": p.id, "name": p.name, "names": p.names,
            "roles": [{"role": c.role, "title": c.title, "country": c.country, "org": c.org,
                       "evidence": [self.evidence(Span(c.start, c.end))]} for c in p.claims if c.role != "counterpart"],
            "mentions": [self.evidence(s) for s in p.mentions],
        }

    def states(self, mentions: list[Mention]) -> list[dict]:
        found: dict[str, dict] = {}
        for m in mentions:
            if m.kind in ("state", "demonym"):
                state = found.get(m.key)
                if state is None:
                    state = found[m.key] = {"code": m.key, "name": self.gz.state_name(m.key), "evidence": []}
                state["evidence"].append(self.evidence(Span(m.start, m.end)))
        return list(found.values())

    def organisations(self, mentions: list[Mention]) -> list[dict]:
        found: dict[str, dict] = {}
        for m in mentions:
            if m.kind == "org":
                org = found.get(m.key)
                if org is None:
                    org = found[m.key] = self.org(m.key, None)
                org["evidence"].append(self.evidence(Span(m.start, m.end)))
        return list(found.values())
