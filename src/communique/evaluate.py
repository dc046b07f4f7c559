"""Scoring extracted records against gold records (`communique evaluate`).

The figures are those of the evaluation's reference scorer (`score.py`,
described in its FORMAT.md), reimplemented here so that the package stands
alone:

- people's names are folded (accents, case, punctuation) and reduced to a
  transliteration skeleton (kh/h, y/i, dzh/j, doubled letters, ...); two names
  match when every token of the shorter one has a match in the longer one;
- text alternatives (`org`, `body`, `location`, dateline fields) match after
  folding, without a leading "the", stop words, or, in a body's name, the
  organisation's names;
- an adopted document matches when the kinds agree and the subjects' content
  words have a Dice coefficient of at least 0.5;
- meetings are paired greedily, most alike first; every slot of an unpaired
  meeting counts against the extractor;
- each slot keeps true positives, false positives and false negatives; the
  overall figure is micro-averaged over all slots; topics are scored apart.

Besides the figures, every report's `Finding`s say which values were wrong,
missing or extra, with the evidence (offsets and text) the record gives for
the predicted value.

    >>> report = score_records([("doc", gold_dict, record.model_dump(mode="json"))])
    >>> print(report.table(verbose=True))
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

__all__ = ["DocumentScore", "Finding", "GoldError", "Report", "Tally", "evaluate_dir", "gold_problem", "prf",
           "same_person", "score_document", "score_records"]

Json = dict[str, Any]
G = TypeVar("G")
P = TypeVar("P")

STOP_WORDS = frozenset({"the", "of", "on", "and", "for", "in", "to", "a", "an", "with", "by", "at", "its",
                        "their", "s", "as", "well", "between", "from", "into"})
ADOPTED_KIND_SYNONYMS = {"program": "programme"}
# Checked in this order: the first key found inside the folded text decides.
FORMAT_WORDS = {"narrow": "narrow", "restricted": "narrow", "limited": "narrow", "closed": "narrow",
                "one on one": "narrow", "tete a tete": "narrow", "expanded": "expanded", "extended": "expanded",
                "enlarged": "expanded", "broad": "expanded", "plenary": "expanded"}
TRANSLITERATION = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ph", "f"), ("w", "v"), ("y", "i"),
                   ("ou", "u"))
DOC_SLOTS = (  # slot, record key, key under `dateline`, compared as a date
    ("doc.source", "source", "source", False),
    ("doc.published", "published", "date", True),
    ("doc.dateline_place", "dateline_place", "place", False),
)


# ================================================================== folding and matching
def fold(text: str | None) -> str:
    """Lower-case ASCII letters and digits separated by single spaces ("Nur-Sultan's" -> "nur sultan")."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'").lower()
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def skeleton(token: str) -> str:
    """One folded name token with common transliteration variants collapsed."""
    for variant, plain in TRANSLITERATION:
        token = token.replace(variant, plain)
    token = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", token)
    return re.sub(r"(.)\1+", r"\1", token)


def _tokens_equal(a: str, b: str) -> bool:
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def same_person(a: str, b: str) -> bool:
    """Whether two names can be the same person: each token of the shorter has a match in the longer."""
    ta, tb = [skeleton(t) for t in fold(a).split()], [skeleton(t) for t in fold(b).split()]
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(_tokens_equal(s, t) for t in long_) for s in short)


