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

``--mixes N`` instead scores incremental mode alone over N shuffled orders (seeds 0..N-1; seed 0
is the order ``eval cluster`` uses) at each join bar (``--joins``), both ways of counting document
frequencies, with the mean and each mix: one order says little (a retuning of the join bar that
gained on seed 0 was luck). It also counts, per order, the gold stories incremental mode splits
and how often two pieces of one were both candidates of a later article that joined one of them:
the only moment merging stories on arrival could join them. NeuS val, seed 0: 136 extra pieces,
and 172 of the pieces of split stories are single articles (often the last report of a
3-article event: no later article can bring it back); 28 pairs of one event met that way
against 2,526 pairs of different events.
Story merging built on it (average linkage between the two stories, with crowding, and at least
0.6 of their own cohesion) measured, B-cubed F1 on the articles, mean of 5 mixes, frequencies
counted first / on arrival:
Multi-News 90.05 / 89.69 -> 90.31 / 89.97, NeuS 83.36 / 82.09 -> 83.44 / 82.05, but the AllSides
crawl 78.36 / 77.50 -> 78.22 / 77.43 (dates ignored 74.10 / 72.22 -> 73.32 / 71.42). Merging
only where one of the two is a lone article: Multi-News 90.18 / 89.79, NeuS 83.52 / 82.14, crawl
78.31 / 77.51 (dates ignored 73.79 / 71.79). Neither is kept: the dev gains are a tenth or two
of a point and the held-out crawl does not follow.

