"""People across reports: one person for every spelling of one name, never two
people whose states, offices or dates contradict.

Names are compared word by word, every script latinised (unidecode) and
honorifics dropped: two words are one when their spellings are close
(rapidfuzz's distance, for transliteration drift such as Mukhriddin =
Muhriddin = Mukhriddinov, and for one word written as two, Minseok =
Min-seok), or when communique's transliteration skeletons make them one
(`communique.names`: Jeenbek = Zheenbek, Sergei = Sergey, the national forms
of one given name). Stored people are found by blocking keys (the first
letters of each folded name word), so a report only compares its people with
the few stored people who could be them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session
from unidecode import unidecode

from .. import names as folding
from ..gazetteer import load_toml
from ..record import Record
from .models import Person, PersonKey, PersonName, PersonRole

# Offices of a state that one person cannot hold together: leader (head of state or of government, which
# some states join), foreign minister, defence minister.
_OFFICE = {"head_of_state": "leader", "head_of_government": "leader", "foreign_minister": "foreign_minister",
           "defence_minister": "defence_minister"}
KEY_LENGTH = 4
# Mean lengths of two word skeletons from which they may differ by one more letter: none below 6
# (Said, Saidov), one from 6 (Sybiha, Sybiga), two from 10 (Rasulzade, Rasulzoda is 9: not), three from 14.
EDIT_STEPS = (6, 10, 14)
SHORT_VOWEL_MIN = 4  # from this length, one vowel inside a word may differ (Adel, Adil; not Yi, Yu)
VOWELS = frozenset("aeiou")
RUN_WORD_MIN = 3  # words joined into one have at least this length (Min-seok, not Abdullah II)


# ------------------------------------------------------------------ names
@dataclass(frozen=True)
class _Matching:
    honorifics: re.Pattern[str]
    particles: frozenset[str]


@lru_cache(maxsize=1)
def _matching() -> _Matching:
    honorifics: set[str] = set()
    particles: set[str] = set()
    for data in load_toml("name_matching.toml"):
        honorifics.update(data.get("honorifics", []))
        particles.update(data.get("particles", []))
    longest_first = sorted(honorifics, key=len, reverse=True)
    pattern = r"^\W*(?:(?:%s)\.?\s+)*" % "|".join(re.escape(h) for h in longest_first)
    return _Matching(re.compile(pattern, re.IGNORECASE), frozenset(particles))


@lru_cache(maxsize=65536)
def _analyze(name: str) -> tuple[str, ...] | None:
    """A person's name as comparable words: honorifics ("Mr.") dropped, every
    script latinised, lower case, apostrophes closed up (O'Brien = Obrien);
    None when nothing is left."""
    words = re.findall(r"[a-z0-9]+", re.sub(r"['`]", "", unidecode(_matching().honorifics.sub("", name))).lower())
    return tuple(words) or None


def _words(name: tuple[str, ...]) -> list[int]:
    """Indexes of the words that carry the name (not "bin", "al")."""
    return [i for i, w in enumerate(name) if w not in _matching().particles]


@lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    return "".join(folding.tokens(word))


def _words_agree(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    sa, sb = _skeleton(a), _skeleton(b)
    return sa == sb or folding.token_match(sa, sb)


def _runs(name: tuple[str, ...], indexes: list[int]) -> list[tuple[int, ...]]:
    """Each word alone, and each two adjacent words together: a word may be
    written as two (Minseok, Min-seok), but not with an initial or a regnal
    number (Abdullah II is not Abdullahi)."""
    return [(i,) for i in indexes] + [(i, j) for i, j in zip(indexes, indexes[1:])
                                      if j == i + 1 and min(len(name[i]), len(name[j])) >= RUN_WORD_MIN]


def _edit_budget(a: str, b: str) -> int:
    """How many letters two spellings of one name word may differ by: none for
    short words (Said, Saidov; Maris, Mario), more for longer ones (Sybiha,
    Sybiga)."""
    mean = (len(a) + len(b)) / 2
    return sum(mean >= step for step in EDIT_STEPS)


def _one_inner_vowel_apart(a: str, b: str) -> bool:
    """Short words of one length differing by one vowel inside them (Adel,
    Adil; Islam, Islom); a last vowel often tells a woman's name from a man's
    (Maria, Mario)."""
    if len(a) != len(b) or len(a) < SHORT_VOWEL_MIN:
        return False
    apart = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(apart) == 1 and 0 < apart[0] < len(a) - 1 and a[apart[0]] in VOWELS and b[apart[0]] in VOWELS


def _spelling_edits(a: str, b: str) -> int | None:
    """How many letters two skeletons differ by; None when too many for two
    spellings of one word."""
    if _one_inner_vowel_apart(a, b):
        return 1
    budget = _edit_budget(a, b)
    edits = Levenshtein.distance(a, b, score_cutoff=budget)
    return edits if budget and edits <= budget else None


def _close_spellings(na: tuple[str, ...], wa: list[int], nb: tuple[str, ...]) -> list[tuple]:
    """Pairs of name words of `na` (or of adjacent pairs of them) and words of
    `nb` whose skeletons are within their edit budget, closest first, no word
    in two pairs."""
    scored = []
    for ra in _runs(na, wa):
        left = "".join(_skeleton(na[i]) for i in ra)
        for rb in _runs(nb, list(range(len(nb)))):
            if len(ra) == len(rb) == 2:
                continue
            right = "".join(_skeleton(nb[j]) for j in rb)
            edits = _spelling_edits(left, right)
            if edits is not None:
                scored.append((edits, ra, rb))
    scored.sort(key=lambda s: s[0])
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, ra, rb in scored:
        if used_a.isdisjoint(ra) and used_b.isdisjoint(rb):
            used_a.update(ra)
            used_b.update(rb)
            pairs.append((ra, rb))
    return pairs


def _unmatched(a: str, b: str) -> list[str] | None:
    """The name words of the shorter form that match no word of the longer
    one; None when either form has no name words."""
    na, nb = _analyze(a), _analyze(b)
    if na is None or nb is None:
        return None
    wa, wb = _words(na), _words(nb)
    if not wa or not wb:
        return None
    if len(wa) > len(wb):
        na, nb, wa = nb, na, wb
    matched_a: set[int] = set()
    matched_b: set[int] = set()
    for ra, rb in _close_spellings(na, wa, nb):
        matched_a.update(ra)
        matched_b.update(rb)
    for i in wa:
        if i in matched_a:
            continue
        for j, word in enumerate(nb):
            if j not in matched_b and _words_agree(na[i], word):
                matched_a.add(i)
                matched_b.add(j)
                break
    return [na[i] for i in wa if i not in matched_a]


@lru_cache(maxsize=262144)
def name_agreement(a: str, b: str) -> int:
    """How well two name forms agree: 0 when they are not one person's name,
    else the number of name words of the shorter form, each of which matches
    a word of the longer one (by close spelling or communique's
    transliteration skeletons)."""
    left = _unmatched(a, b)
    if left is None or left:
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
    return {tok[:KEY_LENGTH] for tok in folding.tokens(name) if len(tok) >= 2 and tok not in _matching().particles}


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
