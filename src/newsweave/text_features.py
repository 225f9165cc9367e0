"""Word-level features shared by the stages: tokens, content words, names and numbers."""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
NAME = re.compile(r"\b[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*(?:\s+[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*)*")
NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "told", "added", "mr", "ms", "mrs"}


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 1]


def shingles(text: str, size: int = 5) -> set[str]:
    tokens = WORD.findall(text.replace("’", "'").lower())  # words(), lowercasing once
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def normalised_text(text: str) -> str:
    return " ".join(WORD.findall(text.replace("’", "'").lower()))  # words(), lowercasing once
