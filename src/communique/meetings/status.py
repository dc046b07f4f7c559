"""What a meeting word states: a meeting held, or one announced, proposed, only named as a modifier, or the setting of a visit."""
from __future__ import annotations

import datetime as dt
import re

from ..dates import WEEKDAYS

from .lexicon import (
    RELATIVE_BEFORE,
    PRESENT_TENSE,
    TOLD_FOR_WEEKDAY,
    ADJECTIVE,
    DEFINITE,
    DURATION,
    GERUND_OBJECT,
    HEADLINE_FUTURE,
    HEADLINE_TO_DO,
    HEADLINE_VERB,
    HELD_AFTER,
    INDEFINITE,
    MEETING_PART,
    OF_VERBS,
    ORIGIN,
    RECALLED_AFTER,
    RECALLED_BEFORE,
    RECEIVED_AFTER_THING,
    RECEIVED_THING,
    VISIT_FRAME,
    Trigger,
    is_visit,
)

# compiled once: read at every meeting word
# (`\b(\w+)`: the leftmost match of `(\w+)...` starts a word, since one starting within a word would
# start one character sooner too; at a word's start only, the engine tries no match within words)
_OF_BEFORE = re.compile(r"\b(\w+)\s+of\s+(?:the\s+|a\s+|an\s+|its\s+)?((?:[\w'-]+\s+){0,3})$")
_PUNCTUATION = re.compile(r"[,;:.]")
_WORDS = re.compile(r"[\w'’-]+")
_WORD_BEFORE = re.compile(r"\b(\w+)(?:\s+attendance)?\s+$")


