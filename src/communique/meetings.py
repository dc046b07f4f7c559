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

import datetime as dt
import re
from bisect import bisect_left
from itertools import islice
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from .coreference import People, Person
from .dates import DateMention
from .gazetteer import BodyInfo, Gazetteer
from .mentions import Mention
from .roles import Roles
from .text import Document, Span

LEVEL_ROLES = {
    "head_of_state": {"head_of_state", "head_of_government"},
    "head_of_government": {"head_of_government", "head_of_state"},
    "foreign_minister": {"foreign_minister", "deputy_foreign_minister"},
    "defence_minister": {"defence_minister"},
    "minister": {"minister", "foreign_minister", "defence_minister"},
    "ambassador": {"ambassador"},
}
ORG_ROLES = {"secretary_general", "other"}
_KIND_FOR_WORD = {"conversation": "call", "call": "call", "reception": "reception"}
_VENUE = re.compile(r"\b(?:at|in)\s+the\s+((?:[A-Z][\w'’-]+\s+){1,4}(?:Palace|Centre|Center|Hall|House|Residence|Hotel|Kremlin))\b")
# "The GCC Ministerial Council held its 155th session"
_HELD_ITS = re.compile(r"(?:\s*\([A-Z]+\))?\s+(?:[a-z]+\s+){0,2}?(?:held|holds|convened|convenes|opened|opens|concluded|began|started)"
                       r"\s+(?:its|a|an|the)\s+(?:[\w-]+\s+){0,3}")
# "The General Assembly of the OAS on Friday approved", "attended the OSCE Ministerial Council":
# a body that acts or is attended is meeting.
_BODY_ACTS = re.compile(r"(?:\s+(?:of|of\s+the)\s+[A-Z][\w()\s-]{0,100}?)?(?:\s*\([A-Z]+\))?(?:,\s+which)?\s+(?:\w+\s+){0,3}?"
                        r"(?:adopted|approved|met|convened|opened|concluded|gathered|endorsed|agreed|considered|reviewed|"
                        r"held\s+(?:a|an|its)|began|closed)\b")
_BODY_ATTENDED = re.compile(r"\b(?:attended|attend|attending|participated\s+in|participating\s+in|took\s+part\s+in|"
                            r"addressed|chaired|opened|hosted|joined)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,4}$")
_REPRESENTED_BY = re.compile(r"\b(?:was|were)\s+represented\s+by\b")
_HELD = re.compile(r"\b(?:was|were)\s+(?:also\s+)?held\b|\btook\s+place\b")
_HELD_AFTER = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][^,.;]{0,40}?)?,?\s+(?:(?:which|that)\s+(?:was\s+)?)?"
                         r"(?:held|convened|took\s+place)\b")
# "X held a Japan-Uzbekistan Foreign Ministers' Meeting with Y": who held it, and with whom
_VISIT_TOLD = re.compile(r"\s+(?:is|was|comes|came|follows|followed|marks|marked)\b")
_SAME_DAY = re.compile(r"\b(?:same|that)\s+day\b", re.I)
_HELD_BEFORE = re.compile(r"\b(?:held|holds|hold|had|has|conducted)\s+(?:a|an|the|their|its)\s+(?:[\w'’-]+\s+){0,4}$")
_POSSESSIVE = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$")
_OBJECT_OF = re.compile(r"\b\w+\s+of\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,3}$")
_CLAUSE_END = re.compile(r"[;.]|,\s+(?:which|who|where|while|and\s+(?:the|he|she|they))\b|"
                         r"\s+and\s+(?:stated|said|noted|added|stressed|expressed|underlined|emphasi[sz]ed)\b")
# "Wang said (that) ...", "noted that ...": what follows is the speaker's report ("noted the
# productivity of the meeting" is no report: its object is the meeting)
_REPORTED = re.compile(r"\b(?:(?:said|says|told\s+\w+)(?:\s+that)?|(?:noted|stressed|added|stated|emphasi[sz]ed|"
                       r"pointed\s+out|underlined|underscored|reiterated|expressed\s+hope)\s+that)\b")
_SELF = re.compile(r"\b(?:he|she|his|her|they|their|we|our|I|my)\b", re.I)  # the speaker tells of their own meeting
# The capitalised words that qualify a body's or a summit's name: "Extraordinary Joint Arab-"
_QUALIFIER = re.compile(r"(?:(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’]*-|(?:[A-Z][\w'’-]*\s+){1,3})$")
# "the allies met Kuleba in the NATO-Ukraine Council": the body's meeting
_MET_IN = re.compile(r"\b(?:in|at)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}$")
# characters: "received ... a courtesy call from" is one meeting told in two words, and so is a visit
# and its talks; farther apart, "met X, and in the afternoon he met Y" are two
_ONE_MEETING_GAP = 60
_MAX_TRIGGERS = 30  # meeting words read in one sentence: a real one has a few, text that repeats them no more work
_SEPARATE = re.compile(r"\bseparate(?:ly)?\b", re.I)
_NEAR = 60  # characters: a group reference this close to a trigger is its subject or object
_RECEIVING = {"received", "receives", "receiving", "was", "were", "welcomed"}
_VENUE_WORD = re.compile(r"\s+(?:Palace|Centre|Center|Hall|House|Residence|Hotel|Airport|Stadium|Park|Square|Street|Tower|Building)\b")
_NAME_KINDS = {"org", "agency", "name", "title", "honorific", "place", "state", "demonym"}
_GENERIC_WORDS = {"meeting", "meetings", "meet", "meets", "met", "session", "gathering"}
_DEFINITE = {"the", "this", "that", "its", "their", "these", "his", "her", "both"}
_INDEFINITE = {"a", "an", "another", "one"}
_ADJECTIVE = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|recent|latest|official|"
                        r"informal|formal|regular|extraordinary|ordinary|special|joint|standing|annual|new|"
                        r"bilateral|trilateral|tripartite|separate|courtesy|telephone|phone|video|high-level|"
                        r"brief|lengthy|productive|friendly|expanded|enlarged|narrow|restricted|\w+-level)$", re.I)


def _headline_end(text: str) -> int:
    """Where the lines above the first sentence of the body end ("MEDIA
    STATEMENT", a date, the headline), or -1 when the body comes first."""
    end, pos = -1, 0
    for line in text.splitlines(keepends=True):
        content = line.strip()
        if content.endswith((".", "!", "?", ":")) or re.search(r"[a-z]{3}\. [A-Z]", content):
            return end  # a sentence of the body ("Press Release No. 214" is none)
        if content:
            end = pos + len(line.rstrip())
        pos += len(line)
    return -1


def _days_apart(a: str | None, b: str | None) -> int:
    if not a or not b or len(a) < 10 or len(b) < 10:
        return 1 << 30
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _is_visit(t: "Trigger | None") -> bool:
    return t is not None and "visit" in t.text.lower()


@dataclass(slots=True)
class Trigger:
    kind: str
    start: int
    end: int
    text: str
    body: BodyInfo | None = None
    org: str | None = None
    org_span: Span | None = None
    body_span: Span | None = None  # the body's name as printed, with what qualifies it ("India-Vietnam Joint Commission")
    named: bool = False  # a body or a capitalised name: states its own meeting
    specific: bool = False  # "bilateral", "courtesy", "telephone": talks of their own