def content_words(text: str) -> set[str]:
    """Folded words without stop words, a plural -s dropped from words over three letters."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in fold(text).split() if w not in STOP_WORDS}


def meeting_format(text: str) -> str:
    """"restricted format" -> "narrow"; a text naming no known format stays as folded."""
    folded = fold(text)
    return next((norm for word, norm in FORMAT_WORDS.items() if word in folded), folded)


def _normalise_alternative(text: str, org_names: Sequence[str]) -> str:
    padded = " " + re.sub(r"^(the )", "", fold(text)) + " "
    for org in org_names:
        folded_org = fold(org)
        if folded_org:
            padded = padded.replace(" " + folded_org + " ", " ")
    return " ".join(w for w in padded.split() if w not in STOP_WORDS)


def match_alternatives(predicted: Sequence[str], gold: Sequence[str], org_names: Sequence[str] = ()) -> bool:
    """Whether a predicted text equals, or holds as whole words, one of the gold alternatives.

    `org_names` are removed from both sides first (a body's name without its organisation's)."""
    golds = {n for n in (_normalise_alternative(g, org_names) for g in gold) if n}
    for value in predicted:
        norm = _normalise_alternative(value, org_names)
        if norm and (norm in golds or any(f" {g} " in f" {norm} " for g in golds)):
            return True  # "Dushanbe Tajikistan" holds "Dushanbe"
    return False


def date_matches(predicted: str | None, gold: str | None) -> bool:
    """A predicted date matches a gold date it starts with ("2021-05-19" matches "2021-05")."""
    return bool(predicted and gold and str(predicted).startswith(gold))


def _adopted_kind(kind: Any) -> Any:
    return ADOPTED_KIND_SYNONYMS.get(kind, kind)


# ================================================================== reading predictions
def texts(value: Any) -> list[str]:
    """Every candidate string of a predicted field: a string, an object's names, or a list of either."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        out: list[str] = []
        for key in ("name", "canonical", "acronym", "label", "text", "full_name", "short_name"):
            out += texts(value.get(key))
        for key in ("aliases", "alternatives"):
            for item in value.get(key) or []:
                out += texts(item)
        return out
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in texts(item)]
    return [str(value)]


def first_text(value: Any) -> str | None:
    found = texts(value)
    return found[0] if found else None


@dataclass(frozen=True)
class Span:
    """Where the record says it found a value: `input[start:end] == text`."""

    start: int
    end: int
    text: str

    def __str__(self) -> str:
        return f' at [{self.start}:{self.end}] "{" ".join(self.text.split())}"'


def spans(value: Any) -> list[Span]:
    """The well-formed evidence items of an evidence list, or of an object's `evidence`."""
    if isinstance(value, dict):
        value = value.get("evidence")
    if not isinstance(value, list):
        return []
    return [Span(ev["start"], ev["end"], str(ev.get("text", ""))) for ev in value
            if isinstance(ev, dict) and isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int)]


def first_span(value: Any) -> Span | None:
    found = spans(value)
    return found[0] if found else None


@dataclass(frozen=True)
class PredictedParticipant:
    """A predicted participant as the scorer reads it, whatever shape the output gives it."""

    name: str
    country: Any = None
    org: str | None = None
    role: Any = None
    person: Any = None
    evidence: Span | None = None


def predicted_participants(meeting: Json) -> list[PredictedParticipant]:
    """A predicted meeting's participants: strings, or objects with the fields at the top or under `person`."""
    out = []
    for p in meeting.get("participants") or []:
        if isinstance(p, str):
            out.append(PredictedParticipant(name=p))
            continue
        if not isinstance(p, dict):
            continue
        person = p.get("person") if isinstance(p.get("person"), dict) else {}
        name = first_text(p.get("name")) or first_text(person.get("name"))
        if not name:
            continue
        country = p.get("country", person.get("country"))
        if isinstance(country, dict):
            country = country.get("iso3") or country.get("code") or country.get("alpha_3")
        out.append(PredictedParticipant(name=name, country=country, org=first_text(p.get("org", person.get("org"))),
                                        role=p.get("role", person.get("role")), person=p.get("person"),
                                        evidence=first_span(p)))
    return out


def _document_field(pred: Json, key: str, dateline_key: str) -> str | None:
    if pred.get(key) is not None:
        return first_text(pred.get(key))
    dateline = pred.get("dateline") or {}
    return first_text(dateline.get(dateline_key)) if isinstance(dateline, dict) else None


