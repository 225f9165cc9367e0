"""Readers for the third-party evaluation datasets (read in place, never copied).

Each reader takes the path a user names on the command line and returns plain records;
a missing or malformed path raises ``UserError`` with a message saying what was expected.

- ``read_multinews(csv_path)``: Multi-News clusters (raw scraped documents + human summary).
- ``read_neus(source_path)``: NeuS/AllSides clusters (title + lead per outlet; summary from
  the ``.target`` file beside the ``.source``).
- ``read_allsides_crawl(jsonl_path)``: the raw AllSides crawl (2021) beside NeuS: full
  article bodies with outlet, link and, where the link carries one, a publication date.
- ``read_wikiref(folder)``: WikiRef220 documents with their topic label.
- ``read_semeval_pairs(csv_path)``: SemEval-2022 Task 8 official train pairs with text.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError

csv.field_size_limit(2**31 - 1)


@dataclass
class Cluster:
    """One gold story: its documents (raw text strings) and its human summary."""

    documents: list[str]
    summary: str
    titles: list[str | None] = field(default_factory=list)  # one per document where known
    published: list[str | None] = field(default_factory=list)  # ISO dates, one per document where known
    sources: list[str | None] = field(default_factory=list)  # outlets, one per document where known


@dataclass
class LabelledDocument:
    name: str
    text: str
    label: str  # the gold story/topic; noise documents get a label of their own


@dataclass
class Pair:
    pair_id: str
    lang1: str
    lang2: str
    text1: str
    text2: str
    overall: float  # 1 (same story) .. 4 (unrelated)


def _existing_file(path: str | Path, what: str) -> Path:
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path} is not a file; expected {what}")
    return path


def read_multinews(path: str | Path) -> list[Cluster]:
    """Multi-News CSV (columns ``documents``, ``summary``; documents is a Python list literal)."""
    path = _existing_file(path, "a Multi-News CSV file with columns documents, summary")
    clusters = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"documents", "summary"} <= set(reader.fieldnames):
            raise UserError(f"{path}: expected a Multi-News CSV with columns documents, summary")
        for line, row in enumerate(reader, 2):
            documents = _multinews_documents(row["documents"])
            if documents is None:
                raise UserError(f"{path}: row {line}: the documents column is not a list of texts")
            clusters.append(Cluster(documents=documents, summary=(row["summary"] or "").strip().lstrip("– ").strip(),
                                    titles=[None] * len(documents)))
    return clusters


def _multinews_documents(cell: str) -> list[str] | None:
    cell = (cell or "").strip()
    if cell.startswith("["):
        try:
            value = ast.literal_eval(cell)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [v for v in value if v.strip()]
        return None
    # The original Multi-News release separates documents with "|||||".
    return [d.strip() for d in cell.split("|||||") if d.strip()]


_NEUS_ARTICLE = re.compile(r"^\s*TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<body>.*)$", re.S)


def read_neus(source_path: str | Path) -> list[Cluster]:
    """NeuS ``.source`` (one story a line, articles joined by `` [SEP] ``) and ``.target`` beside it."""
    source = _existing_file(source_path, "a NeuS .source file (with its .target beside it)")
    target = source.with_suffix(".target")
    if not target.is_file():
        raise UserError(f"{source}: the summaries file {target.name} is missing beside it")
    sources = source.read_text(encoding="utf-8").splitlines()
    targets = target.read_text(encoding="utf-8").splitlines()
    if len(sources) != len(targets):
        raise UserError(f"{source}: {len(sources)} stories but {len(targets)} summaries in {target.name}")
    clusters = []
    for line, (story, summary) in enumerate(zip(sources, targets), 1):
        documents, titles = [], []
        for part in story.split(" [SEP] "):
            match = _NEUS_ARTICLE.match(part)
            if not match:
                if part.strip():
                    raise UserError(f"{source}: line {line}: expected 'TITLE=> ... ARTICLE=> ...'")
                continue
            title, body = match["title"].strip(), match["body"].strip()
            titles.append(title or None)
            documents.append(f"{title}\n\n{body}" if title else body)
        clusters.append(Cluster(documents=documents, summary=summary.strip(), titles=titles))
    return clusters


# A date in the article's own link (".../2021/10/18/..."): the publication date where the site
# files by date. The crawl's story date is not used: it is the same for every member of a gold
# story, so it would hand the clusterer the answer.
_LINK_DATE = re.compile(r"/(20\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)")


def read_allsides_crawl(path: str | Path) -> list[Cluster]:
    """The raw AllSides crawl (JSON lines): one story a line, its left/center/right articles
    with outlet, title, body (a list of paragraphs) and link; the summary is the roundup."""
    path = _existing_file(path, "the AllSides crawl (JSON lines with 'news' per story)")
    clusters = []
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                story = json.loads(line)
                news = story["news"]
            except (ValueError, KeyError, TypeError):
                raise UserError(f"{path}: line {line_number}: expected a JSON story with a 'news' field") from None
            cluster = Cluster(documents=[], summary=" ".join(story.get("roundup") or []).strip())
            for side in sorted(news):
                item = news[side] or {}
                body = _paragraphs(item.get("newBody") or item.get("newsBody") or "")
                if not body:
                    continue
                title = (item.get("newsTitle") or "").strip() or None
                cluster.documents.append(f"{title}\n\n{body}" if title else body)
                cluster.titles.append(title)
                cluster.published.append(_link_date(item.get("newsLink") or ""))
                cluster.sources.append(item.get("newsSource"))
            if cluster.documents:
                clusters.append(cluster)
    return clusters


def _paragraphs(cell) -> str:
    # The crawl stores a body as a list of paragraphs, or as the text of a Python list of them.
    if isinstance(cell, list):
        return "\n\n".join(str(p).strip() for p in cell if str(p).strip())
    cell = str(cell).strip()
    if cell.startswith("["):
        try:
            value = ast.literal_eval(cell)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            value = None
        if isinstance(value, list):
            return "\n\n".join(str(p).strip() for p in value if str(p).strip())
    return cell


def _link_date(link: str) -> str | None:
    match = _LINK_DATE.search(link)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


_WIKIREF_NAME = re.compile(r"^(?P<label>.+?)(?:\s*\(\d+\)|\.\d+)?\.txt$")
WIKIREF_NOISE_MAX_DOCS = 5  # the dataset's convention: topics with this many documents or fewer are noise


def read_wikiref(folder: str | Path) -> list[LabelledDocument]:
    """WikiRef220: one ``.txt`` per article, topic = file-name prefix; noise topics become singletons."""
    folder = Path(folder)
    if folder.is_dir() and (folder / "WikiRef220").is_dir():
        folder = folder / "WikiRef220"
    if not folder.is_dir():
        raise UserError(f"{folder} is not a folder; expected the WikiRef220 folder of .txt files")
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise UserError(f"{folder}: no .txt files found; expected the WikiRef220 folder")
    labelled = []
    for file in files:
        match = _WIKIREF_NAME.match(file.name)
        label = match["label"] if match else file.stem
        labelled.append(LabelledDocument(file.name, file.read_text(encoding="utf-8", errors="replace"), label))
    sizes: dict[str, int] = {}
    for doc in labelled:
        sizes[doc.label] = sizes.get(doc.label, 0) + 1
    for doc in labelled:
        if sizes[doc.label] <= WIKIREF_NOISE_MAX_DOCS:
            doc.label = f"noise:{doc.name}"
    return labelled


SEMEVAL_OFFICIAL_LABELS = "official_train_labels_train_data.csv"


def read_semeval_pairs(path: str | Path) -> list[Pair]:
    """SemEval-2022 Task 8 pairs with text, restricted to the official train pairs.

    ``path`` is the CSV with texts (``hfl_training_set_with_text.csv``); the official label
    file must lie beside it: rows whose ``pair_id`` it does not list are extra pairs a team
    added and are left out.
    """
    path = _existing_file(path, "the SemEval-2022 Task 8 CSV with texts (pair_id, text1, text2, Overall)")
    official_file = path.parent / SEMEVAL_OFFICIAL_LABELS
    if not official_file.is_file():
        raise UserError(f"{path}: the official label file {SEMEVAL_OFFICIAL_LABELS} is missing beside it")
    with official_file.open(encoding="utf-8", newline="") as handle:
        official = {row["pair_id"] for row in csv.DictReader(handle) if row.get("pair_id")}
    pairs, seen = [], set()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        needed = {"pair_id", "text1", "text2", "Overall"}
        if not reader.fieldnames or not needed <= set(reader.fieldnames):
            raise UserError(f"{path}: expected columns {', '.join(sorted(needed))}")
        for row in reader:
            pair_id = row["pair_id"]
            if pair_id not in official or pair_id in seen:
                continue
            try:
                overall = float(row["Overall"])
            except (TypeError, ValueError):
                continue
            if not (row["text1"] or "").strip() or not (row["text2"] or "").strip():
                continue
            seen.add(pair_id)
            pairs.append(Pair(pair_id, row.get("lang1") or "", row.get("lang2") or "",
                              row["text1"], row["text2"], overall))
    return pairs
