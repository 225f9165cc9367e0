"""Summarize: an extractive multi-document summary in which every sentence cites every
article that supports it.

Facts are ranked by how many articles support them (corroboration), then by how early
they come in their articles; each chosen fact contributes its most typical sentence,
within a word budget, and the summary follows the articles' order of telling.
"""

from __future__ import annotations

from .model import Article, Fact, Span, SummarySentence
from .text_features import words

DEFAULT_WORDS = 120


def _position(fact: Fact, articles: dict[str, Article]) -> float:
    """Mean relative position of the fact in the articles that report it (0 = lead)."""
    positions = [m.sentence / max(1, len(articles[m.article].sentences)) for m in fact.mentions]
    return sum(positions) / len(positions)


def summarize(articles: list[Article], facts: list[Fact], max_words: int = DEFAULT_WORDS) -> list[SummarySentence]:
    by_id = {a.id: a for a in articles}
    ranked = sorted(facts, key=lambda f: (-len(set(f.sources)), _position(f, by_id)))
    chosen: list[Fact] = []
    used = 0
    for fact in ranked:
        length = len(words(fact.text))
        if length < 4:
            continue
        if used + length > max_words and chosen:
            continue
        chosen.append(fact)
        used += length
        if used >= max_words:
            break
    chosen.sort(key=lambda f: _position(f, by_id))
    return [
        SummarySentence(
            text=fact.text,
            sources=sorted(set(fact.sources), key=list(by_id).index),
            spans=[Span(m.article, m.start, m.end) for m in fact.mentions],
        )
        for fact in chosen
    ]
