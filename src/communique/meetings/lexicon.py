"""The shared vocabulary of the meetings stage: the drafts it builds, and the
words and shapes of sentence it reads, compiled from `data/meetings.toml`."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from ..coreference import Person
from ..gazetteer import BodyInfo, Gazetteer, load_toml
from ..text import Span, phrase_alternation, word_pattern

LEVEL_ROLES = {
    "head_of_state": {"head_of_state", "head_of_government"},
    "head_of_government": {"head_of_government", "head_of_state"},
    "foreign_minister": {"foreign_minister", "deputy_foreign_minister"},
    "defence_minister": {"defence_minister"},
    "minister": {"minister", "foreign_minister", "defence_minister"},
    "ambassador": {"ambassador"},
}
ORG_ROLES = {"secretary_general", "other"}
KIND_FOR_WORD = {"conversation": "call", "call": "call", "reception": "reception"}


def _word_lists() -> dict[str, list[str]]:
    """The `[words]` table of every meetings.toml (the packaged one, then COMMUNIQUE_DATA's)."""
    words: dict[str, list[str]] = {}
    for data in load_toml("meetings.toml"):
        for key, phrases in data.get("words", {}).items():
            words.setdefault(key, []).extend(phrases)
    return words


def alternation(phrases) -> str:
    return phrase_alternation(phrases)  # the phrases longest first, as a tree: each character read once


WORDS = _word_lists()


def _any(name: str) -> str:
    return alternation(WORDS[name])


# The shapes of sentence the stage reads; their words are `[words]` in data/meetings.toml.
# "at the Reception House"
VENUE = re.compile(rf"\b(?:at|in)\s+the\s+((?:[A-Z][\w'’-]+\s+){{1,4}}(?:{_any('venue_nouns')}))\b")
# "The GCC Ministerial Council held its 155th session"
HELD_ITS = re.compile(rf"(?:\s*\([A-Z]+\))?\s+(?:[a-z]+\s+){{0,2}}?(?:{_any('holds_its')})"
                      r"\s+(?:its|a|an|the)\s+(?:[\w-]+\s+|\([^()\n]{1,12}\)\s+){0,3}")  # "its Sixty-Fifth (65 TH) Ordinary"
# "The General Assembly of the OAS on Friday approved", "attended the OSCE Ministerial Council":
# a body that acts or is attended is meeting.
BODY_ACTS = re.compile(r"(?:\s+(?:of|of\s+the)\s+[A-Z][\w()\s-]{0,100}?)?(?:\s*\([A-Z]+\))?(?:,\s+which|,)?\s+(?:\w+\s+){0,3}?"
                       rf"(?:{_any('body_acts')})\b")
BODY_ATTENDED = re.compile(rf"\b(?:{_any('body_attended')})\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,4}}$")
# "the Defence Ministers of the ASEAN member nations met", "The Quad foreign ministers previously met":
# what may stand between a group of office holders and their meeting word
GROUP_TO_MEETING = re.compile(rf"(?:\s+(?:{_any('member_nouns')}))?\s+(?:[a-z]+ly\s+)?(?:(?:are|were|have|had|will)\s+)?(?:[a-z]+ly\s+)?",
                              re.I)
# "the 23rd ordinary summit", "the Extraordinary Summit": the words that tell which of a body's sessions
SUMMIT_QUALIFIER = re.compile(rf"(?:\d+(?:st|nd|rd|th)\s+)?(?:(?:{_any('session_qualifiers')})\s+)+$", re.I)
# "the SCO ministerial meeting": the level of an organisation's session, by the words before its meeting word
SESSION_LEVELS = {level: re.compile(rf"\b(?:{_any(level + '_level_words')})\s+$", re.I)
                  for level in ("defence_minister", "foreign_minister")}
# "meeting of the Council", "meeting of the group's Council": between a meeting word and its body
OF_BODY = re.compile(rf"\s+of\s+(?:the\s+)?(?:(?:{_any('group_nouns')})['’]s\s+)?(?:[A-Z][\w'’-]*\s+){{0,2}}")
# "the Council of Foreign Ministers of the Member States of the OIC": between a body and its organisation
BODY_TO_ORG = re.compile(rf"\s+of\s+(?:the\s+)?(?:{_any('member_nouns')})\s+of\s+(?:the\s+)?", re.I)
# "on the sidelines of the 29th Nikkei Forum": the named gathering after the words of sidelines
# (read in every sentence: the engine skips ahead to the first letters of the sidelines words)
SIDELINES_OF_NAMED = word_pattern(WORDS["sidelines"], ignore_case=False, before=r"\b",
                                  after=rf"\s+of\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?"
                                        rf"((?:[A-Z][\w'’-]*\s+){{1,6}}(?:{_any('gathering_nouns')}))\b")
SIDELINES = re.compile(rf"\b(?:(?:{_any('sidelines')})\s+of|{_any('met_at')})\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’().,-]+\s+){{0,8}}$", re.I)
# "the declaration adopted at the 4th Summit": a document's origin, by the words between the act and the meeting word
ORIGIN = re.compile(rf"\b(?:{_any('origin_acts')})\b[^.;:]{{0,120}}?\b(?:{_any('origin_links')})\s+"
                    r"(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w'’-]+\s+){0,5}$", re.I)
# "the opening session of the 49th session of ...": a part of the meeting that follows
MEETING_PART = re.compile(rf"\b(?:{_any('meeting_part_words')})\s+$", re.I)
PART_OF = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}")
REPRESENTED_BY = word_pattern(WORDS["represented_by"], ignore_case=False, before=r"\b", after=r"\b")  # read fast: every sentence
HELD = re.compile(rf"\b(?:{_any('held')})\b")
HELD_AFTER = re.compile(r"(?:\s+of\s+(?:the\s+)?[A-Z][^,.;]{0,40}?)?,?\s+(?:(?:which|that)\s+(?:was\s+)?)?"
                        rf"(?:{_any('held_after')})\b")
