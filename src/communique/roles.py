"""Stage 4, roles: who holds which role for which state or organisation, as
the report states it.

A title phrase is a title with what qualifies it: "Japanese Foreign Minister",
"Minister of Foreign Affairs of the Republic of Tajikistan", "CSTO Secretary
General", "Chairman of the Eurasian Economic Commission Board", "Deputy Prime
Minister and Foreign Minister of Niger". It binds to a name right after it,
to a name it stands in apposition to ("Vladimir Makei, Foreign Minister of
Belarus"), or to each name of a list ("foreign ministers of Armenia Ara
Ayvazyan, Belarus Vladimir Makei, ..."). A title bound to no name is a
reference ("the Saudi Foreign Minister", "the ministers") that coreference
resolves to people.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from . import names
from .gazetteer import BodyInfo, Gazetteer
from .mentions import Mention
from .text import Document

_SPACE = re.compile(r"^[ \u00a0]+$")
# between honorifics, and an honorific and its name: a space, or a bracket ("Hon. (Dr.) X", "General (Rtd) Y")
_HONORIFIC_GAP = re.compile(r"^(?:[ \u00a0]+(?:the[ \u00a0]+)?|[ \u00a0]*[()][ \u00a0]*)$")
_PREFIX_GAP = re.compile(r"^(?:\)?[ \u00a0]+|['’]s[ \u00a0]+)$")  # "(EU) foreign policy chief": after an acronym in brackets too
# the rest of a portfolio after a comma: capitalised words joined by "and", then a comma
_PORTFOLIO = re.compile(r"^,[ \u00a0]+(?:[A-Z][\w'’-]*[ \u00a0]+){1,3}and[ \u00a0]+(?:[A-Z][\w'’-]*[ \u00a0]+){0,2}[A-Z][\w'’-]*,[ \u00a0]+$")
_OF_INSTITUTION = re.compile(r"^[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][\w'-]*(?:[ \u00a0]+(?:[A-Z][\w'-]*|of|and|the|&)){0,6}[ \u00a0]+$")
_CLOSING = re.compile(r"\s*\)")
# one space or a hard wrap between the words of a title phrase ("Minister for Foreign Affairs of" / "Romania"),
# and a numbered session or meeting the office is of ("President of the 68th Session of the General Assembly")
_SUFFIX_GAP = re.compile(r"^[ \u00a0]*\n?[ \u00a0]*(?<=\s)(of|for|to|at|from|in)[ \u00a0]*\n?[ \u00a0]*(?<=\s)(?:the[ \u00a0]+)?"
                         r"(?:\d+(?:st|nd|rd|th)[ \u00a0]+[A-Z][a-z]+[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?)?$", re.I)
_ACRONYM_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][A-Z0-9&]{2,9})[ \u00a0]$")
_COMMA = re.compile(r"^[ \u00a0]*,[ \u00a0]*(?:the[ \u00a0]+)?$")
# the rest of a portfolio no list holds, then the state it is of: "Minister of Works, Construction and
# Infrastructure of The Gambia" (its words are never names, or they would be mentions)
_PORTFOLIO_GAP = re.compile(r"^[ \u00a0]+(?:of|for)[ \u00a0]+(?:[A-Z][\w'-]*,?[ \u00a0]+(?:and[ \u00a0]+|&[ \u00a0]+)?){1,6}"
                            r"(of|for)[ \u00a0]+(?:[Tt]he[ \u00a0]+)?$")
_DASH = re.compile(r"^[ \u00a0]+[-–—][ \u00a0]+(?:the[ \u00a0]+)?$")  # "Mr. X - Director of ..."
_LOOSE_APPOSITION = re.compile(r"^[ \u00a0]*;?[ \u00a0]+$")
_SCOPE_MENTIONS = 8  # the places and institutions a long title may name before its holder
_SCOPE_GAP = re.compile(r"[ \u00a0,]*(?:(?:of|for|in|and|the|on|[A-Z][\w'’-]*)[ \u00a0,]+)*")
_SCOPE_LAST_GAP = re.compile(r"[ \u00a0]*,[ \u00a0]*")
_PORTFOLIO_BEFORE = re.compile(r"\b(?:for|of)[ \u00a0]+$")
_LISTS_THEM = re.compile(r"\s*(?:These|They|Those)\s+(?:are|were|include|included)\b")  # "These included A from X"
_LINE_LEAD = re.compile(r"[ \t\u00a0]*(?:(?:[•·▪●◦*–-]|\d{1,2}[.)])[ \t\u00a0]*)?")  # "  • ", "3. ": a list item's mark
_LINE_STATE_MARK = re.compile(r"[ \u00a0]*(?::|[–—-][ \u00a0])")  # "Hungary – Prime Minister X" at a line's start
_AND = re.compile(r"^[ \u00a0]+and[ \u00a0]+$")
_LIST_SEPARATOR = re.compile(r"^[ \u00a0]*(?:[,;]|[,;]?[ \u00a0]+and|[,;]?[ \u00a0]+as well as)[ \u00a0]+$")
_OF_STATE = re.compile(r"^[ \u00a0]+(?:of|from)[ \u00a0]+(?:the[ \u00a0]+)?$")
_AFTER_PREPOSITION = re.compile(r"\b(?:with|to|by|for|from|on|of|in|at|about|against|between|among|towards)\s+"
                                r"(?:(?:the|his|her|their|its|a|an)\s+)?$", re.I)
# "Latvia was represented at the meeting by X": where may stand between the verb and its "by"
_REPRESENTED = r"was\s+represented(?:\s+(?:at|in)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)?"
# a name starts where a word starts, and words are not endless: no quadratic search over a run of letters
_DELEGATION = re.compile(r"(?<![\w’'-])(?P<who>[A-Z][\w’'-]{0,40}(?:\s[A-Z][\w-]{0,40})?)(?:['’]s)?\s+(?:(?:government|ministerial)\s+)?"
                         rf"(?:delegation\s+(?:was\s+)?(?:led|headed)|{_REPRESENTED})\s+by\b")
# "and for Colombia, ...", "On the Kazakh side, ...": a state's side of a meeting, and where its list ends
_FOR_STATE = re.compile(r"(?:^|[,;(]\s*|\band\s+|^\s*)(?:[Ff]or|[Ff]rom)\s+(?:the\s+)?$")
_SIDE_END = re.compile(r"\s*,\s")
_ON_SIDE = re.compile(r"\b(?:[Oo]n|[Ff]rom|[Ff]or)\s+the\s+$")
_SIDE_WORD = re.compile(r"\s+side\b")
_SIDE_STOP = re.compile(r";|\b(?:while|whereas)\b|\b(?:[Oo]n|[Ff]rom|[Ff]or)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+side)?\s*,")
_DELEGATION_TAIL = re.compile(rf"(?:delegation\s+(?:was\s+)?(?:led|headed)|{_REPRESENTED})\s+by\b")
_DELEGATION_END = re.compile(r",\s+while\b|;|\.\s|,\s+and\s+the\b")
_INSTITUTION = re.compile(r"\s+(?:(?:of|at|for)\s+(?:the\s+)?)?(?:[A-Z][\w'’-]*|for|of|and|on|the|&)"
                          r"(?:\s+(?:[A-Z][\w'’-]*|for|of|and|on|the|&)){0,8},?\s+")
_INSTITUTION_PHRASE = re.compile(r"\s+of\s+the\s+(?:[A-Z][\w'’-]*\s+|(?:of|for|on|and)\s+(?:the\s+)?){1,8}"
                                  r"(?:[A-Z][\w'’-]*)(?=[\s,.;]|$)")
# an untitled name of a state, one of a list: "with X of A", "by X of A and Y of B", "..., X of A, ..."
_LISTED_BEFORE = re.compile(r"(?:\b(?:with|and|between|by|including)|,)[ \u00a0]+$")
_LISTED_AFTER = re.compile(r"[ \u00a0]*(?:[,.;)]|and\b|$)")
_APPOSITION_END = re.compile(r"\s*(?:[,.;:)(]|and\b|$|(?:of|from|on|in|at|during|about|over|regarding)\s)")
_MEETING_VERB = re.compile(r"\b(?:talks|met|meets|meeting|received|receives|conversation|call)\b")

STATE_ROLES = {"head_of_state", "head_of_government", "foreign_minister", "deputy_foreign_minister",
               "defence_minister", "minister", "ambassador"}


@dataclass(slots=True)
class RoleClaim:
    role: str
    title: str
    start: int
    end: int
    country: str | None = None
    org: str | None = None
    body: BodyInfo | None = None
    derived: bool = False  # the role of another ("his counterpart"), not a title of the holder's own


@dataclass(slots=True)
class PersonMention:
    """A name in the text, with the roles stated for it there."""

    start: int
    end: int
    name: str
    claims: list[RoleClaim] = field(default_factory=list)
    titled: bool = False  # bound to a title or an honorific, so surely a person
    country: str | None = None  # the state the text gives an untitled name ("X of South Korea")


@dataclass(slots=True)
class Reference:
    """A title without a name: "the Russian minister", "foreign ministers"."""

    start: int
    end: int
    claim: RoleClaim
    plural: bool


@dataclass(slots=True)
class Roles:
    people: list[PersonMention]
    references: list[Reference]


def find_roles(doc: Document, mentions: list[Mention], gz: Gazetteer) -> Roles:
    reader = _Reader(doc, mentions, gz)
    return reader.run()


class _Reader:
    def __init__(self, doc: Document, mentions: list[Mention], gz: Gazetteer):
        self.doc, self.text, self.gz = doc, doc.text, gz
        self.mentions = mentions
        self.index_of = {m.start: n for n, m in enumerate(mentions)}
        self.ends = [m.end for m in mentions]
        self.people: dict[int, PersonMention] = {}  # by start offset of the name
        self.references: list[Reference] = []
        self.used_titles: set[int] = set()

    # ------------------------------------------------------------ helpers
    def gap(self, a: int, b: int) -> str:
        return self.text[a:b] if b >= a else ""

    def person(self, m: Mention) -> PersonMention:
        found = self.people.get(m.start)
        if found is None:
            found = self.people[m.start] = PersonMention(m.start, m.end, m.text)
        return found

    def bind(self, name: Mention, claims: list[RoleClaim]) -> None:
        p = self.person(name)
        p.titled = True
        for c in claims:
            if c not in p.claims:
                p.claims.append(c)

    # ------------------------------------------------------------ title phrases
    def title_phrase(self, i: int) -> tuple[list[RoleClaim], int, int]:
        """The claims a title phrase at mention i states, with the index of the
        last mention it covers and its end offset."""
        ms, t = self.mentions, self.mentions[i]
        country = org = None
        body: BodyInfo | None = None
        start = t.start
        j = i - 1
        while j >= 0 and ms[j].kind in ("state", "demonym", "org", "place", "body") and (
                _PREFIX_GAP.match(self.gap(ms[j].end, start) or " ") or self.institution_between(ms[j], start)):
            p = ms[j]
            if p.kind in ("state", "demonym") and country is None:
                country = p.key
            elif p.kind == "place" and country is None and self.gap(p.end, start).startswith(("'", "’")):
                country = p.key  # "Seoul's envoy"
            elif p.kind == "org" and org is None:
                org = p.key
            elif p.kind == "body" and body is None:
                body = self.pick_body(p, org)
            elif p.kind != "place":
                break
            start = p.start
            j -= 1
        end, last = t.end, i
        k = i + 1
        while k < len(ms):
            nxt = ms[k]
            between = self.gap(end, nxt.start)
            if nxt.kind == "state" and ms[k - 1].kind == "state" and re.fullmatch(r"[ \u00a0]*\([ \u00a0]*", between) \
                    and self.text[nxt.end:nxt.end + 1] == ")":
                # "of the Republic of China (Taiwan)": the state again, as better known
                end, last = nxt.end + 1, k
                k += 1
                continue
            suffix = _SUFFIX_GAP.match(between) or (_PORTFOLIO_GAP.match(between) if k == i + 1 else None)
            glued = _SPACE.match(between) and (
                (ms[k - 1].kind in ("org", "state", "demonym") and nxt.kind == "body") or
                # "Minister of Foreign Affairs Tajikistan Sirojiddin Mukhriddin"
                (nxt.kind == "state" and k == i + 1 and k + 1 < len(ms) and ms[k + 1].kind == "name"))
            if not (suffix or glued):
                break
            prep = suffix.group(1).lower() if suffix else ("for" if t.text.lower().endswith(" for") and k == i + 1 else "")
            if nxt.kind in ("state", "demonym") and prep == "for" and self.envoy(t):
                pass  # "Special Envoy for Syria": where the envoy is sent
            elif nxt.kind in ("state", "demonym"):
                # "Saudi Ambassador to the UAE" stays Saudi; "the U.N. envoy for Afghanistan" stays the U.N.'s
                # "Personal Envoy of the Secretary-General for the Sudan" is the organisation's
                if not (prep in ("to", "in") and country) and not (prep == "for" and (org or self.official(t))):
                    country = nxt.key
            elif nxt.kind == "org":
                org = nxt.key
            elif nxt.kind == "body":
                body = self.pick_body(nxt, org)
            elif nxt.kind == "title" and prep == "to":
                self.used_titles.add(k)  # "Adviser to the UAE President": not a second person
            elif nxt.kind == "place" and prep in ("of", "to") and country is None:
                country = nxt.key
            elif nxt.kind == "place" and prep in ("in", "to"):
                pass  # "the Iranian Ambassador in Damascus", "the Ambassador of Canada to Kabul": where the holder serves
            elif nxt.kind == "ministry" and prep in ("at", "of"):
                pass  # "Minister of State at the Ministry of Foreign Affairs": part of the title
            else:
                break
            end, last = nxt.end, k
            k += 1
        # "the UAE President" after "to": the title after the state is part of this phrase
        if last + 1 < len(ms) and (last + 1) in self.used_titles:
            end, last = ms[last + 1].end, last + 1
        if country is None and org is None and body is None:
            acronym = self.unlisted_acronym(t, start)
            if acronym is not None:
                org, start = acronym.group(1), acronym.start(1)
        if country is None and org is None and body is None:
            country = self.state_of_institution(last, end)
        role = self.role_of(t, body, org, country)
        org_key = org or (body.org if body and body.org else None)
        claim = RoleClaim(role, self.text[t.start:t.end], start, end, country, org_key, body)
        return [claim], last, end

    def institution_between(self, m: Mention, start: int) -> bool:
        """"Iraqi Parliament Speaker", "the Russian Duma Speaker": one institution's word between
        a state and the title held in it."""
        if m.kind not in ("state", "demonym"):
            return False
        words = self.gap(m.end, start).split()
        return len(words) == 1 and words[0] in _name_word_sets(self.gz)[1] and self.gap(m.end, start).startswith(" ")

    def unlisted_acronym(self, t: Mention, start: int) -> re.Match | None:
        """"TRACECA Secretary General", "UNHCR High Commissioner": an acronym no
        list holds, right before an organisation's title, is the organisation."""
        if t.key not in ("secretary_general", "other") or t.plural:
            return None
        m = _ACRONYM_BEFORE.search(self.text, max(0, start - 12), start)
        return m if m and m.group(1) not in _name_word_sets(self.gz)[0] else None

    def state_of_institution(self, last: int, end: int) -> str | None:
        """"Chairman of the Foreign Affairs Committee of the German Bundestag":
        the state of the institution a title is of, named before the phrase ends."""
        m = _INSTITUTION_PHRASE.match(self.text, end)
        if not m:
            return None
        for x in self.mentions[last + 1:last + 6]:
            if x.start >= m.end():
                break
            if x.kind in ("state", "demonym"):
                return x.key
        return None

    def pick_body(self, m: Mention, org: str | None) -> BodyInfo:
        if org:
            for b in m.bodies:
                if b.org == org:
                    return b
        specific = [b for b in m.bodies if b.org]
        if org is None:
            org = self.org_after(m)
            for b in specific:
                if b.org == org:
                    return b
        generic = [b for b in m.bodies if not b.org]
        if len({b.org for b in specific}) == 1 and not generic:
            return specific[0]
        return generic[0] if generic else specific[0]

    def org_after(self, m: Mention) -> str | None:
        idx = self.index_of.get(m.start)
        if idx is not None and idx + 1 < len(self.mentions):
            nxt = self.mentions[idx + 1]
            if nxt.kind == "org" and re.match(r"^\s+(?:of\s+)?(?:the\s+)?$", self.gap(m.end, nxt.start) + " "):
                return nxt.key
        return None

    def role_of(self, t: Mention, body: BodyInfo | None, org: str | None, country: str | None) -> str:
        chair_word = t.text.split()[0].lower() in self.gz.chair_words
        if body is not None and body.head_role and (chair_word or t.key in ("other", "secretary_general")):
            return body.head_role
        if org and body is None and country is None and org in self.gz.orgs and t.text.lower() in self.gz.orgs[org].head_titles:
            return "secretary_general"  # "African Development Bank President X": the head of its staff
        if t.key in STATE_ROLES and country is None and (org or body) and (chair_word or not t.plural):
            return "other"  # "President of the European Council", "the U.N. special envoy": for a body, not a state
        return self.gz.role_in_state(t.text, t.key, country)

    # ------------------------------------------------------------ names near titles
    def name_after(self, k: int, end: int, tight: bool, start: int = -1) -> int | None:
        """The name right after a title phrase: "Minister X" (tight), or
        "Minister, Dr. X" (after a comma, only when not tight)."""
        ms = self.mentions
        comma = False
        if not tight:
            k, end = self.after_portfolio(k, end)
        # "Deputy Minister of Amiri Diwan Sheikh X": the honorific ends the institution the title is of
        honorific = next((j for j in range(k, min(k + 4, len(ms))) if ms[j].kind == "honorific"), None)
        if honorific is not None and honorific > k and all(ms[j].kind == "name" for j in range(k, honorific)) and \
                _OF_INSTITUTION.match(self.gap(end, ms[honorific].start)):
            end, k = ms[honorific].end, honorific + 1
        while k < len(ms) and (ms[k].kind == "honorific" or (not tight and self.title_as_honorific(k, end))):
            between = self.gap(end, ms[k].start)
            if _COMMA.match(between) or (not tight and self.institution(between)):
                comma = True  # "Special Representative for West Africa, Dr. X"
            elif not (_SPACE.match(between) or (ms[k - 1].kind == "honorific" and _HONORIFIC_GAP.match(between))):
                return None
            end, k = ms[k].end, k + 1
        if k >= len(ms) or ms[k].kind != "name":
            return None
        between = self.gap(end, ms[k].start)
        if self.institution(between):
            return k  # "Chairman of the State Committee for National Security Kamchybek Tashiev"
        comma = comma or bool(_COMMA.match(between) and not _SPACE.match(between))
        if not (_SPACE.match(between) or _COMMA.match(between) or
                (ms[k - 1].kind == "honorific" and _HONORIFIC_GAP.match(between))):
            return None
        after = ms[k].end + _postnominals_after(self.gz).match(self.text, ms[k].end).end() - ms[k].end  # "Simon Harris TD,"
        if comma and not _APPOSITION_END.match(self.text[after:after + 12]) and \
                _AFTER_PREPOSITION.search(self.text[max(0, start - 30):start]):
            return None  # "In his meeting with the Iranian minister, Fidan discussed": the name starts the main clause
        return k if not (tight and comma) else None

    def name_after_scope(self, k: int, end: int, claims: list[RoleClaim]) -> int | None:
        """"The head of the department for Mexico, Cuba and Central America of the British Foreign
        Ministry, Matthew Phillips, said": a name set off by commas after the places and institution
        the title is of; the state of that institution is the holder's."""
        ms = self.mentions
        institution_state = None
        for j in range(k, min(k + _SCOPE_MENTIONS, len(ms))):
            gap = self.gap(end, ms[j].start)
            if ms[j].kind == "name":
                closing = _APPOSITION_END.match(self.text, ms[j].end)
                if _SCOPE_LAST_GAP.fullmatch(gap) and closing is not None and self.text[closing.start():closing.end()].strip() == ",":
                    for c in claims:
                        c.country = institution_state or c.country
                    return j
                return None
            if ms[j].kind not in ("state", "demonym", "place", "org", "body", "ministry") or not _SCOPE_GAP.fullmatch(gap):
                return None
            if ms[j].kind in ("state", "demonym") and j + 1 < len(ms) and ms[j + 1].kind in ("ministry", "org", "body") \
                    and _SPACE.match(self.gap(ms[j].end, ms[j + 1].start)):
                institution_state = ms[j].key  # "of the British Foreign Ministry"
            end = ms[j].end
        return None

    def title_as_honorific(self, k: int, end: int) -> bool:
        """"..., Ambassador John Bolton" after a title: a title kept as an honorific."""
        ms = self.mentions
        return ms[k].kind == "title" and ms[k].text in self.gz.honorific_titles and k + 1 < len(ms) and \
            ms[k + 1].kind == "name" and _COMMA.match(self.gap(end, ms[k].start)) is not None and \
            _SPACE.match(self.gap(ms[k].end, ms[k + 1].start)) is not None

    def after_portfolio(self, k: int, end: int) -> tuple[int, int]:
        """"Minister of Foreign Affairs, International Cooperation and Gambians
        Abroad, Mamadou Tangara": past the rest of a portfolio to the name after
        it (its index, and where the portfolio's last word ends)."""
        ms = self.mentions
        for j in range(k + 1, min(k + 4, len(ms))):
            if ms[j].kind == "title":
                break
            if ms[j].kind == "name" and _portfolio(self.gap(end, ms[j].start)):
                return j, self.text.rindex(",", end, ms[j].start)
        return k, end

    def institution(self, between: str) -> bool:
        """An institution the title is of, named in words that are never a person's."""
        # a match is at most eleven words ("of the" and nine more): a longer gap is read no further
        m = _INSTITUTION.fullmatch(between) if len(between.split(None, 11)) <= 11 else None
        if not m:
            return False
        stop, heads = _name_word_sets(self.gz)
        words = re.findall(r"[A-Z][\w'’-]*", between)
        return bool(words) and all(w in stop for w in words) and words[-1] in heads

    def name_before(self, start: int, loose: bool = False) -> int | None:
        """The name a title phrase starting at `start` stands in apposition to;
        `loose`, also without a comma after a name an honorific starts."""
        ms = self.mentions
        j = bisect_right(self.ends, start) - 1  # mentions do not overlap: ends rise with starts
        if j < 0 or ms[j].kind != "name" or (
                _PORTFOLIO_BEFORE.search(self.text, max(0, ms[j].start - 5), ms[j].start) and
                j > 0 and ms[j - 1].kind == "title" and _PORTFOLIO_BEFORE.search(self.gap(ms[j - 1].end, ms[j].start))):
            # "Deputy Prime Minister for Reintegration, co-chair of ...": a portfolio, no name (but "under the
            # chairmanship of X, Prime Minister of ..." names X)
            return None
        gap = self.gap(ms[j].end, start)
        if _COMMA.match(gap) or _DASH.match(gap) or _postnominal_gap(self.gz).match(gap):
            return j
        # "H.E. Salva Kiir Mayardit; President of ...", "H.E. Osman Saleh Mohammed Minister of ...":
        # after an honorific the name's end is certain, so a title after it needs no comma
        if loose and _LOOSE_APPOSITION.match(gap) and j > 0 and ms[j - 1].kind == "honorific" and \
                _SPACE.match(self.gap(ms[j - 1].end, ms[j].start)):
            return j
        return None

    # ------------------------------------------------------------ the pass
    def run(self) -> Roles:
        ms = self.mentions
        i = 0
        last_claims: dict[int, list[RoleClaim]] = {}  # sentence -> claims of its latest title
        plural_claims: dict[int, list[RoleClaim]] = {}  # sentence -> claims of its first plural title
        while i < len(ms):
            m = ms[i]
            if m.kind != "title" or i in self.used_titles:
                if m.kind == "honorific":
                    self.honorific_name(i)
                i += 1
                continue
            claims, last, end = self.title_phrase(i)
            # "Deputy Prime Minister and Foreign Minister of Niger", "Chairman of X, President of Y NAME"
            while True:
                nxt = self.next_title(last + 1)
                if nxt is None or not (
                        (_AND.match(self.gap(end, ms[last + 1].start)) and (nxt == last + 1 or self.chained(nxt, tight=False))) or
                        (nxt == last + 1 and _COMMA.match(self.gap(end, ms[nxt].start)) and
                         not self.title_as_honorific(nxt, end) and self.chained(nxt))):
                    break
                more, last, end = self.title_phrase(nxt)
                claims += more
            shared_country = next((c.country for c in claims if c.country), None)
            for c in claims:
                if c.country is None and c.org is None and c.role in STATE_ROLES:
                    c.country = shared_country
            sentence = self.doc.sentence_index(m.start)
            if m.plural and self.states_then_names(i, last, claims):
                # "the foreign ministers of A, B and C, X, Y and Z respectively"
                last_claims[sentence] = claims
                i = self.list_end + 1
                continue
            k = last + 1
            if k + 1 < len(ms) and ms[k].kind == "title" and ms[k].text in self.gz.given_name_titles and \
                    ms[k + 1].kind == "name" and _SPACE.match(self.gap(end, ms[k].start)) and \
                    _SPACE.match(self.gap(ms[k].end, ms[k + 1].start)):
                # "Minister of State for Foreign Affairs Sultan Al Muraikhi": a given name, not a second title
                self.extend_name(ms[k + 1], ms[k])
                target = k + 1
            else:
                target = self.name_after(k, end, tight=True)
            if target is None:
                before = self.name_before(claims[0].start)
                # "Ambassador Mohamed Omar Gad, Permanent Representative of Egypt": the apposition tells more
                if before is not None and not any(c.country or c.org for c in self.person(ms[before]).claims):
                    target = before
                else:
                    target = self.name_after(k, end, tight=False, start=claims[0].start)
                if target is None:
                    before = self.name_before(claims[0].start, loose=True)
                    if before is not None and not self.person(ms[before]).claims:
                        target = before
                if target is None:
                    target = self.name_after_scope(last + 1, end, claims)
            if target is not None and target == last + 1 and self.given_name_title(i, last, target):
                # "Sultan Mohammed Al Shamsi, Assistant Minister ...": the word is a given name
                self.extend_name(ms[target], ms[i])
                i += 1
                continue
            if target is not None and ms[i].plural and target > i and self.paired_list(i, target, claims):
                pass  # "his Azerbaijani and Georgian counterparts, A and B"
            elif target is not None:
                self.bind(ms[target], claims)
                self.state_after_name(target, claims)
                if ms[i].plural and target > i:
                    self.list_items(target, claims)
            else:
                self.references.append(Reference(claims[0].start, end, claims[0], ms[i].plural))
            last_claims[sentence] = claims
            if m.plural:
                plural_claims.setdefault(sentence, claims)
            i = max(last, target if target is not None and target > i else last) + 1
        self.name_of_state(last_claims, plural_claims)
        self.delegations()
        self.sides()
        self.line_states()
        self.acting_names()
        self.speakers_for_states()
        self.counterparts()
        return Roles(sorted(self.people.values(), key=lambda p: p.start), self.references)

    def next_title(self, k: int) -> int | None:
        """The title at k, or after the state or organisation words before it
        ("... and OSCE Chairperson-in-Office"): where a chained title starts."""
        ms = self.mentions
        j = k
        while j + 1 < len(ms) and ms[j].kind in ("state", "demonym", "org") and \
                _PREFIX_GAP.match(self.gap(ms[j].end, ms[j + 1].start)):
            j += 1
        return j if j < len(ms) and ms[j].kind == "title" else None

    def given_name_title(self, i: int, last: int, target: int) -> bool:
        """A one-word title that is also a given name ("Sultan", "Amir"), right
        before a name that another title follows in apposition."""
        ms = self.mentions
        if i != last or ms[i].text not in self.gz.given_name_titles:
            return False
        nxt = target + 1
        while nxt < len(ms) and ms[nxt].kind in ("state", "demonym", "org"):
            nxt += 1
        return nxt < len(ms) and ms[nxt].kind == "title" and _COMMA.match(self.gap(ms[target].end, ms[target + 1].start)) is not None

    def extend_name(self, name: Mention, word: Mention) -> None:
        name.start, name.text = word.start, self.text[word.start:name.end]
        word.kind = "honorific"  # no longer a title; keeps the mention list ordered

    def paired_list(self, i: int, target: int, claims: list[RoleClaim]) -> bool:
        """"his Azerbaijani and Georgian counterparts, Jeyhun Bayramov and Ilia
        Darchiashvili": the n-th state goes with the n-th name."""
        ms = self.mentions
        states: list[Mention] = []
        j, start = i - 1, ms[i].start
        while j >= 0 and ms[j].kind in ("state", "demonym") and re.fullmatch(r"\s*(?:,|and|,\s*and)?\s*", self.gap(ms[j].end, start)):
            states.insert(0, ms[j])
            start, j = ms[j].start, j - 1
        names = [ms[target]]
        k = target + 1
        while k < len(ms) and ms[k].kind == "name" and _LIST_SEPARATOR.match(self.gap(ms[k - 1].end, ms[k].start)):
            names.append(ms[k])
            k += 1
        if len(states) < 2 or len(states) != len(names):
            return False
        for state, name in zip(states, names):
            self.bind(name, [RoleClaim(c.role, c.title, state.start, ms[i].end, state.key, None, c.body) for c in claims])
        return True

    def states_then_names(self, i: int, last: int, claims: list[RoleClaim]) -> bool:
        """"the foreign ministers of Belarus, Kazakhstan and Uzbekistan, A, B and C
        (respectively)": states listed after a plural title, then as many names,
        the n-th name of the n-th state."""
        ms = self.mentions
        if ms[last].kind not in ("state", "demonym") or last == i:
            return False
        states, k = [ms[last]], last + 1
        while k < len(ms) and ms[k].kind in ("state", "demonym") and _LIST_SEPARATOR.match(self.gap(ms[k - 1].end, ms[k].start)):
            states.append(ms[k])
            k += 1
        if len(states) < 2 or k >= len(ms) or ms[k].kind != "name" or \
                not re.fullmatch(r"[ \u00a0]*,[ \u00a0]*", self.gap(ms[k - 1].end, ms[k].start)):
            return False
        names = [ms[k]]
        k += 1
        while k < len(ms) and len(names) < len(states) and ms[k].kind == "name" and \
                _LIST_SEPARATOR.match(self.gap(ms[k - 1].end, ms[k].start)):
            names.append(ms[k])
            k += 1
        if len(names) != len(states) or any(len(n.text.split()) < 2 for n in names):
            return False
        for state, name in zip(states, names):
            self.bind(name, [RoleClaim(c.role, c.title, state.start, state.end, state.key, None, c.body) for c in claims])
        self.list_end = k - 1
        return True

    def delegations(self) -> None:
        """"The Kyrgyz delegation was headed by X", "Australia was represented by
        Y": the people so named act for that state."""
        if _DELEGATION_TAIL.search(self.text) is None:
            return  # every match ends in this
        for m in _DELEGATION.finditer(self.text):
            state = next((x for x in self.mentions if x.kind in ("state", "demonym") and x.start <= m.start("who") < x.end), None)
            if state is None:
                continue
            end = _DELEGATION_END.search(self.text, m.end())
            stop = end.start() if end else len(self.text)
            for p in self.people.values():
                if m.end() <= p.start < stop:
                    for c in p.claims:
                        if c.country is None and c.org is None:
                            c.country = state.key

    def sides(self) -> None:
        """"and for Colombia, the Minister of External Relations, X", "On the
        Kazakh side, the talks were attended by Y": the people named after a
        state's side, up to the clause's end, act for that state."""
        people = sorted(self.people.values(), key=lambda p: p.start)
        starts = [p.start for p in people]
        for m in self.mentions:
            if m.kind not in ("state", "demonym") or not m.key:
                continue
            before = self.text[max(0, m.start - 24):m.start]
            after = self.text[m.end:m.end + 8]
            if m.kind == "state" and _FOR_STATE.search(before) and _SIDE_END.match(after):
                pass  # "for Colombia,"
            elif _ON_SIDE.search(before) and _SIDE_WORD.match(after):
                pass  # "On the Kazakh side", "from the Russian side"
            else:
                continue
            sentence = self.doc.sentence_of(m.start)
            stop = _SIDE_STOP.search(self.text, m.end + 6, sentence.end)
            end = stop.start() if stop else sentence.end
            for p in people[bisect_right(starts, m.end):bisect_right(starts, end)]:
                for c in p.claims:
                    if c.country is None and c.org is None:
                        c.country = m.key

    def line_states(self) -> None:
        """"Botswana: H.E. President X", "Angola: Rt. Hon. Y, Vice President", "Hungary – Prime Minister Z":
        the people of a line a state and a colon or a dash lead act for that state."""
        ms = self.mentions
        people = sorted(self.people.values(), key=lambda p: p.start)
        starts = [p.start for p in people]
        for m in ms:
            if m.kind != "state" or not _LINE_STATE_MARK.match(self.text, m.end) or \
                    not _LINE_LEAD.fullmatch(self.text, self.doc.line_start(m.start), m.start):
                continue
            line_end = self.text.find("\n", m.end)
            line_end = len(self.text) if line_end < 0 else line_end
            for p in people[bisect_right(starts, m.end):bisect_right(starts, line_end)]:
                for c in p.claims:
                    if c.country is None and c.org is None:
                        c.country = m.key

    def state_after_name(self, k: int, claims: list[RoleClaim]) -> None:
        """"President Nana Akufo-Addo of Ghana": the state after the name is the title's."""
        ms = self.mentions
        if k + 1 < len(ms) and ms[k + 1].kind == "state" and _OF_STATE.match(self.gap(ms[k].end, ms[k + 1].start)):
            for c in claims:
                if c.country is None and c.org is None:
                    c.country = ms[k + 1].key

    def chained(self, k: int, tight: bool = True) -> bool:
        """A title after a comma continues the phrase when a name follows it."""
        _, last, end = self.title_phrase(k)
        return self.name_after(last + 1, end, tight=tight) is not None

    def list_items(self, first: int, claims: list[RoleClaim]) -> None:
        """"... of Armenia Ara Ayvazyan, Belarus Vladimir Makei, and Russia
        Sergei Lavrov": each state then name is one more holder of the title;
        so is each name then state in brackets ("Prime Ministers Petr Novak
        (Czech Republic), Viktor Orban (Hungary) and ...")."""
        ms = self.mentions
        k = first + 1
        if self.state_in_brackets(first):
            while k + 1 < len(ms) and self.state_in_brackets(k + 1) and \
                    _LIST_SEPARATOR.match(self.gap(_CLOSING.match(self.text, ms[k].end).end(), ms[k + 1].start)):
                name, state = ms[k + 1], ms[k + 2]
                self.bind(name, [RoleClaim(c.role, c.title, state.start, state.end, state.key, None, c.body) for c in claims])
                k += 2
            return
        while k + 1 < len(ms):
            state, name = ms[k], ms[k + 1]
            if state.kind not in ("state", "demonym") or name.kind != "name":
                break
            if not _LIST_SEPARATOR.match(self.gap(ms[k - 1].end, state.start)):
                break
            if not re.match(r"^[ \u00a0]*,?[ \u00a0]*$", self.gap(state.end, name.start)):
                break
            self.bind(name, [RoleClaim(c.role, c.title, state.start, state.end, state.key, None, c.body) for c in claims])
            k += 2

    def state_in_brackets(self, k: int) -> bool:
        """A name followed by a state in brackets: "Fu Cong (China)"."""
        ms = self.mentions
        return k + 1 < len(ms) and ms[k].kind == "name" and ms[k + 1].kind == "state" and \
            re.fullmatch(r"\s*\(\s*(?:the\s+)?", self.gap(ms[k].end, ms[k + 1].start)) is not None and \
            _CLOSING.match(self.text, ms[k + 1].end) is not None

    def name_of_state(self, last_claims: dict[int, list[RoleClaim]], plural_claims: dict[int, list[RoleClaim]]) -> None:
        """"..., Ismael Ould Cheikh Ahmed of Mauritania, ...": a name of a state
        in a sentence that has named a title holds that title for that state; so
        in a sentence listing the holders of the plural title before ("The visiting
        Foreign Ministers called on X. These included A from B, ...")."""
        ms = self.mentions
        for k in range(len(ms) - 1):
            name, state = ms[k], ms[k + 1]
            if name.kind != "name" or state.kind != "state" or not _OF_STATE.match(self.gap(name.end, state.start)):
                continue
            if len(name.text.split()) < 2:
                continue
            p = self.people.get(name.start)
            if p and p.claims:
                continue
            index = self.doc.sentence_index(name.start)
            claims = last_claims.get(index)
            if not claims and _LISTS_THEM.match(self.text, self.doc.sentences[index].start):
                claims = plural_claims.get(index - 1)
            if claims:
                self.bind(name, [RoleClaim(c.role, c.title, state.start, state.end, state.key, None, c.body) for c in claims])

    def acting_names(self) -> None:
        """A full name that holds talks, meets, receives or speaks is a person
        even without a title ("Vladimir Putin, who is on a state visit, held
        talks with ...", "Wang said")."""
        pattern = _acting_pattern(tuple(self.gz.names.get("person_verbs", ())))
        ms = self.mentions
        for k, m in enumerate(ms):
            if m.kind != "name" or len(m.text.split()) < 2 or m.start in self.people:
                continue
            if k + 1 < len(ms) and ms[k + 1].kind == "state" and _OF_STATE.match(self.gap(m.end, ms[k + 1].start)) and \
                    _LISTED_BEFORE.search(self.text, max(0, m.start - 40), m.start) and \
                    _LISTED_AFTER.match(self.text, ms[k + 1].end) and self.near_meeting_verb(m):
                # "attended by KIM Sung-hwan of South Korea and PAK Ui Chun of North Korea"
                person = self.person(m)
                person.titled, person.country = True, ms[k + 1].key
                continue
            after = self.text[m.end:m.end + 120]
            before = self.text[max(0, m.start - 40):m.start]
            if pattern.match(after) or re.search(r"(?:\b(?:with|and|between|by|to|according to)|,)\s+$", before) and \
                    re.match(r"\s*(?:,|and\b|held|met|had|discussed|said)", after) and self.near_meeting_verb(m):
                self.person(m).titled = True

    def near_meeting_verb(self, m: Mention) -> bool:
        sentence = self.doc.sentence_of(m.start)
        return _MEETING_VERB.search(self.text[sentence.start:sentence.end]) is not None

    def honorific_name(self, i: int) -> None:
        ms = self.mentions
        k = i + 1
        while k < len(ms) and ms[k].kind == "honorific" and _HONORIFIC_GAP.match(self.gap(ms[k - 1].end, ms[k].start)):
            k += 1
        if k < len(ms) and ms[k].kind == "name" and _HONORIFIC_GAP.match(self.gap(ms[k - 1].end, ms[k].start)):
            self.person(ms[k]).titled = True

    def envoy(self, title: Mention) -> bool:
        lowered = title.text.lower()
        return any(w in lowered for w in self.gz.envoy_words)

    def official(self, title: Mention) -> bool:
        return any(w.lower() in title.text.lower() for w in self.gz.organisation_official_words)

    def speakers_for_states(self) -> None:
        """"Fu Cong (China) called for ...": the United Nations' way of naming a
        state's representative, its ambassador unless a title says more."""
        ms = self.mentions
        for k, m in enumerate(ms[:-1]):
            state = ms[k + 1]
            if not self.state_in_brackets(k):
                continue
            person = self.person(m)
            if not person.claims:
                self.bind(m, [RoleClaim("ambassador", "representative", state.start - 1, state.end + 1, state.key)])
            for c in person.claims:
                if c.country is None and c.org is None:
                    c.country = state.key  # "Foreign Secretary Marcelo Ebrard (Mexico)"

    def counterparts(self) -> None:
        """"his Kyrgyz counterpart Erlan Abdyldaev" holds the role of the person
        he is set against: the latest other person with a role before him."""
        ordered = sorted(self.people.values(), key=lambda p: p.start)
        for idx, p in enumerate(ordered):
            for c in p.claims:
                if c.role != "counterpart":
                    continue
                other = next((q for q in reversed(ordered[:idx]) if any(x.role != "counterpart" for x in q.claims)), None)
                # "The Brazilian President met his Argentine counterpart X": a title without a name, in a sentence naming no one before
                sentence = self.doc.sentence_of(p.start)
                titled = next((r for r in reversed(self.references) if r.claim.role != "counterpart" and
                               sentence.start <= r.start and r.end <= c.start and (other is None or other.start < sentence.start)), None)
                c.role = titled.claim.role if titled else self.held_by(other, ordered) if other else "other"
                c.derived = True
        for r in self.references:
            if r.claim.role == "counterpart":
                other = next((q for q in reversed(ordered) if q.start < r.start and any(x.role != "counterpart" for x in q.claims)), None)
                r.claim.role = self.held_by(other, ordered) if other else "other"
                r.claim.derived = True

    def held_by(self, person: PersonMention, everyone: list[PersonMention]) -> str:
        """The highest role stated for a name anywhere ("Minister Cho" is Foreign Minister Cho Tae-yul)."""
        claims = [c for q in everyone if names.same_name(q.name, person.name) for c in q.claims if c.role != "counterpart"]
        return best_claim(claims or person.claims, self.gz).role


