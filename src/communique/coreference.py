"""Stage 5, coreference: one person per real person of the report.

Name mentions bound to a title are people; they merge when their names agree
across spellings ("Sirojiddin Mukhriddin" and "Muhriddin") and their states do
not contradict, or when a bare surname or a title-and-surname ("President
Jokowi") can be only one of them. A title without a name ("the Russian
minister", "his Saudi counterpart") is resolved to the one person it fits."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from . import names
from .gazetteer import Gazetteer
from .mentions import Mention
from .roles import STATE_ROLES, PersonMention, RoleClaim, Roles, best_claim
from .text import Document, Span


@dataclass(slots=True)
class Person:
    id: str
    name: str
    names: list[str]
    mentions: list[Span]
    claims: list[RoleClaim] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    org: str | None = None
    first: int = 0
    claimed_roles: set[str] = field(default_factory=set)  # of `claims`, kept as claims are added
    claimed_countries: set[str] = field(default_factory=set)

    def matches(self, claim: RoleClaim) -> bool:
        """Whether a title without a name fits this person."""
        # "the Kazakh minister" may be the foreign minister; "the Minister of the Interior" is not
        generic = claim.role == "minister" and _role_family(self.role) == "minister" and " " not in claim.title.strip()
        if claim.role != self.role and claim.role not in self.claimed_roles and not generic:
            return False
        if claim.country and self.country and claim.country != self.country:
            return False
        if claim.org and self.org and claim.org != self.org:
            return False
        return True


@dataclass(slots=True)
class People:
    people: list[Person]
    by_mention: dict[int, Person]  # name-mention start -> person
    references: dict[int, list[Person]]  # reference start -> the people it stands for
    home_state: str | None


_COUNT = {"two": 2, "both": 2, "three": 3, "four": 4}
_COUNTED = re.compile(r"\b(two|both|three|four)\s+$", re.I)


def resolve_people(doc: Document, mentions: list[Mention], roles: Roles, gz: Gazetteer,
                   home_state: str | None, date: str | None = None) -> People:
    people: list[Person] = []
    by_mention: dict[int, Person] = {}
    # a secretary-general the text ties to no organisation heads the one it names most
    orgs = Counter(m.key for m in mentions if m.kind == "org")
    # "the Security Council" names the UN without naming it
    orgs.update(m.bodies[0].org for m in mentions if m.kind == "body" and m.bodies and m.bodies[0].org
                and len({b.org for b in m.bodies}) == 1)
    main_org = orgs.most_common(1)[0][0] if orgs else None
    # Full names first, so "President Jokowi" in a headline can join "President
    # Joko Widodo" of the body.
    found = [pm for pm in roles.people if pm.titled]
    seen = {pm.start for pm in roles.people}
    # An untitled full name of a known office holder is a person too.
    found += [PersonMention(m.start, m.end, m.text, titled=True) for m in mentions
              if m.kind == "name" and m.start not in seen and _known_person(m.text, gz) is not None]
    ordered = sorted(found, key=lambda pm: (len(names.tokens(pm.name)) == 1, pm.start))
    for pm in ordered:
        person = _find(people, pm, gz)
        if person is None:
            person = Person(f"p{len(people) + 1}", pm.name, [], [], first=pm.start)
            people.append(person)
        _add(person, pm.name, Span(pm.start, pm.end), pm.claims)
        by_mention[pm.start] = person
    for person in people:
        person.first = min(s.start for s in person.mentions)
    people.sort(key=lambda p: p.first)
    for n, person in enumerate(people, 1):
        person.id = f"p{n}"
    # A title without a country is the report's own state's ("Minister of State").
    for person in people:
        _settle(person, gz, home_state, date, main_org)
    # Bare names ("Muhriddin noted", "Chung and Blinken held") are mentions of
    # the one person whose name they can only be.
    for m in mentions:
        if m.kind != "name" or m.start in by_mention:
            continue
        person = _by_surname(people, m.text)
        if person is not None:
            _add(person, m.text, Span(m.start, m.end), [])
            by_mention[m.start] = person
    references: dict[int, list[Person]] = {}
    for ref in roles.references:
        fits = [p for p in people if p.matches(ref.claim) and _member(p, ref.claim, gz)]
        if ref.plural:
            count = _COUNTED.search(doc.text, max(0, ref.start - 12), ref.start)
            if count is not None and len(fits) > _COUNT[count.group(1).lower()]:
                # "the two ministers": the two of them named last before
                last_named = {p.id: max((s.start for s in p.mentions if s.start < ref.start), default=-1) for p in fits}
                fits = sorted(fits, key=lambda p: last_named[p.id], reverse=True)[:_COUNT[count.group(1).lower()]]
                fits = [p for p in fits if last_named[p.id] >= 0]
            if fits:
                references[ref.start] = fits
        else:
            # "The Foreign Secretary" is the one so titled, not "Cabinet Secretary for Foreign Affairs" Mudavadi
            titled = [p for p in fits if any(c.title.lower() == ref.claim.title.lower() for c in p.claims)]
            if len(fits) == 1 or len(titled) == 1:
                references[ref.start] = fits if len(fits) == 1 else titled
    return People(people, by_mention, references, home_state)


def _member(p: Person, claim: RoleClaim, gz: Gazetteer) -> bool:
    """"ASEAN foreign ministers" are the foreign ministers of ASEAN's members."""
    if claim.org and p.country and claim.role in STATE_ROLES:
        org = gz.orgs.get(claim.org)
        return bool(org and p.country in org.members)
    return True


