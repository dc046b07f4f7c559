"""Finding meeting words in a sentence and binding bodies, organisations and groups to them."""
from __future__ import annotations

import re
from itertools import islice

from ..gazetteer import BodyInfo
from ..mentions import Mention
from ..text import Span
from .lexicon import (
    LEADERS_BETWEEN,
    ORGANISATION_HELD,
    OF_BODY,
    LEADERS_MEETING,
    LEADERS_WORD,
    MEETING_QUALIFIERS,
    UNLISTED_BODY,
    UNLISTED_BODY_BEFORE,
    BODY_ACTS,
    BODY_ATTENDED,
    BODY_MEETING,
    BODY_TO_ORG,
    DEFINITE,
    GENERIC_WORDS,
    GROUP_TO_MEETING,
    HELD_ITS,
    INDEFINITE,
    LEVEL_ROLES,
    MAX_TRIGGERS,
    MEETING_PART,
    MET_IN,
    NAME_KINDS,
    NO_MEETING,
    PART_OF,
    QUALIFIER,
    SESSION_LEVELS,
    SIDELINES_OF_NAMED,
    SUMMIT_QUALIFIER,
    TWO_SIDED,
    Trigger,
)
# compiled once: read at every capitalised meeting word (from a word's start, where the leftmost match starts)
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([\w'’-]+)\s+$")


class TriggerFinder:
    def mentions_of(self, sentence: Span) -> list[Mention]:
        return self.in_sentence.get(self.doc.sentence_index(sentence.start), [])

    def triggers(self, sentence: Span) -> list[Trigger]:
        if sentence.start not in self._triggers:
            self._triggers[sentence.start] = self._find_triggers(sentence)
        return self._triggers[sentence.start]

    def _find_triggers(self, sentence: Span) -> list[Trigger]:
        text = self.text
        found: list[Trigger] = []
        for start, end in islice(self.lex.triggers.find(self.spaced, sentence.start, sentence.end), MAX_TRIGGERS):
            if self._inside_name(start, end):
                continue  # "Pacific Islands Forum", "Forum Secretariat"
            if self.in_title[start]:
                continue  # "President of the 14th Session of the Islamic Summit": a title, no meeting
            phrase = self.spaced[start:end]
            kind = self.lex.trigger_kind.get(phrase, "talks")
            if kind == NO_MEETING:
                continue  # "a press conference", "the conference hall"
            first = phrase.split()[0]
            found.append(Trigger(kind, start, end, text[start:end], named=self._named(start, text[start:end]),
                                 specific=first in self.lex.specific or phrase in ("courtesy call",)))
        found = [t for t, after in zip(found, found[1:] + [None]) if not self._part_of(t, after)]
        bodies = [x for x in self.mentions_of(sentence) if x.kind == "body"
                  and not self._inside_title(x) and any(b.kind for b in x.bodies)]
        for b in bodies:
            info = self._pick_body(b)
            org, org_span = self._org_near(b, info)
            hit = next((t for t in found if t.start <= b.end + 12 and t.end >= b.start - 40 and
                        self._adjacent(t, b)), None) or \
                next((t for t in found if t.start > b.end and HELD_ITS.fullmatch(self.text[b.end:t.start])), None) or \
                next((t for t in found if t.text.lower() in GENERIC_WORDS and t.end <= b.start < self.clause_end(t.end)
                      and MET_IN.search(self.text, t.end, b.start)), None)
            if hit is None:
                acting = BODY_ACTS.match(self.text, b.end) or BODY_ATTENDED.search(self.text[max(sentence.start, b.start - 60):b.start])
                if not (BODY_MEETING.search(b.text) or acting):
                    continue  # a body named, not meeting: "the members of the CSTO Ministerial Council"
                hit = Trigger(info.kind or "session", b.start, b.end, b.text)
                if acting is not None and acting.re is BODY_ACTS:
                    # "The Ministerial Council of the CICA met": the verb states the body's meeting
                    found = [t for t in found if not (b.end <= t.start < acting.end())]
                found.append(hit)
            elif hit.start >= b.start and hit.end <= b.end:
                hit.start, hit.end, hit.text = b.start, b.end, b.text
            qualifier = QUALIFIER.search(self.text[max(sentence.start, b.start - 40):b.start])
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
            if t.body is None and t.text.lower().split()[-1] in GENERIC_WORDS:
                self._bind_group(t)  # "the SCO foreign ministers met", "... held a meeting"
            if t.body is None and not t.org and t.text.lower() in ("meeting", "session", "sitting"):
                self._unlisted_body(t)
        found = [t for t in found if not any(o is not t and o.start <= t.start and t.end <= o.end and o.body for o in found)]
        found += self._organisations_held(sentence, found)
        return sorted(self._with_sideline_gatherings(sentence, found), key=lambda t: t.start)

    def _organisations_held(self, sentence: Span, found: list[Trigger]) -> list[Trigger]:
        """"The Fifty-First (51st) Pacific Islands Forum was held in Suva": an organisation
        told as held is its gathering, the summit where its leaders meet when it has one."""
        held = []
        for m in self.mentions_of(sentence):
            if m.kind != "org" or self.in_title[m.start] or any(t.start <= m.start < t.end + 12 or t.org == m.key for t in found) \
                    or _OF_BEFORE.search(self.text, max(0, m.start - 8), m.start):
                continue  # "a meeting of the Council ... of the CIS was held": the body's
            told = ORGANISATION_HELD.match(self.text, m.end)
            if told is None:
                continue
            org = self.gz.orgs.get(m.key)
            summits = [b for b in org.bodies if b.kind == "summit"] if org else []
            t = Trigger("summit" if summits else "session", m.start, m.end, m.text, org=m.key, org_span=Span(m.start, m.end),
                        named=True)
            self._summit_body(t)
            held.append(t)
        return held

    def _with_sideline_gatherings(self, sentence: Span, found: list[Trigger]) -> list[Trigger]:
        """"met on the sidelines of the Antalya Diplomacy Forum": a gathering no list holds is a
        session of its own name, as a known body's would be, in place of the meeting words inside it."""
        for m in SIDELINES_OF_NAMED.finditer(self.text, sentence.start, sentence.end):
            start, end = m.span(1)
            if any(t.start < end and start < t.end and (t.body or t.org) for t in found) or \
                    any(x.kind in ("org", "body") and start <= x.start < end for x in self.mentions_of(sentence)):
                continue  # a body or an organisation the lists know
            gathering = Trigger("session", start, end, self.text[start:end], named=True)
            gathering.body = BodyInfo("", " ".join(self.text[start:end].split()), (), None, "session", None)
            gathering.body_span = Span(start, end)
            found = [t for t in found if not (start <= t.start and t.end <= end)] + [gathering]
        return found

    def _part_of(self, t: Trigger, after: Trigger | None) -> bool:
        """"the opening session of the 49th session of the Council": a part of the
        meeting told right after it is that meeting."""
        return after is not None and t.kind in ("session", "summit") and after.kind in ("session", "summit") and \
            MEETING_PART.search(self.text, max(0, t.start - 20), t.start) is not None and \
            PART_OF.fullmatch(self.text, t.end, after.start) is not None

    def _states_only(self, qualifier: str, start: int) -> bool:
        """Whether a qualifier is two or three states' names or adjectives and nothing else ("Japan-Uzbekistan")."""
        if TWO_SIDED.search(qualifier):
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
        before = _WORD_BEFORE.search(self.text[max(0, start - 30):start])
        return bool(before and before.group(1)[0].isupper() and before.group(1).lower() not in DEFINITE | INDEFINITE
                    and self.text[self.doc.sentence_of(start).start:before.start(1) + max(0, start - 30)].strip() != "")

    def _inside_name(self, start: int, end: int) -> bool:
        for m in self.in_sentence.get(self.doc.sentence_index(start), []):
            if m.start >= end:
                break
            if m.end > start and (m.kind in NAME_KINDS or (m.kind == "body" and not any(b.kind for b in m.bodies))):
                return True
        return False

    def _inside_title(self, m: Mention) -> bool:
        return all(self.in_title[m.start:m.end])

    def _adjacent(self, t: Trigger, b: Mention) -> bool:
        """"meeting of the Council", "Council meeting", or one inside the other."""
        if t.end <= b.start:
            return OF_BODY.fullmatch(self.text, t.end, b.start) is not None
        if b.end <= t.start:
            return re.fullmatch(r"[\"»]?\s+", self.text[b.end:t.start]) is not None  # '"C5+1" meeting'
        return True

    def _pick_body(self, b: Mention) -> BodyInfo:
        org, _ = self._org_near(b, None)
        for info in b.bodies:
            if org and info.org == org:
                return info
        generic = [x for x in b.bodies if not x.org and x.kind]
        if org and generic and (known := self.gz.orgs.get(org)):
            # "a meeting of Pacific Islands Forum Foreign Ministers": the organisation's own body of that level
            same = [x for x in known.bodies if x.level == generic[0].level and x.kind == generic[0].kind]
            # ASEAN's ministers meet in several bodies: the one that goes by the generic name
            named_so = [x for x in same if generic[0].name in (x.name, *x.aliases)]
            if len(same) == 1 or len(named_so) == 1:
                return same[0] if len(same) == 1 else named_so[0]
        specific = [x for x in b.bodies if x.org and x.kind]
        # "the Supreme Council adopted": the body of an organisation the report names
        named = [x for x in specific if x.org in self.org_counts]
        if named:
            return max(named, key=lambda x: self.org_counts[x.org])
        if generic:
            return generic[0]
        if len({x.org for x in specific}) > 1:
            # "the Baltic Council of Ministers met": a name many organisations' bodies bear, none named
            first = specific[0]
            return BodyInfo("", " ".join(b.text.split()), (), None, first.kind, None)
        return specific[0] if specific else b.bodies[0]

    def _org_near(self, b: Mention, info: BodyInfo | None) -> tuple[str | None, Span | None]:
        if b.inner_org and b.inner_org_span:
            return b.inner_org, Span(*b.inner_org_span)
        idx = self.position[id(b)]
        if idx > 0:
            prev = self.mentions[idx - 1]
            # "the SCO Foreign Ministers' Meeting", "the Shanghai Cooperation Organisation (SCO) Foreign Ministers meeting"
            if prev.kind == "org" and re.fullmatch(r"\)?\s*(?:['’]s\s+)?", self.text[prev.end:b.start]):
                return prev.key, Span(prev.start, prev.end)
        for nxt in self.mentions[idx + 1: idx + 4]:
            gap = self.text[b.end:nxt.start]
            if nxt.kind == "org" and re.fullmatch(r"\s+(?:of\s+)?(?:the\s+)?|\s+of\s+(?:the\s+)?\w+(?:\s+\w+)?\s+", gap + (" " if not gap.endswith(" ") else "")):
                if len(gap) < 40:
                    return nxt.key, Span(nxt.start, nxt.end)
            if nxt.kind == "org" and BODY_TO_ORG.fullmatch(gap):
                return nxt.key, Span(nxt.start, nxt.end)
        return None, None

    def _bind_org(self, t: Trigger) -> None:
        """"the SCO summit", "the Samarkand Summit of the Shanghai Cooperation Organization"."""
        for m in self.in_sentence.get(self.doc.sentence_index(t.start), []):
            if m.kind != "org" or not (t.start - 40 <= m.end and m.start <= t.end + 12):
                continue
            before = self.text[m.end:t.start] if m.end <= t.start else None
            after = self.text[t.end:m.start] if t.end <= m.start else None
            said = [p.search(self.text, m.end, self._head_start(t)) for p in SESSION_LEVELS.values()] \
                if m.end <= t.start else []
            # "the Quad foreign ministerial meeting": only the words of a level between
            level_words = any(x is not None and not self.text[m.end:x.start()].strip() for x in said)
            if (before is not None and (re.fullmatch(r"[\"»]?\s+(?:[A-Z][\w'’-]+\s+){0,3}", before) or level_words or
                                        LEADERS_BETWEEN.fullmatch(before))) or \
                    (after is not None and re.fullmatch(r"\s+of\s+(?:the\s+)?", after)):
                if t.kind in ("session", "summit") or (t.kind == "talks" and t.text.lower().split()[-1] in ("meeting", "meetings")):
                    t.org, t.org_span, t.named = m.key, Span(m.start, m.end), True
                    if t.kind == "talks":
                        t.kind = "session"
                    if before is not None and LEADERS_WORD.search(before):
                        t.kind = "summit"  # "the Pacific Islands Forum Special Leaders Retreat": where its leaders meet
                    self._summit_body(t)
                    self._session_body(t)
                return

    def _summit_body(self, t: Trigger) -> None:
        """"the 23rd ordinary summit of ECCAS", "the 42nd ASEAN Summit": an
        organisation's summit is a session of the one body where its leaders meet."""
        org = self.gz.orgs.get(t.org or "")
        summits = [b for b in org.bodies if b.kind == "summit"] if org and t.kind == "summit" else []
        # of several ("the SADC summit": not its Organ's), the one named a summit, then after the organisation
        for named in (lambda b: "summit" in b.name.lower(), lambda b: org.key.lower() in b.name.lower()):
            if len(summits) > 1:
                summits = [b for b in summits if named(b)] or summits
        if len(summits) == 1:
            sentence = self.doc.sentence_of(t.start)
            qualifier = SUMMIT_QUALIFIER.search(self.text, max(sentence.start, t.start - 40), t.start)
            t.body, t.body_span = summits[0], Span(qualifier.start() if qualifier else t.start, t.end)

    @staticmethod
    def _head_start(t: Trigger) -> int:
        """Where the last word of a meeting phrase starts: "ministerial meeting" is a level, then its meeting."""
        return t.end - len(t.text.split()[-1])

    def _unlisted_body(self, t: Trigger) -> None:
        """"the 25th meeting of the Council of Heads of Border Services": a session of
        a body no list holds, named as written."""
        leaders = LEADERS_MEETING.match(self.text, t.end) if t.text.lower() == "meeting" else None
        if leaders is not None:
            # "the sixth consultative meeting of the leaders of Central Asian states": their summit
            start = t.start - len(MEETING_QUALIFIERS.search(self.text, max(0, t.start - 40), t.start).group())
            t.kind, t.named = "summit", True
            t.body = BodyInfo("", " ".join(self.text[start:leaders.end()].split()), (), "head_of_state", "summit", None)
            t.body_span = Span(start, leaders.end())
            return
        before = UNLISTED_BODY_BEFORE.search(self.text, max(0, t.start - 80), t.start)
        if before is not None and not self.in_title[before.start(1)] and \
                not any(x.start < t.start and x.end > before.start(1) and x.kind in ("org", "state", "place", "demonym", "title")
                        for x in self.mentions_of(self.doc.sentence_of(t.start))):
            # "a two-day Joint Boundary Commission meeting": its name before it, of no organisation a list holds
            t.kind, t.named = "session", True
            t.body = BodyInfo("", " ".join(before.group(1).split()), (), None, "session", None)
            t.body_span = Span(before.start(1), before.end(1))
            return
        m = UNLISTED_BODY.match(self.text, t.end)
        if m is None or self.in_title[m.start(1)] or " " not in m.group(1).strip():
            return  # "the meeting of the Council": the body told before
        name = " ".join(m.group(1).split())
        t.kind, t.named = "session", True
        t.body, t.body_span = BodyInfo("", name, (), None, "session", None), Span(m.start(1), m.end(1))
        # "the meeting of the Council of Heads of CIS countries": an organisation named inside is the one meeting,
        # in the body where its leaders meet when the name is of its heads
        inside = next((x for x in self.mentions_of(self.doc.sentence_of(t.start))
                       if x.kind == "org" and m.start(1) <= x.start < m.end(1)), None)
        org = self.gz.orgs.get(inside.key) if inside is not None else None
        if org is not None:
            t.org, t.org_span = org.key, Span(inside.start, inside.end)
            summits = [b for b in org.bodies if b.kind == "summit"]
            if LEADERS_WORD.search(name) and len(summits) == 1:
                t.kind, t.body = "summit", summits[0]

    def _session_body(self, t: Trigger) -> None:
        """"the SCO ministerial meeting", "the Quad foreign ministerial meeting": an
        organisation's session at a level is a session of its one body of that level."""
        org = self.gz.orgs.get(t.org or "")
        if org is None or t.body is not None or t.kind != "session":
            return
        sentence = self.doc.sentence_of(t.start)
        for level, words in SESSION_LEVELS.items():
            said = words.search(self.text, max(sentence.start, t.start - 30), self._head_start(t))
            if said is None:
                continue
            bodies = [b for b in org.bodies if b.level == level and b.kind == "session"]
            if len(bodies) == 1:
                t.body, t.body_span = bodies[0], Span(said.start(), t.end)
            return

    def _bind_group(self, t: Trigger) -> None:
        """"CIS foreign ministers meet", "a meeting of ASEAN foreign ministers":
        a meeting of a group of office holders is a session of the body where
        they meet."""
        sentence = self.doc.sentence_of(t.start)
        for r in self.plural_refs:
            if not (sentence.start <= r.start < sentence.end):
                continue
            before = r.end <= t.start and GROUP_TO_MEETING.fullmatch(self.text, r.end, t.start)
            after = t.end <= r.start and re.fullmatch(r"\s+of\s+(?:the\s+)?", self.text[t.end:r.start])
            # "Foreign ministers from the G7 ... adopted ..., at a meeting in Tokyo": the subject's meeting
            # ("the ministers of the BRICS countries held a meeting": the article inside the phrase)
            inside = t.text.split()[:-1]
            article = inside[-1].lower() if inside else self.article(t)
            subject = sentence.start <= r.start < t.start and article in INDEFINITE | {"their"}
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
