"""The record: what communique extracts from one report.

These pydantic models are the single source of the JSON Schema printed by
`communique schema`. Every extracted value carries `evidence`: the character
offsets into the input text and the exact text found there.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

MeetingKind = Literal["session", "summit", "talks", "reception", "call"]
Role = Literal[
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "deputy_foreign_minister",
    "defence_minister",
    "minister",
    "secretary_general",
    "ambassador",
    "other",
]
AdoptedKind = Literal[
    "statement", "declaration", "decision", "plan", "programme", "agreement",
    "protocol", "memorandum", "resolution", "communique", "agenda", "other",
]
MeetingFormat = Literal["narrow", "expanded"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(Model):
    """Where a value is stated: `text == input[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Dateline(Model):
    place: str | None = None
    date: str | None = Field(None, description="ISO date of the report")
    source: str | None = Field(None, description="news agency or publisher")
    evidence: list[Evidence] = Field(default_factory=list)


class State(Model):
    """A state by its ISO 3166-1 alpha-3 code."""

    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    evidence: list[Evidence] = Field(default_factory=list)


class Organisation(Model):
    name: str = Field(description="the organisation's acronym, or its name when it has none")
    full_name: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Body(Model):
    name: str
    aliases: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Place(Model):
    name: str
    country: str | None = Field(None, description="ISO 3166-1 alpha-3 code of the place's state")
    evidence: list[Evidence] = Field(default_factory=list)


class DateValue(Model):
    value: str = Field(description="ISO date, or YYYY-MM / YYYY when the text gives no more")
    evidence: list[Evidence] = Field(default_factory=list)


class PersonRole(Model):
    role: Role
    title: str = Field(description="the title as the text states it")
    country: str | None = None
    org: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Person(Model):
    """One real person of the report, with every name form the text uses."""

    id: str
    name: str = Field(description="the fullest name the report gives")
    names: list[str]
    roles: list[PersonRole] = Field(default_factory=list)
    mentions: list[Evidence] = Field(default_factory=list)


class Participant(Model):
    person: str = Field(description="id of the person in `people`")
    name: str
    role: Role | None = None
    country: str | None = None
    org: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Adopted(Model):
    kind: AdoptedKind
    subject: str
    evidence: list[Evidence] = Field(default_factory=list)


class Meeting(Model):
    kind: MeetingKind
    org: Organisation | None = None
    body: Body | None = None
    date: str | None = None
    date_evidence: list[Evidence] = Field(default_factory=list)
    location: Place | None = None
    chair: str | None = Field(None, description="name of the chair or host")
    chair_person: str | None = Field(None, description="id of the chair or host in `people`")
    formats: list[MeetingFormat] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    adopted: list[Adopted] = Field(default_factory=list)
    evidence: list[Evidence] = Field([], description="the words that state the meeting")


class Topic(Model):
    text: str
    evidence: list[Evidence] = Field(default_factory=list)


class ReportText(Model):
    """The text every evidence offset indexes: the report as read, which for a
    page is its text (headline, date line, byline, article), not its markup."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the text as UTF-8")
    chars: int = Field(ge=0, description="its length in characters, as offsets count")
    content: str | None = Field(None, description="the text itself, when asked for (`extract --with-text`)")


class Record(Model):
    """Everything communique extracted from one report."""

    doc_id: str | None = None
    source: str | None = None
    published: str | None = None
    dateline_place: str | None = None
    url: str | None = Field(None, description="the page the report was read from, when known")
    text: ReportText | None = Field(None, description="the text the evidence offsets index")
    dateline: Dateline
    meetings: list[Meeting] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    states: list[State] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    dates: list[DateValue] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    topic_evidence: list[Topic] = Field(default_factory=list)
