"""Data about the world, loaded once from the files in `communique/data/`.

States, demonyms, organisations and their bodies, titles, honorifics, news
agencies and places become one Aho-Corasick automaton, so finding every
mention in a report is a single pass over its text.

Users extend the data without touching code: `COMMUNIQUE_DATA` may name a
folder whose files of the same names add entries to the packaged ones.
"""
from __future__ import annotations

import csv
import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from itertools import product
from importlib import resources
from pathlib import Path

import ahocorasick
import pycountry
from unidecode import unidecode

from . import names
from .text import plain_quotes

ROLE_RANK_DEFAULT = 0


@dataclass(frozen=True, slots=True)
class BodyInfo:
    org: str  # organisation key, "" for a generic body
    name: str
    aliases: tuple[str, ...]
    level: str | None
    kind: str | None
    head_role: str | None


@dataclass(slots=True)
class OrgInfo:
    key: str
    name: str
    aliases: tuple[str, ...]
    members: frozenset[str]
    bodies: list[BodyInfo]
    head_titles: frozenset[str] = frozenset()  # lower-cased: "President" of a bank heads its staff, a secretary_general


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase in the automaton stands for."""

    kind: str  # state | demonym | org | body | title | honorific | agency | place | trigger | ...
    key: str
    extra: object = None


@dataclass(frozen=True, slots=True)
class Term:
    role: str
    country: str | None
    org: str | None
    start: str
    end: str | None


@dataclass(slots=True)
class KnownPerson:
    """An office holder from people.toml, for names a report gives without a title."""

    name: str
    names: tuple[str, ...]
    terms: tuple[Term, ...]

    def term_at(self, date: str | None) -> Term | None:
        """The office held on `date` (ISO, possibly partial); the latest one without a date."""
        if not self.terms:
            return None
        if date is None:
            return max(self.terms, key=lambda t: t.start)
        for t in self.terms:
            if t.start[:len(date)] <= date and (t.end is None or date <= t.end):
                return t
        return None


@dataclass(slots=True, eq=False)  # hashable by identity: one per process
class Gazetteer:
    states: dict[str, dict] = field(default_factory=dict)
    orgs: dict[str, OrgInfo] = field(default_factory=dict)
    role_rank: dict[str, int] = field(default_factory=dict)
    chair_words: frozenset[str] = frozenset()
    given_name_titles: frozenset[str] = frozenset()
    honorific_titles: frozenset[str] = frozenset()
    title_heads: frozenset[str] = frozenset()
    title_suffixes: dict[str, str] = field(default_factory=dict)  # "-designate" after a title -> its role ("*": the title's)
    organisation_official_words: tuple[str, ...] = ()
    posted_titles: frozenset[str] = frozenset()  # lower-cased: a chargé d'affaires, like an ambassador, is posted abroad
    envoy_words: tuple[str, ...] = ()  # lower-cased: "Special Envoy for Syria" is sent to Syria, not by it
    title_states: dict[str, str] = field(default_factory=dict)  # lower-cased title -> the one state that gives it
    one_holder_roles: frozenset[str] = frozenset()  # roles a state gives one person at a time
    state_titles: dict[str, dict[str, str]] = field(default_factory=dict)  # state -> lower-cased title -> its role there
    title_modifiers: dict[str, dict[str, str]] = field(default_factory=dict)  # lower-cased word -> role -> role it makes
    agencies: dict[str, dict] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    meetings: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)
    automaton: ahocorasick.Automaton | None = None
    people: dict[str, list[KnownPerson]] = field(default_factory=dict)  # by the last word of each name form

    def state_name(self, code: str) -> str:
        return self.states.get(code, {}).get("name", code)

    def is_capital(self, place: str | None, country: str) -> bool:
        """Whether a place is the state's capital, however it is spelt ("Hà Nội", "Ha Noi", "Hanoi")."""
        capital = self.states.get(country, {}).get("capital")
        return bool(place and capital) and _spelling_key(place) == _spelling_key(capital)

    def role_in_state(self, title: str, role: str, country: str | None) -> str:
        """The role a title gives in the state that gives it: India's "Foreign
        Secretary" heads its foreign service, Britain's is its foreign minister."""
        return self.state_titles.get(country or "", {}).get(title.lower(), role)


def _spelling_key(name: str) -> str:
    return "".join(ch for ch in unidecode(name).lower() if ch.isalnum())


def _data_dirs() -> list[Path]:
    dirs = [Path(str(resources.files("communique") / "data"))]
    extra = os.environ.get("COMMUNIQUE_DATA")
    if extra:
        dirs.append(Path(extra))
    return dirs


