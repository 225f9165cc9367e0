"""Attribution speed: articles/s on the rule path and with spaCy, in one run.

Reads PolNeAR dev texts (../shared/data/polnear/dev) as articles, or the seeds where it is
absent, and prints articles/s for sentence segmentation (the cheap stage every article
goes through, as the yardstick), attribution on the rule path, and attribution with the
spaCy parse, with each as a ratio to segmentation. Rates are per second of this process's
CPU time (``time.process_time``), so other jobs on a shared machine do not skew them.

    .venv/bin/python bench/bench_attribution.py [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsweave import segment
from newsweave.attribution import extract_quotes, spacy_path
from newsweave.model import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"


def load_articles(limit: int) -> list[Article]:
    folder = SHARED / "data" / "polnear" / "dev" / "text"
    paths = sorted(folder.glob("*.txt"))[:limit] if folder.is_dir() else sorted((SHARED / "seeds").glob("*.txt"))
    return [Article(id=p.stem, path=str(p), text=p.read_text(encoding="utf-8", errors="replace")) for p in paths]


def rate(articles: list[Article], work) -> float:
    start = time.process_time()
    for article in articles:
        work(article)
    return len(articles) / (time.process_time() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args()
    articles = load_articles(args.limit)
    if not articles:
        print(f"no texts found under {SHARED}; nothing to measure")
        return 1
    words = sum(len(a.text.split()) for a in articles)
    segmenting = rate(articles, segment.segment_article)
    rules = rate(articles, lambda a: extract_quotes(a, backend="rules"))
    print(f"{len(articles)} articles, {words / len(articles):.0f} words each on average")
    print(f"segmentation         {segmenting:8.1f} articles/s  (yardstick)")
    print(f"attribution, rules   {rules:8.1f} articles/s  ({segmenting / rules:.1f}x segmentation time)")
    if spacy_path.load_model() is None:
        print("attribution, spaCy   skipped: no English pipeline installed")
        return 0
    extract_quotes(articles[0], backend="spacy")  # load the pipeline outside the timing
    parsed = rate(articles, lambda a: extract_quotes(a, backend="spacy"))
    print(f"attribution, spaCy   {parsed:8.1f} articles/s  ({segmenting / parsed:.1f}x segmentation time, "
          f"{rules / parsed:.1f}x the rule path)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
