"""The report as the stages see it: its text with quotes and apostrophes made
plain, a lower-cased copy of the same length (so offsets agree), and its
sentences."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

# A sentence ends at . ! ? followed by space and a capital, quote or digit, but
# not after an initial ("S. Korea"), a title abbreviation or a middle initial.
_SENTENCE_END = re.compile(r"[.!?](?:[\"')]+)?\s+(?=[\"(]?[A-Z0-9])")
# Curly quotes, backticks and primes written for apostrophes and quotes: one
# character each for one, so every offset into the text stays valid.
_PLAIN_QUOTES = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'}
_QUOTE = re.compile("[" + "".join(_PLAIN_QUOTES) + "]")  # a few in a report: faster than str.translate
_BULLET = re.compile(r"^\s*(?:[•\-–—*·▪●◦]|\d{1,2}[.)])\s+")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Document:
    text: str
    lower: str = ""
    sentences: list[Span] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    furniture: list[Span] = field(default_factory=list)  # page furniture no meeting is read from (furniture.toml), in order
    _furniture_starts: list[int] = field(default_factory=list)
    _folded: str | None = None

    @classmethod
    def from_text(cls, text: str) -> "Document":
        text = plain_quotes(text)
        doc = cls(text=text, lower=lower_same_length(text))
        doc.sentences = split_sentences(text)
        doc._starts = [s.start for s in doc.sentences]
        return doc

    # (asked at every mention and meeting word: a bisection, no call of max)
    def sentence_index(self, offset: int) -> int:
        after = bisect_right(self._starts, offset)
        return after - 1 if after else 0

    def sentence_of(self, offset: int) -> Span:
        after = bisect_right(self._starts, offset)
        return self.sentences[after - 1 if after else 0]

    def set_furniture(self, spans: list[Span]) -> None:
        self.furniture = sorted(spans, key=lambda s: s.start)
        self._furniture_starts = [s.start for s in self.furniture]

    def in_furniture(self, start: int, end: int | None = None) -> bool:
        """Whether text[start:end] (or the character at `start`) lies within one
        furniture line: a headline, a time-stamp, a byline, a caption, a sign-off."""
        i = bisect_right(self._furniture_starts, start) - 1
        if i < 0:
            return False
        line = self.furniture[i]
        return start < line.end and (end if end is not None else start + 1) <= line.end

    @property
    def folded(self) -> str:
        """`lower` with the few characters a case-blind pattern matches to an ASCII
        letter, though they lower-case to none ("İ", "ı", "ſ"), made that letter:
        where a case-blind pattern of ASCII words matches, their words are in
        `folded` at the same offsets (a cheap test before a costly search)."""
        if self._folded is None:
            self._folded = self.lower.replace("\u0130", "i").replace("\u0131", "i").replace("\u017f", "s")
        return self._folded

    def line_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1


def plain_quotes(text: str) -> str:
    """The text with straight quotes and apostrophes only ("Dato’ Seri" is "Dato' Seri")."""
    return _QUOTE.sub(lambda m: _PLAIN_QUOTES[m.group()], text)


def lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters (e.g. "İ") grow when lower-cased; keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


WRAP_WIDTH = (45, 90)  # the lengths of a wire's fixed-width lines
_LAST_WORD = re.compile(r"([\w.]+)$")
_DOTTED = re.compile(r"(?:\w\.)+\w")  # "u.s.a"


def split_sentences(text: str) -> list[Span]:
    """Sentences as spans. A line ending in ':' or ',' and the bullet lines
    after it stay one sentence, so a list of attendees is read with its lead."""
    blocks: list[list[int]] = []  # [start, end] of each block of lines
    pos = 0
    blank = False  # a blank line since the last block
    hard_wrapped = _hard_wrapped(text)
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip())
        pos += len(line)
        content = line.strip()
        if not content:
            blank = True
            continue
        if blocks:
            prev = text[blocks[-1][0]:blocks[-1][1]]
            # "attributable to Spokesperson X:", a blank line, then a paragraph: no list follows
            paragraph = blank and not _BULLET.match(line) and content.endswith((".", "!", "?")) and content.count(" ") >= 8
            if (prev.endswith((":", ",", ";")) and not paragraph) or (not blank and _wrapped(prev, content, hard_wrapped)) or \
                    (_BULLET.match(line) and _BULLET.match(text[_block_last_line(text, blocks[-1])]) is not None):
                blocks[-1][1] = end
                blank = False
                continue
        blank = False
        blocks.append([start + (len(line) - len(line.lstrip())), end])
    spans: list[Span] = []
    for start, end in _bounded(blocks, text):
        cursor = start
        for m in _SENTENCE_END.finditer(text, start, end):
            # the word before the point: from a few characters back, not from the sentence start
            word = _LAST_WORD.search(text[max(cursor, m.start() - 40):m.start()])
            token = word.group(1).lower() if word else ""
            if token in _abbreviations() or (len(token) == 1 and token.isalpha()) or _DOTTED.fullmatch(token):
                continue
            spans.append(Span(cursor, m.start() + 1))
            cursor = m.end()
        if cursor < end:
            spans.append(Span(cursor, end))
    return spans or [Span(0, len(text))]


def _hard_wrapped(text: str) -> bool:
    """Whether the text was cut into lines of a fixed width (an agency's wire copy):
    most of its lines are long and many end without a sentence's end."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    long = [line for line in lines if WRAP_WIDTH[0] <= len(line) <= WRAP_WIDTH[1]]
    open_ended = [line for line in long if not line.endswith((".", "!", "?", '"', ")", ":"))]
    return len(lines) >= 6 and len(long) >= 0.6 * len(lines) and len(open_ended) >= 0.4 * len(lines)


def _wrapped(line: str, following: str, hard_wrapped: bool = False) -> bool:
    """A line cut in mid-sentence by a hard wrap: the next goes on in lower
    case, or the line ends on a word no sentence ends with ("Minister of" /
    "Romania"), or the whole text is wrapped at a fixed width."""
    if line.endswith((".", "!", "?", '"', ")")) or _BULLET.match(following):
        return False
    if following[0].islower():
        return True
    if hard_wrapped and len(line[line.rfind("\n") + 1:].strip()) >= WRAP_WIDTH[0]:
        return True
    last = line[line.rfind(" ") + 1:]
    return last in _continuing_words()


@cache
def _continuing_words() -> frozenset[str]:
    from .gazetteer import load_toml  # here, not above: the gazetteer itself uses this module
    return frozenset(w for data in load_toml("names.toml") for w in data.get("line_continues_after", []))


@cache
def _abbreviations() -> frozenset[str]:
    """Words whose point is not a sentence's end: the abbreviations in
    `names.toml` and every honorific or rank written with a point ("H.E.",
    "Brig.", "Amb."), lower-cased and without their last point."""
    from .gazetteer import load_toml  # here, not above: the gazetteer itself uses this module
    out: set[str] = set()
    for data in load_toml("names.toml"):
        out.update(a.lower().rstrip(".") for a in data.get("abbreviations", []))
    for data in load_toml("titles.toml"):
        for phrase in data.get("honorifics", []) + data.get("ranks", []):
            out.update(w.lower().rstrip(".") for w in phrase.split() if w.endswith("."))
    return frozenset(out)


MAX_SENTENCE = 1500  # characters; a news sentence is far shorter, and every stage's work per sentence stays bounded


def _bounded(blocks: list[list[int]], text: str):
    """Blocks cut to at most MAX_SENTENCE characters, at a comma or space where possible."""
    for start, end in blocks:
        while end - start > MAX_SENTENCE:
            cut = max(text.rfind(", ", start, start + MAX_SENTENCE), text.rfind(" ", start, start + MAX_SENTENCE))
            cut = cut + 1 if cut > start else start + MAX_SENTENCE
            yield start, cut
            start = cut
            while start < end and text[start].isspace():
                start += 1
        yield start, end


def _block_last_line(text: str, block: list[int]) -> int:
    return text.rfind("\n", block[0], block[1]) + 1 if "\n" in text[block[0]:block[1]] else block[0]


def phrase_alternation(phrases, ignore_case: bool = True, spaces: bool = True) -> str:
    r"""The regular expression of a list of phrases, a space in one standing for
    any run of white space (`\s+`): what `"|".join` of the phrases, escaped and
    longest first, matches, in the same order of preference, but written as a
    tree of their shared beginnings ("exchanged views on|exchanged opinions on"
    is "exchanged\s+(?:opinions|views)\s+on"), so that at each position of a
    text the engine reads a character once instead of trying every phrase.

    The two agree: the phrases that fit at one position are each the beginning
    of the next longer one, and the tree tries the longer before the shorter,
    as the list sorted longest first does. Where that argument needs care (two
    branches a case-blind pattern would both take, "Summit" and "summit",
    unless `ignore_case` is False), the plain alternation is returned.
    `spaces=False`: a space stands for itself, as `re.escape` writes it."""
    phrases = sorted(set(phrases), key=len, reverse=True)
    plain = "|".join(re.escape(p).replace(r"\ ", r"\s+") if spaces else re.escape(p) for p in phrases)
    root: dict = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _tree_pattern(root, spaces) if _tree_is_plain(root, ignore_case) else plain


def _tree_is_plain(node: dict, ignore_case: bool) -> bool:
    keys = [k for k in node if k]
    if (ignore_case and any(re.fullmatch(re.escape(a), b, re.I) for i, a in enumerate(keys) for b in keys[i + 1:])) or \
            (" " in keys and any(k.isspace() for k in keys if k != " ")):
        return False  # "Summit" and "summit": a case-blind pattern fits both branches; so do \s+ and a tab
    return all(_tree_is_plain(child, ignore_case) for key, child in node.items() if key)


# The characters beyond ASCII that a case-blind pattern matches to an ASCII letter
# (tests/test_equivalent_patterns.py checks the list against every character).
CASE_BLIND_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_FEW_FIRSTS = 8  # beyond so many first letters, skipping ahead to them saves nothing


def word_pattern(phrases, ignore_case: bool = True, after: str = r"(?![\w-])", before: str = r"(?<![\w-])",
                 group: bool = False, spaces: bool = True) -> re.Pattern:
    r"""`re.compile(rf"(?<![\w-])(?:{phrase_alternation(phrases)}){after}", re.I if
    ignore_case else 0)`: a listed phrase starting a word, then `after`, the same
    matches, written so that the engine skips ahead to the characters a phrase
    can start with: the first character is read by a class of them (the
    engine's fast scan), the word's start checked behind it, and the rest of
    the phrase told by that character (`(?<=c)`). With many first letters the
    plain form is as fast, and is returned. `before` is what must not stand
    before the phrase: `(?<![\w-])` or `\b` (a word's start, for phrases
    that start with a letter or digit); `group`: the phrase is group 1."""
    phrases = sorted(set(phrases))
    flags = re.I if ignore_case else 0
    alternation = phrase_alternation(phrases, ignore_case, spaces)
    plain = re.compile(before + (f"({alternation})" if group else f"(?:{alternation})") + after, flags)
    behind = {r"(?<![\w-])": r"(?<![\w-][\s\S])", r"(?<![\w'-])": r"(?<![\w'-][\s\S])",
              r"\b": r"(?<!\w[\s\S])"}.get(before)
    if behind is None or not phrases or not all(p and p[0].isascii() and not p[0].isspace() for p in phrases) or \
            (before == r"\b" and not all(re.match(r"\w", p) for p in phrases)):
        return plain  # (before a letter or digit, \b is a word's start: no word character behind it)
    groups: dict[str, list[str]] = {}
    for p in phrases:
        groups.setdefault(p[0].lower() if ignore_case else p[0], []).append(p[1:])
    if len(groups) > _FEW_FIRSTS:
        return plain
    firsts: set[str] = set()
    for key in groups:
        firsts.add(key)
        if ignore_case and key.isalpha():
            firsts |= {key.upper(), *CASE_BLIND_EXTRAS.get(key, "")}
    told = "|".join(rf"(?<={re.escape(key)})(?:{phrase_alternation(rests, ignore_case, spaces)})"
                    for key, rests in sorted(groups.items()))
    told = f"(?i:(?:{told}))" if ignore_case else f"(?:{told})"
    phrase = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]" + behind + told
    return re.compile((f"({phrase})" if group else phrase) + (f"(?i:{after})" if ignore_case and after else after))


def _tree_pattern(node: dict, spaces: bool = True) -> str:
    branches = [(r"\s+" if key == " " and spaces else re.escape(key)) + _tree_pattern(node[key], spaces)
                for key in sorted(k for k in node if k)]
    if "" in node:
        branches.append("")  # the phrase that ends here: after every longer one
    if len(branches) <= 1:
        return branches[0] if branches else ""
    return "(?:" + "|".join(branches) + ")"