def _portfolio(gap: str) -> bool:
    # a match is at most eight words (the comma, three, "and", three): a longer gap is read no further
    return len(gap.split(None, 8)) <= 8 and _PORTFOLIO.match(gap) is not None


@cache
def _name_word_sets(gz: Gazetteer) -> tuple[frozenset[str], frozenset[str]]:
    """Words never a person's, and the last words of institutions and portfolios."""
    return frozenset(gz.names.get("not_name_words", ())), frozenset(gz.names.get("institution_heads", ()))


@cache
def _postnominals_after(gz: Gazetteer) -> re.Pattern:
    """Letters written after a name ("Micheál Martin TD"), or nothing."""
    letters = "|".join(re.escape(w) for w in sorted(gz.names.get("postnominals", ()), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?:[ \u00a0]+(?:{letters})\b)*")


@cache
def _postnominal_gap(gz: Gazetteer) -> re.Pattern:
    """A comma after letters written after a name: "David Lammy MP, Foreign Secretary"."""
    letters = "|".join(re.escape(w) for w in sorted(gz.names.get("postnominals", ()), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"^[ \u00a0]+(?:{letters})(?:[ \u00a0]+(?:{letters}))*[ \u00a0]*,[ \u00a0]*(?:the[ \u00a0]+)?$")


@cache
def _acting_pattern(verbs: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(verbs, key=len, reverse=True))
    # the verb right after the name, or after an apposition clause ("X, who is on a visit, held talks")
    return re.compile(rf"(?:\s*,\s*(?:who|which)\b[^,.;]{{0,80}},)?\s+(?:{alternation})\b")


def best_claim(claims: list[RoleClaim], gz: Gazetteer) -> RoleClaim:
    return max(claims, key=lambda c: gz.role_rank.get(c.role, 0))

