"""A meeting as PLOVER event records, with their CAMEO codes: the one mapping
behind `communique export --format plover`, the batch table `events` and
`GET /api/events`.

A meeting is one CONSULT record whose actors are lists (the manual's compound
actors), never one record per pair of states; each document it adopted is one
SUPPORT record linked to it. The codes and the choices behind them are in
`data/events.toml` and `docs/event-data.md`.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

import pycountry
from pydantic import BaseModel, ConfigDict, Field

from ..gazetteer import load_toml
from ..record import Adopted, Evidence, Meeting, Participant

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR = re.compile(r"^\d{4}$")


class PloverModel(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


class Actor(PloverModel):
    """One member of a compound source or recipient."""

    code: str = Field(description="ISO 3166-1 alpha-3 of the actor's state, or IGO for an organisation's official")
    sector: str | None = Field(None, description="PLOVER primary sector (GOV, MIL); none for IGO officials")
    actor_text: str | None = Field(None, description="the actor as the report writes it")
    office: str | None = Field(None, description="communique's role code: foreign_minister, head_of_state...")
    identifier_text: str | None = Field(None, description="the person's fullest name in the report or knowledge base")
    org: str | None = Field(None, description="extension: the organisation's acronym when code is IGO")


class Location(PloverModel):
    name: str
    country_code: str | None = Field(None, alias="country code", description="ISO 3166-1 alpha-2")
    cc3: str | None = Field(None, description="ISO 3166-1 alpha-3")


class TextInfo(PloverModel):
    start: int = Field(description="offset of the first character of the words that state the event")
    end: int = Field(description="offset just past them")
    spans: list[dict[str, int]] = Field(default_factory=list, description="extension: every span that states it")


class CiteInfo(PloverModel):
    publication: str | None = None
    url: str | None = None
    citation: str | None = Field(None, description="the report's name: the text the offsets point into")
    coder: str
    codebook: str


class Document(PloverModel):
    kind: str
    subject: str


class Event(PloverModel):
    """One PLOVER record (the manual's JSON field names), plus `cameo` and `document`."""

    id: str
    date: str = Field(description="YYYY-MM-DD; the first day when the report gives only a month or a year")
    enddate: str | None = Field(None, description="the last day, when the report gives only a month or a year")
    source: list[Actor]
    recipient: list[Actor] = Field(default_factory=list)
    event: list[str]
    mode: str | None = None
    event_loc: Location | None = None
    event_text: list[str]
    text_info: TextInfo | None = None
    cite_info: CiteInfo
    quad_code: int
    cameo: str = Field(description="extension: the CAMEO event code")
    link: str | None = Field(None, description="the id of the meeting's CONSULT record, on its documents' records")
    document: Document | None = Field(None, description="extension: the document a SUPPORT record is about")
    comment: str | None = None

    def as_json(self) -> dict:
        return self.model_dump(by_alias=True, mode="json")


@dataclass(frozen=True, slots=True)
class Citation:
    """The report a record's offsets point into."""

    name: str | None
    publication: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Codes:
    coder: str
    codebook: str
    meeting_kinds: dict[str, dict[str, str]]
    consult_modes: dict[str, str]
    negotiation_words: frozenset[str]
    adopted_kinds: dict[str, str]
    quad_codes: dict[str, int]
    sectors: dict[str, str]


@cache
def codes() -> Codes:
    data: dict = {}
    for table in load_toml("events.toml"):  # a COMMUNIQUE_DATA folder's file adds to and overrides the package's
        for key, value in table.items():
            data[key] = {**data[key], **value} if isinstance(value, dict) and key in data else value
    return Codes(coder=data["coder"], codebook=data["codebook"], meeting_kinds=data["meeting_kinds"],
                 consult_modes=data["consult_modes"],
                 negotiation_words=frozenset(w.lower() for w in data["negotiation_words"]),
                 adopted_kinds=data["adopted_kinds"], quad_codes=data["quad_codes"], sectors=data["sectors"])


def meeting_events(meeting: Meeting, event_id: str, citation: Citation,
                   adopted_citations: list[Citation] | None = None, comment: str | None = None) -> list[Event]:
    """The CONSULT record of a meeting and a SUPPORT record per adopted
    document (cited from `adopted_citations[i]` when its evidence is in another
    report). None when the meeting has no full, month or year date, or no
    actor with a state or an organisation: PLOVER requires both."""
    dates = date_range(meeting.date)
    actors = meeting_actors(meeting)
    if dates is None or not actors:
        return []
    table = codes()
    kind = table.meeting_kinds.get(meeting.kind, {"cameo": "040"})  # a kind added to the record later: plain CONSULT
    source, recipient, mode = sides(meeting, actors)
    mode = kind.get("mode", mode)
    cameo = table.consult_modes.get(mode or "", kind["cameo"])
    if meeting.kind == "talks" and _said_negotiations(meeting.evidence):
        cameo = "046"
    location = event_location(meeting)
    consult = Event(id=event_id, date=dates[0], enddate=dates[1], source=source, recipient=recipient,
                    event=["CONSULT"], mode=mode, event_loc=location, event_text=_texts(meeting.evidence),
                    text_info=_text_info(meeting.evidence), cite_info=_cite(citation), quad_code=table.quad_codes["CONSULT"],
                    cameo=cameo, comment=comment)
    events = [consult]
    for n, adopted in enumerate(meeting.adopted, start=1):
        cited = adopted_citations[n - 1] if adopted_citations else citation
        events.append(document_event(adopted, f"{event_id}-a{n}", consult, cited))
    return events


def document_event(adopted: Adopted, event_id: str, consult: Event, citation: Citation) -> Event:
    """A document the meeting adopted or signed: SUPPORT by every side of the meeting."""
    table = codes()
    return Event(id=event_id, date=consult.date, enddate=consult.enddate, source=consult.source + consult.recipient,
                 event=["SUPPORT"], event_loc=consult.event_loc, event_text=_texts(adopted.evidence) or [adopted.subject],
                 text_info=_text_info(adopted.evidence), cite_info=_cite(citation), quad_code=table.quad_codes["SUPPORT"],
                 cameo=table.adopted_kinds.get(adopted.kind, table.adopted_kinds["other"]), link=consult.id,
                 document=Document(kind=adopted.kind, subject=adopted.subject))


def sides(meeting: Meeting, actors: list[tuple[Participant | None, Actor]]) -> tuple[list[Actor], list[Actor], str | None]:
    """Source, recipient and mode of talks and receptions: where one side is at
    home, the visitors are the source and the hosts the recipient ("visit");
    where no actor is of the place's state, all are the source ("third-party");
    one state's people at a place abroad whose hosts are not named visit the
    place's state; otherwise all are the source, without mode, as the manual
    says for a meeting without host and visitor."""
    everyone = [a for _, a in actors]
    if meeting.kind not in ("talks", "reception"):
        return everyone, [], None
    host_state = meeting.location.country if meeting.location else None
    chair = next((p for p, _ in actors if p is not None and p.person == meeting.chair_person), None)
    if meeting.kind == "reception" and chair is not None:
        host_state = chair.country
    hosts = [a for p, a in actors
             if (meeting.kind == "reception" and p is chair and p is not None) or (host_state and a.code == host_state)]
    visitors = [a for a in everyone if all(a is not h for h in hosts)]
    if hosts and visitors:
        return visitors, hosts, "visit"
    place = meeting.location
    states = {a.code for a in everyone if a.code != "IGO"}
    if not hosts and place and place.country and len(states) == 1:
        # one state's people abroad, their hosts unnamed: a visit to the place's state (CAMEO codes "X visited Y" so)
        written = place.evidence[0].text if place.evidence else place.name
        return everyone, [Actor(code=place.country, actor_text=written)], "visit"
    if meeting.kind == "talks" and place and place.country and len(states) > 1 and not hosts:
        return everyone, [], "third-party"
    return everyone, [], None


def meeting_actors(meeting: Meeting) -> list[tuple[Participant | None, Actor]]:
    """One actor per participant with a state or an organisation; the
    organisation itself when no participant is named."""
    sectors = codes().sectors
    actors: list[tuple[Participant | None, Actor]] = []
    seen: set[str] = set()
    for p in meeting.participants:
        if p.person in seen or not (p.country or p.org):
            continue
        seen.add(p.person)
        written = p.evidence[0].text if p.evidence else p.name
        if p.country:
            actor = Actor(code=p.country, sector=sectors.get(p.role or "other"), actor_text=written,
                          office=p.role, identifier_text=p.name)
        else:
            actor = Actor(code="IGO", actor_text=written, office=p.role, identifier_text=p.name, org=p.org)
        actors.append((p, actor))
    if not actors and meeting.org:
        written = meeting.org.evidence[0].text if meeting.org.evidence else meeting.org.name
        actors.append((None, Actor(code="IGO", actor_text=written, identifier_text=meeting.org.full_name or meeting.org.name,
                                   org=meeting.org.name)))
    return actors


def date_range(value: str | None) -> tuple[str, str | None] | None:
    """A full date as itself; a month or a year as its first and last day."""
    if not value:
        return None
    if FULL_DATE.match(value):
        return value, None
    if m := MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    if YEAR.match(value):
        return f"{value}-01-01", f"{value}-12-31"
    return None


def event_location(meeting: Meeting) -> Location | None:
    place = meeting.location
    if place is None:
        return None
    country = pycountry.countries.get(alpha_3=place.country) if place.country else None
    return Location(name=place.name, country_code=country.alpha_2 if country else None, cc3=place.country)


def _said_negotiations(evidence: list[Evidence]) -> bool:
    words = codes().negotiation_words
    return any(word in words for e in evidence for word in re.findall(r"\w+", e.text.lower()))


def _texts(evidence: list[Evidence]) -> list[str]:
    return list(dict.fromkeys(e.text for e in evidence))


def _text_info(evidence: list[Evidence]) -> TextInfo | None:
    if not evidence:
        return None
    first = min(evidence, key=lambda e: e.start)
    return TextInfo(start=first.start, end=first.end, spans=[{"start": e.start, "end": e.end} for e in evidence])


def _cite(citation: Citation) -> CiteInfo:
    table = codes()
    return CiteInfo(publication=citation.publication, url=citation.url, citation=citation.name,
                    coder=table.coder, codebook=table.codebook)
