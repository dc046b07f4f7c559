"""Stage 6, meetings: the sessions, summits, talks, receptions and calls the
report says took place, with organisation, body, date, place, chair or host,
formats and participants.

The report is read sentence by sentence. A trigger ("held talks", "a meeting
of the Council of Foreign Ministers", "courtesy call", "telephone
conversation") either states a new meeting or refers back to one already
stated ("the meeting", "during the talks"); announced meetings ("is
scheduled", "will be held") and meetings named only as a modifier ("the
decisions of the session") state nothing. Each sentence then adds what it
says to the meeting it is about: a date, a place, a chair, a format, the
people it says attended (or sent only a message).
"""
from __future__ import annotations

import re
from collections import Counter

from ..coreference import People, Person
from ..dates import DateMention
from ..gazetteer import Gazetteer
from ..mentions import Mention
from ..roles import Roles
from ..text import Document
from .attendance import Attendance
from .facts import SentenceFacts
from .lexicon import (
    COORDINATED,
    HELD_REMOTELY,
    ONE_MEETING_GAP,
    REMOTE,
    SIDELINES,
    SPACES,
    MeetingDraft,
    Trigger,
    headline_end,
    is_visit,
    lexicon,
)
from .linking import MentionLinking
from .settle import Settling
from .status import MentionStatus
from .triggers import TriggerFinder


def _spaced(lower: str) -> str:
    """`lower.translate(SPACES)`, one str.replace a character: str.translate looks every
    character up in the table, which took a fortieth of a report's time."""
    for char, space in SPACES.items():
        lower = lower.replace(chr(char), space if isinstance(space, str) else chr(space))
    return lower


