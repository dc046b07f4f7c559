"""People across reports: one person for every spelling of one name, never two
people whose states, offices or dates contradict.

Names are compared with rigour (OpenSanctions' name analysis: Latin, Cyrillic
and other scripts latinised, name-variant symbols such as Sergei = Sergey,
residue distances for transliteration drift such as Mukhriddin = Muhriddin =
Mukhriddinov) and, for the transliteration pairs rigour scores low
(Jeenbek = Zheenbek), communique's own transliteration skeletons
(`communique.names`). Stored people are found by blocking keys (the first
letters of each folded name word), so a report only compares its people with
the few stored people who could be them.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel
from rigour.names import Name, NamePartTag, NameTypeTag, analyze_names, compare_parts, pair_symbols
from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from .. import names as folding
from ..record import Record
from .models import Person, PersonKey, PersonName, PersonRole

# Offices of a state that one person cannot hold together: leader (head of state or of government, which
# some states join), foreign minister, defence minister.
_OFFICE = {"head_of_state": "leader", "head_of_government": "leader", "foreign_minister": "foreign_minister",
           "defence_minister": "defence_minister"}
_PARTICLES = frozenset({"bin", "bint", "ibn", "binti", "al", "el", "de", "da", "di", "du", "van", "von", "der",
                        "den", "la", "le", "dos", "das", "do", "ould", "ag", "ben", "abu", "bou", "ter", "zu", "af"})
KEY_LENGTH = 4
PART_SCORE = 0.8  # rigour's residue similarity from which two name words are one (Mukhriddin, Muhriddinov: 0.83)
SYMBOL_MIN = 4  # name-variant symbols pair words of at least this length (not Yi = Yu, Li = Lee)


# ------------------------------------------------------------------ names
@lru_cache(maxsize=65536)
def _analyze(name: str, symbols: bool = False) -> Name | None:
    """rigour's analysis of a person's name: prefixes ("Mr.") removed, every
    script latinised, split into parts; with `symbols`, also tagged with the
    name-variant symbols (Sergei = Sergey, Mohammed = Muhammad), whose tagger
    takes seconds to load: it is loaded only when a name needs it."""
    found = analyze_names(NameTypeTag.PER, [name], consolidate=False, numerics=False, symbols=symbols)
    return max(found, key=lambda n: len(n.parts), default=None)


def _words(name: Name) -> list[int]:
    """Indexes of the parts that carry the name (not "bin", "al")."""
    return [i for i, p in enumerate(name.parts)
            if p.tag is not NamePartTag.STOP and p.comparable not in _PARTICLES]


@lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    return "".join(folding.tokens(word))


def _words_agree(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    sa, sb = _skeleton(a), _skeleton(b)
    return sa == sb or folding.token_match(sa, sb)


def _plausible_variants(a: str, b: str) -> bool:
    """Words that may be variants of one name though their spellings differ
    (Mohammed, Muhammad): worth asking the name-variant symbols."""
    return min(len(a), len(b)) >= SYMBOL_MIN and Indel.normalized_similarity(_skeleton(a), _skeleton(b)) >= 0.7


def _unmatched(a: str, b: str, symbols: bool) -> tuple[list[str], list[str]] | None:
    """The name words of the shorter form that match no word of the longer one,
    and the longer one's unmatched words; None when either form has no words."""
    na, nb = _analyze(a, symbols), _analyze(b, symbols)
    if na is None or nb is None:
        return None
    wa, wb = _words(na), _words(nb)
    if not wa or not wb:
        return None
    if len(wa) > len(wb):
        na, nb, wa = nb, na, wb
    matched_a: set[int] = set()
    matched_b: set[int] = set()

    def mark(qps, rps) -> None:  # a part's index is its position in the name
        matched_a.update(p.index for p in qps)
        matched_b.update(p.index for p in rps)

    if symbols:
        for alternative in pair_symbols(na, nb)[:1]:
            for al in alternative:
                if len(al.qstr.replace(" ", "")) >= SYMBOL_MIN and len(al.rstr.replace(" ", "")) >= SYMBOL_MIN:
                    mark(al.qps, al.rps)
    rest_a = [p for i, p in enumerate(na.parts) if i in wa and i not in matched_a]
    rest_b = [p for i, p in enumerate(nb.parts) if i not in matched_b]
    if rest_a and rest_b:
        for al in compare_parts(rest_a, rest_b):
            if al.qps and al.rps and al.score >= PART_SCORE:
                mark(al.qps, al.rps)
    for i in wa:
        if i in matched_a:
            continue
        word = na.parts[i].comparable
        for j, part in enumerate(nb.parts):
            if j not in matched_b and _words_agree(word, part.comparable):
                matched_a.add(i)
                matched_b.add(j)
                break
    return ([na.parts[i].comparable for i in wa if i not in matched_a],
            [p.comparable for i, p in enumerate(nb.parts) if i not in matched_b])


