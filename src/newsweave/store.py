"""Store: the incremental mode's SQLite file (stdlib), so stories grow as articles arrive.

``ingest_paths(paths, db_path, jobs=N)`` streams files through: worker processes read, clean,
sketch and count the terms of files (``prepare``) while ``Store.add`` adds their articles
and assigns each to an existing story or a new one, without reclustering: story assignment
is ``cluster.StoryIndex`` with its stories and postings kept here (``StoredStoryIndex``,
with a bounded cache of the hot postings); near-duplicates are found through MinHash band
keys kept here too. Candidate search is indexed lookups, never a scan. Each batch goes in
time order with its document frequencies counted first, as in the in-memory path, which
gives the same copies and stories (all of them on the 10k bench corpus; beyond, a few
articles can differ: a posting here shows its ``posting_limit`` newest stories, where the
in-memory one keeps up to twice as many between trims). Stories that end before the time
window are closed, in memory and here: they leave the postings, so a lookup reads the
stories of the window, whatever the size of the store.

- Running ingest twice on the same files changes nothing: an article already stored (same
  id, same text) is skipped; the same id with another text (another folder's "a.txt", two
  feeds' record "1") is stored under an id that carries its text's digest.
- An interrupted ingest loses nothing already committed: articles are added in chunks, each
  one transaction (articles, document frequencies, stories and postings together).
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import numpy as np

from . import cluster, minhash, prepare
from .dedup import NEAR_DUPLICATE_JACCARD, TextSketch, sketch_text, text_digest
from .errors import UserError
from .model import Article
from .story_features import TermStatistics, article_terms, vectorise

CHUNK = 2_000  # articles per transaction
# Articles read before they are added: their lines repeated across one outlet are learned,
# and they are put in time order, within a batch; memory follows it, not the input.
BATCH = 10_000
STEPS = prepare.Steps(sketch=True, terms=True)  # what the workers prepare of each article
SCHEMA_VERSION = "3"  # 2: bands by article seq, MinHash band keys by mixing, story sums as arrays; 3: filed terms
# Story keys held by the posting cache (about 40 bytes each): bounds this process's memory
# whatever the size of the store; the hot postings (the stories of the last days) fit.
POSTING_CACHE_ENTRIES = 1_000_000

# The text comes last in an article's row: SQLite reads a row's columns in order, and a
# column after a long text is reached only through the text's overflow pages (copy lookups
# read the digest, signature and story of many articles, never their text). bands.article
# is the article's seq (an integer: a smaller band index than one of ids).
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, digest BLOB NOT NULL, story INTEGER, duplicate_of TEXT,
    is_article INTEGER NOT NULL, signature BLOB, path TEXT, source TEXT, url TEXT, title TEXT, published TEXT,
    non_article_reason TEXT, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_digest ON articles (digest, is_article, seq);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story);
CREATE INDEX IF NOT EXISTS articles_seq ON articles (seq);
CREATE TABLE IF NOT EXISTS bands (band INTEGER NOT NULL, article INTEGER NOT NULL,
    PRIMARY KEY (band, article)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stories (
    key INTEGER PRIMARY KEY, size INTEGER NOT NULL, first_day INTEGER, last_day INTEGER,
    terms TEXT NOT NULL, weights BLOB NOT NULL, people TEXT NOT NULL, filed TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS stories_filed ON stories (last_day) WHERE filed != '[]';
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
    """``StoryIndex`` whose stories and postings live in the SQLite file.

    Each assigned article reads the postings of its strongest terms: a bounded cache keeps
    the hot ones (``POSTING_CACHE_ENTRIES`` story keys in all, least recently used dropped
    first), each what the stored posting gives, so the cache changes no result. Writes are
    held until ``flush`` (once per chunk, in its transaction): a story touched by several
    articles of a chunk is written once.
    """

    def __init__(self, connection: sqlite3.Connection, thresholds: cluster.StoryThresholds = cluster.DEFAULT_THRESHOLDS,
                 posting_cache_entries: int | None = None):
        super().__init__(thresholds)
        self.db = connection
        row = self.db.execute("SELECT MAX(key) FROM stories").fetchone()
        self.next_key = 0 if row[0] is None else row[0] + 1
        self.posting_cache_entries = POSTING_CACHE_ENTRIES if posting_cache_entries is None else posting_cache_entries
        self._postings: OrderedDict[str, list[int]] = OrderedDict()  # term -> stored posting, in key order
        self._cached_entries = 0  # what the cache holds, counted as its story keys plus one per term
        self._unsaved: dict[int, cluster.StoryState] = {}  # stories changed since the last flush
        self._unsaved_postings: dict[str, list[int]] = {}  # term -> stories filed under it since then
        self._closed_before: int | None = None  # stories that ended before this day are closed

    def story(self, key: int) -> cluster.StoryState | None:
        story = self.stories.get(key) or self._unsaved.get(key)
        if story is not None:
            return story
        row = self.db.execute("SELECT last_day FROM stories WHERE key = ?", (key,)).fetchone()
        if row is None or (row[0] is not None and self._closed_before is not None and row[0] < self._closed_before):
            return None  # closed: forgotten as the in-memory index forgets it, and not read again
        row = self.db.execute("SELECT size, first_day, last_day, terms, weights, people, filed FROM stories"
                              " WHERE key = ?", (key,)).fetchone()
        total = Counter(dict(zip(json.loads(row[3]), np.frombuffer(row[4], dtype=np.float64).tolist())))
        story = cluster.StoryState(key=key, total=total, size=row[0], first_day=row[1], last_day=row[2],
                                   people=Counter(json.loads(row[5])), indexed=set(json.loads(row[6])))
        self.stories[key] = story
        return story

    def evict_closed_stories(self) -> None:
        # Stories that ended before the horizon are dropped from memory (no article in time
        # order joins them again); ``story`` then leaves them out as the in-memory index does.
        super().evict_closed_stories()
        if self.latest_day is not None:
            self._closed_before = self.latest_day - self.thresholds.time_window_days - 1

    def forget_postings(self, closed: list[cluster.StoryState], horizon: int) -> None:
        # Every stored story closed by now that is still filed (this process's and those of
        # earlier ingests it never read): its postings are deleted, so a posting read holds
        # the stories of the window, not the corpus (at 600k articles, 91% of 4.95M posting
        # rows were of closed stories, and lookups slowed 2.5x).
        self.flush()  # the chunk's stories so far, in its transaction
        rows = self.db.execute("SELECT key, filed FROM stories WHERE filed != '[]' AND last_day < ?", (horizon,)).fetchall()
        if not rows:
            return
        keys_of = cluster.closed_postings((key, json.loads(filed)) for key, filed in rows)
        self.db.executemany("DELETE FROM postings WHERE term = ? AND story = ?",
                            [(term, key) for term, keys in keys_of.items() for key in keys])
        self.db.executemany("UPDATE stories SET filed = '[]' WHERE key = ?", [(key,) for key, _ in rows])
        for term, keys in keys_of.items():
            cached = self._postings.get(term)
            if cached is None:
                continue
            live = [k for k in cached if k not in keys]
            if len(live) < len(cached) == self.thresholds.posting_limit:
                del self._postings[term]  # a full posting may now show older stories: read it again
                self._cached_entries -= len(cached) + 1
            else:
                self._postings[term] = live
                self._cached_entries -= len(cached) - len(live)

    def posting(self, term: str) -> list[int]:
        # The ``posting_limit`` most recent stories (keys grow with time), oldest first as the
        # in-memory index lists them: candidates tied on votes are taken in this order.
        cached = self._postings.get(term)
        if cached is not None:
            self._postings.move_to_end(term)
            return cached
        limit = self.thresholds.posting_limit
        posting = [r[0] for r in self.db.execute(
            "SELECT story FROM postings WHERE term = ? ORDER BY story DESC LIMIT ?", (term, limit))]
        unsaved = self._unsaved_postings.get(term)
        if unsaved:
            posting = sorted(set(posting).union(unsaved), reverse=True)[:limit]
        posting.reverse()
        self._postings[term] = posting
        self._cached_entries += len(posting) + 1
        while self._cached_entries > self.posting_cache_entries and len(self._postings) > 1:
            _, dropped = self._postings.popitem(last=False)
            self._cached_entries -= len(dropped) + 1
        return posting

    def save(self, story: cluster.StoryState, new_terms: list[str]) -> None:
        self.stories[story.key] = story
        self._unsaved[story.key] = story
        story.profile(self.thresholds.centroid_terms)  # bounds the stored sum
        limit = self.thresholds.posting_limit
        for term in new_terms:
            self._unsaved_postings.setdefault(term, []).append(story.key)
            cached = self._postings.get(term)
            if cached is None:
                continue  # not cached: read when next needed, unsaved postings included
            # What the stored posting will be: its ``limit`` highest keys, in order.
            if not cached or story.key > cached[-1]:
                cached.append(story.key)  # the usual case: a new story, the newest in every posting
            else:
                at = bisect_left(cached, story.key)
                if cached[at] == story.key or (at == 0 and len(cached) >= limit):
                    continue  # filed already, or older than every story a full posting keeps
                cached.insert(at, story.key)
            self._cached_entries += 1
            if len(cached) > limit:
                del cached[0]
                self._cached_entries -= 1

    def flush(self) -> None:
        """Write the stories and postings changed since the last flush (in the caller's transaction)."""
        # A story's summed vector as its terms (JSON) and their weights (float64, exact and
        # quick to write, where JSON spells every float out).
        self.db.executemany(
            "INSERT OR REPLACE INTO stories (key, size, first_day, last_day, terms, weights, people, filed)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(s.key, s.size, s.first_day, s.last_day, json.dumps(list(s.total)),
              np.fromiter(s.total.values(), dtype=np.float64, count=len(s.total)).tobytes(), json.dumps(dict(s.people)),
              json.dumps(sorted(s.indexed))) for s in self._unsaved.values()])
        self.db.executemany("INSERT OR IGNORE INTO postings (term, story) VALUES (?, ?)",
                            [(term, key) for term, keys in self._unsaved_postings.items() for key in keys])
        self._unsaved.clear()
        self._unsaved_postings.clear()

    def forget_cache(self) -> None:
        """After a rollback: what is cached may hold what was rolled back."""
        self.stories.clear()
        self._unsaved.clear()
        self._unsaved_postings.clear()
        self._postings.clear()
        self._cached_entries = 0


