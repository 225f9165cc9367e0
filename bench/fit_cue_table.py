"""Count, on PolNeAR train, how often each word in each candidate shape is a cue; write cue_table.py.

For every token of every train text the spaCy path does not already read as a cue, and that
lies in no gold content (PolNeAR never nests relations, so a word there is never marked),
``attribution.candidates.kind_of`` gives its shape; the token counts as *marked* where it
overlaps a gold cue. Words seen at least twice and marked at least once are written to
src/newsweave/attribution/cue_table.py as (marked, seen) per shape, with the thresholds given
here. Only the train split is read; run it again after changing the candidate shapes:

    nice -n 5 .venv/bin/python bench/fit_cue_table.py ../shared/data/polnear/train [--cache /tmp/train.spacy]

Tried in place of the table (throwaway script, not kept): a logistic regression over the same
candidates with the word and its shape plus the context (the subject's kind: a pronoun for a
person, a named entity, a noun; the token's dependency and tag; negation, modal, particle; the
object's lemma and kind; a quotation in the sentence), trained on all of train. On dev's
candidates it keeps more cues at the same precision (113 right and 79 wrong at 0.5, 82 and 41
at 0.6, against the table's 58 and 44), but through the whole spaCy path PolNeAR dev moves
from 75.9/80.3/69.5/55.8/85.2 to 76.1/80.6/69.4/55.8/85.2 at best: most missed cues lie in no
candidate shape (``bench/quote_errors.py --shapes``), so the table stays.

Also tried (throwaway script, not kept): a cue tagger trained from scratch on train, spaCy's
NER model over its own hash-embedding CNN (width 64, depth 4; token attributes NORM, PREFIX,
SUFFIX, SHAPE, TAG, DEP from the parse; 759,257 words, about 70 s an epoch on 2 cores). Its
cue spans on dev plateau at F1 0.70 (P 0.75-0.84, R 0.58-0.66) from the second epoch, no better
than the lists and the table. Taking the candidates it tags besides the table's, or in its
place, moved PolNeAR dev from 75.9/80.3/69.5/55.8/85.2 to 76.0-76.3/80.2-80.8/69.3-70.1/
55.1-55.7/84.9-85.4: not worth a 3.5 MB model in the package. Most of what the path misses
the tagger misses too (of the 606 relations with a source the path misses on dev, at least 450 hold no
tagged word).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from newsweave.attribution import candidates, spacy_path
from newsweave.eval.polnear import read_split

TABLE = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "attribution" / "cue_table.py"
# the least share of marked uses (candidates.share) a shape's word needs to count as a cue:
# set to 0.4 (0.5 for a verb with an object, the noisiest shape) before looking at dev; on
# PolNeAR dev 0.3 or 0.6 for every shape measured no better (source exact / source overlap /
# cue exact / content exact / content overlap F1: 73.5/79.1/68.0/52.6/82.9 and
# 73.5/79.2/68.5/53.0/82.7 against 73.6/79.2/68.5/53.0/82.9, before layouts.py). A noun with a
# preposition's object ("criticism of X"), added later, takes 0.6: on dev 0.5 / 0.6 / 0.7 gave
# 75.7/80.2/69.3/55.2/84.9, 75.7/80.2/69.5/55.2/84.9, 75.9/80.2/69.9/55.4/84.8; a verb with a
# preposition's object ("voted against X") takes the same, not tuned further
MIN_SHARE = {"verb+clause": 0.4, "adjective+clause": 0.4, "noun+clause": 0.4, "verb+object": 0.5, "noun+object": 0.6, "verb+preposition": 0.6}
MIN_SEEN = {"verb+clause": 3, "adjective+clause": 3, "noun+clause": 3, "verb+object": 4, "noun+object": 4, "verb+preposition": 4}


def parsed(documents, nlp, cache: str | None):
    from spacy.tokens import DocBin

    if cache and Path(cache).exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((d.text for d in documents), batch_size=16))
    if cache:
        DocBin(docs=docs, attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "SENT_START"]).to_disk(cache)
    return docs


def count(documents, docs) -> dict[str, dict[str, list[int]]]:
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for document, doc in zip(documents, docs):
        text = document.text
        cues = [span for gold in document.attributions for span in gold.cue]
        contents = [span for gold in document.attributions for span in gold.content]
        for sentence in doc.sents:
            bounds = (sentence.start_char, sentence.end_char)
            for token in sentence:
                kind = candidates.kind_of(token)
                if kind is None:
                    continue
                at, end = token.idx, token.idx + len(token.text)
                marked = any(s < end and at < e for s, e in cues)
                if not marked and any(s <= at < e for s, e in contents):
                    continue
                if spacy_path.reads_as_cue(token, sentence, bounds, text, doc):
                    continue
                entry = counts[kind][candidates.key_of(token, kind, spacy_path.lemma_of(token))]
                entry[0] += marked
                entry[1] += 1
    return counts


def write(counts, source: str) -> None:
    lines = [
        '"""How often PolNeAR train marks a word in each candidate shape as a cue: (marked, seen).',
        "",
        f"Counted by bench/fit_cue_table.py on {source} (every text of the train split; no dev or",
        "test text); regenerate with that script. Only words the spaCy path's hand lists do not",
        "already read as cues are counted, only those seen twice and marked once are kept, and no",
        "sentence of the corpus is stored: a word, its shape and two counts.",
        '"""',
        "",
        f"MIN_SHARE = {MIN_SHARE!r}",
        f"MIN_SEEN = {MIN_SEEN!r}",
        "",
        "CUE_COUNTS: dict[str, dict[str, tuple[int, int]]] = {",
    ]
    for kind in sorted(counts):
        kept = sorted((lemma, tuple(c)) for lemma, c in counts[kind].items() if c[1] >= 2 and c[0] >= 1 and lemma.replace(" ", "").isalpha())
        lines.append(f"    {kind!r}: {{")
        for lemma, (marked, seen) in kept:
            lines.append(f"        {lemma!r}: ({marked}, {seen}),")
        lines.append("    },")
    lines.append("}")
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="the PolNeAR train split folder")
    parser.add_argument("--cache", default=None, help="keep the parse in this DocBin file between runs")
    args = parser.parse_args()
    if "train" not in Path(args.path).resolve().name:
        parser.error("count on the train split only (dev and test stay unseen)")
    nlp = spacy_path.load_model()
    documents = read_split(args.path)
    counts = count(documents, parsed(documents, nlp, args.cache))
    write(counts, "PolNeAR train")
    for kind in sorted(counts):
        kept = [lemma for lemma in counts[kind] if candidates.share(kind, lemma, counts) >= MIN_SHARE[kind]]
        print(f"{kind}: {len(counts[kind])} words seen, {len(kept)} counted as cues")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
