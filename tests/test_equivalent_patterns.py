"""Patterns written for speed find what the plainer ones they replace find."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.text import phrase_alternation

WORDS = st.sampled_from(["a", "an", "the", "meet", "meeting", "meetings", "met", "on", "of", "talks", "Talk",
                         "summit", "Summit", "call", "called", "courtesy", "co-chair", "co", "it's", "x.y",
                         "communiqué", "communique", "COMMUNIQUÉ", "\u017fum", "sum", "\u212aey", "key"])
PHRASES = st.lists(st.lists(WORDS, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=12)
TEXT = st.lists(st.one_of(WORDS, st.sampled_from([" ", "  ", "\n", "-", ".", ", ", "\t", "K", "\u212a"])),
                max_size=30).map("".join)


def plain_alternation(phrases) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))


SHAPES = [r"(?<![\w-])(?:{})(?![\w-])", r"\b(?:{})\b", r"(?:{})", r"(?:{})\s+\w", r"\b(?:{})\s*(?:on|of)?\b",
          r"(?P<x>{})(?P<y>\s+\w+)?$"]


@settings(max_examples=400, deadline=None)
@given(PHRASES, TEXT, st.sampled_from(SHAPES), st.booleans())
def test_the_tree_finds_what_the_alternation_finds(phrases, text, shape, blind):
    flags = re.I if blind else 0
    ours = re.compile(shape.format(phrase_alternation(phrases)), flags)
    theirs = re.compile(shape.format(plain_alternation(phrases)), flags)
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


def test_the_characters_a_case_blind_pattern_matches_to_ascii_letters_are_listed():
    """text.CASE_BLIND_EXTRAS: every character beyond ASCII that re.I matches to an ASCII letter."""
    import sys

    from communique.text import CASE_BLIND_EXTRAS

    letter = re.compile("[a-z]", re.I)
    found: dict[str, str] = {}
    for code in range(128, sys.maxunicode + 1):
        char = chr(code)
        if letter.fullmatch(char):
            (key,) = [c for c in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(c, char, re.I)]
            found[key] = found.get(key, "") + char
    assert found == CASE_BLIND_EXTRAS


WORD_TEXT = st.lists(st.sampled_from(["meet", "Meet", "MET", "on", "behalf", "of", "the", "sides", "he", "He", "her",
                                      "Hers", " ", "  ", "\n", "-", "_", ".", "'", "\u0130", "\u0131", "\u017f",
                                      "\u212a", "kick", "is", "I", "s", "tête", "TÊTE", "été"]), max_size=30).map("".join)
WORD_PHRASES = st.lists(st.lists(st.sampled_from(["meet", "met", "meeting", "on", "behalf", "of", "the", "sides", "he",
                                                  "He", "her", "his", "is", "kick", "s", "i", "k", "x-y", "o'k", "tête", "Été", "mEet"]),
                                 min_size=1, max_size=3).map(" ".join), min_size=1, max_size=10)


@settings(max_examples=500, deadline=None)
@given(WORD_PHRASES, WORD_TEXT, st.booleans(), st.sampled_from([r"(?![\w-])", r"\s+(?:the\s+)?", r"(?:\s+(\w+))?", "", r"\b"]),
       st.sampled_from([r"(?<![\w-])", r"\b", r"(?<![\w'-])"]), st.booleans(), st.booleans())
def test_a_word_pattern_finds_what_the_plain_one_finds(phrases, text, blind, after, before, group, spaces):
    from communique.text import word_pattern

    flags = re.I if blind else 0
    alternation = plain_alternation(phrases) if spaces else \
        "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    plain = re.compile(before + (f"({alternation})" if group else f"(?:{alternation})") + after, flags)
    ours = word_pattern(phrases, ignore_case=blind, after=after, before=before, group=group, spaces=spaces)
    for pos in range(len(text) + 1):
        for end in (len(text), max(pos, len(text) - 3)):
            a, b = ours.search(text, pos, end), plain.search(text, pos, end)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
    assert [(m.span(), m.groups()) for m in ours.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]


def test_a_few_first_letters_make_a_pattern_that_skips_ahead():
    from communique.text import word_pattern

    assert word_pattern(["he", "she"]).pattern.startswith("[HShs\u017f]")


CLAUSE_TEXT = st.lists(st.sampled_from(["talks", " ", "  ", "\n", ",", ", ", ".", ";", "!", "and", "AND", "also",
                                        "adopted", "Signed", "which", "who", "—", " — ", "based", "\u017f", "x"]),
                       max_size=25).map("".join)


@settings(max_examples=500, deadline=None)
@given(CLAUSE_TEXT)
def test_the_end_of_a_topic_clause_is_found_as_before(text):
    from communique.topics import _CLAUSE_END

    before = re.compile(r"[.;:!?]|,\s+(?:which|who|while|where|based)\b|,?\s+and\s+(?:also\s+)?(?:adopted|approved|signed|"
                        r"agreed|exchanged|expressed|noted|stated|discussed)\b|\s+—\s+", re.I)
    for pos in range(len(text) + 1):
        a, b = _CLAUSE_END.search(text, pos), before.search(text, pos)
        assert (a and a.span()) == (b and b.span())


ANCHOR_TEXT = st.lists(st.sampled_from(["on", "the", "20th", "May", "may", "MAYOR", "Sept.", "last", "Thursday", "today",
                                        " ", "-", "_", "\u0663", "\u017fat", "\u0130", "x2", "that", "first", "2024"]),
                       max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(ANCHOR_TEXT)
def test_the_anchors_of_dates_are_where_they_were(text):
    from communique.dates import _ANCHOR

    before = re.compile(r"(?<!\w)(?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|"
                        r"sat|sun|yesterday|today|tomorrow|tonight|earlier|this|last|first|second|same|that))")
    assert [m.start() for m in _ANCHOR.finditer(text)] == [m.start() for m in before.finditer(text)]


NAME_TEXT = st.lists(st.sampled_from(["Ali", "al-Sisi", "ash-Sharif", "ul-Haq", "bin", "bin-Zayed", "el-", "A.", "B.", "S.Jaishankar",
                                      "Ā", "Élodie", "Жанна", "\u017f", "ab-C", "x", "'", "’", "\"", "‘", "-", " ", "\u00a0",
                                      "\n", ".", "KAMIKAWA", "de", "van", "U.S.A."]), max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(NAME_TEXT)
def test_a_name_run_starts_where_it_did(text):
    """mentions: a run's first word told by its first character finds the runs that
    `(?<![\\w’'\\-]){cap}` (the word after no word character) finds."""
    from communique.mentions import _run_pattern

    ours = _run_pattern(("bin", "de", "van"))
    cap = r"(?:(?:al|el|ad|ash|as|at|az|an|ar|ul|bin)-[A-Z]\w*|[A-Z]\.[A-Z][a-z][\w'\-]*|(?:[A-Z]\.){1,4}(?=[ \u00a0][A-Z])|" \
          r"[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F\u0400-\u042F](?:[\w’'\-]*\w)?)"
    first_end = ours.pattern.index("(?:(?:[ \\u00a0]")  # the rest, after the first word, is as it was
    before = re.compile(r"(?<![\w’'\-])" + cap + ours.pattern[first_end:])
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in before.finditer(text)]


CUE_TEXT = st.lists(st.sampled_from(["discussed", "DISCUSSED", "focused on", "Focused  On", "exchanged views on",
                                     "touched upon", "\u0130", "\u0131", "\u017f", "\u212a", "-", "_", " ", "\n", "x",
                                     "é", "ÉTÉ", "on"]), max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(CUE_TEXT)
def test_the_cues_of_topics_are_read_in_the_folded_text_as_before(text):
    from communique.gazetteer import load_toml
    from communique.text import Document, lower_same_length
    from communique.topics import _cues

    cues = [p for data in load_toml("topics.toml") for p in data.get("cues", [])]
    before = re.compile(rf"(?<![\w-])(?:{phrase_alternation(cues)})(?![\w-])", re.I)
    doc = Document(text=text, lower=lower_same_length(text))
    assert [m.span() for m in _cues().pattern.finditer(doc.folded)] == [m.span() for m in before.finditer(text)]


CAPTION_TEXT = st.lists(st.sampled_from(["Photo", "photos", "PHOTOGRAPH", "by", "credit", ":", "/", " ", "Image", "\u0130mage",
                                         "\u0131MAGES", "file", "File photo", "AFP", "(L)", "(left)", "©", ", left, ",
                                         "x", "_"]), max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(CAPTION_TEXT)
def test_a_caption_is_found_as_before(text):
    """furniture: the caption markers behind the lookahead of their first characters."""
    from communique.furniture import shapes

    ours = shapes().caption
    lookahead = r"(?=[pPiIfF\u0130\u0131/])"
    assert ours.pattern.startswith(lookahead)
    before = re.compile(ours.pattern[len(lookahead):])
    assert bool(ours.search(text)) == bool(before.search(text))


SIDELINES_TEXT = st.lists(st.sampled_from(["on", "the", "sidelines", "Sidelines", "side-lines", "margins", "and", "of", "fringes",
                                           "xsidelines", "_margins", "21st", "Antalya", "Diplomacy", "Forum", "Summit", "G20",
                                           "\u017fidelines", " ", "  ", "\n", "-", ".", ","]), max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(SIDELINES_TEXT)
def test_a_gathering_on_whose_sidelines_people_met_is_found_as_before(text):
    """meetings: the words of sidelines read behind a class of their first letters."""
    from communique.meetings.lexicon import SIDELINES_OF_NAMED, WORDS

    before = re.compile(rf"\b(?:{phrase_alternation(WORDS['sidelines'])})\s+of\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?"
                        rf"((?:[A-Z][\w'’-]*\s+){{1,6}}(?:{phrase_alternation(WORDS['gathering_nouns'])}))\b")
    for pos in range(len(text) + 1):
        a, b = SIDELINES_OF_NAMED.search(text, pos), before.search(text, pos)
        assert (a and (a.span(), a.span(1))) == (b and (b.span(), b.span(1)))


MEETING_CLAUSE_TEXT = st.lists(st.sampled_from(["talks", " ", "  ", "\n", "\t", ",", ", ", ".", ";", "and", "AND", "which",
                                                "who", "the", "he", "said", "noted", "saidx", "\u017f", "x"]),
                               max_size=25).map("".join)


@settings(max_examples=500, deadline=None)
@given(MEETING_CLAUSE_TEXT)
def test_the_end_of_a_meeting_clause_is_found_as_before(text):
    """meetings: a clause's end behind a class of its first characters."""
    from communique.meetings.lexicon import CLAUSE_END, WORDS

    before = re.compile(rf"[;.]|,\s+(?:{phrase_alternation(WORDS['clause_openers'])})\b|"
                        rf"\s+and\s+(?:{phrase_alternation(WORDS['speech_verbs'])})\b")
    for pos in range(len(text) + 1):
        for end in (len(text), max(pos, len(text) - 4)):
            assert [m.span() for m in CLAUSE_END.finditer(text, pos, end)] == \
                [m.span() for m in before.finditer(text, pos, end)]