# "The visit is the minister's second this year": said of a visit, no meeting
VISIT_TOLD = re.compile(rf"\s+(?:{_any('visit_told')})\b")
# between two partners of one list: a separator and the next one's title ("A and Secretary of Defense B")
LISTED_NEXT = re.compile(rf"\s*(?:,\s*|,?\s+(?:{_any('list_joiners')})\s+)(?:[\w.'’-]+\s+){{0,8}}?", re.I)
PARTNER_GROUP = re.compile(rf"\b(?P<noun>{_any('partner_groups')})\b", re.I)
BOTH_SIDES = re.compile(rf"\b(?:{_any('both_sides')})\b", re.I)
STATES_AFTER_GROUP = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")
STATE_LIST_GAP = re.compile(rf"\s*(?:,\s*|,?\s+(?:{_any('list_joiners')})\s+)(?:the\s+)?", re.I)
PASSIVE_AUX = re.compile(rf"\b(?:{_any('passive_aux')})\s+(?:\w+ly\s+)?$", re.I)
PERSON_OBJECT_VERBS = frozenset(WORDS["person_object_verbs"])
HOSTED_FOR = re.compile(r"\b(?:for|at)\s+(?:a|an|the|their)\s+(?:[\w'’+-]+\s+){0,6}$", re.I)  # "hosted A for a trilateral meeting"
ARRIVAL_VERBS = frozenset(WORDS["arrival_verbs"])
ARRIVAL = re.compile(rf"\b(?:{_any('arrival_words')})\b", re.I)
ONE_BY_ONE = re.compile(rf"\b(?:{_any('one_by_one')})\b", re.I)
# "The 51st Pacific Islands Forum (PIF) was held": an organisation named as its gathering
ORGANISATION_HELD = re.compile(rf"(?:\s*\([A-Z]+\))?\s+(?:{_any('organisation_held')})\b")
# "the African Union (AU) heads of state and government summit": its leaders, between an organisation and its summit
LEADERS_BETWEEN = re.compile(r"(?:\s*\([A-Z]+\))?\s+(?:heads\s+of\s+(?:state|government)(?:\s+and\s+government)?|leaders['’]?)\s+",
                             re.I)
