"""`text.phrase_alternation`: the tree of phrases matches what the plain alternation, longest first, matches."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.text import phrase_alternation

WORDS = st.sampled_from(["a", "an", "the", "meet", "meeting", "meetings", "met", "on", "of", "talks", "Talk",
                         "summit", "Summit", "call", "called", "courtesy", "co-chair", "co", "it's", "x.y"])
PHRASES = st.lists(st.lists(WORDS, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=12)
TEXT = st.lists(st.one_of(WORDS, st.sampled_from([" ", "  ", "\n", "-", ".", ", ", "\t", "K", "\u212a"])),
                max_size=30).map("".join)


def plain(phrases) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


SHAPES = [r"(?<![\w-])(?:{})(?![\w-])", r"\b(?:{})\b", r"(?:{})", r"(?:{})\s+\w", r"\b(?:{})\s*(?:on|of)?\b",
          r"(?P<x>{})(?P<y>\s+\w+)?$"]


@settings(max_examples=400, deadline=None)
@given(PHRASES, TEXT, st.sampled_from(SHAPES), st.booleans())
def test_the_tree_finds_what_the_alternation_finds(phrases, text, shape, blind):
    flags = re.I if blind else 0
    ours = re.compile(shape.format(phrase_alternation(phrases)), flags)
    theirs = re.compile(shape.format(plain(phrases)), flags)
    assert [(m.span(), m.groups()) for m in ours.finditer(text)] == [(m.span(), m.groups()) for m in theirs.finditer(text)]
    for pos in range(len(text) + 1):
        a, b = ours.match(text, pos), theirs.match(text, pos)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_shared_beginnings_are_read_once():
    assert phrase_alternation(["touched upon", "touched on", "discussed", "discussing"]) == \
        r"(?:discuss(?:ed|ing)|touched\s+(?:on|upon))"
