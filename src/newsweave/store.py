"""Store: the incremental mode's SQLite file (stdlib), so stories grow as articles arrive.

``ingest_paths(paths, db_path, jobs=N)`` streams files through: worker processes read, clean,
sketch and count the terms of files (``prepare``) while ``Store.add`` adds their articles
and assigns each to an existing story or a new one, without reclustering: story assignment
is ``cluster.StoryIndex`` with its stories and postings kept here (``StoredStoryIndex``);
near-duplicates are found through MinHash band keys kept here too. Candidate search is
indexed lookups, never a scan.

- Running ingest twice on the same files changes nothing: an article already stored (same
  id, same text) is skipped; the same id with another text (another folder's "a.txt", two
  feeds' record "1") is stored under an id that carries its text's digest.
- An interrupted ingest loses nothing already committed: articles are added in chunks, each
  one transaction (articles, document frequencies, stories and postings together).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import cluster, minhash, prepare
from .dedup import NEAR_DUPLICATE_JACCARD, TextSketch, sketch_text, text_digest
from .model import Article
from .story_features import TermStatistics, article_terms, vectorise

CHUNK = 500  # articles per transaction
# Articles read before they are added: their lines repeated across one outlet are learned,
# and they are put in time order, within a batch; memory follows it, not the input.
BATCH = 10_000
STEPS = prepare.Steps(sketch=True, terms=True)  # what the workers prepare of each article
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, path TEXT, source TEXT, url TEXT, title TEXT, published TEXT,
    text TEXT NOT NULL, digest BLOB NOT NULL, signature BLOB,
    story INTEGER, duplicate_of TEXT, is_article INTEGER NOT NULL, non_article_reason TEXT,
    seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS articles_digest ON articles (digest);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story);
CREATE INDEX IF NOT EXISTS articles_seq ON articles (seq);
CREATE TABLE IF NOT EXISTS bands (band INTEGER NOT NULL, article TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bands_band ON bands (band);
CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stories (
    key INTEGER PRIMARY KEY, size INTEGER NOT NULL, first_day INTEGER, last_day INTEGER,
    total TEXT NOT NULL, people TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS postings (term TEXT NOT NULL, story INTEGER NOT NULL,
    PRIMARY KEY (term, story)) WITHOUT ROWID;
"""


@dataclass
class IngestResult:
    added: int = 0
    skipped: int = 0  # already in the store
    duplicates: int = 0
    non_articles: int = 0
    new_stories: int = 0
    stories_touched: set[int] = field(default_factory=set)


class StoredStoryIndex(cluster.StoryIndex):
    """``StoryIndex`` whose stories and postings live in the SQLite file."""

    def __init__(self, connection: sqlite3.Connection, thresholds: cluster.StoryThresholds = cluster.DEFAULT_THRESHOLDS):
        super().__init__(thresholds)
        self.db = connection
        row = self.db.execute("SELECT MAX(key) FROM stories").fetchone()
        self.next_key = 0 if row[0] is None else row[0] + 1

    def story(self, key: int) -> cluster.StoryState | None:
        if key in self.stories:
            return self.stories[key]
        row = self.db.execute("SELECT size, first_day, last_day, total, people FROM stories WHERE key = ?",
                              (key,)).fetchone()
        if row is None:
            return None
        story = cluster.StoryState(key=key, total=Counter(json.loads(row[3])), size=row[0],
                                   first_day=row[1], last_day=row[2], people=Counter(json.loads(row[4])))
        self.stories[key] = story
        return story

    def posting(self, term: str) -> list[int]:
        # The most recent stories first: story keys grow with time.
        return [r[0] for r in self.db.execute(
            "SELECT story FROM postings WHERE term = ? ORDER BY story DESC LIMIT ?",
            (term, self.thresholds.posting_limit))]

    def save(self, story: cluster.StoryState, new_terms: list[str]) -> None:
        self.stories[story.key] = story
        story.profile(self.thresholds.centroid_terms)  # bounds the stored sum
        self.db.execute(
            "INSERT OR REPLACE INTO stories (key, size, first_day, last_day, total, people) VALUES (?, ?, ?, ?, ?, ?)",
            (story.key, story.size, story.first_day, story.last_day,
             json.dumps(dict(story.total)), json.dumps(dict(story.people))))
        self.db.executemany("INSERT OR IGNORE INTO postings (term, story) VALUES (?, ?)",
                            [(term, story.key) for term in new_terms])

    def forget_cache(self) -> None:
        self.stories.clear()