class MeetingReader(TriggerFinder, MentionStatus, MentionLinking, Attendance, SentenceFacts, Settling):
    """Reads a report sentence by sentence; each step lives in the module of its mixin."""

    def __init__(self, doc: Document, mentions: list[Mention], roles: Roles, people: People,
                 date_mentions: list[DateMention], published: str | None, gz: Gazetteer):
        self.doc, self.text, self.gz = doc, doc.text, gz
        self.spaced = _spaced(doc.lower)  # a line break or tab between two words is a space
        self.published = published
        self.lex = lexicon(gz)
        self.mentions = mentions
        self.position = {id(m): i for i, m in enumerate(mentions)}
        self.org_counts = Counter(m.key if m.kind == "org" else m.inner_org for m in mentions
                                  if m.kind == "org" or m.inner_org)
        self.in_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            self.in_sentence.setdefault(doc.sentence_index(m.start), []).append(m)
        self.named_in_sentence: dict[int, list[tuple[int, Person]]] = {}
        for start, person in people.by_mention.items():
            self.named_in_sentence.setdefault(doc.sentence_index(start), []).append((start, person))
        self._triggers: dict[int, list[Trigger]] = {}
        self._clause_ends: dict[int, list[tuple[int, int]]] = {}
        self._partner_states: dict[int, list[str]] = {}
        self.people = people
        self.dates = date_mentions
        self.meetings: list[MeetingDraft] = []
        self.current: MeetingDraft | None = None
        self.title_spans = [(c.start, c.end) for p in roles.people for c in p.claims] + \
                           [(r.start, r.end) for r in roles.references]
        self.reference_end = {r.start: r.end for r in roles.references}
        self.in_title = bytearray(len(doc.text) + 1)  # 1 where a title phrase stands
        for s, e in self.title_spans:
            self.in_title[s:e] = b"\x01" * (e - s)
        self.references_in: dict[int, list[tuple[int, list[Person]]]] = {}
        for start, persons in people.references.items():
            self.references_in.setdefault(doc.sentence_index(start), []).append((start, persons))
        self.plural_refs = [r for r in roles.references if r.plural]
        self.plural_starts = {r.start for r in self.plural_refs}
        self.headline_end = headline_end(doc.text)
        self.cues = self.lex.cues_in(doc.folded)  # the cues searched in its sentences: those whose words it holds
        self.last_person: Person | None = None

    def read(self) -> None:
        for sentence in self.doc.sentences:
            if self.doc.in_furniture(sentence.start, sentence.end):
                continue  # page furniture (a standfirst, a stamp, a byline) retells the body's meetings; its people are still read
            sp = self.sentence_people(sentence)
            text = self.text[sentence.start:sentence.end]
            touched: list[tuple[MeetingDraft, Trigger, bool]] = []
            remote = False
            to_come: Trigger | None = None  # the last meeting word of the sentence told as to come
            for t in self.triggers(sentence):
                if self.is_future(t) or (to_come is not None and COORDINATED.fullmatch(self.text, to_come.end, t.start)):
                    to_come = t  # "He will hold talks with X, meet with Y and visit Z": each to come
                    continue
                if (self.is_modifier(t) and not self._with_people(t, sp)) or self.is_urging(t) or self.is_receipt(t) \
                        or self.is_visit_frame(t):
                    continue
                if t.kind == "call" and REMOTE.search(self.text, max(0, t.start - 12), t.start):
                    remote = True  # "joined via videoconference": how, not a meeting of its own
                    continue
                fmt = self.format_word_before(t)
                if fmt and self.current and not t.body:
                    self.current.formats.add(fmt)
                    touched.append((self.current, t, False))
                    continue
                meeting, new = self.place_trigger(t, sp)
                same = next((m for m, prev, was_new in touched if was_new and new and not (t.body or t.org or t.named)
                             and not (prev.body or prev.org) and
                             (t.start - prev.end < ONE_MEETING_GAP or is_visit(t) or is_visit(prev)) and
                             ({m.kind, t.kind} <= {"talks", "reception"} or (m.kind == "reception" and t.kind == "call"))), None)
                if same is not None and new and t.phrase.endswith("meetings") and is_visit(same.trigger):
                    # "The visit ... wrapped up after he held bilateral meetings with A, B and C": the visit frames
                    # the meetings it tells, one with each
                    self.meetings.remove(same)
                    touched = [x for x in touched if x[0] is not same]
                    same = None
                if same is not None:
                    # "received a courtesy call from", "received a phone call from": one meeting in two words
                    self.meetings.remove(meeting)
                    if t.kind in ("reception", "call"):
                        same.kind = t.kind
                    meeting, new = same, False
                if meeting is not None:
                    if meeting.kind == "talks" and HELD_REMOTELY.match(self.text, t.end):
                        meeting.kind, meeting.online = "call", True  # "the leaders met online for 80 minutes"
                    touched.append((meeting, t, new))
                    self.current = meeting
            if remote:
                for meeting, _, new in touched:
                    if new and meeting.kind == "talks":
                        meeting.kind = "call"
            if not touched and self.current is not None:
                touched = [(self._hosted_by_subject(sentence, sp) or self.current, None, False)]
            self.apply_sentence(sentence, sp, touched)
            self._seat_at_gathering(touched)
            if re.match(r"\s*(?:He|She)\b", text) is None:  # "He said ... X": he is still the one told of
                if sp.items:
                    self.last_person = sp.items[-1][1]
                named_first = [x for x in sp.items if x[2].start == x[0]]
                self.last_person = next((p for _, p, _ in named_first), self.last_person)

    def _seat_at_gathering(self, touched: list[tuple[MeetingDraft, Trigger | None, bool]]) -> None:
        """"Safadi met Hussein on the sidelines of the General Assembly", "the GUAM
        Council met on the sidelines of the General Assembly": who met there took part in it."""
        for gathering, t, _ in touched:
            if t is None or gathering.kind not in ("session", "summit") or \
                    not SIDELINES.search(self.text, max(0, t.start - 80), t.start):
                continue
            gathering.hosts_sidelines = True
            for meeting, _, _ in touched:
                if meeting is not gathering and meeting.kind != "call":
                    meeting.setting = gathering  # its people are seated there once the report is read