@lru_cache(maxsize=262144)
def name_agreement(a: str, b: str) -> int:
    """How well two name forms agree: 0 when they are not one person's name,
    else the number of name words of the shorter form, each of which matches
    a word of the longer one (by rigour's residue distance, communique's
    transliteration skeletons, or, where words look like variants of one
    name, rigour's name-variant symbols)."""
    left = _unmatched(a, b, symbols=False)
    if left is None:
        return 0
    if left[0] and all(any(_plausible_variants(x, y) for y in left[1]) for x in left[0]):
        left = _unmatched(a, b, symbols=True)
    if left is None or left[0]:
        return 0
    return min(len(_words(_analyze(a))), len(_words(_analyze(b))))


@lru_cache(maxsize=262144)
def _is_full(form: str) -> bool:
    analyzed = _analyze(form)
    return analyzed is not None and len(_words(analyzed)) > 1


def full_forms(forms: Iterable[str]) -> list[str]:
    """The forms of more than one name word ("Sergei Lavrov", not "Lavrov")."""
    return [form for form in forms if _is_full(form)]


def names_agree(mine: Iterable[str], theirs: Iterable[str]) -> int:
    """Whether two sets of name forms can be one person's: their full forms
    agree when both have full forms (so "Ilham Aliyev" is never "Heydar
    Aliyev", whatever bare "Aliyev" either was also called), else any forms
    agree. The strength of the best agreement, 0 for none."""
    mine, theirs = list(mine), list(theirs)
    full_mine, full_theirs = full_forms(mine), full_forms(theirs)
    if full_mine and full_theirs:
        mine, theirs = full_mine, full_theirs
    return max((name_agreement(a, b) for a in mine for b in theirs), default=0)


def name_keys(name: str) -> set[str]:
    """Blocking keys of a name: the first letters of each folded word."""
    return {tok[:KEY_LENGTH] for tok in folding.tokens(name) if len(tok) >= 2 and tok not in _PARTICLES}


def surname_key(name: str) -> str:
    toks = folding.tokens(name)
    return toks[-1] if toks else ""


# ------------------------------------------------------------------ what is known of a person
@dataclass(frozen=True)
class Office:
    role: str
    country: str | None
    org: str | None
    first: str | None
    last: str | None


@dataclass
class Profile:
    """A person as a report tells of them, or as the knowledge base knows them."""

    names: list[str]
    offices: list[Office] = field(default_factory=list)

    @property
    def states(self) -> set[str]:
        return {o.country for o in self.offices if o.country}

    @property
    def orgs(self) -> set[str]:
        return {o.org for o in self.offices if o.org and not o.country}


def _overlap(a: Office, b: Office) -> bool:
    if not (a.first and b.first):
        return False
    a_last, b_last = a.last or a.first, b.last or b.first
    # partial dates ("2021-05") cover their month or year
    return a.first[:len(b_last)] <= b_last and b.first[:len(a_last)] <= a_last


