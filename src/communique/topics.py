"""Stage 8, topics: what the report says was discussed, as short phrases.

A topic is the clause after a discussion cue ("focused on", "exchanged views
on", "touched upon"), split where it lists several things and cut to a few
words; the cues are in `data/topics.toml`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .gazetteer import load_toml
from .text import Document

_CLAUSE_END = re.compile(r"[.;:!?]|,\s+(?:which|who|while|where|based|and\s+(?:the|they|he|she|it)\s+(?:\w+ed|noted|stated|agreed|expressed))\b|\s+—\s+", re.I)
_SPLIT = re.compile(r",\s+as\s+well\s+as\s+|\s+as\s+well\s+as\s+|,\s+and\s+(?:the\s+)?(?=\w)|\s+and\s+the\s+|,\s+(?:on|in)\s+|;\s+", re.I)
_LEAD = re.compile(r"^(?:(?:the|a|an|on|of|to|upon|over|about|with|that|their|its|his|her|also|in|for|ways|issues?|state)\s+)+", re.I)


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
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))
    return _Cues(re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.I), max_words)


def find_topics(doc: Document) -> list[TopicPhrase]:
    cues = _cues()
    text = doc.text
    out: list[TopicPhrase] = []
    seen: set[str] = set()
    taken_until = -1
    for cue in cues.pattern.finditer(text):
        if cue.start() < taken_until:
            continue
        sentence = doc.sentence_of(cue.start())
        end = _CLAUSE_END.search(text, cue.end(), sentence.end)
        clause_end = end.start() if end else sentence.end
        taken_until = clause_end
        pos = cue.end()
        for piece in _SPLIT.split(text[pos:clause_end]) if pos < clause_end else []:
            at = text.index(piece, pos) if piece else pos
            pos = at + len(piece)
            lead = _LEAD.match(piece)
            start = at + (lead.end() if lead else 0)
            words = list(re.finditer(r"\S+", text[start:pos]))
            if len(words) < 1:
                continue
            words = words[: cues.max_words]
            stop = start + words[-1].end()
            phrase = text[start:stop].rstrip(" ,")
            key = phrase.lower()
            if len(re.findall(r"[A-Za-z]{3,}", phrase)) < 1 or key in seen:
                continue
            seen.add(key)
            out.append(TopicPhrase(phrase, start, start + len(phrase)))
    return out
