"""Speed of the story stages after clustering (align -> summarize -> coverage/conflicts).

Prints seconds for one 10-article story (real Multi-News articles) next to the LexRank
baseline on the same story in the same run, and stories/s over the Multi-News validation
stories with the projected time for a 100k-article corpus of stories that size.

    .venv/bin/python bench/bench_summarize.py [--stories N] [--repeat R]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsweave import align, coverage, summarize
from newsweave.eval.baselines import lexrank
from newsweave.eval.summarize import cluster_articles, read_clusters

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "multinews" / "validation.csv"
CORPUS_ARTICLES = 100_000


def story_report(articles, words: int = 120):
    """The per-story work the pipeline does after clustering."""
    facts = align.align_facts(articles)
    summary = summarize.summarize(articles, facts, words)
    view = coverage.coverage_view(articles, facts)
    return summary, view


def best_of(repeat: int, function, *args) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(*args)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100, help="Multi-News stories to time (default 100)")
    parser.add_argument("--repeat", type=int, default=5, help="timings of the 10-article story; the best counts")
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"bench_summarize: Multi-News data not found at {DATA} (it lives beside the checkout in ../shared)")
        return 0
    _, clusters = read_clusters(str(DATA))
    stories = [cluster_articles(c, n) for n, c in enumerate(clusters[: args.stories])]
    stories = [s for s in stories if s]

    pool = [a for story in stories for a in story]
    ten = pool[:10]
    words = sum(len(a.text.split()) for a in ten)
    ours = best_of(args.repeat, story_report, ten)
    baseline = best_of(args.repeat, lexrank, ten, 120)
    print(f"10-article story ({words} words): newsweave {ours * 1000:.0f} ms, "
          f"LexRank (sumy) {baseline * 1000:.0f} ms, ratio {ours / baseline:.2f}x")

    start = time.perf_counter()
    for story in stories:
        story_report(story)
    elapsed = time.perf_counter() - start
    n_articles = sum(len(s) for s in stories)
    per_second = len(stories) / elapsed
    start = time.perf_counter()
    for story in stories:
        lexrank(story, 120)
    baseline_elapsed = time.perf_counter() - start
    projected_stories = CORPUS_ARTICLES / (n_articles / len(stories))
    print(f"{len(stories)} stories ({n_articles} articles): {per_second:.1f} stories/s "
          f"(LexRank alone {len(stories) / baseline_elapsed:.1f} stories/s, ratio {elapsed / baseline_elapsed:.2f}x); "
          f"a {CORPUS_ARTICLES:,}-article corpus of such stories ({projected_stories:,.0f} stories) "
          f"takes ~{projected_stories / per_second / 60:.0f} min on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
