"""Dedup: exact and near-duplicate articles (wire copy, re-publications, updates).

Exact duplicates share their normalised text and are found by hashing. Near-duplicates
are found with MinHash LSH over word 5-shingles (datasketch) and confirmed with the
estimated Jaccard similarity. Each group keeps one canonical article (the earliest
published, else the first read); the others get ``duplicate_of``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from datasketch import MinHash, MinHashLSH

from .model import Article
from .text_features import normalised_text, shingles

NUM_PERM = 128
NEAR_DUPLICATE_JACCARD = 0.5  # estimated Jaccard of 5-shingle sets; tuned on the bench corpus


@dataclass
class CopyGroup:
    canonical: str
    copies: list[str] = field(default_factory=list)


def _minhash(text: str) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM)
    signature.update_batch([s.encode("utf-8") for s in shingles(text)])
    return signature


def _canonical_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.published or "9999", articles.index(a)))


def mark_duplicates(articles: list[Article]) -> list[CopyGroup]:
    """Set ``duplicate_of`` on every copy and return the copy groups."""
    candidates = [a for a in articles if a.is_article and a.text.strip()]
    order = {a.id: i for i, a in enumerate(candidates)}
    parent: dict[str, str] = {a.id: a.id for a in candidates}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb, key=order.get)] = min(ra, rb, key=order.get)

    by_hash: dict[str, str] = {}
    unique: list[Article] = []
    for article in candidates:
        digest = hashlib.blake2b(normalised_text(article.text).encode("utf-8"), digest_size=16).hexdigest()
        if digest in by_hash:
            union(by_hash[digest], article.id)
        else:
            by_hash[digest] = article.id
            unique.append(article)

    lsh = MinHashLSH(threshold=NEAR_DUPLICATE_JACCARD, num_perm=NUM_PERM)
    signatures: dict[str, MinHash] = {}
    for article in unique:
        signature = _minhash(article.text)
        for other in lsh.query(signature):
            if signature.jaccard(signatures[other]) >= NEAR_DUPLICATE_JACCARD:
                union(other, article.id)
        lsh.insert(article.id, signature)
        signatures[article.id] = signature

    members: dict[str, list[Article]] = {}
    for article in candidates:
        members.setdefault(find(article.id), []).append(article)
    groups: list[CopyGroup] = []
    for group in members.values():
        if len(group) < 2:
            continue
        ordered = _canonical_first(group)
        canonical = ordered[0]
        for copy in ordered[1:]:
            copy.duplicate_of = canonical.id
        groups.append(CopyGroup(canonical.id, [a.id for a in ordered[1:]]))
    return groups


def copies_view(groups: list[CopyGroup], story_articles: list[Article]) -> list[dict]:
    """The copy groups that fall in one story, for the report."""
    ids = {a.id for a in story_articles}
    return [{"canonical": g.canonical, "copies": [c for c in g.copies if c in ids]}
            for g in groups if g.canonical in ids and any(c in ids for c in g.copies)]
