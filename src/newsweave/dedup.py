"""Dedup: exact and near-duplicate articles (wire copy, re-publications, updated versions).

Exact duplicates share their normalised text and are found by hashing, without MinHash.
Near-duplicates are found with MinHash LSH over word 5-shingles (``minhash``) and kept
when the estimated Jaccard similarity reaches ``NEAR_DUPLICATE_JACCARD``. Each group keeps
one canonical article (the earliest published, else the first read); the others get
``duplicate_of``. For the report, ``copies_view`` says which outlet ran which copy and
what each copy changed: the sentences it added and those it cut.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .minhash import NearDuplicateIndex, sketch
from .model import Article
from .text_features import normalised_text, token_shingles, tokens

NEAR_DUPLICATE_JACCARD = 0.5  # estimated Jaccard of word 5-shingle sets (same text with local edits)
SHINGLE_CHARS = 50_000  # a longer text is compared by its beginning: bounded cost per article
MAX_LISTED_CHANGES = 20  # sentences listed per copy and direction in the report


@dataclass
class CopyGroup:
    canonical: str
    copies: list[str] = field(default_factory=list)
    similarity: dict[str, float] = field(default_factory=dict)  # copy id -> estimated Jaccard (1.0: exact)


def text_digest(text: str) -> bytes:
    return tokens_digest(tokens(text))


def tokens_digest(words: list[str]) -> bytes:
    """``text_digest`` of the text these are the tokens of."""
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).digest()


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:  # path compression keeps later finds O(1)
            parent[x], x = root, parent.get(x, x)
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the earlier-read article stays root


def _dedupable(article: Article) -> bool:
    return article.is_article and bool(article.text.strip())


@dataclass(frozen=True)
class TextSketch:
    """What duplicate detection needs of one text: the hash of its normalised words and the
    MinHash sketch of its shingles (None without words). Made from the text alone, so texts
    can be sketched in parallel and filed in order."""

    digest: bytes
    minhash: object | None


def sketch_text(text: str, backend: str | None = None) -> TextSketch:
    words = tokens(text)  # tokenised once, for the exact hash and the shingles
    digest = tokens_digest(words)
    if len(text) > SHINGLE_CHARS:
        words = tokens(text[:SHINGLE_CHARS])
    return TextSketch(digest, sketch(token_shingles(words), backend))


class DuplicateFinder:
    """Streaming duplicate detection: each text added is matched against all earlier ones.

    ``add(text)`` returns ``(position of an earlier text it copies, estimated Jaccard)``, or
    ``(None, 0.0)``. Exact copies are caught by a hash of the normalised text without
    MinHash; the rest go through the MinHash LSH index. Memory per text: one 16-byte
    hash and one signature row. ``add(text)`` is ``add_sketch(sketch_text(text))``.
    """

    def __init__(self, backend: str | None = None):
        self.index = NearDuplicateIndex(NEAR_DUPLICATE_JACCARD, backend)
        self.backend = self.index.backend
        self.first_with_digest: dict[bytes, int] = {}
        self.index_to_position: list[int] = []
        self.count = 0

    def add(self, text: str) -> tuple[int | None, float]:
        position = self.count
        self.count += 1
        words = tokens(text)  # tokenised once, for the exact hash and the shingles
        digest = tokens_digest(words)
        earlier = self.first_with_digest.get(digest)
        if earlier is not None:
            return earlier, 1.0  # an exact copy: no shingles needed
        if len(text) > SHINGLE_CHARS:
            words = tokens(text[:SHINGLE_CHARS])
        return self._file(position, digest, sketch(token_shingles(words), self.backend))

    def add_sketch(self, text_sketch: TextSketch) -> tuple[int | None, float]:
        """``add`` for a text sketched beforehand by ``sketch_text`` (with this backend)."""
        position = self.count
        self.count += 1
        earlier = self.first_with_digest.get(text_sketch.digest)
        if earlier is not None:
            return earlier, 1.0
        return self._file(position, text_sketch.digest, text_sketch.minhash)

    def _file(self, position: int, digest: bytes, minhash) -> tuple[int | None, float]:
        self.first_with_digest[digest] = position
        matches = self.index.add_sketch(minhash)
        self.index_to_position.append(position)
        if not matches:
            return None, 0.0
        key, similarity = max(matches, key=lambda m: m[1])
        return self.index_to_position[key], similarity


def mark_duplicates(articles: list[Article], backend: str | None = None) -> list[CopyGroup]:
    """Set ``duplicate_of`` on every copy and return the copy groups."""
    candidates = [a for a in articles if _dedupable(a)]
    groups = _UnionFind()
    similarity: dict[int, float] = {}
    finder = DuplicateFinder(backend)
    for position, article in enumerate(candidates):
        earlier, estimate = finder.add(article.text)
        if earlier is not None:
            groups.union(earlier, position)
            similarity[position] = estimate

    members: dict[int, list[int]] = {}
    for position in groups.parent:
        members.setdefault(groups.find(position), []).append(position)
    out: list[CopyGroup] = []
    for root, positions in sorted(members.items()):
        positions = sorted(set(positions) | {root})
        ordered = sorted(positions, key=lambda p: (candidates[p].published or "9999-99-99", p))
        canonical = candidates[ordered[0]]
        canonical.duplicate_of = None
        group = CopyGroup(canonical.id)
        for p in ordered[1:]:
            candidates[p].duplicate_of = canonical.id
            group.copies.append(candidates[p].id)
            group.similarity[candidates[p].id] = round(similarity.get(p, similarity.get(ordered[0], 1.0)), 3)
        out.append(group)
    return out


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")


def _sentences(article: Article) -> list[tuple[int, int]]:
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    spans, cursor = [], 0
    for match in _SENTENCE_BREAK.finditer(article.text):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(article.text)))
    return [(s, e) for s, e in spans if article.text[s:e].strip()]


def sentence_changes(canonical: Article, copy: Article) -> dict[str, list[dict]]:
    """Sentences the copy added (spans in the copy) and cut (spans in the canonical)."""
    def keyed(article: Article) -> list[tuple[str, int, int]]:
        return [(normalised_text(article.text[s:e]), s, e) for s, e in _sentences(article)]
    original, copied = keyed(canonical), keyed(copy)
    original_keys, copied_keys = {k for k, _, _ in original}, {k for k, _, _ in copied}
    def listed(article: Article, sentences, other_keys) -> list[dict]:
        return [{"article": article.id, "start": s, "end": e, "text": article.text[s:e]}
                for k, s, e in sentences if k and k not in other_keys][:MAX_LISTED_CHANGES]
    return {"added": listed(copy, copied, original_keys), "removed": listed(canonical, original, copied_keys)}


def copies_view(groups: list[CopyGroup], story_articles: list[Article]) -> list[dict]:
    """The copy groups that fall in one story, for the report: who ran which copy, what changed."""
    by_id = {a.id: a for a in story_articles}
    view = []
    for group in groups:
        canonical = by_id.get(group.canonical)
        copies = [by_id[c] for c in group.copies if c in by_id]
        if canonical is None or not copies:
            continue
        entries = []
        for copy in copies:
            changes = sentence_changes(canonical, copy)
            entries.append({"id": copy.id, "outlet": copy.outlet, "published": copy.published,
                            "similarity": group.similarity.get(copy.id),
                            "exact": not changes["added"] and not changes["removed"], **changes})
        view.append({"canonical": canonical.id, "outlet": canonical.outlet, "published": canonical.published,
                     "copies": entries})
    return view