def _find(people: list[Person], pm: PersonMention, gz: Gazetteer) -> Person | None:
    countries = {c.country for c in pm.claims if c.country}
    roles = {c.role for c in pm.claims if c.role != "counterpart"}
    for person in people:
        if not names.same_name(person.name, pm.name):
            continue
        clash = _role_family(person.role) and roles and not any(_role_family(r) in (None, _role_family(person.role))
                                                                 for r in roles)
        if len(names.tokens(pm.name)) == 1 and (not _surname_or_given(person.name, pm.name) or clash):
            continue  # "King Abdullah II" is not "Foreign Minister Abdullah Ali Al-Yahya"
        theirs = person.claimed_countries
        if countries and theirs and not countries & theirs:
            continue  # two different Kims
        return person
    if len(names.tokens(pm.name)) == 1 and pm.claims:
        # "President Jokowi": the one person who holds that title for that state
        claim = best_claim(pm.claims, gz)
        fits = [p for p in people if p.role == claim.role and (not claim.country or claim.country in p.claimed_countries)]
        if len(fits) == 1:
            return fits[0]
    return None


_FAMILIES = {"head_of_state": "leader", "head_of_government": "leader", "foreign_minister": "minister",
             "deputy_foreign_minister": "minister", "defence_minister": "minister", "minister": "minister",
             "ambassador": "envoy"}


def _role_family(role: str | None) -> str | None:
    """"Minister Muhriddin" may be the foreign minister; "King Abdullah" is no minister."""
    return _FAMILIES.get(role or "")


def _surname_or_given(full: str, single: str) -> bool:
    toks = names.tokens(full)
    s = names.tokens(single)[0]
    # "Rodríguez" of "Bruno Rodríguez Parrilla", "Lula" of "Luiz Inácio Lula da Silva": in a long
    # name any word of four letters or more may be the one a report calls its holder by
    ends = [toks[0], toks[-1]] + ([t for t in toks[1:-1] if len(t) >= 4] if len(toks) >= 3 else [])
    return any(names.token_match(t, s) for t in ends)


def _by_surname(people: list[Person], name: str) -> Person | None:
    toks = names.tokens(name)
    if not toks:
        return None
    fits = [p for p in people if names.same_name(p.name, name)]
    if len(toks) == 1:
        fits = [p for p in fits if _surname_or_given(p.name, name)] or []
    return fits[0] if len(fits) == 1 else None


def _add(person: Person, name: str, span: Span, claims: list[RoleClaim]) -> None:
    person.mentions.append(span)
    if name not in person.names:
        person.names.append(name)
    if len(names.tokens(name)) > len(names.tokens(person.name)):
        person.name = name
    person.claims += claims  # each claim is stated once, at its own place
    person.claimed_roles.update(c.role for c in claims)
    person.claimed_countries.update(c.country for c in claims if c.country)
    if person.role in (None, "counterpart"):
        person.role = next((c.role for c in claims if c.role != "counterpart"), person.role or
                           next((c.role for c in claims), None))


