"""The fast paths of the story engine give exactly what the plain code they replace gives."""

from __future__ import annotations

import random
import re

from newsweave import clean
from newsweave.story_features import _PERSON_AFTER_ROLE
from newsweave.text_features import (NAME, NUMBER, WORD, matches_at_word_starts, normalised_text, shingles,
                                     without_leading_boundary)

_PIECES = ["Mr Xi", "President Xi Jinping", "VicePresident General Lee", "A380", "x_12", "3.5,6", "counterpart Wang Yi",
           "a", "Z", "9", "_", ".", " ", "\n", "\t", "\u00a0", "  ", "É", "é", "İ", "ſ", "٣", "²", "’", "-",
           " - Reuters", "(AP)", " – AFP ", "Home > News", "a | b", "Photo: x"]


def _random_texts(n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_matches_at_word_starts_equals_finditer_with_the_boundary():
    for pattern in (NAME, NUMBER, _PERSON_AFTER_ROLE):
        body = without_leading_boundary(pattern)
        for text in _random_texts(3000):
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in matches_at_word_starts(body, text)] == expected, text


def test_shingles_and_normalised_text_match_the_plain_definitions():
    for text in _random_texts(1000) + ["one two three four five six", "one two", ""]:
        tokens = WORD.findall(text.replace("’", "'").lower())
        plain = ({" ".join(tokens[i : i + 5]) for i in range(len(tokens) - 4)} if len(tokens) >= 5
                 else ({" ".join(tokens)} if tokens else set()))
        assert shingles(text) == plain
        assert normalised_text(text) == " ".join(tokens)


def test_clean_pre_checks_agree_with_the_patterns():
    spaces = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
    for line in _random_texts(3000):
        assert clean.normalise_line(line) == spaces.sub(" ", line).strip()
        fast, plain = clean.credit_tail(line), clean._CREDIT_TAIL.search(line)
        assert (fast and fast.span()) == (plain and plain.span()), line
