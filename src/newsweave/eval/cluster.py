"""Story clustering: mix a dataset's articles, cluster them, score against the gold stories.

PATH names the data itself: a Multi-News CSV file, a NeuS ``.source`` file (``.target``
beside it), the raw AllSides crawl (``.jsonl``) or the WikiRef220 folder; ``--format``
overrides the guess from PATH. Titles, outlets and publication dates go with the articles
where the data carries them: NeuS val and Multi-News carry no dates; the AllSides crawl
dates the articles whose link does (``--ignore-dates`` measures what time adds). The
documents are mixed in a fixed shuffled order before clustering: the files list each
story's documents together, and an order that follows the gold stories would help any
method that looks at arrival order (incremental assignment, recency-capped postings). The
baseline is scikit-learn-style TF-IDF with average-linkage agglomerative clustering on
cosine distance, reported at its best single threshold on this very data (an oracle
setting that favours the baseline).

The dev sets are dense: every story has several reports, and an article's neighbours say how
close a match must be. A reader also feeds in a few articles about different things, so each
run also draws piles of articles that are each from another gold story (``PILE_SIZES``, one
article per story, ``PILE_DRAWS`` draws) and reports ``pileN_false_joins``: the share of the
pile's articles put in a story with another (0 is right), for newsweave and the baseline at
its threshold from the whole set.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from .. import clean, cluster, nonarticle
from ..errors import UserError
from ..model import Article
from .datasets import read_allsides_crawl, read_multinews, read_neus, read_wikiref
from .metrics import clustering_scores

FORMATS = ("multinews", "neus", "allsides", "wikiref")
BASELINE_THRESHOLDS = np.round(np.arange(0.30, 0.99, 0.02), 2)
MIX_SEED = 0  # the documents' shuffled order: fixed, so runs are comparable
PILE_SIZES = (10, 50)  # piles of articles that are each from another gold story
PILE_DRAWS = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH",
                        help="Multi-News CSV file, NeuS .source file, AllSides crawl .jsonl, or the WikiRef220 folder")
    parser.add_argument("--format", choices=FORMATS, help="dataset format (default: guessed from PATH)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="use only the first N gold stories (WikiRef220: first N documents)")
    parser.add_argument("--mode", choices=("batch", "incremental"), default="batch",
                        help="cluster all at once (analyze) or one article at a time (ingest --db)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the agglomerative baseline")
    parser.add_argument("--ignore-dates", action="store_true",
                        help="cluster without publication dates (to measure what time adds)")


def guess_format(path: Path) -> str:
    if path.is_dir():
        return "wikiref"
    if path.suffix in {".source", ".target"}:
        return "neus"
    if path.suffix == ".csv":
        return "multinews"
    if path.suffix == ".jsonl":
        return "allsides"
    raise UserError(f"cannot tell the dataset format of {path}; pass --format {'|'.join(FORMATS)}")


def load(path: Path, fmt: str, limit: int | None) -> tuple[list[Article], list[str]]:
    """The dataset's documents as Articles, and each one's gold story label."""
    if fmt == "wikiref":
        documents = read_wikiref(path)[:limit]
        articles = [Article(id=d.name, path=str(path / d.name), text=d.text) for d in documents]
        return articles, [d.label for d in documents]
    if fmt == "neus" and path.suffix == ".target":
        path = path.with_suffix(".source")
    reader = {"neus": read_neus, "allsides": read_allsides_crawl, "multinews": read_multinews}[fmt]
    clusters = reader(path)[:limit]
    articles, gold = [], []
    for n, story in enumerate(clusters):
        for k, text in enumerate(story.documents):
            articles.append(Article(id=f"{n}/{k}", path=str(path), text=text, title=_nth(story.titles, k),
                                    source=_nth(story.sources, k), published=_nth(story.published, k)))
            gold.append(str(n))
    return articles, gold


def _nth(values: list, k: int):
    return values[k] if k < len(values) else None


def mixed(articles: list[Article], gold: list[str], seed: int = MIX_SEED) -> tuple[list[Article], list[str]]:
    """The documents and their labels in one shuffled order (the same for the same seed)."""
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    return [articles[i] for i in order], [gold[i] for i in order]


def newsweave_labels(articles: list[Article], mode: str = "batch", ignore_dates: bool = False) -> tuple[list[str], int]:
    """Our labels: clean, set non-articles apart (each alone), cluster the rest."""
    clean.clean_articles(articles)
    if ignore_dates:
        for article in articles:
            article.published = None
    nonarticle.mark_non_articles(articles)
    kept = [a for a in articles if a.is_article and a.text.strip()]
    if mode == "incremental":
        story_of = incremental_labels(kept)
    else:
        story_of = cluster.assign_stories(kept)
    label = {id(a): f"story{key}" for a, key in zip(kept, story_of)}
    labels = [label.get(id(a), f"alone:{a.id}") for a in articles]
    return labels, sum(not a.is_article for a in articles)


def incremental_labels(articles: list[Article]) -> list[int]:
    """One article at a time into a ``StoryIndex``, as ``ingest --db`` does with one call's files
    (their document frequencies are counted first, then each is assigned in time order)."""
    from ..story_features import TermStatistics, article_terms, vectorise

    stats, index = TermStatistics(), cluster.StoryIndex()
    terms = [article_terms(a) for a in articles]
    for counts in terms:
        stats.add(counts)
    labels = [0] * len(articles)
    for i in cluster.time_order(articles):
        labels[i] = index.assign(cluster.features_of(articles[i], vectorise(terms[i], stats)))
    return labels


def _baseline_tree(texts: list[str]):
    """TF-IDF vectors of ``texts`` and their average-linkage tree over cosine distance."""
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    distances = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, 2.0)
    np.fill_diagonal(distances, 0.0)
    return linkage(squareform(distances, checks=False), method="average")


def baseline_best(texts: list[str], gold: list[str]) -> tuple[dict[str, float], float]:
    """TF-IDF + average-linkage agglomerative clustering at its best single threshold."""
    if len(texts) < 2:
        return clustering_scores(gold, list(range(len(texts)))), 0.0
    tree = _baseline_tree(texts)
    best, best_threshold = None, 0.0
    for threshold in BASELINE_THRESHOLDS:
        scores = clustering_scores(gold, fcluster(tree, t=threshold, criterion="distance").tolist())
        if best is None or scores["bcubed_f1"] > best["bcubed_f1"]:
            best, best_threshold = scores, float(threshold)
    return best, best_threshold


def pile_false_joins(stories: list[list[int]], labels_of, size: int, draws: int = PILE_DRAWS) -> float | None:
    """The share of articles joined to another in piles of ``size`` articles, one from each of
    ``size`` random gold stories (``stories``: each story's article indexes); ``labels_of``
    labels a list of indexes. None where there are fewer stories than ``size``."""
    if len(stories) < size:
        return None
    joined = 0
    for draw in range(draws):
        rng = random.Random(draw)
        pile = [rng.choice(story) for story in rng.sample(stories, size)]
        joined += sum(n - 1 for n in Counter(labels_of(pile)).values())
    return joined / (draws * size)


def baseline_labels(texts: list[str], threshold: float) -> list[int]:
    """The baseline's clusters of ``texts`` at one distance threshold."""
    if len(texts) < 2:
        return list(range(len(texts)))
    return fcluster(_baseline_tree(texts), t=threshold, criterion="distance").tolist()


def add_pile_figures(systems: dict, articles: list[Article], raw_texts: list[str], gold: list[str], mode: str,
                     baseline_threshold: float | None) -> None:
    """``pileN_false_joins`` for newsweave and (with its threshold) the baseline, over the articles
    newsweave keeps (non-articles stay alone anyway)."""
    by_story: dict[str, list[int]] = {}
    for i, article in enumerate(articles):
        if article.is_article and article.text.strip():
            by_story.setdefault(gold[i], []).append(i)
    stories = list(by_story.values())

    def ours(pile: list[int]) -> list[int]:
        chosen = [articles[i] for i in pile]
        return incremental_labels(chosen) if mode == "incremental" else cluster.assign_stories(chosen)

    for size in PILE_SIZES:
        share = pile_false_joins(stories, ours, size)
        if share is None:
            continue
        systems["newsweave"][f"pile{size}_false_joins"] = share
        if baseline_threshold is not None:
            systems["tfidf-agglomerative"][f"pile{size}_false_joins"] = pile_false_joins(
                stories, lambda pile: baseline_labels([raw_texts[i] for i in pile], baseline_threshold), size)


def run(args: argparse.Namespace) -> dict:
    path = Path(args.path)
    if not path.exists():
        raise UserError(f"{path} does not exist")
    fmt = args.format or guess_format(path)
    articles, gold = load(path, fmt, args.limit)
    if not articles:
        raise UserError(f"{path}: no documents found")
    articles, gold = mixed(articles, gold)
    raw_texts = [a.text for a in articles]
    labels, non_articles = newsweave_labels(articles, args.mode, getattr(args, "ignore_dates", False))
    systems = {"newsweave": clustering_scores(gold, labels)}
    dated = sum(bool(a.published) for a in articles)
    notes = [f"{non_articles} of {len(articles)} documents recognised as non-articles and kept alone",
             f"{dated} of {len(articles)} documents dated" + (" (dates ignored)" if getattr(args, "ignore_dates", False) else "")]
    if non_articles:
        # The gold puts a crawl notice in the story whose links it came from; newsweave keeps
        # it out of every story, as a reader would, so it is also scored on the articles alone
        # (the baseline too, at its own best threshold there).
        kept = [i for i, a in enumerate(articles) if a.is_article and a.text.strip()]
        kept_gold = [gold[i] for i in kept]
        ceiling = clustering_scores(gold, [gold[i] if a.is_article and a.text.strip() else f"alone:{i}"
                                           for i, a in enumerate(articles)])["bcubed_f1"]
        note = (f"B-cubed F1 on the {len(kept)} articles only: newsweave "
                f"{clustering_scores(kept_gold, [labels[i] for i in kept])['bcubed_f1']:.3f}")
        if not args.no_baseline:
            kept_baseline, _ = baseline_best([raw_texts[i] for i in kept], kept_gold)
            note += f", baseline {kept_baseline['bcubed_f1']:.3f} at its best threshold there"
        notes.append(f"{note}; keeping the non-articles alone caps B-cubed F1 at {ceiling:.3f} on all documents")
    threshold = None
    if not args.no_baseline:
        scores, threshold = baseline_best(raw_texts, gold)
        systems["tfidf-agglomerative"] = scores
        notes.append(f"baseline at its best distance threshold {threshold:.2f} (oracle-tuned on this data)")
    add_pile_figures(systems, articles, raw_texts, gold, args.mode, threshold)
    if any(key.startswith("pile") for key in systems["newsweave"]):
        notes.append(f"pileN_false_joins: share of articles joined to another in piles of N articles each from "
                     f"another gold story ({PILE_DRAWS} draws; 0 is right)")
    if fmt == "wikiref":
        notes.append("WikiRef220 labels are topics spanning months (many events each); newsweave groups events")
    return {"task": "cluster", "dataset": f"{fmt}:{path.name}" + (" (incremental)" if args.mode == "incremental" else ""), "items": len(articles),
            "systems": systems, "notes": notes}