class MentionStatus:
    def is_future(self, t: Trigger) -> bool:
        sentence = self.doc.sentence_of(t.start)
        before = self.text[max(sentence.start, t.start - 110):t.start]
        cue = self.lex.future_before.search(before)
        if cue and not (t.phrase in self.lex.verbs and RELATIVE_BEFORE.search(before, 0, cue.start())):
            # (not "The ministers who were invited to the celebration called on X": the cue is the subject's)
            return True
        if t.start < self.headline_end and HEADLINE_FUTURE.search(before):
            return True  # a headline's "GCC foreign ministers to meet in Riyadh": to come
        if t.start < self.headline_end:
            aim = HEADLINE_TO_DO.search(before)
            if aim is not None and not HEADLINE_VERB.search(before, 0, aim.start()):
                return True  # "Leaders of Mali and Niger to hold first joint summit"; not "Modi welcomes Hasina to hold talks"
        return self.lex.future_after.match(self.text[t.end:t.end + 200]) is not None or self._announced_in_present(t)

    def _announced_in_present(self, t: Trigger) -> bool:
        """"Biden meets on Tuesday with Lourenço" in a report of Monday: the present
        tells what is to come (of another day than the report's; a headline's present is its news)."""
        verb = t.phrase.split(" ", 1)[0]  # ("meets on Tuesday with": the day inside the phrase)
        if (t.phrase not in PRESENT_TENSE and verb not in PRESENT_TENSE) or t.start < self.headline_end:
            return False
        told = TOLD_FOR_WEEKDAY.match(self.text, t.start + len(verb), min(len(self.text), t.end + 60))
        if told is None:
            return False
        day = WEEKDAYS[told.group(1).lower()]
        return self.published is None or len(self.published) < 10 or \
            dt.date.fromisoformat(self.published).weekday() != day

    def is_recalled(self, t: Trigger) -> bool:
        """"last met", "had previously met", "met ... last month": an earlier meeting."""
        return RECALLED_BEFORE.search(self.text, max(0, t.start - 14), t.start) is not None or \
            (t.text.lower() in self.lex.verbs and RECALLED_AFTER.search(self.text, t.end, self.clause_end(t.end)) is not None)

    def is_earlier(self, t: Trigger) -> bool:
        """Recalled by a cue, or dated beside its word to another month than the report."""
        if self.is_recalled(t):
            return True
        stated = self._clause_date(t)
        return bool(stated and self.published and stated[:7] != self.published[:7])

    def is_origin(self, t: Trigger) -> bool:
        """"the declaration adopted at the 4th Summit in 2011": where a document
        came from, not a meeting the report tells of; "the agreements reached by
        A and B at their talks in May" names who met, and tells of it."""
        origin = ORIGIN.search(self.text, self.doc.sentence_of(t.start).start, t.start)
        if origin is None:
            return False
        named = self.named_in_sentence.get(self.doc.sentence_index(t.start), [])
        return not any(origin.start() <= pos < t.start for pos, _ in named)

    def is_visit_frame(self, t: Trigger) -> bool:
        """"Son, who is paying an official visit to China": the setting of the
        meetings the report tells, not a meeting of its own."""
        return is_visit(t) and VISIT_FRAME.search(self.text, max(0, t.start - 40), t.start) is not None

    def is_urging(self, t: Trigger) -> bool:
        """"called on all parties to show restraint" urges; it is no visit."""
        return t.text.lower().startswith(("called on", "calls on")) and \
            re.match(r"[^.;]{0,80}?\bto\s+[a-z]", self.text[t.end:self.clause_end(t.end)]) is not None

    def is_receipt(self, t: Trigger) -> bool:
        """"received the official reply from the Sultan", "received a letter from":
        a thing received, not a visitor."""
        if t.kind != "reception":
            return False
        if RECEIVED_THING.match(self.text, t.end) is not None:
            return True
        # "a press release from the ministry received by Antara": what was received came before
        return re.match(r"\s+by\b", self.text[t.end:t.end + 5]) is not None and \
            RECEIVED_AFTER_THING.search(self.text, self.doc.sentence_of(t.start).start, t.start) is not None

    def is_modifier(self, t: Trigger) -> bool:
        """"the decisions of the session": the meeting is named, not stated; "the
        importance of the summit held in Gabala in January" states one."""
        if HELD_AFTER.match(self.text, t.end) or t.phrase in self.lex.verbs:
            return False  # (a verb modifies nothing: "the CIS heads of state met")
        before = self.text[max(0, t.start - 60):t.start]
        m = _OF_BEFORE.search(before)
        if m is not None and t.org and any(r.start < max(0, t.start - 60) + m.start(1) + len(m.group(1)) < r.end <= t.start
                                           for r in self.plural_refs):
            return False  # "the AU heads of state and government summit": the "of" is the title's
        # "the agenda of the 37th Ordinary Session": only adjectives between "of the" and the meeting
        # not "the heads of state held a summit": a verb between tells the meeting, not a modifier of it
        if m and all((w[0].islower() or w[0].isdigit() or ADJECTIVE.match(w)) and w.lower() not in OF_VERBS
                     for w in m.group(2).split()) and \
                not _PUNCTUATION.search(before[m.start():]):
            part = MEETING_PART.search(before, 0, m.start(1)) is not None  # "the opening session of the 49th session"
            return m.group(1).lower() not in self.lex.of_frames and not part
        return False

    def article(self, t: Trigger) -> str:
        words = _WORDS.findall(self.text[max(0, t.start - 60):t.start])
        while words and (ADJECTIVE.match(words[-1]) or words[-1].endswith(("'", "’")) or DURATION.fullmatch(words[-1])):
            words.pop()  # "the leaders' summit", "the 20-minute phone talks": the article before them
        return words[-1].lower() if words else ""

    def format_word_before(self, t: Trigger) -> str | None:
        m = _WORD_BEFORE.search(self.text[max(0, t.start - 30):t.start])
        return self.lex.format_kind.get(m.group(1).lower()) if m else None

    def is_gerund(self, t: Trigger) -> bool:
        """"a great pleasure meeting Vice President Wang", "after meeting X": the
        meeting word is a verb whose object follows, its subject the one who speaks."""
        return t.text.lower() == "meeting" and self.article(t) not in DEFINITE | INDEFINITE and \
            GERUND_OBJECT.match(self.text, t.end) is not None