YEAR_AFTER_WORD = re.compile(r"\s+(?:(?:was|were)\s+)?held\s+(?:in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+)?")  # "held in Goa in"
RELATIVE_BEFORE = re.compile(r"\b(?:who|which)\s+(?:\w+\s+){0,2}$")  # "who were invited": a relative clause's verb
# "The ambassadors are A from X, ...", "These include A, B": a group of the meeting at hand named one by one
GROUP_LISTED_BEFORE = re.compile(r"\s*(?:The|These|Those)\s+(?:[\w-]+\s+){0,2}?")
GROUP_PRONOUN = re.compile(r"\s*(?:These|They|Those|The)\b")  # how a sentence that lists a group opens
GROUP_PRONOUN_ALONE = re.compile(r"\s*(?:These|They|Those)\b")
GROUP_LISTED_AFTER = re.compile(r"\s+(?:are|were|include|included|comprise|comprised)\b")
WELCOMED_TO = re.compile(r"\s+(?:to|at)\s+(?:the\s+)?[A-Z]")  # "welcomed Blinken to the NATO Headquarters": to a place
# verbs that may follow "heads of state" before the meeting word ("the heads of state held a summit")
OF_VERBS = frozenset(w.lower() for w in WORDS["holding"] + WORDS["of_verbs"])
PASSIVE_BY = re.compile(rf"\s+(?:{_any('agent_by')})\b", re.I)  # "hosted by X" right after the verb
AGENT_BY = re.compile(rf"\b(?:{_any('agent_by')})\s+", re.I)
SAME_DAY = re.compile(rf"\b(?:{_any('same_day')})\b", re.I)
# "held a ... meeting": who held it took part
HELD_BEFORE = re.compile(rf"\b(?:{_any('holding')})\s+(?:a|an|the|their|its)\s+(?:[\w'’-]+\s+){{0,4}}$")
POSSESSIVE = re.compile(rf"\b(?:{_any('possessive')})\s+(?:[\w-]+\s+){{0,2}}$")
JUDGED = re.compile(rf"\b(?:{_any('judging')})\s+(?:the|a|an|this|that|their|its)\s+(?:[\w'’-]+\s+){{0,3}}$")
OBJECT_OF = re.compile(r"\b\w+\s+of\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,3}$")
# the period of an abbreviation ("H.E.", "U.S.", "Dr.", "Hon."): no clause ends there
ABBREVIATION_PERIOD = re.compile(r"(?:\b[A-Z]|\b[A-Z][a-z]{1,3})\.$")
# `[;.]|,\s+(?:openers)\b|\s+and\s+(?:speech verbs)\b`, its first character read by one class (the
# engine's fast scan) and the branch told by it: read in every sentence with a meeting word
CLAUSE_END = re.compile(rf"[;.,\s](?:(?<=[;.])|(?<=,)\s+(?:{_any('clause_openers')})\b|"
                        rf"(?<=\s)\s*and\s+(?:{_any('speech_verbs')})\b)")
