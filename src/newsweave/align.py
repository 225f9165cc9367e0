"""Align: group sentences of a story's articles into facts.

A fact is a set of sentences from different articles that report the same thing.
Sentences are compared by TF-IDF cosine over content words; the most similar
cross-article pairs are merged first, and a merge that would put two sentences of
one article into a fact is refused, so each fact has at most one mention per article.
"""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .model import Article, Fact, Mention
from .text_features import content_words

SAME_FACT_SIMILARITY = 0.35


def sentence_vectors(texts: list[str]):
    vectorizer = TfidfVectorizer(analyzer=content_words, sublinear_tf=True)
    return vectorizer.fit_transform(texts)


def align_facts(articles: list[Article], threshold: float = SAME_FACT_SIMILARITY) -> list[Fact]:
    """Facts of one story, most widely supported first."""
    index: list[tuple[Article, int]] = [(a, i) for a in articles for i in range(len(a.sentences))]
    if not index:
        return []
    texts = [a.sentence_text(i) for a, i in index]
    try:
        vectors = sentence_vectors(texts)
    except ValueError:  # no content words at all
        vectors = None
    group_of = list(range(len(index)))
    members: dict[int, list[int]] = {g: [g] for g in group_of}
    articles_in: dict[int, set[str]] = {g: {index[g][0].id} for g in group_of}
    if vectors is not None and len(index) > 1:
        similarity = (vectors @ vectors.T).toarray()
        article_of = np.array([hash(a.id) for a, _ in index])
        rows, cols = np.nonzero(np.triu(similarity, 1) >= threshold)
        pairs = [(similarity[r, c], r, c) for r, c in zip(rows, cols) if article_of[r] != article_of[c]]
        for _, r, c in sorted(pairs, reverse=True):
            gr, gc = group_of[r], group_of[c]
            if gr == gc or articles_in[gr] & articles_in[gc]:
                continue
            for m in members[gc]:
                group_of[m] = gr
            members[gr].extend(members.pop(gc))
            articles_in[gr] |= articles_in.pop(gc)
    facts = []
    for group in members.values():
        mentions = [Mention(index[m][0].id, index[m][0].sentences[index[m][1]].start,
                            index[m][0].sentences[index[m][1]].end, index[m][1]) for m in sorted(group)]
        representative = _central(group, vectors) if vectors is not None else group[0]
        facts.append(Fact(text=texts[representative], sources=[m.article for m in mentions], mentions=mentions))
    order = {a.id: n for n, a in enumerate(articles)}
    facts.sort(key=lambda f: (-len(f.sources), order[f.mentions[0].article], f.mentions[0].sentence))
    return facts


def _central(group: list[int], vectors) -> int:
    """The member most similar to the others: the fact's most typical wording."""
    if len(group) <= 2:
        return min(group)
    sub = vectors[group]
    scores = np.asarray((sub @ sub.T).sum(axis=1)).ravel()
    return group[int(np.argmax(scores))]