ATTENDANCE_TEXT = st.lists(st.sampled_from(["attended", "ATTENDED", "attendance", "also present", "Also  Present",
                                            "briefed the Council", "BRIEFED THE council", "gathered", "\u0130", "\u0131",
                                            "\u017f", "\u212a", "-", "_", " ", "\n", "x", "é", "ÉTÉ"]), max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(ATTENDANCE_TEXT)
def test_the_cues_of_attendance_are_read_in_the_folded_text_as_before(text):
    """meetings: the attendance cues, lower-cased, in the folded text, where the case-blind ones matched."""
    from communique import gazetteer
    from communique.meetings.lexicon import lexicon
    from communique.text import Document, lower_same_length, word_pattern

    gz = gazetteer.load()
    before = word_pattern(gz.meetings["cues"]["attendance"])
    doc = Document(text=text, lower=lower_same_length(text))
    assert [m.span() for m in lexicon(gz).attendance.finditer(doc.folded)] == [m.span() for m in before.finditer(text)]


BEFORE_MEETING_TEXT = st.lists(st.sampled_from(["agenda", "of", "the", "its", "a", "37th", "Ordinary", "closed", "attendance",
                                                "x_y", "é", "-", "'", "’", " ", "  ", "\n", ",", ".", ")", "in", "at", "to"]),
                               max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(BEFORE_MEETING_TEXT)
def test_the_words_before_a_meeting_word_are_read_from_a_words_start_as_before(text):
    """meetings: `\\b(\\w+)...$` finds the match `(\\w+)...$` finds (its leftmost start is a word's)."""
    from communique.meetings.facts import _PREPOSITION_BEFORE
    from communique.meetings.status import _OF_BEFORE, _WORD_BEFORE
    from communique.meetings.triggers import _WORD_BEFORE as _NAME_WORD_BEFORE

    for ours, start in ((_OF_BEFORE, r"\b"), (_WORD_BEFORE, r"\b"), (_PREPOSITION_BEFORE, r"\b"),
                        (_NAME_WORD_BEFORE, r"(?<![\w'’-])")):
        assert ours.pattern.startswith(start)
        before = re.compile(ours.pattern.removeprefix(start))
        for pos in range(len(text) + 1):
            a, b = ours.search(text[pos:]), before.search(text[pos:])
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_a_phrase_read_in_the_folded_text_matches_what_a_case_blind_one_matched():
    """meetings.lexicon.FOLDED_SAFE: each character it allows is matched, in the folded text, by the
    characters a case-blind pattern matches to it in the text; and folding keeps what the patterns
    around the phrases read (word characters, spaces, the stops)."""
    import sys

    from communique.meetings.lexicon import FOLDED_SAFE
    from communique.text import Document, lower_same_length

    allowed = [chr(c) for c in range(sys.maxunicode + 1) if FOLDED_SAFE.fullmatch(chr(c)) and not chr(c).isupper()]
    blind = re.compile("[" + "".join(re.escape(c) for c in allowed) + "]", re.I)
    kinds = re.compile(r"([\w-])|(\s)|([.;,])")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        folded = Document(text=char, lower=lower_same_length(char)).folded
        if blind.fullmatch(char):
            assert re.fullmatch(re.escape(folded), char, re.I) and FOLDED_SAFE.fullmatch(folded), char
        else:
            assert folded not in allowed, char
        a, b = kinds.fullmatch(char), kinds.fullmatch(folded)
        assert (a and a.lastindex) == (b and b.lastindex), char


FORMAT_TEXT = st.lists(st.sampled_from(["closed", "CLOSED", "restricted", "tête-à-tête", "TÊTE-À-TÊTE", "one-on-one",
                                        "and", "or", "format", "meeting", "Session", "talks", "\u0130", "\u017f", "-", "_",
                                        " ", "\n", "x", ".", ";"]), max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(FORMAT_TEXT)
def test_the_formats_are_read_in_the_folded_text_as_before(text):
    """meetings: the format words, lower-cased, in the folded text, where the case-blind ones matched."""
    from communique import gazetteer
    from communique.meetings.lexicon import lexicon
    from communique.text import Document, lower_same_length, word_pattern

    gz = gazetteer.load()
    fmt = {p.lower() for phrases in gz.meetings["formats"].values() for p in phrases}
    before = word_pattern(fmt, group=True, after=rf"(?![\w-])(?:\s+(?:and|or)\s+(?:{phrase_alternation(fmt)}))?"
                                                rf"(?=[^.;]{{0,25}}?\b(?:formats?|composition|attendance|meeting|session|talks|sitting)\b)")
    doc = Document(text=text, lower=lower_same_length(text))
    for pos in range(len(text) + 1):
        assert [m.span() for m in lexicon(gz).formats.finditer(doc.folded, pos)] == \
            [m.span() for m in before.finditer(text, pos)]


def _cue_phrases():
    from communique import gazetteer

    meetings = gazetteer.load().meetings
    cues = {name: meetings["cues"][name] for name in ("absence", "messages", "chair", "host")}
    return cues | {"formats": [p for phrases in meetings["formats"].values() for p in phrases]}


CUE_PIECES = st.sampled_from([w for phrases in _cue_phrases().values() for p in phrases for w in p.split()] +
                             [" ", "  ", "\n", "-", "meeting", "format", "the", "\u0130", "\u0131", "\u017f", "\u212a"])
CUE_REPORT = st.lists(st.tuples(CUE_PIECES, st.sampled_from([str.lower, str.upper, str.title])).map(lambda x: x[1](x[0])),
                      max_size=14).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(CUE_REPORT)
def test_a_report_whose_cues_are_not_searched_holds_none(text):
    """meetings: a cue the report's words rule out (`Lexicon.cues_in`) is found in none of its sentences."""
    from communique import gazetteer
    from communique.meetings.lexicon import lexicon
    from communique.text import Document, lower_same_length

    lex = lexicon(gazetteer.load())
    doc = Document(text=text, lower=lower_same_length(text))
    told = lex.cues_in(doc.folded)
    for name in _cue_phrases():
        pattern, read = getattr(lex, name), (doc.folded if name == "formats" else text)
        if name not in told:
            assert pattern.search(read) is None


def test_the_cues_of_a_report_are_told_by_their_words():
    from communique import gazetteer
    from communique.meetings.lexicon import lexicon
    from communique.text import Document, lower_same_length

    lex = lexicon(gazetteer.load())
    for name, phrases in _cue_phrases().items():
        for phrase in phrases:
            text = f"They {phrase.upper()} the meeting format."
            assert name in lex.cues_in(Document(text=text, lower=lower_same_length(text)).folded)
