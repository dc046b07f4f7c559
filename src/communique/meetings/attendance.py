"""Who a sentence names, and which of them took part in the meetings it tells of."""
from __future__ import annotations

import re

from ..text import Span
from .lexicon import (
    GROUP_PRONOUN,
    GROUP_PRONOUN_ALONE,
    GROUP_LISTED_AFTER,
    GROUP_LISTED_BEFORE,
    FRONTED_CLAUSE,
    JUDGED,
    BYSTANDER,
    HELD_BEFORE,
    LEVEL_ROLES,
    NEAR,
    OBJECT_OF,
    ORG_ROLES,
    POSSESSED,
    POSSESSIVE,
    REPORTED,
    REPRESENTED_BY,
    SELF,
    SUBORDINATE,
    MeetingDraft,
    SentencePeople,
    Trigger,
    is_visit,
)


class Attendance:
    def sentence_people(self, sentence: Span) -> SentencePeople:
        sp = SentencePeople()
        index = self.doc.sentence_index(sentence.start)
        named_here = self.named_in_sentence.get(index, [])
        for start, person in named_here:
            sp.items.append((start, person, next(s for s in person.mentions if s.start == start)))
        for start, persons in self.references_in.get(index, []):
            end = self.reference_end.get(start, start)
            for p in persons:
                sp.items.append((start, p, Span(start, end)))
            if start in self.plural_starts:
                sp.plural.add(start)
        first_named = min((start for start, _ in named_here), default=sentence.end)
        named = sorted(named_here, key=lambda x: x[0])
        for m in self.lex.pronouns.finditer(self.text, sentence.start, sentence.end):
            main = self.text.find(",", m.end(), sentence.end)
            subject = next(((start, p) for start, p in named if main >= 0 and start > main), None)
            if subject is not None and FRONTED_CLAUSE.match(self.text, sentence.start, m.end()) and \
                    not self.text[main + 1:subject[0]].strip():
                # "After he met President X, Zameer posted ...": the subject of the clause that follows
                sp.items.append((m.start(), subject[1], Span(m.start(), m.end())))
            # "He held ...", "On the same day he held ...": the person last named before
            elif self.last_person is not None and m.start() < first_named:
                sp.items.append((m.start(), self.last_person, Span(m.start(), m.end())))
            elif named and m.start() > first_named and self._meeting_word_after(m.end()):
                # "Lula met Petro, and in the afternoon he met Boluarte": the sentence's subject
                sp.items.append((m.start(), named[0][1], Span(m.start(), m.end())))
            break
        for m in self.lex.groups.finditer(self.text, sentence.start, sentence.end):
            sp.groups.append(Span(m.start(), m.end()))
        sp.items.sort(key=lambda x: x[0])
        return sp

    def apply_sentence(self, sentence: Span, sp: SentencePeople,
                       touched: list[tuple[MeetingDraft, Trigger | None, bool]]) -> None:
        if not touched:
            return
        absence = self.lex.absence.search(self.text, sentence.start, sentence.end) if "absence" in self.cues else None
        # "Kuleba boycotted the meeting in protest at Lavrov's presence": who stayed away
        # is named before the cue ("In a message, X said": after it, when none is before)
        # ("his counterparts from the Baltic states" stand for too many to say who)
        absent = [p for pos, p, _ in sp.people(sentence.start, absence.start()) if pos not in sp.plural] or \
            [p for pos, p, _ in sp.people(absence.end(), sentence.end) if pos not in sp.plural] if absence else []
        attendance = bool(self.lex.attendance.search(self.doc.folded[sentence.start:sentence.end]))
        if len(touched) == 1 and touched[0][1] is None and self._group_listed(sentence, sp):
            attendance = True  # "The ambassadors are A from X, B from Y": the partners of the meeting at hand
            touched[0][0].partner_list = sentence
        stand_in = REPRESENTED_BY.search(self.text, sentence.start, sentence.end)
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
            verb = trigger is not None and (trigger.phrase in self.lex.verbs or
                                            HELD_BEFORE.search(self.text, max(0, trigger.start - 60), trigger.start) is not None)
            if new or attendance or verb:
                for _pos, p, span in self._participants_for(meeting, trigger, sp, attendance and len(touched) == 1):
                    meeting.add(p, span)
                near = [g for g in sp.groups if trigger is None or abs(g.start - trigger.start) < NEAR]
                if trigger is not None and OBJECT_OF.search(self.text, max(0, trigger.start - 40), trigger.start):
                    near = []  # "The parties noted the importance of the summit": they are not its people
                if near and len(meeting.participants) < 2 and self._previous(meeting) is not None and \
                        not self._recalled(meeting):  # "they" are today's people, not those of a recalled meeting
                    # "the officials were received by X": the people of the meeting before; not
                    # when the sentence names both sides ("Aliyev and Erdogan met, and they discussed")
                    for p, span in self._previous(meeting).participants.values():
                        meeting.add(p, span)
                if new:
                    self._teller_of_nominal(meeting, trigger, sentence, sp)
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
        if "formats" not in self.cues:
            return
        target = touched[-1][0]
        for m in self.lex.formats.finditer(self.doc.folded, sentence.start, sentence.end):
            for word in re.findall(r"[\w-]+", self.text[m.start():m.end()]):  # as printed: "İ" is no "i" here
                kind = self.lex.format_kind.get(word.lower())
                if kind:
                    (new_ones[-1] if new_ones else target).formats.add(kind)

    def _group_listed(self, sentence: Span, sp: SentencePeople) -> bool:
        """A sentence opened by a group of the meeting at hand, then "are" or "include" and
        its people by name (not "The top diplomats are likely to discuss ...")."""
        if not GROUP_PRONOUN.match(self.text, sentence.start):
            return False  # (read at every sentence that names no meeting: the opening word first)
        pronoun = GROUP_PRONOUN_ALONE.match(self.text, sentence.start)  # "These included A from X, B from Y"
        first = None if pronoun else next((r for r in self.plural_refs if sentence.start <= r.start < sentence.end), None)
        if pronoun is None and (first is None or GROUP_LISTED_BEFORE.fullmatch(self.text, sentence.start, first.start) is None):
            return False
        copula = GROUP_LISTED_AFTER.match(self.text, pronoun.end() if pronoun else first.end)
        return copula is not None and len({p.id for _, p, span in sp.people(copula.end(), sentence.end)
                                           if span.start >= copula.end()}) >= 2

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

    def _teller_of_nominal(self, meeting: MeetingDraft, trigger: Trigger | None, sentence: Span,
                           sp: SentencePeople) -> None:
        """"X told Deputy Minister Y about ... . The meeting with Y and Z was aimed at":
        a meeting named with its partners only has, as its other side, the one the
        report was telling of."""
        subject = self.last_person
        if trigger is None or subject is None or trigger.phrase in self.lex.verbs or is_visit(trigger) or \
                subject.id in meeting.participants or sp.people(sentence.start, trigger.start) or sp.groups:
            return
        partners = [p for p, _ in meeting.participants.values()]
        if not partners or any(p.country in (subject.country, None) for p in partners):
            return
        meeting.add(subject, max((s for s in subject.mentions if s.start < trigger.start), key=lambda s: s.start,
                                 default=subject.mentions[0]))

    def _messaged(self, sentence: Span, sp: SentencePeople) -> set[str]:
        """Who a sentence says sent or was sent a message or greetings: the first
        person named right after "greetings from", "on behalf of", "greetings to"."""
        out: set[str] = set()
        if "messages" not in self.cues:
            return out
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
        if trigger is not None and is_visit(trigger):
            items = sp.people(trigger.end, self.clause_end(trigger.end))
        elif trigger is not None and sp.items and POSSESSIVE.search(self.text, max(0, trigger.start - 30), trigger.start) \
                and self._with_people(trigger, sp):
            # "X briefed the Prime Minister on his talks with Y": X, whose talks they were, and Y
            partners = {p.id for p in self._with_people(trigger, sp)}
            items = [sp.items[0]] + [x for x in items if x[1].id in partners and x[1] is not sp.items[0][1]]
        elif trigger is not None:
            sentence = self.doc.sentence_of(trigger.start)
            said = None
            for said in REPORTED.finditer(self.text, sentence.start, trigger.start):
                pass
            if said is not None and not SELF.search(self.text, said.end(), trigger.end) and not self.is_gerund(trigger):
                # "Wang said China supports the outcome of the Cairo Summit": the speaker was not there
                items = [x for x in items if x[0] >= said.end()]
            if JUDGED.search(self.text, max(sentence.start, trigger.start - 60), trigger.start):
                items = [x for x in items if x[0] >= trigger.start]  # "X commended the meeting between A and B"
            aside = SUBORDINATE.search(self.text, trigger.end, sentence.end)
            if aside is not None and not attended:
                # "held talks by telephone, since President Yoon declared martial law": not of the talks
                items = [x for x in items if x[0] < aside.start()]
        # a body's level keeps out those merely named; not those the sentence says took part
        level = None if attended else LEVEL_ROLES.get(meeting.level or "")
        out = []
        for pos, p, span in items:
            if level and p.role not in level and p.role not in ORG_ROLES:
                continue
            if pos in sp.plural and trigger is not None and (abs(pos - trigger.start) >= NEAR or self.is_earlier(trigger)):
                # "Ministers thanked the hosts for the reception": the group, not its guests;
                # "the ministers last met in May": who holds the office now, not who sat then
                continue
            if trigger is not None and self._possessor(span, trigger):
                continue  # "discussed President Xi's possible visit": whose visit, not who met
            if p.claims and all(BYSTANDER.search(c.title) for c in p.claims):
                continue  # "attributable to Spokesperson X", "a correspondent reports": who tells, not who met
            out.append((pos, p, span))
        return out

    def _possessor(self, span: Span, trigger: Trigger) -> bool:
        """A person named as the owner of something other than the meeting ("Xi's
        visit"), not of the meeting itself ("Blinken's meeting with Kacer")."""
        after = POSSESSED.match(self.text, span.end)
        if after is None:
            return False
        return not any(t.start >= span.end and t.start - after.end() < 30 and not self.is_future(t)
                       for t in self.triggers(self.doc.sentence_of(trigger.start)))
