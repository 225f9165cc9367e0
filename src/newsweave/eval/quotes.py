"""`newsweave eval quotes PATH`: attribution spans against PolNeAR's gold, citron-style.

Metrics follow the tables of BBC citron (Newell et al.): *exact* counts a predicted
relation as right when its cue overlaps a gold cue and its source (or content) spans
are exactly the gold ones; *overlap* measures shared tokens: precision is the share of
predicted tokens that lie in the best-matching gold relation's span, recall the share
of gold tokens covered by the best-matching prediction. Source figures leave out gold
relations that have no source. The baseline is what textacy-like tools do: quotations
only, each given the nearest speech verb and the name or pronoun beside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..attribution import find_attributions
from ..attribution.records import Attribution, quoted_spans
from ..errors import UserError
from ..segment import sentence_spans
from .polnear import Document, GoldAttribution, MultiAnnotated, read_annotators, read_split

_TOKEN = re.compile(r"\w+|[^\w\s]")
ROLES = ("source", "cue", "content")


def add_arguments(parser) -> None:
    parser.add_argument("path", help="a PolNeAR split folder holding text/ and attributions/ (e.g. ../shared/data/polnear/dev)")
    parser.add_argument("--limit", type=int, default=None, help="evaluate only the first N documents")
    parser.add_argument("--start", type=int, default=0, help="skip the first N documents (e.g. a train slice)")
    parser.add_argument("--backend", choices=("auto", "spacy", "rules"), default="auto",
                        help="attribution backend for newsweave (auto: spaCy when installed)")
    parser.add_argument("--agreement", action="store_true",
                        help="score only the texts several annotators marked, against each annotator, beside "
                             "the annotators against each other: the ceiling the annotation allows")


# --- baseline -----------------------------------------------------------------

_BASELINE_VERB = re.compile(r"\b(said|says|told|added|asked|wrote|explained|noted)\b")
_BASELINE_SPEAKER = re.compile(r"(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*|he|she|they|He|She|They)")


def baseline_attributions(text: str) -> list[Attribution]:
    """Quotations with the nearest speech verb in their sentence and the name beside it."""
    found = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        verbs = list(_BASELINE_VERB.finditer(sentence))
        if not verbs:
            continue
        for q_start, q_end in quoted_spans(text, start, end):
            if q_end - q_start < 15:
                continue
            verb = min(verbs, key=lambda v: min(abs(start + v.start() - q_end), abs(start + v.end() - q_start)))
            cue = (start + verb.start(), start + verb.end())
            before = list(_BASELINE_SPEAKER.finditer(sentence[: verb.start()].rstrip()))
            after = _BASELINE_SPEAKER.match(sentence, verb.end() + 1)
            source = None
            if before and before[-1].end() >= len(sentence[: verb.start()].rstrip()):
                source = (start + before[-1].start(), start + before[-1].end())
            elif after is not None:
                source = (start + after.start(), start + after.end())
            found.append(Attribution("direct", cue, source, [(q_start, q_end)]))
    return found


# --- metrics ------------------------------------------------------------------

def _spans(relation, role: str, text: str = "") -> tuple[tuple[int, int], ...]:
    value = getattr(relation, role)
    if value is None:
        return ()
    if role == "cue" and isinstance(relation, Attribution):
        return (value,)
    if role == "source" and isinstance(relation, Attribution):
        return (value,)
    if isinstance(relation, Attribution) and role == "content":
        return _joined(sorted(value), text)
    return tuple(value)


def _joined(parts: list[tuple[int, int]], text: str = "") -> tuple[tuple[int, int], ...]:
    """Content parts that only a sentence break separates are one span, as gold spans are; a
    line break ends a span (no gold span runs over one)."""
    out: list[tuple[int, int]] = []
    for start, end in parts:
        if out and start - out[-1][1] <= 3 and "\n" not in text[out[-1][1]:start]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return tuple(out)


def _overlaps(a, b) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


class _Tokens:
    def __init__(self, text: str):
        self.starts = [m.start() for m in _TOKEN.finditer(text)]

    def of(self, spans) -> set[int]:
        out: set[int] = set()
        for start, end in spans:
            out.update(range(bisect_left(self.starts, start), bisect_left(self.starts, end)))
        return out


class Counts:
    def __init__(self):
        self.exact = {role: [0, 0, 0] for role in ROLES}  # tp, fp, fn
        self.overlap = {role: [0, 0, 0, 0] for role in ROLES}  # hit_p, len_p, hit_g, len_g

    def add(self, text: str, predicted: list[Attribution], gold: list[GoldAttribution]) -> None:
        tokens = _Tokens(text)
        for role in ROLES:
            preds = [p for p in predicted if _spans(p, role)]
            golds = [g for g in gold if _spans(g, role)]

            def same(p, g) -> bool:
                if role == "cue":
                    return _spans(p, "cue") == _spans(g, "cue")
                return _overlaps(_spans(p, "cue"), _spans(g, "cue")) and _spans(p, role, text) == _spans(g, role)

            counts = self.exact[role]
            counts[0] += sum(1 for p in preds if any(same(p, g) for g in golds))
            counts[1] += sum(1 for p in preds if not any(same(p, g) for g in golds))
            counts[2] += sum(1 for g in golds if not any(same(p, g) for p in preds))
            pred_tokens = [tokens.of(_spans(p, role, text)) for p in preds]
            gold_tokens = [tokens.of(_spans(g, role)) for g in golds]
            overlap = self.overlap[role]
            for mine in pred_tokens:
                overlap[0] += max((len(mine & theirs) for theirs in gold_tokens), default=0)
                overlap[1] += len(mine)
            for theirs in gold_tokens:
                overlap[2] += max((len(mine & theirs) for mine in pred_tokens), default=0)
                overlap[3] += len(theirs)

    def scores(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for role in ROLES:
            tp, fp, fn = self.exact[role]
            out.update(_prf(f"{role}_exact", tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0))
            hit_p, len_p, hit_g, len_g = self.overlap[role]
            out.update(_prf(f"{role}_overlap", hit_p / len_p if len_p else 0.0, hit_g / len_g if len_g else 0.0))
        return out


def _prf(prefix: str, precision: float, recall: float) -> dict[str, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f"{prefix}_precision": precision, f"{prefix}_recall": recall, f"{prefix}_f1": f1}


def evaluate(documents: list[Document], backend: str = "auto") -> dict[str, dict[str, float]]:
    ours, baseline = Counts(), Counts()
    for document in documents:
        ours.add(document.text, find_attributions(document.text, backend=backend), document.attributions)
        baseline.add(document.text, baseline_attributions(document.text), document.attributions)
    return {"newsweave": ours.scores(), "quotes-only baseline": baseline.scores()}


def _same_relation(a: GoldAttribution, b: GoldAttribution) -> bool:
    return _overlaps(a.cue, b.cue) and tuple(a.source) == tuple(b.source)


def majority_relations(others: list[list[GoldAttribution]]) -> list[GoldAttribution]:
    """The relations (cue and source) that more than half of ``others`` marked, each once,
    as the first annotator that marked it wrote it."""
    chosen: list[GoldAttribution] = []
    for relations in others:
        for relation in relations:
            votes = sum(any(_same_relation(relation, theirs) for theirs in marked) for marked in others)
            if 2 * votes > len(others) and not any(_same_relation(relation, kept) for kept in chosen):
                chosen.append(relation)
    return chosen


def agreement(texts: list[MultiAnnotated], backend: str = "auto") -> dict[str, dict[str, float]]:
    """Each system scored against every annotator of the texts several annotators marked:
    newsweave and the baseline; each annotator against each other one; and the relations
    most of the other annotators agree on, which is what a system that learned their
    shared convention perfectly would find."""
    counts = {name: Counts() for name in ("newsweave", "quotes-only baseline", "annotator vs annotator",
                                           "majority of the other annotators")}
    for shared in texts:
        ours, baseline = find_attributions(shared.text, backend=backend), baseline_attributions(shared.text)
        for annotator, gold in shared.by_annotator.items():
            others = [relations for other, relations in shared.by_annotator.items() if other != annotator]
            counts["newsweave"].add(shared.text, ours, gold)
            counts["quotes-only baseline"].add(shared.text, baseline, gold)
            for relations in others:
                counts["annotator vs annotator"].add(shared.text, relations, gold)
            counts["majority of the other annotators"].add(shared.text, majority_relations(others), gold)
    return {name: count.scores() for name, count in counts.items()}


def _run_agreement(args, backend: str) -> dict:
    from ..attribution import backend_name

    texts = read_annotators(args.path)
    if not texts:
        raise UserError(f"{args.path} holds no text that several annotators marked")
    return {
        "task": "quotes",
        "dataset": f"PolNeAR {args.path}, the texts several annotators marked",
        "items": len(texts),
        "systems": agreement(texts, backend),
        "notes": [
            f"newsweave backend: {backend_name(backend)}",
            f"{sum(len(t.by_annotator) for t in texts)} annotations of {len(texts)} texts; every system is scored "
            "against each annotator in turn",
            "annotator vs annotator: each annotation as the prediction for each other one; majority: the relations "
            "(cue and source) more than half of the other annotators marked",
        ],
    }


def run(args) -> dict:
    if getattr(args, "agreement", False):
        return _run_agreement(args, getattr(args, "backend", "auto"))
    documents = read_split(args.path, limit=args.limit, start=getattr(args, "start", 0))
    backend = getattr(args, "backend", "auto")
    systems = evaluate(documents, backend)
    from ..attribution import backend_name

    return {
        "task": "quotes",
        "dataset": f"PolNeAR {args.path}" + (f" from document {args.start}" if getattr(args, "start", 0) else ""),
        "items": len(documents),
        "systems": systems,
        "notes": [
            f"newsweave backend: {backend_name(backend)}",
            "exact: cue overlaps gold and spans identical (citron); overlap: token overlap with best-matching relation",
            f"{sum(len(d.attributions) for d in documents)} gold relations; source metrics skip relations without a source",
        ],
    }
