"""Word-level features shared by the stages: tokens, content words, names and numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
NAME = re.compile(r"\b[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*(?:\s+[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*)*")
NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "told", "added", "mr", "ms", "mrs"}


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 1]


def tokens(text: str) -> list[str]:
    """``words(text)``, lowercasing the text once rather than word by word."""
    return WORD.findall(text.replace("’", "'").lower())


def shingles(text: str, size: int = 5) -> set[str]:
    return token_shingles(tokens(text), size)


def token_shingles(words: list[str], size: int = 5) -> set[str]:
    """The word ``size``-grams of a token list (the whole list when it is shorter)."""
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(gram) for gram in zip(*(words[i:] for i in range(size)))}


def normalised_text(text: str) -> str:
    return " ".join(tokens(text))


def without_leading_boundary(pattern: re.Pattern) -> re.Pattern:
    """The pattern minus its leading ``\\b``, for ``matches_at_word_starts``."""
    if not pattern.pattern.startswith(r"\b"):
        raise ValueError(f"pattern does not begin with \\b: {pattern.pattern!r}")
    return re.compile(pattern.pattern[2:], pattern.flags)


def matches_at_word_starts(unanchored: re.Pattern, text: str) -> Iterator[re.Match]:
    """``re.finditer(r"\\b" + unanchored, text)``, for a pattern whose matches begin with a
    word character, several times faster: without a leading ``\\b`` the regex engine jumps to
    the next possible first character instead of trying every position. The boundary is
    checked here, and a position that fails it is retried one character on, as finditer would."""
    position = 0
    while (match := unanchored.search(text, position)) is not None:
        start = match.start()
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):  # the \b of re
            yield match
            position = match.end()  # never empty: it begins with a word character
        else:
            position = start + 1
