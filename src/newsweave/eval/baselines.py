"""Extractive summarization baselines over the same cleaned, segmented articles newsweave
reads: Lead, LexRank and TextRank (sumy) and a TF-IDF centroid. Each returns the indices of
the chosen sentences into ``story_sentences(articles)``; every one fills its word budget
with ``summarize.fill_budget``, the rule newsweave's own summary follows."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from ..errors import UserError
from ..model import Article
from ..summarize import fill_budget
from ..text_features import STOP_WORDS, content_words, words


def story_sentences(articles: list[Article]) -> list[tuple[int, int, str]]:
    """(article index, sentence index, text) for every sentence of the story."""
    return [(n, i, a.sentence_text(i)) for n, a in enumerate(articles) for i in range(len(a.sentences))]


def _lengths(sentences) -> list[int]:
    return [len(words(text)) for _, _, text in sentences]


def _in_story_order(chosen: list[int]) -> list[int]:
    return sorted(chosen)


def lead(articles: list[Article], max_words: int) -> list[int]:
    """First sentences of each article in turn: every article's first, then every second..."""
    sentences = story_sentences(articles)
    order = sorted(range(len(sentences)), key=lambda k: (sentences[k][1], sentences[k][0]))
    return sorted(fill_budget(order, _lengths(sentences), max_words), key=order.index)


def centroid(articles: list[Article], max_words: int, redundancy: float = 0.7) -> list[int]:
    """Radev-style centroid: sentences most similar to the story's TF-IDF centroid, skipping
    near-repeats of sentences already chosen."""
    sentences = story_sentences(articles)
    if not sentences:
        return []
    try:
        vectors = TfidfVectorizer(analyzer=content_words).fit_transform([t for _, _, t in sentences])
    except ValueError:
        return lead(articles, max_words)
    center = np.asarray(vectors.mean(axis=0)).ravel()
    scores = np.asarray(vectors @ center).ravel()
    lengths = _lengths(sentences)
    chosen, used = [], 0
    for k in np.argsort(-scores, kind="stable"):
        if used + lengths[k] > max_words:
            continue
        if chosen and (vectors[chosen] @ vectors[k].T).toarray().max() > redundancy:
            continue
        chosen.append(int(k))
        used += lengths[k]
    return _in_story_order(chosen)


class _Words:
    """sumy's tokenizer interface over newsweave's own word splitter (no NLTK data)."""

    language = "english"

    @staticmethod
    def to_words(text: str) -> list[str]:
        return words(text)

    @staticmethod
    def to_sentences(text: str) -> list[str]:
        return [text]


def _sumy_ranking(algorithm: str, sentences) -> list[int]:
    try:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
    except ImportError as exc:
        raise UserError("the LexRank/TextRank baselines need sumy: pip install 'newsweave[eval]'") from exc

    summarizer_class = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[algorithm]

    class Ranked(summarizer_class):
        """sumy returns its top sentences in document order; keep its ranking instead."""

        @staticmethod
        def _get_best_sentences(all_sentences, count, rating, *args, **kwargs):
            rate = rating.__getitem__ if isinstance(rating, dict) else (lambda s: rating(s, *args, **kwargs))
            order = sorted(range(len(all_sentences)), key=lambda k: -rate(all_sentences[k]))
            return tuple(order)

    tokenizer = _Words()
    document = ObjectDocumentModel([Paragraph([Sentence(text, tokenizer) for _, _, text in sentences])])
    summarizer = Ranked(Stemmer("english"))
    summarizer.stop_words = STOP_WORDS
    return list(summarizer(document, len(sentences)))


def _sumy(algorithm: str, articles: list[Article], max_words: int) -> list[int]:
    sentences = story_sentences(articles)
    if not sentences:
        return []
    order = _sumy_ranking(algorithm, sentences)
    return _in_story_order(fill_budget(order, _lengths(sentences), max_words))


def lexrank(articles: list[Article], max_words: int) -> list[int]:
    return _sumy("lexrank", articles, max_words)


def textrank(articles: list[Article], max_words: int) -> list[int]:
    return _sumy("textrank", articles, max_words)


BASELINES = {"lead": lead, "lexrank": lexrank, "textrank": textrank, "centroid": centroid}
