"""The date, place and chair or host a sentence gives a meeting."""
from __future__ import annotations

import re

from ..coreference import Person
from ..mentions import Mention
from ..text import Span
from .lexicon import (
    YEAR_AFTER_WORD,
    CAPITAL_NAMED,
    AGENT_BY,
    PASSIVE_AUX,
    VISIT_TO,
    AFTER_VENUE,
    CITY_OF,
    TOWN_BEFORE_STATE,
    HELD_IN,
    NOT_WHEN_HELD,
    OFFICE_BEGAN,
    SAME_DAY,
    VENUE,
    VENUE_WORD,
    WORDS,
    MeetingDraft,
    SentencePeople,
    Trigger,
    alternation,
    is_visit,
)

# "from 28 to 30 October": a range of days whose own first word is "from"
_DAY_RANGE = re.compile(r"\d\s*(?:-|–|to|and|until)\s*\d")
_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_SUBJECT_REACH = 60  # characters before a chair's or host's verb in which its subjects are named ("A and his wife B hosted")
_SINCE_CLAUSE = re.compile(rf"\b(?:{alternation(WORDS['since_clause'])})\b[^,.;]*$", re.I)
# compiled once: read at every place of a sentence
_SPACE = re.compile(r"\s+")
# "... Cooperation (OIC) in Islamabad": past a bracket too (from a word's start, where the leftmost match starts:
# the engine tries none within words)
_PREPOSITION_BEFORE = re.compile(r"\b(\w+)\)?,?\s+(in|at|to)\s+(?:the\s+)?$")


