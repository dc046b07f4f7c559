"""Stage 7, adopted: what each meeting adopted, approved or signed, with its
kind and subject ("statements were adopted on A, on B, as well as on C" is
three statements). The document words and verbs are in `data/adopted.toml`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .gazetteer import Gazetteer, load_toml
from .text import Document, Span, phrase_alternation

_SPLIT_ON = re.compile(r",?\s+as\s+well\s+as\s+(?=on\s)|,\s*(?:and\s+)?(?=on\s)|\s+and\s+(?=on\s)", re.I)
_LEAD = re.compile(r"^(?:on|of|for|about|concerning|regarding|to|in)\s+(?:the\s+)?", re.I)
_DETERMINERS = r"(?:(?:a|an|the|several|two|three|four|five|six|seven|eight|nine|ten|\d+|joint|new|final|draft|revised|updated|press|common|number\s+of|package\s+of|set\s+of|series\s+of|relevant|important)\s+)*"


@dataclass(slots=True)
class AdoptedItem:
    kind: str
    subject: str
    start: int
    end: int
    evidence: Span  # the words that state the adoption


@dataclass(frozen=True, slots=True)
class _Patterns:
    active: re.Pattern
    passive: re.Pattern
    named_passive: re.Pattern
    fronted: re.Pattern
    instrument: re.Pattern
    quoted: re.Pattern
    kind_of: dict[str, str]
    kinds: str  # the alternation of every document word
    next_document: re.Pattern  # "... and an agreement ..." inside what a verb adopted
    verb_stems: re.Pattern


@cache
def _patterns() -> _Patterns:
    data: dict = {}
    for part in load_toml("adopted.toml"):
        data.setdefault("verbs", []).extend(part.get("verbs", []))
        data.setdefault("adverbials", []).extend(part.get("adverbials", []))
        data.setdefault("generic_documents", []).extend(part.get("generic_documents", []))
        for kind, words in part.get("kinds", {}).items():
            data.setdefault("kinds", {}).setdefault(kind, []).extend(words)
    kind_of = {w.lower(): k for k, words in data["kinds"].items() for w in words}
    # the document words, verbs and adverbials longest first, as trees of their shared beginnings
    kinds = phrase_alternation(kind_of)
    verbs = phrase_alternation(data["verbs"])
    generic = "|".join(re.escape(g) for g in data["generic_documents"])
    adverbials = phrase_alternation(data["adverbials"])
    passive_verbs = r"(?:(?:also\s+)?(?:considered|discussed|reviewed)\s+and\s+)?(?:adopted|approved|signed|endorsed|agreed|issued|released)(?:\s+and\s+(?:adopted|approved|signed))?"
    return _Patterns(
        # the rest stops where another adoption verb begins ("approved the plan ... and adopted a decision")
        # "signed several documents, including a joint statement on A": the documents the list names
        active=re.compile(rf"\b(?:{verbs})(?:,?\s+including)?\s+(?:(?:{adverbials})\s+)?"
                          rf"(?:{_DETERMINERS}(?:{generic}),?\s+including\s+)?{_DETERMINERS}[\"“]?"
                          rf"(?P<name>(?:(?-i:[A-Z])[\w'’-]*\s+|\((?-i:[A-Z]+)\)\s+|(?-i:[a-z]+(?:tion|ment|ity|ship|al|ic|ary|ral))\s+){{0,5}})(?P<kind>{kinds})\b"
                          rf"(?P<rest>(?:(?!\b(?:{verbs})\b)[^.;])*)", re.I),
        passive=re.compile(rf"\b(?P<kind>{kinds})\s+(?:was|were)\s+(?:also\s+)?{passive_verbs}\s+(?P<rest>on\s[^.;]*)", re.I),
        # "The Niamey Declaration was adopted", "A General Cooperation Agreement was signed": a named document
        named_passive=re.compile(rf"(?P<name>(?:(?-i:[A-Z])[\w'’-]*\s+){{1,6}})(?P<kind>{kinds})\s+(?:was|were)\s+"
                                 rf"(?:(?:{adverbials})\s+)?{passive_verbs}\b", re.I),
        # "Statements (by the ministers) on A, B and C were (reportedly) adopted"
        fronted=re.compile(rf"^(?:[^,]{{0,60}},\s*)?(?:{_DETERMINERS})(?P<items>(?:{kinds})\s+(?:by\s+(?:the\s+)?[^,;]{{0,60}}?\s+)?(?:on|of|for|to)\s[^;]*?)"
                           rf"\s+(?:was|were)\s+(?:(?:{adverbials})\s+)?{passive_verbs}\b", re.I),
        # "Through a Final Communique, the leaders called for ...": the meeting spoke through its named document
        instrument=re.compile(rf"^(?:Through|In|With|Via)\s+(?:a|an|the|its|their)\s+"
                              rf"(?P<name>(?-i:(?:[A-Z][\w'’-]*\s+){{0,5}}(?=[A-Z]))(?:{kinds}))\b\s*(?:,|\s+(?:issued|released|adopted)\b)",
                              re.I),
        # "adopted the new "Rules of Procedure of the Council"", "endorsed the 'OTS Strategy for 2022-2026'":
        # a document named in quotes, of the kind a document word in its name tells
        quoted=re.compile(rf"\b(?:{verbs})\s+(?:(?:{adverbials})\s+)?{_DETERMINERS}[\"“'‘](?P<title>[^\"”'’\n]{{3,160}})[\"”'’]", re.I),
        kind_of=kind_of,
        kinds=kinds,
        # "and the SADC budget", ", a cooperation programme": a list's next document
        next_document=re.compile(rf"(?:(?:,\s*|\s+)(?:and|as\s+well\s+as|along\s+with)\s+|,\s+(?=(?:a|an|the)\s))(?:also\s+)?"
                                 rf"(?:(?:a|an|the|another|some|about|over|more\s+than|\d+|two|three|several|a\s+number\s+of)\s+)*"
                                 rf"(?P<name>(?:(?-i:[A-Z])[\w-]*\s+|\((?-i:[A-Z]+)\)\s+|(?-i:[a-z]+(?:tion|ment|ity|ship|al|ic|ary|ral))\s+){{0,5}})"
                                 rf"(?P<kind>{kinds})\b", re.I),
        # the stem of each phrase's longest word ("with the adoption of": "adopt"), never a word like "with"
        verb_stems=re.compile("|".join(sorted({re.escape(max(v.lower().split(), key=len)[:5]) for v in data["verbs"]}
                                              | {"adopt", "approv", "sign"}))),
    )


def find_adopted(doc: Document, gz: Gazetteer) -> list[AdoptedItem]:
    p = _patterns()
    kinds_alt = p.kinds
    out: list[AdoptedItem] = []
    for index, sentence in enumerate(doc.sentences):
        text = doc.text[sentence.start:sentence.end]
        instrument = p.instrument.match(text)
        if instrument is None and not p.verb_stems.search(doc.lower, sentence.start, sentence.end):
            continue  # most sentences adopt nothing: skip the costly patterns
        found: list[AdoptedItem] = []
        for m in p.passive.finditer(text):
            kind = p.kind_of[_norm(m.group("kind"))]
            found += _items(kind, m.group("rest"), sentence.start + m.start("rest"),
                            Span(sentence.start + m.start(), sentence.start + m.end()))
        m = p.fronted.match(text)
        if m and not found:
            items = m.group("items")
            base = sentence.start + m.start("items")
            evidence = Span(sentence.start + m.start(), sentence.start + m.end())
            first = re.match(rf"(?P<kind>{kinds_alt})\s+(?:by\s+(?:the\s+)?[^,;]{{0,60}}?\s+(?=(?:on|of|for|to)\s))?", items, re.I)
            kind, begin = p.kind_of[_norm(first.group("kind"))], first.end()  # past "by the ministers"
            for more in p.next_document.finditer(items):
                found.append(_item(kind, items[begin:more.start()], base + begin, evidence))
                kind, begin = p.kind_of[_norm(more.group("kind"))], more.end()
            found += _items(kind, items[begin:], base + begin, evidence)
        if not found:
            for m in p.named_passive.finditer(text):
                if m.group("name").split()[0].lower() in ("the", "a", "an") and len(m.group("name").split()) == 1:
                    continue  # "The agreement was signed": no name told
                name_start = m.start("name") + (len(m.group("name").split()[0]) + 1
                                                if m.group("name").split()[0].lower() in ("the", "a", "an") else 0)
                subject = " ".join(text[name_start:m.end("kind")].split())
                found.append(AdoptedItem(p.kind_of[_norm(m.group("kind"))], subject, sentence.start + name_start,
                                         sentence.start + m.end("kind"), Span(sentence.start + m.start(), sentence.start + m.end())))
        if not found:
            for m in p.quoted.finditer(text):
                title = m.group("title").strip()
                words = re.findall(rf"\b(?:{kinds_alt})\b", title, re.I)
                kind = p.kind_of.get(_norm(words[-1]), "other") if words else "other"
                start = sentence.start + m.start("title") + (len(m.group("title")) - len(m.group("title").lstrip()))
                found.append(AdoptedItem(kind, title, start, start + len(title),
                                         Span(sentence.start + m.start(), sentence.start + m.end())))
        if not found and (m := instrument) is not None:
            name = m.group("name")
            kind = next(k for w, k in sorted(p.kind_of.items(), key=lambda x: -len(x[0])) if name.lower().endswith(w))
            found.append(AdoptedItem(kind, name, sentence.start + m.start("name"), sentence.start + m.end("name"),
                                     Span(sentence.start + m.start(), sentence.start + m.end())))
        if not found:
            for m in p.active.finditer(text):
                evidence = Span(sentence.start + m.start(), sentence.start + m.end())
                kind, rest, base = p.kind_of[_norm(m.group("kind"))], m.group("rest"), sentence.start + m.start("rest")
                name = Span(sentence.start + m.start("name"), sentence.start + m.end("kind")) if m.group("name").strip() else None
                # "signed a memorandum on A and an agreement on B": one item per document word
                begin = 0
                for more in p.next_document.finditer(rest):
                    found += _items(kind, rest[begin:more.start()], base + begin, evidence, doc.text, name)
                    kind, begin = p.kind_of[_norm(more.group("kind"))], more.end()
                    name = Span(base + more.start("name"), base + more.end("kind")) if more.group("name").strip() else None
                found += _items(kind, rest[begin:], base + begin, evidence, doc.text, name)
        found = [f for f in found if f.subject]
        # "adopted a number of statements ... In particular, statements were adopted on A, B":
        # the general line is told again in detail.
        if index + 1 < len(doc.sentences):
            following = doc.text[doc.sentences[index + 1].start:doc.sentences[index + 1].end]
            if re.match(r"\s*In particular\b", following):
                found = []
        out += found
    unique: dict[tuple[str, str], AdoptedItem] = {}
    for item in out:
        unique.setdefault((item.kind, item.subject.lower()), item)
    return list(unique.values())


def _norm(word: str) -> str:
    return " ".join(word.lower().split())


def _parts(rest: str):
    pos = 0
    for m in _SPLIT_ON.finditer(rest):
        yield pos, rest[pos:m.start()]
        pos = m.end()
    yield pos, rest[pos:]


# Where what a document is about ends: a new verb, or a clause about something else.
_SUBJECT_END = re.compile(r"\s+(?:was|were)\s+(?:also\s+)?(?:considered|adopted|approved|signed)\b|\.\s|"
                          r",?\s+and\s+(?:also\s+)?(?:adopted|approved|signed|agreed|endorsed|discussed|exchanged|noted)\b|"
                          r",\s+(?:at|during|(?:in\s+)?which|who|where|when|while|according|after|before|"
                          r"following|the\s+central|said)\b|,\s+[^,]{0,60}\b(?:said|told|announced|stated)\b", re.I)


_NO_SUBJECT = re.compile(r"(?:at|during|after|before|following|within|by|with|while)\b", re.I)


def _items(kind: str, rest: str, start: int, evidence: Span, text: str = "", name: Span | None = None) -> list[AdoptedItem]:
    """"on A, on B and on C" is three documents of one kind; anything else one.
    A document named by capitalised words ("the Lima Declaration") is about
    what its name says, unless a preposition tells more ("the Declaration on A")."""
    if name is not None and re.match(r"\s*(?-i:[A-Z(])", text[name.start:name.end]) and not _LEAD.match(rest.lstrip()):
        subject = text[name.start:name.end]
        return [AdoptedItem(kind, subject, name.start, name.end, evidence)]
    if re.match(r"\s*on\s", rest):
        return [_item(kind, part, start + at, evidence) for at, part in _parts(rest)]
    return [_item(kind, rest, start, evidence)]


def _item(kind: str, raw: str, start: int, evidence: Span) -> AdoptedItem:
    lead = _LEAD.match(raw.lstrip())
    skip = (len(raw) - len(raw.lstrip())) + (lead.end() if lead else 0)
    subject = raw[skip:]
    subject = _SUBJECT_END.split(subject)[0]
    subject = subject.rstrip(" ,;:.")
    if _NO_SUBJECT.match(subject):
        subject = ""  # "signed other agreements at the end of the summit": no subject told
    return AdoptedItem(kind, subject, start + skip, start + skip + len(subject), evidence)
