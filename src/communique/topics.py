"""Stage 8, topics: what the report says was discussed, as short phrases.

A topic is the clause after a discussion cue ("focused on", "exchanged views
on", "touched upon"), split where it lists several things and cut to a few
words; the cues are in `data/topics.toml`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .gazetteer import load_toml
from .text import Document, phrase_alternation

# A point, a comma or a space starts every end: the pattern reads that character by a class (the
# engine's fast scan) and tells the ends apart by it, the same matches as
# "[.;:!?]|,\s+(?:which|...)\b|,?\s+and\s+(?:also\s+)?(?:adopted|...)\b|\s+—\s+"
_AND_VERB = r"and\s+(?:also\s+)?(?:adopted|approved|signed|agreed|exchanged|expressed|noted|stated|discussed)\b"
_CLAUSE_END = re.compile(rf"[.;:!?,\s](?:(?<=[.;:!?])|(?<=,)\s+(?:which|who|while|where|based)\b|(?<=,)\s+{_AND_VERB}|"
                         rf"(?<=\s)\s*{_AND_VERB}|(?<=\s)\s*—\s+)", re.I)
_SPLIT = re.compile(r",\s+as\s+well\s+as\s+|\s+as\s+well\s+as\s+|,\s+and\s+(?:the\s+)?(?=\w)|\s+and\s+the\s+|"
                    r",\s+(?:on|in|so|by|in\s+the\s+midst\s+of)\s+|;\s+", re.I)
_LEAD = re.compile(r"^(?:(?:the|a|an|on|of|to|upon|over|about|with|that|their|its|his|her|also|in|for|ways|issues?|state)\s+)+", re.I)
# "... cultural and humanitarian spheres was discussed": the topic comes before the verb.
_PASSIVE = re.compile(r"\b(?:was|were|had\s+been|have\s+been)\s+(?:also\s+)?(?:discussed|considered|reviewed|"
                      r"examined|addressed|touched\s+upon)\b", re.I)
_PASSIVE_VERBS = ("discussed", "considered", "reviewed", "examined", "addressed", "touched")  # one is in every match
_EMPTY = re.compile(r"^(?:the\s+|this\s+|that\s+)?(?:meeting|talks|summit|session|conversation|event|issue|"
                    r"issues|matter|matters|sides?|parties|ministers?)$", re.I)
_NONSPACE = re.compile(r"\S+")
_THREE_LETTERS = re.compile(r"[A-Za-z]{3,}")


@dataclass(slots=True)
class TopicPhrase:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Cues:
    pattern: re.Pattern
    max_words: int


@cache
def _cues() -> _Cues:
    phrases: list[str] = []
    max_words = 14
    for data in load_toml("topics.toml"):
        phrases += data.get("cues", [])
        max_words = data.get("max_words", max_words)
    # read in the text's `folded` copy, where a case-blind match of ASCII words is a plain one at
    # the same offsets: a plain pattern reads a text twice as fast
    if not all(p.isascii() for p in phrases):
        raise ValueError("topics.toml: a cue is ASCII words, to be read in the folded text")
    cues = [p.lower() for p in phrases]
    return _Cues(re.compile(rf"(?<![\w-])(?:{phrase_alternation(cues, ignore_case=False)})(?![\w-])"), max_words)


def find_topics(doc: Document) -> list[TopicPhrase]:
    cues = _cues()
    text = doc.text
    out: list[TopicPhrase] = []
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    for cue in cues.pattern.finditer(doc.folded):
        sentence = doc.sentence_of(cue.start())
        end = _CLAUSE_END.search(text, cue.end(), sentence.end)
        spans.append((cue.end(), end.start() if end else sentence.end))
    for verb in _PASSIVE.finditer(text) if any(w in doc.folded for w in _PASSIVE_VERBS) else ():
        sentence = doc.sentence_of(verb.start())
        clause = max(text.rfind(",", sentence.start, verb.start()) + 1, sentence.start)
        spans.append((clause, verb.start()))
    for start, stop in sorted(spans):
        pos = start
        for piece in _SPLIT.split(text[start:stop]) if start < stop else []:
            at = text.index(piece, pos) if piece else pos
            pos = at + len(piece)
            stripped = piece.lstrip()
            lead = _LEAD.match(stripped)
            begin = at + (len(piece) - len(stripped)) + (lead.end() if lead else 0)
            words = list(_NONSPACE.finditer(text[begin:pos]))[: cues.max_words]
            if not words:
                continue
            phrase = text[begin:begin + words[-1].end()].rstrip(" ,")
            key = phrase.lower()
            if not _THREE_LETTERS.search(phrase) or _EMPTY.match(phrase) or key in seen:
                continue
            seen.add(key)
            out.append(TopicPhrase(phrase, begin, begin + len(phrase)))
    return out
