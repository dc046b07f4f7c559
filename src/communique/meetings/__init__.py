"""Stage 6, meetings: the sessions, summits, talks, receptions and calls the
report says took place, with organisation, body, date, place, chair or host,
formats and participants.

The steps, in order:

1. `reader`: the report is read sentence by sentence; each meeting word either
   states a new meeting, refers back to one already stated, or states none
   (announced, only a modifier or title); each sentence adds what it says to
   the meeting it is about (date, place, chair, formats, who attended).
2. `reader.settle`: what the whole report implies (a session's office holders,
   the host of talks, dates and places carried over, restatements merged).
3. `partners`: partners told together are one meeting each.
4. Meetings with nobody and no body are dropped.
"""
from __future__ import annotations

from ..coreference import People
from ..dates import DateMention
from ..gazetteer import Gazetteer
from ..mentions import Mention
from ..roles import Roles
from ..text import Document
from .lexicon import MeetingDraft, Trigger
from .partners import split_partner_lists
from .reader import MeetingReader

__all__ = ["MeetingDraft", "Trigger", "find_meetings"]


def find_meetings(doc: Document, mentions: list[Mention], roles: Roles, people: People,
                  date_mentions: list[DateMention], published: str | None, dateline_place: str | None,
                  gz: Gazetteer) -> list[MeetingDraft]:
    reader = MeetingReader(doc, mentions, roles, people, date_mentions, published, gz)
    reader.read()
    reader.settle(published, dateline_place)
    meetings = split_partner_lists(reader)
    # a meeting with nobody and no body is no record, but for a named summit ("the Cairo Summit for Peace")
    return [m for m in meetings if m.participants or m.org or m.body or m.chair
            or (m.kind == "summit" and m.trigger.named)]