@dataclass(slots=True)
class MeetingDraft:
    kind: str
    trigger: Trigger
    order: int
    org: str | None = None
    org_span: Span | None = None
    body: BodyInfo | None = None
    body_span: Span | None = None
    date: str | None = None
    date_span: Span | None = None
    location: str | None = None
    location_country: str | None = None
    location_span: Span | None = None
    at_venue: bool = False  # the location is a building the text names, in no city it names
    chair: Person | None = None
    chair_span: Span | None = None
    chair_state: str | None = None
    host: Person | None = None
    formats: set[str] = field(default_factory=set)
    participants: dict[str, tuple[Person, Span]] = field(default_factory=dict)
    absent: set[str] = field(default_factory=set)
    evidence: list[Span] = field(default_factory=list)
    stated_at: set[int] = field(default_factory=set)  # starts of `evidence`
    principals: set[str] = field(default_factory=set)  # who the sentence stating it names: host and guests

    def add(self, person: Person, span: Span) -> None:
        if person.id not in self.participants:
            self.participants[person.id] = (person, span)

    @property
    def level(self) -> str | None:
        return self.body.level if self.body else None


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: re.Pattern
    trigger_kind: dict[str, str]
    future_before: re.Pattern
    future_after: re.Pattern
    of_frames: frozenset[str]
    attendance: re.Pattern
    absence: re.Pattern
    messages: re.Pattern
    chair: re.Pattern
    host: re.Pattern
    formats: re.Pattern
    format_kind: dict[str, str]
    groups: re.Pattern
    pronouns: re.Pattern
    specific: frozenset[str]
    not_venue: frozenset[str]
    verbs: frozenset[str]


def _alternation(phrases) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


@cache
def lexicon(gz: Gazetteer) -> Lexicon:
    data = gz.meetings
    kind_of = {p.lower(): kind for kind, phrases in data["triggers"].items() for p in phrases}
    cues = data["cues"]
    fmt = {p.lower(): kind for kind, phrases in data["formats"].items() for p in phrases}
    lex = data["lexicon"]
    word = lambda phrases: re.compile(rf"(?<![\w-])(?:{_alternation(phrases)})(?![\w-])", re.I)
    return Lexicon(
        triggers=word(kind_of),
        trigger_kind=kind_of,
        future_before=re.compile(rf"(?<![\w-])(?:{_alternation(cues['future'])})(?![\w-])[^.;,]{{0,60}}$", re.I),
        future_after=re.compile(r"^\W{0,3}(?:is|are|was|were)?\s*(?:scheduled|expected|due|planned|to be held|will)|"
                                r"^[^.;,]{0,160}?\b(?:is|are)\s+(?:scheduled|expected|due|planned|set)\s+to\b|"
                                r"^[^.;,]{0,80}?\bwill\s+(?:be\s+held|take\s+place|meet|hold|convene)\b|"
                                r"^[^.;,]{0,40}?\b(?:next\s+(?:week|month|year|spring|summer|autumn|fall|winter)|"
                                r"later\s+this\s+(?:week|month|year)|in\s+the\s+coming\s+(?:days|weeks|months))\b", re.I),
        of_frames=frozenset(w.lower() for w in cues["of_frames"]),
        attendance=word(cues["attendance"]),
        absence=word(cues["absence"]),
        messages=re.compile(rf"(?<![\w-])(?:{_alternation(cues['messages'])})\s+(?:the\s+)?", re.I),
        chair=word(cues["chair"]),
        host=word(cues["host"]),
        formats=re.compile(rf"(?<![\w-])({_alternation(fmt)})(?![\w-])(?:\s+(?:and|or)\s+(?:{_alternation(fmt)}))?"
                           rf"(?=[^.;]{{0,25}}?\b(?:formats?|composition|attendance|meeting|session|talks|sitting)\b)", re.I),
        format_kind=fmt,
        groups=word(lex["group_refs"]),
        # "he" or "He", never "HE" (His Excellency)
        pronouns=re.compile("|".join(rf"(?<![\w-])(?:{p}|{p.capitalize()})(?![\w-])" for p in lex["pronouns"])),
        specific=frozenset(w.lower() for w in lex["specific"]),
        not_venue=frozenset(w.lower() for w in lex["not_venue_before"]),
        verbs=frozenset(w.lower() for w in lex["verbs"]),
    )


@dataclass(slots=True)
class SentencePeople:
    """Who a sentence names, each with where it names them."""

    items: list[tuple[int, Person, Span]] = field(default_factory=list)
    groups: list[Span] = field(default_factory=list)
    plural: set[int] = field(default_factory=set)  # positions of "foreign ministers"-like references

    def people(self, start: int = 0, end: int = 1 << 62) -> list[tuple[int, Person, Span]]:
        return [x for x in self.items if start <= x[0] < end]


def find_meetings(doc: Document, mentions: list[Mention], roles: Roles, people: People,
                  date_mentions: list[DateMention], published: str | None, dateline_place: str | None,
                  gz: Gazetteer) -> list[MeetingDraft]:
    reader = _MeetingReader(doc, mentions, roles, people, date_mentions, published, gz)
    reader.read()
    reader.settle(published, dateline_place)
    # a meeting with nobody and no body is no record, but for a named summit ("the Cairo Summit for Peace")
    return [m for m in reader.meetings if m.participants or m.org or m.body or m.chair
            or (m.kind == "summit" and m.trigger.named)]


