"""Patterns written for speed find what the plainer ones they replace find."""
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


WORDY = st.lists(st.sampled_from(["on", "the", "20th", "May", "since", " ", "  ", "\n", ",", "(", "-", "é", "_", "2024"]),
                 max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(WORDY, st.integers(0, 40), st.integers(0, 40))
def test_the_words_before_a_position_read_backwards(text, pos, floor):
    """dates: the reversed text's longest `(?:\\s+\\w+){1,2}` is the leftmost start of `(?:\\w+\\s+){1,2}$`."""
    from communique.dates import _WORDS_BEFORE_REVERSED

    pos, floor = min(pos, len(text)), min(floor, pos, len(text))
    forward = re.compile(r"(?:\w+\s+){1,2}$").search(text, floor, pos)
    backward = _WORDS_BEFORE_REVERSED.match(text[::-1], len(text) - pos, len(text) - floor)
    assert (forward and forward.start()) == (backward and len(text) - backward.end())
