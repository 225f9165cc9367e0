"""How good is the article-to-article story similarity itself? All-pairs checks on a dev set.

    .venv/bin/python bench/story_similarity_oracle.py ../shared/data/neus-allsides/val.source

``newsweave eval cluster`` scores the whole engine (sparse candidate search, crowding, linkage,
thresholds). This script looks at the similarity underneath, on the same mixed and cleaned
articles (non-articles left out), so that an idea for the similarity can be judged before it
is wired into the engine:

- over all pairs: ROC AUC of the similarity against gold same-story pairs, the best pairwise
  F1 of any single cut, and nearest-neighbour accuracy (an article's most similar other
  article is in its story);
- dense average linkage over all pairs at its best threshold (an oracle setting), with and
  without crowding taken off as the engine does in batch mode;
- the engine itself on these articles (B-cubed F1 over the articles only): batch over a sweep
  of ``join_similarity``, and incremental over a sweep of ``incremental_join_similarity``
  twice: with document frequencies counted over all the articles first (as ``eval cluster
  --mode incremental`` and one ``ingest`` call do) and counted as the articles arrive (one
  article per ingest call). The second matters for any feature built on document
  frequencies: leaving out the terms only one article has so far (which no other article can
  share) scored +0.7 / +0.4 incremental on NeuS / Multi-News the first way and -8.8 / -4.8 the
  second, as a new event's rare name is dropped from the first article that reports it.

Costs O(n^2) memory and time: meant for the dev sets (about 1,000 articles), not for corpora.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.metrics import roc_auc_score

from newsweave import clean, cluster, nonarticle
from newsweave.eval import cluster as eval_cluster
from newsweave.eval.metrics import bcubed
from newsweave.story_features import TermStatistics, article_terms, vectorise

BATCH_JOINS = (0.02, 0.03, 0.04, 0.05, 0.06, 0.07)
INCREMENTAL_JOINS = (0.07, 0.09, 0.11, 0.13)


def dev_articles(path: Path) -> tuple[list, list[str]]:
    """The dataset's articles as ``eval cluster`` sees them: mixed, cleaned, non-articles out."""
    articles, gold = eval_cluster.load(path, eval_cluster.guess_format(path), None)
    articles, gold = eval_cluster.mixed(articles, gold)
    clean.clean_articles(articles)
    nonarticle.mark_non_articles(articles)
    kept = [i for i, a in enumerate(articles) if a.is_article and a.text.strip()]
    return [articles[i] for i in kept], [gold[i] for i in kept]


def similarity_matrix(features: list[cluster.ArticleFeatures], thresholds: cluster.StoryThresholds) -> np.ndarray:
    """``cluster.pair_similarity`` for every pair (symmetric: no dates on the dev sets, and the
    people test is symmetric)."""
    n = len(features)
    matrix = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            matrix[i, j] = matrix[j, i] = cluster.pair_similarity(features[i], features[j], thresholds)
    return matrix


def less_crowding(matrix: np.ndarray, neighbours: int, share: float) -> np.ndarray:
    """Each pair's similarity less a share of the two articles' mean similarity to their
    ``neighbours`` most similar articles (the engine's crowding, over all pairs here)."""
    others = matrix.copy()
    np.fill_diagonal(others, -np.inf)
    crowding = np.sort(others, axis=1)[:, -neighbours:].mean(axis=1)
    return matrix - share * (crowding[:, None] + crowding[None, :]) / 2


def pair_figures(matrix: np.ndarray, gold: list[str]) -> dict[str, float]:
    labels = np.array(gold)
    same = labels[:, None] == labels[None, :]
    upper = np.triu_indices(len(labels), 1)
    truth, scores = same[upper], matrix[upper]
    ranked = truth[np.argsort(-scores, kind="stable")]
    hits = np.cumsum(ranked)
    best_f1 = float(np.max(2 * hits / (np.arange(1, len(ranked) + 1) + truth.sum())))
    others = matrix.copy()
    np.fill_diagonal(others, -np.inf)
    nearest = others.argmax(axis=1)
    has_partner = same.sum(axis=1) > 1
    nn_accuracy = float((labels[nearest] == labels)[has_partner].mean())
    return {"auc": float(roc_auc_score(truth, scores)), "best_pair_f1": best_f1, "nn_accuracy": nn_accuracy}


def dense_average_linkage(matrix: np.ndarray, gold: list[str]) -> tuple[float, float]:
    """B-cubed F1 of all-pairs average linkage at its best threshold, and that threshold."""
    top = float(matrix.max())
    distances = np.clip(top - matrix, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    best = (0.0, 0.0)
    for cut in np.quantile(tree[:, 2], np.linspace(0.3, 1.0, 141)):
        f1 = bcubed(gold, fcluster(tree, t=cut, criterion="distance"))["bcubed_f1"]
        best = max(best, (f1, top - float(cut)))
    return best


def engine_batch(articles, features, gold) -> list[tuple[float, float]]:
    edges = cluster.neighbour_graph(features, cluster.time_order(articles), cluster.DEFAULT_THRESHOLDS)
    return [(join, bcubed(gold, cluster.average_linkage(len(articles), edges, join))["bcubed_f1"])
            for join in BATCH_JOINS]


def engine_incremental(articles, gold, counted_first: bool) -> list[tuple[float, float]]:
    terms = [article_terms(a) for a in articles]
    figures = []
    for join in INCREMENTAL_JOINS:
        stats, index = TermStatistics(), cluster.StoryIndex(replace(cluster.DEFAULT_THRESHOLDS, incremental_join_similarity=join))
        if counted_first:
            for counts in terms:
                stats.add(counts)
        labels = [0] * len(articles)
        for i in cluster.time_order(articles):
            if not counted_first:
                stats.add(terms[i])
            labels[i] = index.assign(cluster.features_of(articles[i], vectorise(terms[i], stats)))
        figures.append((join, bcubed(gold, labels)["bcubed_f1"]))
    return figures


def sweep(figures: list[tuple[float, float]]) -> str:
    return "  ".join(f"{join:.2f}: {100 * f1:.2f}" for join, f1 in figures)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a dataset path as for `newsweave eval cluster`")
    args = parser.parse_args(argv)
    if not args.path.exists():
        sys.exit(f"{args.path} does not exist (the dev sets live in ../shared/data)")
    articles, gold = dev_articles(args.path)
    t = cluster.DEFAULT_THRESHOLDS
    features = cluster.article_features(articles)
    matrix = similarity_matrix(features, t)
    print(f"{args.path.name}: {len(articles)} articles, {len(set(gold))} stories")
    for name, scores in (("similarity", matrix), ("less crowding", less_crowding(matrix, t.crowding_neighbours, t.crowding_share))):
        pairs = pair_figures(scores, gold)
        f1, threshold = dense_average_linkage(scores, gold)
        print(f"  {name:14s} pair AUC {100 * pairs['auc']:.2f}  best pair F1 {100 * pairs['best_pair_f1']:.2f}  "
              f"NN accuracy {100 * pairs['nn_accuracy']:.2f}  dense average linkage B-cubed F1 {100 * f1:.2f} at {threshold:.3f}")
    print(f"  engine batch, by join_similarity:                    {sweep(engine_batch(articles, features, gold))}")
    print(f"  engine incremental, frequencies counted first:       {sweep(engine_incremental(articles, gold, True))}")
    print(f"  engine incremental, frequencies counted on arrival:  {sweep(engine_incremental(articles, gold, False))}")


if __name__ == "__main__":
    main()