class SentenceFacts:
    def sentence_date(self, meeting: MeetingDraft, sentence: Span, trigger: Trigger | None, new: bool) -> None:
        if meeting.date_span is not None:
            return
        anchor = trigger.start if trigger else sentence.start
        best = None
        for d in self.dates:
            if not (sentence.start <= d.start < sentence.end) or not d.value:
                continue
            if not new and self.published and d.value[:len(self.published)] > self.published:
                continue  # "the visit comes ahead of the summit on 1 December": a meeting told as held is not to come
            before = self.text[max(sentence.start, d.start - 12):d.start].lower()
            if NOT_WHEN_HELD.search(before) and not (_FROM_BEFORE.search(before) and _DAY_RANGE.search(d.text)):
                continue
            if trigger is not None and trigger.end <= d.start and _SINCE_CLAUSE.search(self.text, trigger.end, d.start):
                continue  # "the first meeting since the launch of the cabinet in December 2012"
            if OFFICE_BEGAN.search(self.text[max(sentence.start, d.start - 45):d.start]):
                continue  # "his first visit since taking office in August 2023": when the office began
            if trigger is None and (d.relative or len(d.value) < 10):
                continue  # a sentence of the meeting without its word: only a day it states ("(Strasbourg, 18-19 May 2006)")
            if self.lex.future_before.search(self.text, max(sentence.start, d.start - 70), d.start):
                continue  # "the election to be held on June 4": a day to come
            if meeting.kind != "talks" or not (trigger and is_visit(trigger)):
                # a year alone dates only the meeting word right before it ("the summit held in 2016 in Hangzhou")
                if len(d.value) < 7 and not (trigger is not None and YEAR_AFTER_WORD.fullmatch(self.text, trigger.end, d.start)):
                    continue
            distance = abs(d.start - anchor)
            if not new and trigger is not None and any(min(d.start, anchor) < t.start < max(d.start, anchor) and t.end <= d.start
                                                       for t in self.triggers(sentence) if t.start != trigger.start):
                continue  # "During the talks, they reviewed the meeting held in August 2022": that meeting's
            if best is None or distance < best[0]:
                best = (distance, d)
        if best is not None:
            d = best[1]
            value = d.value
            if SAME_DAY.search(d.text) and any(m.date == value and self._recalled(m) for m in self.meetings):
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
        visit = is_visit(trigger)
        found: list[tuple[int, Mention]] = []
        for m in self.mentions_of(sentence):
            if m.kind not in ("place", "state") or self._inside_title_span(m.start):
                continue
            if trigger.end <= m.start and _SINCE_CLAUSE.search(self.text, trigger.end, m.start):
                continue  # "the first meeting since the new leadership took office in Tokyo": not where they met
            if VENUE_WORD.match(self.text, m.end):
                continue  # "Lusail Palace" is a venue, not the city of Lusail
            if m.kind == "place" and m.end <= trigger.start and _SPACE.fullmatch(self.text[m.end:trigger.start]):
                found.append((0, m))  # "the Samarkand Summit"
                continue
            if visit and m.kind == "place" and m.start >= trigger.end and _SPACE.fullmatch(self.text, trigger.end, m.start):
                found.append((1, m))  # "visits Washington"
                continue
            if visit and m.start >= trigger.end and VISIT_TO.fullmatch(self.text, trigger.end, m.start):
                found.append((0, m))  # "during his visit to Turkiye", not "he told reporters in Tehran"
                continue
            if m.kind == "place" and CAPITAL_NAMED.search(self.text, max(sentence.start, m.start - 50), m.start):
                found.append((0, m))  # "in the capital of Argentina, Buenos Aires", "the Algerian capital, Algiers"
                continue
            if m.kind == "place" and AFTER_VENUE.search(self.text, max(sentence.start, m.start - 60), m.start):
                found.append((1, m))  # "at State House, Nairobi"
                continue
            prep = _PREPOSITION_BEFORE.search(self.text[max(sentence.start, m.start - 40):m.start])
            if prep and (prep.group(2) != "to" or visit) and prep.group(1).lower() not in self.lex.not_venue:
                found.append((1 if m.kind == "place" else 2, m))
        if not found and meeting.location_span is None:
            city = CITY_OF.search(self.text, sentence.start, sentence.end)
            if city is not None:  # "in the Argentine city of Puerto Iguazu"
                meeting.location, meeting.location_span = city.group(1), Span(city.start(1), city.end(1))
                return
            for m in self.mentions_of(sentence):
                town = TOWN_BEFORE_STATE.search(self.text, max(sentence.start, m.start - 50), m.start) \
                    if m.kind == "state" else None
                if town is not None and not self.in_title[town.start(1)]:
                    # "in Charlevoix, Canada": a town no list holds, placed by its state
                    meeting.location, meeting.location_span = town.group(1), Span(town.start(1), town.end(1))
                    meeting.location_country = m.key
                    return
        if not found:
            # "the summit in Gabala": an unknown place right after the meeting's words
            for m in self.mentions_of(sentence):
                if m.kind == "name" and m.start > trigger.end and " " not in m.text and not VENUE_WORD.match(self.text, m.end) and \
                        HELD_IN.fullmatch(self.text[trigger.end:m.start]):
                    meeting.location, meeting.location_span = m.text, Span(m.start, m.end)
                    return
        if found and meeting.location_span is not None:
            found = [x for x in found if x[1].kind == "place" and x[1].key == meeting.location_country]
        if found:
            _, m = min(found, key=lambda x: (x[0], abs(x[1].start - trigger.start)))
            meeting.location = m.text if m.kind == "place" else self.gz.state_name(m.key)
            meeting.location_country, meeting.location_span = m.key, Span(m.start, m.end)
            return
        venue = VENUE.search(self.text, sentence.start, sentence.end)
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
        for cue in self.lex.chair.finditer(self.text, sentence.start, sentence.end) if "chair" in self.cues else ():
            if trigger is None and not self._passive(cue):
                continue  # "The plenary was chaired by X" needs no meeting word; "X hosted" does
            if shared and not self._nearest_trigger(cue.start(), trigger, sentence):
                continue
            chair_cue = True
            word = cue.group().lower()
            after = sp.people(cue.end(), self.clause_end(cue.end()) + 1)
            before = sp.people(sentence.start, cue.start())
            if self._passive(cue) or word.startswith("under"):
                agent = (self._agent_start(cue) or cue.end()) if self._passive(cue) else cue.end()
                after = sp.people(agent, self.clause_end(cue.end(), past_abbreviations=True) + 1)
                # "chaired by South Africa", "under the chairmanship of Kazakhstan": a state chairs
                state = next((m for m in self.mentions_of(sentence) if m.kind in ("state", "demonym")
                              and agent <= m.start < agent + 12 and not self.in_title[m.start]), None)
                if state is not None and not (after and after[0][0] < state.start):
                    meeting.chair_state = state.key
                elif after:
                    self._set_chair(meeting, after[0][1], after[0][2])
                    if word.startswith("co-"):  # "co-chaired by A and B": both sit at it
                        for _, p, span in after:
                            meeting.add(p, span)
            elif before:
                # "King Charles and Queen Consort Camilla hosted": the highest in rank of the clause's subjects
                subjects = [x for x in before if x[0] >= max(self._clause_start(cue.start()), cue.start() - _SUBJECT_REACH)] \
                    or [before[-1]]
                _, person, span = max(reversed(subjects), key=lambda x: self.gz.role_rank.get(x[1].role or "", 0))
                self._set_chair(meeting, person, span)
            if meeting.chair is not None or meeting.chair_state:
                return  # else "The meeting opened ... under the chairmanship of X": the next cue
        if chair_cue or meeting.host is not None or trigger is None or "host" not in self.cues:
            return
        for cue in self.lex.host.finditer(self.text, sentence.start, sentence.end):
            word = cue.group().lower()
            after = sp.people(cue.end(), self.clause_end(cue.end()) + 1)
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
                after = sp.people(self._agent_start(cue) or cue.end(), self.clause_end(cue.end()) + 1)
                meeting.host = after[0][1] if after else None
            elif before and (after or word not in self.lex.host_of_people):
                # not "X welcomed the decision": one welcomes a guest; "King Charles and Queen Consort Camilla
                # hosted": the highest in rank of those who host
                hosts = [p for pos, p, _ in before if pos >= max(self._clause_start(cue.start()), cue.start() - _SUBJECT_REACH)] \
                    or [before[-1][1]]
                meeting.host = max(reversed(hosts), key=lambda p: self.gz.role_rank.get(p.role or "", 0))
            if meeting.host is not None:
                return

    def _passive(self, cue: re.Match) -> bool:
        """"was received by X", "was received upon his arrival by X", "were warmly welcomed at the airport by X"."""
        return cue.group().lower().endswith(" by") or re.match(r"\s+by\b", self.text[cue.end():cue.end() + 5]) is not None \
            or (PASSIVE_AUX.search(self.text, max(0, cue.start() - 24), cue.start()) is not None and
                self._agent_start(cue) is not None)

    def _agent_start(self, cue: re.Match) -> int | None:
        """Where the agent of a passive verb begins: after its "by", within the clause."""
        if cue.group().lower().endswith(" by"):
            return cue.end()
        by = AGENT_BY.search(self.text, cue.end(), min(self.clause_end(cue.end()), cue.end() + 60))
        return by.end() if by is not None else None

    def _nearest_trigger(self, pos: int, trigger: Trigger, sentence: Span) -> bool:
        triggers = self.triggers(sentence)
        before = [t for t in triggers if t.start < pos]
        # "The summit started with a meeting of the Council chaired by X": the meeting word nearest before
        return before[-1].start == trigger.start if before else not triggers or triggers[0].start == trigger.start

    def _set_chair(self, meeting: MeetingDraft, person: Person, span: Span) -> None:
        if meeting.chair is None:
            meeting.chair, meeting.chair_span = person, span
            meeting.add(person, span)