def contradiction(a: Profile, b: Profile) -> str | None:
    """Why two profiles cannot be one person, or None when they can."""
    if a.states and b.states and not a.states & b.states:
        return f"acts for {', '.join(sorted(a.states))}, the other for {', '.join(sorted(b.states))}"
    for x in a.offices:
        for y in b.offices:
            if not _overlap(x, y):
                continue
            if x.country and x.country == y.country and x.role in _OFFICE and y.role in _OFFICE \
                    and _OFFICE[x.role] != _OFFICE[y.role]:
                return f"{x.role} and {y.role} of {x.country} at the same time"
            if x.org and y.org and not (x.country or y.country) and x.role == y.role and x.org != y.org:
                return f"{x.role} of {x.org} and of {y.org} at the same time"
    return None


@dataclass
class Candidate:
    id: int
    profile: Profile
    name: str = ""  # the name shown


def choose(mine: Profile, candidates: list[Candidate], taken: set[int]) -> Candidate | None:
    """The stored person `mine` is, among `candidates`: names agree, nothing
    contradicts, not already another person of the same report. A person
    known only by one name word ("Kim", "Lavrov") joins a stored person only
    when exactly one fits, or exactly one also shares a state or
    organisation; otherwise they stay apart."""
    fits: list[tuple[tuple, Candidate]] = []
    for candidate in candidates:
        if candidate.id in taken:
            continue
        strength = names_agree(mine.names, candidate.profile.names)
        if not strength or contradiction(mine, candidate.profile):
            continue
        shared = len(mine.states & candidate.profile.states) + len(mine.orgs & candidate.profile.orgs)
        fits.append(((strength, shared > 0, len(candidate.profile.names)), candidate))
    if not fits:
        return None
    if not full_forms(mine.names):
        if len(fits) > 1:
            fits = [f for f in fits if f[0][1]]
        return fits[0][1] if len(fits) == 1 else None
    fits.sort(key=lambda f: f[0], reverse=True)
    if len(fits) > 1 and fits[0][0] == fits[1][0]:
        return None  # two stored people fit as well: ambiguous, keep apart
    return fits[0][1]


# ------------------------------------------------------------------ the people of one report, stored
def seen_on(meeting_date: str | None, published: str | None) -> str | None:
    """When a role was held: the meeting's day, else the report's, else the
    meeting's month or year."""
    if meeting_date and len(meeting_date) == 10:
        return meeting_date
    return published or meeting_date


def report_profiles(record: Record) -> dict[str, Profile]:
    """Each person of the report with the offices it states, dated by the
    meeting they held them at, else by the report's date."""
    seen = record.published
    profiles = {p.id: Profile(list(dict.fromkeys(p.names or [p.name]))) for p in record.people}
    offices: dict[str, set[Office]] = {pid: set() for pid in profiles}
    for m in record.meetings:
        for part in m.participants:
            if part.person in offices and (part.role or part.country or part.org):
                when = seen_on(m.date, seen)
                offices[part.person].add(Office(part.role or "other", part.country, part.org, when, when))
    for p in record.people:
        for r in p.roles:
            offices[p.id].add(Office(r.role, r.country, r.org, seen, seen))
    for pid, profile in profiles.items():
        profile.offices = sorted(offices[pid], key=lambda o: (o.first or "", o.role, o.country or "", o.org or ""))
    return profiles


# Statements built once: a report's people take a fixed number of them.
_KEYED = select(PersonKey.person_id).where(PersonKey.key.in_(bindparam("keys", expanding=True))).scalar_subquery()
_STORED_NAMES = (select(Person.id, Person.name, PersonName.name).join(PersonName, PersonName.person_id == Person.id)
                 .where(Person.id.in_(_KEYED)).order_by(Person.id, PersonName.id))
_STORED_OFFICES = (select(PersonRole.person_id, PersonRole.role, PersonRole.country, PersonRole.org,
                          func.min(PersonRole.seen), func.max(PersonRole.seen))
                   .where(PersonRole.person_id.in_(_KEYED))
                   .group_by(PersonRole.person_id, PersonRole.role, PersonRole.country, PersonRole.org))
