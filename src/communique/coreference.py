"""Stage 5, coreference: one person per real person of the report.

Name mentions bound to a title are people; they merge when their names agree
across spellings ("Sirojiddin Mukhriddin" and "Muhriddin") and their states do
not contradict, or when a bare surname or a title-and-surname ("President
Jokowi") can be only one of them. A title without a name ("the Russian
minister", "his Saudi counterpart") is resolved to the one person it fits."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from dataclasses import dataclass, field
from functools import cache

from . import names
from .gazetteer import Gazetteer
from .mentions import Mention
from .roles import STATE_ROLES, PersonMention, RoleClaim, Roles, best_claim
from .text import Document, Span, word_pattern


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
    stated_country: str | None = None  # the state the text gives a name without a title

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
    # So is a bare surname of one office holder ("Putin said"), outside headlines.
    found += [PersonMention(m.start, m.end, m.text, titled=True) for m in mentions
              if m.kind == "name" and m.start not in seen and " " not in m.text and len(m.text) >= 5 and
              not _headline(doc, m.start, m.end) and _known_surname(m.text, None, gz, date) is not None]
    ordered = sorted(found, key=lambda pm: (len(names.tokens(pm.name)) == 1, pm.start))
    for pm in ordered:
        person = _find(people, pm, gz)
        if person is None and len(names.tokens(pm.name)) == 1 and _headline(doc, pm.start, pm.end):
            continue  # a headline's capitalised word ("Ministers Issue Statement") that names nobody of the report
        if person is None:
            person = Person(f"p{len(people) + 1}", pm.name, [], [], first=pm.start)
            people.append(person)
        _add(person, pm.name, Span(pm.start, pm.end), pm.claims)
        person.stated_country = person.stated_country or pm.country
        by_mention[pm.start] = person
    for person in people:
        person.first = min(s.start for s in person.mentions)
    people.sort(key=lambda p: p.first)
    for n, person in enumerate(people, 1):
        person.id = f"p{n}"
    # Bare names ("Muhriddin noted", "Chung and Blinken held") are mentions of
    # the one person whose name they can only be.
    for m in mentions:
        if m.kind != "name" or m.start in by_mention or len(m.text) < 2:
            continue  # "I" is no one's surname, though "Wang Yi" ends in its sound
        person = _by_surname(people, m.text)
        if person is not None:
            _add(person, m.text, Span(m.start, m.end), [])
            by_mention[m.start] = person
    # A title without a country is the report's own state's ("Minister of State"),
    # unless the person visits it: then the other state the report names most.
    # An ambassador the text gives no state is most likely a foreign one, of the other state it names most.
    visited = _visited(doc, mentions, by_mention, gz)
    abroad = _other_state(mentions, {home_state}) if home_state else None
    # "President Bill Clinton and Russian President Boris Yeltsin" in Moscow: Russia's one president is named
    held = {(c.role, c.country) for p in people for c in p.claims if c.country and c.role in gz.one_holder_roles}
    for person in people:
        home, foreign = home_state, abroad
        seen = visited.get(person.id, set())
        if _HOME in seen:
            seen = (seen - {_HOME}) | ({home_state} if home_state else set())
        if home_state is not None and home_state in seen:
            home = _other_state(mentions, seen) or home_state
            foreign = _other_state(mentions, {home}) if home != home_state else abroad
        elif abroad and _faces_home(doc, person, people, home_state, _words_pattern(tuple(gz.names.get("meeting_words", ())))):
            home = abroad  # "Foreign Secretary X met with Nepal Foreign Minister Y" in Kathmandu: X is the guest
        _settle(person, gz, home, date, main_org, foreign, held, lambda taken: _other_state(mentions, taken))
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


def _visited(doc: Document, mentions: list[Mention], by_mention: dict[int, Person],
             gz: Gazetteer) -> dict[str, set[str]]:
    """The states each person visits, as "NAME paid an official visit to STATE"
    or "NAME arrived in CITY" tells it: the name, at most a few words without
    a comma, the visit words (names.toml's `visit_words`), the state or place."""
    pattern = _visit_pattern(tuple(gz.names.get("visit_words", ())))
    out: dict[str, set[str]] = {}
    if not by_mention:
        return out
    where = {m.start: m for m in mentions if m.kind in ("state", "place") and m.key}
    names = sorted(by_mention)
    for m in pattern.finditer(doc.text):
        place = where.get(m.end())
        if place is None:
            continue
        k = bisect_right(names, m.start()) - 1
        if k < 0:
            continue
        person = by_mention[names[k]]
        end = next(s.end for s in person.mentions if s.start == names[k])
        if m.start() - end > 60 or not _VISITOR_GAP.fullmatch(doc.text, end, m.start()):
            continue
        out.setdefault(person.id, set()).add(place.key)
    # "the visiting Foreign Minister X": a guest of the report's own state
    for m in _VISITING.finditer(doc.text):
        k = bisect_right(names, m.end() - 1)
        if k < len(names) and names[k] - m.end() <= 60 and not _VISITING_STOP.search(doc.text, m.end(), names[k]):
            out.setdefault(by_mention[names[k]].id, set()).add(_HOME)
    return out


# "paid an official", "is on a working", ", who went"
_VISITING = re.compile(r"[Vv](?<!\w[\s\S])isiting\s+")  # \b[Vv]isiting\s+, skipping ahead to a "v"
_VISITING_STOP = re.compile(r"[,.;:()]|\b(?:and|with|to|in)\b")
_HOME = "*home*"  # the report's own state, whatever it is, as a state visited

_VISITOR_GAP = re.compile(r"(?:\s*,\s*who(?:\s+[a-z][\w-]*){0,5}|(?:\s+[a-z][\w-]*){1,6})\s+")


def _faces_home(doc: Document, person: Person, people: list[Person], home_state: str | None, meets: re.Pattern) -> bool:
    """Whether a person the text gives no state shares a sentence with one it
    expressly gives the report's own state: the text names the host's state
    and leaves the guest's unsaid."""
    if home_state is None or person.claimed_countries or person.stated_country or \
            not any(c.role in STATE_ROLES and c.role != "ambassador" for c in person.claims):
        return False
    for s in person.mentions:
        if _headline(doc, s.start, s.end):
            continue
        sentence = doc.sentence_of(s.start)
        for q in people:
            if q is person or q.claimed_countries != {home_state}:
                continue
            # he meets, receives or calls on the one the text names of the host's state, right after him
            if any(s.end <= t.start < sentence.end and meets.search(doc.text, s.end, t.start) and
                   not any(s.end <= o.start < t.start for p in people if p is not person and p is not q for o in p.mentions)
                   for t in q.mentions):
                return True
    return False



@lru_cache(maxsize=4)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\b(?:{alternation})\b")


@lru_cache(maxsize=4)
def _visit_pattern(words: tuple[str, ...]) -> re.Pattern:
    # \b(?:words, longest first)\s+(?:the\s+)?, written to skip ahead to the words' first letters
    if not words:
        return re.compile(r"(?!)")
    return word_pattern(words, ignore_case=False, before=r"\b", after=r"\s+(?:the\s+)?")


def _other_state(mentions: list[Mention], visited: set[str]) -> str | None:
    """The state other than the visited ones that the report names most."""
    counts = Counter(m.key for m in mentions if m.kind in ("state", "demonym") and m.key and m.key not in visited)
    return counts.most_common(1)[0][0] if counts else None


def _headline(doc: Document, start: int, end: int) -> bool:
    """Within a furniture line, or the report's first line when no sentence ends it."""
    if doc.in_furniture(start, end):
        return True
    first = doc.text.find("\n")
    return 0 <= end <= first and not doc.text[:first].rstrip().endswith((".", "!", "?", ":"))


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
        # of that state, or with a name it may stand for ("Jokowi", "Joko Widodo"): not another
        # name of no state ("Prime Minister Hasina" beside "Prime Minister Narendra Modi")
        fits = [p for p in people if p.role == claim.role and (claim.country in p.claimed_countries if claim.country
                                                               else _may_stand_for(pm.name, p.name))]
        if len(fits) == 1:
            return fits[0]
    return None


_FAMILIES = {"head_of_state": "leader", "head_of_government": "leader", "foreign_minister": "minister",
             "deputy_foreign_minister": "minister", "defence_minister": "minister", "minister": "minister",
             "ambassador": "envoy"}


def _role_family(role: str | None) -> str | None:
    """"Minister Muhriddin" may be the foreign minister; "King Abdullah" is no minister."""
    return _FAMILIES.get(role or "")


def _may_stand_for(single: str, full: str) -> bool:
    """A one-word name that begins as a word of the full name does ("Jokowi", "Joko Widodo"); four
    letters, for three are shared by too many names ("Abdullah", "Abdel Fattah")."""
    s = names.tokens(single)[0]
    return any(t[:4] == s[:4] for t in names.tokens(full))


def _surname_or_given(full: str, single: str) -> bool:
    toks = names.tokens(full)
    s = names.tokens(single)[0]
    # "Rodríguez" of "Bruno Rodríguez Parrilla", "Lula" of "Luiz Inácio Lula da Silva": in a long
    # name any word of four letters or more may be the one a report calls its holder by
    ends = [toks[0], toks[-1]] + ([t for t in toks[1:-1] if len(t) >= 4] if len(toks) >= 3 else [])
    # "Al Hussein bin Abdullah II": the word after "bin" is his father's name, not one he is called by
    words = full.split()
    fathers = {t for i, w in enumerate(words[:-1]) if w.lower() in _PATRONYMIC_WORDS for t in names.tokens(words[i + 1])}
    return any(names.token_match(t, s) for t in ends if t not in fathers)


_PATRONYMIC_WORDS = frozenset({"bin", "bint", "ibn", "binti"})


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


_MINISTRIES = frozenset({"foreign_minister", "defence_minister", "deputy_foreign_minister"})


def _settle(person: Person, gz: Gazetteer, home_state: str | None, date: str | None,
            main_org: str | None = None, abroad: str | None = None,
            held: set[tuple[str, str]] = frozenset(),
            other_state: Callable[[set[str]], str | None] = lambda taken: None) -> None:
    """The role a person is recorded with, and the state or organisation they
    act for: as the text states it; else as people.toml knows the office
    holder at the report's date; else the report's own state."""
    office_holder = _known_person(person.name, gz) or _known_by_surname(person, gz, date) or \
        (_known_surname(person.name, None, gz, date) if all(c.role == "other" for c in person.claims) else None)
    known = office_holder.term_at(date) if office_holder is not None else None
    if not person.claims:
        if known is not None:
            person.role, person.country, person.org = known.role, known.country, known.org
        else:
            # one the text gives no title is most likely of the report's own state, unless it names one
            person.country = person.stated_country or home_state
        return
    # a title of the person's own outranks the role of the one he is the counterpart of
    best = best_claim([c for c in person.claims if not c.derived] or person.claims, gz)
    if best.role == "other" and known is not None and date is not None and \
            gz.role_rank.get(known.role, 0) > gz.role_rank.get("other", 0):
        # "Senator Penny Wong" on a day she is foreign minister: a weak title yields to the office she holds
        person.role, person.country, person.org = known.role, known.country, known.org
        return
    if best.role == "minister" and " " not in best.title.strip() and known is not None and date is not None and \
            known.role in _MINISTRIES and (best.country is None or best.country == known.country):
        # "Minister Mauro Vieira" on a day he is foreign minister: the bare word names no portfolio; his office does
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
            assumed = abroad if (best.role == "ambassador" or best.title.lower() in gz.posted_titles) and abroad else home_state
            if (best.role, assumed) in held:
                # the state's one holder of the office is another: of the state named most whose holder is not named
                assumed = other_state({state for role, state in held if role == best.role}) or assumed
            person.country = only_state or former or assumed
        person.org = None if person.country else person.org
    if person.country in gz.state_titles:
        # "Foreign Secretary X" of a report from Kathmandu: the title as that state gives it
        for c in person.claims:
            c.role = gz.role_in_state(c.title, c.role, c.country or person.country)
        person.role = best_claim([c for c in person.claims if not c.derived] or person.claims, gz).role


def _known_person(name: str, gz: Gazetteer):
    toks = names.tokens(name)
    if len(toks) < 2:
        return None
    # the family name last, or first ("KAMIKAWA Yoko", "Xi Jinping")
    for known in gz.people.get(toks[-1], []) + (gz.people.get(toks[0], []) if len(toks) == 2 else []):
        if any(len(names.tokens(form)) >= 2 and names.same_name(form, name) for form in known.names):
            return known
    return None


def _known_by_surname(person: Person, gz: Gazetteer, date: str | None):
    """"President Duterte": the one office holder of people.toml with that
    surname who holds the office the title names (at the report's date)."""
    return _known_surname(person.name, {c.role for c in person.claims}, gz, date)


def _known_surname(name: str, roles: set[str] | None, gz: Gazetteer, date: str | None):
    """The one office holder of people.toml with this surname, holding one of
    `roles` (any office when None) at `date`."""
    toks = names.tokens(name)
    if len(toks) != 1 or len(toks[0]) < 4 or roles == set():
        return None
    fits = {id(k): k for k in gz.people.get(toks[0], [])
            if (t := k.term_at(date)) is not None and (roles is None or t.role in roles) and
            any(len(names.tokens(form)) >= 2 and names.tokens(form)[-1] == toks[0] for form in k.names)}
    return next(iter(fits.values())) if len(fits) == 1 else None


_MINISTRY = re.compile(r"(?<![\w.])([A-Z][\w.]{0,40}(?:\s[A-Z][\w.]{0,40})?)['’]s\s+(?:foreign|Foreign)\s+(?:ministry|Ministry)")


def home_state(doc: Document, mentions: list[Mention], gz: Gazetteer, dateline_place: str | None,
               source: str | None, roles: Roles | None = None, date: str | None = None) -> str | None:
    """The state a report speaks from: its dateline's, its agency's, the one
    whose foreign ministry it quotes, the state of the first person it names
    (the one whose doings it tells), or the one it names most."""
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
    if roles is not None:
        code = _protagonist_state(roles, gz, date, doc, mentions)
        if code:
            return code
    counts = Counter(x.key for x in mentions if x.kind in ("state", "demonym", "place") and x.key)
    return counts.most_common(1)[0][0] if counts else None


def _protagonist_state(roles: Roles, gz: Gazetteer, date: str | None, doc: Document,
                       mentions: list[Mention]) -> str | None:
    """The state of the first titled person whose state the text states or
    people.toml knows: a report without a dateline tells its own state's doings first;
    an ambassador's, where he is posted ("US Ambassador in Dhaka": Bangladesh)."""
    for pm in roles.people:
        if not pm.titled or any(c.org or c.role == "secretary_general" for c in pm.claims):
            continue  # an organisation's official speaks for no state
        posted = next((_posting(c, doc, mentions) for c in pm.claims if c.role == "ambassador"), None)
        if posted:
            return posted
        code = next((c.country for c in pm.claims if c.country and c.role != "counterpart"), None)
        if code is None:
            known = _known_person(pm.name, gz)
            term = known.term_at(date) if known is not None else None
            code = term.country if term is not None else None
        if code:
            return code
    return None


def _posting(claim: RoleClaim, doc: Document, mentions: list[Mention]) -> str | None:
    """Where an ambassador's title places him: "Ambassador in Dhaka", "Ambassador of X to Nepal"."""
    return next((m.key for m in mentions if claim.start < m.start < claim.end and m.kind in ("state", "place") and
                 m.key and _POSTED_AT.search(doc.text, max(claim.start, m.start - 8), m.start)), None)


_POSTED_AT = re.compile(r"\b(?:in|to)\s+(?:the\s+)?$")


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
