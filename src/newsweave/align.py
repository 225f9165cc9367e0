"""Align: group the statements of a story's articles into facts.

A fact is a set of statements from different articles that report the same thing. The
unit is a clause: a sentence is split where news writing joins two reported statements
("..., adding that ...", "...; ..."), so a sentence that says two things can support two
facts. Clauses are compared by TF-IDF cosine over paraphrase-tolerant concepts
(``paraphrase.concept_words``), which sees "never forget Russia's strong support" and
"remember Russia's help" as the same statement. The most similar cross-article pairs (that
also share several concepts) are merged first; a merge is refused when it would put two clauses of one article into a fact,
or when the two groups are not similar on average (which stops chains of loosely related
clauses from snowballing into one fact).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .model import Article, Fact, Mention
from .paraphrase import concept_words

SAME_FACT_SIMILARITY = 0.3
GROUP_SIMILARITY_SHARE = 0.6  # merged groups must average at least this share of the threshold
MIN_SHARED_CONCEPTS = 3  # a pair shares at least this many concepts (or all of the shorter one's)
EVIDENCE_HALF_CONCEPTS = 3  # a pair sharing this many concepts has its similarity counted half
NEIGHBOURS = 20  # each clause is compared with its this-many most similar clauses of other articles
MIN_CLAUSE_WORDS = 5
MAX_UNITS = 2500  # beyond this, only each article's leading sentences are aligned (quadratic memory)

# Where one sentence joins two reported statements; the connector itself belongs to neither.
# "Noting that A, Putin said B": a speech tag inside a sentence, followed by more words,
# separates the statement before it from a new one after it.
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?:adding|saying|noting|stressing|stating)(?:\s+that)?\s+|\s+[—–]\s+|,\s+while\s+"
    r"|,\s+(?:[A-Z][\w’'-]*\s+){1,3}(?:said|says|added|stressed|noted)"
    # "..., Xi said that has once again shown ...": the demonstrative's statement is the one
    # before it, so the sentence stays whole
    r"(?!\s+(?:that|this)\s+(?:has|have|had|is|was|will|would|could|should|can|may|might)\b)"
    r"(?:\s+that)?\s+(?=[A-Za-z])")
# A lead-in that states nothing by itself ("Echoing the view of the Chinese side, Lavrov
# said ..."): a participle with no "that" clause of its own
_LEAD_IN = re.compile(r"^[A-Z]\w*ing\b(?!.*\bthat\b)")


@dataclass(frozen=True)
class Unit:
    """One clause of one article: ``article`` indexes the story's articles."""

    article: int
    sentence: int
    start: int
    end: int


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the sentence ``text[start:end]`` as absolute spans; pieces too short
    to state anything on their own stay with their neighbour."""
    sentence = text[start:end]
    pieces: list[list[int]] = []
    cursor = 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        pieces.append([cursor, match.start(), match.end()])
        cursor = match.end()
    pieces.append([cursor, len(sentence), len(sentence)])
    spans: list[list[int]] = []
    for piece_start, piece_end, _ in pieces:
        if spans and (len(sentence[spans[-1][0]:spans[-1][1]].split()) < MIN_CLAUSE_WORDS
                      or (len(spans) == 1 and _LEAD_IN.match(sentence[spans[0][0]:spans[0][1]]))):
            spans[-1][1] = piece_end
        elif spans and len(sentence[piece_start:piece_end].split()) < MIN_CLAUSE_WORDS:
            spans[-1][1] = piece_end
        else:
            spans.append([piece_start, piece_end])
    return [(start + s, start + e) for s, e in spans if e > s]


def story_units(articles: list[Article], max_units: int = MAX_UNITS) -> list[Unit]:
    per_article = max(1, max_units // max(1, len(articles)))
    units = []
    for n, article in enumerate(articles):
        for i, span in enumerate(article.sentences[: per_article]):
            for start, end in clause_spans(article.text, span.start, span.end):
                units.append(Unit(n, i, start, end))
    return units


def unit_vectors(texts: list[str]):
    """L2-normalised TF-IDF rows over concepts, or None when no text has a content word."""
    try:
        return TfidfVectorizer(analyzer=concept_words, sublinear_tf=True).fit_transform(texts)
    except ValueError:
        return None


def align_facts(articles: list[Article], threshold: float = SAME_FACT_SIMILARITY) -> list[Fact]:
    """Facts of one story, most widely supported first; each fact has at most one mention
    per article, and each mention is the exact clause span in that article's text."""
    units = story_units(articles)
    if not units:
        return []
    texts = [articles[u.article].text[u.start:u.end] for u in units]
    vectors = unit_vectors(texts)
    groups = _merge(units, vectors, threshold) if vectors is not None else [[n] for n in range(len(units))]
    facts = []
    for group in groups:
        group.sort(key=lambda m: (units[m].article, units[m].start))
        mentions = [Mention(articles[units[m].article].id, units[m].start, units[m].end, units[m].sentence)
                    for m in group]
        representative = _central(group, vectors) if vectors is not None else group[0]
        facts.append(Fact(text=texts[representative], sources=[m.article for m in mentions], mentions=mentions))
    order = {a.id: n for n, a in enumerate(articles)}
    facts.sort(key=lambda f: (-len(f.sources), order[f.mentions[0].article], f.mentions[0].start))
    return facts