def _settle(person: Person, gz: Gazetteer, home_state: str | None, date: str | None,
            main_org: str | None = None) -> None:
    """The role a person is recorded with, and the state or organisation they
    act for: as the text states it; else as people.toml knows the office
    holder at the report's date; else the report's own state."""
    office_holder = _known_person(person.name, gz)
    known = office_holder.term_at(date) if office_holder is not None else None
    if not person.claims:
        if known is not None:
            person.role, person.country, person.org = known.role, known.country, known.org
        return
    best = best_claim(person.claims, gz)
    if best.role == "other" and known is not None and date is not None and \
            gz.role_rank.get(known.role, 0) > gz.role_rank.get("other", 0):
        # "Senator Penny Wong" on a day she is foreign minister: a weak title yields to the office she holds
        person.role, person.country, person.org = known.role, known.country, known.org
        return
    person.role = best.role
    person.country = best.country or next((c.country for c in person.claims if c.country), None)
    person.org = best.org or next((c.org for c in person.claims if c.org), None)
    official = best.role == "other" and not best.country and \
        any(w.lower() in c.title.lower() for c in person.claims for w in gz.organisation_official_words)
    if best.role == "secretary_general" or (best.role == "other" and (person.org or official) and not best.country):
        person.country = None
        if person.org is None and known is not None and known.org:
            person.org = known.org
        if person.org is None:
            person.org = main_org
        if person.org is None:
            person.country = best.country or home_state
    elif person.country is None:
        only_state = next((gz.title_states[c.title.lower()] for c in person.claims if c.title.lower() in gz.title_states), None)
        # a state's office holder before or after the report's date acts for it
        former = next((t.country for t in office_holder.terms if t.country), None) if office_holder else None
        if known is not None and known.country:
            person.country = known.country
        else:
            person.country = only_state or former or home_state
        person.org = None if person.country else person.org
    if person.country in gz.state_titles:
        # "Foreign Secretary X" of a report from Kathmandu: the title as that state gives it
        for c in person.claims:
            c.role = gz.role_in_state(c.title, c.role, c.country or person.country)
        person.role = best_claim(person.claims, gz).role


def _known_person(name: str, gz: Gazetteer):
    toks = names.tokens(name)
    if len(toks) < 2:
        return None
    for known in gz.people.get(toks[-1], []):
        if any(len(names.tokens(form)) >= 2 and names.same_name(form, name) for form in known.names):
            return known
    return None


_MINISTRY = re.compile(r"(?<![\w.])([A-Z][\w.]{0,40}(?:\s[A-Z][\w.]{0,40})?)['’]s\s+(?:foreign|Foreign)\s+(?:ministry|Ministry)")


def home_state(doc: Document, mentions: list[Mention], gz: Gazetteer, dateline_place: str | None,
               source: str | None) -> str | None:
    """The state a report speaks from: its dateline's, its agency's, the one
    whose foreign ministry it quotes, or the one it names most."""
    if dateline_place:
        code = gz.places.get(dateline_place) or _state_named(dateline_place, gz)
        if code:
            return code
    if source and source in gz.agencies and gz.agencies[source].get("country"):
        return gz.agencies[source]["country"]
    m = _MINISTRY.search(doc.text) if "inistry" in doc.text else None  # no match holds no "ministry"
    if m:
        code = gz.places.get(m.group(1)) or _state_named(m.group(1), gz)
        if code:
            return code
    counts = Counter(x.key for x in mentions if x.kind in ("state", "demonym", "place") and x.key)
    return counts.most_common(1)[0][0] if counts else None


def _state_named(name: str, gz: Gazetteer) -> str | None:
    return _state_names(gz).get(name)


@cache
def _state_names(gz: Gazetteer) -> dict[str, str]:
    """Each name of a state to the first state (in the gazetteer's order) that has it."""
    out: dict[str, str] = {}
    for code, info in gz.states.items():
        for name in [*info["names"], info["name"]]:
            out.setdefault(name, code)
    return out