class _MeetingReader:
    def __init__(self, doc: Document, mentions: list[Mention], roles: Roles, people: People,
                 date_mentions: list[DateMention], published: str | None, gz: Gazetteer):
        self.doc, self.text, self.gz = doc, doc.text, gz
        self.published = published
        self.lex = lexicon(gz)
        self.mentions = mentions
        self.position = {id(m): i for i, m in enumerate(mentions)}
        self.org_counts = Counter(m.key for m in mentions if m.kind == "org")
        self.in_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            self.in_sentence.setdefault(doc.sentence_index(m.start), []).append(m)
        self.named_in_sentence: dict[int, list[tuple[int, Person]]] = {}
        for start, person in people.by_mention.items():
            self.named_in_sentence.setdefault(doc.sentence_index(start), []).append((start, person))
        self._triggers: dict[int, list[Trigger]] = {}
        self._clause_ends: dict[int, list[tuple[int, int]]] = {}
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
        self.headline_end = _headline_end(doc.text)
        self.last_person: Person | None = None

    # ------------------------------------------------------------------ triggers
    def mentions_of(self, sentence: Span) -> list[Mention]:
        return self.in_sentence.get(self.doc.sentence_index(sentence.start), [])

    def triggers(self, sentence: Span) -> list[Trigger]:
        if sentence.start not in self._triggers:
            self._triggers[sentence.start] = self._find_triggers(sentence)
        return self._triggers[sentence.start]

    def _find_triggers(self, sentence: Span) -> list[Trigger]:
        text = self.text
        found: list[Trigger] = []
        for m in islice(self.lex.triggers.finditer(text, sentence.start, sentence.end), _MAX_TRIGGERS):
            if self._inside_name(m.start(), m.end()):
                continue  # "Pacific Islands Forum", "Forum Secretariat"
            phrase = " ".join(m.group().lower().split())
            kind = self.lex.trigger_kind.get(phrase, "talks")
            first = phrase.split()[0]
            found.append(Trigger(kind, m.start(), m.end(), m.group(), named=self._named(m.start(), m.group()),
                                 specific=first in self.lex.specific or phrase in ("courtesy call",)))
        bodies = [x for x in self.mentions_of(sentence) if x.kind == "body"
                  and not self._inside_title(x) and any(b.kind for b in x.bodies)]
        for b in bodies:
            info = self._pick_body(b)
            org, org_span = self._org_near(b, info)
            hit = next((t for t in found if t.start <= b.end + 12 and t.end >= b.start - 40 and
                        self._adjacent(t, b)), None) or \
                next((t for t in found if t.start > b.end and _HELD_ITS.fullmatch(self.text[b.end:t.start])), None) or \
                next((t for t in found if t.text.lower() in _GENERIC_WORDS and t.end <= b.start < self._clause_end(t.end)
                      and _MET_IN.search(self.text, t.end, b.start)), None)
            if hit is None:
                acting = _BODY_ACTS.match(self.text, b.end) or _BODY_ATTENDED.search(self.text[max(sentence.start, b.start - 60):b.start])
                if not (re.search(r"meeting|summit|session|retreat|conference", b.text, re.I) or acting):
                    continue  # a body named, not meeting: "the members of the CSTO Ministerial Council"
                hit = Trigger(info.kind or "session", b.start, b.end, b.text)
                if acting is not None and acting.re is _BODY_ACTS:
                    # "The Ministerial Council of the CICA met": the verb states the body's meeting
                    found = [t for t in found if not (b.end <= t.start < acting.end())]
                found.append(hit)
            elif hit.start >= b.start and hit.end <= b.end:
                hit.start, hit.end, hit.text = b.start, b.end, b.text
            qualifier = _QUALIFIER.search(self.text[max(sentence.start, b.start - 40):b.start])
            if qualifier and not (org or info.org) and "Meeting" in info.name and \
                    self._states_only(qualifier.group(), b.start - len(qualifier.group())):
                # "a Japan-Uzbekistan Foreign Ministers' Meeting": two states' ministers hold talks
                hit.kind, hit.specific = "talks", True
                continue
            hit.kind = info.kind or ("summit" if hit.kind == "summit" else "session")
            hit.body, hit.org, hit.org_span, hit.named = info, org or info.org or None, org_span, True
            hit.body_span = Span(b.start - len(qualifier.group()) if qualifier else b.start, b.end)
        for t in found:
            if t.body is None and t.kind in ("session", "summit", "talks"):
                self._bind_org(t)
            if t.body is None and t.text.lower() in _GENERIC_WORDS:
                self._bind_group(t)
        found = [t for t in found if not any(o is not t and o.start <= t.start and t.end <= o.end and o.body for o in found)]
        return sorted(found, key=lambda t: t.start)

    def _states_only(self, qualifier: str, start: int) -> bool:
        """Whether a qualifier is two or three states' names or adjectives and nothing else ("Japan-Uzbekistan")."""
        if re.search(r"\b(?:Bilateral|Trilateral)\b", qualifier):
            return True  # "a Trilateral Vice Foreign Ministerial Meeting"
        parts = [p for p in re.split(r"[-–\s]+", qualifier) if p]
        sentence = self.doc.sentence_of(start)
        states = [m for m in self.mentions_of(sentence) if m.kind in ("state", "demonym")
                  and start <= m.start < start + len(qualifier)]
        return 2 <= len(states) <= 3 and sum(len(m.text.split()) for m in states) == len(parts)

    def _named(self, start: int, phrase: str) -> bool:
        """"the Tripartite Meeting" names a meeting of its own; "The Meeting" does not."""
        if not phrase[0].isupper():
            return False
        if " " in phrase.strip() and all(w[0].isupper() for w in phrase.split()):
            return True
        before = re.search(r"([\w'’-]+)\s+$", self.text[max(0, start - 30):start])
        return bool(before and before.group(1)[0].isupper() and before.group(1).lower() not in _DEFINITE | _INDEFINITE
                    and self.text[self.doc.sentence_of(start).start:before.start(1) + max(0, start - 30)].strip() != "")

    def _inside_name(self, start: int, end: int) -> bool:
        for m in self.in_sentence.get(self.doc.sentence_index(start), []):
            if m.start >= end:
                break
            if m.end > start and (m.kind in _NAME_KINDS or (m.kind == "body" and not any(b.kind for b in m.bodies))):
                return True
        return False

    def _inside_title(self, m: Mention) -> bool:
        return all(self.in_title[m.start:m.end])

    def _adjacent(self, t: Trigger, b: Mention) -> bool:
        """"meeting of the Council", "Council meeting", or one inside the other."""
        if t.end <= b.start:
            return re.fullmatch(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,2}", self.text[t.end:b.start]) is not None
        if b.end <= t.start:
            return re.fullmatch(r"\s+", self.text[b.end:t.start]) is not None
        return True

    def _pick_body(self, b: Mention) -> BodyInfo:
        org, _ = self._org_near(b, None)
        for info in b.bodies:
            if org and info.org == org:
                return info
        generic = [x for x in b.bodies if not x.org and x.kind]
        specific = [x for x in b.bodies if x.org and x.kind]
        # "the Supreme Council adopted": the body of an organisation the report names
        named = [x for x in specific if x.org in self.org_counts]
        if named:
            return max(named, key=lambda x: self.org_counts[x.org])
        if generic:
            return generic[0]
        return specific[0] if specific else b.bodies[0]

    def _org_near(self, b: Mention, info: BodyInfo | None) -> tuple[str | None, Span | None]:
        idx = self.position[id(b)]
        if idx > 0:
            prev = self.mentions[idx - 1]
            if prev.kind == "org" and re.fullmatch(r"\s*(?:['’]s\s+)?", self.text[prev.end:b.start]):
                return prev.key, Span(prev.start, prev.end)
        for nxt in self.mentions[idx + 1: idx + 4]:
            gap = self.text[b.end:nxt.start]
            if nxt.kind == "org" and re.fullmatch(r"\s+(?:of\s+)?(?:the\s+)?|\s+of\s+(?:the\s+)?\w+(?:\s+\w+)?\s+", gap + (" " if not gap.endswith(" ") else "")):
                if len(gap) < 40:
                    return nxt.key, Span(nxt.start, nxt.end)
        return None, None

    def _bind_org(self, t: Trigger) -> None:
        """"the SCO summit", "the Samarkand Summit of the Shanghai Cooperation Organization"."""
        for m in self.in_sentence.get(self.doc.sentence_index(t.start), []):
            if m.kind != "org" or not (t.start - 40 <= m.end and m.start <= t.end + 12):
                continue
            before = self.text[m.end:t.start] if m.end <= t.start else None
            after = self.text[t.end:m.start] if t.end <= m.start else None
            if (before is not None and re.fullmatch(r"\s+(?:[A-Z][\w'’-]+\s+)?", before)) or \
                    (after is not None and re.fullmatch(r"\s+of\s+(?:the\s+)?", after)):
                if t.kind in ("session", "summit") or (t.kind == "talks" and t.text.lower() in ("meeting", "meetings")):
                    t.org, t.org_span, t.named = m.key, Span(m.start, m.end), True
                    if t.kind == "talks":
                        t.kind = "session"
                return

    def _bind_group(self, t: Trigger) -> None:
        """"CIS foreign ministers meet", "a meeting of ASEAN foreign ministers":
        a meeting of a group of office holders is a session of the body where
        they meet."""
        sentence = self.doc.sentence_of(t.start)
        for r in self.plural_refs:
            if not (sentence.start <= r.start < sentence.end):
                continue
            before = r.end <= t.start and re.fullmatch(r"\s+(?:(?:are|were|have|had|will)\s+)?", self.text[r.end:t.start])
            after = t.end <= r.start and re.fullmatch(r"\s+of\s+(?:the\s+)?", self.text[t.end:r.start])
            # "Foreign ministers from the G7 ... adopted ..., at a meeting in Tokyo": the subject's meeting
            subject = sentence.start <= r.start < t.start and self.article(t) in _INDEFINITE | {"their"}
            if not (before or after or subject) or r.claim.role not in LEVEL_ROLES or not r.claim.org:
                continue  # "Turkish, Azerbaijani foreign ministers meet": talks, not a body's session
            org = self.gz.orgs.get(r.claim.org)
            # "ministers" meet in the ministerial body the organisation has
            levels = [r.claim.role] + (["foreign_minister", "minister"] if r.claim.role == "minister" else [])
            generic = self.gz.orgs.get("GENERIC")
            body = next((b for level in levels for b in (org.bodies if org else []) if b.level == level and b.kind), None) or \
                next((b for b in (generic.bodies if generic else []) if b.level == r.claim.role and b.kind), None)
            if body is None:
                return
            t.body, t.kind, t.named = body, body.kind or "session", True
            if org is not None:
                t.org, t.org_span = org.key, Span(r.start, r.end)
            return

    # ------------------------------------------------------------------ cues
    def is_future(self, t: Trigger) -> bool:
        sentence = self.doc.sentence_of(t.start)
        before = self.text[max(sentence.start, t.start - 70):t.start]
        if self.lex.future_before.search(before):
            return True
        return self.lex.future_after.match(self.text[t.end:t.end + 200]) is not None

    def is_visit_frame(self, t: Trigger) -> bool:
        """"Son, who is paying an official visit to China": the setting of the
        meetings the report tells, not a meeting of its own."""
        return _is_visit(t) and re.search(r"\b(?:is|are)\s+(?:currently\s+)?(?:paying|on|making|in\s+\w+\s+on)\s+(?:an?\s+)?(?:\w+\s+)?$",
                                          self.text[max(0, t.start - 40):t.start]) is not None

    def is_urging(self, t: Trigger) -> bool:
        """"called on all parties to show restraint" urges; it is no visit."""
        return t.text.lower().startswith(("called on", "calls on")) and \
            re.match(r"[^.;]{0,80}?\bto\s+[a-z]", self.text[t.end:self._clause_end(t.end)]) is not None

    def is_modifier(self, t: Trigger) -> bool:
        """"the decisions of the session": the meeting is named, not stated; "the
        importance of the summit held in Gabala in January" states one."""
        if _HELD_AFTER.match(self.text, t.end):
            return False
        before = self.text[max(0, t.start - 60):t.start]
        m = re.search(r"(\w+)\s+of\s+(?:the\s+|a\s+|an\s+|its\s+)?((?:[\w'-]+\s+){0,3})$", before)
        # "the agenda of the 37th Ordinary Session": only adjectives between "of the" and the meeting
        if m and all(w[0].islower() or w[0].isdigit() or _ADJECTIVE.match(w) for w in m.group(2).split()) and \
                not re.search(r"[,;:.]", before[m.start():]):
            return m.group(1).lower() not in self.lex.of_frames
        return False

    def article(self, t: Trigger) -> str:
        words = re.findall(r"[\w'’-]+", self.text[max(0, t.start - 60):t.start])
        while words and (_ADJECTIVE.match(words[-1]) or words[-1].endswith(("'", "’"))):
            words.pop()  # "the leaders' summit": the article before the possessive
        return words[-1].lower() if words else ""

    def format_word_before(self, t: Trigger) -> str | None:
        m = re.search(r"(\w+)(?:\s+attendance)?\s+$", self.text[max(0, t.start - 30):t.start])
        return self.lex.format_kind.get(m.group(1).lower()) if m else None

    # ------------------------------------------------------------------ who a sentence names
    def sentence_people(self, sentence: Span) -> SentencePeople:
        sp = SentencePeople()
        for start, person in self.named_in_sentence.get(self.doc.sentence_index(sentence.start), []):
            sp.items.append((start, person, next(s for s in person.mentions if s.start == start)))
        for start, persons in self.references_in.get(self.doc.sentence_index(sentence.start), []):
            end = self.reference_end.get(start, start)
            for p in persons:
                sp.items.append((start, p, Span(start, end)))
            if start in self.plural_starts:
                sp.plural.add(start)
        first_named = min((start for start, _ in self.named_in_sentence.get(self.doc.sentence_index(sentence.start), [])),
                          default=sentence.end)
        named = sorted(self.named_in_sentence.get(self.doc.sentence_index(sentence.start), []), key=lambda x: x[0])
        for m in self.lex.pronouns.finditer(self.text, sentence.start, sentence.end):
            # "He held ...", "On the same day he held ...": the person last named before
            if self.last_person is not None and m.start() < first_named:
                sp.items.append((m.start(), self.last_person, Span(m.start(), m.end())))
            elif named and m.start() > first_named and self._meeting_word_after(m.end()):
                # "Lula met Petro, and in the afternoon he met Boluarte": the sentence's subject
                sp.items.append((m.start(), named[0][1], Span(m.start(), m.end())))
            break
        for m in self.lex.groups.finditer(self.text, sentence.start, sentence.end):
            sp.groups.append(Span(m.start(), m.end()))
        sp.items.sort(key=lambda x: x[0])
        return sp

    # ------------------------------------------------------------------ reading
    def read(self) -> None:
        for sentence in self.doc.sentences:
            if self.doc.in_furniture(sentence.start, sentence.end):
                continue  # page furniture (a standfirst, a stamp, a byline) retells the body's meetings; its people are still read
            sp = self.sentence_people(sentence)
            text = self.text[sentence.start:sentence.end]
            touched: list[tuple[MeetingDraft, Trigger, bool]] = []
            remote = False
            for t in self.triggers(sentence):
                if self.is_future(t) or (self.is_modifier(t) and not self._with_people(t, sp)) or self.is_urging(t) \
                        or self.is_visit_frame(t):
                    continue
                if t.kind == "call" and re.search(r"\b(?:via|by|through|over)\s+(?:a\s+)?$", self.text[max(0, t.start - 12):t.start]):
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
                             (t.start - prev.end < _ONE_MEETING_GAP or _is_visit(t) or _is_visit(prev)) and
                             ({m.kind, t.kind} <= {"talks", "reception"} or (m.kind == "reception" and t.kind == "call"))), None)
                if same is not None:
                    # "received a courtesy call from", "received a phone call from": one meeting in two words
                    self.meetings.remove(meeting)
                    if t.kind in ("reception", "call"):
                        same.kind = t.kind
                    meeting, new = same, False
                if meeting is not None:
                    touched.append((meeting, t, new))
                    self.current = meeting
            if remote:
                for meeting, _, new in touched:
                    if new and meeting.kind == "talks":
                        meeting.kind = "call"
            if not touched and self.current is not None:
                touched = [(self._hosted_by_subject(sentence, sp) or self.current, None, False)]
            self.apply_sentence(sentence, text, sp, touched)
            if sp.items:
                self.last_person = sp.items[-1][1]
            named_first = [x for x in sp.items if x[2].start == x[0]]
            if named_first and re.match(r"\s*(?:He|She)\b", text) is None:
                self.last_person = next((p for _, p, _ in named_first), self.last_person)

    def _meeting_word_after(self, pos: int) -> bool:
        return any(0 <= t.start - pos < 20 for t in self.triggers(self.doc.sentence_of(pos)))

    def _hosted_by_subject(self, sentence: Span, sp: SentencePeople) -> MeetingDraft | None:
        """"The Head of State welcomed ...", with no meeting word: the meeting the
        one who welcomes hosts, rather than the meeting named last."""
        for cue in self.lex.host.finditer(self.text, sentence.start, sentence.end):
            before = sp.people(sentence.start, cue.start())
            if before:
                hosted = [m for m in reversed(self.meetings) if before[-1][1] in (m.host, m.chair)]
                return next((m for m in hosted if m.kind == "reception"), hosted[0] if hosted else None)
        return None

    def place_trigger(self, t: Trigger, sp: SentencePeople) -> tuple[MeetingDraft | None, bool]:
        article = self.article(t)
        with_people = self._with_people(t, sp)
        if t.named and not (t.body or t.org):
            same = next((m for m in self.meetings if m.trigger.text.lower() == t.text.lower() and m.trigger.named), None)
            if same is not None:
                return same, False  # "the Tripartite Meeting" named again
        if t.body or t.org:
            same = next((m for m in reversed(self.meetings) if self._same_body(m, t)), None)
            if same is not None:
                return same, False
            return self.new(t), True
        if _is_visit(t) and article in _DEFINITE and _VISIT_TOLD.match(self.text, t.end):
            return None, False  # "The visit is the minister's second this year": said of a visit, no meeting
        if re.search(r"\b(?:last|previously|had\s+(?:last\s+)?)\s*$", self.text[max(0, t.start - 14):t.start], re.I) and sp.items:
            return self.new(t), True  # "Lavrov and Fidan last met in Antalya": an earlier meeting
        if article in _DEFINITE and not t.named:
            target = self._compatible(t, with_people)
            stated = self._clause_date(t)
            if target is not None and stated and target.date and stated[:7] != target.date[:7]:
                return self.new(t), True  # "at their talks in Tashkent in December 2022": another, earlier meeting
            if target is not None:
                return target, False
        held = _HELD.search(self.text, t.end, self._clause_end(t.end)) is not None or \
            _HELD_AFTER.match(self.text, t.end) is not None
        if held and not self.meetings:
            return self.new(t), True  # "political consultations ... were held in Ashgabat"
        if article in _DEFINITE and self.meetings and not (t.named or t.specific or with_people or held) and \
                not sp.people(t.end, self._clause_end(t.end)):
            return None, False  # "informed him about the latest round of negotiations": no meeting of its own
        if not (t.specific or t.named or article in _INDEFINITE) and not sp.items and not sp.groups:
            target = self._compatible(t, with_people)
            return (target, False) if target is not None else (None, False)
        if not (t.specific or t.named or article in _INDEFINITE or with_people):
            target = self._compatible(t, with_people)
            stated = self._clause_date(t)
            if target is not None and not (stated and target.date and stated[:7] != target.date[:7]):
                return target, False
        return self.new(t), True

    def _with_people(self, t: Trigger, sp: SentencePeople) -> list[Person]:
        joint = r"with|between|from|of" if _is_visit(t) else r"with|between|from|to" if t.kind == "call" else r"with|between|from"
        m = re.match(rf"\s+(?:(?:today|\w+day)\s+)?(?:{joint})\s", self.text[t.end:t.end + 20])
        verb = " ".join(t.text.lower().split()) in self.lex.verbs
        if not (m or verb):
            return []  # "spoke by telephone to X", "met X": a verb's objects are its partners too
        clause_end = self._clause_end(t.end)
        return [p for pos, p, _ in sp.people(t.end, clause_end)]

    def _clause_date(self, t: Trigger) -> str | None:
        """An explicit date stated right after a trigger, in its clause."""
        end = self._clause_end(t.end)
        return next((d.value for d in self.dates if t.end <= d.start < end and d.value and d.start - t.end < 60), None)

    def _clause_end(self, pos: int) -> int:
        sentence = self.doc.sentence_of(pos)
        ends = self._clause_ends.get(sentence.start)
        if ends is None:  # once per sentence: many triggers ask
            ends = self._clause_ends[sentence.start] = [(m.start(), m.end()) for m in
                                                        _CLAUSE_END.finditer(self.text, sentence.start, sentence.end)]
        k = bisect_left(ends, (pos, -1))
        return ends[k][0] if k < len(ends) else sentence.end

    def _same_body(self, m: MeetingDraft, t: Trigger) -> bool:
        """One body's meeting named twice: by the same name, or by the same
        organisation and level ("the Eastern Partnership meeting of Foreign
        Ministers" after "an informal meeting of EaP Foreign Ministers")."""
        if m.kind not in ("session", "summit"):
            return False
        if t.org and m.org and t.org != m.org:
            return False
        if t.body and m.body:
            return t.body.name == m.body.name or (bool(t.org or m.org) and t.body.level == m.body.level)
        return bool(t.org and m.org == t.org)

    def _compatible(self, t: Trigger, with_people: list[Person]) -> MeetingDraft | None:
        """The earlier meeting a trigger that states no new one refers to."""
        word = t.text.lower().split()[-1]
        kind = t.kind if t.kind in ("call", "reception") else _KIND_FOR_WORD.get(word)
        if kind is None and t.specific:
            kind = "talks"  # "the bilateral consultation" is no courtesy call
        if t.kind == "summit":
            kind = "summit"  # "the summit" is no earlier talks
        candidates = [m for m in reversed(self.meetings) if (m.kind == kind if kind else m.kind != "call")]
        # "Following the talks" is about the news, not the earlier talks the report recalled
        candidates.sort(key=self._recalled)  # stable: latest first among the news, then among the recalled
        if with_people:
            ids = {p.id for p in with_people}
            return next((m for m in candidates if ids & set(m.participants)), None)
        if kind:
            return candidates[0] if candidates else None
        if t.specific:
            return next((m for m in candidates if m.kind == "talks"), None)
        preferred = [m for m in candidates if m.kind in ("session", "summit", "talks")]
        return (preferred or candidates or [None])[0]

    def _summit_of_its_own(self, t: Trigger) -> None:
        """"the first China-Central Asia Summit": a summit of no organisation, named
        as a format of its own, is its own body; "the Cairo Summit" is only placed."""
        sentence = self.doc.sentence_of(t.start)
        qualifier = _QUALIFIER.search(self.text[max(sentence.start, t.start - 40):t.start])
        if qualifier is None:
            return
        start = t.start - len(qualifier.group())
        places = [m for m in self.mentions_of(sentence) if m.kind == "place" and start <= m.start < t.start]
        if places and re.fullmatch(r"\s*", self.text[places[-1].end:t.start]) and places[0].start == start:
            return
        name = " ".join(self.text[start:t.end].split())
        t.body, t.body_span = BodyInfo("", name, (), None, "summit", None), Span(start, t.end)

    def _recalled(self, m: MeetingDraft) -> bool:
        """A meeting the report recalls ("the talks in Dushanbe in June 2022"):
        dated by the text to another month, or over a week, than the report."""
        if m.date_span is None or not m.date or not self.published:
            return False
        if len(m.date) == 10:
            return _days_apart(m.date, self.published) > 7
        return m.date[:7] != self.published[:len(m.date)][:7]

    def new(self, t: Trigger) -> MeetingDraft:
        m = MeetingDraft(t.kind, t, len(self.meetings))
        m.evidence.append(Span(t.start, t.end))
        m.stated_at.add(t.start)
        if t.body is None and t.named and not t.org and t.kind == "summit":
            self._summit_of_its_own(t)
        if t.body is not None:
            m.body, m.body_span = t.body, t.body_span or Span(t.start, t.end)
        if t.org:
            m.org, m.org_span = t.org, t.org_span
        self.meetings.append(m)
        return m

    # ------------------------------------------------------------------ what a sentence adds
    def apply_sentence(self, sentence: Span, text: str, sp: SentencePeople,
                       touched: list[tuple[MeetingDraft, Trigger | None, bool]]) -> None:
        if not touched:
            return
        absence = self.lex.absence.search(self.text, sentence.start, sentence.end)
        # "Kuleba boycotted the meeting in protest at Lavrov's presence": who stayed away
        # is named before the cue ("In a message, X said": after it, when none is before)
        # ("his counterparts from the Baltic states" stand for too many to say who)
        absent = [p for pos, p, _ in sp.people(sentence.start, absence.start()) if pos not in sp.plural] or \
            [p for pos, p, _ in sp.people(absence.end(), sentence.end) if pos not in sp.plural] if absence else []
        attendance = bool(self.lex.attendance.search(text))
        stand_in = _REPRESENTED_BY.search(self.text, sentence.start, sentence.end)
        if stand_in is not None:
            # "Blinken was represented by Under Secretary Nuland": the one absent, the other there
            clause = max(self.text.rfind(",", sentence.start, stand_in.start()), sentence.start)
            for meeting, _, _ in touched:
                for pos, p, _ in sp.items:
                    if clause <= pos < stand_in.start():
                        meeting.absent.add(p.id)
        messaged = self._messaged(sentence, sp)
        if messaged:
            sp = SentencePeople([x for x in sp.items if x[1].id not in messaged], sp.groups, sp.plural)
            for meeting, _, _ in touched:
                meeting.absent |= {pid for pid in messaged if pid not in meeting.participants}
        new_ones = [m for m, _, new in touched if new]
        for meeting, trigger, new in touched:
            if trigger is not None and trigger.start not in meeting.stated_at:
                meeting.stated_at.add(trigger.start)
                meeting.evidence.append(Span(trigger.start, trigger.end))
            if absence:
                meeting.absent |= {p.id for p in absent}
                continue
            verb = trigger is not None and (" ".join(trigger.text.lower().split()) in self.lex.verbs or
                                            _HELD_BEFORE.search(self.text, max(0, trigger.start - 60), trigger.start) is not None)
            if new or attendance or verb:
                for _pos, p, span in self._participants_for(meeting, trigger, sp, attendance and len(touched) == 1):
                    meeting.add(p, span)
                near = [g for g in sp.groups if trigger is None or abs(g.start - trigger.start) < _NEAR]
                if trigger is not None and _OBJECT_OF.search(self.text, max(0, trigger.start - 40), trigger.start):
                    near = []  # "The parties noted the importance of the summit": they are not its people
                if near and len(meeting.participants) < 2 and self._previous(meeting) is not None:
                    # "the officials were received by X": the people of the meeting before; not
                    # when the sentence names both sides ("Aliyev and Erdogan met, and they discussed")
                    for p, span in self._previous(meeting).participants.values():
                        meeting.add(p, span)
                if new:
                    meeting.principals = set(meeting.participants)
            if meeting.date_span is None:
                self.sentence_date(meeting, sentence, trigger, new)
            self.sentence_place(meeting, sentence, trigger)
        first_trigger: dict[int, Trigger | None] = {}
        for meeting, trigger, _ in touched:
            first_trigger.setdefault(id(meeting), trigger)
        for meeting in {id(m): m for m, _, _ in touched}.values():
            self.sentence_chair(meeting, sentence, first_trigger[id(meeting)], sp, len(touched) > 1)
        self._share_out(touched, sentence, sp)
        for meeting, trigger, new in touched:
            if new and trigger is not None:
                self._split_separate(meeting, trigger, sentence, sp)
        target = touched[-1][0]
        for m in self.lex.formats.finditer(self.text, sentence.start, sentence.end):
            for word in re.findall(r"[\w-]+", m.group()):
                kind = self.lex.format_kind.get(word.lower())
                if kind:
                    (new_ones[-1] if new_ones else target).formats.add(kind)

    def _share_out(self, touched: list[tuple[MeetingDraft, Trigger | None, bool]], sentence: Span,
                   sp: SentencePeople) -> None:
        """"Lula held a meeting with Petro, and in the afternoon he met Boluarte":
        two new talks in one sentence each have the subject and their own partners."""
        new = [(m, t) for m, t, was_new in touched if was_new and t is not None and m.kind in ("talks", "call")]
        if len(new) < 2:
            return
        first = min(t.start for _, t in new)
        subjects = {p.id for pos, p, _ in sp.people(sentence.start, first)}
        bounds = sorted(t.start for _, t in new) + [sentence.end]
        for meeting, trigger in new:
            end = bounds[bounds.index(trigger.start) + 1]
            own = {p.id for pos, p, _ in sp.people(trigger.start, end)}
            for pid in list(meeting.participants):
                if pid not in subjects | own:
                    del meeting.participants[pid]
            meeting.principals = set(meeting.participants)

    def _split_separate(self, meeting: MeetingDraft, trigger: Trigger, sentence: Span, sp: SentencePeople) -> None:
        """"Son had separate meetings with A and B", "met separately with A and
        with B": one meeting with each of them."""
        if not _SEPARATE.search(self.text, max(sentence.start, trigger.start - 30), min(sentence.end, trigger.end + 15)):
            return
        partners = [p for _, p, _ in sp.people(trigger.end, self._clause_end(trigger.end))]
        subjects = [p for _, p, _ in sp.people(sentence.start, trigger.start) if p not in partners]
        if len(partners) < 2 or not subjects:
            return
        spans = {p.id: span for _, p, span in reversed(sp.items)}  # where the sentence first names each
        for partner in partners[1:]:
            meeting.participants.pop(partner.id, None)
            twin = MeetingDraft(meeting.kind, trigger, len(self.meetings), date=meeting.date, date_span=meeting.date_span,
                                location=meeting.location, location_country=meeting.location_country,
                                location_span=meeting.location_span, evidence=list(meeting.evidence),
                                stated_at=set(meeting.stated_at))
            for p in [*subjects, partner]:
                twin.add(p, spans[p.id])
            twin.principals = set(twin.participants)
            self.meetings.append(twin)
        meeting.principals = set(meeting.participants)

    def _messaged(self, sentence: Span, sp: SentencePeople) -> set[str]:
        """Who a sentence says sent or was sent a message or greetings: the first
        person named right after "greetings from", "on behalf of", "greetings to"."""
        out = set()
        for cue in self.lex.messages.finditer(self.text, sentence.start, sentence.end):
            first = next((p for pos, p, _ in sp.people(cue.end(), cue.end() + 60)), None)
            if first is not None:
                out.add(first.id)
        return out

    def _previous(self, meeting: MeetingDraft) -> MeetingDraft | None:
        idx = self.meetings.index(meeting)
        return next((m for m in reversed(self.meetings[:idx]) if m.participants), None)

    def _participants_for(self, meeting: MeetingDraft, trigger: Trigger | None, sp: SentencePeople, attended: bool):
        items = sp.items
        if trigger is not None and _is_visit(trigger):
            items = sp.people(trigger.end, self._clause_end(trigger.end))
        elif trigger is not None and sp.items and _POSSESSIVE.search(self.text, max(0, trigger.start - 30), trigger.start) \
                and self._with_people(trigger, sp):
            # "X briefed the Prime Minister on his talks with Y": X, whose talks they were, and Y
            partners = {p.id for p in self._with_people(trigger, sp)}
            items = [sp.items[0]] + [x for x in items if x[1].id in partners and x[1] is not sp.items[0][1]]
        elif trigger is not None:
            sentence = self.doc.sentence_of(trigger.start)
            said = None
            for said in _REPORTED.finditer(self.text, sentence.start, trigger.start):
                pass
            if said is not None and not _SELF.search(self.text, said.end(), trigger.end):
                # "Wang said China supports the outcome of the Cairo Summit": the speaker was not there
                items = [x for x in items if x[0] >= said.end()]
        # a body's level keeps out those merely named; not those the sentence says took part
        level = None if attended else LEVEL_ROLES.get(meeting.level or "")
        out = []
        for pos, p, span in items:
            if level and p.role not in level and p.role not in ORG_ROLES:
                continue
            if pos in sp.plural and trigger is not None and abs(pos - trigger.start) >= _NEAR:
                continue  # "Ministers thanked the hosts for the reception": the group, not its guests
            out.append((pos, p, span))
        return out

    def sentence_date(self, meeting: MeetingDraft, sentence: Span, trigger: Trigger | None, new: bool) -> None:
        if meeting.date_span is not None or trigger is None:
            return
        best = None
        for d in self.dates:
            if not (sentence.start <= d.start < sentence.end) or not d.value:
                continue
            if not new and self.published and d.value[:len(self.published)] > self.published:
                continue  # "the visit comes ahead of the summit on 1 December": a meeting told as held is not to come
            before = self.text[max(sentence.start, d.start - 12):d.start].lower()
            if re.search(r"\b(?:of|since|until|for|from|to|through|by)\s+(?:the\s+)?$", before):
                continue
            if re.search(r"\bsince\s+(?:taking|assuming|he\s+took|she\s+took)\b[^,.;]{0,25}$",
                         self.text[max(sentence.start, d.start - 45):d.start], re.I):
                continue  # "his first visit since taking office in August 2023": when the office began
            if meeting.kind != "talks" or not (trigger and _is_visit(trigger)):
                if len(d.value) < 7:
                    continue
            distance = abs(d.start - (trigger.start if trigger else sentence.start))
            if not new and any(min(d.start, trigger.start) < t.start < max(d.start, trigger.start) and t.end <= d.start
                               for t in self.triggers(sentence) if t.start != trigger.start):
                continue  # "During the talks, they reviewed the meeting held in August 2022": that meeting's
            if best is None or distance < best[0]:
                best = (distance, d)
        if best is not None:
            d = best[1]
            value = d.value
            if _SAME_DAY.search(d.text) and any(m.date == value and self._recalled(m) for m in self.meetings):
                # "They last met on 25 September. On the same day, ...": the day of the news, not of the recalled meeting
                value = next((m.date for m in reversed(self.meetings) if m is not meeting and m.date
                              and len(m.date) == 10 and not self._recalled(m)), value)
            meeting.date, meeting.date_span = value, Span(d.start, d.end)

    def sentence_place(self, meeting: MeetingDraft, sentence: Span, trigger: Trigger | None) -> None:
        """"in Dushanbe", "at the National Convention Centre in Vientiane", "the
        Samarkand Summit", "visit ... to Tajikistan": a known place or state after
        "in", "at" (or "to", for a visit), a city rather than a country or a venue."""
        if trigger is None or meeting.kind == "call":
            return
        if meeting.location_span is not None and not self._only_state(meeting):
            return
        visit = _is_visit(trigger)
        found: list[tuple[int, Mention]] = []
        for m in self.mentions_of(sentence):
            if m.kind not in ("place", "state") or self._inside_title_span(m.start):
                continue
            if _VENUE_WORD.match(self.text, m.end):
                continue  # "Lusail Palace" is a venue, not the city of Lusail
            if m.kind == "place" and m.end <= trigger.start and re.fullmatch(r"\s+", self.text[m.end:trigger.start]):
                found.append((0, m))  # "the Samarkand Summit"
                continue
            prep = re.search(r"(\w+),?\s+(in|at|to)\s+(?:the\s+)?$", self.text[max(sentence.start, m.start - 40):m.start])
            if prep and (prep.group(2) != "to" or visit) and prep.group(1).lower() not in self.lex.not_venue:
                found.append((1 if m.kind == "place" else 2, m))
        if not found:
            # "the summit in Gabala": an unknown place right after the meeting's words
            for m in self.mentions_of(sentence):
                if m.kind == "name" and m.start > trigger.end and " " not in m.text and not _VENUE_WORD.match(self.text, m.end) and \
                        re.fullmatch(r"[^,.;]{0,60}?\b(?:held|took\s+place|met|convened|opened|gathered)?\s*\b(?:in|at)\s+",
                                     self.text[trigger.end:m.start]):
                    meeting.location, meeting.location_span = m.text, Span(m.start, m.end)
                    return
        if found and meeting.location_span is not None:
            found = [x for x in found if x[1].kind == "place" and x[1].key == meeting.location_country]
        if found:
            _, m = min(found, key=lambda x: (x[0], abs(x[1].start - trigger.start)))
            meeting.location = m.text if m.kind == "place" else self.gz.state_name(m.key)
            meeting.location_country, meeting.location_span = m.key, Span(m.start, m.end)
            return
        venue = _VENUE.search(self.text, sentence.start, sentence.end)
        if venue is not None and meeting.location_span is None:
            meeting.location, meeting.location_span = venue.group(1), Span(venue.start(1), venue.end(1))
            meeting.at_venue = True

    def _only_state(self, meeting: MeetingDraft) -> bool:
        """A meeting placed only in a state may learn its city ("in Russia", then "in the Kremlin")."""
        return bool(meeting.location_country) and meeting.location == self.gz.state_name(meeting.location_country)

    def _inside_title_span(self, pos: int) -> bool:
        return bool(self.in_title[pos])

    def sentence_chair(self, meeting: MeetingDraft, sentence: Span, trigger: Trigger | None,
                       sp: SentencePeople, shared: bool) -> None:
        """"Chaired by X", "X presided over", "under the chairmanship of X" (or
        of a state); "X received Y", "Y was received by X", "his visiting
        counterpart", "a courtesy call from Y": the host."""
        chair_cue = False
        for cue in self.lex.chair.finditer(self.text, sentence.start, sentence.end):
            if trigger is None and not self._passive(cue):
                continue  # "The plenary was chaired by X" needs no meeting word; "X hosted" does
            if shared and not self._nearest_trigger(cue.start(), trigger, sentence):
                continue
            chair_cue = True
            word = cue.group().lower()
            after = sp.people(cue.end(), self._clause_end(cue.end()) + 1)
            before = sp.people(sentence.start, cue.start())
            if self._passive(cue) or word.startswith("under"):
                if after:
                    self._set_chair(meeting, after[0][1], after[0][2])
                elif word.startswith("under"):
                    state = next((m for m in self.mentions_of(sentence) if m.kind in ("state", "demonym") and cue.end() <= m.start < cue.end() + 12), None)
                    if state is not None:
                        meeting.chair_state = state.key
            elif before:
                self._set_chair(meeting, before[-1][1], before[-1][2])
            if meeting.chair is not None or meeting.chair_state:
                return  # else "The meeting opened ... under the chairmanship of X": the next cue
        if chair_cue or meeting.host is not None or trigger is None:
            return
        for cue in self.lex.host.finditer(self.text, sentence.start, sentence.end):
            word = cue.group().lower()
            after = sp.people(cue.end(), self._clause_end(cue.end()) + 1)
            before = sp.people(sentence.start, cue.start())
            if word == "visiting":
                guest = after[0][1] if after else None
                if re.search(r"\bwho\s+(?:is|was|are|were)\s+(?:currently\s+)?$", self.text[max(0, cue.start() - 30):cue.start()]) \
                        and before:
                    guest = before[-1][1]  # "Saidov, who is visiting Japan": the guest is the one before
                meeting.host = next((p for _, p, _ in reversed(before) if p is not guest), None)
            elif word.endswith(" from"):
                meeting.host = before[-1][1] if before else None
            elif self._passive(cue):
                meeting.host = after[0][1] if after else None
            elif before:
                meeting.host = before[-1][1]
            if meeting.host is not None:
                return

    def _passive(self, cue: re.Match) -> bool:
        return cue.group().lower().endswith(" by") or re.match(r"\s+by\b", self.text[cue.end():cue.end() + 5]) is not None

    def _nearest_trigger(self, pos: int, trigger: Trigger, sentence: Span) -> bool:
        triggers = [t for t in self.triggers(sentence) if t.start < pos]
        return not triggers or triggers[-1].start == trigger.start or trigger.start < pos

    def _set_chair(self, meeting: MeetingDraft, person: Person, span: Span) -> None:
        if meeting.chair is None:
            meeting.chair, meeting.chair_span = person, span
            meeting.add(person, span)

    # ------------------------------------------------------------------ after reading
    def settle(self, published: str | None, dateline_place: str | None) -> None:
        everyone = self.people.people
        for idx, m in enumerate(self.meetings):
            previous = self.meetings[idx - 1] if idx else None
            if m.level and m.kind in ("session", "summit") and not self._recalled(m):
                # the office holders the report names attend its session, not one it recalls
                roles = LEVEL_ROLES.get(m.level, set())
                members = self.gz.orgs[m.org].members if m.org in self.gz.orgs else frozenset()
                for p in everyone:
                    if p.id in m.absent or not p.claims:
                        continue  # only office holders the text itself names as such
                    if p.role in roles and (not members or p.country in members) and p.country:
                        m.add(p, p.mentions[0])
                    elif p.role == "secretary_general" and m.org and p.org == m.org:
                        m.add(p, p.mentions[0])
            for pid in m.absent:
                m.participants.pop(pid, None)
            if m.chair is None and m.chair_state:
                fits = [p for p, _ in m.participants.values() if p.country == m.chair_state]
                level = LEVEL_ROLES.get(m.level or "", set())
                fits = [p for p in fits if p.role in level] or fits
                if fits:
                    m.chair = fits[0]
            if m.kind in ("talks", "reception"):
                self._reception_or_talks(m)
            if m.date is None:
                m.date = previous.date if previous and previous.date and not self._recalled(previous) else published
            if m.location_country and m.location == self.gz.state_name(m.location_country) and dateline_place and \
                    self.gz.places.get(dateline_place) == m.location_country and _days_apart(m.date, published) <= 3:
                m.location = dateline_place  # "talks in South Korea" filed from Seoul that day: Seoul
            if m.at_venue and dateline_place and self.gz.places.get(dateline_place) and _days_apart(m.date, published) <= 3:
                m.location = dateline_place  # "at the Reception House" filed from Moscow that day: Moscow
            if m.location is None and m.kind != "call":
                source = next((x for x in reversed(self.meetings[:idx]) if x.location and x.kind != "call"
                               and not self._recalled(x)), None)
                if source is not None:
                    m.location, m.location_country = source.location, source.location_country
                elif dateline_place:
                    m.location = dateline_place
        # a meeting dated after the report is announced, not held
        self.meetings = [m for m in self.meetings
                         if not (m.date_span is not None and published and len(m.date) == 10 and m.date > published)]
        self._merge_restatements()

    def _reception_or_talks(self, m: MeetingDraft) -> None:
        people = [p for p, _ in m.participants.values()]
        rank = lambda p: self.gz.role_rank.get(p.role or "", 0)
        word = m.trigger.text.lower()
        host = m.host
        guests = [p for p in people if p is not host and (p.id in m.principals or not m.principals)]
        if m.kind == "reception" and word.split()[0] in _RECEIVING and host is not None and guests and \
                all(rank(p) == rank(host) for p in guests):
            m.kind = "talks"  # ministers of one rank receiving each other hold talks
        if m.kind == "talks" and word.split()[0] in ("met", "meets", "meet", "received", "receives", "receiving") and people:
            top = max(people, key=rank)
            others = [p for p in people if p is not top]
            if others and all(rank(p) < rank(top) for p in others) and (
                    top.role in ("head_of_state", "head_of_government") or all(p.role == "ambassador" for p in others)):
                m.kind, host = "reception", host or top  # a leader, or a minister receiving envoys
        if m.kind == "talks" and host is not None and people and host.role in ("head_of_state", "head_of_government") and \
                all(rank(p) < rank(host) for p in people if p is not host):
            m.kind = "reception"
        if m.kind == "reception" and host is None and people:
            host = max(people, key=rank)
        if host is not None and m.chair is None:
            m.chair = host
            m.add(host, host.mentions[0])

    def _merge_restatements(self) -> None:
        """A headline and the body often state one meeting twice: a meeting first
        stated in the headline takes in a body's meeting of the same kind and people."""
        kept: list[MeetingDraft] = []
        absorbed: set[int] = set()  # a headline states one meeting: it takes in one
        headliners: list[MeetingDraft] = []
        for m in self.meetings:
            twin = next((k for k in headliners if id(k) not in absorbed and (k.kind == m.kind or {k.kind, m.kind} == {"talks", "reception"}) and
                         not (k.body or m.body) and k.org == m.org and
                         k.trigger.start < self.headline_end and
                         set(k.participants) and set(m.participants) and
                         (set(k.participants) <= set(m.participants) or set(m.participants) <= set(k.participants)) and
                         (not k.date or not m.date or k.date[:7] == m.date[:7])), None)
            if twin is None:
                kept.append(m)
                if m.trigger.start < self.headline_end:
                    headliners.append(m)
                continue
            absorbed.add(id(twin))
            for pid, value in m.participants.items():
                twin.participants.setdefault(pid, value)
            twin.kind = m.kind  # the body tells the meeting better than the headline
            twin.evidence += m.evidence
            twin.chair = twin.chair or m.chair
            twin.formats |= m.formats
            if m.date_span is not None and twin.date_span is None:
                twin.date, twin.date_span = m.date, m.date_span
            if m.location_span is not None and twin.location_span is None:
                twin.location, twin.location_country, twin.location_span = m.location, m.location_country, m.location_span
        self.meetings = kept
