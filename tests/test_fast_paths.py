"""The fast paths of the story engine give exactly what the plain code they replace gives."""

from __future__ import annotations

import random
import re

from newsweave import clean, nonarticle
from newsweave.attribution.records import _closing_mark, quoted_spans
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
    doubled_full_stop = re.compile(r"(?<![.\s])\.\.(?=\s|$)")  # 'pandemic..' is one full stop, '...' stays
    for line in _random_texts(3000) + ["It spread.. Then", "Wait... what..", "a..\u00a0b", "x ..", "end.."]:
        assert clean.normalise_line(line) == spaces.sub(" ", doubled_full_stop.sub(".", line)).strip()
        fast, plain = clean.credit_tail(line), clean._CREDIT_TAIL.search(line)
        assert (fast and fast.span()) == (plain and plain.span()), line


def test_non_article_pattern_on_lowered_text_finds_what_the_case_blind_pattern_finds():
    pieces = ["Crawl", "WAYBACK Machine", "Sign In", "sign-in", "Your Browser", "JavaScript", "is Disabled", "Web Pages",
              "URLs", "Log In", "the news", "Minister", "said", "Page Not Found", "Click Here", ". ", " ", "\n", "é", "’"]
    plain = re.compile(nonarticle._INTERFACE.pattern, re.I)
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert bool(nonarticle._INTERFACE.search(text.lower())) == bool(plain.search(text)), text


def _plain_vectorise(terms, stats, max_terms):
    import math
    top_idf = math.log(1 + stats.documents) + 1.0
    weights = {t: (1.0 + math.log(c)) * (top_idf - math.log(1 + stats.frequency.get(t, 0)))
               * {"n:": 0.5, "#:": 0.6}.get(t[:2], 1.0) for t, c in terms.items()}
    kept = dict(sorted(weights.items(), key=lambda item: item[1], reverse=True)[:max_terms])
    norm = math.sqrt(sum(w * w for w in kept.values()))
    return {t: w / norm for t, w in kept.items()}


def test_story_vectors_equal_the_plain_formula_bit_for_bit():
    from collections import Counter

    from newsweave.model import Article
    from newsweave.story_features import NAME_WEIGHT, NUMBER_WEIGHT, TermStatistics, article_terms, vectorise
    assert (NAME_WEIGHT, NUMBER_WEIGHT) == (0.5, 0.6)  # as in the plain formula above
    rng = random.Random(3)
    words = ["river", "bridge", "Mayor Ann Hollis", "flood", "council", "17", "2024", "Riverton", "rain", "said"]
    articles = [Article(f"a{i}", "p", ". ".join(" ".join(rng.choice(words) for _ in range(rng.randint(0, 40)))
                                                 for _ in range(rng.randint(1, 9))), title=rng.choice([None, "Flood"]))
                for i in range(300)]
    terms = [article_terms(a) for a in articles]
    stats = TermStatistics()
    for counts in terms:
        stats.add(counts)
    terms.append(Counter({"river": 300, "n:unseen": 1}))  # a count beyond any table, a term never counted
    for counts in terms:
        for max_terms in (3, 120):
            fast, plain = vectorise(counts, stats, max_terms), _plain_vectorise(counts, stats, max_terms)
            assert list(fast.items()) == list(plain.items())


def test_story_index_helpers_equal_the_counter_methods():
    from collections import Counter

    from newsweave.cluster import _add_into, most_voted
    from newsweave.story_features import sparse_dot
    rng = random.Random(9)
    for _ in range(500):
        votes = Counter(rng.choice(range(30)) for _ in range(rng.randint(0, 200)))
        n = rng.randint(1, 12)
        assert most_voted(votes, n) == [key for key, _ in votes.most_common(n)]
        floats = Counter({k: rng.choice([0.5, 0.25, rng.random()]) for k in range(rng.randint(0, 40))})
        assert most_voted(floats, n) == [key for key, _ in floats.most_common(n)]
        total, vector = Counter({f"t{k}": rng.random() for k in range(rng.randint(0, 20))}), {f"t{k}": rng.random() for k in range(rng.randint(0, 30))}
        expected = Counter(total)
        expected.update(vector)
        _add_into(total, vector)
        assert list(total.items()) == list(expected.items())
        assert sparse_dot(total, vector) == sum(total[t] * vector[t] for t in total.keys() & vector.keys())


def test_band_keys_match_exactly_when_a_whole_band_matches():
    # The store's LSH table: two signatures share a band's key when, and only when, those
    # rows are equal (the plain definition: compare the band's rows), one call for many.
    import numpy as np

    from newsweave.minhash import NUM_BANDS, NUM_PERM, band_keys

    rng = np.random.default_rng(3)
    signatures = rng.integers(0, 2**32, (200, NUM_PERM), dtype=np.uint64).astype(np.uint32)
    others = signatures.copy()
    rows = NUM_PERM // NUM_BANDS
    changed = rng.random((200, NUM_BANDS)) < 0.3
    for i, band in zip(*np.nonzero(changed)):
        others[i, band * rows + rng.integers(rows)] ^= np.uint32(1 + rng.integers(2**31))
    keys, other_keys = band_keys(signatures), band_keys(others)
    assert keys.shape == (200, NUM_BANDS) and keys.min() >= 0
    assert ((keys == other_keys) == ~changed).all()
    assert (band_keys(signatures[7]) == keys[7]).all()  # one signature gives its row of keys
    assert len(set(keys.ravel().tolist())) == keys.size  # bands at other positions never share keys


def _plain_quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """records.quoted_spans as first written, stepping one character at a time (with its
    rule for where a quotation closes, tested on its own in test_attribution)."""
    spans = []
    i = start
    while i < end:
        ch = text[i]
        if ch in "“«\"":
            line_end = text.find("\n", i)
            line_end = len(text) if line_end == -1 else line_end
            close = _closing_mark(text, i, ch, min(end + 400, line_end))
            if close == -1 and line_end > end + 400:
                break
            spans.append((i, line_end if close == -1 else close + 1))
            i = spans[-1][1]
        else:
            i += 1
    return spans


def test_quoted_spans_jumping_between_marks_equals_stepping_through_each_character():
    rng = random.Random(11)
    pieces = ["“", "”", "«", "»", '"', "\n", "\n\n", "he said", "A.", " ", "x" * 450, "'"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for text in texts:
        for _ in range(3):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            assert quoted_spans(text, start, end) == _plain_quoted_spans(text, start, end), (text, start, end)