class Store:
    """One SQLite file of articles, stories and their indexes."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA cache_size = -65536")  # 64 MB of pages: the band and posting indexes are read at random
        self.db.executescript(_SCHEMA)
        self.db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
        self.db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('documents', '0')")
        self.db.commit()
        self.index = StoredStoryIndex(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, article_id: str) -> bool:
        return self._stored_digest(article_id) is not None

    def _stored_digest(self, article_id: str) -> bytes | None:
        row = self.db.execute("SELECT digest FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def _documents(self) -> int:
        return int(self.db.execute("SELECT value FROM meta WHERE key = 'documents'").fetchone()[0])

    def _term_statistics(self, term_counts: list[Counter]) -> TermStatistics:
        """Stored document frequencies, updated with these articles, for the terms they use."""
        needed = sorted({t for counts in term_counts for t in counts})
        stats = TermStatistics(documents=self._documents())
        for start in range(0, len(needed), 900):  # SQLite's bound-variable limit
            part = needed[start : start + 900]
            marks = ",".join("?" * len(part))
            stats.frequency.update(dict(self.db.execute(f"SELECT term, df FROM terms WHERE term IN ({marks})", part)))
        added: Counter = Counter()
        for counts in term_counts:
            added.update(counts.keys())
        stats.frequency.update(added)
        stats.documents += len(term_counts)
        self.db.executemany("INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + ?",
                            [(t, n, n) for t, n in added.items()])
        self.db.execute("UPDATE meta SET value = ? WHERE key = 'documents'", (str(stats.documents),))
        return stats

    def _find_copy(self, article: Article, digest: bytes, signature: np.ndarray | None) -> tuple[str, int | None] | None:
        """The stored article this one copies (exact or near), with its story."""
        row = self.db.execute("SELECT id, story FROM articles WHERE digest = ? AND is_article = 1 ORDER BY seq LIMIT 1",
                              (digest,)).fetchone()
        if row:
            return row[0], row[1]
        if signature is None:
            return None
        keys = minhash.band_keys(signature)
        marks = ",".join("?" * len(keys))
        candidates = {r[0] for r in self.db.execute(f"SELECT article FROM bands WHERE band IN ({marks}) LIMIT 200", keys)}
        best = None
        for other in candidates:
            stored = self.db.execute("SELECT signature, story, duplicate_of FROM articles WHERE id = ?", (other,)).fetchone()
            if stored is None or stored[0] is None:
                continue
            similarity = minhash.estimated_jaccard(signature, np.frombuffer(stored[0], dtype=np.uint32))
            if similarity >= NEAR_DUPLICATE_JACCARD and (best is None or similarity > best[0]):
                best = (similarity, stored[2] or other, stored[1])  # point at the group's canonical
        return (best[1], best[2]) if best else None

    def add(self, articles: list[Article], sketches: list[TextSketch | None] | None = None,
            terms: list[Counter | None] | None = None, result: IngestResult | None = None) -> IngestResult:
        """Add the articles not stored yet, in time order, one transaction per chunk.

        The articles are cleaned, non-articles marked. ``sketches`` and ``terms`` (aligned
        with ``articles``, as ``prepare`` makes them) spare computing them again; what is
        missing is computed here. ``result`` is added to and returned (default: a new one).
        """
        result = IngestResult() if result is None else result
        sketches = sketches if sketches is not None else [None] * len(articles)
        terms = terms if terms is not None else [None] * len(articles)
        fresh: list[_Entry] = []
        seen: dict[str, bytes] = {}  # id -> text digest of the articles kept from this call
        for article, sketch, counts in zip(articles, sketches, terms):
            if _usable(article):
                sketch = sketch or sketch_text(article.text)
                counts = counts if counts is not None else article_terms(article)
            digest = sketch.digest if sketch is not None else text_digest(article.text)
            stored = self._stored_digest(article.id) or seen.get(article.id)
            if stored is not None and stored != digest:
                # Ids are paths relative to the folder ingested: another folder's "a.txt" is
                # another article, kept under an id that carries its text's digest.
                article.id = f"{article.id}#{digest.hex()[:12]}"
                stored = self._stored_digest(article.id) or seen.get(article.id)
            if stored is not None:
                result.skipped += 1
                continue
            seen[article.id] = digest
            fresh.append(_Entry(article, digest, sketch if _usable(article) else None,
                                counts if _usable(article) else None))
        order = cluster.time_order([entry.article for entry in fresh])
        for start in range(0, len(order), CHUNK):
            chunk = [fresh[i] for i in order[start : start + CHUNK]]
            try:
                self._add_chunk(chunk, result)
                self.db.commit()
            except BaseException:
                self.db.rollback()
                self.index.forget_cache()  # cached stories may hold rolled-back members
                raise
        return result

    def _add_chunk(self, chunk: list[_Entry], result: IngestResult) -> None:
        seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
        stats = self._term_statistics([entry.terms for entry in chunk if entry.terms is not None])
        for entry in chunk:
            article = entry.article
            seq += 1
            signature, story, copy_of = None, None, None
            if entry.terms is not None:
                signature = _signature_row(entry.sketch.minhash) if entry.sketch.minhash is not None else None
                found = self._find_copy(article, entry.digest, signature)
                if found:
                    copy_of, story = found
                    result.duplicates += 1
                if story is None:
                    features = cluster.features_of(article, vectorise(entry.terms, stats))
                    known = self.index.next_key
                    story = self.index.assign(features)
                    result.new_stories += story >= known
                result.stories_touched.add(story)
            else:
                result.non_articles += 1
            article.duplicate_of = copy_of
            self.db.execute(
                "INSERT INTO articles (id, path, source, url, title, published, text, digest, signature, story,"
                " duplicate_of, is_article, non_article_reason, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, article.path, article.source, article.url, article.title, article.published,
                 article.text, entry.digest, signature.tobytes() if signature is not None else None, story, copy_of,
                 int(_usable(article)), article.non_article_reason, seq))
            if signature is not None and copy_of is None:
                self.db.executemany("INSERT INTO bands (band, article) VALUES (?, ?)",
                                    [(key, article.id) for key in minhash.band_keys(signature)])
            result.added += 1

    def stories(self) -> dict[int, list[str]]:
        """Story key -> its article ids, in the order they were added."""
        out: dict[int, list[str]] = {}
        for article_id, story in self.db.execute(
                "SELECT id, story FROM articles WHERE story IS NOT NULL ORDER BY seq"):
            out.setdefault(story, []).append(article_id)
        return out

    def counts(self) -> dict[str, int]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {"articles": one("SELECT COUNT(*) FROM articles"),
                "stories": one("SELECT COUNT(DISTINCT story) FROM articles WHERE story IS NOT NULL"),
                "duplicates": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
                "non_articles": one("SELECT COUNT(*) FROM articles WHERE is_article = 0")}


def ingest_paths(paths: list[str], db_path: str | Path, on_file=None, on_discover=None,
                 jobs: int = 1) -> tuple[IngestResult, list, dict]:
    """Read, clean and add files to the store; return what changed, input errors and store counts.

    Files stream through: ``jobs`` worker processes read, clean, sketch and count the terms
    of files (``prepare``) while this process adds them, ``BATCH`` articles at a time, so
    memory does not grow with the input. ``on_discover(n_files)`` and ``on_file(input_file)``
    report progress.
    """
    result, errors = IngestResult(), []
    with Store(db_path) as store:
        for batch in prepare.prepare_batches(list(paths), jobs, STEPS, BATCH, on_file, on_discover):
            errors.extend(batch.errors)
            store.add(batch.articles, batch.sketches, batch.terms, result)
        return result, errors, store.counts()


@dataclass
class _Entry:
    """An article on its way into the store, with what was computed of it."""

    article: Article
    digest: bytes
    sketch: TextSketch | None  # None for non-articles
    terms: Counter | None  # None for non-articles


def _usable(article: Article) -> bool:
    """Whether the article is a news article with text: deduplicated and put in a story."""
    return article.is_article and bool(article.text.strip())


def _signature_row(sketch) -> np.ndarray:
    """A MinHash sketch's hash values (rensa or datasketch) as the uint32 row stored and banded
    here: what ``minhash.signature`` gives for the same shingles."""
    return np.asarray(sketch.digest()).astype(np.uint32)
