"""Scoring extracted records against gold records (`communique evaluate`).

The semantics are those of the evaluation's reference scorer (FORMAT.md):
names folded across accents, case and transliteration variants; text
alternatives matched after folding and without the organisation's name inside
a body's name; adopted documents matched by kind and shared content words;
meetings paired greedily, most alike first. Per slot: true positives, false
positives, false negatives; overall: micro-averaged; topics apart.
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

STOP = {"the", "of", "on", "and", "for", "in", "to", "a", "an", "with", "by", "at", "its", "their", "s", "as",
        "well", "between", "from", "into"}
FORMAT_WORDS = {"narrow": "narrow", "restricted": "narrow", "limited": "narrow", "closed": "narrow",
                "one on one": "narrow", "tete a tete": "narrow", "expanded": "expanded", "extended": "expanded",
                "enlarged": "expanded", "broad": "expanded", "plenary": "expanded"}
SKELETON = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ph", "f"), ("w", "v"), ("y", "i"), ("ou", "u"))


# ------------------------------------------------------------------ folding
def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'").lower()
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _skeleton(token: str) -> str:
    for a, b in SKELETON:
        token = token.replace(a, b)
    token = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", token)
    return re.sub(r"(.)\1+", r"\1", token)


def _tokens_equal(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 5 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85)


def same_person(a: str, b: str) -> bool:
    ta, tb = [_skeleton(t) for t in fold(a).split()], [_skeleton(t) for t in fold(b).split()]
    if not ta or not tb:
        return False
    small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(_tokens_equal(s, x) for x in large) for s in small)


def _content_words(text: str) -> set[str]:
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in fold(text).split() if w not in STOP}


def _format(text: str) -> str:
    folded = fold(text)
    return next((v for k, v in FORMAT_WORDS.items() if k in folded), folded)


# ------------------------------------------------------------------ reading predictions
def texts(value) -> list[str]:
    """Every candidate string of a predicted field: a string, an object's names, a list."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        out: list[str] = []
        for key in ("name", "canonical", "acronym", "label", "text", "full_name", "short_name"):
            out += texts(value.get(key))
        for key in ("aliases", "alternatives"):
            for v in value.get(key) or []:
                out += texts(v)
        return out
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in texts(v)]
    return [str(value)]


def _first(value) -> str | None:
    found = texts(value)
    return found[0] if found else None


def _doc_field(pred: dict, key: str, dateline_key: str) -> str | None:
    if pred.get(key) is not None:
        return _first(pred.get(key))
    dateline = pred.get("dateline") or {}
    return _first(dateline.get(dateline_key)) if isinstance(dateline, dict) else None


def _participants(meeting: dict) -> list[dict]:
    out = []
    for p in meeting.get("participants") or []:
        if isinstance(p, str):
            out.append({"name": p})
            continue
        person = p.get("person") if isinstance(p.get("person"), dict) else {}
        name = _first(p.get("name")) or _first(person.get("name"))
        if not name:
            continue
        country = p.get("country", person.get("country"))
        if isinstance(country, dict):
            country = country.get("iso3") or country.get("code") or country.get("alpha_3")
        out.append({"name": name, "country": country, "org": _first(p.get("org", person.get("org"))),
                    "role": p.get("role", person.get("role"))})
    return out