# "Wang said (that) ...", "noted that ...": what follows is the speaker's report ("noted the
# productivity of the meeting" is no report: its object is the meeting)
REPORTED = re.compile(rf"\b(?:(?:{_any('saying')}|{_any('telling')}\s+\w+)(?:\s+that)?|(?:{_any('reporting_verbs')})\s+that)\b")
# "met with X", "talks between X and Y", "a call to X", "the visit of X": the partners follow
# ("Talks were also held among X, Y and Z": after the passive too)
# "held separate meetings in Charlevoix today with": where and when may come before the partners
_PARTNERS_LEAD = rf"\s+(?:(?:{_any('held')})\s+)?(?:in\s+(?:[A-Z][\w'’-]+\s+){{1,3}})?(?:(?:on\s+)?(?:today|yesterday|\w+day)\s+)?"
PARTNERS_OF = re.compile(rf"{_PARTNERS_LEAD}(?:{_any('partners_of')})\s")
PARTNERS_OF_CALL = re.compile(rf"{_PARTNERS_LEAD}(?:{_any('partners_of')}|{_any('partners_of_call')})\s")
PARTNERS_OF_VISIT = re.compile(rf"{_PARTNERS_LEAD}(?:{_any('partners_of')}|{_any('partners_of_visit')})\s")
# "discussed the agenda with X": a joint verb's object, then its partner (a person right after)
WITH_PARTNER = re.compile(r"\s(?:[\w'’-]+\s+){0,8}?with\s+(?:(?:his|her|their|the)\s+)?")
JOINED = re.compile(rf"\b(?:{_any('joining')})\b")  # "A and B", "A together with B"
BYSTANDER = re.compile(rf"\b(?:{_any('bystander_titles')})\b", re.I)  # who tells of a meeting, not who met
POSSESSED = re.compile(r"['’]s?(?=\s)")  # "Xi's", "Jones'"
# "last met", "previously met"; "met ... last month", "met two years ago": an earlier meeting
RECALLED_BEFORE = re.compile(rf"\b(?:{_any('recalled_before')})\s*$", re.I)
PRESENT_TENSE = frozenset(WORDS["present_tense"])
# "on Tuesday", "this Thursday", "next Monday": the day a present-tense meeting verb is told for
TOLD_FOR_WEEKDAY = re.compile(r"[^.;]{0,30}?\b(?:on|this|next|coming)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                              re.I)
RECALLED_AHEAD = re.compile(rf"\b(?:{_any('recalled_ahead')})\b", re.I)
RECALLED_AFTER = re.compile(rf"\b(?:{_any('recalled_after')})\b", re.I)
# a date after these is not when a meeting was held ("since 2019", "until May")
NOT_WHEN_HELD = re.compile(rf"\b(?:{_any('not_when_held')})\s+(?:the\s+)?$")
OFFICE_BEGAN = re.compile(rf"\b(?:{_any('office_began')})\b[^,.;]{{0,25}}$", re.I)  # "since taking office in 2023"
HELD_IN = re.compile(rf"[^,.;]{{0,60}}?\b(?:{_any('held_in')})?\s*\b(?:in|at)\s+")  # "the summit (held) in Gabala"
HELD_REMOTELY = re.compile(rf"(?:\s+(?:for\s+)?(?:about\s+|some\s+|nearly\s+)?(?:an?\s+|\d+\s+)?(?:hour|hours|minutes)\b)?,?\s+"
                           rf"(?:(?:held|conducted)\s+)?(?:{_any('held_remotely')})\b")  # "their first talks, held over the phone"
DURATION = re.compile(rf"(?:\d+|{_any('number_words')})-(?:{_any('duration_units')})s?(?:-long)?", re.I)  # "20-minute", "two-day"
REMOTE = re.compile(rf"\b(?:{_any('remote_means')})\s+(?:a\s+|the\s+)?$")  # "joined via videoconference"
VISIT_FRAME = re.compile(rf"\b(?:(?:is|are)\s+(?:currently\s+)?(?:{_any('visit_frame')}|in\s+\w+\s+on)|{_any('visit_paid')})"
                         r"\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}$")  # "is on a two-day official visit"
BODY_MEETING = re.compile(_any("body_meeting_nouns"), re.I)  # "the Ministerial Meeting" names its meeting
TWO_SIDED = re.compile(rf"\b(?:{_any('two_sided')})\b")  # "a Trilateral Vice Foreign Ministerial Meeting"
GERUND_OBJECT = re.compile(r"\s+(?!(?:of|with|between|on|in|at|was|were|is)\b)[A-Z]")  # "meeting Vice President X"
# a clause that tells why or when, after the meeting word: its people are not the meeting's
SUBORDINATE = re.compile(rf",?\s+(?:{_any('subordinators')})\s")
RECEIVED_THING = re.compile(rf"\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w'’-]+\s+){{0,2}}?(?:{_any('received_things')})\b", re.I)
RECEIVED_AFTER_THING = re.compile(rf"\b(?:{_any('received_before')})\b[^.;]{{0,80}}$", re.I)
SELF = re.compile(rf"\b(?:{_any('speaker_pronouns')})\b", re.I)  # the speaker tells of their own meeting
# The capitalised words that qualify a body's or a summit's name: "Extraordinary Joint Arab-"
QUALIFIER = re.compile(r"(?:(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’]*-|(?:[A-Z][\w'’-]*\s+){1,3})$")
# "the allies met Kuleba in the NATO-Ukraine Council": the body's meeting
MET_IN = re.compile(r"\b(?:in|at)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}$")
SPACES = str.maketrans("\n\t\r\xa0", "    ")  # same length: offsets still agree
NO_MEETING = "none"  # the kind of a phrase that holds a meeting word but names no meeting
# characters: "received ... a courtesy call from" is one meeting told in two words, and so is a visit
# and its talks; farther apart, "met X, and in the afternoon he met Y" are two
ONE_MEETING_GAP = 60
MAX_TRIGGERS = 30  # meeting words read in one sentence: a real one has a few, text that repeats them no more work
NEAR = 60  # characters: a group reference this close to a trigger is its subject or object
VENUE_WORD = re.compile(rf"\s+(?:{_any('venue_words')})\b", re.I)  # "Lusail Palace", "Hyderabad house"
# "at State House, Nairobi": the city after a venue
AFTER_VENUE = re.compile(rf"\b(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){{0,4}}(?:{_any('venue_words')}),\s*$")
NAME_KINDS = {"org", "agency", "name", "title", "honorific", "place", "state", "demonym"}
GENERIC_WORDS = frozenset(w.lower() for w in WORDS["generic_meeting_words"])
DEFINITE = frozenset(WORDS["definite"])
INDEFINITE = frozenset(WORDS["indefinite"])
TOWN_BEFORE_STATE = re.compile(r"\b(?:in|at)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),\s*$")  # "in Charlevoix, Canada"
CAPITAL_NAMED = re.compile(r"\bcapital(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})?(?:,\s*|\s+)$")
CITY_OF = re.compile(rf"\b(?:in|at)\s+the\s+(?:[A-Z][\w'’-]+\s+)?(?:{_any('place_nouns')})(?:\s+of\s+|\s*,\s*)"
                     r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
UNLISTED_BODY = re.compile(rf"\s+of\s+the\s+((?:[A-Z][\w'’-]+\s+){{0,4}}(?:{_any('institution_nouns')})"
                           r"(?:\s+(?:(?:of|on|for|and)\s+(?:the\s+)?)?[A-Z][\w'’-]+)*)")
LEADERS_WORD = re.compile(r"\b(?:Heads|Leaders)\b")  # "the Council of Heads of CIS countries": its leaders
# "a two-day Joint Boundary Commission meeting", "the sixth JBC meeting": a body no list holds, named before its word
UNLISTED_BODY_BEFORE = re.compile(rf"((?:[A-Z][\w'’-]*\s+){{0,5}}(?:{_any('institution_nouns')})|(?<![\w-])[A-Z]{{3,6}})\s+$")
# "will hold talks with X, meet with Y": a verb of meeting coordinated with the one before, no clause between
COORDINATED = re.compile(r"[^.;:]{0,120}?(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)(?:also\s+)?")
FRONTED_CLAUSE = re.compile(rf"\s*(?:{_any('fronted_clause')})\s+(?:he|she)$", re.I)
MEETING_QUALIFIERS = re.compile(rf"(?:\b(?:{_any('session_qualifiers')})\s+)*$", re.I)  # "the sixth consultative"
LEADERS_MEETING = re.compile(rf"\s+of\s+the\s+(?:{_any('leaders_of')})\s+of\s+(?:the\s+)?"
                             r"(?:[A-Z][\w'’-]+\s+){1,3}(?:states|countries|nations)\b|"
                             rf"\s+of\s+the\s+(?:{_any('leaders_of')})\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+")
VISIT_TO = re.compile(r"\s+to\s+(?:the\s+)?")  # "his visit to Turkiye": the visit's destination
HEADLINE_FUTURE = re.compile(rf"\b(?:{_any('headline_future')})\s+$")
# a headline's subject "to hold" or "to have" its meeting is announcing it, unless a verb of its own came first
HEADLINE_TO_DO = re.compile(rf"\b(?:{_any('headline_future')})\s+(?:{_any('headline_future_verbs')})\s+(?:[\w'’-]+\s+){{0,3}}$")
HEADLINE_VERB = re.compile(rf"\b(?:{_any('headline_verbs')})\b", re.I)
MET_AT_GATHERING = re.compile(r"\s+(?:at|during)\s+(?:the\s+)?", re.I)  # "met at the ... Assembly"
HABITUAL = re.compile(rf"\b(?:{_any('habitual')})\s+(?:(?:and|,)\s+(?:[\w-]+\s+)?)?(?:[\w-]+\s+){{0,2}}$", re.I)
ADJECTIVE = re.compile(rf"^(?:\d+(?:st|nd|rd|th)|{_any('meeting_adjectives')}|\w+-level)$", re.I)
_SENTENCE_INSIDE = re.compile(r"[a-z]{3}\. [A-Z]")


_LONG_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]{3,}")


def title_cased(text: str) -> bool:
    """"Leaders Wrap Up Regional Summit in Havana": a headline in title case, whose capitals name nothing."""
    words = _LONG_WORD.findall(text)
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def headline_end(text: str) -> int:
    """Where the lines above the first sentence of the body end ("MEDIA
    STATEMENT", a date, the headline), or -1 when the body comes first."""
    end, pos = -1, 0
    for line in text.splitlines(keepends=True):
        content = line.strip()
        if content.endswith((".", "!", "?", ":")) or _SENTENCE_INSIDE.search(content):
            return end  # a sentence of the body ("Press Release No. 214" is none)
        if content:
            end = pos + len(line.rstrip())
        pos += len(line)
    return -1


def days_apart(a: str | None, b: str | None) -> int:
    if not a or not b or len(a) < 10 or len(b) < 10:
        return 1 << 30
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def is_visit(t: "Trigger | None") -> bool:
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
    # `phrase`, and the text it was made of: asked a few times of each meeting word, made once
    _phrase: str = field(default="", repr=False, compare=False)
    _phrase_of: str | None = field(default=None, repr=False, compare=False)

    @property
    def phrase(self) -> str:
        """The meeting word as the lexicon lists it: lower case, single spaces."""
        if self._phrase_of is not self.text:  # (a body's name may take the place of the word's text)
            self._phrase, self._phrase_of = " ".join(self.text.lower().split()), self.text
        return self._phrase


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
    online: bool = False  # talks held from afar: a call that "the meeting" may name
    hosts_sidelines: bool = False  # a session others met on the sidelines of
    partner_states: list[str] = field(default_factory=list)  # "met the foreign ministers of A, B and C": one meeting each
    partner_state: str | None = None  # of those, the one state this meeting is with
    partner_list: Span | None = None  # "The ambassadors are A from X, B from Y": the next sentence names the partners
    setting: "MeetingDraft | None" = None  # the session this meeting was held on the sidelines of
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


class PhraseFinder:
    """Whole-word phrases found in one pass of an Aho-Corasick automaton over the
    lower-cased text, leftmost-longest and not overlapping, as a regular
    expression alternation would find them, without trying every phrase at every
    position (the meeting words are read in every sentence of every report)."""

    def __init__(self, phrases) -> None:
        self.automaton = ahocorasick.Automaton()
        for phrase in phrases:
            key = " ".join(phrase.lower().split())
            self.automaton.add_word(key, len(key))
        self.automaton.make_automaton()

    def find(self, lower: str, start: int, end: int) -> list[tuple[int, int]]:
        """The (start, end) of each phrase in lower[start:end]; a line break or tab
        between two words counts as a space (`lower` is the document's `spaced`)."""
        # the sentence itself, not the whole text with bounds: the automaton copies all the
        # string it is given, once a sentence (quadratic in a long report)
        # by start, then longest first: (start, -end) pairs sort so, without a key function called for each
        hits = sorted((start + e + 1 - length, -(start + e + 1)) for e, length in self.automaton.iter(lower[start:end]))
        found: list[tuple[int, int]] = []
        reached = start
        for s, negated_end in hits:
            e = -negated_end
            if s < reached or (s > 0 and _WORDISH(lower[s - 1])) or (e < len(lower) and _WORDISH(lower[e])):
                continue
            found.append((s, e))
            reached = e
        return found


def _WORDISH(char: str) -> bool:
    return char.isalnum() or char in "_-"


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: PhraseFinder
    trigger_kind: dict[str, str]
    future_before: re.Pattern
    future_after: re.Pattern
    of_frames: frozenset[str]
    attendance: re.Pattern
    absence: re.Pattern
    together: re.Pattern
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
    encounters: frozenset[str]
    host_of_people: frozenset[str]
    guest_verbs: frozenset[str]
    joint_verbs: frozenset[str]
    cue_words: dict[str, tuple[str, ...]]  # of the cues read sentence by sentence, the words a report must hold

    def cues_in(self, folded: str) -> frozenset[str]:
        """The cues (of `cue_words`) a report may hold, by its folded text: the others are not searched."""
        return frozenset(name for name, words in self.cue_words.items() if any(w in folded for w in words))


def _told_when(encounters: list[str]) -> list[str]:
    """Each "X with" also as "X today with", "X on Monday with": the day may stand between verb and partner."""
    when = WORDS["time_adverbs"]
    return [*encounters, *(f"{p[:-len(' with')]} {w} with" for p in encounters if p.endswith(" with") for w in when)]


# What a phrase read in a document's `folded` text may hold, lower-cased: ASCII and the small letters of
# Latin-1, each matched there by the characters a case-blind pattern matches to it in the text
# (tests/test_equivalent_patterns.py reads every character)
FOLDED_SAFE = re.compile("[ -~\u00e0-\u00f6\u00f8-\u00fe]*")


def _report_words(phrases, name: str) -> tuple[str, ...]:
    """The longest word of each phrase, lower-cased: a case-blind match of a phrase in a report is, in
    its folded text, the phrase's words lower-cased; a report holding none of these words holds no phrase."""
    return tuple(sorted({max(p.split(), key=len) for p in _folded(phrases, name)}))


def _folded(phrases, name: str) -> list[str]:
    """The phrases lower-cased, for a plain pattern read in a document's `folded` text: the matches
    of a case-blind one in the text, at the same offsets (a plain pattern reads faster)."""
    lowered = [p.lower() for p in phrases]
    if not all(FOLDED_SAFE.fullmatch(p) for p in lowered):
        raise ValueError(f"meetings.toml: the {name} phrases are ASCII or Latin-1 words, to be read in the folded text")
    return lowered


@cache
def lexicon(gz: Gazetteer) -> Lexicon:
    data = gz.meetings
    kind_of = {p.lower(): kind for kind, phrases in data["triggers"].items() for p in phrases}
    lex = data["lexicon"]
    encounters = _told_when(lex["encounters"])
    kind_of.update((p.lower(), "talks") for p in [*encounters, *lex["joint_verbs"]] if p.lower() not in kind_of)
    # "a press conference": the longer phrase is matched first and names no meeting
    kind_of.update((p.lower(), NO_MEETING) for p in data["cues"]["not_meetings"])
    cues = data["cues"]
    fmt = {p.lower(): kind for kind, phrases in data["formats"].items() for p in phrases}
    formats = _folded(fmt, "formats")
    word = word_pattern  # (?<![\w-])(?:phrases)(?![\w-]), case-blind, read fast
    return Lexicon(
        triggers=PhraseFinder(kind_of),
        trigger_kind=kind_of,
        future_before=re.compile(rf"(?<![\w-])(?:(?:{alternation(cues['future'])})(?![\w-])[^.;,]{{0,100}}|"
                                 rf"(?:{alternation(cues['future_adjacent'])})\s+)$", re.I),
        future_after=re.compile("|".join(
            rf"^[^.;{'' if w.get('across_commas') else ','}]{{0,{w['within']}}}?(?<![\w-])(?:{alternation(w['phrases'])})(?![\w-])"
            for w in cues["future_after"]), re.I),
        of_frames=frozenset(w.lower() for w in cues["of_frames"]),
        # attendance and formats: read in the folded text, in every sentence that tells of a meeting
        attendance=word_pattern(_folded(cues["attendance"], "attendance"), ignore_case=False),
        absence=word(cues["absence"]),
        together=word(cues["together"]),
        messages=word_pattern(cues["messages"], after=r"\s+(?:the\s+)?"),
        chair=word(cues["chair"]),
        host=word(cues["host"]),
        formats=word_pattern(formats, ignore_case=False, group=True,
                             after=rf"(?![\w-])(?:\s+(?:and|or)\s+(?:{alternation(formats)}))?"
                                   rf"(?=[^.;]{{0,25}}?\b(?:formats?|composition|attendance|meeting|session|talks|sitting)\b)"),
        format_kind=fmt,
        groups=word(lex["group_refs"]),
        # "he" or "He", never "HE" (His Excellency)
        # (one word pattern, not one pattern a pronoun tried in turn at every position)
        pronouns=word_pattern([form for p in lex["pronouns"] for form in (p, p.capitalize())], ignore_case=False),
        specific=frozenset(w.lower() for w in lex["specific"]),
        not_venue=frozenset(w.lower() for w in lex["not_venue_before"]),
        verbs=frozenset(w.lower() for w in [*lex["verbs"], *encounters]),
        encounters=frozenset(w.lower() for w in encounters),
        host_of_people=frozenset(w.lower() for w in cues["host_of_people"]),
        guest_verbs=frozenset(w.lower() for w in lex["guest_verbs"]),
        joint_verbs=frozenset(w.lower() for w in lex["joint_verbs"]),
        # the cues most reports hold none of: their sentences are then not searched for them
        cue_words={name: _report_words(cues[name], name) for name in ("absence", "messages", "chair", "host")} |
                  {"formats": _report_words(formats, "formats")},
    )


@dataclass(slots=True)
class SentencePeople:
    """Who a sentence names, each with where it names them."""

    items: list[tuple[int, Person, Span]] = field(default_factory=list)
    groups: list[Span] = field(default_factory=list)
    plural: set[int] = field(default_factory=set)  # positions of "foreign ministers"-like references

    def people(self, start: int = 0, end: int = 1 << 62) -> list[tuple[int, Person, Span]]:
        return [x for x in self.items if start <= x[0] < end]
