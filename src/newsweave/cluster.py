"""Cluster: group articles into stories (events).

Each article is a TF-IDF vector over its content words plus its names (capitalised
word sequences) and numbers, which tell one event from a similar one; publication
dates further apart than ``TIME_WINDOW_DAYS`` are never merged. Groups are formed
by average-linkage agglomerative clustering on cosine distance.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from scipy.sparse import hstack
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from .model import Article
from .text_features import NAME, NUMBER, content_words

STORY_DISTANCE_THRESHOLD = 0.80  # cosine distance at which average linkage stops merging
NAME_WEIGHT = 2.0
TIME_WINDOW_DAYS = 7


def article_document(article: Article) -> str:
    title = article.title or ""
    return f"{title}\n{title}\n{article.text}"


def _names(text: str) -> list[str]:
    # Drop the sentence-initial word when it is alone: it is capitalised for grammar.
    return [m.group().lower() for m in NAME.finditer(text) if " " in m.group() or m.start() > 0]


def article_vectors(articles: list[Article]):
    documents = [article_document(a) for a in articles]
    words = TfidfVectorizer(analyzer=content_words, sublinear_tf=True, min_df=1)
    names = TfidfVectorizer(analyzer=lambda d: _names(d) + NUMBER.findall(d), sublinear_tf=True)
    word_matrix = words.fit_transform(documents)
    try:
        name_matrix = names.fit_transform(documents)
    except ValueError:  # no names or numbers anywhere
        return normalize(word_matrix)
    return normalize(hstack([word_matrix, NAME_WEIGHT * name_matrix]).tocsr())


def _day(article: Article) -> int | None:
    if not article.published:
        return None
    return dt.date.fromisoformat(article.published).toordinal()


def story_distances(articles: list[Article]) -> np.ndarray:
    vectors = article_vectors(articles)
    distances = 1.0 - (vectors @ vectors.T).toarray()
    days = [_day(a) for a in articles]
    for i, di in enumerate(days):
        for j, dj in enumerate(days):
            if di is not None and dj is not None and abs(di - dj) > TIME_WINDOW_DAYS:
                distances[i, j] = 1.0
    np.fill_diagonal(distances, 0.0)
    return np.clip(distances, 0.0, 1.0)


def group_stories(articles: list[Article], threshold: float = STORY_DISTANCE_THRESHOLD) -> list[list[Article]]:
    """Group articles into stories; each group keeps input order, groups are biggest first."""
    if not articles:
        return []
    if len(articles) == 1:
        return [list(articles)]
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    ).fit_predict(story_distances(articles))
    groups: dict[int, list[Article]] = {}
    for label, article in zip(labels, articles):
        groups.setdefault(int(label), []).append(article)
    return sorted(groups.values(), key=lambda g: (-len(g), articles.index(g[0])))
