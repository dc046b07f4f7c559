"""The JSON the API answers with (its OpenAPI schema at /docs)."""
from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field, model_validator

from ..inputs import MAX_REPORT_BYTES

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    total: int = Field(description="how many there are in all")
    page: int
    per_page: int
    pages: int
    items: list[T]


class PersonRef(BaseModel):
    id: int
    name: str


class MeetingParticipant(BaseModel):
    id: int = Field(description="the person's id")
    name: str
    role: str | None = None
    country: str | None = None
    org: str | None = None


class AdoptedOut(BaseModel):
    kind: str
    subject: str


class SourceRef(BaseModel):
    id: int = Field(description="the report's id")
    name: str
    source: str | None = None
    published: str | None = None


class MeetingOut(BaseModel):
    id: int
    date: str | None
    kind: str
    org: str | None
    body: str | None
    location: str | None
    chair: PersonRef | None
    participants: list[MeetingParticipant]
    adopted: list[AdoptedOut]
    sources: list[SourceRef]
    reasons: dict[str, str] = Field(description="why a value was shown where sources disagree")


class MeetingSourceOut(SourceRef):
    values: dict[str, Any] = Field(description="the meeting as this report tells it, evidence included")
    text: str = Field(description="the report's text; evidence offsets index it")


class MeetingDetail(MeetingOut):
    sources: list[MeetingSourceOut]  # type: ignore[assignment]


class PersonItem(BaseModel):
    id: int
    name: str
    meetings: int


class RoleOut(BaseModel):
    role: str
    country: str | None
    org: str | None
    first_seen: str | None
    last_seen: str | None
    sources: int = Field(description="how many reports state it")


class MetOut(BaseModel):
    id: int
    name: str
    meetings: int


class PairOut(BaseModel):
    a: int
    b: int
    meetings: int


class PersonDetail(BaseModel):
    id: int
    name: str
    names: list[str]
    roles: list[RoleOut]
    meetings: list[MeetingOut]
    met: list[MetOut] = Field(description="who they met most")
    met_pairs: list[PairOut] = Field(description="how often those people met each other at the same meetings")


class OrgItem(BaseModel):
    name: str
    full_name: str | None
    meetings: int
    bodies: int
    first: str | None
    last: str | None


class BodyOut(BaseModel):
    name: str | None
    meetings: int
    first: str | None
    last: str | None


class StateOut(BaseModel):
    code: str
    name: str


class OrgDetail(BaseModel):
    name: str
    full_name: str | None
    members: list[StateOut]
    bodies: list[BodyOut]
    sessions: Page[MeetingOut]


class ReportItem(BaseModel):
    id: int
    name: str
    source: str | None
    published: str | None
    dateline_place: str | None
    meetings: int


class ReportMeeting(BaseModel):
    id: int
    date: str | None
    kind: str
    org: str | None
    body: str | None
    location: str | None


class ReportDetail(BaseModel):
    id: int
    name: str
    source: str | None
    published: str | None
    dateline_place: str | None
    text: str
    record: dict[str, Any] = Field(description="the record extracted from the text (see `communique schema`)")
    meetings: list[ReportMeeting] = Field(description="the stored meetings this report tells of")


class BodyHit(BaseModel):
    org: str | None
    name: str
    meetings: int


class SearchOut(BaseModel):
    q: str
    people: list[PersonItem]
    organisations: list[OrgItem]
    bodies: list[BodyHit]


class ExtractIn(BaseModel):
    text: str | None = Field(None, description=f"the report, at most {MAX_REPORT_BYTES:,} bytes of UTF-8 "
                                               "(read as a page when it starts with markup)")
    html: str | None = Field(None, description="or the page that holds the report, read as a saved page is")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$",
                                   description="the report's date (ISO), when the text does not state it")
    source: str | None = Field(None, max_length=200, description="the publisher, when the text does not name it")
    name: str | None = Field(None, max_length=300, description="a name for the report (the record's doc_id)")
    with_text: bool | None = Field(None, description="put the text the evidence offsets index in the record "
                                                     "(by default when `html` is sent)")

    @model_validator(mode="after")
    def _one_report(self) -> "ExtractIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("send the report as `text` or as `html`, one of them")
        return self
