"""Which meeting a meeting word tells of: a new one, or one already stated (the same body, the same people, a reference back)."""
from __future__ import annotations

import re
from bisect import bisect_left

from ..coreference import Person
from ..gazetteer import BodyInfo
from ..text import Span
from .lexicon import (
    WELCOMED_TO,
    SIDELINES,
    RECALLED_AHEAD,
    WITH_PARTNER,
    ABBREVIATION_PERIOD,
    CLAUSE_END,
    DEFINITE,
    HELD,
    HABITUAL,
    HELD_AFTER,
    INDEFINITE,
    JOINED,
    MET_AT_GATHERING,
    KIND_FOR_WORD,
    PARTNERS_OF,
    PARTNERS_OF_CALL,
    PARTNERS_OF_VISIT,
    PARTNER_GROUP,
    PASSIVE_BY,
    PERSON_OBJECT_VERBS,
    HOSTED_FOR,
    ARRIVAL,
    ARRIVAL_VERBS,
    BOTH_SIDES,
    STATES_AFTER_GROUP,
    STATE_LIST_GAP,
    QUALIFIER,
    REPORTED,
    VISIT_TOLD,
    MeetingDraft,
    SentencePeople,
    Trigger,
    days_apart,
    title_cased,
    is_visit,
)


class MentionLinking:
    def place_trigger(self, t: Trigger, sp: SentencePeople) -> tuple[MeetingDraft | None, bool]:
        if t.phrase in self.lex.joint_verbs:
            return self._joint(t, sp)
        with_people = self._with_people(t, sp)
        if t.phrase.endswith("meetings") and not (t.body or t.org or t.named) and not with_people and \
                not self.partner_states(t):
            return None, False  # "held bilateral meetings with several member states": a count, no partner told
        if self._attended_gathering(t, sp):
            return None, False
        article = self.article(t)
        if t.named and not (t.body or t.org):
            same = next((m for m in self.meetings if m.trigger.text.lower() == t.text.lower() and m.trigger.named), None)
            if same is not None:
                return same, False  # "the Tripartite Meeting" named again
        if t.body or t.org:
            same = next((m for m in reversed(self.meetings) if self._same_body(m, t)), None)
            stated = self._clause_date(t)
            if same is not None and not self._another_month(stated, same):
                return same, False  # not "the ministers previously met in September last year": another session
            if (same is not None or self.is_earlier(t)) and self.is_origin(t):
                return None, False  # "the declaration adopted at the 4th Summit in 2011": no meeting told
            return self.new(t), True
        if is_visit(t) and article in DEFINITE and VISIT_TOLD.match(self.text, t.end):
            return None, False  # "The visit is the minister's second this year": said of a visit, no meeting
        recalled = self.is_recalled(t)
        clause_start = self._clause_start(t.start) if self.plural_refs else t.start  # (found once, not once a reference)
        plural_subject = any(clause_start <= r.start < t.start for r in self.plural_refs)
        if recalled and (sp.items or sp.groups or plural_subject) and not self.is_origin(t):
            # "Lavrov and Fidan last met in Antalya", "They met in Indonesia last month": an earlier meeting
            return self._earlier_meeting(t, sp, plural_subject), True
        if article in DEFINITE and not t.named:
            target = self._compatible(t, with_people)
            stated = self._clause_date(t)
            recalled_ahead = stated is not None and \
                RECALLED_AHEAD.search(self.text, self._clause_start(t.start), t.start) is not None
            if target is not None and (self._another_month(stated, target) or recalled_ahead):
                # "at their talks in Tashkent in December 2022": another, earlier meeting
                return (None, False) if self.is_origin(t) else (self._earlier_meeting(t, sp, False), True)
            if target is not None:
                return target, False
        held = HELD.search(self.text, t.end, self.clause_end(t.end)) is not None or \
            HELD_AFTER.match(self.text, t.end) is not None
        if not held and not t.named and HABITUAL.search(self.text, max(0, t.start - 50), t.start):
            return None, False  # "part of the regular and sustained consultations between the two countries"
        if held and not self.meetings:
            return self.new(t), True  # "political consultations ... were held in Ashgabat"
        if article in DEFINITE and self.meetings and not (t.named or t.specific or with_people or held) and \
                not sp.people(t.end, self.clause_end(t.end)):
            return None, False  # "informed him about the latest round of negotiations": no meeting of its own
        if not (t.specific or t.named or article in INDEFINITE) and not sp.items and not sp.groups:
            target = self._compatible(t, with_people)
            return (target, False) if target is not None else (None, False)
        if not (t.specific or t.named or article in INDEFINITE or with_people or self.partner_states(t)):
            target = self._compatible(t, with_people)
            stated = self._clause_date(t)
            if target is not None and not self._another_month(stated, target) and not self._others_met(t, sp, target):
                return target, False
        if t.phrase in self.lex.encounters and PASSIVE_BY.match(self.text, t.end) or t.phrase in PERSON_OBJECT_VERBS and (
                not with_people or t.phrase not in ARRIVAL_VERBS and any(
                    o.start > t.end and HOSTED_FOR.search(self.text, max(t.end, o.start - 80), o.start)
                    for o in self.triggers(self.doc.sentence_of(t.start)))):
            # "the meeting, hosted by Fidan": who hosts the meeting at hand; "hosted the summit": no meeting of its
            # own; "hosted A and B for a trilateral meeting": the meeting word after tells it
            return None, False
        if t.phrase in ARRIVAL_VERBS and not ARRIVAL.search(self.text, *self._sentence_bounds(t)) and \
                not self._welcomed_to_a_place(t, sp):
            # "Welcoming his counterpart, X noted": the talks at hand, no welcome on arrival or to a place
            return None, False
        if t.phrase in self.lex.encounters and not with_people and not sp.groups:
            return self._talks_at_hand(), False  # "the sides exchanged views": no partner, no meeting of its own
        told = self._told_before(t, sp, with_people)
        if told is not None:
            return told, False
        return self.new(t), True

    def _sentence_bounds(self, t: Trigger) -> tuple[int, int]:
        sentence = self.doc.sentence_of(t.start)
        return sentence.start, sentence.end

    def _earlier_meeting(self, t: Trigger, sp: SentencePeople, plural_subject: bool) -> MeetingDraft:
        """An earlier meeting the report recalls; told of a group while a body's
        session is at hand ("The ministers previously met in New York"), it is
        that body's earlier session, whoever sat at it."""
        at_hand = next((x for x in reversed(self.meetings) if x.kind in ("session", "summit") and not self._recalled(x)), None)
        m = self.new(t)
        # "the informal meeting of foreign ministers held in Budapest in August": a group after the word
        group_after = any(0 <= r.start - t.end <= 8 for r in self.plural_refs)
        clause_start = self._clause_start(t.start)
        group_only = not sp.people(clause_start, t.start) and \
            (plural_subject or group_after or any(clause_start <= g.start < t.start for g in sp.groups))
        if group_only and not (t.body or t.org) and at_hand is not None and (at_hand.org or at_hand.body):
            m.kind, m.org, m.org_span = at_hand.kind, at_hand.org, at_hand.org_span
            m.body, m.body_span = at_hand.body, at_hand.body_span
        return m

    def _welcomed_to_a_place(self, t: Trigger, sp: SentencePeople) -> bool:
        """"welcomed Blinken to the NATO Headquarters": the guest welcomed, then where
        (not "welcomed Saidov's visit to Japan")."""
        guests = sp.people(t.end, self.clause_end(t.end))
        return bool(guests) and WELCOMED_TO.match(self.text, guests[0][2].end) is not None

    def _attended_gathering(self, t: Trigger, sp: SentencePeople) -> bool:
        """"The presidents of A, B and C met at the 1st Summit of the Turkic Council": more
        than two who meet at a body's gathering took part in it; no talks of their own."""
        if t.phrase not in self.lex.verbs or not MET_AT_GATHERING.match(self.text, t.end):
            return False
        sentence = self.doc.sentence_of(t.start)
        gathering = next((o for o in self.triggers(sentence) if o.start > t.end), None)
        if gathering is None or gathering.kind not in ("session", "summit") or not (gathering.org or gathering.body) or \
                not re.fullmatch(r"\s+(?:at|during)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}", self.text[t.end:gathering.start]):
            return False
        return len({p.id for _, p, _ in sp.people(sentence.start, t.start)}) > 2  # (past the periods of "H.E.")

    def _others_met(self, t: Trigger, sp: SentencePeople, m: MeetingDraft) -> bool:
        """"Earlier, Lavrov and his counterpart Cavusoglu met": a verb of meeting
        whose subjects include someone the meeting told before did not have."""
        if t.phrase not in self.lex.verbs:
            return False
        subjects = {p.id for _, p, _ in sp.people(self._clause_start(t.start), t.start)}
        if len(subjects) < 2:
            return False
        if not subjects <= set(m.participants):
            return True
        # "On the margins of the summit, Holness and Ali held talks": their own, though both were at the summit
        sentence = self.doc.sentence_of(t.start)
        return m.kind in ("session", "summit") and any(
            o.start != t.start and SIDELINES.search(self.text, max(sentence.start, o.start - 80), o.start)
            for o in self.triggers(sentence))

    def _another_month(self, stated: str | None, m: MeetingDraft) -> bool:
        """Whether a date stated beside a meeting word is of another month than
        the meeting told before, which is the report's day when it has none yet."""
        told = m.date or self.published
        return bool(stated and told and stated[:7] != told[:7])

    def _joint(self, t: Trigger, sp: SentencePeople) -> tuple[MeetingDraft | None, bool]:
        """"Abdullah bin Zayed and Faisal bin Farhan reviewed relations": officials
        of two sides who do something together met; alone, or with nobody
        named, the verb states nothing of its own."""
        sentence = self.doc.sentence_of(t.start)
        clause_start = self._clause_start(t.start)
        subjects = [(pos, p) for pos, p, _ in sp.people(clause_start, t.start)]
        sides = {p.country or p.org for _, p in subjects} - {None}
        joined = len(subjects) >= 2 and JOINED.search(self.text, subjects[0][0], subjects[-1][0]) is not None
        told_of = REPORTED.search(self.text, clause_start, t.start) is not None  # "X said the ministers discussed"
        # "A and B discussed floods in a telephone conversation": the other meeting word tells what it was
        other = any(o.start != t.start and o.phrase not in self.lex.joint_verbs
                    for o in self.triggers(sentence))
        ids = {p.id for _, p in subjects}
        in_session = self.current is not None and self.current.kind in ("session", "summit") and \
            ids <= set(self.current.participants)  # "Baerbock, Sejourne and Sikorski also discussed": at the Council
        if not (len(sides) >= 2 and joined) and subjects and not told_of and not other and not in_session:
            # "Cafiero discussed the agenda with Brazilian Foreign Minister Franca": the partner after "with"
            partner = WITH_PARTNER.search(self.text, t.end, self.clause_end(t.end))
            partners = sp.people(partner.end(), self.clause_end(t.end)) if partner else []
            if partners and (partners[0][1].country or partners[0][1].org) not in sides | {None} and len(sides) == 1:
                told = self._told_before(t, sp, [partners[0][1]])
                return (told, False) if told is not None else (self.new(t), True)
        if len(sides) < 2 or not joined or told_of or other or in_session:
            return None, False  # the sentence goes on telling of the meeting at hand
        told = self._told_before(t, sp, [])
        return (told, False) if told is not None else (self.new(t), True)

    def _told_before(self, t: Trigger, sp: SentencePeople, with_people: list[Person]) -> MeetingDraft | None:
        """One meeting told twice ("Lavrov met Wang on Monday. ... Lavrov also
        exchanged views with Wang on Ukraine"): an encounter verb of people who
        all met already, on no other stated day, tells of that meeting; with
        nobody named ("the two sides exchanged views"), of the meeting at hand."""
        if t.phrase not in self.lex.encounters and t.phrase not in self.lex.joint_verbs:
            return None
        ids = {p.id for _, p, _ in sp.people(self._clause_start(t.start), t.start)} | {p.id for p in with_people}
        if not ids:
            return self._talks_at_hand()
        stated = self._clause_date(t)
        for m in reversed(self.meetings):
            if m.kind in ("talks", "call", "reception") and ids <= set(m.participants) and not self._recalled(m) \
                    and not (stated and m.date and stated[:10] != m.date[:10]):
                return m
        return None

    def _talks_at_hand(self) -> MeetingDraft | None:
        """The meeting being told, when it is talks, a reception or a call."""
        return self.current if self.current is not None and self.current.kind in ("talks", "call", "reception") else None

    def _clause_start(self, pos: int) -> int:
        sentence = self.doc.sentence_of(pos)
        return max([e for s, e in self._clause_spans(sentence) if e <= pos and
                    not ABBREVIATION_PERIOD.search(self.text, max(0, s - 5), e)], default=sentence.start)

    def _with_people(self, t: Trigger, sp: SentencePeople) -> list[Person]:
        joint = PARTNERS_OF_VISIT if is_visit(t) else PARTNERS_OF_CALL if t.kind == "call" else PARTNERS_OF
        m = joint.match(self.text, t.end, t.end + 40)
        verb = t.phrase in self.lex.verbs or self.is_gerund(t)
        if not (m or verb):
            return []  # "spoke by telephone to X", "met X": a verb's objects are its partners too
        end = self.clause_end(t.end)
        if t.phrase in self.lex.encounters:
            # "hosted the summit, attended by X": an encounter's partner is its object, before any other meeting word
            end = min([o.start for o in self.triggers(self.doc.sentence_of(t.start)) if o.start > t.end] + [end])
        return [p for pos, p, _ in sp.people(t.end, end)]

    def _clause_date(self, t: Trigger) -> str | None:
        """An explicit date stated right after a trigger, in its clause ("met at
        the 76th General Assembly in New York in September 2021": after the gathering's word)."""
        end = self.clause_end(t.end)
        anchor = t.end
        if MET_AT_GATHERING.match(self.text, t.end):
            anchor = next((o.end for o in self.triggers(self.doc.sentence_of(t.start)) if t.end < o.start < end), t.end)
        return next((d.value for d in self.dates if t.end <= d.start < end and d.value and d.start - anchor < 60), None)

    def _clause_spans(self, sentence: Span) -> list[tuple[int, int]]:
        ends = self._clause_ends.get(sentence.start)
        if ends is None:  # once per sentence: many triggers ask
            ends = self._clause_ends[sentence.start] = [(m.start(), m.end()) for m in
                                                        CLAUSE_END.finditer(self.text, sentence.start, sentence.end)]
        return ends

    def clause_end(self, pos: int, past_abbreviations: bool = False) -> int:
        """Where the clause at `pos` ends; `past_abbreviations`, not at the period
        of "H.E." or "Dr." ("under the chairmanship of H.E. Bola Tinubu")."""
        sentence = self.doc.sentence_of(pos)
        ends = self._clause_spans(sentence)
        k = bisect_left(ends, (pos, -1))
        while past_abbreviations and k < len(ends) and ABBREVIATION_PERIOD.search(self.text, max(0, ends[k][0] - 5), ends[k][1]):
            k += 1
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
        kind = t.kind if t.kind in ("call", "reception") else KIND_FOR_WORD.get(word)
        if kind is None and t.specific:
            kind = "talks"  # "the bilateral consultation" is no courtesy call
        if t.kind == "summit":
            kind = "summit"  # "the summit" is no earlier talks
        candidates = [m for m in reversed(self.meetings) if (m.kind == kind if kind else m.kind != "call" or m.online)]
        # "Following the talks" is about the news, not the earlier talks the report recalled
        # stable: latest first among the news, then among the recalled; a session others met
        # on the sidelines of is their setting, not "the meeting" told
        candidates.sort(key=lambda m: (self._recalled(m), m.hosts_sidelines))
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
        qualifier = QUALIFIER.search(self.text[max(sentence.start, t.start - 40):t.start])
        if qualifier is None or title_cased(self.text[sentence.start:sentence.end]):
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
            return days_apart(m.date, self.published) > 7
        return m.date[:7] != self.published[:len(m.date)][:7]

    def partner_states(self, t: Trigger) -> list[str]:
        """The states a meeting word's partners are told by, in a list of two or more: "met the
        foreign ministers of A, B and C", "with her counterparts from A and B", "with his US and Polish counterparts"."""
        if t.start not in self._partner_states:  # once per meeting word: placing it and stating it both ask
            self._partner_states[t.start] = self._find_partner_states(t)
        return self._partner_states[t.start]

    def _find_partner_states(self, t: Trigger) -> list[str]:
        if t.kind not in ("talks", "reception", "call") or t.body or t.org:
            return []
        sentence = self.doc.sentence_of(t.start)
        group = PARTNER_GROUP.search(self.text, t.end, min(sentence.end, t.end + 100))
        if group is None or self.lex.together.search(self.text, sentence.start, sentence.end) or \
                BOTH_SIDES.search(self.text, t.end, group.start()):
            return []  # "the first meeting between the Japanese and Chinese foreign ministers": both sides
        # "the leaders of the European Union, Japan and Turkey": organisations are partners as states are
        states = [m for m in self.mentions_of(sentence) if m.kind in ("state", "demonym", "org")]
        after = STATES_AFTER_GROUP.match(self.text, group.end())
        if after is not None:  # "the foreign ministers of A, B and C"
            listed = [x for x in states if x.start >= after.end()]
            run = self._state_run(listed, after.end(), forward=True)
        else:  # "his US, Polish and Canadian counterparts"
            listed = [x for x in states if t.end <= x.start and x.end <= group.start()]
            run = self._state_run(listed, group.start(), forward=False)
        keys = list(dict.fromkeys(x.key for x in run))
        return keys if len(keys) >= 2 else []

    def _state_run(self, states: list, edge: int, forward: bool) -> list:
        """The states listed one after the other from `edge` on (or up to it), with only list separators between."""
        run = []
        ordered = states if forward else list(reversed(states))
        for x in ordered:
            if not run:
                gap = self.text[edge:x.start] if forward else self.text[x.end:edge]
                if forward and gap.strip():
                    break
                if not forward and not re.fullmatch(r"\s*(?:[a-z]+\s+)?", gap):
                    break
            else:
                prev = run[-1]
                gap_ok = STATE_LIST_GAP.fullmatch(self.text, prev.end, x.start) if forward else \
                    STATE_LIST_GAP.fullmatch(self.text, x.end, prev.start)
                if gap_ok is None:
                    break
            run.append(x)
        return run

    def new(self, t: Trigger) -> MeetingDraft:
        m = MeetingDraft(t.kind, t, len(self.meetings))
        m.partner_states = self.partner_states(t)
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

    def _meeting_word_after(self, pos: int) -> bool:
        return any(0 <= t.start - pos < 20 for t in self.triggers(self.doc.sentence_of(pos)))

    def _hosted_by_subject(self, sentence: Span, sp: SentencePeople) -> MeetingDraft | None:
        """"The Head of State welcomed ...", with no meeting word: the meeting the
        one who welcomes hosts, rather than the meeting named last."""
        if "host" not in self.cues:
            return None
        for cue in self.lex.host.finditer(self.text, sentence.start, sentence.end):
            before = sp.people(sentence.start, cue.start())
            if before:
                hosted = [m for m in reversed(self.meetings) if before[-1][1] in (m.host, m.chair)]
                return next((m for m in hosted if m.kind == "reception"), hosted[0] if hosted else None)
        return None