_NEW_PEOPLE = insert(Person).returning(Person.id, sort_by_parameter_order=True)
_RENAME = update(Person).where(Person.id == bindparam("person")).values(name=bindparam("fullest"))
_NEW_NAMES = insert(PersonName)
_NEW_KEYS = insert(PersonKey)


def _stored(session: Session, keys: set[str]) -> list[Candidate]:
    """The stored people sharing a blocking key with the report's names: their
    name, names and offices, in two queries whatever their number."""
    if not keys:
        return []
    conn = session.connection()
    found: dict[int, Candidate] = {}
    for person_id, shown, name in conn.execute(_STORED_NAMES, {"keys": sorted(keys)}):
        found.setdefault(person_id, Candidate(person_id, Profile([]), shown)).profile.names.append(name)
    for person_id, role, country, org, first, last in conn.execute(_STORED_OFFICES, {"keys": sorted(keys)}):
        if person_id in found:
            found[person_id].profile.offices.append(Office(role, country, org, first, last))
    return list(found.values())


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def resolve(session: Session, record: Record) -> dict[str, int]:
    """The stored person of each person of the report (new ones created), their
    new name forms and keys added, in a fixed number of statements. People
    with a full name are placed first, so a bare surname goes to whoever is
    left."""
    profiles = report_profiles(record)
    keys = {k for profile in profiles.values() for form in profile.names for k in name_keys(form)}
    candidates = _stored(session, keys)
    chosen: dict[str, Candidate | None] = {}
    taken: set[int] = set()
    for p in sorted(record.people, key=lambda p: not full_forms(profiles[p.id].names)):
        found = chosen[p.id] = choose(profiles[p.id], candidates, taken)
        if found is not None:
            taken.add(found.id)
    new = [p for p in record.people if chosen[p.id] is None]
    ids: dict[str, int] = {}
    conn = session.connection()  # Core statements: a report's people in a fixed number of them
    if new:
        made = conn.execute(_NEW_PEOPLE,
                               [{"name": p.name, "surname_key": surname_key(p.name)} for p in new]).scalars().all()
        ids.update(zip((p.id for p in new), made, strict=True))
    renamed = []
    for p in record.people:
        found = chosen[p.id]
        if found is not None:
            ids[p.id] = found.id
            if len(folding.tokens(p.name)) > len(folding.tokens(found.name)):
                renamed.append({"person": found.id, "fullest": p.name})  # the fullest form
    if renamed:
        conn.execute(_RENAME, renamed)
    new_names: list[dict] = []
    new_keys: set[tuple[int, str]] = set()
    for p in record.people:
        known = chosen[p.id].profile.names if chosen[p.id] is not None else []
        known_keys = {k for n in known for k in name_keys(n)}
        for form in profiles[p.id].names:
            if form not in known:
                new_names.append({"person_id": ids[p.id], "name": form})
            new_keys |= {(ids[p.id], k) for k in name_keys(form) - known_keys}
    if new_names:
        conn.execute(_NEW_NAMES, new_names)
    if new_keys:
        conn.execute(_NEW_KEYS, [{"person_id": i, "key": k} for i, k in sorted(new_keys)])
    return ids


def role_rows(record: Record, ids: dict[str, int], report_id: int) -> list[dict]:
    """Each person's roles as the report settles them at its meetings, else as
    it states them, dated by the meeting or the report."""
    rows: dict[tuple, dict] = {}
    for m in record.meetings:
        for part in m.participants:
            key = (part.person, part.role, part.country, part.org)
            if part.role and part.person in ids and key not in rows:
                rows[key] = dict(person_id=ids[part.person], report_id=report_id, role=part.role,
                                 country=part.country, org=part.org, seen=seen_on(m.date, record.published),
                                 evidence=[e.model_dump() for e in part.evidence])
    settled = {key[0] for key in rows}
    out = list(rows.values())
    for p in record.people:
        if p.id not in settled:
            out += [dict(person_id=ids[p.id], report_id=report_id, role=r.role, country=r.country, org=r.org,
                         seen=record.published, evidence=[e.model_dump() for e in r.evidence]) for r in p.roles]
    return out
