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
# Titles that stand before a name and so never end a sentence ("air force Lt. Col. Kim").
_TITLE_BEFORE_NAME = re.compile(
    r"\b(?:Lt|Col|Gen|Maj|Capt|Cmdr|Adm|Sgt|Cpl|Pvt|Lt\. Col|Brig|Rep|Sen|Gov|Atty|Supt|Insp|Det|"
    r"Dr|Mr|Mrs|Ms|Prof|Rev|Fr|Hon|Pres)\.\s*$")
# Sentences glued together by a scraper that dropped the space between paragraphs
# ("were badly damaged.We have no ..."): a lower-case word, its stop, a capitalised word.
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?:[\"”’](?=[A-Z]))?(?=[A-Z][a-z])")


def _unglued(start: int, end: int, text: str) -> list[tuple[int, int]]:
    cuts = [start] + [m.end() for m in _GLUED.finditer(text, start, end)
                      if not _TITLE_BEFORE_NAME.search(text, start, m.end())] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b - a >= MIN_SENTENCE_CHARS]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        offset = paragraph.start()
        joined_to_previous = False
        for _, (start, end) in nupunkt.sent_spans_with_text(paragraph.group()):
            piece = text[offset + start : offset + end]
            stripped_start = len(piece) - len(piece.lstrip())
            stripped_end = len(piece.rstrip())
            if stripped_end - stripped_start < MIN_SENTENCE_CHARS:
                continue
            span = (offset + start + stripped_start, offset + start + stripped_end)
            if joined_to_previous:
                span = (spans.pop()[0], span[1])
            spans.extend(_unglued(*span, text))
            joined_to_previous = bool(_TITLE_BEFORE_NAME.search(text[span[0] : span[1]]))
    return spans


def segment_article(article: Article) -> Article:
    article.sentences = [Span(article.id, s, e) for s, e in sentence_spans(article.text)]
    return article
