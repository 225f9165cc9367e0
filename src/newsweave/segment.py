"""Segment: split each article's clean text into sentences, as character spans.

Uses nupunkt (Punkt with a model inside the wheel: robust to abbreviations and
quotes, no download, ~5 MB/s). Paragraphs are segmented one at a time, so no
sentence crosses a paragraph break.
"""

from __future__ import annotations

import re

import nupunkt

from .model import Article, Span

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
MIN_SENTENCE_CHARS = 2


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        offset = paragraph.start()
        for _, (start, end) in nupunkt.sent_spans_with_text(paragraph.group()):
            piece = text[offset + start : offset + end]
            stripped_start = len(piece) - len(piece.lstrip())
            stripped_end = len(piece.rstrip())
            if stripped_end - stripped_start >= MIN_SENTENCE_CHARS:
                spans.append((offset + start + stripped_start, offset + start + stripped_end))
    return spans


def segment_article(article: Article) -> Article:
    article.sentences = [Span(article.id, s, e) for s, e in sentence_spans(article.text)]
    return article
