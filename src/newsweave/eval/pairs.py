"""Story similarity on article pairs: SemEval-2022 Task 8 (official train pairs with text).

PATH is the CSV with texts (``hfl_training_set_with_text.csv``), with the official label
file beside it. Each pair's similarity is newsweave's story similarity (the measure story
clustering uses, document frequencies counted over all texts of the run); the score is the
Pearson correlation with the gold Overall rating turned into a sameness (4 - Overall, so
higher means more the same story). The baseline is plain TF-IDF cosine. The winning
system reached about 0.82 on the multilingual test set (a different split).
"""

from __future__ import annotations

import argparse

import numpy as np
from scipy.stats import pearsonr
from sklearn.feature_extraction.text import TfidfVectorizer

from .. import cluster
from ..errors import UserError
from ..model import Article
from .datasets import read_semeval_pairs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="SemEval-2022 Task 8 CSV with texts (official labels beside it)")
    parser.add_argument("--languages", default="all", metavar="LANG",
                        help="'all' (default), or a pair like 'en-en' to keep only those pairs")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="use only the first N pairs")


def _pearson(predicted: list[float], gold: list[float]) -> float | None:
    if len(predicted) < 3 or np.std(predicted) == 0 or np.std(gold) == 0:
        return None
    return float(pearsonr(predicted, gold)[0])


def run(args: argparse.Namespace) -> dict:
    pairs = read_semeval_pairs(args.path)
    if args.languages != "all":
        pairs = [p for p in pairs if f"{p.lang1}-{p.lang2}" == args.languages]
    pairs = pairs[: args.limit]
    if not pairs:
        raise UserError(f"{args.path}: no official pairs with text for languages {args.languages}")
    texts = [t for p in pairs for t in (p.text1, p.text2)]
    articles = [Article(id=str(i), path=args.path, text=t) for i, t in enumerate(texts)]
    features = cluster.article_features(articles)
    ours = [cluster.pair_similarity(features[2 * i], features[2 * i + 1]) for i in range(len(pairs))]
    vectors = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    baseline = [float(vectors[2 * i].multiply(vectors[2 * i + 1]).sum()) for i in range(len(pairs))]
    sameness = [4.0 - p.overall for p in pairs]
    english = sum(1 for p in pairs if p.lang1 == p.lang2 == "en")
    return {
        "task": "pairs",
        "dataset": f"semeval2022-task8:{args.languages}",
        "items": len(pairs),
        "systems": {"newsweave": {"pearson": _pearson(ours, sameness)},
                    "tfidf-cosine": {"pearson": _pearson(baseline, sameness)}},
        "notes": [f"{english} of {len(pairs)} pairs are English-English; the rest mix other languages",
                  "pearson against 4 - Overall (higher = more the same story)"],
    }
