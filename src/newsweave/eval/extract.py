"""Article body extraction (the clean stage) on the Zyte article-extraction benchmark.

PATH is the benchmark folder: ``html/<id>.html.gz`` and ``ground-truth.json``
(``{id: {"articleBody", "url"}}``). Each page's extracted body is compared with the
gold body as a bag of words (precision, recall, F1 of word counts, averaged over
pages), for newsweave (trafilatura + newsweave's cleaner), trafilatura alone, and a
baseline that keeps every visible text of the page.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import trafilatura

from ..clean import clean_article
from ..errors import UserError
from ..ingest import html as html_input
from ..ingest.common import IngestError
from ..model import Article
from ..text_features import words


def add_arguments(parser) -> None:
    parser.add_argument("path", metavar="PATH", help="the benchmark folder (html/ and ground-truth.json)")
    parser.add_argument("--limit", type=int, default=None, help="evaluate the first N pages only")


def load_benchmark(folder: Path, limit: int | None = None) -> list[tuple[str, bytes, str]]:
    truth_path = folder / "ground-truth.json"
    if not truth_path.is_file() or not (folder / "html").is_dir():
        raise UserError(f"{folder} is not the extraction benchmark (expected html/ and ground-truth.json)")
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UserError(f"cannot read {truth_path}: {exc}") from None
    pages = []
    for page_id in sorted(truth)[:limit]:
        page = folder / "html" / f"{page_id}.html.gz"
        if page.is_file():
            pages.append((page_id, gzip.decompress(page.read_bytes()), truth[page_id].get("articleBody") or ""))
    if not pages:
        raise UserError(f"no pages found under {folder / 'html'}")
    return pages


def bag_scores(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = Counter(words(predicted)), Counter(words(gold))
    common = sum((p & g).values())
    precision = common / sum(p.values()) if p else 0.0
    recall = common / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def newsweave_body(html: bytes, page_id: str) -> str:
    try:
        (article,), _ = html_input.read(html, page_id, page_id)
    except IngestError:
        return ""
    clean_article(article, find_title=False)
    return article.text


def trafilatura_body(html: bytes, _page_id: str) -> str:
    return trafilatura.extract(html) or ""


def all_text_body(html: bytes, _page_id: str) -> str:
    return trafilatura.html2txt(html) or ""


SYSTEMS = {"newsweave": newsweave_body, "trafilatura": trafilatura_body, "all_text": all_text_body}


def run(args) -> dict:
    pages = load_benchmark(Path(args.path), args.limit)
    systems = {}
    for name, extract in SYSTEMS.items():
        scores = [bag_scores(extract(html, page_id), gold) for page_id, html, gold in pages]
        systems[name] = {
            "body_precision": sum(s[0] for s in scores) / len(scores),
            "body_recall": sum(s[1] for s in scores) / len(scores),
            "body_f1": sum(s[2] for s in scores) / len(scores),
        }
    return {"task": "extract", "dataset": str(args.path), "items": len(pages), "systems": systems}
