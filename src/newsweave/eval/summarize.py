"""Multi-document summarization: ROUGE of newsweave and baselines against human summaries.

PATH is a Multi-News CSV file or a NeuS ``.source`` file (its ``.target`` beside it). Every
story's raw documents go through newsweave's own clean and segment stages; newsweave and
the baselines (Lead, LexRank, TextRank, centroid) then summarize the same sentences within
the same word budget, and ROUGE-1/2/L F1 (rouge-score, stemming on) is averaged over stories.

About 7% of Multi-News documents are not articles (web-archive crawl notices, tweet
widgets). newsweave sets them aside as its pipeline does (they never join a story); the
baselines get every document, as in published Multi-News results, unless
``--articles-only`` gives every system only the documents newsweave keeps as articles.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from .. import align, clean, nonarticle, segment, summarize
from ..errors import UserError
from ..model import Article
from .baselines import BASELINES, story_sentences
from .datasets import Cluster, read_multinews, read_neus
from .rouge import RougeAverage

# Near the mean length of each dataset's human summaries, so that ROUGE F1 weighs precision
# and recall evenly: Multi-News ~260 words over the whole dataset (the usual budget for it;
# this 250-story sample averages 229), NeuS ~75.
DEFAULT_WORDS = {"multinews": 260, "neus": 75}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="Multi-News .csv file, or NeuS .source file with .target beside it")
    parser.add_argument("--words", type=int, default=None,
                        help="summary word budget for every system (default: %s)"
                             % ", ".join(f"{k} {v}" for k, v in DEFAULT_WORDS.items()))
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N stories")
    parser.add_argument("--articles-only", action="store_true",
                        help="give the baselines too only the documents newsweave keeps as articles")


def dataset_kind(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return "multinews"
    if suffix == ".source":
        return "neus"
    raise UserError(f"{path}: expected a Multi-News .csv file or a NeuS .source file")


_NEUS_MARKERS = re.compile(r"\s*(?:TITLE|ARTICLE)=>\s*")


def read_clusters(path: str) -> tuple[str, list[Cluster]]:
    kind = dataset_kind(path)
    if kind == "multinews":
        return kind, read_multinews(path)
    clusters = read_neus(path)
    for cluster in clusters:
        # NeuS writes its summaries as "TITLE=> ... ARTICLE=> ..."; the markers are format,
        # not words of the summary
        cluster.summary = _NEUS_MARKERS.sub(" ", cluster.summary).strip()
    return kind, clusters


def cluster_articles(cluster: Cluster, story: int = 0) -> list[Article]:
    """The cluster's documents as clean, segmented articles (empty ones left out)."""
    articles = []
    for n, document in enumerate(cluster.documents):
        title = cluster.titles[n] if n < len(cluster.titles) else None
        text = document
        if title and text.startswith(title):
            text = text[len(title):].lstrip()  # the reader prepends the title to the body
        article = Article(id=f"s{story}-d{n}", path=f"story {story} document {n}", text=text, title=title)
        clean.clean_article(article, find_title=title is None)
        if article.text.strip():
            segment.segment_article(article)
            articles.append(article)
    return articles


def news_articles(articles: list[Article]) -> list[Article]:
    """The story's articles without the pages newsweave recognises as non-articles (all of
    them when every page is one, so that a story is never left without text)."""
    nonarticle.mark_non_articles(articles)
    return [a for a in articles if a.is_article] or articles


def newsweave_summary(articles: list[Article], max_words: int,
                      frequencies: summarize.ConceptFrequencies | None = None) -> list[str]:
    facts = align.align_facts(articles)
    return [s.text for s in summarize.summarize(articles, facts, max_words, frequencies=frequencies)]


def stories_to_evaluate(path: str, limit: int | None) -> tuple[str, list[Cluster]]:
    """The dataset's kind and its first ``limit`` stories (all for None); an error when none."""
    kind, clusters = read_clusters(path)
    if limit is not None:
        clusters = clusters[: max(0, limit)]
    if not clusters:
        raise UserError(f"{path}: no stories to evaluate")
    return kind, clusters


def run(args: argparse.Namespace) -> dict:
    kind, clusters = stories_to_evaluate(args.path, args.limit)
    max_words = args.words if args.words is not None else DEFAULT_WORDS[kind]
    if max_words <= 0:
        raise UserError("--words must be a positive number")
    systems = {"newsweave": RougeAverage(), **{name: RougeAverage() for name in BASELINES}}
    stories = []
    for number, cluster in enumerate(clusters):
        articles = cluster_articles(cluster, number)
        stories.append((cluster, articles, news_articles(articles)))
    set_aside = sum(len(articles) - len(kept) for _, articles, kept in stories)
    # newsweave counts its IDF over the whole input, as ``analyze`` does over the files it reads
    frequencies = summarize.ConceptFrequencies.of(a for _, _, kept in stories for a in kept)
    for cluster, articles, kept in stories:
        if args.articles_only:
            articles = kept
        sentences = story_sentences(articles)
        outputs = {"newsweave": newsweave_summary(kept, max_words, frequencies)}
        for name, baseline in BASELINES.items():
            outputs[name] = [sentences[k][2] for k in baseline(articles, max_words)]
        for name, output in outputs.items():
            # one sentence per line, as rouge-score's ROUGE-L expects no special handling
            systems[name].add(cluster.summary, "\n".join(output))
    return {
        "task": "summarize",
        "dataset": f"{kind} {args.path}",
        "items": len(clusters),
        "systems": {name: average.means() for name, average in systems.items()},
        "notes": [f"every system summarizes the same cleaned sentences within {max_words} words "
                  "(whole sentences, greedy fill); ROUGE F1 with Porter stemming",
                  "newsweave's IDF is counted over all the dataset's articles (the input it is given)",
                  f"{set_aside} documents recognised as non-articles: newsweave leaves them out; the baselines "
                  + ("do too (--articles-only)" if args.articles_only else "get them (as in published results)")],
    }
