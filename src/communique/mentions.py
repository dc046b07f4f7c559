"""Stage 3, mentions: every state, demonym, organisation, body, title,
honorific, agency and place the gazetteer knows, in one automaton pass, and
the runs of capitalised words that may be person names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .gazetteer import BodyInfo, Entry, Gazetteer
from .text import Document, word_pattern

PROPER_KINDS = {"state", "demonym", "org", "agency", "place", "honorific", "name"}
# A word, or an initial with its point ("S. Jaishankar").
_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}")
_DIGIT = re.compile(r"\d")
_GIVEN_AFTER = re.compile(r" [A-Z][a-z]+\b")
_PATRONYMIC = re.compile(r" (?:bin|bint|ibn|ben|binti) [A-Z]")
_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ash|as|at|az|an|ar|ul|bin)-[A-Z]")  # "al-Maliki", "el-Sisi"
# a capitalised word right before a position
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'-])([A-Z][\w'-]*)[ \u00a0]$")
# the word right before a title, joined to it by a space or hyphen ("Vice-", "ex-")
_WORD_BEFORE = re.compile(r"(?<![\w'-])([A-Za-z]+-?)(?:[ \u00a0]|(?<=-))$")
# "N.Enkhtaivan": an initial glued to the family name is one word
_WORD = re.compile(r"[A-Z]\.[A-Z][a-z][\w'\-]*|(?:[A-Z]\.){1,4}(?=[ \u00a0][A-Z])|[^\W_](?:[\w’'\-]*[^\W_])?")
# "(EAS) ": an acronym in brackets, with the space after it
_BRACKETED_ACRONYM = re.compile(r"\([A-Z][A-Z0-9+&-]{1,9}\) ")
_OF_THE = re.compile(r"[ \u00a0]+of[ \u00a0]+the[ \u00a0]+")
_INSTITUTION_WORDS = re.compile(r"[A-Z][\w'-]*(?:[ \u00a0]+[A-Z][\w'-]*){0,5}")
_BODY_REACH = 80  # characters on each side of an insertion that a body's name may span
# a patronymic particle, then up to six capitalised words of the father's name and titles:
# "bin Haji Hasan", "bin Pehin Datu Pekerma Jaya Haji Mohd Yusof"
_PATRONYMICS = frozenset({"bin", "bint", "ibn", "binti", "Bin", "Binti"})
_PATRONYMIC_BEFORE = re.compile(r"(?:^|[ \u00a0])(?:bin|bint|ibn|binti|Bin|Binti)[ \u00a0](?:[A-Z][\w'’-]*[ \u00a0]){0,6}$")


@dataclass(slots=True)
class Mention:
    kind: str  # state | demonym | org | body | title | honorific | agency | place | name
    start: int
    end: int
    text: str
    key: str = ""  # ISO3 code, organisation key, role, agency or, for names, ""
    bodies: tuple[BodyInfo, ...] = ()
    plural: bool = False
    # "Council of the CIS Heads of Government": the organisation named inside a body's name
    inner_org: str = ""
    inner_org_span: tuple[int, int] | None = None


def find_mentions(doc: Document, gz: Gazetteer) -> list[Mention]:
    found = _gazetteer_mentions(doc, gz)
    found += _unlisted_titles(doc, found, gz)
    _modified_titles(doc, found, gz)
    _slashed_titles(doc, found, gz)
    names = _name_runs(doc, gz, [m for m in found if m.kind != "place"])
    _place_before_name(doc, found, names, gz)
    # A place inside a run of name words is part of a name ("Vladimir Makei"); a run that is
    # the place and nothing more is the place ("Buenos Aires, Argentina").
    in_name = bytearray(len(doc.text) + 1)
    places = {(m.start, m.end) for m in found if m.kind == "place"}
    names = [n for n in names if (n.start, n.end) not in places]
    for n in names:
        if " " in n.text:
            in_name[n.start:n.end] = b"\x01" * (n.end - n.start)
    found = [m for m in found if m.kind != "place" or not in_name[m.start]]
    covered = bytearray(len(doc.text) + 1)
    for m in found:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    found += [n for n in names if 1 not in covered[n.start:n.end]]
    found.sort(key=lambda m: m.start)
    return found


def _gazetteer_mentions(doc: Document, gz: Gazetteer) -> list[Mention]:
    text, lower = doc.text, doc.lower
    candidates: list[tuple[int, int, tuple, bool, tuple[str, int, int] | None]] = []
    for end_index, (length, entries, acronym) in gz.automaton.iter(lower):
        start, end = end_index - length + 1, end_index + 1
        if (start > 0 and lower[start - 1].isalnum()) or (end < len(lower) and lower[end].isalnum()):
            continue
        suffix = _title_suffix(gz).match(lower, end) if lower.startswith("-", end) else None
        if suffix is not None and any(e.kind == "title" for e in entries):
            # "Ambassador-designate": the title still; "President-elect": of no office yet
            role = gz.title_suffixes[suffix.group(1)]
            end = suffix.end()
            entries = tuple(e if role == "*" else Entry(e.kind, role, e.extra) for e in entries if e.kind == "title")
        hyphenated = (start > 0 and lower[start - 1] == "-") or (suffix is None and end < len(lower) and lower[end] == "-")
        if hyphenated:
            # "Armenian-Azerbaijani" holds two states; "Amir-Abdollahian" holds no title; "Al-Yemeni" is a family name
            article = _ARTICLE_BEFORE.search(lower, max(0, start - 4), start)
            entries = tuple(e for e in entries if e.kind not in ("title", "honorific") and
                            not (article and e.kind in ("state", "demonym")))
            if not entries:
                continue
        candidates.append((start, end, entries, acronym, None))
    candidates += _bodies_around_insertions(text, candidates, gz)
    # Longest first, so "Council of Foreign Ministers" beats "Foreign Ministers".
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = bytearray(len(text) + 1)
    out: list[Mention] = []
    for start, end, entries, acronym, inner in candidates:
        if any(taken[start:end]):
            continue
        span = text[start:end]
        if acronym and span.replace(".", "") != span.replace(".", "").upper():
            continue
        entries = [e for e in entries if _case_fits(e.kind, span)]
        if not entries:
            continue
        first = entries[0]
        if first.kind in ("title", "honorific") and " " not in span and _PATRONYMIC.match(text, end):
            continue  # "Sultan bin Saad", "Emir bin ...": a given name before a patronymic
        if first.kind == "honorific" and _PATRONYMIC_BEFORE.search(text, max(0, start - 80), start):
            continue  # "Mohamad bin Haji Hasan": the father's honorific is part of the name
        if first.kind == "body":
            bodies = tuple(e.extra for e in entries if e.kind == "body")
            out.append(Mention("body", start, end, span, first.key, bodies=bodies, inner_org=inner[0] if inner else "",
                               inner_org_span=inner[1:] if inner else None))
        elif first.kind == "title":
            out.append(Mention("title", start, end, span, first.key, plural=bool(first.extra)))
        else:
            out.append(Mention(first.kind, start, end, span, first.key))
        taken[start:end] = b"\x01" * (end - start)
    return out


_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:al|el|ad|as|ash|at|az|an|ar)-$")  # "Al-Yemeni", "el-Masri": a family name


@cache
def _title_suffix(gz: Gazetteer) -> re.Pattern:
    return re.compile(rf"-({'|'.join(re.escape(w.lower()) for w in gz.title_suffixes) or '(?!)'})\b")


def _bodies_around_insertions(text: str, candidates: list[tuple], gz: Gazetteer) -> list[tuple]:
    """Bodies whose listed name a report splits with an organisation's name or
    a bracketed acronym: "Council of the CIS Heads of Government", "East Asia
    Summit (EAS) Foreign Ministers' Meeting". The words on both sides of each
    insertion are read once more without it; a body's name found across the gap
    spans the original text and keeps the organisation it held."""
    lower = text.lower()
    cuts: list[tuple[int, int, tuple[str, int, int] | None]] = []
    for start, end, entries, _, _ in candidates:
        if entries[0].kind == "org" and end < len(lower) and lower[end] == " ":
            cuts.append((start, end + 1, (entries[0].key, start, end)))
    cuts += [(m.start(), m.end(), None) for m in _BRACKETED_ACRONYM.finditer(text)]
    cuts.sort()
    found: list[tuple] = []
    i = 0
    while i < len(cuts):
        start, end, org = cuts[i]
        # "the East African Community (EAC) Heads": the name and its acronym are one insertion
        while i + 1 < len(cuts) and cuts[i + 1][0] == end:
            end, org = cuts[i + 1][1], org or cuts[i + 1][2]
            i += 1
        i += 1
        left = lower[max(0, start - _BODY_REACH):start]
        window = left + lower[end:end + _BODY_REACH]
        for window_end, (length, entries, acronym) in gz.automaton.iter(window):
            w_start, w_end = window_end - length + 1, window_end + 1
            if entries[0].kind != "body" or acronym or not (w_start < len(left) < w_end):
                continue
            first, last = start - len(left) + w_start, end + w_end - len(left)
            if (first > 0 and lower[first - 1].isalnum()) or (last < len(lower) and lower[last].isalnum()):
                continue
            if not text[first].isupper():
                continue  # "a meeting of the GCC foreign ministers" is a group's meeting, bound as such
            found.append((first, last, entries, acronym, org))
    return found


def _unlisted_titles(doc: Document, found: list[Mention], gz: Gazetteer) -> list[Mention]:
    """Titles no list holds, by their shape: words that are never a name, or a
    body or organisation, before a head word of titles.toml's `title_heads`
    ("National Security Council Secretary", "Royal Protocol Chief", "Security
    Council Secretary"). Their holders have the role "other"."""
    heads, stop, function_words = _title_shapes(gz)
    institution_heads = frozenset(gz.names.get("institution_heads", ()))
    text = doc.text
    matches = list(heads.finditer(text))
    if not matches:
        return []
    ends = {m.end: m for m in found}
    starts = {m.start: m for m in found}
    absorbed: list[Mention] = []
    covered = bytearray(len(text) + 1)
    for m in found:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    out: list[Mention] = []
    for head in matches:
        if covered[head.start()] or covered[head.end() - 1]:
            continue
        start = head.start()
        while True:
            word = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
            if word is None or word.group(1) not in stop or word.group(1).lower() in function_words or \
                    covered[word.start(1)]:
                break  # "The Secretary" is no title of its own
            start = word.start(1)
        prefix = ends.get(head.start() - 1)
        end = head.end()
        of = _OF_THE.match(text, end)
        institution = None
        if of is not None:
            # "Secretary of the Supreme National Security Council": capitalised words that are never a
            # name, the last an institution's; or a state, organisation or body named there
            words = _INSTITUTION_WORDS.match(text, of.end())
            if words is not None and not any(covered[words.start():words.end()]):
                ws = words.group().split()
                if all(w in stop for w in ws) and ws[-1] in institution_heads:
                    institution = words.end()
            elif words is not None and not covered[of.end()]:
                # "of the Supreme National Security Council": never-name words, then a body's listed name
                inner = starts.get(next(i for i in range(words.start(), words.end()) if covered[i]))
                ws = text[of.end():inner.start].split() if inner else []
                if inner is not None and inner.kind in ("body", "org") and ws and all(w in stop for w in ws):
                    institution = inner.end
                    absorbed.append(inner)
            elif covered[of.end()]:
                institution = end  # "Secretary of the Russian Security Council": the title phrase reads on
        if institution is not None and institution > end:
            end = institution
        elif start == head.start() and institution is None and \
                not (prefix and prefix.kind in ("body", "org") and text[prefix.end] == " "):
            continue  # a bare "Secretary" is no title
        out.append(Mention("title", start, end, text[start:end], "other"))
    for m in absorbed:
        found.remove(m)
    return out


@cache
def _title_shapes(gz: Gazetteer) -> tuple[re.Pattern, frozenset[str], frozenset[str]]:
    # (?<![\w'-])(?:heads, longest first)(?![\w'-]), read fast: the whole text is searched for them
    heads = word_pattern(gz.title_heads, ignore_case=False, before=r"(?<![\w'-])", after=r"(?![\w'-])", spaces=False) \
        if gz.title_heads else re.compile(r"(?<![\w'-])(?:(?!))(?![\w'-])")
    return (heads, frozenset(gz.names.get("not_name_words", ())),
            frozenset(gz.names.get("line_continues_after", ())))


def _place_before_name(doc: Document, found: list[Mention], names: list[Mention], gz: Gazetteer) -> None:
    """"the Ambassador in Moscow Ravi Kumar": a place after a preposition
    that starts a run of name words is a place, and the name starts after it."""
    places = {m.start: m for m in found if m.kind == "place"}
    prepositions = _place_prepositions(gz)
    text = doc.text
    for n in names:
        place = places.get(n.start)
        if place is None or place.end >= n.end or text[place.end] != " ":
            continue
        before = _WORD_BEFORE.search(text, max(0, n.start - 8), n.start)
        if before is not None and before.group(1) in prepositions:
            n.start = place.end + 1
            n.text = text[n.start:n.end]


@cache
def _place_prepositions(gz: Gazetteer) -> frozenset[str]:
    return frozenset(gz.names.get("place_prepositions", ()))


def _modified_titles(doc: Document, found: list[Mention], gz: Gazetteer) -> None:
    """"Deputy President", "former Prime Minister": a title with a word before
    it that changes its role (titles.toml's `title_modifier`) takes the word in
    and the role it makes. Mentions stay in order: the word was no mention."""
    text = doc.text
    previous_end = 0
    for m in sorted(found, key=lambda m: m.start):
        if m.kind == "title":
            word = _WORD_BEFORE.search(text, max(previous_end, m.start - 16), m.start)
            roles = gz.title_modifiers.get(word.group(1).lower()) if word else None
            if roles is not None:
                m.key = roles.get(m.key, roles.get("*", m.key))
                m.start, m.text = word.start(1), text[word.start(1):m.end]
        previous_end = m.end


# "/International Relations", "/Deputy Prime Minister": another name of the same office, after a slash
_SLASHED_ALTERNATIVE = re.compile(r"/[ \u00a0]?[A-Z][\w'’-]*(?:[ \u00a0]+(?:(?:and|of|for)[ \u00a0]+)?[A-Z][\w'’-]*){0,4}")


def _slashed_titles(doc: Document, found: list[Mention], gz: Gazetteer) -> None:
    """"Ministers of Foreign Affairs/International Relations of the BRICS
    countries": a title and its other name after a slash (in words never a
    person's) are one title, so that what the title is of follows it. Mentions
    inside the other name go."""
    not_name = _run_words(gz)[1]
    extended = []
    for m in found:
        if m.kind == "title":
            alternative = _SLASHED_ALTERNATIVE.match(doc.text, m.end)
            end = m.end
            for word in re.finditer(r"[A-Z][\w'’-]*", alternative.group() if alternative else ""):
                if word.group() not in not_name:
                    break  # "…/International Relations Naledi Pandor": the name is no title's
                end = m.end + word.end()
            if end > m.end:
                m.end, m.text = end, doc.text[m.start:end]
                extended.append(m)
    for m in extended:
        found[:] = [x for x in found if x is m or not (m.start <= x.start and x.end <= m.end)]


def _case_fits(kind: str, span: str) -> bool:
    if kind in PROPER_KINDS:
        first = span.lstrip("(")[:1]  # "(Rtd)": the word inside its bracket
        return first.isupper() or first.isdigit()
    if kind == "body":
        return any(c.isupper() or c.isdigit() for c in span)  # "the Council", "the 3+3 platform"; not "the council"
    return True


@cache
def _run_words(gz: Gazetteer) -> tuple[frozenset[str], frozenset[str], re.Pattern]:
    """Name particles, words never a name, and the pattern of runs: built once."""
    particles = frozenset(gz.names.get("particles", ()))
    return particles, frozenset(gz.names.get("not_name_words", ())), _run_pattern(tuple(sorted(particles)))


@cache
def _facility_words(gz: Gazetteer) -> frozenset[str]:
    return frozenset(gz.names.get("facility_words", ()))


@cache
def _run_pattern(particles: tuple[str, ...]) -> re.Pattern:
    """Runs of capitalised words joined by single spaces and name particles:
    only these few spans are then looked at word by word."""
    upper = r"A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F\u0400-\u042F"
    cap = rf"(?:(?:al|el|ad|ash|as|at|az|an|ar|ul|bin)-[A-Z]\w*|[A-Z]\.[A-Z][a-z][\w'\-]*|(?:[A-Z]\.){{1,4}}(?=[ \u00a0][A-Z])|[{upper}](?:[\w’'\-]*\w)?)"
    # A run's first word is `cap` after no word character, written so that the engine skips ahead to
    # the characters a word can start with (a class of them, its fast scan), checks behind that
    # character and tells the rest by it (`(?<=c)`): the same matches, the text read faster
    first = (rf"[abeu{upper}](?<![\w’'\-][\s\S])"
             r"(?:(?<=a)(?:l|d|sh|s|t|z|n|r)-[A-Z]\w*|(?<=[eu])l-[A-Z]\w*|(?<=b)in-[A-Z]\w*|"
             r"(?<=[A-Z])\.[A-Z][a-z][\w'\-]*|(?<=[A-Z])\.(?:[A-Z]\.){0,3}(?=[ \u00a0][A-Z])|"
             rf"(?<=[{upper}])(?:[\w’'\-]*\w)?)")
    part = "|".join(re.escape(p) for p in sorted(particles, key=len, reverse=True)) or "(?!)"
    # a nickname in quotes between two words of a name: Ferdinand "Bongbong" Marcos, Ferdinand 'Bongbong' Marcos
    nickname = rf'(?:"{cap}"|[\'‘]{cap}[\'’])(?=[ \u00a0]{cap})'
    # a hard wrap between two words of a name ("Ambassador of Afghanistan Hazrat" / "Omar Zakhilwal"): checked by _wrapped_at
    return re.compile(rf"{first}(?:(?:[ \u00a0]|[ \u00a0]?\n(?=[A-Z]))(?:(?:{part})[ \u00a0])*(?:{cap}|{nickname}))*")


def _name_runs(doc: Document, gz: Gazetteer, known: list[Mention]) -> list[Mention]:
    """Runs of capitalised words outside every gazetteer mention: the person
    name candidates. Whether a run is a person is decided by its context later."""
    text = doc.text
    covered = bytearray(len(text) + 1)
    for m in known:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    particles, stop, pattern = _run_words(gz)
    facilities = _facility_words(gz)
    runs: list[Mention] = []
    for run in pattern.finditer(text):
        current: list[re.Match] = []
        words = 0  # name words (not particles) in `current`
        for word in _WORD.finditer(text, run.start(), run.end()):
            token = word.group()
            # (an initial holds its point, an article its hyphen: most words are neither, and no pattern is tried)
            initial = ("." in token and _INITIALS.fullmatch(token) is not None) or \
                ("-" in token and _ARABIC_ARTICLE.match(token) is not None)
            # "KAMIKAWA Yoko": a family name in capitals before a given name
            family_first = len(token) >= 4 and token.isupper() and token.isalpha() and \
                _GIVEN_AFTER.match(text, word.end()) is not None
            # "Seyyed Abbas ARAGHCHI": a family name in capitals after a given name
            family_last = len(token) >= 4 and token.isupper() and token.replace("-", "").isalpha() and words > 0 and \
                (not current[-1].group().isupper() or _INITIALS.fullmatch(current[-1].group()) is not None)
            # "KP Sharma Oli", "PJ Patterson": initials written without points, before a name
            caps_initials = 2 <= len(token) <= 3 and token.isupper() and token.isalpha() and not current and \
                _GIVEN_AFTER.match(text, word.end()) is not None
            name_word = initial or family_first or family_last or caps_initials or \
                (token[0].isupper() and not (len(token) > 1 and token.isupper()) and _DIGIT.search(token) is None)
            # "Sultan bin Saad", "Fahd bin Mahmoud Al Said": a word that is seldom a name is one
            # before a patronymic particle, or after a particle inside a name
            stopped = token in stop and not _PATRONYMIC.match(text, word.end()) and \
                not (len(current) > 1 and current[-1].group().lower() in particles)
            broken = bool(current) and "\n" in text[current[-1].end():word.start()] and not _wrapped_at(text, word.start())
            if broken:
                _close(current, particles, runs, text)
                words = 0
            if stopped and current and token in facilities and text[current[-1].end():word.start()] == " ":
                current.clear()  # "King Khalid International Airport", "the Saud Al-Faisal Conference Center": a place
            if covered[word.start()] or stopped or not (name_word or (token in particles and current)):
                _close(current, particles, runs, text)
                words = 0
                continue
            current.append(word)
            words += token not in particles
            # a father's name with its titles may run long: "Erywan bin Pehin Datu Pekerma Jaya Haji Mohd Yusof"
            if words > (10 if any(w.group() in _PATRONYMICS for w in current) else 6):
                current.clear()
                words = 0
        _close(current, particles, runs, text)
    return runs


def _wrapped_at(text: str, line_start: int) -> bool:
    """Whether the line before `line_start` is a hard-wrapped line of prose:
    long, and ending in no punctuation."""
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    line = text[prev_start:line_start - 1].rstrip()
    return len(line) >= 40 and not line.endswith((".", "!", "?", ":", ";", ",", '"', ")"))


def _close(current: list[re.Match], particles: frozenset[str], runs: list[Mention], text: str) -> None:
    while current and current[-1].group() in particles:
        current.pop()
    if current:
        start, end = current[0].start(), current[-1].end()
        if text[end - 2:end] in ("'s", "’s"):
            end -= 2  # "Lavrov's": the name without its possessive
        span = text[start:end]
        runs.append(Mention("name", start, end, " ".join(span.split()) if "\n" in span else span))
    current.clear()