``--alternatives`` scores other representations of the same articles the same way: stemmed
content words, the title counted once more, LSA (truncated SVD of the batch's vectors) mixed in,
shared neighbours (second-order similarity) mixed in. On NeuS val none moves nearest-neighbour
accuracy past 85.3 (engine 83.9) or dense average linkage past 89.0 (engine 88.95); on the
Multi-News articles none gains more than 0.4 (92.79 -> 93.19). Also measured with throwaway
scripts over the engine's own sparse graph and linkage (B-cubed F1, all documents): a logistic
regression over a dozen pair features (the similarity split into words, names and numbers,
title and LSA cosines, ranks, crowding), cross-validated by story, NeuS 90.2 -> 90.6 and
Multi-News 88.2 -> 89.7, but trained on one set and applied to the other 90.2 and 88.7; the
spaCy pipeline's token vectors (``doc.tensor``, averaged) have a nearest-neighbour accuracy
of 17% on NeuS and lower every mix. The words of two reports are the limit, not the linkage.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.metrics import roc_auc_score

from newsweave import clean, cluster, nonarticle, story_features
from newsweave.eval import cluster as eval_cluster
from newsweave.eval.metrics import bcubed
from newsweave.paraphrase import stem
from newsweave.story_features import TermStatistics, article_terms, vectorise

BATCH_JOINS = (0.02, 0.03, 0.04, 0.05, 0.06, 0.07)
INCREMENTAL_JOINS = (0.07, 0.09, 0.11, 0.13)


def dev_articles(path: Path, seed: int = eval_cluster.MIX_SEED) -> tuple[list, list[str]]:
    """The dataset's articles as ``eval cluster`` sees them: mixed, cleaned, non-articles out."""
    articles, gold = eval_cluster.load(path, eval_cluster.guess_format(path), None)
    articles, gold = eval_cluster.mixed(articles, gold, seed)
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


def incremental_f1(articles, gold, counted_first: bool, thresholds: cluster.StoryThresholds, terms=None) -> float:
    """B-cubed F1 of incremental mode over the articles in their order."""
    terms = terms if terms is not None else [article_terms(a) for a in articles]
    stats, index = TermStatistics(), cluster.StoryIndex(thresholds)
    if counted_first:
        for counts in terms:
            stats.add(counts)
    labels = [0] * len(articles)
    for i in cluster.time_order(articles):
        if not counted_first:
            stats.add(terms[i])
        labels[i] = index.assign(cluster.features_of(articles[i], vectorise(terms[i], stats)))
    return bcubed(gold, labels)["bcubed_f1"]


def engine_incremental(articles, gold, counted_first: bool) -> list[tuple[float, float]]:
    terms = [article_terms(a) for a in articles]
    return [(join, incremental_f1(articles, gold, counted_first,
                                  replace(cluster.DEFAULT_THRESHOLDS, incremental_join_similarity=join), terms))
            for join in INCREMENTAL_JOINS]


def split_pieces(articles, gold, terms) -> str:
    """Incremental mode (frequencies counted first, default thresholds): how many extra pieces
    the gold stories are split into, how many pieces of split stories are single articles, and how many pairs
    of stories were both candidates of an article that joined one of them (the article's
    scored candidates), of one gold story and of different ones."""
    stats, index = TermStatistics(), cluster.StoryIndex()
    for counts in terms:
        stats.add(counts)
    members: dict[int, list[int]] = {}
    met: set[tuple[int, int]] = set()
    for i in cluster.time_order(articles):
        features = cluster.features_of(articles[i], vectorise(terms[i], stats))
        scored = index.scored_stories(features)
        joined = bool(scored) and index.joins(features, scored)
        key = index.assign(features)
        members.setdefault(key, []).append(i)
        if joined:
            met.update((min(key, other.key), max(key, other.key)) for _, other in scored[1:] if other.key != key)
    story_gold = {key: Counter(gold[i] for i in ids).most_common(1)[0][0] for key, ids in members.items()}
    pieces = Counter(story_gold.values())
    single = sum(len(members[key]) == 1 for key, g in story_gold.items() if pieces[g] > 1)
    same = sum(story_gold[a] == story_gold[b] for a, b in met)
    return (f"{sum(n - 1 for n in pieces.values())} extra pieces ({single} pieces of split stories are single "
            f"articles); story pairs met by "
            f"a joining article: {same} of one gold story, {len(met) - same} of different ones")


def mixes_sweep(path: Path, mixes: int, joins: list[float], ignore_dates: bool) -> None:
    """Incremental B-cubed F1 (articles only) at each join bar, mean over ``mixes`` orders."""
    figures: dict[tuple[bool, float], list[float]] = {}
    print(f"{path.name}: incremental mode over {mixes} mixes" + (" (dates ignored)" if ignore_dates else ""))
    for seed in range(mixes):
        articles, gold = dev_articles(path, seed)
        if ignore_dates:
            for article in articles:
                article.published = None
        terms = [article_terms(a) for a in articles]
        print(f"  mix {seed}: {split_pieces(articles, gold, terms)}")
        for counted_first in (True, False):
            for join in joins:
                thresholds = replace(cluster.DEFAULT_THRESHOLDS, incremental_join_similarity=join)
                figures.setdefault((counted_first, join), []).append(
                    incremental_f1(articles, gold, counted_first, thresholds, terms))
    print("  B-cubed F1 (articles only) by join bar, mean [each mix]:")
    for (counted_first, join), f1s in figures.items():
        way = "counted first" if counted_first else "on arrival   "
        each = " ".join(f"{100 * f:.2f}" for f in f1s)
        print(f"  frequencies {way}  join {join:.3f}: {100 * sum(f1s) / len(f1s):.2f}  [{each}]")


def features_with(articles, change) -> list[cluster.ArticleFeatures]:
    """The engine's features with ``story_features`` changed by ``change`` (a context manager)."""
    with change():
        return cluster.article_features(articles)


@contextmanager
def stemmed_words():
    """Content words cut to a light stem (paraphrase.stem: supports/supported -> support)."""
    plain = story_features._content_words
    story_features._content_words = lambda text: [stem(w) for w in plain(text)]
    try:
        yield
    finally:
        story_features._content_words = plain


@contextmanager
def title_once_more():
    """The title's terms counted a third time (the lead already counts twice)."""
    plain = story_features.article_terms

    def terms(article):
        counts = plain(article)
        if article.title:
            t = article.title
            counts.update(story_features._content_words(t) + story_features._names(t) + story_features._numbers(t))
        return counts
    story_features.article_terms = cluster.article_terms = terms
    try:
        yield
    finally:
        story_features.article_terms = cluster.article_terms = plain


def term_matrix(features: list[cluster.ArticleFeatures]):
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows, columns, weights = [], [], []
    for i, f in enumerate(features):
        for term, weight in f.vector.items():
            rows.append(i)
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
            weights.append(weight)
    return csr_matrix((weights, (rows, columns)), shape=(len(features), len(vocabulary)))


def latent_mix(features, matrix: np.ndarray, dimensions: int = 200, share: float = 0.3) -> np.ndarray:
    """LSA: the similarity mixed with the cosine of the vectors in a truncated SVD of the batch."""
    from sklearn.decomposition import TruncatedSVD

    reduced = TruncatedSVD(dimensions, random_state=0).fit_transform(term_matrix(features))
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True) + 1e-12
    return (1 - share) * matrix + share * reduced @ reduced.T