def load_toml(name: str) -> list[dict]:
    return [tomllib.loads(p.read_text(encoding="utf-8")) for d in _data_dirs() if (p := d / name).exists()]


def _load_tsv(name: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for d in _data_dirs():
        p = d / name
        if p.exists():
            with p.open(encoding="utf-8", newline="") as fh:
                rows += list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows


def plural(phrase: str) -> str:
    """'Foreign Minister' -> 'Foreign Ministers'; 'Minister of Foreign Affairs'
    -> 'Ministers of Foreign Affairs'; 'head of state' -> 'heads of state'."""
    words = phrase.split(" ")
    head = next((i for i, w in enumerate(words) if w.lower() in {"of", "for", "to"}), len(words)) - 1
    w = words[head]
    if w.endswith("y") and not w.endswith(("ey", "ay", "oy")):
        words[head] = w[:-1] + "ies"
    elif w.endswith(("s", "sh", "ch")):
        words[head] = w + "es"
    else:
        words[head] = w + "s"
    return " ".join(words)


@cache
def load() -> Gazetteer:
    gz = Gazetteer()
    add: list[tuple[str, Entry]] = []
    honorific_words: set[str] = set()

    for data in load_toml("states.toml"):
        for code, info in data.items():
            entry = gz.states.setdefault(code, {"name": info.get("name", code), "names": [], "adjectives": []})
            entry["names"] += info.get("names", []) + [info.get("name", code)]
            entry["adjectives"] += info.get("adjectives", [])
            if info.get("capital"):
                entry["capital"] = info["capital"]
            if info.get("titles"):
                gz.state_titles.setdefault(code, {}).update({t.lower(): r for t, r in info["titles"].items()})
    for country in pycountry.countries:
        entry = gz.states.setdefault(country.alpha_3, {"name": getattr(country, "common_name", country.name),
                                                       "names": [], "adjectives": []})
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                entry["names"].append(value)
    for code, info in gz.states.items():
        for name in info["names"]:
            name = re.sub(r"^the ", "", name, flags=re.I)
            add.append((name, Entry("state", code)))
            if 1 < len(name.split()) <= 3:
                add.append((name.replace(" ", ""), Entry("state", code)))  # "Côted’Ivoire" as printed
        for adj in info["adjectives"]:
            add.append((adj, Entry("demonym", code)))
        if info.get("capital"):
            gz.places.setdefault(info["capital"], code)

    for data in load_toml("organisations.toml"):
        for key, info in data.items():
            org = gz.orgs.get(key)
            if org is None:
                org = gz.orgs[key] = OrgInfo(key, info.get("name", key), tuple(info.get("aliases", [])),
                                             frozenset(info.get("members", [])), [],
                                             frozenset(t.lower() for t in info.get("head_titles", [])))
            for b in info.get("bodies", []):
                org.bodies.append(BodyInfo(key if key != "GENERIC" else "", b["name"], tuple(b.get("aliases", [])),
                                           b.get("level"), b.get("kind"), b.get("head_role")))
    spellings = _name_spellings()
    for key, org in gz.orgs.items():
        if key != "GENERIC":
            for name in {key, org.name, *org.aliases}:
                for variant in _spelled(name, spellings):
                    add.append((variant, Entry("org", key)))
        for body in org.bodies:
            for name in (body.name, *body.aliases):
                for variant in _spelled(name, spellings):
                    add.append((variant, Entry("body", key, body)))

    for data in load_toml("titles.toml"):
        gz.chair_words = gz.chair_words | {w.lower() for w in data.get("chair_phrases", [])}
        gz.given_name_titles = gz.given_name_titles | set(data.get("given_name_titles", []))
        gz.honorific_titles = gz.honorific_titles | set(data.get("honorific_titles", []))
        gz.title_heads = gz.title_heads | set(data.get("title_heads", []))
        gz.title_suffixes.update(data.get("title_suffixes", {}))
        gz.organisation_official_words += tuple(data.get("organisation_official_words", []))
        gz.posted_titles = gz.posted_titles | {w.lower() for w in data.get("posted_titles", [])}
        gz.envoy_words += tuple(w.lower() for w in data.get("envoy_words", []))
        gz.title_states.update({t.lower(): code for t, code in data.get("title_states", {}).items()})
        for phrase in data.get("ministries", []):
            add.append((phrase, Entry("ministry", phrase)))
        for phrase in data.get("honorifics", []) + data.get("ranks", []):
            add.append((phrase, Entry("honorific", phrase)))
            honorific_words.update(phrase.split())
        for modifier in data.get("title_modifier", []):
            for word in modifier["words"]:
                gz.title_modifiers[word.lower()] = modifier["roles"]
        for role in data.get("role", []):
            gz.role_rank[role["role"]] = role.get("rank", ROLE_RANK_DEFAULT)
            if role.get("one_holder"):
                gz.one_holder_roles = gz.one_holder_roles | {role["role"]}
            for phrase in role["phrases"]:
                add.append((phrase, Entry("title", role["role"], False)))
                add.append((plural(phrase), Entry("title", role["role"], True)))

    for data in load_toml("agencies.toml"):
        for agency in data.get("agency", []):
            gz.agencies[agency["name"]] = agency
            for name in (agency["name"], *agency.get("aliases", [])):
                add.append((name, Entry("agency", agency["name"])))

    for row in _load_tsv("places.tsv") + _load_tsv("places_extra.tsv"):
        gz.places[row["name"]] = row["country"]
    for code, info in gz.states.items():
        if info.get("capital"):
            gz.places[info["capital"]] = code  # "Tripoli" is Libya's capital before it is a town of Lebanon
    for name, code in list(gz.places.items()):
        gz.places.setdefault(unidecode(name), code)  # "Zurich", "Sao Paulo", "Belem" as often written
    for name, code in gz.places.items():
        add.append((name, Entry("place", code)))

    for data in load_toml("meetings.toml"):
        for key, value in data.items():
            if isinstance(value, dict):
                gz.meetings.setdefault(key, {}).update(value)
            else:
                gz.meetings[key] = value
    for data in load_toml("names.toml"):
        gz.names.update(data)
    not_name = set(gz.names.get("not_name_words", ())) | honorific_words
    for data in load_toml("people.toml"):
        for p in data.get("person", []):
            known = KnownPerson(p["name"], (p["name"], *p.get("aliases", [])),
                                tuple(Term(r["role"], r.get("country"), r.get("org"), str(r.get("start", "0000")),
                                           str(r["end"]) if r.get("end") else None) for r in p.get("roles", [])))
            for form in known.names:
                toks = names.tokens(form)
                if toks:
                    gz.people.setdefault(toks[-1], []).append(known)
                if len(form.split()) > 1 and not_name.intersection(form.split()):
                    # "Park Jin", "Hassan Sheikh Mohamud": a name no run of name words finds whole
                    add.append((form, Entry("name", "")))

    gz.automaton = _build_automaton(add)
    return gz


def _name_spellings() -> dict[str, str]:
    """Each word of meetings.toml's `[name_spellings]` pairs, with the spelling it may also have."""
    swap: dict[str, str] = {}
    for data in load_toml("meetings.toml"):
        for one, other in data.get("name_spellings", {}).get("pairs", []):
            swap[one], swap[other] = other, one
    return swap


def _spelled(name: str, spellings: dict[str, str]) -> set[str]:
    """A name as listed and with each of its words in its other spelling: "Council of Defence
    Ministers" is also "Council of Defense Ministers"; "Foreign Ministers' Meeting", "Foreign Ministers Meeting"."""
    choices = [(w, spellings[w]) if w in spellings else (w,) for w in name.split(" ")]
    return {" ".join(words) for words in product(*choices)}


# Priority of kinds when one phrase means several things: a longer match always
# wins; among matches of one length, the first kind listed here.
KIND_ORDER = {"ministry": 0, "body": 0, "title": 1, "org": 2, "agency": 3, "state": 4, "demonym": 5, "place": 6, "honorific": 7,
              "name": 8}


def _build_automaton(entries: list[tuple[str, Entry]]) -> ahocorasick.Automaton:
    table: dict[str, list[Entry]] = {}
    acronyms: set[str] = set()
    written_otherwise: set[str] = set()  # "Quad" beside "QUAD": not only in capitals
    for phrase, entry in entries:
        phrase = plain_quotes(" ".join(phrase.split()))  # as the report's text is read
        if len(phrase) < 2:
            continue
        key = phrase.lower()
        if phrase.replace(".", "").isupper() and " " not in phrase and entry.kind != "title":
            acronyms.add(key)  # "US", "AU": only in capitals, never "us"
        elif entry.kind in ("org", "body"):
            written_otherwise.add(key)
        found = table.setdefault(key, [])
        if entry not in found:
            found.append(entry)
    automaton = ahocorasick.Automaton()
    for key, found in table.items():
        found.sort(key=lambda e: KIND_ORDER.get(e.kind, 9))
        automaton.add_word(key, (len(key), tuple(found), key in acronyms and key not in written_otherwise))
    automaton.make_automaton()
    return automaton