# ------------------------------------------------------------------ tallies
@dataclass
class Tally:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, slot: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp[slot] += tp
        self.fp[slot] += fp
        self.fn[slot] += fn

    def merge(self, other: "Tally") -> None:
        for slot in other.slots():
            self.add(slot, other.tp[slot], other.fp[slot], other.fn[slot])

    def slots(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def slot(self, slot: str) -> tuple[float, float, float]:
        return prf(self.tp[slot], self.fp[slot], self.fn[slot])

    def overall(self) -> tuple[float, float, float]:
        return prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ------------------------------------------------------------------ matching
def _alternatives(pred_values: list[str], gold: list[str], org_names: Iterable[str] = ()) -> bool:
    def norm(s: str) -> str:
        s = " " + re.sub(r"^(the )", "", fold(s)) + " "
        for o in org_names:
            if fold(o):
                s = s.replace(" " + fold(o) + " ", " ")
        return " ".join(w for w in s.split() if w not in STOP)

    golds = {norm(g) for g in gold if norm(g)}
    for v in pred_values:
        nv = norm(v)
        if nv and (nv in golds or any(f" {g} " in f" {nv} " for g in golds)):
            return True
    return False


def _date_ok(pred: str | None, gold: str | None) -> bool:
    return bool(pred and gold and str(pred).startswith(gold))


def _same_affiliation(gold: dict, pred: dict, org_groups: list[set[str]]) -> bool:
    if gold.get("country"):
        return str(pred.get("country") or "").upper() == gold["country"]
    names = {fold(x) for x in texts(gold.get("org"))}
    said = fold(str(pred.get("org") or ""))
    if not names or not said or pred.get("country"):
        return False
    return said in names or any(said in group and names & group for group in org_groups)


def _similarity(g: dict, p: dict) -> float:
    gp = [x["name"] for x in g.get("participants", [])]
    pp = [x["name"] for x in _participants(p)]
    shared = sum(1 for a in gp if any(same_person(a, b) for b in pp))
    chair = bool(g.get("chair") and _first(p.get("chair")) and same_person(g["chair"], _first(p["chair"])))
    date = _date_ok(_first(p.get("date")), g.get("date"))
    org = bool(g.get("org")) and _alternatives(texts(p.get("org")), g["org"])
    place = bool(g.get("location")) and _alternatives(texts(p.get("location")), g["location"])
    kind = fold(str(p.get("kind") or "")) == g.get("kind")
    undated = not g.get("date") and not _first(p.get("date"))
    if not (shared or chair or (date and (org or place or kind)) or (undated and org and (place or kind))):
        return 0.0
    return shared + 2 * chair + 2 * date + org + place + kind


@dataclass
class Finding:
    """A value scored wrong, missing or extra, for `--verbose`."""

    what: str
    detail: str


def _slot(t: Tally, slot: str, gold: bool, pred: bool, ok: bool) -> None:
    if gold and pred:
        t.add(slot, tp=1) if ok else t.add(slot, fp=1, fn=1)
    elif gold:
        t.add(slot, fn=1)
    elif pred:
        t.add(slot, fp=1)


def _set(t: Tally, slot: str, gold: list, pred: list, same) -> tuple[list, list]:
    used: set[int] = set()
    missing = []
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and same(g, p)), None)
        if hit is None:
            t.add(slot, fn=1)
            missing.append(g)
        else:
            used.add(hit)
            t.add(slot, tp=1)
    t.add(slot, fp=len(pred) - len(used))
    return missing, [p for i, p in enumerate(pred) if i not in used]


def _evidence(value) -> str:
    ev = (value or {}).get("evidence") if isinstance(value, dict) else None
    if ev:
        return f' at [{ev[0]["start"]}:{ev[0]["end"]}] "{ev[0]["text"]}"'
    return ""


