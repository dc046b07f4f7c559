"""Person names compared across spellings and transliterations: "Mukhriddin"
and "Muhriddin", "Sergei" and "Sergey", Latin and Cyrillic forms."""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Indel
from unidecode import unidecode

# Transliteration variants folded to one spelling, in order.
_VARIANTS = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ph", "f"), ("w", "v"),
             ("y", "i"), ("ou", "u"), ("ck", "k"), ("gh", "k"), ("q", "k"), ("x", "ks"))  # Araghchi, Araqchi


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[str, ...]:
    """The name's words folded to ASCII skeletons: case, accents, punctuation
    and common transliteration variants removed, and a given name's national
    forms made one ("George", "Giorgos")."""
    forms = _given_name_forms()
    return tuple(forms.get(word, word) for word in _skeletons(name))


def _skeletons(name: str) -> list[str]:
    out = []
    for word in re.findall(r"[a-z0-9]+", unidecode(name).lower()):
        for a, b in _VARIANTS:
            word = word.replace(a, b)
        word = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", word)
        word = re.sub(r"(.)\1+", r"\1", word)
        out.append(word)
    return out


@lru_cache(maxsize=1)
def _given_name_forms() -> dict[str, str]:
    """Each form of a given name in `names.toml` to the first form of its group."""
    from .gazetteer import load_toml  # here, not above: the gazetteer itself uses this module
    out: dict[str, str] = {}
    for data in load_toml("names.toml"):
        for group in data.get("given_name_forms", []):
            first = _skeletons(group[0])[0]
            for form in group:
                out.setdefault(_skeletons(form)[0], first)
    return out


@lru_cache(maxsize=65536)
def token_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) >= 5:
        return Indel.normalized_similarity(a, b) >= 0.85
    return False


@lru_cache(maxsize=65536)
def same_name(a: str, b: str) -> bool:
    """Every word of the shorter name matches a word of the longer one, each a word of its own
    ("Abdullah Abdullah" is not "Al Hussein bin Abdullah"). (Remembered: a report compares its
    names with each other many times over, and news names the same people again and again.)"""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    free = list(large)
    for s in small:
        match = next((i for i, l in enumerate(free) if token_match(s, l)), None)
        if match is None:
            return False
        del free[match]
    return True