def _merge(units: list[Unit], vectors, threshold: float) -> list[list[int]]:
    """Greedy average-linkage merging of cross-article pairs, most similar first."""
    similarity = (vectors @ vectors.T).toarray()
    article_of = np.array([u.article for u in units])
    np.fill_diagonal(similarity, 0.0)
    similarity[article_of[:, None] == article_of[None, :]] = 0.0
    rows, cols = _nearest_pairs(similarity, threshold, NEIGHBOURS)
    # Cosine alone lets two clauses match on one rare word ("impeachable"); a statement
    # shared by two articles shares several of its concepts.
    present = (vectors > 0).astype(np.int32)
    sizes = np.asarray(present.sum(axis=1)).ravel()
    shared = np.asarray(present[rows].multiply(present[cols]).sum(axis=1)).ravel()
    keep = (article_of[rows] != article_of[cols]) & (
        shared >= np.minimum(MIN_SHARED_CONCEPTS, np.minimum(sizes[rows], sizes[cols])))
    rows, cols, shared = rows[keep], cols[keep], shared[keep]
    # Short clauses reach high cosines on a few words; pairs that share more concepts are
    # surer evidence and are merged first.
    order = np.argsort(-similarity[rows, cols] * shared / (shared + EVIDENCE_HALF_CONCEPTS), kind="stable")
    group_of = list(range(len(units)))
    members: dict[int, list[int]] = {n: [n] for n in range(len(units))}
    articles_in: dict[int, set[int]] = {n: {units[n].article} for n in range(len(units))}
    for k in order:
        gr, gc = group_of[rows[k]], group_of[cols[k]]
        if gr == gc or articles_in[gr] & articles_in[gc]:
            continue
        if similarity[np.ix_(members[gr], members[gc])].mean() < threshold * GROUP_SIMILARITY_SHARE:
            continue
        for m in members[gc]:
            group_of[m] = gr
        members[gr].extend(members.pop(gc))
        articles_in[gr] |= articles_in.pop(gc)
    return list(members.values())


def _nearest_pairs(similarity: np.ndarray, threshold: float, neighbours: int):
    """Pairs (i < j) at or above ``threshold`` where one is among the other's ``neighbours``
    most similar units: a statement has few true matches, and a story of near-identical
    wire copies would otherwise yield millions of pairs."""
    n = len(similarity)
    if n <= neighbours + 1:
        rows, cols = np.nonzero(np.triu(similarity, 1) >= threshold)
        return rows, cols
    nearest = np.argpartition(-similarity, neighbours, axis=1)[:, :neighbours]
    rows = np.repeat(np.arange(n), neighbours)
    cols = nearest.ravel()
    keep = similarity[rows, cols] >= threshold
    pairs = {(min(r, c), max(r, c)) for r, c in zip(rows[keep].tolist(), cols[keep].tolist())}
    if not pairs:
        return np.array([], dtype=int), np.array([], dtype=int)
    rows, cols = map(np.array, zip(*sorted(pairs)))
    return rows, cols


def _central(group: list[int], vectors) -> int:
    """The member most similar to the others: the fact's most typical wording."""
    if len(group) <= 2:
        return min(group)
    sub = vectors[group]
    scores = np.asarray((sub @ sub.T).sum(axis=1)).ravel()
    return group[int(np.argmax(scores))]