def _score_meeting(t: Tally, g: dict | None, p: dict | None, org_groups: list[set[str]],
                   findings: list[Finding]) -> None:
    g, p = g or {}, p or {}
    org_alts = g.get("org") or []
    checks = (
        ("meeting.kind", bool(g), bool(p.get("kind")), fold(str(p.get("kind") or "")) == g.get("kind"),
         g.get("kind"), p.get("kind"), None),
        ("meeting.org", bool(org_alts), bool(texts(p.get("org"))), _alternatives(texts(p.get("org")), org_alts),
         org_alts, _first(p.get("org")), p.get("org")),
        ("meeting.body", bool(g.get("body")), bool(texts(p.get("body"))),
         _alternatives(texts(p.get("body")), g.get("body") or [], org_alts), g.get("body"), _first(p.get("body")),
         p.get("body")),
        ("meeting.date", bool(g.get("date")), bool(_first(p.get("date"))),
         _date_ok(_first(p.get("date")), g.get("date")), g.get("date"), _first(p.get("date")),
         {"evidence": p.get("date_evidence")} if p.get("date_evidence") else None),
        ("meeting.location", bool(g.get("location")), bool(texts(p.get("location"))),
         _alternatives(texts(p.get("location")), g.get("location") or []), g.get("location"),
         _first(p.get("location")), p.get("location")),
        ("meeting.chair", bool(g.get("chair")), bool(_first(p.get("chair"))),
         bool(g.get("chair") and _first(p.get("chair")) and same_person(g["chair"], _first(p.get("chair")))),
         g.get("chair"), _first(p.get("chair")), None),
    )
    for slot, has_gold, has_pred, ok, gold_value, pred_value, where in checks:
        _slot(t, slot, has_gold, has_pred, ok)
        if (has_gold or has_pred) and not (has_gold and has_pred and ok) and g and p:
            findings.append(Finding(f"wrong {slot}", f"predicted {pred_value!r}{_evidence(where)}, gold {gold_value!r}"))
    gparts, pparts = g.get("participants") or [], _participants(p) if p else []
    missing, extra = _set(t, "participant.name", gparts, pparts, lambda a, b: same_person(a["name"], b["name"]))
    _set(t, "participant.affiliation", gparts, pparts,
         lambda a, b: same_person(a["name"], b["name"]) and _same_affiliation(a, b, org_groups))
    _set(t, "participant.role", gparts, pparts,
         lambda a, b: same_person(a["name"], b["name"]) and a.get("role") == b.get("role"))
    if g and p:
        for a in missing:
            findings.append(Finding("missing participant", f"{a['name']} ({a.get('country') or a.get('org')}, {a.get('role')})"))
        for b in extra:
            findings.append(Finding("extra participant", f"{b['name']} ({b.get('country') or b.get('org')}, {b.get('role')})"))
        for a in gparts:
            b = next((b for b in pparts if same_person(a["name"], b["name"])), None)
            if b and (a.get("role") != b.get("role") or not _same_affiliation(a, b, org_groups)):
                findings.append(Finding("wrong participant", f"{a['name']}: predicted {b.get('country') or b.get('org')}, "
                                        f"{b.get('role')}; gold {a.get('country') or a.get('org')}, {a.get('role')}"))

    def adopted_same(a: dict, b: dict) -> bool:
        kinds = {"program": "programme"}
        ka = kinds.get(a.get("kind"), a.get("kind"))
        kb = kinds.get(fold(str(b.get("kind") or "")), fold(str(b.get("kind") or "")))
        wa = _content_words(a.get("subject", ""))
        wb = _content_words(_first(b.get("subject")) or _first(b.get("title")) or "")
        return ka == kb and bool(wa) and bool(wb) and 2 * len(wa & wb) / (len(wa) + len(wb)) >= 0.5

    if "formats" in g or p.get("formats"):
        _set(t, "meeting.formats", [_format(x) for x in g.get("formats") or []],
             sorted({_format(x) for x in texts(p.get("formats"))}), lambda a, b: a == b)
    padopted = [x for x in (p.get("adopted") or []) if isinstance(x, dict)]
    missing, extra = _set(t, "meeting.adopted", g.get("adopted") or [], padopted, adopted_same)
    if g and p:
        findings += [Finding("missing adopted", f"{a['kind']}: {a['subject']}") for a in missing]
        findings += [Finding("extra adopted", f"{b.get('kind')}: {_first(b.get('subject'))}{_evidence(b)}") for b in extra]


def _meeting_line(m: dict) -> str:
    ev = m.get("evidence") or []
    where = f' at [{ev[0]["start"]}:{ev[0]["end"]}] "{ev[0]["text"]}"' if ev and isinstance(ev[0], dict) else ""
    return f"{m.get('kind')} {_first(m.get('date')) or ''}{where}".strip()