def second_order_mix(matrix: np.ndarray, neighbours: int = 10, share: float = 0.3) -> np.ndarray:
    """The similarity mixed with the cosine of two articles' rows of their ``neighbours`` best
    similarities (shared neighbours: two reports of one event resemble the same others)."""
    rows = matrix.copy()
    np.fill_diagonal(rows, 0.0)
    np.put_along_axis(rows, np.argsort(-rows, axis=1)[:, neighbours:], 0.0, axis=1)
    np.fill_diagonal(rows, 1.0)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return (1 - share) * matrix + share * rows @ rows.T


def alternatives(articles, gold, features, matrix) -> None:
    """Other representations of the same articles, judged the same way (all pairs)."""
    t = cluster.DEFAULT_THRESHOLDS
    tried = {
        "engine similarity": matrix,
        "stemmed words": similarity_matrix(features_with(articles, stemmed_words), t),
        "title once more": similarity_matrix(features_with(articles, title_once_more), t),
        "LSA 200 mix 0.3": latent_mix(features, matrix),
        "second order mix 0.3": second_order_mix(matrix),
    }
    for name, scores in tried.items():
        pairs = pair_figures(scores, gold)
        f1, _ = dense_average_linkage(less_crowding(scores, t.crowding_neighbours, t.crowding_share), gold)
        print(f"  {name:22s} pair AUC {100 * pairs['auc']:.2f}  NN accuracy {100 * pairs['nn_accuracy']:.2f}  "
              f"dense average linkage less crowding B-cubed F1 {100 * f1:.2f}")


def sweep(figures: list[tuple[float, float]]) -> str:
    return "  ".join(f"{join:.2f}: {100 * f1:.2f}" for join, f1 in figures)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a dataset path as for `newsweave eval cluster`")
    parser.add_argument("--mixes", type=int, default=0, metavar="N",
                        help="score incremental mode alone over N shuffled orders")
    parser.add_argument("--joins", type=float, nargs="+", default=[cluster.DEFAULT_THRESHOLDS.incremental_join_similarity],
                        metavar="BAR", help="with --mixes: incremental join bars to score (default: the engine's)")
    parser.add_argument("--ignore-dates", action="store_true", help="with --mixes: articles without their dates")
    parser.add_argument("--alternatives", action="store_true",
                        help="score other representations of the articles the same way instead")
    args = parser.parse_args(argv)
    if not args.path.exists():
        sys.exit(f"{args.path} does not exist (the dev sets live in ../shared/data)")
    if args.mixes:
        mixes_sweep(args.path, args.mixes, args.joins, args.ignore_dates)
        return
    articles, gold = dev_articles(args.path)
    t = cluster.DEFAULT_THRESHOLDS
    features = cluster.article_features(articles)
    matrix = similarity_matrix(features, t)
    print(f"{args.path.name}: {len(articles)} articles, {len(set(gold))} stories")
    if args.alternatives:
        alternatives(articles, gold, features, matrix)
        return
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
