"""Error analysis for `newsweave eval quotes`: PolNeAR relations missed and cues made up, by kind.

A gold relation is *missed* where no predicted cue overlaps its cue; a prediction is a *false
cue* where its cue overlaps no gold cue. Both are counted by the cue's words (lower-cased), and
for matched pairs the source and content disagreements are counted by what went wrong
(no source, a longer or shorter span, another span). Use it on train or dev, never on test.

    nice -n 5 .venv/bin/python bench/quote_errors.py ../shared/data/polnear/dev [--backend rules] [--show 20] [--shapes]

``--shapes`` sorts the missed cues by where they lie. PolNeAR dev: 304 in no candidate shape
('became interested in', 'presumably', 'was nominated', a dash before a name under a quotation),
276 in a shape the cue table could take, 27 in a line the spaCy path does not parse.
"""

from __future__ import annotations

import argparse
from collections import Counter

from newsweave.attribution import candidates, find_attributions, spacy_path
from newsweave.eval.polnear import read_split
from newsweave.eval.quotes import _joined, _overlaps


def _words(text: str, spans) -> str:
    return " ".join(text[s:e] for s, e in spans).lower().replace("\n", " ")


def _how(predicted, gold) -> str:
    if not predicted and gold:
        return "none predicted"
    if predicted and not gold:
        return "gold has none"
    p_lo, p_hi, g_lo, g_hi = predicted[0][0], predicted[-1][1], gold[0][0], gold[-1][1]
    if p_lo <= g_lo and g_hi <= p_hi:
        return "too long"
    if g_lo <= p_lo and p_hi <= g_hi:
        return "too short"
    if p_lo < g_hi and g_lo < p_hi:
        return "shifted"
    return "elsewhere"


def _where(text: str, doc, cue) -> str:
    """Where a missed gold cue lies: in a line the spaCy path does not parse (no cue word or
    quotation mark), on a word in one of ``candidates``' shapes (the table or a better-informed
    choice could take it), or in no shape at all (no rule of ours reads such a word)."""
    parsed = spacy_path._mask_paragraphs_without_cues(text)  # what the spaCy path parses
    if all(not parsed[s:e].strip() for s, e in cue):
        return "in a line not parsed"
    words = [t for t in doc if any(s <= t.idx < e for s, e in cue)]
    if any(candidates.kind_of(t) is not None for t in words):
        return "in a candidate shape"
    return "in no candidate shape"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--backend", default="auto")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--show", type=int, default=25, help="how many of each list to print")
    parser.add_argument("--examples", type=int, default=0, help="print this many example sentences per list")
    parser.add_argument("--shapes", action="store_true",
                        help="also sort the missed cues by where they lie (spaCy: parses each text in full once more)")
    args = parser.parse_args()
    nlp = spacy_path.load_model() if args.shapes else None
    missed, false_cues, source_errors, content_errors = Counter(), Counter(), Counter(), Counter()
    missed_where: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for document in read_split(args.path, limit=args.limit, start=args.start):
        text = document.text
        predicted = find_attributions(text, backend=args.backend)
        doc = nlp(text) if nlp is not None else None
        for gold in document.attributions:
            hits = [p for p in predicted if _overlaps([p.cue], gold.cue)]
            cue = _words(text, gold.cue)
            if not hits:
                missed[cue] += 1
                if doc is not None:
                    missed_where[_where(text, doc, gold.cue)] += 1
                examples.setdefault(f"missed {cue}", []).append(
                    text[max(0, gold.cue[0][0] - 120):gold.cue[-1][1] + 120].replace("\n", " / "))
                continue
            p = hits[0]
            p_source = (p.source,) if p.source else ()
            if p_source != gold.source:
                how = _how(p_source, gold.source)
                source_errors[how] += 1
                examples.setdefault(f"source {how}", []).append(
                    f"{cue!r}: ours {_words(text, p_source)!r} gold {_words(text, gold.source)!r}")
            p_content = _joined(sorted(p.content), text)
            if p_content != gold.content:
                how = _how(p_content, gold.content)
                content_errors[how] += 1
                examples.setdefault(f"content {how}", []).append(
                    f"{cue!r}: ours {_words(text, p_content)[:150]!r} | gold {_words(text, gold.content)[:150]!r}")
        for p in predicted:
            if not any(_overlaps([p.cue], gold.cue) for gold in document.attributions):
                cue = text[p.cue[0]:p.cue[1]].lower()
                false_cues[cue] += 1
                examples.setdefault(f"false {cue}", []).append(
                    text[max(0, p.cue[0] - 120):p.cue[1] + 120].replace("\n", " / "))
    if nlp is not None:
        print("== missed gold cues by where they lie:", ", ".join(f"{n} {where}" for where, n in missed_where.most_common()))
    for title, counter in (("missed gold cues", missed), ("false cues", false_cues),
                           ("source errors (cue matched)", source_errors),
                           ("content errors (cue matched)", content_errors)):
        print(f"== {title}: {sum(counter.values())}")
        for key, count in counter.most_common(args.show or None):
            print(f"{count:5d}  {key}")
            prefix = {"missed gold cues": "missed ", "false cues": "false "}.get(title)
            label = f"{prefix}{key}" if prefix else f"{title.split()[0]} {key}"
            for example in examples.get(label, [])[: args.examples]:
                print(f"         {example}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