def score_document(gold: dict, pred: dict, topics: Counter) -> tuple[Tally, list[Finding]]:
    t, findings = Tally(), []
    for slot, key, dkey, exact in (("doc.source", "source", "source", False),
                                   ("doc.published", "published", "date", True),
                                   ("doc.dateline_place", "dateline_place", "place", False)):
        pv, gv = _doc_field(pred, key, dkey), gold.get(key)
        ok = bool(pv and gv) and (_date_ok(pv, gv) if exact else _alternatives([pv], [gv]))
        _slot(t, slot, bool(gv), bool(pv), ok)
        if (gv or pv) and not ok:
            findings.append(Finding(f"wrong {slot}", f"predicted {pv!r}, gold {gv!r}"))
    golds = list(gold.get("meetings") or [])
    preds = [m for m in (pred.get("meetings") or []) if isinstance(m, dict)]
    org_groups = [{fold(x) for x in g.get("org") or []} for g in golds]
    org_groups += [{fold(x) for x in texts(p.get("org"))} for g in golds for p in g.get("participants") or []]
    pairs = sorted(((_similarity(g, p), i, j) for i, g in enumerate(golds) for j, p in enumerate(preds)), reverse=True)
    gused, pused = set(), set()
    for sim, i, j in pairs:
        if sim <= 0 or i in gused or j in pused:
            continue
        gused.add(i)
        pused.add(j)
        _score_meeting(t, golds[i], preds[j], org_groups, findings)
    for i, g in enumerate(golds):
        if i not in gused:
            _score_meeting(t, g, None, org_groups, findings)
            findings.append(Finding("missing meeting", f"{g.get('kind')} {g.get('date') or ''} "
                                    f"{[x['name'] for x in g.get('participants') or []]}"))
    for j, p in enumerate(preds):
        if j not in pused:
            _score_meeting(t, None, p, org_groups, findings)
            findings.append(Finding("extra meeting", _meeting_line(p)))
    said = [fold(x) for x in texts(pred.get("topics"))]
    subjects = [fold(x) for m in preds for a in (m.get("adopted") or []) if isinstance(a, dict)
                for x in texts(a.get("subject"))]
    keys = [[fold(k) for k in kw] for kw in gold.get("topics") or []]
    for kw in keys:
        topics["found" if any(all(k in s for k in kw) for s in said + subjects) else "missed"] += 1
    for s in said:
        topics["supported" if any(all(k in s for k in kw) for kw in keys) else "unsupported"] += 1
    return t, findings


@dataclass
class Report:
    tally: Tally = field(default_factory=Tally)
    topics: Counter = field(default_factory=Counter)
    documents: dict[str, float] = field(default_factory=dict)
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def topic_prf(self) -> tuple[float, float, float]:
        said = self.topics["supported"] + self.topics["unsupported"]
        p = self.topics["supported"] / said if said else 0.0
        r = self.topics["found"] / max(1, self.topics["found"] + self.topics["missed"])
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_json(self) -> dict:
        out: dict = {s: dict(zip(("p", "r", "f1"), self.tally.slot(s))) for s in self.tally.slots()}
        out["overall"] = dict(zip(("p", "r", "f1"), self.tally.overall()))
        out["topics"] = dict(zip(("p", "r", "f1"), self.topic_prf()))
        out["missing"] = self.missing
        out["documents"] = self.documents
        return out

    def table(self, verbose: bool = False) -> str:
        lines = [f"{'slot':28} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn"]
        for s in self.tally.slots():
            p, r, f = self.tally.slot(s)
            lines.append(f"{s:28} {p:6.3f} {r:6.3f} {f:6.3f} {self.tally.tp[s]:4} {self.tally.fp[s]:3} {self.tally.fn[s]:3}")
        if verbose:
            lines.append("")
            for name, f in self.documents.items():
                lines.append(f"  {f:5.3f}  {name}")
                lines += [f"      {x.what}: {x.detail}" for x in self.findings.get(name, [])]
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


def score_records(pairs: Iterable[tuple[str, dict, dict | None]]) -> Report:
    """Score (name, gold, prediction) triples; a prediction of None is missing."""
    report = Report()
    for name, gold, pred in pairs:
        if pred is None:
            report.missing.append(name)
            pred = {}
        tally, findings = score_document(gold, pred, report.topics)
        report.tally.merge(tally)
        report.documents[name] = tally.overall()[2]
        report.findings[name] = findings
    return report


class GoldError(Exception):
    """A gold record that cannot be read; the message is one line."""


def evaluate_dir(folder: Path) -> Report:
    """Extract every NAME.txt of `folder` and score it against NAME.gold.json."""
    from .inputs import BadInput, read_report
    from .pipeline import extract

    def triples():
        for gold_path in sorted(Path(folder).glob("*.gold.json")):
            name = gold_path.name[: -len(".gold.json")]
            try:
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise GoldError(f"{gold_path}: not a readable gold record ({exc})") from None
            try:
                report = read_report(gold_path.with_name(name + ".txt"))
                pred = extract(report.text, doc_id=name).model_dump(mode="json")
            except BadInput:
                pred = None
            yield name, gold, pred

    return score_records(triples())