class Store:
    """One SQLite file of articles, stories and their indexes."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db = sqlite3.connect(self.path)
        self._check_schema()
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA cache_size = -65536")  # 64 MB of pages: the band and posting indexes are read at random
        self.db.executescript(_SCHEMA)
        self.db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
        self.db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('documents', '0')")
        self.db.commit()
        self.index = StoredStoryIndex(self.db)

    def _check_schema(self) -> None:
        if not self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone():
            return  # a new store
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is not None and row[0] != SCHEMA_VERSION:
            self.db.close()
            raise UserError(f"{self.path} is a story store of another newsweave version (schema {row[0]}, this "
                            f"version reads {SCHEMA_VERSION}): ingest into a new --db file")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def has(self, article_id: str) -> bool:
        return self._stored_digest(article_id) is not None

    def _stored_digests(self, article_ids: list[str]) -> dict[str, bytes]:
        """The text digest of each of these articles already stored."""
        found = {}
        for start in range(0, len(article_ids), 900):  # SQLite's bound-variable limit
            part = article_ids[start : start + 900]
            marks = ",".join("?" * len(part))
            found.update(self.db.execute(f"SELECT id, digest FROM articles WHERE id IN ({marks})", part))
        return found

    def _stored_digest(self, article_id: str) -> bytes | None:
        row = self.db.execute("SELECT digest FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def _documents(self) -> int:
        return int(self.db.execute("SELECT value FROM meta WHERE key = 'documents'").fetchone()[0])

    def _term_statistics(self, term_counts: list[Counter]) -> TermStatistics:
        """Stored document frequencies plus those of these articles, for the terms they use:
        the IDF a batch is vectorised with, as the in-memory path counts it (the batch's
        articles are counted before any is assigned). Nothing is written here."""
        added = Counter(chain.from_iterable(counts.keys() for counts in term_counts))
        stats = TermStatistics(documents=self._documents() + len(term_counts), frequency=added)
        needed = list(added)
        for start in range(0, len(needed), 900):  # SQLite's bound-variable limit
            part = needed[start : start + 900]
            marks = ",".join("?" * len(part))
            for term, df in self.db.execute(f"SELECT term, df FROM terms WHERE term IN ({marks})", part):
                added[term] += df
        return stats

    def _store_term_counts(self, term_counts: list[Counter]) -> None:
        """Add these articles to the stored document frequencies (in the chunk's transaction)."""
        added = Counter(chain.from_iterable(counts.keys() for counts in term_counts))
        self.db.executemany("INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + ?",
                            [(t, n, n) for t, n in added.items()])
        self.db.execute("UPDATE meta SET value = ? WHERE key = 'documents'", (str(self._documents() + len(term_counts)),))

    def _first_with_digests(self, digests: list[bytes]) -> dict[bytes, tuple[str, int | None]]:
        """For each of these texts already stored as an article: the first stored, with its story."""
        found: dict[bytes, tuple[int, str, int | None]] = {}
        unique = list(set(digests))
        for start in range(0, len(unique), 900):  # SQLite's bound-variable limit
            part = unique[start : start + 900]
            marks = ",".join("?" * len(part))
            for digest, seq, article, story in self.db.execute(
                    f"SELECT digest, seq, id, story FROM articles WHERE digest IN ({marks}) AND is_article = 1", part):
                if digest not in found or seq < found[digest][0]:
                    found[digest] = (seq, article, story)
        return {digest: (article, story) for digest, (_, article, story) in found.items()}

    def _near_copy(self, signature: np.ndarray, keys: list[int]) -> tuple[str, int | None] | None:
        """The closest stored near copy among the articles sharing a band (``keys``; the first
        stored of the closest), as its group's canonical article and its story."""
        marks = ",".join("?" * len(keys))
        # One query: the candidates' signatures come with them, compared all at once.
        rows = self.db.execute(
            "SELECT id, signature, story, duplicate_of FROM articles WHERE signature IS NOT NULL AND seq IN"
            f" (SELECT article FROM bands WHERE band IN ({marks}) LIMIT 200) ORDER BY seq", keys).fetchall()
        if not rows:
            return None
        stored = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.uint32).reshape(len(rows), len(signature))
        similarity = (stored == signature).mean(axis=1)
        best = int(np.argmax(similarity))  # the first stored of the closest
        if similarity[best] < NEAR_DUPLICATE_JACCARD:
            return None
        other, _, story, canonical = rows[best]
        return canonical or other, story  # point at the group's canonical

    def add(self, articles: list[Article], sketches: list[TextSketch | None] | None = None,
            terms: list[Counter | None] | None = None, result: IngestResult | None = None) -> IngestResult:
        """Add the articles not stored yet, in time order, one transaction per chunk.

        The articles are cleaned, non-articles marked. ``sketches`` and ``terms`` (aligned
        with ``articles``, as ``prepare`` makes them) spare computing them again; what is
        missing is computed here. ``result`` is added to and returned (default: a new one).
        Document frequencies count all these articles before any is assigned to a story, as
        the in-memory path counts a batch.
        """
        result = IngestResult() if result is None else result
        sketches = sketches if sketches is not None else [None] * len(articles)
        terms = terms if terms is not None else [None] * len(articles)
        fresh: list[_Entry] = []
        seen: dict[str, bytes] = {}  # id -> text digest of the articles kept from this call
        stored_digests = self._stored_digests([article.id for article in articles])
        for article, sketch, counts in zip(articles, sketches, terms):
            if _usable(article):
                sketch = sketch or sketch_text(article.text)
                counts = counts if counts is not None else article_terms(article)
            digest = sketch.digest if sketch is not None else text_digest(article.text)
            stored = stored_digests.get(article.id) or seen.get(article.id)
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
        stats = self._term_statistics([entry.terms for entry in fresh if entry.terms is not None])
        for start in range(0, len(order), CHUNK):
            chunk = [fresh[i] for i in order[start : start + CHUNK]]
            try:
                self._add_chunk(chunk, stats, result)
                self.db.commit()
            except BaseException:
                self.db.rollback()
                self.index.forget_cache()  # cached stories and postings may hold what was rolled back
                raise
        return result

    def _add_chunk(self, chunk: list[_Entry], stats: TermStatistics, result: IngestResult) -> None:
        """Add one chunk (in the caller's transaction); ``stats``: its batch's document frequencies."""
        seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
        self._store_term_counts([entry.terms for entry in chunk if entry.terms is not None])
        # What is looked up per article, found for the whole chunk at once: earlier articles
        # with the same text, the signatures and their band keys.
        first_with_digest = self._first_with_digests([entry.digest for entry in chunk if entry.terms is not None])
        sketched = [i for i, entry in enumerate(chunk) if entry.terms is not None and entry.sketch.minhash is not None]
        signatures = np.array([chunk[i].sketch.minhash.digest() for i in sketched], dtype=np.int64).astype(np.uint32)
        band_keys = minhash.band_keys(signatures).tolist()
        row_of = dict(zip(sketched, range(len(sketched))))
        for i, entry in enumerate(chunk):
            article = entry.article
            seq += 1
            signature, story, copy_of, exact = None, None, None, False
            if entry.terms is not None:
                row = row_of.get(i)
                signature = signatures[row] if row is not None else None
                found = first_with_digest.get(entry.digest)
                exact = found is not None
                if found is None and signature is not None:
                    found = self._near_copy(signature, band_keys[row])
                if found:
                    copy_of, story = found
                    result.duplicates += 1
                if story is None:
                    features = cluster.features_of(article, vectorise(entry.terms, stats))
                    known = self.index.next_key
                    story = self.index.assign(features)
                    result.new_stories += story >= known
                first_with_digest.setdefault(entry.digest, (article.id, story))
                result.stories_touched.add(story)
            else:
                result.non_articles += 1
            article.duplicate_of = copy_of
            self.db.execute(
                "INSERT INTO articles (id, seq, digest, story, duplicate_of, is_article, signature, path, source, url,"
                " title, published, non_article_reason, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, seq, entry.digest, story, copy_of, int(_usable(article)),
                 signature.tobytes() if signature is not None else None, article.path, article.source, article.url,
                 article.title, article.published, article.non_article_reason, article.text))
            # A near copy is banded too (as ``dedup.DuplicateFinder`` files it): a copy of
            # the copy is found through it. An exact copy adds nothing to find.
            if signature is not None and not exact:
                self.db.executemany("INSERT INTO bands (band, article) VALUES (?, ?)",
                                    [(key, seq) for key in band_keys[row]])
            result.added += 1
        self.index.flush()

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