# ================================================================== counts
def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (each 0.0 when undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Tally:
    """True positives, false positives and false negatives per slot."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, slot: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp[slot] += tp
        self.fp[slot] += fp
        self.fn[slot] += fn

    def merge(self, other: Tally) -> None:
        for slot in other.slots():
            self.add(slot, other.tp[slot], other.fp[slot], other.fn[slot])

    def slots(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def counts(self, slot: str) -> tuple[int, int, int]:
        return self.tp[slot], self.fp[slot], self.fn[slot]

    def slot(self, slot: str) -> tuple[float, float, float]:
        return prf(*self.counts(slot))

    def overall(self) -> tuple[float, float, float]:
        """Micro-averaged over every slot."""
        return prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))


# ================================================================== findings
@dataclass(frozen=True)
class Finding:
    """One value scored against the extractor, for `--verbose`.

    `meeting` names the gold meeting the value belongs to (None for the
    report's own fields and for whole meetings)."""

    status: Literal["wrong", "missing", "extra"]
    what: str
    gold: str | None = None
    predicted: str | None = None
    evidence: Span | None = None
    meeting: str | None = None

    def __str__(self) -> str:
        at = str(self.evidence) if self.evidence else ""
        if self.status == "missing":
            return f"missing {self.what}: {self.gold}"
        if self.status == "wrong":
            return f"wrong {self.what}: predicted {self.predicted}{at}, gold {self.gold}"
        return f"extra {self.what}: {self.predicted}{at}"


def _alternatives_text(values: Any) -> str:
    return " / ".join(texts(values)) or "-"


def _gold_participant_text(g: Json) -> str:
    return f"{g.get('name')} ({g.get('country') or first_text(g.get('org')) or '-'}, {g.get('role') or '-'})"


def _predicted_participant_text(p: PredictedParticipant) -> str:
    return f"{p.name} ({p.country or p.org or '-'}, {p.role or '-'})"


def _gold_meeting_label(g: Json) -> str:
    where = [x for x in (first_text(g.get("org")), first_text(g.get("body")), first_text(g.get("location"))) if x]
    return f"{g.get('kind')} {g.get('date') or 'undated'}" + (f" ({', '.join(where)})" if where else "")


def _predicted_meeting_label(p: Json) -> str:
    people = ", ".join(x.name for x in predicted_participants(p))
    return (f"{p.get('kind')} {first_text(p.get('date')) or 'undated'}{first_span(p) or ''}"
            + (f" ({people})" if people else ""))


# ================================================================== scoring one report
@dataclass
class SetMatch(Generic[G, P]):
    """The outcome of matching a gold list against a predicted list, first fit in gold order."""

    pairs: list[tuple[G, P]]
    missing: list[G]
    extra: list[P]


def _score_set(tally: Tally, slot: str, gold: Sequence[G], predicted: Sequence[P],
               same: Callable[[G, P], bool]) -> SetMatch[G, P]:
    used: set[int] = set()
    match: SetMatch[G, P] = SetMatch([], [], [])
    for g in gold:
        hit = next((i for i, p in enumerate(predicted) if i not in used and same(g, p)), None)
        if hit is None:
            match.missing.append(g)
        else:
            used.add(hit)
            match.pairs.append((g, predicted[hit]))
    match.extra = [p for i, p in enumerate(predicted) if i not in used]
    tally.add(slot, tp=len(match.pairs), fp=len(match.extra), fn=len(match.missing))
    return match


def _score_slot(tally: Tally, slot: str, gold_present: bool, pred_present: bool, ok: bool
                ) -> Literal["wrong", "missing", "extra"] | None:
    """Count one single-valued slot; return what went wrong, if anything."""
    if gold_present and pred_present:
        tally.add(slot, tp=1) if ok else tally.add(slot, fp=1, fn=1)
        return None if ok else "wrong"
    if gold_present:
        tally.add(slot, fn=1)
        return "missing"
    if pred_present:
        tally.add(slot, fp=1)
        return "extra"
    return None


def _same_affiliation(gold: Json, pred: PredictedParticipant, org_groups: Sequence[set[str]]) -> bool:
    """Same state (ISO3), or the same organisation under any of its names in the gold record."""
    if gold.get("country"):
        return str(pred.country or "").upper() == gold["country"]
    names = {fold(x) for x in texts(gold.get("org"))}
    said = fold(str(pred.org or ""))
    if not names or not said or pred.country:
        return False
    return said in names or any(said in group and names & group for group in org_groups)


def _adopted_same(gold: Json, pred: Json) -> bool:
    predicted_kind = fold(str(pred.get("kind") or ""))
    gold_words = content_words(gold.get("subject", ""))
    pred_words = content_words(first_text(pred.get("subject")) or first_text(pred.get("title")) or "")
    if _adopted_kind(gold.get("kind")) != _adopted_kind(predicted_kind) or not gold_words or not pred_words:
        return False
    return 2 * len(gold_words & pred_words) / (len(gold_words) + len(pred_words)) >= 0.5


def meeting_similarity(gold: Json, pred: Json) -> float:
    """How alike a gold and a predicted meeting are; 0 when they may not be paired at all."""
    predicted_names = [p.name for p in predicted_participants(pred)]
    shared = sum(1 for g in gold.get("participants") or [] if any(same_person(g["name"], n) for n in predicted_names))
    pchair = first_text(pred.get("chair"))
    chair = bool(gold.get("chair") and pchair and same_person(gold["chair"], pchair))
    date = date_matches(first_text(pred.get("date")), gold.get("date"))
    org = bool(gold.get("org")) and match_alternatives(texts(pred.get("org")), gold["org"])
    place = bool(gold.get("location")) and match_alternatives(texts(pred.get("location")), gold["location"])
    kind = fold(str(pred.get("kind") or "")) == gold.get("kind")
    undated = not gold.get("date") and not first_text(pred.get("date"))
    if not (shared or chair or (date and (org or place or kind)) or (undated and org and (place or kind))):
        return 0.0
    return shared + 2 * chair + 2 * date + org + place + kind


def _chair_evidence(pred: Json, participants: Sequence[PredictedParticipant]) -> Span | None:
    chair = first_text(pred.get("chair"))
    for p in participants:
        if (pred.get("chair_person") and p.person == pred.get("chair_person")) or (chair and p.name == chair):
            return p.evidence
    return None


def _score_meeting(tally: Tally, gold: Json | None, pred: Json | None, org_groups: Sequence[set[str]]
                   ) -> list[Finding]:
    """Count every slot of one meeting (paired, or with None on one side); the findings of a pair."""
    g, p = gold or {}, pred or {}
    label = _gold_meeting_label(g) if g else None
    findings: list[Finding] = []
    org_alts = g.get("org") or []
    pparts = predicted_participants(p) if p else []
    pchair = first_text(p.get("chair"))

    def note(slot: str, verdict: str | None, gold_text: str, pred_text: str | None, where: Span | None) -> None:
        if verdict:
            findings.append(Finding(verdict, slot, gold_text, pred_text, where, label))  # type: ignore[arg-type]

    note("meeting.kind", _score_slot(tally, "meeting.kind", bool(g), bool(p.get("kind")),
                                     fold(str(p.get("kind") or "")) == g.get("kind")),
         str(g.get("kind")), str(p.get("kind")), first_span(p))
    note("meeting.org", _score_slot(tally, "meeting.org", bool(org_alts), bool(texts(p.get("org"))),
                                    match_alternatives(texts(p.get("org")), org_alts)),
         _alternatives_text(org_alts), first_text(p.get("org")), first_span(p.get("org")))
    note("meeting.body", _score_slot(tally, "meeting.body", bool(g.get("body")), bool(texts(p.get("body"))),
                                     match_alternatives(texts(p.get("body")), g.get("body") or [], org_alts)),
         _alternatives_text(g.get("body")), first_text(p.get("body")), first_span(p.get("body")))
    note("meeting.date", _score_slot(tally, "meeting.date", bool(g.get("date")), bool(first_text(p.get("date"))),
                                     date_matches(first_text(p.get("date")), g.get("date"))),
         str(g.get("date")), first_text(p.get("date")), first_span(p.get("date_evidence")))
    note("meeting.location", _score_slot(tally, "meeting.location", bool(g.get("location")),
                                         bool(texts(p.get("location"))),
                                         match_alternatives(texts(p.get("location")), g.get("location") or [])),
         _alternatives_text(g.get("location")), first_text(p.get("location")), first_span(p.get("location")))
    note("meeting.chair", _score_slot(tally, "meeting.chair", bool(g.get("chair")), bool(pchair),
                                      bool(g.get("chair") and pchair and same_person(g["chair"], pchair))),
         str(g.get("chair")), pchair, _chair_evidence(p, pparts))

    gparts = g.get("participants") or []
    names = _score_set(tally, "participant.name", gparts, pparts, lambda a, b: same_person(a["name"], b.name))
    affiliations = _score_set(tally, "participant.affiliation", gparts, pparts,
                              lambda a, b: same_person(a["name"], b.name) and _same_affiliation(a, b, org_groups))
    roles = _score_set(tally, "participant.role", gparts, pparts,
                       lambda a, b: same_person(a["name"], b.name) and a.get("role") == b.role)
    findings += [Finding("missing", "participant", _gold_participant_text(a), meeting=label) for a in names.missing]
    findings += [Finding("extra", "participant", predicted=_predicted_participant_text(b), evidence=b.evidence,
                         meeting=label) for b in names.extra]
    partner = {id(a): b for a, b in names.pairs}
    for slot, match, gold_value, pred_value in (
            ("participant.affiliation", affiliations, lambda a: a.get("country") or first_text(a.get("org")),
             lambda b: b.country or b.org),
            ("participant.role", roles, lambda a: a.get("role"), lambda b: b.role)):
        for a in match.missing:
            b = partner.get(id(a))
            if b is not None:
                findings.append(Finding("wrong", f"{slot} of {a['name']}", str(gold_value(a) or "-"),
                                        str(pred_value(b) or "-"), b.evidence, label))

    if "formats" in g or p.get("formats"):
        formats = _score_set(tally, "meeting.formats", [meeting_format(x) for x in g.get("formats") or []],
                             sorted({meeting_format(x) for x in texts(p.get("formats"))}), lambda a, b: a == b)
        findings += [Finding("missing", "meeting.formats", x, meeting=label) for x in formats.missing]
        findings += [Finding("extra", "meeting.formats", predicted=x, meeting=label) for x in formats.extra]

    padopted = [x for x in (p.get("adopted") or []) if isinstance(x, dict)]
    adopted = _score_set(tally, "meeting.adopted", g.get("adopted") or [], padopted, _adopted_same)
    findings += [Finding("missing", "meeting.adopted", f'{a.get("kind")} "{a.get("subject")}"', meeting=label)
                 for a in adopted.missing]
    findings += [Finding("extra", "meeting.adopted", predicted=f'{b.get("kind")} "{first_text(b.get("subject"))}"',
                         evidence=first_span(b), meeting=label) for b in adopted.extra]
    return findings


def _dateline_evidence(pred: Json, slot: str, value: str | None) -> Span | None:
    """The dateline evidence item that states a document field's value."""
    candidates = spans(pred.get("dateline"))
    if slot == "doc.published":
        return next((s for s in candidates if any(c.isdigit() for c in s.text)), None)
    folded = fold(value)
    return next((s for s in candidates if folded and (fold(s.text) in folded or folded in fold(s.text))), None)


def score_document(gold: Json, pred: Json, topics: Counter[str] | None = None) -> tuple[Tally, list[Finding]]:
    """Score one report's prediction against its gold record.

    Returns the report's tally and findings; topic counts (found, missed,
    supported, unsupported) are added to `topics` when it is given."""
    tally, findings = Tally(), []
    for slot, key, dateline_key, is_date in DOC_SLOTS:
        pv, gv = _document_field(pred, key, dateline_key), gold.get(key)
        ok = bool(pv and gv) and (date_matches(pv, gv) if is_date else match_alternatives([pv], [gv]))
        verdict = _score_slot(tally, slot, bool(gv), bool(pv), ok)
        if verdict:
            findings.append(Finding(verdict, slot, str(gv), pv, _dateline_evidence(pred, slot, pv)))

    golds = list(gold.get("meetings") or [])
    preds = [m for m in (pred.get("meetings") or []) if isinstance(m, dict)]
    org_groups = [{fold(x) for x in g.get("org") or []} for g in golds]
    org_groups += [{fold(x) for x in texts(p.get("org"))} for g in golds for p in g.get("participants") or []]
    candidates = sorted(((meeting_similarity(g, p), i, j) for i, g in enumerate(golds) for j, p in enumerate(preds)),
                        reverse=True)
    gold_paired: set[int] = set()
    pred_paired: set[int] = set()
    for similarity, i, j in candidates:
        if similarity <= 0 or i in gold_paired or j in pred_paired:
            continue
        gold_paired.add(i)
        pred_paired.add(j)
        findings += _score_meeting(tally, golds[i], preds[j], org_groups)
    for i, g in enumerate(golds):
        if i not in gold_paired:
            _score_meeting(tally, g, None, org_groups)
            people = ", ".join(str(x.get("name")) for x in g.get("participants") or [])
            findings.append(Finding("missing", "meeting", _gold_meeting_label(g) + (f": {people}" if people else "")))
    for j, p in enumerate(preds):
        if j not in pred_paired:
            _score_meeting(tally, None, p, org_groups)
            findings.append(Finding("extra", "meeting", predicted=_predicted_meeting_label(p)))

    topic_counts = topics if topics is not None else Counter()
    said_folded = [fold(t) for t in texts(pred.get("topics"))]
    subjects = [fold(t) for m in preds for a in (m.get("adopted") or []) if isinstance(a, dict)
                for t in texts(a.get("subject"))]
    keyword_sets = [[fold(k) for k in keywords] for keywords in gold.get("topics") or []]
    for keywords, raw in zip(keyword_sets, gold.get("topics") or []):
        found = any(all(k in s for k in keywords) for s in said_folded + subjects)
        topic_counts["found" if found else "missed"] += 1
        if not found:
            findings.append(Finding("missing", "topic", " + ".join(raw)))
    for folded in said_folded:  # unsupported topics are counted, not listed: a summary says more than the gold
        supported = any(all(k in folded for k in keywords) for keywords in keyword_sets)
        topic_counts["supported" if supported else "unsupported"] += 1
    return tally, findings


# ================================================================== the report
@dataclass
class DocumentScore:
    """One report's figures and findings."""

    name: str
    tally: Tally
    findings: list[Finding]
    predicted: bool = True  # False when there was no readable prediction

    @property
    def f1(self) -> float:
        return self.tally.overall()[2]

    def lines(self) -> list[str]:
        """The report's F1, then its findings, grouped under the gold meeting they belong to."""
        out = [f"  {self.f1:5.3f}  {self.name}"]
        indent = " " * 9
        current: str | None = None
        for finding in self.findings:
            if finding.meeting != current and finding.meeting is not None:
                out.append(f"{indent}in {finding.meeting}:")
            current = finding.meeting
            out.append(f"{indent}{'  ' if current else ''}{finding}")
        return out


@dataclass
class Report:
    """Figures over a set of reports: per slot, overall (micro-averaged), topics apart."""

    tally: Tally = field(default_factory=Tally)
    topics: Counter[str] = field(default_factory=Counter)
    documents: dict[str, DocumentScore] = field(default_factory=dict)

    @property
    def missing(self) -> list[str]:
        """Reports that had no readable prediction."""
        return [name for name, doc in self.documents.items() if not doc.predicted]

    def add(self, document: DocumentScore) -> None:
        self.documents[document.name] = document
        self.tally.merge(document.tally)

    def topic_prf(self) -> tuple[float, float, float]:
        """Recall: gold topics found in a predicted topic or adopted subject.
        Precision: predicted topics that hold every key word of some gold topic."""
        said = self.topics["supported"] + self.topics["unsupported"]
        p = self.topics["supported"] / said if said else 0.0
        r = self.topics["found"] / max(1, self.topics["found"] + self.topics["missed"])
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_json(self) -> Json:
        """The same object as `score.py --json` prints."""
        keys = ("p", "r", "f1")
        out: Json = {slot: dict(zip(keys, self.tally.slot(slot))) for slot in self.tally.slots()}
        out["overall"] = dict(zip(keys, self.tally.overall()))
        out["topics"] = dict(zip(keys, self.topic_prf()))
        out["missing"] = self.missing
        out["documents"] = {name: doc.f1 for name, doc in self.documents.items()}
        return out

    def table(self, verbose: bool = False) -> str:
        """The table `score.py` prints; with `verbose`, each report's F1 and findings after the slots."""
        lines = [f"{'slot':28} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn"]
        for slot in self.tally.slots():
            p, r, f = self.tally.slot(slot)
            tp, fp, fn = self.tally.counts(slot)
            lines.append(f"{slot:28} {p:6.3f} {r:6.3f} {f:6.3f} {tp:4} {fp:3} {fn:3}")
        if verbose:
            lines.append("")
            for doc in self.documents.values():
                lines += doc.lines()
        if self.missing:
            lines.append(f"\nno readable prediction for {len(self.missing)} report(s): {', '.join(self.missing)}")
        tp_, tr_, tf_ = self.topic_prf()
        said = self.topics["supported"] + self.topics["unsupported"]
        lines.append(f"\ntopics (not in overall): P {tp_:.3f} R {tr_:.3f} F1 {tf_:.3f} "
                     f"({self.topics['found']} of {self.topics['found'] + self.topics['missed']} found, "
                     f"{self.topics['unsupported']} of {said} said unsupported)")
        p, r, f = self.tally.overall()
        lines += [f"overall P {p:.3f} R {r:.3f}", f"overall F1 {f:.3f}"]
        return "\n".join(lines)


# ================================================================== gold records
class GoldError(Exception):
    """A gold record that cannot be read or scored; the message is one line."""


def _is_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _is_texts(value: Any) -> bool:
    return value is None or (isinstance(value, list) and all(isinstance(x, str) for x in value))


def gold_problem(gold: Any) -> str | None:
    """What makes `gold` unusable as a gold record (FORMAT.md), or None when it is usable."""
    if not isinstance(gold, dict):
        return "not a JSON object"
    for key in ("source", "published", "dateline_place"):
        if not _is_text(gold.get(key)):
            return f"{key} is not a string or null"
    topics = gold.get("topics")
    if topics is not None and not (isinstance(topics, list) and all(isinstance(t, list) and _is_texts(t)
                                                                    for t in topics)):
        return "topics is not a list of lists of key words"
    meetings = gold.get("meetings")
    if meetings is not None and not isinstance(meetings, list):
        return "meetings is not a list"
    for n, m in enumerate(meetings or [], 1):
        if not isinstance(m, dict):
            return f"meeting {n} is not an object"
        for key in ("kind", "date", "chair"):
            if not _is_text(m.get(key)):
                return f"meeting {n}: {key} is not a string or null"
        for key in ("org", "body", "location", "formats"):
            if not _is_texts(m.get(key)):
                return f"meeting {n}: {key} is not a list of strings"
        participants = m.get("participants")
        if participants is not None and not isinstance(participants, list):
            return f"meeting {n}: participants is not a list"
        for k, person in enumerate(participants or [], 1):
            if not isinstance(person, dict) or not isinstance(person.get("name"), str):
                return f"meeting {n}: participant {k} has no name"
            if not _is_text(person.get("country")) or not _is_text(person.get("role")):
                return f"meeting {n}: participant {k}: country and role must be strings or null"
            if not (_is_text(person.get("org")) or _is_texts(person.get("org"))):
                return f"meeting {n}: participant {k}: org is not a list of strings"
        adopted = m.get("adopted")
        if adopted is not None and not (isinstance(adopted, list) and all(
                isinstance(a, dict) and _is_text(a.get("kind")) and _is_text(a.get("subject")) for a in adopted)):
            return f"meeting {n}: adopted is not a list of objects with a kind and a subject"
    return None


# ================================================================== entry points
def score_records(pairs: Iterable[tuple[str, Json, Json | None]]) -> Report:
    """Score (name, gold, prediction) triples, as `score.py` scores the files NAME.gold.json and NAME.json.

    A prediction that is None (or not an object) counts as missing: every gold
    value is a false negative and the name is listed under `missing`.
    Raises GoldError for a gold record that `gold_problem` rejects."""
    report = Report()
    for name, gold, pred in pairs:
        problem = gold_problem(gold)
        if problem:
            raise GoldError(f"{name}: not a valid gold record: {problem}")
        predicted = isinstance(pred, dict)
        tally, findings = score_document(gold, pred if predicted else {}, report.topics)
        if not predicted:  # every gold value is missing: one line says it
            findings = [Finding("missing", "prediction", "no readable prediction for this report")]
        report.add(DocumentScore(name, tally, findings, predicted))
    return report


def read_gold(path: Path) -> Json:
    """A gold record from NAME.gold.json; GoldError (one line) when it cannot be read or is not one."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    problem = gold_problem(gold)
    if problem:
        raise GoldError(f"{path}: not a valid gold record: {problem}")
    return gold


def evaluate_dir(folder: Path | str) -> Report:
    """Extract every NAME.txt of `folder` (doc_id=NAME) and score it against NAME.gold.json.

    Every gold record is read before anything is extracted, so a bad one stops
    the run at once (GoldError). A report whose NAME.txt is absent or cannot be
    read counts as a missing prediction, as a missing NAME.json does for `score.py`."""
    from .inputs import BadInput, read_text_file
    from .pipeline import extract

    folder = Path(folder)
    golds = [(path.name[: -len(".gold.json")], read_gold(path)) for path in sorted(folder.glob("*.gold.json"))]
    if not golds:
        raise GoldError(f"{folder}: no NAME.gold.json records")

    def triples() -> Iterable[tuple[str, Json, Json | None]]:
        for name, gold in golds:
            try:
                text = read_text_file(folder / f"{name}.txt")
            except BadInput:
                yield name, gold, None
                continue
            yield name, gold, extract(text, doc_id=name).model_dump(mode="json")

    return score_records(triples())
